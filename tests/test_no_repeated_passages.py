"""Within one game no passage is asked twice: not the same question, and not two questions
about the same passage (a whose-view quote and a choice question that cites it)."""

import pytest

import game as thaw
from game.content.library import load_library
from game.rules import game as G
from game.rules import ordering
from game.content.model import CHOICE, WHOSE_VIEW, Question
from game.rules.content import Content
from game.rules.pool import same_passage
from game.rules.kinds import ScaleHand
from game.rules.prompts import Ask, PlaceCard, SortHand
from game.rules.session import new_session

SEEDS = range(40)


@pytest.fixture(scope="module")
def bundled():
    library = load_library([thaw.LEVELS_DIR])
    return library, Content.from_library(library)


def _move(game, right=True):
    prompt = game.prompt
    if isinstance(prompt, PlaceCard):
        return ordering.true_gap(prompt.line, prompt.card)
    if isinstance(prompt, SortHand):
        return [e.id for e in ordering.true_order(prompt.cards)]
    if isinstance(prompt, ScaleHand):      # a spectrum: the voices in their places
        order = [p.perspective for p in prompt.question.placements]
        return order if right else list(reversed(order))
    if right:
        return prompt.question.answer
    return next(c.key for c in prompt.live_choices if c.key != prompt.question.answer)


def _asked(game, right=True):
    """The questions of a game in the order dealt (a mixed review return is marked)."""
    asked = []
    while not game.over:
        if isinstance(game.prompt, (Ask, ScaleHand)):
            asked.append(game.prompt.question)
        game, _ = G.answer(game, _move(game, right))
    return asked


def _no_shared_passage(asked):
    for i, one in enumerate(asked):
        for other in asked[i + 1:]:
            assert not same_passage(one, other), (one.id, other.id)


def test_the_bundled_pack_has_questions_that_share_a_passage(bundled):
    """Otherwise the tests below would prove nothing about passages."""
    _, content = bundled
    questions = content.questions
    assert any(same_passage(a, b) for a in questions for b in questions if a.id != b.id)


def test_the_passage_index_agrees_with_same_passage_for_every_pair_of_bundled_questions(
        bundled):
    library, _ = bundled
    content = Content.from_library(library)      # a fresh one: nothing derived yet
    questions = content.questions
    for a in questions:
        mates = content.passage_mates(a.id)
        assert mates == {b.id for b in questions if same_passage(a, b)}, a.id
        assert mates == content.passage_mates(a.id)   # kept, and the same when asked again


def _question(id_, quote="", kind=WHOSE_VIEW):
    return Question(id_, kind, "x", "Why.", quote=quote)


def test_passages_match_across_spacing_and_quote_styles_and_when_one_contains_the_other():
    content = Content(questions=(
        _question("plain", "We must  loosen the \u201cbolts\u201d."),
        _question("folded", 'we must loosen the "bolts".'),
        _question("part", "loosen the"),
        _question("whole", "Comrades, we must loosen the \"bolts\". Then more."),
        _question("other", "Something else entirely."),
        _question("none", "", kind=CHOICE)))
    assert content.passage_mates("plain") == {"plain", "folded", "part", "whole"}
    assert content.passage_mates("part") == {"plain", "folded", "part", "whole"}
    assert content.passage_mates("whole") == {"plain", "folded", "part", "whole"}
    assert content.passage_mates("other") == {"other"}
    # A question with no passage shares none (only itself: it is never asked twice).
    assert content.passage_mates("none") == {"none"}
    assert "none" not in content.passage_mates("part")


def test_two_passages_inside_one_longer_passage_are_not_mates_of_each_other():
    content = Content(questions=(
        _question("long", "The first half. The second half."),
        _question("first", "The first half."),
        _question("second", "The second half.")))
    assert content.passage_mates("first") == {"first", "long"}
    assert content.passage_mates("second") == {"second", "long"}
    assert content.passage_mates("long") == {"long", "first", "second"}


@pytest.mark.parametrize("seed", SEEDS)
def test_a_whose_view_game_over_every_question_never_asks_a_passage_twice(bundled, seed):
    _, content = bundled
    game = G.start_whose_view(content, new_session(["Solo"], seed=seed),
                              rounds=len(content.questions) + 10)
    asked = _asked(game)
    assert len(asked) >= len(content.questions) // 2
    _no_shared_passage(asked)
    # ...and it stops only when no question is left whose passage has not been asked.
    for question in content.questions:
        assert any(same_passage(question, one) for one in asked), question.id


@pytest.mark.parametrize("seed", SEEDS[:10])
def test_a_classroom_game_of_four_teams_never_asks_a_passage_twice(bundled, seed):
    _, content = bundled
    game = G.start_whose_view(content, new_session(["A", "B", "C", "D"], seed=seed), rounds=8)
    _no_shared_passage(_asked(game))


@pytest.mark.parametrize("seed", SEEDS[:10])
def test_a_mixed_review_game_asks_only_a_missed_question_again_never_a_new_one_on_its_passage(
        bundled, seed):
    _, content = bundled
    game = G.start_mixed(content, new_session(["Solo"], seed=seed), rounds=24)
    asked = _asked(game, right=False)
    first = list(dict.fromkeys(q.id for q in asked))
    distinct = [content.question(i) for i in first]
    _no_shared_passage(distinct)
    assert len(asked) > len(distinct)   # the misses did come back for review


def test_no_campaign_level_of_the_bundled_pack_asks_a_passage_twice(bundled):
    library, content = bundled
    pack = library.pack("khrushchev-era")
    for level in pack.levels:
        listed = [content.question(i) for r in level.rounds for i in r.question_ids]
        _no_shared_passage(listed)
        asked = _asked(G.start_level(content, new_session(["Solo"], seed=1), level))
        assert [q.id for q in asked] == [q.id for q in listed], level.id


def test_a_level_that_lists_the_same_passage_twice_skips_the_second(bundled):
    _, content = bundled
    pairs = [(a, b) for a in content.questions for b in content.questions
             if a.id < b.id and same_passage(a, b)]
    one, other = pairs[0]
    from game.content.model import Level, Round
    level = Level("twice", "Twice", (Round("questions", question_ids=(one.id, other.id)),))
    asked = _asked(G.start_level(content, new_session(["Solo"], seed=2), level))
    assert [q.id for q in asked] == [one.id]
