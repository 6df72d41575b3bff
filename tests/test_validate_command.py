"""`thaw validate`: one line per pack, every problem as file:line:col, and the exit status."""

from __future__ import annotations

import re

import pytest

import game
from game import cli

from packhelp import marked_line, write_pack

OK_LINE = re.compile(r'^OK +(?P<path>\S+): (?P<id>[a-z0-9-]+) "(?P<title>.*)" -- (?P<events>\d+) events, '
                     r"(?P<questions>\d+) questions, (?P<perspectives>\d+) perspectives, \d+ levels?$")


def validate(capsys, *args: str):
    code = cli.main(["validate", *map(str, args)])
    return code, capsys.readouterr().out.splitlines()


@pytest.fixture(autouse=True)
def no_bundled_levels(tmp_path_factory, monkeypatch):
    """The command also loads levels/ as context; keep these tests to their own packs."""
    monkeypatch.setattr("game.LEVELS_DIR", tmp_path_factory.mktemp("levels"))


def test_a_valid_pack_prints_ok_with_its_counts_and_exits_0(tmp_path, capsys):
    path = write_pack(tmp_path, "", events=True)
    code, lines = validate(capsys, path)
    assert code == 0
    match = OK_LINE.match(lines[0])
    assert match, lines
    assert (match["id"], match["title"], match["events"], match["perspectives"]) == \
        ("test-pack", "A test pack", "2", "3")
    assert lines[-1] == "1 pack checked: 1 OK"


def test_a_broken_pack_prints_every_error_with_its_line_and_exits_1(tmp_path, capsys):
    path = write_pack(tmp_path, """\
events:
  - id: one
    title: One
    date: 1956-02-30 #!
    summary: s
    cite: {{source: nowhere, excerpt: x}}
""")
    code, lines = validate(capsys, path)
    assert code == 1
    assert lines[0].startswith("FAIL") and "2 errors" in lines[0]
    line = marked_line(path)
    assert f"{path}:{line}:11: error: event 'one': date '1956-02-30' is not a calendar date" in lines[1]
    assert f"{path}:{line + 2}:" in lines[2] and "no source 'nowhere'" in lines[2]
    assert lines[-1] == "1 pack checked: 0 OK, 1 with errors"


def test_warnings_are_printed_but_do_not_fail(tmp_path, capsys):
    write_pack(tmp_path, """\
events:
  - id: war
    title: War
    date: 1945
    summary: Joseph Stalin's war
    cite: {{source: today-is, excerpt: "he denounced Joseph Stalin"}}
""")
    code, lines = validate(capsys, tmp_path)
    assert code == 0
    assert ": warning: event 'war': date 1945 is outside 1953-1964" in lines[1]
    assert lines[-1] == "1 pack checked: 1 OK, 1 warning"


def test_a_folder_is_checked_file_by_file(tmp_path, capsys):
    write_pack(tmp_path, "", name="a.yaml")
    (tmp_path / "b.yaml").write_text("format: 1\npack: b\n", encoding="utf-8")
    code, lines = validate(capsys, tmp_path)
    assert code == 1
    assert lines[0].startswith("OK ") and "a.yaml" in lines[0]
    assert lines[1].startswith("FAIL") and "b.yaml" in lines[1]
    assert "missing required key 'title'" in lines[2]
    assert lines[-1] == "2 packs checked: 1 OK, 1 with errors"


def test_a_path_that_does_not_exist_is_a_usage_error(tmp_path, capsys):
    code, lines = validate(capsys, tmp_path / "nope.yaml")
    assert code == 2
    assert lines == [f"thaw validate: {tmp_path / 'nope.yaml'}: no such file or folder"]


def test_a_folder_without_packs_is_a_usage_error(tmp_path, capsys):
    code, lines = validate(capsys, tmp_path)
    assert code == 2 and "no pack files" in lines[0]


def test_without_paths_it_checks_the_user_pack_folder(capsys):
    from game.paths import user_packs_dir
    folder = user_packs_dir()
    folder.mkdir(parents=True)
    write_pack(folder, "", name="mine.yaml")
    code, lines = validate(capsys)
    assert code == 0 and "mine.yaml" in lines[0]


def test_binary_garbage_gives_an_error_line_not_a_traceback(tmp_path, capsys):
    path = tmp_path / "garbage.yaml"
    path.write_bytes(bytes(range(256)) * 8)
    code, lines = validate(capsys, path)
    assert code == 1
    assert lines[1].startswith(f"{path}:") and ": error: " in lines[1]


def test_a_pack_may_require_a_bundled_pack_when_checked_alone(tmp_path, capsys, monkeypatch):
    levels = tmp_path / "levels"
    levels.mkdir()
    write_pack(levels, "", name="base.yaml", events=True)
    monkeypatch.setattr("game.LEVELS_DIR", levels)
    mine = tmp_path / "mine"
    mine.mkdir()
    ext = write_pack(mine, "format: 1\npack: mine\ntitle: Mine\nrequires: [test-pack]\n"
                           "levels:\n  - id: l\n    title: L\n    rounds:\n"
                           "      - timeline: [stalin-death, secret-speech]\n",
                     name="mine.yaml", header=False)
    code, lines = validate(capsys, ext)
    assert code == 0, lines
    assert len(lines) == 2 and "mine.yaml" in lines[0]


def test_an_unexpected_failure_is_a_message_not_a_traceback(tmp_path, capsys, monkeypatch):
    write_pack(tmp_path, "")

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("game.commands.validate.load_library", explode)
    code, lines = validate(capsys, tmp_path)
    assert code == 1 and "unexpected error (RuntimeError: boom)" in lines[0]


def test_the_template_pack_in_docs_validates(capsys):
    template = game.PROJECT_ROOT / "docs" / "template-pack.yaml"
    if not template.exists():
        pytest.skip("docs/template-pack.yaml is not written yet")
    code, lines = validate(capsys, template)
    assert code == 0, "\n".join(lines)


def test_every_bundled_pack_in_levels_validates(capsys, monkeypatch):
    levels = game.PROJECT_ROOT / "levels"
    monkeypatch.setattr("game.LEVELS_DIR", levels)
    if not sorted(levels.glob("*.yaml")):
        pytest.skip("levels/ has no pack yet")
    code, lines = validate(capsys, levels)
    assert code == 0, "\n".join(lines)
    assert all(not line.startswith("FAIL") for line in lines)


def test_the_example_pack_in_the_guide_validates(tmp_path, capsys):
    guide = (game.PROJECT_ROOT / "docs" / "packs.md").read_text(encoding="utf-8")
    example = guide.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert example.startswith("format: 1")
    from packhelp import seeds_from
    path = tmp_path / "example.yaml"
    path.write_text(example.replace("../seeds/", seeds_from(tmp_path) + "/"), encoding="utf-8")
    code, lines = validate(capsys, path)
    assert code == 0, "\n".join(lines)
