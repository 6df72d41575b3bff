"""The "Review (N due)" deal: items due in the player's memory first, timeline hands and
questions mixed. Pure functions over Content and the memory (game.rules.memory).

    n = review_count(content, memory, now)           # the title screen's "Review (N due)"
    game = start_review(content, session, memory, now)   # play it like any other Game

A review is a plan of fixed steps: each due question is asked, due events are dealt in
hands of `hand_size` cards that can be ordered against each other (a lone card is joined
by other events, the ones seen longest ago first). Hands and questions alternate. When
fewer items are due than `limit`, the rest is filled with the items the player knows
least well (not with items never seen: that is what play is for).
"""

from __future__ import annotations

from datetime import datetime
from typing import Iterable, Optional, Sequence

from game.content.model import Event
from game.rules import game as rules
from game.rules import ordering
from game.rules.content import Content
from game.rules.memory import EVENT, QUESTION, Key, Memory, due_keys, utc
from game.rules.prompts import Step

REVIEW_SIZE = 12        # items in one review
HAND_SIZE = 4           # cards per timeline hand of a review


def content_keys(content: Content) -> tuple[Key, ...]:
    """Every item a review could deal from these packs."""
    return (tuple((EVENT, e.id) for e in content.events)
            + tuple((QUESTION, q.id) for q in content.questions))


def review_count(content: Content, memory: Memory, now: datetime) -> int:
    """How many items of the packs in play are due now."""
    return len(due_keys(memory, now, content_keys(content)))


def review_keys(content: Content, memory: Memory, now: datetime, limit: int = REVIEW_SIZE,
                fill: bool = True) -> tuple[Key, ...]:
    """Up to `limit` items: the due ones first (most overdue first), then, with `fill`,
    the items answered before that went worst (fewest right, then seen longest ago)."""
    keys = content_keys(content)
    due = list(due_keys(memory, now, keys))[:limit]
    if fill and len(due) < limit:
        taken = set(due)
        rest = [memory[k] for k in keys if k in memory and k not in taken]
        rest.sort(key=lambda m: (m.how_well, m.last_seen, m.key))
        due.extend(m.key for m in rest[:limit - len(due)])
    return tuple(due)


def review_steps(content: Content, keys: Sequence[Key], memory: Optional[Memory] = None,
                 hand_size: int = HAND_SIZE) -> tuple[Step, ...]:
    """The plan for `keys` (in their order): hands of events and questions, alternating
    (a hand first when both are there)."""
    memory = memory or {}
    asks = [Step("ask", question_id=i) for kind, i in keys
            if kind == QUESTION and content.question(i) is not None]
    events = [e for e in (content.event(i) for kind, i in keys if kind == EVENT) if e]
    hands = [Step("sort", event_ids=tuple(e.id for e in hand))
             for hand in _hands(content, events, memory, max(2, hand_size))]
    steps: list[Step] = []
    while hands or asks:
        if hands:
            steps.append(hands.pop(0))
        if asks:
            steps.append(asks.pop(0))
    return tuple(steps)


def start_review(content: Content, session, memory: Memory, now: datetime,
                 limit: int = REVIEW_SIZE, hand_size: int = HAND_SIZE,
                 keys: Optional[Iterable[Key]] = None) -> rules.Game:
    """A review game of the due items (or of `keys`, e.g. progress.review_these()).
    Raises rules.NotEnoughContent when there is nothing to review."""
    chosen = tuple(keys) if keys is not None else review_keys(content, memory, utc(now), limit)
    steps = review_steps(content, chosen, memory, hand_size)
    if not steps:
        raise rules.NotEnoughContent("there is nothing to review yet: play a game first")
    return rules.start_review(content, session, steps)


def _hands(content: Content, events: list[Event], memory: Memory, size: int
           ) -> list[list[Event]]:
    """Group `events` (in order) into hands whose cards can all be ordered; a hand of one
    is joined by other events, seen longest ago first (never seen: last, by id)."""
    hands: list[list[Event]] = []
    for event in events:
        home = next((h for h in hands if len(h) < size and ordering.fits(h, event)), None)
        if home is None:
            hands.append([event])
        else:
            home.append(event)
    wanted = {e.id for e in events}
    spare = [e for e in content.events if e.id not in wanted]
    seen = [e for e in spare if (EVENT, e.id) in memory]
    seen.sort(key=lambda e: (memory[(EVENT, e.id)].last_seen, e.id))
    spare = seen + sorted((e for e in spare if (EVENT, e.id) not in memory),
                          key=lambda e: e.id)
    out = []
    for hand in hands:
        for extra in spare:
            if len(hand) >= 2:
                break
            if ordering.fits(hand, extra) and extra not in hand:
                hand.append(extra)
        if len(hand) >= 2:
            out.append(hand)
    return out
