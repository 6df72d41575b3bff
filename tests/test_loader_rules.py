"""Every rule of the pack format (DESIGN.md section 3), each reported at the right line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.content.dates import PartialDate
from game.content.loader import load_pack
from game.content.model import CHOICE, WHOSE_VIEW

from packhelp import errors_of, marked_line, problems_of, write_pack

QUOTE = "Khrushchev leaves the bland taste of cardboard in my mouth"
WHOSE_VIEW_Q = f"""\
questions:
  - id: q-cardboard
    quote: "{QUOTE}"
    answer: forum-ml
    cite: {{{{source: hexbear}}}}
    explain: The poster speaks for a Marxist-Leninist forum.
"""
MESSAGE = re.compile(r"^.+:\d+:\d+: (error|warning): .+")


def only_error(path: Path, available=None):
    errors = errors_of(path, available)
    assert len(errors) == 1, [str(e) for e in errors]
    return errors[0]


def assert_error_at_marker(path: Path, *fragments: str, available=None):
    error = only_error(path, available)
    assert error.line == marked_line(path), str(error)
    for fragment in fragments:
        assert fragment in error.message, str(error)
    assert MESSAGE.match(str(error)), str(error)
    return error


# --- a valid pack ----------------------------------------------------------------------

def test_a_valid_pack_builds_every_kind_of_content(tmp_path):
    path = write_pack(tmp_path, WHOSE_VIEW_Q + """\
  - id: q-date
    kind: choice
    prompt: When did Stalin die?
    choices: [3 March 1953, 5 March 1953]
    answer: 5 March 1953
    explain: The source gives the wrong day.
levels:
  - id: after-stalin
    title: After Stalin
    intro: The first years.
    rounds:
      - timeline: [stalin-death, secret-speech]
      - timeline: {{from: 1953, to: 1956, count: 2}}
      - questions: [q-cardboard, q-date]
""", events=True)
    pack = load_pack(path)
    assert pack.id == "test-pack" and pack.format == 1
    # Ids are scoped per pack: 'pack-id:id as written'.
    assert [s.id for s in pack.sources] == ["test-pack:hexbear", "test-pack:today-is",
                                            "test-pack:discussion"]
    assert [e.id for e in pack.events] == ["test-pack:secret-speech", "test-pack:stalin-death"]
    assert pack.events[1].date == PartialDate(1953, 3, 5)
    assert pack.events[1].source_says == "March 3"
    assert [q.kind for q in pack.questions] == [WHOSE_VIEW, CHOICE]
    assert pack.questions[1].choices == ("3 March 1953", "5 March 1953")
    rounds = pack.levels[0].rounds
    assert rounds[0].event_ids == ("test-pack:stalin-death", "test-pack:secret-speech")
    assert (rounds[1].draw.from_year, rounds[1].draw.to_year, rounds[1].draw.count) == (1953, 1956, 2)
    assert rounds[2].question_ids == ("test-pack:q-cardboard", "test-pack:q-date")


def test_a_whose_view_excerpt_defaults_to_its_quote(tmp_path):
    pack = load_pack(write_pack(tmp_path, WHOSE_VIEW_Q))
    question = pack.questions[0]
    assert question.cite.excerpt == QUOTE
    assert question.cite.passage().excerpt == QUOTE


def test_the_kind_of_a_question_defaults_to_whose_view(tmp_path):
    assert load_pack(write_pack(tmp_path, WHOSE_VIEW_Q)).questions[0].kind == WHOSE_VIEW


def test_every_error_of_a_file_is_reported_not_only_the_first(tmp_path):
    path = write_pack(tmp_path, """\
events:
  - id: one
    title: One
    date: 1956-02-30
    summary: s
    cite: {{source: nowhere, excerpt: x}}
    colour: red
""")
    messages = [e.message for e in errors_of(path)]
    assert len(messages) == 3
    assert any("calendar date" in m for m in messages)
    assert any("no source 'nowhere'" in m for m in messages)
    assert any("unknown key 'colour'" in m for m in messages)


# --- keys and types --------------------------------------------------------------------

def test_an_unknown_key_is_named_with_the_closest_valid_key(tmp_path):
    path = write_pack(tmp_path, """\
events:
  - id: one
    title: One
    date: 1956
    summary: s
    cite: {{source: today-is, excerpt: "he denounced Joseph Stalin"}}
    sumary: typo #!
""")
    assert_error_at_marker(path, "unknown key 'sumary'", "did you mean 'summary'?")


def test_an_unknown_top_level_key_is_reported(tmp_path):
    path = write_pack(tmp_path, "qestions: [] #!\n")
    assert_error_at_marker(path, "unknown key 'qestions'", "did you mean 'questions'?")


def test_a_missing_required_key_is_reported_at_its_mapping(tmp_path):
    path = write_pack(tmp_path, """\
events:
  - id: one #!
    title: One
    date: 1956
    cite: {{source: today-is, excerpt: "he denounced Joseph Stalin"}}
""")
    assert_error_at_marker(path, "event 'one'", "missing required key 'summary'")


def test_a_pack_without_format_pack_or_title_is_refused(tmp_path):
    path = tmp_path / "bare.yaml"
    path.write_text("description: nothing else\n", encoding="utf-8")
    messages = [e.message for e in errors_of(path)]
    for key in ("format", "pack", "title"):
        assert any(f"missing required key '{key}'" in m for m in messages), messages


def test_a_wrong_type_is_reported_with_what_was_expected(tmp_path):
    path = write_pack(tmp_path, """\
events:
  - id: one
    title: [not, text] #!
    date: 1956
    summary: s
    cite: {{source: today-is, excerpt: "he denounced Joseph Stalin"}}
""")
    assert_error_at_marker(path, "'title' must be text, not a list")


def test_a_truth_value_where_text_belongs_suggests_quotes(tmp_path):
    path = write_pack(tmp_path, """\
questions:
  - id: q
    kind: choice
    prompt: Was it secret?
    choices: ["yes", "no"]
    answer: yes #!
    explain: e
""")
    assert_error_at_marker(path, "'answer' must be text", "quotes")


def test_a_section_that_is_not_a_list_is_refused(tmp_path):
    path = write_pack(tmp_path, "events: {{id: one}} #!\n")
    assert_error_at_marker(path, "'events' must be a list")


def test_format_must_be_1(tmp_path):
    path = write_pack(tmp_path, "format: 2 #!\npack: p\ntitle: t\n", header=False)
    assert_error_at_marker(path, "format 2 is not supported")


# --- ids ---------------------------------------------------------------------------------

@pytest.mark.parametrize("bad_id", ["Secret-Speech", "secret_speech", "secret speech", "-x"])
def test_an_id_must_be_lowercase_letters_digits_and_dashes(tmp_path, bad_id):
    path = write_pack(tmp_path, f"""\
events:
  - id: "{bad_id}" #!
    title: One
    date: 1956
    summary: s
    cite: {{{{source: today-is, excerpt: "he denounced Joseph Stalin"}}}}
""")
    assert_error_at_marker(path, "not a valid id")


def test_an_id_used_twice_in_a_pack_is_refused_with_the_first_line(tmp_path):
    path = write_pack(tmp_path, WHOSE_VIEW_Q + f"""\
  - id: q-cardboard #!
    quote: "{QUOTE}"
    answer: forum-ml
    cite: {{{{source: hexbear}}}}
    explain: again
""")
    error = assert_error_at_marker(path, "question id 'q-cardboard' is already used at line")
    assert f"line {marked_line(path) - 5}" in error.message


def test_an_id_already_used_by_a_required_pack_is_refused(tmp_path):
    base = load_pack(write_pack(tmp_path, "", name="base.yaml", events=True))
    path = write_pack(tmp_path, """\
format: 1
pack: extension
title: Extension
requires: [test-pack]
perspectives:
  - id: khrushchev #!
    name: Khrushchev again
    view: v
""", name="ext.yaml", header=False)
    assert_error_at_marker(path, "already used by required pack 'test-pack'",
                           available={"test-pack": base})


def test_a_pack_may_reference_the_ids_of_the_packs_it_requires(tmp_path):
    base = load_pack(write_pack(tmp_path, WHOSE_VIEW_Q, name="base.yaml", events=True))
    path = write_pack(tmp_path, """\
format: 1
pack: extension
title: Extension
requires: test-pack
levels:
  - id: borrowed
    title: Borrowed
    rounds:
      - timeline: [stalin-death, secret-speech]
      - questions: [q-cardboard]
""", name="ext.yaml", header=False)
    pack = load_pack(path, {"test-pack": base})
    assert pack.requires == ("test-pack",)
    assert pack.levels[0].rounds[1].question_ids == ("test-pack:q-cardboard",)


# --- references --------------------------------------------------------------------------

def test_a_timeline_round_naming_a_missing_event_is_refused(tmp_path):
    path = write_pack(tmp_path, """\
levels:
  - id: l
    title: L
    rounds:
      - timeline: [stalin-death, secret-speach] #!
""", events=True)
    assert_error_at_marker(path, "no event 'secret-speach'", "did you mean 'secret-speech'?")


def test_a_questions_round_naming_a_missing_question_is_refused(tmp_path):
    path = write_pack(tmp_path, WHOSE_VIEW_Q + """\
levels:
  - id: l
    title: L
    rounds:
      - questions:
          - q-cardboard
          - q-missing #!
""")
    assert_error_at_marker(path, "no question 'q-missing'")


def test_an_answer_naming_a_missing_perspective_is_refused(tmp_path):
    path = write_pack(tmp_path, WHOSE_VIEW_Q.replace("answer: forum-ml", "answer: forum #!"))
    assert_error_at_marker(path, "no perspective 'forum'", "did you mean 'forum-ml'?")


def test_a_choice_naming_a_missing_perspective_is_refused(tmp_path):
    path = write_pack(tmp_path, WHOSE_VIEW_Q.replace(
        "answer: forum-ml", "answer: forum-ml\n    choices:\n      - forum-ml\n      - stalin #!"))
    assert_error_at_marker(path, "no perspective 'stalin'")


def test_a_citation_of_a_missing_source_is_refused(tmp_path):
    path = write_pack(tmp_path, WHOSE_VIEW_Q.replace("{{source: hexbear}}",
                                                     "{{source: hexbaer}} #!"))
    assert_error_at_marker(path, "no source 'hexbaer'", "did you mean 'hexbear'?")


def test_requiring_a_pack_that_is_not_loaded_is_refused(tmp_path):
    path = write_pack(tmp_path, "format: 1\npack: p\ntitle: t\nrequires: [ghost-pack] #!\n",
                      header=False)
    assert_error_at_marker(path, "requires pack 'ghost-pack', which is not loaded")


# --- dates -------------------------------------------------------------------------------

def test_a_date_that_is_not_on_the_calendar_gives_the_documented_message(tmp_path):
    path = write_pack(tmp_path, """\
events:
  - id: secret-speech
    title: Speech
    date: 1956-02-30 #!
    summary: s
    cite: {{source: today-is, excerpt: "he denounced Joseph Stalin"}}
""")
    error = assert_error_at_marker(path)
    assert str(error) == (f"{error.path}:{marked_line(path)}:11: error: event 'secret-speech': "
                          "date '1956-02-30' is not a calendar date (use YYYY, YYYY-MM or YYYY-MM-DD)")


@pytest.mark.parametrize("written, expected", [
    ("1956", PartialDate(1956)), ("'1956-02'", PartialDate(1956, 2)), ("1956-02", PartialDate(1956, 2)),
    ("1956-02-25", PartialDate(1956, 2, 25)), ('"1956-02-25"', PartialDate(1956, 2, 25))])
def test_dates_may_be_years_months_or_days_quoted_or_bare(tmp_path, written, expected):
    path = write_pack(tmp_path, f"""\
events:
  - id: one
    title: One
    date: {written}
    summary: s
    cite: {{{{source: today-is, excerpt: "he denounced Joseph Stalin"}}}}
""")
    assert load_pack(path).events[0].date == expected


def test_a_date_in_another_format_is_refused(tmp_path):
    path = write_pack(tmp_path, """\
events:
  - id: one
    title: One
    date: 25 February 1956 #!
    summary: s
    cite: {{source: today-is, excerpt: "he denounced Joseph Stalin"}}
""")
    assert_error_at_marker(path, "date '25 February 1956' is not a date",
                           "write it as 1956-02-25")   # the ISO form of what was meant


def test_an_end_before_the_date_is_refused(tmp_path):
    path = write_pack(tmp_path, """\
events:
  - id: one
    title: One
    date: 1957-06
    end: 1957-05-30 #!
    summary: s
    cite: {{source: today-is, excerpt: "he denounced Joseph Stalin"}}
""")
    assert_error_at_marker(path, "end 1957-05-30 is before date 1957-06")


def test_an_end_within_the_span_of_a_partial_date_is_accepted(tmp_path):
    path = write_pack(tmp_path, """\
events:
  - id: one
    title: One
    date: 1957
    end: 1957-03
    summary: s
    cite: {{source: today-is, excerpt: "he denounced Joseph Stalin"}}
""")
    assert load_pack(path).events[0].end == PartialDate(1957, 3)


# --- citations ---------------------------------------------------------------------------

def test_an_excerpt_that_is_not_in_its_source_is_refused(tmp_path):
    path = write_pack(tmp_path, """\
events:
  - id: one
    title: One
    date: 1956
    summary: s
    cite:
      source: today-is
      excerpt: "he praised Joseph Stalin" #!
""")
    assert_error_at_marker(path, "excerpt does not occur in source 'today-is'")


def test_an_excerpt_matches_across_line_breaks_and_quote_styles(tmp_path):
    # The source has a curly apostrophe in "Khrushchev’s"; the pack types a straight one
    # and breaks the line in the middle.
    path = write_pack(tmp_path, """\
events:
  - id: one
    title: One
    date: 1956
    summary: s
    cite:
      source: today-is
      excerpt: "the West welcomed the disavowal of Stalin and Khrushchev's
        de-Stalinisation resulted in some thawing"
""")
    assert load_pack(path).events[0].cite.passage() is not None


def test_a_whose_view_quote_that_is_not_in_its_source_is_refused(tmp_path):
    path = write_pack(tmp_path, WHOSE_VIEW_Q.replace(f'"{QUOTE}"', '"Khrushchev tastes of cardboard" #!'))
    assert_error_at_marker(path, "does not occur in source 'hexbear'")


def test_an_explicit_excerpt_and_its_quote_must_both_occur(tmp_path):
    path = write_pack(tmp_path, WHOSE_VIEW_Q.replace(f'"{QUOTE}"', '"Khrushchev is delicious" #!')
                      .replace("{{source: hexbear}}",
                               "{{source: hexbear, excerpt: \"bland taste of cardboard\"}}"))
    assert_error_at_marker(path, "the quote does not occur in source 'hexbear'")


def test_an_event_must_cite_its_source(tmp_path):
    path = write_pack(tmp_path, """\
events:
  - id: one #!
    title: One
    date: 1956
    summary: s
""")
    assert_error_at_marker(path, "missing required key 'cite'")


def test_an_event_citation_needs_an_excerpt(tmp_path):
    path = write_pack(tmp_path, """\
events:
  - id: one
    title: One
    date: 1956
    summary: s
    cite: {{source: today-is}} #!
""")
    assert_error_at_marker(path, "cite needs an 'excerpt'")


def test_a_whose_view_question_must_cite_its_source(tmp_path):
    path = write_pack(tmp_path, WHOSE_VIEW_Q.replace("    cite: {{source: hexbear}}\n", "")
                      .replace("- id: q-cardboard", "- id: q-cardboard #!"))
    assert_error_at_marker(path, "missing required key 'cite'")


def test_a_choice_question_may_go_without_a_citation(tmp_path):
    path = write_pack(tmp_path, """\
questions:
  - id: q
    kind: choice
    prompt: Who followed Stalin as First Secretary?
    choices: [Khrushchev, Malenkov, Beria]
    answer: Khrushchev
    explain: In September 1953.
""")
    assert load_pack(path).questions[0].cite is None


def test_a_choice_question_may_cite_an_excerpt(tmp_path):
    path = write_pack(tmp_path, """\
questions:
  - id: q
    kind: choice
    prompt: On which day did Stalin die?
    choices: [3 March 1953, 5 March 1953]
    answer: 5 March 1953
    cite: {{source: discussion, excerpt: "died on March 3, 1953"}}
    explain: The source is two days off.
""")
    assert load_pack(path).questions[0].cite.source.id == "test-pack:discussion"


# --- questions ---------------------------------------------------------------------------

def test_a_whose_view_answer_must_be_among_its_choices(tmp_path):
    path = write_pack(tmp_path, WHOSE_VIEW_Q.replace(
        "answer: forum-ml", "answer: forum-ml #!\n    choices: [khrushchev, popular-blog]"))
    assert_error_at_marker(path, "answer 'forum-ml' is not among its choices")


def test_a_whose_view_question_needs_at_least_two_choices(tmp_path):
    path = write_pack(tmp_path, WHOSE_VIEW_Q.replace(
        "answer: forum-ml", "answer: forum-ml\n    choices: [forum-ml] #!"))
    assert_error_at_marker(path, "at least 2 choices")


def test_a_choice_question_answer_must_be_one_of_its_choices(tmp_path):
    path = write_pack(tmp_path, """\
questions:
  - id: q
    kind: choice
    prompt: Who followed Stalin?
    choices: [Khrushchev, Malenkov]
    answer: Krushchev #!
    explain: e
""")
    assert_error_at_marker(path, "not one of its choices", "did you mean 'Khrushchev'?")


def test_a_choice_listed_twice_is_refused(tmp_path):
    path = write_pack(tmp_path, """\
questions:
  - id: q
    kind: choice
    prompt: Who followed Stalin?
    choices:
      - Khrushchev
      - Khrushchev #!
    answer: Khrushchev
    explain: e
""")
    assert_error_at_marker(path, "listed twice")


def test_an_unknown_question_kind_is_refused(tmp_path):
    path = write_pack(tmp_path, WHOSE_VIEW_Q.replace("answer: forum-ml",
                                                     "answer: forum-ml\n    kind: whose_view #!"))
    assert_error_at_marker(path, "kind 'whose_view'", "did you mean 'whose-view'?")


# --- sources -----------------------------------------------------------------------------

def test_a_source_file_outside_the_pack_folder_and_seeds_is_refused(tmp_path):
    folder = tmp_path / "packs"
    folder.mkdir()
    (tmp_path / "secret.txt").write_text("he denounced Joseph Stalin", encoding="utf-8")
    path = write_pack(folder, """\
format: 1
pack: p
title: t
sources:
  - id: s
    file: ../secret.txt #!
""", header=False)
    assert_error_at_marker(path, "outside the pack's folder")


def test_a_source_file_beside_or_below_the_pack_is_accepted(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "letter.txt").write_text("Dear comrade,\r\nthe thaw has come.\r\n",
                                                  encoding="utf-8")
    path = write_pack(tmp_path, """\
format: 1
pack: p
title: t
sources:
  - id: letter
    file: docs/letter.txt
events:
  - id: one
    title: One
    date: 1956
    summary: s
    cite: {{source: letter, excerpt: "the thaw has come"}}
""", header=False)
    pack = load_pack(path)
    assert pack.sources[0].path == (tmp_path / "docs" / "letter.txt").resolve()
    assert pack.sources[0].title == "letter"  # the file name when no title is given


def test_an_absolute_source_path_is_refused(tmp_path):
    document = tmp_path / "doc.txt"
    document.write_text("text", encoding="utf-8")
    path = write_pack(tmp_path, f"format: 1\npack: p\ntitle: t\nsources:\n"
                                f"  - id: s\n    file: '{document.as_posix()}' #!\n", header=False)
    assert_error_at_marker(path, "must be a path relative to the pack file")


def test_a_missing_source_file_is_refused_with_a_suggestion(tmp_path):
    (tmp_path / "speech.txt").write_text("text", encoding="utf-8")
    path = write_pack(tmp_path, "format: 1\npack: p\ntitle: t\nsources:\n"
                                "  - id: s\n    file: speach.txt #!\n", header=False)
    assert_error_at_marker(path, "does not exist", "did you mean 'speech.txt'?")


def test_a_source_file_that_is_not_utf8_is_refused(tmp_path):
    (tmp_path / "latin.txt").write_bytes("Khrouchtchev a d\xe9nonc\xe9 Staline".encode("latin-1"))
    path = write_pack(tmp_path, "format: 1\npack: p\ntitle: t\nsources:\n"
                                "  - id: s\n    file: latin.txt #!\n", header=False)
    assert_error_at_marker(path, "is not UTF-8 text")


# --- levels and rounds -------------------------------------------------------------------

def test_a_round_must_be_a_timeline_or_questions(tmp_path):
    path = write_pack(tmp_path, """\
levels:
  - id: l
    title: L
    rounds:
      - timelin: [stalin-death, secret-speech] #!
""", events=True)
    assert_error_at_marker(path, "unknown key 'timelin'", "did you mean 'timeline'?")


def test_a_timeline_round_needs_at_least_two_events(tmp_path):
    path = write_pack(tmp_path, """\
levels:
  - id: l
    title: L
    rounds:
      - timeline: [stalin-death] #!
""", events=True)
    assert_error_at_marker(path, "at least 2 events")


def test_a_drawn_timeline_needs_from_to_and_count(tmp_path):
    path = write_pack(tmp_path, """\
levels:
  - id: l
    title: L
    rounds:
      - timeline: {{from: 1953, count: 4}} #!
""")
    assert_error_at_marker(path, "missing required key 'to'")


def test_a_drawn_timeline_must_not_end_before_it_starts(tmp_path):
    path = write_pack(tmp_path, """\
levels:
  - id: l
    title: L
    rounds:
      - timeline: {{from: 1960, to: 1955, count: 4}} #!
""")
    assert_error_at_marker(path, "'to' 1955 is before 'from' 1960")


def test_a_level_needs_rounds(tmp_path):
    path = write_pack(tmp_path, "levels:\n  - id: l #!\n    title: L\n")
    assert_error_at_marker(path, "missing required key 'rounds'")


# --- warnings ----------------------------------------------------------------------------

def test_an_event_outside_1953_to_1964_is_a_warning_not_an_error(tmp_path):
    path = write_pack(tmp_path, """\
events:
  - id: war
    title: The war ends
    date: 1945-05-09 #!
    summary: s
    cite: {{source: today-is, excerpt: "he denounced Joseph Stalin"}}
""")
    assert load_pack(path).events[0].id == "test-pack:war"
    [warning] = problems_of(path)
    assert warning.severity == "warning" and warning.line == marked_line(path)
    assert "outside 1953-1964" in warning.message


def test_a_fixed_round_with_two_events_that_cannot_be_ordered_is_a_warning(tmp_path):
    path = write_pack(tmp_path, """\
  - id: the-year
    title: The year of the speech
    date: 1956
    summary: s
    cite: {{source: today-is, excerpt: "he denounced Joseph Stalin"}}
levels:
  - id: l
    title: L
    rounds:
      - timeline: [the-year, secret-speech, stalin-death] #!
""", events=True)
    assert len(load_pack(path).levels[0].rounds) == 1
    [warning] = problems_of(path)
    assert warning.severity == "warning" and warning.line == marked_line(path)
    assert "'the-year' (1956) and 'secret-speech' (1956-02-25) cannot be ordered" in warning.message


# --- how problems are named --------------------------------------------------------------

def test_messages_name_the_file_relative_to_the_current_folder(tmp_path, monkeypatch):
    path = write_pack(tmp_path, "format: 3\npack: p\ntitle: t\n", header=False)
    monkeypatch.chdir(tmp_path)
    assert str(only_error(path)).startswith("pack.yaml:1:9: error: ")


def test_messages_keep_the_path_as_given_outside_the_current_folder(tmp_path, monkeypatch):
    folder = tmp_path / "a"
    folder.mkdir()
    path = write_pack(folder, "format: 3\npack: p\ntitle: t\n", header=False)
    elsewhere = tmp_path / "b"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert str(only_error(path)).startswith(f"{path}:1:9: error: ")
