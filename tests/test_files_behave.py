"""Files that behave (issue 14): only regular files are read, sizes are checked first, a
FIFO never blocks, a symbolic-link loop anywhere is a pack error, and a `requires` chain
of a thousand packs is a clear message instead of a RecursionError."""

import argparse
import io
import os
import signal

import pytest

from game.commands import validate
from game.content.library import load_library
from game.content.limits import MAX_REQUIRES_DEPTH
from game.content.yamlsafe import read_yaml
from game.paths import user_packs_dir
from game.store.results import ResultsError, read_results

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs and links")

MINIMAL = "format: 1\npack: {id}\ntitle: Pack {id}\n"


@pytest.fixture(autouse=True)
def never_hang():
    """A safety net, not a timing: a read that blocks on a FIFO fails the test instead
    of hanging the whole run."""
    def hung(signum, frame):
        raise TimeoutError("blocked: a read waited on a FIFO")
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def user_folder():
    folder = user_packs_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def only_message(problems):
    assert len(problems) == 1, problems
    return problems[0].message


def test_a_fifo_named_like_a_pack_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    parsed = read_yaml(fifo)
    assert parsed.data is None
    assert "is a FIFO (named pipe), not a file" in only_message(parsed.problems)


def test_a_fifo_in_the_user_pack_folder_is_listed_as_a_broken_pack():
    os.mkfifo(user_folder() / "pipe.yaml")
    library = load_library()
    assert [b.path.name for b in library.broken] == ["pipe.yaml"]
    assert "FIFO" in library.broken[0].problems[0].message
    assert library.packs, "the bundled packs still load"


def test_thaw_validate_on_a_fifo_reports_it_and_fails(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    out = io.StringIO()
    assert validate.run(argparse.Namespace(paths=[str(fifo)]), out) == 1
    assert "FIFO" in out.getvalue() and "FAIL" in out.getvalue()


def test_a_symlink_loop_in_the_user_pack_folder_is_a_pack_error():
    loop = user_folder() / "loop.yaml"
    os.symlink(loop.name, loop)
    library = load_library()
    assert [b.path.name for b in library.broken] == ["loop.yaml"]
    assert "symbolic link loop" in library.broken[0].problems[0].message


def test_a_symlink_loop_given_with_pack_is_a_pack_error(tmp_path):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    os.symlink(second, first)
    os.symlink(first, second)
    library = load_library(extra=[first])
    assert [b.path for b in library.broken] == [first]
    assert "symbolic link loop" in library.broken[0].problems[0].message


def test_thaw_validate_on_a_symlink_loop_reports_it(tmp_path):
    loop = tmp_path / "loop.yaml"
    os.symlink(loop.name, loop)
    out = io.StringIO()
    assert validate.run(argparse.Namespace(paths=[str(loop)]), out) == 1
    assert "symbolic link loop" in out.getvalue()
    assert "unexpected error" not in out.getvalue()


def test_a_dangling_link_named_like_a_pack_says_so():
    os.symlink("gone.yaml", user_folder() / "dangling.yaml")
    library = load_library()
    assert "a file that does not exist" in library.broken[0].problems[0].message


def test_a_requires_chain_of_a_thousand_packs_is_a_clear_error(tmp_path):
    for number in range(1000):
        text = MINIMAL.format(id=f"p{number}")
        if number:
            text += f"requires: p{number - 1}\n"
        (tmp_path / f"p{number:04d}.yaml").write_text(text, encoding="utf-8")
    library = load_library([tmp_path])
    loaded = {pack.id for pack in library.packs}
    assert loaded == {f"p{n}" for n in range(MAX_REQUIRES_DEPTH + 1)}
    deepest = next(b for b in library.broken if b.path.name == "p0999.yaml")
    message = deepest.problems[0].message
    assert "requires a chain of 999 packs" in message and "at most 20" in message
    assert deepest.problems[0].line == 4


def test_a_results_file_that_is_a_fifo_is_reported_not_waited_for(tmp_path):
    fifo = tmp_path / "20240305-101500-7B.json"
    os.mkfifo(fifo)
    with pytest.raises(ResultsError, match="FIFO"):
        read_results(fifo)


def test_a_fifo_given_with_pack_is_a_pack_error(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    library = load_library(extra=[fifo])
    assert [b.path for b in library.broken] == [fifo]
    assert library.packs
