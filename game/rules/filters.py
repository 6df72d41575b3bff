"""Filters for Play: which periods, question kinds and packs a game deals from.

Pure selections over content: they return a smaller Content (or fewer packs) and never
change what they are given. An empty choice means "all".

    packs = choose_packs(library.packs, ["khrushchev-era"])     # with what they require
    content = filter_content(Content.from_packs(packs), periods=["1956"], kinds=["choice"])

Periods are the four of the era (PERIODS). Events are dated, so a period filter keeps the
events whose date falls in one of the periods chosen. Questions carry no date of their
own: a question belongs to the periods of the events that cite the same source document
(question_periods), and a question whose source no event cites is kept only when no
period is chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from game.content.model import Event, Pack, Question
from game.rules.content import Content


@dataclass(frozen=True)
class Period:
    label: str        # "1957–60"
    first: int        # first year, inclusive
    last: int         # last year, inclusive

    def holds(self, year: int) -> bool:
        return self.first <= year <= self.last


PERIODS = (Period("1953–55", 1953, 1955), Period("1956", 1956, 1956),
           Period("1957–60", 1957, 1960), Period("1961–64", 1961, 1964))


def period_of(event: Event) -> Optional[Period]:
    """The period of an event's (start) date; None outside 1953–1964."""
    return next((p for p in PERIODS if p.holds(event.date.year)), None)


def period_named(label: str) -> Period:
    """The period of a label ("1956"; an ASCII dash "1957-60" is accepted too)."""
    wanted = label.replace("-", "–").strip()
    for period in PERIODS:
        if period.label == wanted:
            return period
    raise ValueError(f"unknown period {label!r}; the periods are "
                     + ", ".join(p.label for p in PERIODS))


def question_kinds(content: Content) -> tuple[str, ...]:
    """The question kinds present, in order of first appearance (for the filter's list)."""
    return tuple(dict.fromkeys(q.kind for q in content.questions))


def periods_present(content: Content) -> tuple[Period, ...]:
    """The periods that have at least one event in `content`."""
    return tuple(p for p in PERIODS if any(period_of(e) == p for e in content.events))


def question_periods(question: Question, events: Sequence[Event]) -> tuple[Period, ...]:
    """The periods a question belongs to, through the events that cite what it cites."""
    cite = question.cite
    if cite is None:
        return ()
    out = []
    for event in events:
        if event.cite.source.id == cite.source.id:
            period = period_of(event)
            if period is not None and period not in out:
                out.append(period)
    return tuple(p for p in PERIODS if p in out)


def filter_content(content: Content, periods: Iterable = (), kinds: Iterable[str] = ()
                   ) -> Content:
    """The part of `content` in the chosen periods (Period values or labels) and of the
    chosen question kinds (e.g. "whose-view", "choice"). Perspectives stay whole: they
    are the answer choices."""
    chosen = tuple(p if isinstance(p, Period) else period_named(p) for p in periods)
    kinds = tuple(kinds)
    events = content.events
    questions = content.questions
    if chosen:
        events = tuple(e for e in events if period_of(e) in chosen)
        questions = tuple(q for q in questions
                          if any(p in chosen for p in question_periods(q, content.events)))
    if kinds:
        questions = tuple(q for q in questions if q.kind in kinds)
    return Content(events, questions, content.perspectives)


def choose_packs(packs: Sequence[Pack], pack_ids: Iterable[str] = ()) -> tuple[Pack, ...]:
    """The packs named (in the library's order) and the packs they require; all of them
    when none is named. Unknown ids raise ValueError naming them."""
    pack_ids = tuple(pack_ids)
    if not pack_ids:
        return tuple(packs)
    by_id = {p.id: p for p in packs}
    unknown = [i for i in pack_ids if i not in by_id]
    if unknown:
        raise ValueError(f"no pack {unknown[0]!r} is loaded")
    wanted: set[str] = set()
    todo = list(pack_ids)
    while todo:
        pack_id = todo.pop()
        if pack_id in wanted or pack_id not in by_id:
            continue
        wanted.add(pack_id)
        todo.extend(by_id[pack_id].requires)
    return tuple(p for p in packs if p.id in wanted)


def play_content(packs: Sequence[Pack], pack_ids: Iterable[str] = (), periods: Iterable = (),
                 kinds: Iterable[str] = ()) -> Content:
    """What Play deals with the three filters applied: packs, then periods and kinds."""
    return filter_content(Content.from_packs(choose_packs(packs, pack_ids)), periods, kinds)
