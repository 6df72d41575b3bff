"""What a game is played with: the events, questions and perspectives of the packs in play.

Content also answers "which questions ask about the same passage as this one?" (within a game
no passage is asked twice). Each question's passage is folded once, on first need, and each
question's passage mates are found once (one pass over the distinct passages) and kept, so a
deal checks a candidate with one set lookup instead of comparing passages with every
question asked so far.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

from game.content.lint import passage_of
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
    # Derived on first need, kept: the distinct folded passages ("texts"), and
    # question id -> its passage mates.
    _passages: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _mates: dict = field(default_factory=dict, init=False, repr=False, compare=False)

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

    def passage_mates(self, question_id: str) -> frozenset[str]:
        """The ids of the questions in play that ask about the same passage as this one,
        itself included: for every pair of questions, `b.id in passage_mates(a.id)` exactly
        when game.content.lint.same_passage(a, b). Found in one pass, then kept."""
        mates = self._mates.get(question_id)
        if mates is None:
            mates = self._find_mates(question_id)
            self._mates[question_id] = mates
        return mates

    def _find_mates(self, question_id: str) -> frozenset[str]:
        question = self.question(question_id)
        text = passage_of(question) if question is not None else ""
        if not text:                      # no passage: only the question itself
            return frozenset((question_id,))
        found = {question_id}
        for other, ids in self._passage_texts():
            if text in other or other in text:
                found.update(ids)
        return frozenset(found)

    def _passage_texts(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Each distinct non-empty folded passage with the ids of the questions that ask it."""
        texts = self._passages.get("texts")
        if texts is None:
            grouped: dict[str, list[str]] = {}
            for question in self.questions:
                text = passage_of(question)
                if text:
                    grouped.setdefault(text, []).append(question.id)
            texts = tuple((text, tuple(ids)) for text, ids in grouped.items())
            self._passages["texts"] = texts
        return texts
