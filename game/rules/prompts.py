"""What a player is asked (prompts) and what they are told afterwards (verdicts): values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union

from game.content.model import Citation, Event, Question, TimelineDraw
from game.content.text import Passage
from game.rules.choices import Choice
from game.rules.kinds import ScaleHand, ScaleVerdict, is_source_work, source_line
from game.rules.kinds import lead as kind_lead
from game.rules.session import AnswerRecord

FIFTY = "fifty"   # hint: remove one wrong choice
YEAR = "year"     # hint: show one card's year
PLACE = "place"   # hint: put one voice of a spectrum in its place

WHOSE_VIEW_LEAD = "Whose view is this?"
# The reading rule of docs/packs.md, in one line for the whose-view screens.
READING_RULE = ("How to read this: the answer is whoever wrote the words shown; a writer "
                "reporting someone (\u201cX writes that\u2026\u201d) is the answer, unless "
                "the question asks whose idea is reported.")


def lead_for(question: Question) -> str:
    """What is asked above the quote: the question's own prompt, or the default."""
    if question.is_whose_view:
        return question.prompt or WHOSE_VIEW_LEAD
    if is_source_work(question):        # the kind (and the document, if it may be named)
        where = source_line(question)
        return f"{kind_lead(question)} \u00b7 {where}" if where else kind_lead(question)
    return "Question"


@dataclass(frozen=True)
class Step:
    """A turn still to be dealt. kind: "place" (chronology), "sort" or "ask".

    sort: a fixed hand (`event_ids`), a `draw` from a year range, or `size` cards from the
    pool; ask: a fixed `question_id`, or "" to draw one from the pool.
    """
    kind: str
    event_ids: tuple[str, ...] = ()
    draw: Optional[TimelineDraw] = None
    size: int = 0
    question_id: str = ""


@dataclass(frozen=True)
class PlaceCard:
    """Chronology: where in `line` (gaps 0..len(line)) does `card` go?"""
    step: int
    line: tuple[Event, ...]
    card: Event
    hint: str = ""
    revealed: tuple[str, ...] = ()   # ids of cards whose year is shown (the hint)
    steal: bool = False

    @property
    def gaps(self) -> int:
        return len(self.line) + 1


@dataclass(frozen=True)
class SortHand:
    """Sort the hand: put `cards` (dealt shuffled) in order, earliest first."""
    step: int
    cards: tuple[Event, ...]
    hint: str = ""
    revealed: tuple[str, ...] = ()
    steal: bool = False


@dataclass(frozen=True)
class Ask:
    """A whose-view or choice question with its choices (some removed by a 50/50 hint)."""
    step: int
    question: Question
    choices: tuple[Choice, ...]
    hint: str = ""
    removed: tuple[str, ...] = ()    # keys taken away by the hint
    steal: bool = False              # a steal: the next player answers for half points

    @property
    def live_choices(self) -> tuple[Choice, ...]:
        return tuple(c for c in self.choices if c.key not in self.removed)


Prompt = Union[PlaceCard, SortHand, Ask, ScaleHand]


@dataclass(frozen=True)
class PlaceVerdict:
    record: AnswerRecord
    card: Event
    gap: int                       # where the player put it
    placed_at: int                 # where it is now (the gap chosen, or its true place)
    line: tuple[Event, ...]        # the line after the move
    lives: int

    @property
    def correct(self) -> bool:
        return self.record.correct


@dataclass(frozen=True)
class SortVerdict:
    record: AnswerRecord
    order: tuple[Event, ...]       # as submitted
    true_order: tuple[Event, ...]
    misplaced: tuple[str, ...]     # ids out of place (all but a longest right subsequence)
    credit: float                  # share of pairs in the right order

    @property
    def correct(self) -> bool:
        return self.record.correct


@dataclass(frozen=True)
class AskVerdict:
    record: AnswerRecord
    question: Question
    chosen: Choice
    answer: Choice
    explain: str
    citation: Optional[Citation]
    passage: Optional[Passage]     # the cited passage in its document, for showing
    # Corroboration: the right document's passage, shown beside the claim's.
    also: Optional[Citation] = None
    also_passage: Optional[Passage] = None

    @property
    def correct(self) -> bool:
        return self.record.correct


Verdict = Union[PlaceVerdict, SortVerdict, AskVerdict, ScaleVerdict]
