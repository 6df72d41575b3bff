"""Filters for Play: period, question kind and packs select what a game deals."""

from pathlib import Path

import pytest

from rules_fixtures import PACK, content
from game.content.model import Pack
from game.rules.filters import (PERIODS, choose_packs, filter_content, period_named,
                                periods_present, play_content, question_kinds)


def test_a_period_filter_keeps_only_the_events_of_its_years():
    picked = filter_content(content(), periods=["1956"])
    assert {e.id for e in picked.events} == {"secret-speech", "hungary", "thaw-novel",
                                             "twentieth-congress"}
    both = filter_content(content(), periods=[PERIODS[0], "1961-64"])
    assert {e.date.year for e in both.events} <= {1953, 1954, 1955, 1961, 1962, 1963, 1964}


def test_a_period_filter_keeps_questions_whose_source_events_of_that_period_cite():
    picked = filter_content(content(), periods=["1957–60"])
    assert {"q-puddle", "q-revisionism"} <= {q.id for q in picked.questions}
    early = filter_content(content(), periods=["1953–55"])
    assert "q-puddle" not in {q.id for q in early.questions}   # the blog: only Sputnik


def test_a_kind_filter_keeps_only_those_questions_and_every_event():
    picked = filter_content(content(), kinds=["choice"])
    assert [q.id for q in picked.questions] == ["q-year"]
    assert picked.events == content().events and picked.perspectives
    assert question_kinds(content()) == ("whose-view", "choice")


def test_no_filter_keeps_everything_and_an_unknown_period_is_refused():
    assert filter_content(content()) == content()
    assert periods_present(content()) == PERIODS
    with pytest.raises(ValueError, match="unknown period"):
        period_named("1970s")


def test_a_pack_filter_keeps_the_packs_named_and_what_they_require():
    extra = Pack("extra", "Extra", Path("extra.yaml"), requires=("test",))
    other = Pack("other", "Other", Path("other.yaml"))
    assert [p.id for p in choose_packs((PACK, extra, other), ["extra"])] == ["test", "extra"]
    assert len(choose_packs((PACK, extra, other))) == 3
    with pytest.raises(ValueError, match="no pack 'missing'"):
        choose_packs((PACK,), ["missing"])
    only_other = play_content((PACK, other), ["other"])
    assert only_other.events == () and only_other.questions == ()
    assert len(play_content((PACK,), ["test"], kinds=["whose-view"]).questions) == 4
