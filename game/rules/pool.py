"""Drawing without repeats: nothing comes back within a session until the pool is used up.

The set of ids already dealt travels in the game state. Draws prefer unseen items and fall
back on seen ones only when the unseen cannot fill the draw (e.g. the rest cannot be
ordered against each other). Once every id has been dealt, a new cycle starts.
"""

from __future__ import annotations

import random
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

T = TypeVar("T")


def draw(rng: random.Random, items: Sequence[T], seen: frozenset, count: int,
         fits: Callable[[list, T], bool] = lambda chosen, item: True,
         first: Sequence[T] = ()) -> tuple[tuple[T, ...], frozenset]:
    """Up to `count` items (each `fits` with those already chosen) and the new seen set.

    `first` are taken before anything else (e.g. missed items coming back for review), if
    they fit. Items need an `.id`; they are taken in id order before sampling so the draw
    depends only on the seed, never on set or dict order. Sampling picks one item at a
    time (a Fisher-Yates shuffle stopped as soon as the draw is full), so a deal of 5 from
    a pool of 20,000 draws a few random numbers, not 20,000.
    """
    ordered = _by_id(items)
    ids = {item.id for item in ordered}
    seen = frozenset(seen)
    if ids and ids <= seen:            # this pool is used up: a new cycle begins
        seen = seen - ids
    fresh = [i for i in ordered if i.id not in seen]
    stale = [i for i in ordered if i.id in seen]
    chosen: list = []
    taken: set = set()
    for item in _chain(first, _sampled(rng, fresh), _sampled(rng, stale)):
        if len(chosen) >= count:
            break
        if item.id not in taken and fits(chosen, item):
            chosen.append(item)
            taken.add(item.id)
    return tuple(chosen), seen | taken


def _chain(*parts: Iterable[T]) -> Iterator[T]:
    for part in parts:
        yield from part


def _sampled(rng: random.Random, items: list[T]) -> Iterator[T]:
    """`items` in a random order, produced lazily: position i swaps with a random later one
    only when the caller asks for item i (`items` is the caller's own list, reordered)."""
    for i in range(len(items)):
        j = rng.randrange(i, len(items))
        items[i], items[j] = items[j], items[i]
        yield items[i]


# Pools are the Content's tuples, dealt from again and again: their id order is kept for
# the last few (by identity; the tuple is held so its id cannot be reused).
_ORDER_CACHE: dict[int, tuple] = {}
_ORDER_CACHE_SIZE = 8


def _by_id(items: Sequence[T]) -> list[T]:
    hit = _ORDER_CACHE.get(id(items))
    if hit is not None and hit[0] is items:
        return hit[1]
    ordered = sorted(items, key=lambda item: item.id)
    if isinstance(items, tuple):
        if len(_ORDER_CACHE) >= _ORDER_CACHE_SIZE:
            _ORDER_CACHE.pop(next(iter(_ORDER_CACHE)))
        _ORDER_CACHE[id(items)] = (items, ordered)
    return ordered
