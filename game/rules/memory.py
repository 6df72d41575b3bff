"""Spaced review across games: what the player remembers of each event and question.

Every event and question the player has answered gets an `ItemMemory`: when it was last
seen, how well it went (times seen, right, wrong, the last answer), and when it is due
again. The schedule comes from FSRS (the `fsrs` package, the scheduler Anki uses),
behind this small adapter so the rest of the game never imports it:

- a miss is rated Again, a right answer with a hint Hard, a right answer Good;
- a new item has one 10-minute learning step: a miss comes back 10 minutes later, a
  first right answer in about two days, and each later right answer stretches the gap;
- a miss on a known item sends it back to a 10-minute relearning step;
- fuzzing is off, so the same answers at the same moments give the same schedule.

Pure: no clock is read. Every function takes `when`/`now` (a datetime; a naive one is
taken as UTC). A memory is a plain mapping {(kind, id): ItemMemory}; the functions
return a new dict and never change the one given.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Mapping, Optional

if TYPE_CHECKING:
    from fsrs import Card, Rating, Scheduler

EVENT, QUESTION = "event", "question"
KINDS = (EVENT, QUESTION)
Key = tuple[str, str]          # (kind, id)
Memory = Mapping[Key, "ItemMemory"]

LEARNING_STEP = timedelta(minutes=10)
# FSRS's card states (fsrs.State), as stored: here so that reading a progress file does not
# import the scheduler (fsrs is imported on the first answer remembered).
LEARNING, REVIEW, RELEARNING = 1, 2, 3
STATES = (LEARNING, REVIEW, RELEARNING)
# Answer kinds of the rules' history (game.rules.session), by what they are about.
_QUESTION_KINDS = ("whose-view", "choice")
_EVENT_KINDS = ("sort", "chronology")


def utc(moment: datetime) -> datetime:
    """`moment` as an aware UTC datetime (a naive one is taken to be UTC already)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


@dataclass(frozen=True)
class ItemMemory:
    """What the player remembers of one event or question."""
    kind: str                     # EVENT or QUESTION
    id: str
    seen: int                     # answers about it
    right: int
    last_seen: datetime           # aware, UTC
    last_right: bool              # how the last answer went
    due: datetime                 # when it should come back (aware, UTC)
    stability: Optional[float] = None     # FSRS state, kept to schedule the next answer
    difficulty: Optional[float] = None
    state: int = LEARNING
    step: Optional[int] = 0

    @property
    def key(self) -> Key:
        return (self.kind, self.id)

    @property
    def wrong(self) -> int:
        return self.seen - self.right

    @property
    def how_well(self) -> float:
        """Share of the answers that were right (0..1)."""
        return self.right / self.seen if self.seen else 0.0

    def is_due(self, now: datetime) -> bool:
        return self.due <= utc(now)

    def to_dict(self) -> dict:
        return {"kind": self.kind, "id": self.id, "seen": self.seen, "right": self.right,
                "last_seen": self.last_seen.isoformat(), "last_right": self.last_right,
                "due": self.due.isoformat(), "stability": self.stability,
                "difficulty": self.difficulty, "state": self.state, "step": self.step}

    @classmethod
    def from_dict(cls, data: Mapping) -> "ItemMemory":
        """Strict: raises ValueError naming the field that is wrong."""
        if not isinstance(data, Mapping):
            raise ValueError("a memory entry is not a JSON object")
        kind, item = data.get("kind"), data.get("id")
        if kind not in KINDS:
            raise ValueError(f"memory entry: 'kind' is not one of {', '.join(KINDS)}")
        if not isinstance(item, str) or not item:
            raise ValueError("memory entry: 'id' is not a non-empty text")
        seen, right = _count(data, "seen"), _count(data, "right")
        if right > seen:
            raise ValueError(f"memory entry {item!r}: more right answers than answers")
        state = data.get("state", LEARNING)
        if state not in STATES:
            raise ValueError(f"memory entry {item!r}: 'state' is not an FSRS state")
        step = data.get("step")
        if step is not None and (isinstance(step, bool) or not isinstance(step, int)
                                 or step < 0):
            raise ValueError(f"memory entry {item!r}: 'step' is not a whole number")
        last_right = data.get("last_right", False)
        if not isinstance(last_right, bool):
            raise ValueError(f"memory entry {item!r}: 'last_right' is not true or false")
        return cls(kind, item, seen, right, _moment(data, "last_seen", item),
                   last_right, _moment(data, "due", item),
                   _number(data, "stability", item), _number(data, "difficulty", item),
                   state, step)


# --- remembering answers ------------------------------------------------------------------
@lru_cache(maxsize=1)
def _scheduler() -> "Scheduler":
    from fsrs import Scheduler
    return Scheduler(learning_steps=(LEARNING_STEP,), relearning_steps=(LEARNING_STEP,),
                     enable_fuzzing=False)


def rating(correct: bool, hinted: bool = False) -> "Rating":
    """How an answer is graded for the scheduler."""
    from fsrs import Rating
    if not correct:
        return Rating.Again
    return Rating.Hard if hinted else Rating.Good


def remember(memory: Memory, kind: str, item_id: str, correct: bool, when: datetime, *,
             hinted: bool = False) -> dict:
    """The memory after one answer about (kind, item_id) at `when`."""
    if kind not in KINDS:
        raise ValueError(f"not a kind of item: {kind!r}")
    when = utc(when)
    old = memory.get((kind, item_id))
    card = _card(old, when)
    card, _log = _scheduler().review_card(card, rating(correct, hinted), when)
    new = ItemMemory(kind, item_id, (old.seen if old else 0) + 1,
                     (old.right if old else 0) + bool(correct), when, bool(correct),
                     utc(card.due), card.stability, card.difficulty, int(card.state),
                     card.step)
    out = dict(memory)
    out[new.key] = new
    return out


def answers_of(records: Iterable) -> list[tuple[str, str, bool, bool]]:
    """(kind, id, right, hinted) for each item the answer records of the rules' history
    are about: a question is right or wrong; each card of a hand or placement is right
    unless it was among the cards out of place. Skips, teacher points and steals (someone
    else's question) are left out."""
    out: list[tuple[str, str, bool, bool]] = []
    for record in records:
        if getattr(record, "steal", False):
            continue
        hinted = bool(getattr(record, "hint", ""))
        if record.kind in _QUESTION_KINDS:
            out.extend((QUESTION, i, bool(record.correct), hinted) for i in record.item_ids)
        elif record.kind in _EVENT_KINDS:
            wrong = set(record.wrong_ids) if not record.correct else set()
            if record.timed_out:
                wrong = set(record.item_ids)
            out.extend((EVENT, i, i not in wrong, hinted) for i in record.item_ids)
    return out


def remember_answers(memory: Memory, records: Iterable, when: datetime) -> dict:
    """The memory after a game: every answer record (game.records) at `when`."""
    out = dict(memory)
    for kind, item, right, hinted in answers_of(records):
        out = remember(out, kind, item, right, when, hinted=hinted)
    return out


# --- reading it ---------------------------------------------------------------------------
def due_keys(memory: Memory, now: datetime, among: Optional[Iterable[Key]] = None
             ) -> tuple[Key, ...]:
    """The items due at `now`, most overdue first (ties by key, so the order is stable).
    `among`: only these keys (e.g. the items of the packs in play)."""
    now = utc(now)
    allowed = None if among is None else set(among)
    due = [m for m in memory.values() if m.due <= now
           and (allowed is None or m.key in allowed)]
    due.sort(key=lambda m: (m.due, m.key))
    return tuple(m.key for m in due)


def due_count(memory: Memory, now: datetime, among: Optional[Iterable[Key]] = None) -> int:
    """N of the title screen's "Review (N due)"."""
    return len(due_keys(memory, now, among))


def seen_ids(memory: Memory, kind: str) -> frozenset:
    """The ids of one kind the player has answered at least once, in any game."""
    return frozenset(m.id for m in memory.values() if m.kind == kind)


def fresh_first(session, memory: Memory):
    """The session with every item already answered in earlier games marked as seen, so
    the deal gives items never seen before first (the pool starts a new cycle only when
    the unseen ones are used up). Issue 12, item 5."""
    return replace(session, seen_events=session.seen_events | seen_ids(memory, EVENT),
                   seen_questions=session.seen_questions | seen_ids(memory, QUESTION))


# --- merging two copies (two windows) --------------------------------------------------------
def merge(first: Memory, second: Memory) -> dict:
    """Per item, the copy seen latest wins (on a tie, the one with more answers)."""
    out = dict(first)
    for key, item in second.items():
        mine = out.get(key)
        if mine is None or (item.last_seen, item.seen) > (mine.last_seen, mine.seen):
            out[key] = item
    return out


# --- inside ---------------------------------------------------------------------------------
def _card(item: Optional[ItemMemory], when: datetime) -> "Card":
    """The scheduler's card for an item (a new card, due `when`, for an item never seen)."""
    from fsrs import Card, State
    if item is None:
        return Card(card_id=0, due=when)
    return Card(card_id=0, state=State(item.state), step=item.step, stability=item.stability,
                difficulty=item.difficulty, due=item.due, last_review=item.last_seen)


def _count(data: Mapping, key: str) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"memory entry: {key!r} is not a whole number >= 0")
    return value


def _number(data: Mapping, key: str, item: str) -> Optional[float]:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        raise ValueError(f"memory entry {item!r}: {key!r} is not a number")
    return float(value)


def _moment(data: Mapping, key: str, item: str) -> datetime:
    value = data.get(key)
    try:
        return utc(datetime.fromisoformat(str(value)))  # not text: ValueError below
    except (TypeError, ValueError):
        raise ValueError(f"memory entry {item!r}: {key!r} is not an ISO date and time"
                         ) from None
