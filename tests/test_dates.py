"""Partial dates: parsing what YAML gives, spans of days, and when two dates can be ordered."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.content.dates import DateError, PartialDate, can_order_all


@pytest.mark.parametrize("value, expected", [
    (1956, PartialDate(1956)),
    ("1956", PartialDate(1956)),
    ("1956-02", PartialDate(1956, 2)),
    ("1956-2", PartialDate(1956, 2)),
    (dt.date(1956, 2, 25), PartialDate(1956, 2, 25)),
    ("1956-02-25", PartialDate(1956, 2, 25)),
    (" 1956-02-25 ", PartialDate(1956, 2, 25)),
])
def test_a_date_is_read_from_what_yaml_gives(value, expected):
    assert PartialDate.parse(value) == expected


@pytest.mark.parametrize("value", ["1956-02-30", "1955-02-29", "1956-13", "1956-00", "1956-04-31"])
def test_a_date_not_on_the_calendar_is_refused_with_the_format_hint(value):
    with pytest.raises(DateError) as caught:
        PartialDate.parse(value)
    assert str(caught.value) == f"'{value}' is not a calendar date (use YYYY, YYYY-MM or YYYY-MM-DD)"


def test_a_leap_day_exists_in_a_leap_year():
    assert PartialDate.parse("1956-02-29").label() == "29 February 1956"


@pytest.mark.parametrize("value", [True, None, 3.5, 56, 19560, "February 1956", "1956/02/25",
                                   dt.datetime(1956, 2, 25, 10, 0), [1956]])
def test_anything_else_is_not_a_date(value):
    with pytest.raises(DateError):
        PartialDate.parse(value)


def test_a_day_needs_a_month():
    with pytest.raises(DateError):
        PartialDate(1956, None, 25)


@pytest.mark.parametrize("date, precision, first, last", [
    (PartialDate(1956), "year", dt.date(1956, 1, 1), dt.date(1956, 12, 31)),
    (PartialDate(1956, 2), "month", dt.date(1956, 2, 1), dt.date(1956, 2, 29)),
    (PartialDate(1957, 2), "month", dt.date(1957, 2, 1), dt.date(1957, 2, 28)),
    (PartialDate(1956, 2, 25), "day", dt.date(1956, 2, 25), dt.date(1956, 2, 25)),
])
def test_a_date_stands_for_the_span_of_days_its_precision_allows(date, precision, first, last):
    assert (date.precision, date.first_day, date.last_day) == (precision, first, last)


def test_a_year_cannot_be_ordered_against_a_day_inside_it():
    assert not PartialDate(1956).can_order(PartialDate(1956, 2, 25))
    assert not PartialDate(1956, 2, 25).before(PartialDate(1956))


def test_a_year_can_be_ordered_against_a_day_of_another_year():
    assert PartialDate(1955).can_order(PartialDate(1956, 2, 25))
    assert PartialDate(1955).before(PartialDate(1956, 2, 25))
    assert not PartialDate(1956, 2, 25).before(PartialDate(1955))


def test_the_same_day_cannot_be_ordered_against_itself():
    assert not PartialDate(1953, 3, 5).can_order(PartialDate(1953, 3, 5))


def test_a_round_of_dates_is_orderable_only_when_every_pair_is():
    assert can_order_all([PartialDate(1953, 3, 5), PartialDate(1955), PartialDate(1956, 2)])
    assert not can_order_all([PartialDate(1956), PartialDate(1953), PartialDate(1956, 10, 23)])
    # A year overlapping a later day, with an orderable date between them.
    assert not can_order_all([PartialDate(1956), PartialDate(1956, 1, 5), PartialDate(1956, 11)])


def test_dates_are_shown_as_iso_and_for_people():
    assert PartialDate(1953, 3, 5).iso() == "1953-03-05"
    assert PartialDate(1953, 3).iso() == "1953-03"
    assert PartialDate(1953, 3, 5).label() == "5 March 1953"
    assert PartialDate(1953, 3).label() == "March 1953"
    assert PartialDate(1953).label() == "1953"


def test_dates_sort_by_first_possible_day_then_by_last():
    dates = [PartialDate(1956), PartialDate(1955, 12, 31), PartialDate(1956, 1),
             PartialDate(1956, 1, 1)]
    assert sorted(dates, key=PartialDate.sort_key) == \
        [PartialDate(1955, 12, 31), PartialDate(1956, 1, 1), PartialDate(1956, 1), PartialDate(1956)]


partial_dates = st.builds(
    lambda day, precision: PartialDate(day.year, day.month if precision != "year" else None,
                                       day.day if precision == "day" else None),
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(1967, 12, 31)),
    st.sampled_from(["year", "month", "day"]))


@given(partial_dates, partial_dates)
def test_can_order_agrees_with_before_both_ways(a, b):
    assert a.can_order(b) == (a.before(b) or b.before(a))
    assert not (a.before(b) and b.before(a))


@given(st.lists(partial_dates, max_size=8))
def test_can_order_all_agrees_with_every_pair(dates):
    pairs = all(a.can_order(b) for i, a in enumerate(dates) for b in dates[i + 1:])
    assert can_order_all(dates) == pairs


@given(partial_dates)
def test_iso_reads_back_to_the_same_date(date):
    assert PartialDate.parse(date.iso()) == date


@pytest.mark.parametrize("start, end, shown", [
    ("1956-02-25", None, "25 February 1956"),
    ("1956-02-14", "1956-02-25", "14–25 February 1956"),
    ("1956-03-05", "1956-04-10", "5 March – 10 April 1956"),
    ("1961-08", "1962", "August 1961 – 1962"),
    ("1957", "1960", "1957 – 1960"),
    ("1959-09-15", "1959-09-27", "15–27 September 1959"),
])
def test_a_span_is_said_for_people_with_what_both_ends_share_said_once(start, end, shown):
    from game.content.dates import span_label
    assert span_label(PartialDate.parse(start), PartialDate.parse(end) if end else None) == shown


@pytest.mark.parametrize("written,meant", [("3 November 1957", "1957-11-03"),
                                           ("Nov 3, 1957", "1957-11-03"),
                                           ("Sept. 1957", "1957-09"),
                                           ("14/10/1962", "1962-10-14")])
def test_a_date_written_in_words_is_refused_with_its_iso_form(written, meant):
    with pytest.raises(DateError) as caught:
        PartialDate.parse(written)
    assert f"write it as {meant}" in str(caught.value)


def test_a_date_that_cannot_be_read_at_all_gets_no_guess():
    with pytest.raises(DateError) as caught:
        PartialDate.parse("the spring of 1957")
    assert "write it as" not in str(caught.value)
