"""Drawing without repeats: nothing comes back within a session until the pool is used up.

The set of ids already dealt travels in the game state. Draws prefer unseen items and fall
back on seen ones only when the unseen cannot fill the draw (e.g. the rest cannot be
ordered against each other). Once every id has been dealt, a new cycle starts.
"""

from __future__ import annotations

import random
from typing import Callable, Iterable, Protocol, Sequence, TypeVar

from game.content.lint import same_passage

__all__ = ["draw", "same_passage"]   # same_passage: within a game no passage is asked twice


class HasId(Protocol):
    """Anything dealt from a pool: events, questions."""
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=HasId)


def draw(rng: random.Random, items: Sequence[T], seen: frozenset, count: int,
         fits: Callable[[list, T], bool] = lambda chosen, item: True,
         first: Sequence[T] = ()) -> tuple[tuple[T, ...], frozenset]:
    """Up to `count` items (each `fits` with those already chosen) and the new seen set.

    `first` are taken before anything else (e.g. missed items coming back for review), if
    they fit. Items need an `.id`; they are sorted by id before sampling so the draw
    depends only on the seed, never on set or dict order. The id order of a pool dealt
    from again and again is kept (no sort per deal), and the pool is sampled, not
    shuffled: only as many places are drawn as the deal looks at (one question from
    5,000 draws one or two, not 5,000).
    """
    ordered, ids = _by_id(items)
    seen = frozenset(seen)
    if ids and ids <= seen:            # this pool is used up: a new cycle begins
        seen = seen - ids
    if seen:
        fresh = [i for i in ordered if i.id not in seen]
        stale = [i for i in ordered if i.id in seen]
    else:
        fresh, stale = ordered, []
    order = _Sampled(first, rng, fresh, stale)
    chosen = _greedy(order, count, fits, None)
    if 0 < len(chosen) < count:
        # One item taken early can block the rest (a card dated only "1956" fits with no
        # other 1956 card): try again without each of the first few, keep the fullest.
        # (When nothing fits at all, nothing was taken that could block: no retry helps.)
        firsts = {item.id for item in first}
        for blocker in _head(order, _RETRIES):
            if blocker.id in firsts:
                continue
            other = _greedy(order, count, fits, blocker.id)
            if len(other) > len(chosen):
                chosen = other
            if len(chosen) >= count:
                break
    return tuple(chosen), seen | {c.id for c in chosen}


_RETRIES = 40


class _Sampled:
    """`first`, then `fresh` and then `stale` each in a random order, drawn lazily: a
    Fisher-Yates shuffle run from the front only as far as it is read. Reading it all
    costs what a whole shuffle does; a deal that stops early pays for what it read.
    Indexable and iterable again (the retries read it from the start) with the same
    order; the sources are never changed."""

    def __init__(self, first: Sequence, rng: random.Random, *parts: Sequence) -> None:
        self._done = list(first)          # the order so far
        self._rng = rng
        self._parts = [list(part) for part in parts if part]   # copies, shuffled in place
        self._at = 0                      # how far into the first part the shuffle is

    def _next(self) -> bool:
        while self._parts:
            part = self._parts[0]
            if self._at < len(part):
                j = self._at + self._rng.randrange(len(part) - self._at)
                part[self._at], part[j] = part[j], part[self._at]
                self._done.append(part[self._at])
                self._at += 1
                return True
            self._parts.pop(0)
            self._at = 0
        return False

    def __getitem__(self, index: int):
        while index >= len(self._done):
            if not self._next():
                raise IndexError(index)
        return self._done[index]

    def __iter__(self):
        index = 0
        while True:
            try:
                yield self[index]
            except IndexError:
                return
            index += 1


def _head(order: "_Sampled", count: int) -> list:
    head: list = []
    for item in order:
        if len(head) >= count:
            break
        head.append(item)
    return head


def _greedy(order: Iterable[T], count: int, fits: Callable[[list, T], bool],
            skip) -> list:
    chosen: list = []
    for item in order:
        if len(chosen) >= count:
            break
        if item.id != skip and all(item.id != c.id for c in chosen) and fits(chosen, item):
            chosen.append(item)
    return chosen


# Pools are the Content's tuples, dealt from again and again: their id order is kept for
# the last few (by identity; the tuple is held so its id cannot be reused).
_ORDER_CACHE: dict[int, tuple] = {}
_ORDER_CACHE_SIZE = 8


def _by_id(items: Sequence[T]) -> tuple[list[T], frozenset]:
    """The items in id order, and their ids (both kept for the last few pools)."""
    hit = _ORDER_CACHE.get(id(items))
    if hit is not None and hit[0] is items:
        return hit[1], hit[2]
    ordered = sorted(items, key=lambda item: item.id)
    ids = frozenset(item.id for item in ordered)
    if isinstance(items, tuple):
        if len(_ORDER_CACHE) >= _ORDER_CACHE_SIZE:
            _ORDER_CACHE.pop(next(iter(_ORDER_CACHE)))
        _ORDER_CACHE[id(items)] = (items, ordered, ids)
    return ordered, ids
