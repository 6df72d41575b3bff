"""Packs that once validated and then crashed, froze or fooled the game (issue 14) are now
refused by the loader, each with a clear file:line:col error; the limits are in the format."""

import argparse
import io
import os

import pytest

from game.commands import validate
from game.content.limits import LABEL, LONG, MAX_CHOICES, MAX_ITEMS, TEXT
from game.content.loader import load_pack

from packhelp import EVENTS, HEADER, errors_of, marked_line, seeds_from, write_pack


def pack_with(tmp_path, body: str, name: str = "pack.yaml"):
    """HEADER + EVENTS + body, where body is written as is (no format braces)."""
    path = tmp_path / name
    text = (HEADER + EVENTS).format(seeds=seeds_from(tmp_path)) + body
    path.write_text(text, encoding="utf-8")
    return path


def only_error(path):
    errors = errors_of(path)
    assert len(errors) == 1, "\n".join(map(str, errors))
    return errors[0]


CHOICE_QUESTION = """\
questions:
  - id: q
    kind: choice
    prompt: {prompt}
    choices: {choices}
    answer: {answer}
    explain: {explain}
"""


def choice_pack(tmp_path, prompt='"Which?"', choices='["a", "b"]', answer='"a"',
                explain='"Because."'):
    return pack_with(tmp_path, CHOICE_QUESTION.format(prompt=prompt, choices=choices,
                                                      answer=answer, explain=explain))


# --- invisible and control characters ------------------------------------------------

@pytest.mark.parametrize("escape", ["\\u200B", "\\u200D", "\\uFEFF", "\\uFE0F", "\\0", " \\u200B "])
def test_a_title_of_only_an_invisible_character_is_refused_where_it_is_written(tmp_path, escape):
    path = write_pack(tmp_path, f'''\
  - id: invisible
    title: "{escape}" #!
    date: 1956
    summary: s
    cite: {{{{source: today-is, excerpt: "he denounced Joseph Stalin"}}}}
''', events=True)
    error = only_error(path)
    assert (error.line, error.column) == (marked_line(path), 12)
    assert "event 'invisible': 'title'" in error.message
    assert "invisible" in error.message or "control character" in error.message


def test_a_perspective_name_of_a_zero_width_joiner_is_refused(tmp_path):
    path = write_pack(tmp_path, '''\
  - id: nobody
    name: "\\u200D" #!
    view: Something.
''')
    error = only_error(path)
    assert error.line == marked_line(path)
    assert "'name' is only invisible characters (U+200D ZERO WIDTH JOINER)" in error.message


def test_a_choice_of_only_an_invisible_character_is_refused(tmp_path):
    path = choice_pack(tmp_path, choices='["a", "b", "\\uFEFF"]')
    assert "'choices' is only invisible characters (U+FEFF" in only_error(path).message


def test_an_escape_code_in_a_title_is_refused_as_a_control_character(tmp_path):
    path = choice_pack(tmp_path, prompt='"\\e[2J All packs OK"')
    assert "contains the control character U+001B ESCAPE" in only_error(path).message


# --- lengths, line breaks, counts ---------------------------------------------------------

def test_a_quote_of_almost_two_megabytes_is_refused(tmp_path):
    path = choice_pack(tmp_path, prompt='"' + "word " * 370_000 + '"')
    message = only_error(path).message
    assert "'prompt' is 1,850,000 characters long" in message
    assert f"at most {TEXT.chars:,}" in message


def test_an_explanation_of_a_hundred_thousand_line_breaks_is_refused(tmp_path):
    path = choice_pack(tmp_path, explain='"x' + "\\n" * 100_000 + '"')
    assert f"'explain' has 100,000 line breaks; at most {LONG.breaks}" in only_error(path).message


def test_a_description_of_two_megabytes_is_refused_by_its_size(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text('format: 1\npack: big\ntitle: Big\ndescription: "' + "d" * 1_900_000 + '"\n',
                    encoding="utf-8")
    error = only_error(path)
    assert (error.line, "'description' is 1,900,000 characters long") == \
        (4, error.message[len("pack file: "):][:42])


def test_a_question_with_two_hundred_thousand_choices_is_refused(tmp_path):
    many = "[" + ", ".join(f"c{i}" for i in range(200_000)) + "]"
    path = choice_pack(tmp_path, choices=many, answer="c1")
    assert f"'choices' has 200,000 choices; at most {MAX_CHOICES} are allowed" in \
        only_error(path).message


def test_a_title_longer_than_the_limit_is_refused_and_one_at_it_loads(tmp_path):
    ok = pack_with(tmp_path, "", name="ok.yaml")
    text = ok.read_text(encoding="utf-8").replace("title: A test pack", "title: " + "t" * LABEL.chars)
    ok.write_text(text, encoding="utf-8")
    load_pack(ok)
    ok.write_text(text.replace("title: t", "title: tt"), encoding="utf-8")
    assert f"at most {LABEL.chars}" in only_error(ok).message


def test_more_events_than_a_pack_may_hold_is_one_clear_error(tmp_path):
    events = "".join(f"  - id: e{i}\n    title: E\n    date: 1956\n    summary: s\n"
                     f"    cite: {{source: today-is, excerpt: \"he denounced Joseph Stalin\"}}\n"
                     for i in range(MAX_ITEMS + 1))
    path = tmp_path / "many.yaml"
    path.write_text(HEADER.format(seeds=seeds_from(tmp_path)) + "events:\n" + events,
                    encoding="utf-8")
    errors = errors_of(path)
    assert [e.message for e in errors] == [
        f"pack file: 'events' has {MAX_ITEMS + 1:,} events; at most {MAX_ITEMS:,} are allowed "
        "(see 'Limits' in docs/packs.md)"]


def test_a_drawn_round_of_more_cards_than_a_hand_can_hold_is_refused(tmp_path):
    path = pack_with(tmp_path, """\
levels:
  - id: l
    title: L
    rounds:
      - timeline: {from: 1953, to: 1964, count: 100000}
""")
    assert "'count' is 100,000; a round deals at most 50 cards" in only_error(path).message


# --- numbers YAML would read in surprising ways ------------------------------------------

def test_choices_like_010_and_1_30_stay_the_text_written(tmp_path):
    path = choice_pack(tmp_path, choices="[010, 1:30, 0x1F]", answer="1:30")
    question = load_pack(path).questions[0]
    assert question.choices == ("010", "1:30", "0x1F") and question.answer == "1:30"


def test_a_count_written_as_010_says_how_to_write_a_number(tmp_path):
    path = pack_with(tmp_path, """\
levels:
  - id: l
    title: L
    rounds:
      - timeline: {from: 1953, to: 1964, count: 010}
""")
    message = only_error(path).message
    assert "'count' must be a whole number, not '010'" in message
    assert "write a plain number" in message


# --- levels that cannot be dealt --------------------------------------------------------

def test_a_drawn_round_with_no_events_in_its_years_is_an_error_naming_the_round(tmp_path):
    path = pack_with(tmp_path, """\
levels:
  - id: sixties
    title: The sixties
    rounds:
      - questions: [q]
      - timeline: {from: 1961, to: 1964, count: 4} #!
questions:
  - id: q
    kind: choice
    prompt: "Which?"
    choices: ["a", "b"]
    answer: "a"
    explain: "Because."
""")
    error = only_error(path)
    assert error.line == marked_line(path)
    assert error.message.startswith("level 'sixties', round 2: this round cannot be dealt")
    assert "from 1961 to 1964" in error.message


def test_a_fixed_round_whose_two_events_cannot_be_ordered_is_an_error(tmp_path):
    path = pack_with(tmp_path, """\
  - id: the-year
    title: The year of the speech
    date: 1956
    summary: s
    cite: {source: today-is, excerpt: "he denounced Joseph Stalin"}
levels:
  - id: l
    title: L
    rounds:
      - timeline: [the-year, secret-speech]
""")
    errors = [e for e in errors_of(path)]
    assert any("round 1: this round cannot be dealt" in e.message for e in errors)


# --- files ---------------------------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_a_source_document_that_is_a_fifo_is_refused_not_waited_for(tmp_path):
    os.mkfifo(tmp_path / "doc.txt")
    path = pack_with(tmp_path, "")
    text = path.read_text(encoding="utf-8").replace(
        "  - id: discussion\n", "  - id: fifo\n    file: doc.txt\n  - id: discussion\n")
    path.write_text(text, encoding="utf-8")
    assert "file 'doc.txt' is a FIFO (named pipe), not a file" in only_error(path).message


# --- terminals -------------------------------------------------------------------------------

def test_thaw_validate_never_prints_a_packs_escape_codes_raw(tmp_path):
    path = tmp_path / "evil\x1b[2J.yaml"
    path.write_text('format: 1\npack: evil\ntitle: "x"\nquestions: [\x1b]\n', encoding="utf-8")
    out = io.StringIO()
    assert validate.run(argparse.Namespace(paths=[str(path)]), out) == 1
    assert "\x1b" not in out.getvalue()
    assert "evil\\x1b[2J.yaml" in out.getvalue()
