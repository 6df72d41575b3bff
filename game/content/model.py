"""The validated content of packs: frozen dataclasses, built only by the loader.

Everything here is plain data. A scene or a rule reads these; nothing changes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from game.content.dates import PartialDate, span_label
from game.content.text import FoldedText, Passage, passage

WHOSE_VIEW = "whose-view"
CHOICE = "choice"
# The source-work kinds (issue 12): see game/content/kinds.py and docs/packs.md.
SOURCING = "sourcing"
CORROBORATION = "corroboration"
SPECTRUM = "spectrum"
CLAIM = "claim-evidence"
QUESTION_KINDS = (WHOSE_VIEW, CHOICE, SOURCING, CORROBORATION, SPECTRUM, CLAIM)

#: Sources, perspectives, events and questions loaded from a pack have the id
#: "<pack id>:<id as written>" (e.g. "khrushchev-era:secret-speech"), so two packs may
#: both define `khrushchev` and each keeps its own. References inside a pack (a question's
#: answer and choices of perspectives, a round's event and question ids, a citation's
#: source) hold these qualified ids too. Level ids stay as written: progress keys them by
#: (pack id, level id). Objects built directly (tests, tools) keep whatever id they get.
SEPARATOR = ":"


def qualify(pack: str, ident: str) -> str:
    """The id of `ident` defined in pack `pack`: 'pack:ident' ('ident' when pack is '')."""
    return f"{pack}{SEPARATOR}{ident}" if pack else ident


def local_id(ident: str) -> str:
    """The id as written in its pack: 'secret-speech' for 'khrushchev-era:secret-speech'."""
    return ident.rpartition(SEPARATOR)[2]


@dataclass(frozen=True)
class Mark:
    """Where something was written: 1-based line and column in a pack file."""
    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Source:
    id: str
    path: Path            # the document file, resolved
    title: str
    kind: str = ""
    text: str = field(default="", repr=False, compare=False)
    pack: str = ""
    # The text folded and indexed once (by the loader, or on first use): every look-up of
    # a passage is then a search in the index, never a new fold of the whole document.
    folded: Optional[FoldedText] = field(default=None, repr=False, compare=False)

    def index(self) -> FoldedText:
        folded = self.folded
        if folded is None or folded.text is not self.text:
            folded = FoldedText(self.text)
            object.__setattr__(self, "folded", folded)
        return folded

    def passage(self, excerpt: str, context: int = 400) -> Optional[Passage]:
        return passage(self.index(), excerpt, context)


@dataclass(frozen=True)
class Citation:
    source: Source
    excerpt: str

    def passage(self, context: int = 400) -> Optional[Passage]:
        return self.source.passage(self.excerpt, context)


@dataclass(frozen=True)
class Perspective:
    id: str
    name: str
    view: str
    role: str = ""
    pack: str = ""


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    date: PartialDate
    summary: str
    cite: Citation
    end: Optional[PartialDate] = None
    source_says: str = ""
    pack: str = ""

    def can_order(self, other: "Event") -> bool:
        return self.date.can_order(other.date)

    @property
    def when(self) -> str:
        """The date, or the span when the event has an `end`, for people."""
        return span_label(self.date, self.end)


@dataclass(frozen=True)
class Question:
    """A 'whose view?' question (quote -> perspective id) or a plain multiple choice.

    For whose-view, `answer` and `choices` are perspective ids; for choice they are the
    texts of the choices. An empty `choices` on a whose-view question means the rules
    pick distractors from the perspectives.
    """
    id: str
    kind: str
    answer: str
    explain: str
    quote: str = ""
    prompt: str = ""
    choices: tuple[str, ...] = ()
    cite: Optional[Citation] = None
    pack: str = ""
    # The source-work kinds; empty for whose-view and choice questions.
    facet: str = ""                              # sourcing: author, date, audience, ...
    relation: str = ""                           # corroboration: supports / contradicts
    passages: tuple[Citation, ...] = ()          # corroboration: the documents offered
    statements: tuple[str, ...] = ()             # claim-evidence: statements of the quote
    scale: tuple[str, ...] = ()                  # spectrum: (left end, right end)
    placements: tuple["Placement", ...] = ()     # spectrum: the voices, left to right

    @property
    def is_whose_view(self) -> bool:
        return self.kind == WHOSE_VIEW

    @property
    def is_spectrum(self) -> bool:
        return self.kind == SPECTRUM

    def passage_for(self, key: str) -> Optional[Citation]:
        """Corroboration: the offered passage whose key (its source id) is `key`."""
        return next((c for c in self.passages if c.source.id == key), None)


@dataclass(frozen=True)
class Placement:
    """Spectrum: one voice and where it sits on the scale (1 = the left end).

    Voices with the same `place` are level: no order between them is marked wrong.
    """
    perspective: str          # a perspective id
    place: int
    why: str                  # the historian's reason for the placement
    cite: Optional[Citation] = None


@dataclass(frozen=True)
class TimelineDraw:
    """A timeline round dealt at play time from the events of the packs in play."""
    from_year: int
    to_year: int
    count: int


@dataclass(frozen=True)
class Round:
    """One step of a level: a fixed timeline, a drawn timeline, or a set of questions."""
    kind: str                               # "timeline" or "questions"
    event_ids: tuple[str, ...] = ()
    draw: Optional[TimelineDraw] = None
    question_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Level:
    id: str
    title: str
    rounds: tuple[Round, ...]
    intro: str = ""


@dataclass(frozen=True)
class Pack:
    id: str
    title: str
    path: Path
    format: int = 1
    description: str = ""
    requires: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    perspectives: tuple[Perspective, ...] = ()
    events: tuple[Event, ...] = ()
    questions: tuple[Question, ...] = ()
    levels: tuple[Level, ...] = ()
    #: (kind, id as written) -> where it is defined, for messages naming a file and line.
    marks: dict[tuple[str, str], Mark] = field(default_factory=dict, repr=False, compare=False)
