"""The era's events from the packs in play, in the order they happened."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:   # annotations only: the title needs the era's years, not the model
    from game.content.model import Event, Pack

ERA_START, ERA_END = 1953, 1964


def in_era(event: Event) -> bool:
    return ERA_START <= event.date.year <= ERA_END


def build_timeline(packs: Iterable[Pack]) -> tuple[Event, ...]:
    """Every event of `packs` dated 1953-1964, earliest first (ties by title).

    Each event keeps its citation, so `event.cite.passage()` shows the source around it.
    A pack listed twice (or reached twice through `requires`) gives its events once.
    """
    seen: set[tuple[str, str]] = set()
    events: list[Event] = []
    for pack in packs:
        for event in pack.events:
            key = (event.pack or pack.id, event.id)
            if key in seen or not in_era(event):
                continue
            seen.add(key)
            events.append(event)
    return tuple(sorted(events, key=lambda e: (e.date.sort_key(), e.title)))
