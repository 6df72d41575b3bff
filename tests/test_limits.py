"""The limits of the pack format (game/content/limits.py): what text a pack may hold."""

import pytest

from game.content import limits
from game.content.limits import text_problem

INVISIBLE = ["\u200b", "\u200d", "\ufeff", "\ufe0f", "\u200b\u200d\ufeff", " \u3164 ", "\u2800",
             "\u0301", "\u00ad"]


@pytest.mark.parametrize("text", INVISIBLE)
def test_text_made_only_of_invisible_characters_is_refused(text):
    problem = text_problem("title", text)
    assert problem is not None and "only invisible characters" in problem
    assert "U+" in problem, "the message names the character"


def test_text_of_only_spaces_is_refused():
    assert text_problem("name", "   \n ") == "is only spaces; write some visible text"


@pytest.mark.parametrize("text", ["Khrushchev", "\u200bKhrushchev", "👍\ufe0f", "Хрущёв",
                                  "a\tb", "two\nlines", "é"])
def test_ordinary_text_with_something_visible_passes(text):
    assert text_problem("title", text) is None


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\r", "\x07", "\x7f", "\x85", "\x9b", "\ud800"])
def test_control_characters_are_refused_and_named(char):
    problem = text_problem("quote", f"before{char}after")
    assert problem is not None and "control character" in problem
    assert f"U+{ord(char):04X}" in problem


def test_the_nul_escape_alone_is_a_control_character():
    assert "U+0000 NUL" in text_problem("title", "\0")


@pytest.mark.parametrize("key,limit", [("title", limits.LABEL), ("name", limits.LABEL),
                                       ("choices", limits.CHOICE), ("quote", limits.TEXT),
                                       ("explain", limits.LONG), ("description", limits.LONG)])
def test_each_kind_of_text_has_a_length_limit(key, limit):
    assert text_problem(key, "x" * limit.chars) is None
    problem = text_problem(key, "x" * (limit.chars + 1))
    assert f"at most {limit.chars:,}" in problem and "docs/packs.md" in problem


def test_a_huge_quote_is_refused_by_its_length():
    problem = text_problem("quote", "word " * 370_000)
    assert problem.startswith("is 1,850,000 characters long")


def test_a_hundred_thousand_line_breaks_are_refused():
    problem = text_problem("explain", "x" + "\n" * 100_000)
    assert problem is not None and "100,000" in problem


def test_limits_are_far_above_the_bundled_pack():
    from game.content.library import load_library
    library = load_library()
    for pack in library.packs:
        assert len(pack.description) * 10 <= limits.LONG.chars
        for question in pack.questions:
            assert len(question.choices) * 2 <= limits.MAX_CHOICES
            assert len(question.explain) * 10 <= limits.LONG.chars
            assert len(question.quote) * 5 <= limits.TEXT.chars
        for event in pack.events:
            assert len(event.title) * 4 <= limits.LABEL.chars
        assert max(len(pack.events), len(pack.questions)) * 10 <= limits.MAX_ITEMS


def test_count_problem_names_the_count_and_the_limit():
    assert limits.count_problem("choices", 200_000, 12) == (
        "has 200,000 choices; at most 12 are allowed (see 'Limits' in docs/packs.md)")
    assert limits.count_problem("choices", 12, 12) is None
