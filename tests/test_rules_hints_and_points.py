"""What the screens show about hints and points: the hint that fits a turn with its
cost, and where an answer's points came from (review m5: scoring explained)."""

from rules_fixtures import content
from game.rules.settings import Rules
from game.rules import game as G
from game.rules.hints import hint_options
from game.rules.prompts import FIFTY, YEAR
from game.rules.scoring import explain_points
from game.rules.session import new_session


def _solo(**rules):
    return new_session(["Solo"], seed=2, rules=Rules(**rules))


def test_a_question_offers_the_fifty_fifty_with_its_cost_until_it_is_used():
    game = G.start_whose_view(content(), _solo(), rounds=2)
    (option,) = hint_options(game)
    assert option.kind == FIFTY and option.available and option.cost == 5
    assert option.label == "50/50: remove a wrong answer (−5 points)"
    game = G.use_hint(game, FIFTY)
    (option,) = hint_options(game)
    assert not option.available and "already used" in option.why_not


def test_a_hand_offers_the_year_hint():
    game = G.start_sort(content(), _solo(), rounds=1, hand_size=3)
    assert [o.kind for o in hint_options(game)] == [YEAR]


def test_the_points_of_a_third_right_answer_in_a_row_name_the_streak_bonus():
    game = G.start_whose_view(content(), _solo(), rounds=3)
    for _ in range(3):
        game, verdict = G.choose(game, game.prompt.question.answer)
    assert explain_points(game.session.rules, verdict.record) == (
        "Right: +10", "Streak bonus, every 3 in a row: +5")


def test_a_hinted_answer_shows_the_hint_cost_and_a_miss_shows_nothing_earned():
    game = G.start_whose_view(content(), _solo(), rounds=2)
    game = G.use_hint(game, FIFTY)
    game, verdict = G.choose(game, game.prompt.question.answer)
    assert explain_points(game.session.rules, verdict.record) == ("Right: +10", "Hint: −5")
    wrong = next(c.key for c in game.prompt.live_choices
                 if c.key != game.prompt.question.answer)
    game, verdict = G.choose(game, wrong)
    assert explain_points(game.session.rules, verdict.record) == ("Not right: 0",)
