"""The content lint of `thaw validate`: each rule fires on a small pack made to break it,
stays quiet on a clean one, and points at the line; --strict turns warnings into errors."""

from __future__ import annotations

import pytest

import game
from game import cli
from game.content.lint import content_words, lint_pack
from game.content.loader import load_pack
from game.content.yamlsafe import parse_yaml_text, read_yaml

from packhelp import marked_line, seeds_from

HEADER = """\
format: 1
pack: lint-pack
title: A lint test pack
sources:
  - id: hexbear
    file: {seeds}/000_c03aff93c97b8c84.txt
  - id: today-is
    file: {seeds}/001_a8f04e5286436081.txt
perspectives:
  - id: forum-ml
    name: A forum poster
    view: VIEW_ML
  - id: popular-blog
    name: A popular-history blogger
    view: Every new leader faults the old one.
  - id: khrushchev
    name: Nikita Khrushchev
    view: VIEW_K
"""
CLEAN_ML = "Attacking Stalin was a cynical power play."
CLEAN_K = "One-man rule broke with Lenin."


def write(tmp_path, body: str, ml: str = CLEAN_ML, k: str = CLEAN_K):
    text = HEADER.replace("VIEW_ML", ml).replace("VIEW_K", k) + body
    path = tmp_path / "pack.yaml"
    path.write_text(text.format(seeds=seeds_from(tmp_path)), encoding="utf-8")
    return path


def lint(path):
    pack = load_pack(path)
    return lint_pack(pack, read_yaml(path).data, str(path))


def codes(problems) -> list[str]:
    return [p.message.split("]")[0] + "]" for p in problems]


def only(problems, code: str):
    found = [p for p in problems if p.message.startswith(code)]
    assert len(found) == 1, [str(p) for p in problems]
    return found[0]


WHOSE_VIEW = """\
questions:
  - id: q-moronic
    quote: "Khrushchev wouldn't have been that bad except for the fact that destalinization and the secret speech was completely moronic and self-serving." #!
    answer: forum-ml
    choices: [forum-ml, popular-blog, khrushchev]
    cite: {{source: hexbear}}
    explain: The poster condemns destalinization.
"""


# --- guessable ----------------------------------------------------------------------------
def test_an_answer_whose_description_repeats_words_of_the_quote_is_guessable(tmp_path):
    path = write(tmp_path, WHOSE_VIEW, ml="Destalinisation was a needless, self-serving mistake.")
    found = only(lint(path), "[guessable]")
    assert (found.line, found.column, found.severity) == (marked_line(path), 12, "warning")
    assert "q-moronic" in found.message and "self" in found.message


def test_an_answer_described_in_other_words_is_not_guessable(tmp_path):
    assert lint(write(tmp_path, WHOSE_VIEW)) == []


def test_words_every_choice_shares_with_the_quote_give_nothing_away(tmp_path):
    shared = "Destalinisation was self-serving, "
    path = write(tmp_path, WHOSE_VIEW, ml=shared + "a mistake.", k=shared + "said nobody.")
    assert "[guessable]" not in codes(lint(path))


def test_content_words_ignore_function_words_and_match_simple_word_forms():
    assert content_words("The rivals were purposefully marginalized") == \
        content_words("a rival, marginalize, purposeful")
    assert content_words("and the of but which would") == set()


# --- same view ----------------------------------------------------------------------------
def test_two_perspectives_offered_with_the_same_description_are_flagged(tmp_path):
    path = write(tmp_path, WHOSE_VIEW, k=CLEAN_ML)
    problems = lint(path)
    question = only([p for p in problems if "question" in p.message], "[same-view]")
    assert "'forum-ml' and 'khrushchev'" in question.message
    assert question.line == marked_line(path) + 2     # the choices line
    assert any("perspective 'khrushchev'" in p.message for p in problems)


# --- long answer ---------------------------------------------------------------------------
CHOICE = """\
questions:
  - id: c-congress
    kind: choice
    prompt: At which party congress did Khrushchev give the Secret Speech?
    choices: ["19th", "20th", "22nd"]
    answer: "{answer}" #!
    explain: The 20th Congress, February 1956.
"""


def test_a_right_choice_much_longer_than_the_others_is_flagged(tmp_path):
    body = CHOICE.replace('"22nd"]', '"The 20th, in February 1956"]').format(
        answer="The 20th, in February 1956")
    path = write(tmp_path, body)
    found = only(lint(path), "[long-answer]")
    assert (found.line, found.column) == (marked_line(path), 13)


def test_choices_of_similar_length_are_not_flagged(tmp_path):
    assert lint(write(tmp_path, CHOICE.format(answer="20th"))) == []


def _choice_questions(longest: bool) -> str:
    items = []
    for n in range(4):
        right, wrong = ("The right one", "A wrong one") if longest else ("Right", "The wrong one")
        items.append(f"""\
  - id: c-{n}
    kind: choice
    prompt: Question {n}?
    choices: ["{right}", "{wrong}"]
    answer: "{right}"
    explain: Because.
""")
    return "questions:\n" + "".join(items)


def test_a_pack_whose_right_answer_is_usually_the_longest_is_flagged(tmp_path):
    found = only(lint(write(tmp_path, _choice_questions(longest=True))), "[long-answer]")
    assert "4 of 4 choice questions" in found.message


def test_a_pack_whose_right_answers_vary_in_length_is_not_flagged(tmp_path):
    assert lint(write(tmp_path, _choice_questions(longest=False))) == []


# --- placeholders --------------------------------------------------------------------------
def test_a_todo_left_in_a_text_is_flagged_where_it_is(tmp_path):
    path = write(tmp_path, WHOSE_VIEW.replace("explain: The poster condemns destalinization.",
                                              "explain: TODO explain this #@"))
    found = only(lint(path), "[placeholder]")
    assert found.line == marked_line(path, "#@") and "TODO" in found.message
    assert "questions[1].explain" in found.message


@pytest.mark.parametrize("word", ["TBD", "FIXME", "XXX"])
def test_other_placeholders_are_flagged_too(tmp_path, word):
    path = write(tmp_path, WHOSE_VIEW, ml=f"{word} write the view")
    assert codes(lint(path)) == ["[placeholder]"]


def test_an_empty_text_is_flagged():
    from game.content.lint import placeholders
    tree = parse_yaml_text('title: ""\nintro: "  "\nname: fine\n').data
    assert [(where[0], message.split(":")[0]) for where, message in placeholders(tree)] == \
        [(1, "[placeholder] title"), (2, "[placeholder] intro")]


def test_a_word_that_only_contains_todo_is_not_a_placeholder(tmp_path):
    assert lint(write(tmp_path, WHOSE_VIEW, ml="Todorov and Mastodon fans disagree.")) == []


# --- events ----------------------------------------------------------------------------
def event(title: str, summary: str) -> str:
    return EVENT.replace("TITLE", title).replace("SUMMARY", summary)


EVENT = """\
events:
  - id: secret-speech
    title: "TITLE" #!
    date: 1956-02-25
    summary: "SUMMARY"
    cite: {{source: today-is, excerpt: "he denounced Joseph Stalin"}}
"""


def test_an_event_title_that_states_its_own_year_is_flagged(tmp_path):
    path = write(tmp_path, event(title="The Secret Speech of 1956",
                                        summary="Khrushchev denounces Stalin."))
    found = only(lint(path), "[title-year]")
    assert found.line == marked_line(path) and "1956" in found.message


def test_an_event_title_with_another_number_is_not_flagged(tmp_path):
    path = write(tmp_path, event(title="The 20th Congress: the Secret Speech",
                                        summary="Khrushchev denounces Stalin."))
    assert lint(path) == []


def test_an_event_whose_excerpt_shares_no_key_word_with_it_is_flagged(tmp_path):
    path = write(tmp_path, event(title="Sputnik launched",
                                        summary="The first artificial satellite goes into orbit."))
    found = only(lint(path), "[weak-cite]")
    assert found.line == marked_line(path) + 3        # the excerpt's line
    assert "secret-speech" in found.message


def test_an_event_whose_excerpt_names_it_is_not_flagged(tmp_path):
    path = write(tmp_path, event(title="The Secret Speech",
                                        summary="Khrushchev denounces Stalin's cult."))
    assert lint(path) == []


# --- thaw validate --strict ------------------------------------------------------------
@pytest.fixture
def no_bundled_levels(tmp_path_factory, monkeypatch):
    monkeypatch.setattr("game.LEVELS_DIR", tmp_path_factory.mktemp("levels"))


def validate(capsys, *args):
    code = cli.main(["validate", *map(str, args)])
    return code, capsys.readouterr().out.splitlines()


def test_validate_prints_lint_warnings_with_file_line_and_column_and_passes(
        tmp_path, capsys, no_bundled_levels):
    path = write(tmp_path, WHOSE_VIEW, ml="Destalinisation was a needless, self-serving mistake.")
    code, lines = validate(capsys, path)
    assert code == 0
    assert lines[1].startswith(f"{path}:{marked_line(path)}:12: warning: [guessable]")
    assert lines[-1] == "1 pack checked: 1 OK, 1 warning"


def test_validate_strict_fails_on_a_lint_warning(tmp_path, capsys, no_bundled_levels):
    path = write(tmp_path, WHOSE_VIEW, ml="Destalinisation was a needless, self-serving mistake.")
    code, lines = validate(capsys, "--strict", path)
    assert code == 1
    assert lines[-1] == ("1 pack checked: 0 OK, 1 with errors, 1 warning "
                         "(--strict: warnings count as errors)")


def test_validate_strict_passes_a_clean_pack(tmp_path, capsys, no_bundled_levels):
    code, lines = validate(capsys, "--strict", write(tmp_path, WHOSE_VIEW))
    assert code == 0 and lines[-1] == "1 pack checked: 1 OK"


def test_the_bundled_pack_passes_validate_strict(capsys):
    code, lines = validate(capsys, "--strict", game.LEVELS_DIR)
    assert code == 0, "\n".join(lines)
    assert all(": warning: " not in line for line in lines)


# --- the same passage twice in a level ------------------------------------------------------
LEVEL = """\
questions:
  - id: q-pensioned
    quote: "the poor handling of the Cuban Missile Crisis saw him lose power and was pensioned off with an apartment in Moscow and a dacha in the countryside."
    answer: popular-blog
    choices: [popular-blog, forum-ml, khrushchev]
    cite: {{source: today-is}}
    explain: The blog compresses the end of his career.
  - id: c-cuba
    kind: choice
    prompt: When did Khrushchev lose power?
    choices: ["In October 1964", "In October 1962"]
    answer: "In October 1964"
    cite: {{source: today-is, excerpt: "the poor handling of the Cuban Missile Crisis saw him lose power"}}
    explain: Two years after the crisis.
levels:
  - id: the-fall
    title: The fall
    rounds: #!
      - questions: [q-pensioned, QUESTIONS]
"""


def test_a_level_asking_the_same_passage_twice_is_flagged(tmp_path):
    path = write(tmp_path, LEVEL.replace("QUESTIONS", "c-cuba"))
    found = only(lint(path), "[same-passage]")
    assert found.line == marked_line(path) + 1 and "'c-cuba'" in found.message


def test_a_level_asking_different_passages_is_not_flagged(tmp_path):
    body = LEVEL.replace("[q-pensioned, QUESTIONS]", "[q-pensioned]") + \
        "  - id: other\n    title: Other\n    rounds:\n      - questions: [c-cuba]\n"
    assert lint(write(tmp_path, body)) == []
