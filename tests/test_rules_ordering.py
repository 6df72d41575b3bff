"""Fair ordering by partial dates: what the dates cannot decide is never wrong."""

import datetime as dt
import random

from hypothesis import given, settings, strategies as st

from game.content.dates import PartialDate, can_order_all
from game.rules import ordering, pool
from rules_fixtures import EVENTS, ORDERABLE_EVENTS, event

DAYS = st.dates(min_value=dt.date(1953, 1, 1), max_value=dt.date(1964, 12, 31))
PRECISION = st.sampled_from(["day", "month", "year"])


def coarsen(day: dt.date, precision: str) -> str:
    """A partial date that contains `day`."""
    if precision == "year":
        return f"{day.year}"
    if precision == "month":
        return f"{day.year}-{day.month:02d}"
    return day.isoformat()


def _events(days_and_precisions):
    return [event(f"e{i}", coarsen(day, p)) for i, (day, p) in enumerate(days_and_precisions)]


def test_a_card_goes_only_between_the_events_around_its_date():
    line = ORDERABLE_EVENTS[:3]          # 1953-03-05, 1953-06-26, 1954
    card = event("card", "1953-04")
    assert ordering.right_gaps(line, card) == (1,)
    assert not ordering.gap_is_right(line, card, 0)
    assert not ordering.gap_is_right(line, card, 3)


def test_a_card_of_the_same_year_as_a_day_in_the_line_fits_on_either_side():
    line = (event("speech", "1956-02-25"),)
    card = event("novel", "1956")
    assert ordering.right_gaps(line, card) == (0, 1)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(DAYS, PRECISION), min_size=0, max_size=7), DAYS, PRECISION)
def test_a_placement_that_real_dates_could_make_is_never_wrong(line_days, card_day, prec):
    # Concrete days give a true order; coarsening them to partial dates keeps that
    # order consistent with the dates, so the gap where the card's real day falls
    # must be accepted whatever precision the dates are given at.
    line_days = sorted(line_days, key=lambda dp: dp[0])
    line = _events(line_days)
    card = event("card", coarsen(card_day, prec))
    for gap in range(len(line) + 1):
        after_prev = gap == 0 or line_days[gap - 1][0] <= card_day
        before_next = gap == len(line) or card_day <= line_days[gap][0]
        if after_prev and before_next:
            assert ordering.gap_is_right(line, card, gap)


@settings(max_examples=100, deadline=None)
@given(st.lists(DAYS, min_size=1, max_size=7, unique=True), DAYS)
def test_with_exact_distinct_days_exactly_one_gap_is_right(days, card_day):
    days = sorted(d for d in days if d != card_day)
    line = [event(f"e{i}", d.isoformat()) for i, d in enumerate(days)]
    card = event("card", card_day.isoformat())
    expected = sum(1 for d in days if d < card_day)
    assert ordering.right_gaps(line, card) == (expected,)
    assert ordering.true_gap(line, card) == expected


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(DAYS, PRECISION), min_size=0, max_size=8), st.randoms())
def test_pair_credit_stays_between_0_and_1(dates, rng):
    events = _events(dates)
    rng.shuffle(events)
    assert 0.0 <= ordering.pair_credit(events) <= 1.0


@settings(max_examples=100, deadline=None)
@given(st.lists(DAYS, min_size=2, max_size=8, unique=True))
def test_the_true_order_scores_all_and_the_reverse_scores_nothing(days):
    events = [event(f"e{i}", d.isoformat()) for i, d in enumerate(days)]
    truth = ordering.true_order(events)
    assert ordering.pair_credit(truth) == 1.0
    assert ordering.misplaced(truth) == ()
    assert ordering.pair_credit(truth[::-1]) == 0.0
    assert len(ordering.misplaced(truth[::-1])) == len(events) - 1


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(DAYS, PRECISION), min_size=2, max_size=8))
def test_the_true_order_is_never_marked_wrong_even_when_dates_overlap(dates):
    truth = ordering.true_order(_events(dates))
    assert ordering.pair_credit(truth) == 1.0
    assert ordering.misplaced(truth) == ()


def test_a_pair_the_dates_cannot_decide_counts_as_right_either_way():
    novel, speech = event("novel", "1956"), event("speech", "1956-02-25")
    assert ordering.pair_credit([novel, speech]) == 1.0
    assert ordering.pair_credit([speech, novel]) == 1.0


def test_one_card_swapped_to_the_end_is_the_only_card_marked_out_of_place():
    truth = list(ORDERABLE_EVENTS[:6])
    moved = truth[1:] + truth[:1]
    assert ordering.misplaced(moved) == (truth[0].id,)
    # 5 of the 15 pairs involve the moved card, all of them reversed.
    assert ordering.pair_credit(moved) == 10 / 15


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 10_000), st.integers(2, 14))
def test_a_draw_with_the_fit_rule_deals_only_events_that_can_all_be_ordered(seed, count):
    cards, _ = pool.draw(random.Random(seed), EVENTS, frozenset(), count, ordering.fits)
    assert len(cards) >= 2
    assert can_order_all([c.date for c in cards])
    assert len({c.id for c in cards}) == len(cards)


def test_a_shuffled_hand_is_never_dealt_already_in_order():
    for seed in range(30):
        hand = ordering.shuffled_out_of_order(random.Random(seed), ORDERABLE_EVENTS[:3])
        assert ordering.pair_credit(hand) < 1.0


def test_dates_that_overlap_are_refused_by_the_fit_rule():
    speech = event("speech", "1956-02-25")
    assert not ordering.fits([speech], event("novel", "1956"))
    assert ordering.fits([speech], event("hungary", "1956-10"))
    assert PartialDate.parse("1956-10").can_order(PartialDate.parse("1956-02-25"))
