"""Players taking turns, and the history of every answer: the record everything is built from.

A Session is an immutable value. Every function returns a new Session, so undo is simply
"keep the previous value". Standings, reviews and reports are computed from `history`
alone; the running `Player.score`/`streak` are a convenience that must agree with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Optional, Sequence

from game.rules.scoring import answer_points
from game.rules.settings import Rules

# Kinds of history records.
CHRONOLOGY = "chronology"
SORT = "sort"
WHOSE_VIEW = "whose-view"
CHOICE = "choice"
SKIP = "skip"        # the turn was passed
MANUAL = "manual"    # a teacher's point adjustment
ANSWER_KINDS = (CHRONOLOGY, SORT, WHOSE_VIEW, CHOICE)
MAX_PLAYERS = 6


@dataclass(frozen=True)
class AnswerRecord:
    """One decision in the history.

    `chosen` / `answer` are tuples of strings: for chronology and sort, the event ids in
    the order the player made and the true order; for questions, (chosen key,) and
    (answer key,). `wrong_ids` are the items the player got wrong (the question, the
    misplaced card, the cards out of place). `correct` means credited as right: a timeout
    is never correct. For "skip" and "manual" records only player, points and reason matter.
    """
    turn: int                       # index of this record in the history
    player: int                     # index into Session.players
    kind: str                       # one of ANSWER_KINDS, SKIP or MANUAL
    item_ids: tuple[str, ...] = ()  # the question id, or the event ids in play
    chosen: tuple[str, ...] = ()
    answer: tuple[str, ...] = ()
    correct: bool = False
    points: int = 0
    seconds: float = 0.0
    hint: str = ""                  # "" (none), "fifty" or "year"
    timed_out: bool = False
    credit: float = 0.0             # 0..1: share right (1/0, or a sort hand's pair share)
    wrong_ids: tuple[str, ...] = ()
    steal: bool = False
    reason: str = ""                # manual adjustments

    @property
    def is_answer(self) -> bool:
        return self.kind in ANSWER_KINDS


@dataclass(frozen=True)
class Player:
    name: str
    score: int = 0
    streak: int = 0


@dataclass(frozen=True)
class Session:
    players: tuple[Player, ...]
    seed: int = 0
    rules: Rules = field(default_factory=Rules)
    turn: int = 0                   # whose turn: index into players
    history: tuple[AnswerRecord, ...] = ()
    # Ids dealt so far, so nothing repeats within the session until its pool is used up.
    seen_events: frozenset = frozenset()
    seen_questions: frozenset = frozenset()

    @property
    def current(self) -> Player:
        return self.players[self.turn]


def new_session(names: Sequence[str] = ("Player",), seed: int = 0,
                rules: Optional[Rules] = None) -> Session:
    """1-6 players or teams, named; the first name plays first."""
    names = tuple(str(n).strip() for n in names)
    if not 1 <= len(names) <= MAX_PLAYERS:
        raise ValueError(f"a session has 1 to {MAX_PLAYERS} players, not {len(names)}")
    if any(not n for n in names) or len(set(names)) != len(names):
        raise ValueError("player names must be non-empty and different")
    return Session(tuple(Player(n) for n in names), int(seed), rules or Rules())


def _advance(session: Session) -> int:
    return (session.turn + 1) % len(session.players)


def record_answer(session: Session, *, kind: str, item_ids: Sequence[str],
                  chosen: Sequence[str], answer: Sequence[str], credit: float,
                  wrong_ids: Sequence[str] = (), seconds: float = 0.0, hint: str = "",
                  steal: bool = False, advance: bool = True
                  ) -> tuple[Session, AnswerRecord]:
    """The current player's answer: points, streak, history; the turn passes on."""
    if kind not in ANSWER_KINDS:
        raise ValueError(f"not an answer kind: {kind!r}")
    seconds = max(0.0, float(seconds))
    timed_out = session.rules.timed_out(seconds)
    credit = 0.0 if timed_out else min(1.0, max(0.0, float(credit)))
    player = session.current
    points, streak = answer_points(session.rules, credit, streak=player.streak, hint=hint,
                                   timed_out=timed_out, steal=steal)
    correct = credit >= 1.0 and not timed_out
    # A miss with nothing named wrong (e.g. a right order given too late) misses it all.
    wrong = () if correct else tuple(wrong_ids) or tuple(item_ids)
    record = AnswerRecord(len(session.history), session.turn, kind, tuple(item_ids),
                          tuple(chosen), tuple(answer), correct, points, seconds, hint,
                          timed_out, credit, wrong, steal)
    players = list(session.players)
    players[session.turn] = replace(player, score=player.score + points, streak=streak)
    return replace(session, players=tuple(players), history=session.history + (record,),
                   turn=_advance(session) if advance else session.turn), record


def record_skip(session: Session, advance: bool = True) -> Session:
    """The current player passes: recorded, no points, streak kept."""
    record = AnswerRecord(len(session.history), session.turn, SKIP)
    return replace(session, history=session.history + (record,),
                   turn=_advance(session) if advance else session.turn)


def adjust(session: Session, player: int, delta: int, reason: str = "") -> Session:
    """A manual point adjustment (+1/-1 or any whole number), kept in the history."""
    if not 0 <= player < len(session.players):
        raise ValueError(f"no player {player}")
    record = AnswerRecord(len(session.history), player, MANUAL, points=int(delta),
                          reason=reason)
    players = list(session.players)
    players[player] = replace(players[player], score=players[player].score + int(delta))
    return replace(session, players=tuple(players), history=session.history + (record,))


# --- what the history says ---------------------------------------------------------------
@dataclass(frozen=True)
class PlayerSummary:
    player: int
    name: str
    score: int
    answered: int        # answers given (steals included, skips and adjustments not)
    right: int
    timeouts: int
    hints: int
    skips: int
    steals: int
    adjustment: int      # sum of manual points
    best_streak: int

    @property
    def accuracy(self) -> float:
        return self.right / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class Missed:
    """Something answered wrong, with the right answer (from the first miss)."""
    turn: int
    player: int
    kind: str
    item_id: str                 # the question or event id that was missed
    item_ids: tuple[str, ...]    # everything in play in that answer
    chosen: tuple[str, ...]
    answer: tuple[str, ...]


def summary(session: Session) -> tuple[PlayerSummary, ...]:
    """One summary per player, in player order, from the history alone."""
    out = []
    for index, player in enumerate(session.players):
        mine = [r for r in session.history if r.player == index]
        answers = [r for r in mine if r.is_answer]
        best = run = 0
        for r in answers:
            run = run + 1 if r.correct else 0
            best = max(best, run)
        out.append(PlayerSummary(
            index, player.name, sum(r.points for r in mine), len(answers),
            sum(r.correct for r in answers), sum(r.timed_out for r in answers),
            sum(bool(r.hint) for r in answers), sum(r.kind == SKIP for r in mine),
            sum(r.steal for r in answers), sum(r.points for r in mine if r.kind == MANUAL),
            best))
    return tuple(out)


def standings(session: Session) -> tuple[PlayerSummary, ...]:
    """Best first: by score, then right answers; ties keep player order."""
    return tuple(sorted(summary(session), key=lambda s: (-s.score, -s.right, s.player)))


def missed(session: Session) -> tuple[Missed, ...]:
    """Each question or event answered wrong at least once, in the order first missed."""
    out: dict[str, Missed] = {}
    for r in session.history:
        if not r.is_answer or r.correct:
            continue
        for item in r.wrong_ids or r.item_ids:
            out.setdefault(item, Missed(r.turn, r.player, r.kind, item, r.item_ids,
                                        r.chosen, r.answer))
    return tuple(out.values())
