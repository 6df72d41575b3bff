"""One table of modes and one review, shared by the window, `thaw play --text` and the
classroom: the same mode is the same game wherever it is played."""

from types import SimpleNamespace

import pytest
from rules_fixtures import FakeLibrary

from game import textplay
from game.classroom import setup as classroom_setup
from game.classroom.summary import out_of_place
from game.content.dates import PartialDate
from game.rules import game as rules, modes, ordering
from game.rules.content import Content
from game.rules.review import REVIEW_TITLE, miss_detail, review_content, start_review
from game.rules.session import missed, new_session
from game.store import settings as store_settings
from game.ui.play import match as window

SOLO = [m for m in modes.MODES if m != rules.MODE_CAMPAIGN]


def _ctx(library, seed):
    return SimpleNamespace(library=library, settings=None, new_seed=lambda: seed)


class _Library(FakeLibrary):
    """The fixture library with the window's pack lookup (every pack, no requirements)."""

    def with_requirements(self, pack_ids):
        return self.packs


def test_the_table_lists_every_mode_of_the_rules_in_their_order():
    assert tuple(modes.MODES) == rules.MODES
    assert all(m.title and m.about for m in modes.MODES.values())


@pytest.mark.parametrize("mode", SOLO)
def test_the_window_and_the_terminal_deal_the_same_game_for_a_mode_and_a_seed(mode):
    library = _Library()
    in_window = window.new_match(_ctx(library, 41), mode, ("p",)).game
    in_terminal = textplay.new_game(mode, library, 41)
    assert in_window.mode == in_terminal.mode == mode
    assert in_window.plan == in_terminal.plan
    assert in_window.prompt == in_terminal.prompt


def test_chronology_deals_the_tables_deck_of_twelve_in_the_window_and_the_terminal():
    from game.content.library import load_library
    library = load_library()
    assert len(library.events()) > 12
    deck = modes.MODES[rules.MODE_CHRONOLOGY].sizes["deck_size"]
    assert deck == 12
    for game in (textplay.new_game(rules.MODE_CHRONOLOGY, library, 3),
                 window.new_match(_ctx(library, 3), rules.MODE_CHRONOLOGY, ()).game):
        assert len(game.plan) + game.dealt + len(game.line) == deck


def test_a_size_given_overrides_the_tables_default():
    game = modes.start(rules.MODE_SORT, Content.from_library(FakeLibrary()),
                       new_session(("A",), 1), rounds=1)
    assert len(game.plan) + game.dealt == 1


def test_an_unknown_mode_and_a_campaign_without_a_level_are_refused():
    content = Content.from_library(FakeLibrary())
    with pytest.raises(ValueError, match="the modes are chronology, sort"):
        modes.start("bingo", content, new_session(("A",), 1))
    with pytest.raises(ValueError, match="one level"):
        modes.start(rules.MODE_CAMPAIGN, content, new_session(("A",), 1))


def test_the_classrooms_round_titles_come_from_the_table():
    titles = classroom_setup.ROUND_TITLES
    assert titles[classroom_setup.WHOSE_VIEW] == modes.TITLES[rules.MODE_WHOSE_VIEW]
    assert modes.TITLES[rules.MODE_SORT].lower() in titles[classroom_setup.TIMELINE]
    assert modes.title("review") == REVIEW_TITLE and modes.title("nope") == "nope"


def test_the_classroom_limits_are_the_stores_limits():
    for name in ("TIMER_CHOICES", "MIN_TEAMS", "MAX_TEAMS", "MAX_TEAM_NAME", "MAX_ROUNDS"):
        assert getattr(classroom_setup, name) is getattr(store_settings, name)


# --- the review ----------------------------------------------------------------------------
def _played_badly(mode):
    game = textplay.new_game(mode, FakeLibrary(), 5)
    while not game.over:
        p = game.prompt
        if mode == rules.MODE_SORT:
            move = [e.id for e in reversed(ordering.true_order(p.cards))]
        else:
            move = next(c.key for c in p.live_choices if c.key != p.question.answer)
        game, _ = rules.answer(game, move)
    return game


def test_a_missed_whose_view_question_is_told_with_the_perspectives_name():
    game = _played_badly(rules.MODE_WHOSE_VIEW)
    miss = next(m for m in missed(game.session) if m.kind == "whose-view")
    detail = miss_detail(miss, game.content)
    question = game.content.question(miss.item_id)
    assert detail.is_question and detail.question == question
    assert detail.answer == game.content.perspective(question.answer).name
    # Both front ends say the same name, each in its own words.
    from game.ui.play.results import describe_miss
    assert describe_miss(miss, game.content)[1] == f"Answer: {detail.answer}"
    assert textplay._describe_miss(miss, game.content).endswith(f"-- {detail.answer}")


def test_a_missed_event_is_told_with_its_neighbours_in_the_true_order():
    game = _played_badly(rules.MODE_SORT)
    miss = missed(game.session)[0]
    detail = miss_detail(miss, game.content)
    assert not detail.is_question and detail.event.id == miss.item_id
    assert [e.id for e in detail.true_order] == list(miss.answer)
    index = detail.true_order.index(detail.event)
    assert detail.before == (detail.true_order[index - 1] if index else None)
    assert textplay._describe_miss(miss, game.content) == "in order: " + "; ".join(
        f"{e.date.label()} {e.title}" for e in detail.true_order)


def test_the_review_game_holds_only_what_was_missed():
    game = _played_badly(rules.MODE_WHOSE_VIEW)
    content = review_content(game)
    assert {q.id for q in content.questions} == {m.item_id for m in missed(game.session)}
    review = start_review(game, new_session(("A",), 2))
    assert review.mode == rules.MODE_MIXED and len(review.plan) + review.dealt == len(content.questions)


def test_a_game_without_a_miss_has_no_review():
    game = textplay.new_game(rules.MODE_WHOSE_VIEW, FakeLibrary(), 5)
    while not game.over:
        game, _ = rules.answer(game, game.prompt.question.answer)
    assert review_content(game) is None and start_review(game, new_session(("A",), 2)) is None


# --- one longest ordered run ---------------------------------------------------------------
def test_the_longest_ordered_run_keeps_the_first_of_equally_long_runs():
    assert ordering.longest_ordered_run([], lambda a, b: a < b) == ()
    assert ordering.longest_ordered_run([3, 1, 2], lambda a, b: a < b) == (1, 2)
    assert ordering.longest_ordered_run([2, 1], lambda a, b: a < b) == (0,)
    assert ordering.longest_ordered_run([1, 5, 2, 6, 3], lambda a, b: a < b) == (0, 1, 3)


@pytest.mark.parametrize("given", ["abcd", "dcba", "bdac", "cabd", "adbc"])
def test_the_solo_game_and_the_classroom_summary_find_the_same_cards_out_of_place(given):
    from game.content.model import Citation, Event
    cite = Citation("s", "x")
    events = {k: Event(k, k.upper(), PartialDate(1955 + i), "", cite)
              for i, k in enumerate("abcd")}
    hand = [events[k] for k in given]
    assert set(ordering.misplaced(hand)) == set(out_of_place(list("abcd"), list(given)))
