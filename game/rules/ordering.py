"""Ordering events by partial dates, fairly: what the dates cannot decide is never wrong.

See DESIGN.md section 4. Every judgement here asks only "is this pair *certainly* in the
wrong order?" (PartialDate.before), so a player is never punished for an order the dates
leave open.
"""

from __future__ import annotations

import random
from typing import Callable, Iterable, Sequence, TypeVar

from game.content.model import Event

T = TypeVar("T")


def true_order(events: Iterable[Event]) -> tuple[Event, ...]:
    """Earliest first; ties (only possible for undecidable pairs) broken by id."""
    return tuple(sorted(events, key=lambda e: (e.date.sort_key(), e.id)))


def gap_is_right(line: Sequence[Event], card: Event, gap: int) -> bool:
    """Putting `card` into gap `gap` (0 = before the first) breaks no order the dates decide."""
    if not 0 <= gap <= len(line):
        raise ValueError(f"gap {gap} is not between 0 and {len(line)}")
    return (all(not card.date.before(e.date) for e in line[:gap])
            and all(not e.date.before(card.date) for e in line[gap:]))


def right_gaps(line: Sequence[Event], card: Event) -> tuple[int, ...]:
    return tuple(g for g in range(len(line) + 1) if gap_is_right(line, card, g))


def true_gap(line: Sequence[Event], card: Event) -> int:
    """Where a misplaced card goes: the first right gap (the sort position if none is)."""
    gaps = right_gaps(line, card)
    if gaps:
        return gaps[0]
    key = card.date.sort_key()
    return sum(1 for e in line if e.date.sort_key() <= key)


def pair_credit(order: Sequence[Event]) -> float:
    """Share of pairs in the right order (Kendall tau as a 0..1 share).

    A pair counts as right unless the dates say for certain it is reversed. A hand of
    fewer than two cards is trivially right.
    """
    n = len(order)
    pairs = n * (n - 1) // 2
    if pairs == 0:
        return 1.0
    wrong = sum(1 for i in range(n) for j in range(i + 1, n)
                if order[j].date.before(order[i].date))
    return (pairs - wrong) / pairs


def longest_ordered_run(items: Sequence[T], in_order: Callable[[T, T], bool]) -> tuple[int, ...]:
    """The indices of a longest subsequence of `items` in which each item may stand after
    the one before it (`in_order(earlier, later)`). Among equally long subsequences the one
    found first is kept, so the answer is stable. O(n^2): hands are short."""
    n = len(items)
    if n == 0:
        return ()
    length = [1] * n
    previous = [-1] * n
    for i in range(n):
        for j in range(i):
            if in_order(items[j], items[i]) and length[j] + 1 > length[i]:
                length[i] = length[j] + 1
                previous[i] = j
    end = max(range(n), key=lambda i: (length[i], -i))
    run = []
    while end >= 0:
        run.append(end)
        end = previous[end]
    return tuple(reversed(run))


def misplaced(order: Sequence[Event]) -> tuple[str, ...]:
    """Ids of the cards out of place: all but a longest correctly ordered subsequence
    (a pair the dates cannot decide counts as in order)."""
    keep = set(longest_ordered_run(order, lambda a, b: not b.date.before(a.date)))
    return tuple(e.id for i, e in enumerate(order) if i not in keep)


def fits(chosen: Sequence[Event], event: Event) -> bool:
    """`event` can be ordered against every event already chosen."""
    return all(event.can_order(other) for other in chosen)


def shuffled_out_of_order(rng: random.Random, events: Sequence[Event]) -> tuple[Event, ...]:
    """A shuffle of a hand that is not already in the right order (when that is possible)."""
    hand = list(events)
    for _ in range(20):
        rng.shuffle(hand)
        if len(hand) < 2 or pair_credit(hand) < 1.0:
            break
    return tuple(hand)
