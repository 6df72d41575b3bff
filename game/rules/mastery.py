"""Figures for the progress screen, from the player's memory (game.rules.memory).

    mastery_by_period(content, memory)       # the four periods of the era, as bars
    mastery_by_perspective(content, memory)  # whose-view questions, by the right answer
    most_missed(content, memory)             # the items most often answered wrong
    review_these(most_missed(...))           # their keys: review_deal.start_review(keys=...)

An item is *known* when its last answer was right. A group's `share` is the part of its
items known, out of all its items (items never seen count as not known), so a bar grows
only by playing and answering right. Events belong to the period of their date; a
question belongs to the periods of the events citing its source (filters.question_periods),
so it can count in more than one period.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from game.rules.content import Content
from game.rules.filters import PERIODS, period_of, question_periods
from game.rules.memory import EVENT, QUESTION, Key, Memory


@dataclass(frozen=True)
class Mastery:
    """One bar of the chart."""
    label: str               # "1956", or a perspective's name
    items: int               # items in the group (in the packs in play)
    seen: int                # of them, answered at least once
    known: int               # of them, last answered right
    answers: int             # answers about them, all together
    right: int               # right answers about them

    @property
    def share(self) -> float:
        """Known out of all items (0..1): the bar's length."""
        return self.known / self.items if self.items else 0.0

    @property
    def accuracy(self) -> float:
        return self.right / self.answers if self.answers else 0.0


@dataclass(frozen=True)
class MissedItem:
    """An item the player got wrong, for the "most often missed" list."""
    kind: str                # EVENT or QUESTION
    id: str
    title: str               # the event's title, or the question's prompt or quote
    wrong: int
    seen: int
    last_right: bool

    @property
    def key(self) -> Key:
        return (self.kind, self.id)


def _group(label: str, keys: Iterable[Key], memory: Memory) -> Mastery:
    keys = tuple(dict.fromkeys(keys))
    found = [memory[k] for k in keys if k in memory]
    return Mastery(label, len(keys), len(found), sum(m.last_right for m in found),
                   sum(m.seen for m in found), sum(m.right for m in found))


def mastery_by_period(content: Content, memory: Memory) -> tuple[Mastery, ...]:
    """One bar per period of the era, in time order (1953–55, 1956, 1957–60, 1961–64)."""
    out = []
    for period in PERIODS:
        keys = [(EVENT, e.id) for e in content.events if period_of(e) == period]
        keys += [(QUESTION, q.id) for q in content.questions
                 if period in question_periods(q, content.events)]
        out.append(_group(period.label, keys, memory))
    return tuple(out)


def mastery_by_perspective(content: Content, memory: Memory) -> tuple[Mastery, ...]:
    """One bar per perspective that answers a whose-view question, in the packs' order."""
    out = []
    for view in content.perspectives:
        keys = [(QUESTION, q.id) for q in content.questions
                if q.is_whose_view and q.answer == view.id]
        if keys:
            out.append(_group(view.name, keys, memory))
    return tuple(out)


def title_of(content: Content, key: Key) -> str:
    kind, item = key
    if kind == EVENT:
        event = content.event(item)
        return event.title if event else item
    question = content.question(item)
    if question is None:
        return item
    return question.prompt or question.quote or item


def most_missed(content: Content, memory: Memory, limit: int = 10
                ) -> tuple[MissedItem, ...]:
    """Items of the packs in play answered wrong at least once: most wrong answers first,
    then those still wrong at their last answer, then the lowest share right."""
    found = [m for m in memory.values() if m.wrong > 0
             and (content.event(m.id) if m.kind == EVENT else content.question(m.id))]
    found.sort(key=lambda m: (-m.wrong, m.last_right, m.how_well, m.key))
    return tuple(MissedItem(m.kind, m.id, title_of(content, m.key), m.wrong, m.seen,
                            m.last_right) for m in found[:limit])


def review_these(missed: Sequence[MissedItem]) -> tuple[Key, ...]:
    """The keys of a "review these" deal (review_deal.start_review(..., keys=...))."""
    return tuple(m.key for m in missed)
