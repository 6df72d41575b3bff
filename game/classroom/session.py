"""A classroom session: rounds in which every team takes one turn, on top of game.rules.

    room = Classroom(setup, content, writer=open_writer(setup))
    room.answer("khrushchev")         # the current team answers (a key, or an order of ids)
    room.tick(dt)                     # the countdown; at zero the turn times out by itself
    room.take_steal() / room.decline_steal()      # after a missed question
    room.reveal                       # what the room may see now (None while a steal is open)
    room.skip(); room.adjust(team, +1); room.undo(); room.toggle_pause()   # the teacher
    room.next_round()                 # from the scoreboard
    room.end(early=True)              # Esc on the play screen, after a confirmation
    room.final_standings()            # the fair result, "ended early" when it was

Phases: PLAYING (a team answers `prompt`), STEAL_OFFER (the next team may answer the
missed question for half points), ROUND_OVER (the scoreboard; the round is saved), OVER.

A miss that can be stolen reveals nothing: `reveal` is None in STEAL_OFFER and the offer
(`prompt`) has the option the team chose struck out. The answer and explanation are shown
once the steal is answered, declined or skipped (review B1).

Every decision (an answer, a time-out, a skip, a steal taken or declined, a manual point)
can be undone, back across earlier rounds to the first decision of the session: the state
before it is kept, because every value underneath (the rules' Game and Session) is
immutable. The results rows are only appended: an undo adds a row that takes the points
back (see rows.py). A teacher's points (and undos) are written at once; answers with the
end of their round.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Callable, Optional, Sequence

from game.rules import game as rules
from game.rules.content import Content
from game.rules.kinds import ScaleHand
from game.rules.prompts import Ask, PlaceCard, SortHand
from game.rules.session import missed, new_session, standings
from game.classroom.rows import (END, MANUAL, PAUSE, RESUME, SKIP, UNDO, answer_row,
                                 teacher_row)
from game.classroom.setup import ClassroomSetup, check_content, deal_round, playable_types
from game.classroom.summary import FinalStandings, final_standings
from game.classroom.timer import TurnTimer
from game.store.results import ResultRow, ResultsWriter

PLAYING, STEAL_OFFER, ROUND_OVER, OVER = "playing", "steal-offer", "round-over", "over"
# A time-out is recorded as an answer just past the limit, so the rules score it (0 points).
_PAST_LIMIT = 0.05


class ClassroomError(ValueError):
    """A move that does not fit the moment (answering while paused, no steal open...)."""


@dataclass(frozen=True)
class Outcome:
    """What just happened, for the screen to show: "answer", "timeout" or "skip".

    For a steal's answer, `missed` is the miss it stole (its team, what it chose)."""
    kind: str
    team: int
    verdict: object = None        # the rules' verdict (answer, timeout)
    row: Optional[ResultRow] = None
    missed: Optional["Outcome"] = None

    @property
    def stolen(self) -> bool:
        return self.missed is not None


@dataclass(frozen=True)
class _State:
    game: rules.Game             # the round in play; game.session is the whole session
    round_index: int             # 0-based
    round_type: str
    phase: str
    timer: TurnTimer
    last: Optional[Outcome] = None


@dataclass(frozen=True)
class _Step:
    before: _State
    row: Optional[ResultRow]     # the row the decision wrote, if any
    label: str                   # "Red answered q-cult", for the undo row


def open_writer(setup: ClassroomSetup, folder: Optional[Path] = None,
                session_id: str = "classroom", now: Callable[[], datetime] = datetime.now
                ) -> ResultsWriter:
    """The results writer for a session: <results folder>/<time>-<session_id>.csv/.json."""
    from game.paths import results_dir
    return ResultsWriter(folder if folder is not None else results_dir(), session_id,
                         setup.to_dict(), teams=setup.teams, seed=setup.seed, now=now)


class Classroom:
    def __init__(self, setup: ClassroomSetup, content: Content, *,
                 writer: Optional[ResultsWriter] = None,
                 now: Optional[Callable[[], datetime]] = None) -> None:
        problems = check_content(setup, content)
        if problems:
            raise ClassroomError("; ".join(problems))
        self.setup = setup
        self.content = content
        self.types = playable_types(content, setup.round_types)
        self.writer = writer
        # Each row carries the moment of its decision (review m18: not the save time).
        self._now = now if now is not None else datetime.now
        self.rows: list[ResultRow] = []
        self.saved = 0                 # rows already written to the results file
        self.failed_saves = 0
        self.unsaved = False           # the last save failed and nothing has saved since
        self.save_problems: list[str] = []  # what the results writer said went wrong
        self.paused = False
        self.ended_early = False
        self._ended_in: Optional[_State] = None   # the state the teacher ended the session in
        self._steps: list[_Step] = []
        session = new_session([t.strip() for t in setup.teams], seed=setup.seed,
                              rules=setup.rules())
        self.state = self._start_round(session, 0)

    @classmethod
    def resumed(cls, setup: ClassroomSetup, content: Content, session, round_index: int,
                rows: Sequence[ResultRow], *, writer: Optional[ResultsWriter] = None,
                now: Optional[Callable[[], datetime]] = None) -> "Classroom":
        """A session going on after a crash (see resume.py): `session` holds the scores
        so far, `rows` what the results file already has; play starts at `round_index`."""
        room = cls(setup, content, writer=writer, now=now)
        room.rows = list(rows)
        room.saved = len(room.rows)
        room.state = room._start_round(session, round_index)
        return room

    # --- what the screens read ---------------------------------------------------------
    @property
    def game(self) -> rules.Game:
        return self.state.game

    @property
    def session(self):
        return self.state.game.session

    @property
    def phase(self) -> str:
        return self.state.phase

    @property
    def timer(self) -> TurnTimer:
        return self.state.timer

    @property
    def last(self) -> Optional[Outcome]:
        return self.state.last

    @property
    def reveal(self) -> Optional[Outcome]:
        """The last outcome, once the room may see it: None while a missed question is
        open to a steal (show only "Not quite" and the offer), so the answer and the
        explanation never reach the room before the steal is settled."""
        return None if self.phase == STEAL_OFFER else self.last

    @property
    def prompt(self):
        """What the current team is asked (in STEAL_OFFER: the question open to a steal)."""
        if self.phase == STEAL_OFFER:
            return self.game.stealable
        return self.game.prompt if self.phase == PLAYING else None

    @property
    def stealing(self) -> bool:
        prompt = self.prompt
        return self.phase == PLAYING and prompt is not None and prompt.steal

    @property
    def teams(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.session.players)

    @property
    def team(self) -> int:
        """Whose turn it is (the team offered a steal, in STEAL_OFFER)."""
        return self.session.turn

    @property
    def team_name(self) -> str:
        return self.teams[self.team]

    @property
    def scores(self) -> tuple[int, ...]:
        return tuple(p.score for p in self.session.players)

    @property
    def round_number(self) -> int:
        return self.state.round_index + 1

    @property
    def rounds(self) -> int:
        return self.setup.rounds

    @property
    def round_type(self) -> str:
        return self.state.round_type

    @property
    def last_round(self) -> bool:
        return self.round_number >= self.rounds

    @property
    def over(self) -> bool:
        return self.phase == OVER

    @property
    def can_undo(self) -> bool:
        return bool(self._steps) and self.phase != OVER

    def standings(self):
        return standings(self.session)

    def final_standings(self) -> FinalStandings:
        """The result to announce: ranked on equal turns, "ended early" when it was (M7)."""
        state = self._ended_in or self.state
        unfinished = (self.ended_early and state.phase in (PLAYING, STEAL_OFFER))
        return final_standings(self.session, rounds_planned=self.rounds,
                               rounds_started=state.round_index + 1,
                               round_start=state.game.start if unfinished else None,
                               ended_early=self.ended_early)

    def missed(self):
        return missed(self.session)

    # --- the teams' moves -------------------------------------------------------------
    def answer(self, move) -> object:
        """The current team answers: a choice key, or the hand's event ids in order."""
        self._require(PLAYING)
        if self.paused:
            raise ClassroomError("the game is paused")
        return self._answer(move, self.timer.elapsed, "answer")

    def tick(self, dt: float) -> Optional[Outcome]:
        """`dt` seconds have passed. At zero the turn times out: the Outcome, else None."""
        if self.paused or self.phase != PLAYING or not self.timer.on:
            return None
        self.state = replace(self.state, timer=self.timer.tick(dt))
        if not self.timer.expired:
            return None
        prompt = self.game.prompt
        if isinstance(prompt, Ask):
            move = next((c.key for c in prompt.live_choices if c.key != prompt.question.answer),
                        prompt.live_choices[0].key)
        elif isinstance(prompt, SortHand):
            move = [c.id for c in prompt.cards]
        elif isinstance(prompt, ScaleHand):
            move = list(prompt.cards)
        else:
            move = 0
        seconds = max(self.timer.elapsed, self.timer.limit + _PAST_LIMIT)
        self._answer(move, seconds, "timeout")
        return self.last

    def take_steal(self) -> None:
        self._require(STEAL_OFFER)
        before = self.state
        game = rules.steal(self.game)
        self._push(before, None, f"{self.team_name} took the steal")
        self.state = replace(before, game=game, phase=PLAYING, timer=before.timer.restarted())

    def decline_steal(self) -> None:
        self._require(STEAL_OFFER)
        before = self.state
        self._push(before, None, f"{self.team_name} declined the steal")
        self._settle(replace(before, phase=PLAYING, timer=before.timer.restarted()))

    # --- the teacher's controls ---------------------------------------------------------
    def toggle_pause(self) -> bool:
        """Pause or resume: the countdown stops and answers wait. Recorded. The new state."""
        if self.phase == OVER:
            return self.paused
        self.paused = not self.paused
        self._add(teacher_row(PAUSE if self.paused else RESUME, self.team_name,
                              "paused by the teacher" if self.paused else "resumed",
                              time=self._time()))
        return self.paused

    def skip(self) -> None:
        """The current turn passes with no points (in a steal offer: the steal is declined)."""
        if self.phase == STEAL_OFFER:
            before = self.state
            row = teacher_row(SKIP, self.team_name, "steal skipped by the teacher",
                              item_ids=_items(self.prompt), time=self._time())
            self._push(before, row, f"skip of {self.team_name}'s steal")
            self._add(row)
            self._settle(replace(before, phase=PLAYING, timer=before.timer.restarted()))
            return
        self._require(PLAYING)
        before = self.state
        row = teacher_row(SKIP, self.team_name, "skipped by the teacher",
                          item_ids=_items(self.game.prompt), time=self._time())
        self._push(before, row, f"skip of {self.team_name}'s turn")
        self._add(row)
        game = rules.skip_turn(self.game)
        self._settle(replace(before, game=game, phase=PLAYING, timer=before.timer.restarted(),
                             last=Outcome("skip", before.game.session.turn, row=row)))

    def adjust(self, team: int, delta: int) -> None:
        """Give (+) or take (-) points by hand; kept in the history and the results."""
        if self.phase == OVER:
            raise ClassroomError("the session is over")
        if not 0 <= team < len(self.teams) or not isinstance(delta, int) or delta == 0:
            raise ClassroomError(f"cannot give {delta!r} points to team {team!r}")
        before = self.state
        name = self.teams[team]
        row = teacher_row(MANUAL, name, f"teacher: {delta:+d}", points=delta, time=self._time())
        self._push(before, row, f"{delta:+d} for {name}")
        self._add(row)
        self.state = replace(before, game=rules.adjust(before.game, team, delta, "teacher"))
        self._save(ends_round=False)      # a teacher's points are on disk at once

    def undo(self) -> Optional[str]:
        """Take back the last decision (of this round, or of an earlier one: play goes back
        into that round); what was undone (None: nothing). Written at once."""
        if not self.can_undo:
            return None
        step = self._steps.pop()
        undone = step.row
        team = undone.team if undone else step.before.game.session.current.name
        self._add(teacher_row(UNDO, team, f"undo: {step.label}",
                              points=-(undone.points if undone else 0),
                              item_ids=undone.item_ids if undone else (), time=self._time()))
        self.state = replace(step.before, timer=step.before.timer.restarted())
        self._save(ends_round=False)
        return step.label

    def next_round(self) -> None:
        """From the scoreboard to the next round (undo can still reach back into it)."""
        self._require(ROUND_OVER)
        if self.last_round:
            raise ClassroomError("that was the last round")
        self.state = self._start_round(self.session, self.state.round_index + 1)

    def end(self, early: bool = False) -> bool:
        """The session is over: write everything, mark the file finished. True if saved."""
        if self.phase == OVER:
            return True
        if early:
            self._add(teacher_row(END, self.team_name, "ended by the teacher",
                                  time=self._time()))
            # Early only if something planned was left: not on the last scoreboard.
            self.ended_early = not (self.phase == ROUND_OVER and self.last_round)
            self._ended_in = self.state
        self.state = replace(self.state, phase=OVER)
        self._steps.clear()
        self.paused = False
        saved = self._save()
        if self.writer is not None:
            saved = self.writer.finish() and saved
        return saved

    # --- inside ---------------------------------------------------------------------------
    def _start_round(self, session, index: int) -> _State:
        dealt = deal_round(self.setup, self.content, self.types, session, index)
        if dealt is None:
            raise ClassroomError("the packs chosen cannot fill a round")
        game, kind = dealt
        timer = TurnTimer(float(self.setup.timer) if self.setup.timer else None)
        return _State(game, index, kind, PLAYING, timer)

    def _answer(self, move, seconds: float, kind: str):
        before = self.state
        team = self.team
        try:
            game, verdict = rules.answer(self.game, move, seconds=round(seconds, 3))
        except rules.MoveError as error:
            raise ClassroomError(str(error)) from None
        row = answer_row(verdict.record, self.teams[team], self.content, self._time())
        what = "timed out on" if kind == "timeout" else "answered"
        self._push(before, row, f"{self.teams[team]} {what} {' '.join(row.item_ids)}")
        self._add(row)
        stolen = before.last if (before.game.prompt is not None
                                 and before.game.prompt.steal) else None
        outcome = Outcome(kind, team, verdict, row, missed=stolen)
        record = verdict.record
        stealable = (self.setup.steal and isinstance(before.game.prompt, Ask)
                     and not record.correct and not record.steal
                     and game.stealable is not None)
        state = replace(before, game=game, timer=before.timer.restarted(), last=outcome,
                        phase=STEAL_OFFER if stealable else PLAYING)
        if stealable:
            self.state = state
        else:
            self._settle(state)
        return verdict

    def _settle(self, state: _State) -> None:
        """PLAYING on a game with nothing left to ask: the round is over, and saved."""
        if state.phase == PLAYING and state.game.over:
            state = replace(state, phase=ROUND_OVER)
            self.state = state
            self._save()
        else:
            self.state = state

    def _save(self, ends_round: bool = True) -> bool:
        pending = self.rows[self.saved:]
        if self.writer is None or (not pending and not self.unsaved):
            return True
        ok = self.writer.write_round(pending, ends_round=ends_round)
        self.saved = len(self.rows)
        self.unsaved = not ok          # the writer keeps every row: a later save catches up
        if not ok:
            self.failed_saves += 1
        self.save_problems.extend(str(n) for n in self.writer.take_notices())
        return ok

    def save_now(self) -> bool:
        """Write the answers and teacher points of the round in play without ending it:
        the window is closing (or got SIGTERM) mid-round. True if saved."""
        return self._save(ends_round=False)

    @property
    def results_note(self) -> str:
        """For the scoreboard: where the results are, or why they are not being kept."""
        if self.writer is None:
            return "results are not being saved"
        if self.unsaved:
            return "RESULTS NOT SAVED: " + (self.save_problems[-1] if self.save_problems
                                            else "the results file could not be written")
        if self.failed_saves:
            return (f"saved to {self.writer.json_path.parent} "
                    "(an earlier save failed; everything is saved now)")
        return f"saved to {self.writer.json_path.parent}"

    def _push(self, before: _State, row: Optional[ResultRow], label: str) -> None:
        self._steps.append(_Step(before, row, label))

    def _add(self, row: ResultRow) -> None:
        self.rows.append(row)

    def _require(self, phase: str) -> None:
        if self.phase != phase:
            raise ClassroomError(f"not now: the session is at {self.phase!r}, not {phase!r}")

    def _time(self) -> str:
        return self._now().isoformat(timespec="seconds")


def _items(prompt) -> tuple[str, ...]:
    if isinstance(prompt, (Ask, ScaleHand)):
        return (prompt.question.id,)
    if isinstance(prompt, SortHand):
        return tuple(c.id for c in prompt.cards)
    if isinstance(prompt, PlaceCard):
        return (prompt.card.id,)
    return ()
