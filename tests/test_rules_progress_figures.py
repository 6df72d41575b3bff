"""The progress screen's figures: mastery by period and by perspective, the items most
often missed, and a "review these" deal from them."""

from datetime import datetime, timedelta, timezone

from rules_fixtures import content
from game.rules import memory as M
from game.rules.mastery import (mastery_by_perspective, mastery_by_period, most_missed,
                                review_these)
from game.rules.review_deal import start_review
from game.rules.session import new_session

TODAY = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


def _answer(memory, key, *results):
    for n, right in enumerate(results):
        memory = M.remember(memory, *key, right, TODAY + timedelta(days=n))
    return memory


def test_mastery_by_period_has_the_four_periods_of_the_era_in_time_order():
    bars = mastery_by_period(content(), {})
    assert [b.label for b in bars] == ["1953–55", "1956", "1957–60", "1961–64"]
    assert all(b.items > 0 and b.seen == 0 and b.share == 0.0 for b in bars)


def test_a_period_grows_with_the_events_of_its_years_last_answered_right():
    memory = _answer({}, (M.EVENT, "stalin-death"), True)
    memory = _answer(memory, (M.EVENT, "beria-arrest"), True, False)
    memory = _answer(memory, (M.EVENT, "ouster"), True)
    bars = {b.label: b for b in mastery_by_period(content(), memory)}
    early = bars["1953–55"]
    assert (early.seen, early.known, early.answers, early.right) == (2, 1, 3, 2)
    assert 0 < early.share < 1 and bars["1956"].known == 0
    assert bars["1961–64"].known == 1


def test_mastery_by_perspective_counts_the_whose_view_questions_of_each_answer():
    memory = _answer({}, (M.QUESTION, "q-cult"), True)
    bars = {b.label: b for b in mastery_by_perspective(content(), memory)}
    assert bars["Nikita Khrushchev"].share == 1.0
    assert bars["The old guard"].share == 0.0
    assert "The Western press" not in bars          # no question has it as the answer


def test_the_items_most_often_missed_come_first_and_can_be_reviewed():
    memory = _answer({}, (M.QUESTION, "q-puddle"), False, False, True)
    memory = _answer(memory, (M.EVENT, "sputnik"), False)
    memory = _answer(memory, (M.QUESTION, "q-cult"), True)
    missed = most_missed(content(), memory)
    assert [(m.id, m.wrong) for m in missed] == [("q-puddle", 2), ("sputnik", 1)]
    assert missed[0].title == "the Thaw was more like a puddle"
    keys = review_these(missed)
    game = start_review(content(), new_session(["Solo"], seed=1), memory, TODAY, keys=keys)
    assert "sputnik" in {c.id for c in game.prompt.cards}
