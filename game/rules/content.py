"""What a game is played with: the events, questions and perspectives of the packs in play."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

from game.content.model import Event, Pack, Perspective, Question


def _unique(items: Iterable) -> tuple:
    """First of each id wins, order kept: the deal must not depend on duplicates."""
    seen: dict[str, object] = {}
    for item in items:
        seen.setdefault(item.id, item)
    return tuple(seen.values())


@dataclass(frozen=True)
class Content:
    events: tuple[Event, ...] = ()
    questions: tuple[Question, ...] = ()
    perspectives: tuple[Perspective, ...] = ()
    _by_id: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "events", _unique(self.events))
        object.__setattr__(self, "questions", _unique(self.questions))
        object.__setattr__(self, "perspectives", _unique(self.perspectives))
        index: dict[tuple[str, str], Event | Question | Perspective] = {
            ("event", e.id): e for e in self.events}
        index.update({("question", q.id): q for q in self.questions})
        index.update({("perspective", p.id): p for p in self.perspectives})
        object.__setattr__(self, "_by_id", index)

    @classmethod
    def from_packs(cls, packs: Iterable[Pack]) -> "Content":
        packs = tuple(packs)
        return cls(tuple(e for p in packs for e in p.events),
                   tuple(q for p in packs for q in p.questions),
                   tuple(v for p in packs for v in p.perspectives))

    @classmethod
    def from_library(cls, library) -> "Content":
        """From a game.content.library.Library (or anything with the same three methods)."""
        return cls(tuple(library.events()), tuple(library.questions()),
                   tuple(library.perspectives()))

    def event(self, event_id: str) -> Optional[Event]:
        return self._by_id.get(("event", event_id))

    def question(self, question_id: str) -> Optional[Question]:
        return self._by_id.get(("question", question_id))

    def perspective(self, perspective_id: str) -> Optional[Perspective]:
        return self._by_id.get(("perspective", perspective_id))
