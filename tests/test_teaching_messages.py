"""Messages that teach (issue 13, item 3): where a quote diverges from its document, YAML
syntax errors in plain words with their likely fix, and the file's other errors still
reported after a syntax error. Every message keeps the form `path:line:col: error: ...`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.content.loader import check_pack
from game.content.yamlsafe import read_yaml

from packhelp import TODAY_IS, errors_of, marked_line, problems_of, write_pack

LONG = ("globally, the West welcomed the disavowal of Stalin and Khrushchev's "
        "de-Stalinisation resulted in some thawing in Cold War relations")


def excerpt_pack(tmp_path: Path, excerpt: str) -> Path:
    return write_pack(tmp_path, f"""\
events:
  - id: thaw
    title: A thaw
    date: 1956
    summary: s
    cite:
      source: today-is
      excerpt: "{excerpt}" #!
""")


def the_error(path: Path):
    [error] = errors_of(path)
    assert error.line == marked_line(path)
    assert str(error).startswith(f"{error.path}:{error.line}:{error.column}: error: ")
    return error


def caret_check(message: str) -> tuple[str, str]:
    """The characters of yours and the document above the caret (which must differ, with
    everything before them equal)."""
    lines = message.split("\n")
    yours = next(line for line in lines if line.lstrip().startswith("yours:"))
    document = next(line for line in lines if line.lstrip().startswith("document:"))
    caret = lines[lines.index(document) + 1]
    assert caret.strip() == "^"
    at = caret.index("^")
    assert len("      yours:    ") == len("      document: ")
    assert yours[16:at] == document[16:at]
    return yours[at], document[at]


def test_a_typo_at_the_end_of_a_long_excerpt_is_pointed_at_with_a_caret(tmp_path):
    error = the_error(excerpt_pack(tmp_path, LONG.replace("Cold War", "Cold Wra")))
    assert "the excerpt does not occur in source 'today-is'" in error.message
    matching = LONG.index("Cold War") + len("Cold W")
    assert f"the first {matching} characters match {TODAY_IS} line 8; the first difference:" \
        in error.message
    assert caret_check(error.message) == ("r", "a")


def test_a_typo_at_the_start_is_found_from_the_matching_end(tmp_path):
    error = the_error(excerpt_pack(tmp_path, "Globaly" + LONG[8:]))
    assert re.search(rf"the last \d+ characters match {TODAY_IS} line 8", error.message)
    assert caret_check(error.message) == ("G", "g")


def test_a_dash_typed_as_two_hyphens_is_named(tmp_path):
    error = the_error(excerpt_pack(tmp_path, "Khrushchev's de--Stalinisation resulted"))
    assert "dashes are compared exactly" in error.message


def test_capitals_alone_are_named_with_the_documents_spelling(tmp_path):
    error = the_error(excerpt_pack(tmp_path, "HE DENOUNCED JOSEPH STALIN"))
    assert f"only capital letters differ: {TODAY_IS} line 5 has \"he denounced Joseph Stalin\"" \
        in error.message


def test_an_excerpt_from_another_document_says_nothing_of_it_was_found(tmp_path):
    error = the_error(excerpt_pack(tmp_path, "The missiles in Cuba were a provocation"))
    assert "no part of it was found in" in error.message


def test_a_whose_view_quote_without_an_excerpt_is_called_a_quote(tmp_path):
    path = write_pack(tmp_path, """\
questions:
  - id: q
    quote: "the West welcomed the disavowal of Stalin and Krushchev" #!
    answer: popular-blog
    cite: {{source: today-is}}
    explain: e
""")
    error = the_error(path)
    assert "the quote does not occur in source 'today-is'" in error.message
    assert caret_check(error.message) == ("r", "h")


# --- YAML syntax in plain words ------------------------------------------------------

def pack_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def syntax_error(path: Path):
    problems = check_pack(read_yaml(path)).problems
    [error] = [p for p in problems if p.message.startswith("YAML syntax")][:1]
    assert str(error).startswith(f"{error.path}:{error.line}:{error.column}: error: YAML syntax: ")
    return error, problems


HEAD = "format: 1\npack: p\ntitle: T\n"


def test_an_unquoted_colon_in_a_value_says_to_quote_the_value(tmp_path):
    path = pack_file(tmp_path, "format: 1\npack: p\ntitle: Chapter 7: The Cuban Missile Crisis, 1962\n")
    error, _ = syntax_error(path)
    assert (error.line, error.column) == (3, 17)
    assert "the value of 'title' contains ': ' (a colon and a space)" in error.message
    assert 'put the whole value in quotes: title: "Chapter 7: The Cuban Missile Crisis, 1962"' \
        in error.message


def test_straight_quotes_inside_a_double_quoted_text_say_to_escape_them(tmp_path):
    path = pack_file(tmp_path, HEAD + 'description: "It became known as "Black Saturday"."\n')
    error, _ = syntax_error(path)
    assert (error.line, error.column) == (4, 34)  # the quote that closed the text early
    assert "ends the quoted text early" in error.message
    assert 'description: "It became known as \\"Black Saturday\\"."' in error.message


def test_an_apostrophe_inside_a_single_quoted_text_says_to_double_it(tmp_path):
    path = pack_file(tmp_path, HEAD + "description: 'Khrushchev's speech'\n")
    error, _ = syntax_error(path)
    assert "write each ' inside it as '' (two single quotes)" in error.message
    assert "description: 'Khrushchev''s speech'" in error.message


def test_a_list_item_without_its_dash_says_to_add_it(tmp_path):
    path = pack_file(tmp_path, HEAD + """\
perspectives:
  - id: a
    name: A
    view: v
  id: b
    name: B
    view: w
""")
    error, _ = syntax_error(path)
    assert (error.line, error.column) == (8, 3)
    assert "at the level of the list's items" in error.message and "has no '- '" in error.message


@pytest.mark.parametrize("indent, why", [(5, "more of the value of 'name'"),
                                         (3, "cannot tell which item it belongs to")])
def test_a_key_indented_unlike_its_neighbours_says_to_line_it_up(tmp_path, indent, why):
    path = pack_file(tmp_path, HEAD + "perspectives:\n  - id: a\n    name: A\n"
                     + " " * indent + "view: v\n")
    error, _ = syntax_error(path)
    assert (error.line, error.column) == (7, indent + 1)
    assert f"indented by {indent} spaces but 'name:' on line 6 by 4" in error.message
    assert why in error.message and "line 'view:' up with 'name:'" in error.message


def test_an_unclosed_quote_and_an_unclosed_list_say_what_to_close(tmp_path):
    error, _ = syntax_error(pack_file(tmp_path, 'format: 1\npack: p\ntitle: "The Thaw\n'))
    assert (error.line, error.column) == (3, 8) and "is never closed" in error.message
    error, _ = syntax_error(pack_file(tmp_path, HEAD + "requires: [a, b\nlevels: []\n"))
    assert error.line == 5  # where the parser noticed; the message names where it opened
    assert "the list opened with '[' on line 4 (column 11) is not closed" in error.message


@pytest.mark.parametrize("item_indent", [0, 2])
def test_an_empty_list_with_items_below_it_says_to_drop_the_brackets(tmp_path, item_indent):
    pad = " " * item_indent
    path = pack_file(tmp_path, HEAD + "perspectives: []\n" + pad + "- id: a\n"
                     + pad + "  name: A\n" + pad + "  view: v\n")
    error, problems = syntax_error(path)
    assert error.line == 5
    assert "'perspectives: []' on line 4 says 'perspectives' is empty, yet items follow" \
        in error.message
    assert "write 'perspectives:' alone (remove the [])" in error.message
    # Repaired, the rest of the file is checked: the item is read as a perspective.
    assert [p for p in problems if p.message.startswith("YAML syntax")] == [error]


def test_after_a_syntax_error_the_other_errors_of_the_file_are_still_reported(tmp_path):
    path = write_pack(tmp_path, """\
events:
  - id: one
    title: The Secret Speech: Khrushchev denounces Stalin #!colon
    date: 1956-02-30 #!date
    summary: "It was called "the Secret Speech"." #!quote
    cite: {{source: today-is, excerpt: "he denounced Joseph Stalin"}}
  - id: two
    title: Two
    date: 1956
    sumary: s #!typo
    cite: {{source: today-is, excerpt: "he denounced Joseph Stalin"}}
""")
    problems = problems_of(path)
    lines = {name: marked_line(path, f"#!{name}") for name in ("colon", "date", "quote", "typo")}
    assert [p.line for p in problems] == sorted(p.line for p in problems)
    by_line = {p.line: p.message for p in problems}
    assert "contains ': '" in by_line[lines["colon"]]
    assert "is not a calendar date" in by_line[lines["date"]]
    assert "ends the quoted text early" in by_line[lines["quote"]]
    assert "unknown key 'sumary' (did you mean 'summary'?)" in by_line[lines["typo"]]
    assert all(re.match(r"^.+:\d+:\d+: error: ", str(p)) for p in problems)


def test_a_tab_in_indentation_no_longer_hides_the_other_errors(tmp_path):
    path = pack_file(tmp_path, HEAD + """\
perspectives:
  - id: a
\tname: A #!tab
    view: v
  - id: b
    name: B
    vew: w #!typo
""")
    problems = problems_of(path)
    by_line = {p.line: p.message for p in problems}
    assert by_line[marked_line(path, "#!tab")].startswith("a tab is used for indentation")
    assert "unknown key 'vew' (did you mean 'view'?)" in by_line[marked_line(path, "#!typo")]
    assert not check_pack(read_yaml(path)).pack
