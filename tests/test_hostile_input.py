"""Hostile or broken files fail fast with a clear error naming the file, never a traceback.

Each load is timed and must finish within 10 s: a generous safety net against a hang or
an explosion, not the speed target (that is game/bench.py's job).
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content import yamlsafe
from game.content.loader import load_pack
from game.content.problems import PackError

from packhelp import write_pack

SAFETY_NET_S = 10.0

LOADERS = [pytest.param(yaml.SafeLoader, id="python-loader")]
if getattr(yaml, "CSafeLoader", None) is not None:
    LOADERS.append(pytest.param(yaml.CSafeLoader, id="libyaml-loader"))


@pytest.fixture(params=LOADERS, autouse=True)
def loader(request, monkeypatch):
    """Every test runs with libyaml's parser and with the pure-Python fallback."""
    monkeypatch.setattr(yamlsafe, "_Loader", request.param)
    return request.param


def refused(path: Path) -> list:
    """The problems of a file that must be refused, checked to name the file, and timed."""
    started = time.perf_counter()
    with pytest.raises(PackError) as caught:
        load_pack(path)
    assert time.perf_counter() - started < SAFETY_NET_S
    problems = caught.value.problems
    assert problems, "a PackError without problems"
    for problem in problems:
        assert str(problem).startswith(str(path)) or path.name in str(problem)
        assert ": error: " in str(problem)
    return problems


def messages(problems) -> str:
    return "\n".join(p.message for p in problems)


BILLION_LAUGHS = """\
format: 1
pack: lol
title: lol
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
description: *i
"""


def test_an_alias_bomb_is_refused_at_its_first_anchor(tmp_path):
    path = tmp_path / "lol.yaml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    problems = refused(path)
    assert any(p.line == 4 and "anchors (&a) are not allowed" in p.message for p in problems)


def test_a_40_mb_file_is_refused_before_it_is_parsed(tmp_path):
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:
        handle.write(b"format: 1\npack: huge\ntitle: huge\ndescription: ")
        chunk = b"x" * (1024 * 1024)
        for _ in range(40):
            handle.write(chunk)
    [problem] = refused(path)
    assert "40.0 MB" in problem.message and "at most 2 MB" in problem.message


def test_twenty_thousand_levels_of_nesting_are_refused(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("format: 1\npack: deep\ntitle: deep\ndescription: "
                    + "[" * 20000 + "]" * 20000 + "\n", encoding="utf-8")
    [problem] = refused(path)
    assert "nested too deeply" in problem.message
    assert problem.line == 4


def test_a_python_object_tag_is_refused_and_never_executed(tmp_path):
    marker = tmp_path / "marker-file"
    path = tmp_path / "evil.yaml"
    path.write_text("format: 1\npack: evil\ntitle: evil\n"
                    f"description: !!python/object/apply:os.system ['touch {marker}']\n",
                    encoding="utf-8")
    [problem] = refused(path)
    assert not marker.exists()
    assert problem.line == 4
    assert "the tag '!!python/object/apply:os.system' is not allowed" in problem.message


def test_a_custom_local_tag_is_refused(tmp_path):
    path = tmp_path / "tagged.yaml"
    path.write_text("format: 1\npack: t\ntitle: !shout hello\n", encoding="utf-8")
    [problem] = refused(path)
    assert problem.line == 3 and "'!shout' is not allowed" in problem.message


def test_binary_garbage_is_refused(tmp_path):
    path = tmp_path / "garbage.yaml"
    path.write_bytes(random.Random(1953).randbytes(4096))
    assert refused(path)


def test_binary_without_nul_bytes_is_refused(tmp_path):
    path = tmp_path / "garbage.yaml"
    data = bytes(b for b in random.Random(1956).randbytes(4096) if b)
    path.write_bytes(data)
    assert refused(path)


def test_latin1_text_is_refused_with_the_line_of_the_first_bad_byte(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes("format: 1\npack: fr\ntitle: Le d\xe9gel\n".encode("latin-1"))
    [problem] = refused(path)
    assert (problem.line, problem.column) == (3, 12)
    assert "not UTF-8" in problem.message and "save it as UTF-8" in problem.message


def test_utf16_text_is_refused_with_advice(tmp_path):
    path = tmp_path / "utf16.yaml"
    path.write_bytes("format: 1\npack: p\ntitle: t\n".encode("utf-16"))
    [problem] = refused(path)
    assert "UTF-16" in problem.message


def test_tab_indentation_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "tabs.yaml"
    path.write_text("format: 1\npack: p\ntitle: t\nperspectives:\n\t- id: x\n", encoding="utf-8")
    [problem] = refused(path)
    assert (problem.line, problem.column) == (5, 1)
    assert "tab is used for indentation" in problem.message


def test_duplicate_keys_are_refused_at_the_second_one(tmp_path):
    path = tmp_path / "dup.yaml"
    path.write_text("format: 1\npack: p\ntitle: t\ntitle: again\n", encoding="utf-8")
    [problem] = refused(path)
    assert problem.line == 4
    assert "duplicate key 'title' (already given at line 3)" in problem.message


def test_a_control_character_is_refused(tmp_path):
    path = tmp_path / "bell.yaml"
    path.write_text("format: 1\npack: p\ntitle: ding\x07\n", encoding="utf-8")
    [problem] = refused(path)
    assert (problem.line, problem.column) == (3, 12) and "U+0007" in problem.message


def test_an_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_text("", encoding="utf-8")
    assert "empty" in messages(refused(path))


def test_a_list_instead_of_a_pack_mapping_is_refused(tmp_path):
    path = tmp_path / "list.yaml"
    path.write_text("- format: 1\n", encoding="utf-8")
    assert "must be a mapping" in messages(refused(path))


def test_two_documents_in_one_file_are_refused(tmp_path):
    path = tmp_path / "two.yaml"
    path.write_text("format: 1\npack: p\ntitle: t\n---\nformat: 1\n", encoding="utf-8")
    [problem] = refused(path)
    assert problem.line == 4 and "one YAML document" in problem.message


def test_a_yaml_syntax_error_names_its_line(tmp_path):
    path = tmp_path / "syntax.yaml"
    path.write_text("format: 1\npack: p\ntitle: [unclosed\nnext: 2\n", encoding="utf-8")
    [problem] = refused(path)
    assert problem.line == 4 and "YAML syntax" in problem.message


def test_a_folder_given_as_a_pack_is_refused(tmp_path):
    assert "folder" in messages(refused(tmp_path))


def test_a_bom_and_windows_line_endings_are_fine(tmp_path):
    path = write_pack(tmp_path, "")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert load_pack(path).title == "A test pack"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_never_escape_as_anything_but_pack_error(tmp_path, data):
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(b"format: 1\npack: fuzz\ntitle: fuzz\n" + data)
    try:
        load_pack(path)
    except PackError as error:
        assert error.problems


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from(list("[]{}:-,&*!|>'\"#%@` \n\tabc19")), max_size=200))
def test_arbitrary_yaml_punctuation_never_escapes_as_anything_but_pack_error(tmp_path, text):
    path = tmp_path / "fuzz.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        load_pack(path)
    except PackError as error:
        assert error.problems
