"""Sessions: turns, points, streaks, hints, timeouts, and the classroom moves."""

import pytest

from game.rules import game as G
from game.rules import ordering
from game.rules.prompts import FIFTY, YEAR, Ask, PlaceCard
from game.rules.scoring import answer_points
from game.rules.session import (MANUAL, SKIP, missed, new_session, record_answer,
                                standings, summary)
from game.rules.settings import Rules
from rules_fixtures import ORDERABLE_EVENTS, QUESTIONS, content

RULES = Rules()


def _right_key(game):
    return game.prompt.question.answer


def _wrong_key(game):
    return next(c.key for c in game.prompt.live_choices if c.key != _right_key(game))


def test_a_session_has_one_to_six_players_with_different_names():
    assert len(new_session(["A"]).players) == 1
    assert len(new_session([f"T{i}" for i in range(6)]).players) == 6
    for names in ([], [f"T{i}" for i in range(7)], ["A", "A"], [" "]):
        with pytest.raises(ValueError):
            new_session(names)


def test_a_right_answer_earns_the_points_and_a_hint_costs_some_of_them():
    assert answer_points(RULES, 1.0, streak=0) == (RULES.points, 1)
    assert answer_points(RULES, 1.0, streak=0, hint=FIFTY) == (RULES.points - RULES.hint_cost, 1)
    assert answer_points(RULES, 0.0, streak=4, hint=FIFTY) == (0, 0)


def test_every_third_right_answer_in_a_row_earns_the_streak_bonus():
    streak, earned = 0, []
    for _ in range(6):
        points, streak = answer_points(RULES, 1.0, streak=streak)
        earned.append(points)
    bonus = RULES.points + RULES.streak_bonus
    assert earned == [RULES.points, RULES.points, bonus, RULES.points, RULES.points, bonus]


def test_a_steal_earns_half_points_and_a_timeout_earns_nothing():
    assert answer_points(RULES, 1.0, streak=0, steal=True)[0] == RULES.points // 2
    assert answer_points(RULES, 1.0, streak=2, timed_out=True) == (0, 0)


def test_an_answer_over_the_time_limit_is_a_timeout_that_counts_as_a_miss():
    session = new_session(["A"], rules=Rules(time_limit=10))
    session, record = record_answer(session, kind="choice", item_ids=("q",), chosen=("x",),
                                    answer=("x",), credit=1.0, seconds=10.5)
    assert record.timed_out and not record.correct and record.points == 0
    session, record = record_answer(session, kind="choice", item_ids=("q",), chosen=("x",),
                                    answer=("x",), credit=1.0, seconds=10.0)
    assert record.correct and not record.timed_out


def test_turns_pass_round_the_players_and_each_answer_is_recorded_for_its_player():
    game = G.start_whose_view(content(), new_session(["A", "B", "C"], seed=1), rounds=1)
    players = []
    while not game.over:
        players.append(game.session.turn)
        game, verdict = G.choose(game, _right_key(game), seconds=2.5)
        assert verdict.record.player == players[-1]
    assert players == [0, 1, 2]
    history = game.session.history
    assert [r.turn for r in history] == [0, 1, 2]
    assert all(r.seconds == 2.5 and r.correct for r in history)
    assert [s.score for s in summary(game.session)] == [RULES.points] * 3


def test_standings_missed_and_summary_come_from_the_history():
    game = G.start_whose_view(content(), new_session(["A", "B"], seed=2), rounds=2)
    game, _ = G.choose(game, _right_key(game))          # A right
    wrong_question = game.prompt.question
    game, _ = G.choose(game, _wrong_key(game))          # B wrong
    game, _ = G.choose(game, _right_key(game))          # A right
    game, _ = G.choose(game, _right_key(game))          # B right
    table = standings(game.session)
    assert [s.name for s in table] == ["A", "B"]
    assert table[0].score == 2 * RULES.points and table[0].right == 2
    assert table[1].score == RULES.points and table[1].accuracy == 0.5
    assert [p.score for p in game.session.players] == [s.score for s in summary(game.session)]
    (miss,) = missed(game.session)
    assert miss.item_id == wrong_question.id and miss.answer == (wrong_question.answer,)
    assert miss.player == 1


def test_a_manual_adjustment_is_recorded_with_its_reason_and_keeps_the_turn():
    game = G.start_whose_view(content(), new_session(["A", "B"]), rounds=1)
    game = G.adjust(game, 1, +1, "good teamwork")
    game = G.adjust(game, 0, -1, "shouting out")
    assert game.session.turn == 0
    assert [(r.kind, r.player, r.points, r.reason) for r in game.session.history] == [
        (MANUAL, 1, 1, "good teamwork"), (MANUAL, 0, -1, "shouting out")]
    assert [s.adjustment for s in summary(game.session)] == [-1, 1]
    assert [s.answered for s in summary(game.session)] == [0, 0]


def test_passing_hands_the_same_question_to_the_next_player():
    game = G.start_whose_view(content(), new_session(["A", "B"], seed=5), rounds=1)
    question = game.prompt.question
    game = G.pass_turn(game)
    assert game.session.turn == 1 and game.prompt.question == question
    assert game.session.history[-1].kind == SKIP
    assert summary(game.session)[0].skips == 1


def test_after_a_miss_the_next_team_may_steal_the_question_for_half_points():
    game = G.start_whose_view(content(), new_session(["A", "B"], seed=7), rounds=2)
    missed_question = game.prompt.question
    game, verdict = G.choose(game, _wrong_key(game))
    assert not verdict.correct and game.stealable is not None
    next_prompt = game.prompt
    game = G.steal(game)
    assert game.session.turn == 1 and game.prompt.question == missed_question
    game, verdict = G.choose(game, _right_key(game))
    assert verdict.record.steal and verdict.record.points == RULES.points // 2
    # The stealer still plays their own turn, on the prompt the steal interrupted.
    assert game.session.turn == 1 and game.prompt == next_prompt
    with pytest.raises(G.MoveError):
        G.steal(game)


def test_declining_a_steal_returns_to_the_interrupted_turn():
    game = G.start_whose_view(content(), new_session(["A", "B"], seed=7), rounds=2)
    game, _ = G.choose(game, _wrong_key(game))
    next_prompt = game.prompt
    game = G.pass_turn(G.steal(game))
    assert game.prompt == next_prompt and game.session.turn == 1


def test_a_solo_player_cannot_steal():
    game = G.start_whose_view(content(), new_session(["A"], seed=7), rounds=2)
    game, _ = G.choose(game, _wrong_key(game))
    assert game.stealable is None


def test_undo_is_keeping_the_previous_game():
    before = G.start_whose_view(content(), new_session(["A", "B"], seed=9), rounds=2)
    after, _ = G.choose(before, _wrong_key(before))
    assert before.session.history == () and before.session.turn == 0
    again, verdict = G.choose(before, _right_key(before))
    assert verdict.correct and len(again.session.history) == 1


def test_the_fifty_fifty_hint_removes_exactly_one_wrong_choice_and_costs_points():
    game = G.start_whose_view(content(questions=QUESTIONS[:1]), new_session(["A"]), rounds=1)
    hinted = G.use_hint(game, FIFTY)
    assert len(hinted.prompt.live_choices) == len(game.prompt.choices) - 1
    assert _right_key(hinted) in {c.key for c in hinted.prompt.live_choices}
    with pytest.raises(G.MoveError):
        G.use_hint(hinted, FIFTY)
    with pytest.raises(G.MoveError):
        G.choose(hinted, hinted.prompt.removed[0])
    _, verdict = G.choose(hinted, _right_key(hinted))
    assert verdict.record.hint == FIFTY
    assert verdict.record.points == RULES.points - RULES.hint_cost


def test_the_year_hint_shows_the_card_to_place_and_is_recorded():
    game = G.start_chronology(content(ORDERABLE_EVENTS), new_session(["A"], seed=3))
    hinted = G.use_hint(game, YEAR)
    assert isinstance(hinted.prompt, PlaceCard)
    assert hinted.prompt.revealed == (hinted.prompt.card.id,)
    with pytest.raises(G.MoveError):
        G.use_hint(game, FIFTY)
    gap = ordering.true_gap(hinted.prompt.line, hinted.prompt.card)
    _, verdict = G.place(hinted, gap)
    assert verdict.record.hint == YEAR and verdict.correct


def test_the_year_hint_on_a_hand_shows_the_card_asked_for():
    game = G.start_sort(content(ORDERABLE_EVENTS), new_session(["A"], seed=3), rounds=1)
    card = game.prompt.cards[2].id
    assert G.use_hint(game, YEAR, card).prompt.revealed == (card,)
    with pytest.raises(G.MoveError):
        G.use_hint(game, YEAR, "not-in-hand")


def test_moves_that_do_not_fit_the_prompt_are_refused_with_a_move_error():
    game = G.start_chronology(content(ORDERABLE_EVENTS), new_session(["A"], seed=3))
    for bad in (-1, len(game.prompt.line) + 1):
        with pytest.raises(G.MoveError):
            G.place(game, bad)
    with pytest.raises(G.MoveError):
        G.choose(game, "khrushchev")
    sort = G.start_sort(content(ORDERABLE_EVENTS), new_session(["A"], seed=3), rounds=1)
    ids = [c.id for c in sort.prompt.cards]
    for bad in (ids[:-1], ids + ids[:1], ids[:-1] + ["stranger"]):
        with pytest.raises(G.MoveError):
            G.submit(sort, bad)
    assert isinstance(G.start_whose_view(content(), new_session(["A"])).prompt, Ask)
