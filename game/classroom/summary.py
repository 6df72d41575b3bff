"""What a results file says: the standings, and what most teams got wrong.

Worked out from the result rows alone (no packs needed), so `thaw results` can read a
file written by another machine. Undo rows cancel the decision they took back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from game.classroom.rows import ANSWER_TYPES, MANUAL, SKIP, TIMELINE, UNDO, given_order
from game.rules.ordering import longest_ordered_run
from game.store.results import ResultRow

_CANCELLABLE = ANSWER_TYPES + (SKIP, MANUAL)


@dataclass(frozen=True)
class TeamResult:
    team: str
    points: int
    answered: int
    right: int
    steals: int

    @property
    def accuracy(self) -> float:
        return self.right / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class MissedItem:
    item_id: str
    round_type: str              # timeline, whose-view or choice
    teams: tuple[str, ...]       # the teams that got it wrong, in order of first miss
    times: int                   # wrong answers about it, all teams together
    right_by: tuple[str, ...]    # teams that got it right (a steal, or a later turn)


@dataclass(frozen=True)
class Summary:
    standings: tuple[TeamResult, ...]    # best first
    missed: tuple[MissedItem, ...]       # most teams first
    answers: int
    right: int


def live_rows(rows: Sequence[ResultRow]) -> list[ResultRow]:
    """The rows still standing: undo rows and the rows they took back are dropped."""
    cancelled: set[int] = set()
    for index, row in enumerate(rows):
        if row.round_type != UNDO:
            continue
        for earlier in range(index - 1, -1, -1):
            other = rows[earlier]
            if (earlier not in cancelled and other.round_type in _CANCELLABLE
                    and other.team == row.team and other.item_ids == row.item_ids
                    and other.points == -row.points):
                cancelled.add(earlier)
                break
    return [r for i, r in enumerate(rows) if i not in cancelled and r.round_type != UNDO]


def out_of_place(true_order: Sequence[str], given: Sequence[str]) -> tuple[str, ...]:
    """Cards not in a longest run that keeps the true order (all of them if none given)."""
    if sorted(given) != sorted(true_order):
        return tuple(true_order)
    rank = {item: i for i, item in enumerate(true_order)}
    run = longest_ordered_run([rank[item] for item in given], lambda a, b: a < b)
    keep = {given[i] for i in run}
    return tuple(item for item in true_order if item not in keep)


def wrong_items(row: ResultRow) -> tuple[str, ...]:
    """The items a row got wrong. A timeline hand that timed out was never ordered, so it
    names no card as missed (review m18)."""
    if row.correct:
        return ()
    if row.round_type == TIMELINE:
        given = given_order(row)
        return out_of_place(row.item_ids, given) if given else ()
    return row.item_ids


def summarize(rows: Iterable[ResultRow], teams: Sequence[str] = ()) -> Summary:
    """Standings (points from every row, undo rows included, so they match the game) and
    the missed items, most teams first."""
    rows = list(rows)
    order = list(dict.fromkeys(list(teams) + [r.team for r in rows if r.team]))
    points = {t: 0 for t in order}
    for row in rows:
        if row.team:
            points[row.team] += row.points
    live = live_rows(rows)
    answers = [r for r in live if r.round_type in ANSWER_TYPES]
    table = []
    for team in order:
        mine = [r for r in answers if r.team == team]
        table.append(TeamResult(team, points[team], len(mine), sum(r.correct for r in mine),
                                sum(r.answer_given.startswith("steal: ") for r in mine)))
    table.sort(key=lambda t: (-t.points, -t.right, order.index(t.team)))

    missed: dict[str, dict] = {}
    for row in answers:
        for item in wrong_items(row):
            entry = missed.setdefault(item, {"type": row.round_type, "teams": [], "times": 0})
            entry["times"] += 1
            if row.team not in entry["teams"]:
                entry["teams"].append(row.team)
    items = []
    for position, (item, entry) in enumerate(missed.items()):
        right_by = tuple(dict.fromkeys(
            r.team for r in answers if r.correct and item in r.item_ids))
        items.append((position, MissedItem(item, entry["type"], tuple(entry["teams"]),
                                           entry["times"], right_by)))
    items.sort(key=lambda p: (-len(p[1].teams), -p[1].times, p[0]))
    return Summary(tuple(table), tuple(m for _, m in items), len(answers),
                   sum(r.correct for r in answers))


def most_missed(summary: Summary, limit: Optional[int] = 10,
                questions_only: bool = False) -> tuple[MissedItem, ...]:
    items = [m for m in summary.missed if not questions_only or m.round_type != TIMELINE]
    return tuple(items if limit is None else items[:limit])


@dataclass(frozen=True)
class StudentResult:
    """One student's answers in a phone session (rows that name a student)."""
    student: str
    team: str
    points: int
    answered: int
    right: int

    @property
    def accuracy(self) -> float:
        return self.right / self.answered if self.answered else 0.0


def student_standings(rows: Iterable[ResultRow]) -> tuple[StudentResult, ...]:
    """Students by accuracy first, then points, then name: a phone session scores accuracy."""
    tally: dict[str, list] = {}
    for row in rows:
        if not row.student:
            continue
        entry = tally.setdefault(row.student, [row.team, 0, 0, 0])
        entry[1] += row.points
        entry[2] += 1
        entry[3] += row.correct
    out = [StudentResult(name, team, points, answered, right)
           for name, (team, points, answered, right) in tally.items()]
    return tuple(sorted(out, key=lambda s: (-s.accuracy, -s.points, s.student.casefold())))


def team_means(students: Iterable[StudentResult]) -> tuple[tuple[str, float, int], ...]:
    """(team, mean points per student, students): a bigger team does not win by its size."""
    groups: dict[str, list[int]] = {}
    for s in students:
        groups.setdefault(s.team, []).append(s.points)
    means = [(team, round(sum(p) / len(p), 1), len(p)) for team, p in groups.items()]
    return tuple(sorted(means, key=lambda t: (-t[1], t[0])))
# --- the final result of a session (M7: fair after an early end) ---------------------------
@dataclass(frozen=True)
class TeamStanding:
    team: str
    points: int          # the points compared: every full round, plus the teacher's points
    total: int           # every point scored, the unfinished round's too (the scoreboard)
    turns: int           # own turns played in the rounds compared (steals not counted)


@dataclass(frozen=True)
class FinalStandings:
    """How a session ended. When the teacher ends it in the middle of a round, some teams
    have had one more turn than others: that round's answers are not compared (the points
    stay on the scoreboard as `total`), so every team is compared on the same number of
    turns. Teacher's points always count. No full round played: no winner."""
    teams: tuple[TeamStanding, ...]       # best first; ties keep team order
    ended_early: bool
    rounds_planned: int
    rounds_compared: int                  # full rounds every team played
    unfinished_round: Optional[int] = None   # 1-based round left out of the comparison

    @property
    def winners(self) -> tuple[str, ...]:
        """The team(s) with the most points compared; () when nothing can be compared."""
        if not self.teams or self.rounds_compared == 0:
            return ()
        top = self.teams[0].points
        return tuple(t.team for t in self.teams if t.points == top)

    @property
    def headline(self) -> str:
        """'Red wins!', 'Red and Blue tie!' or 'No winner: ...'."""
        winners = self.winners
        if not winners:
            return "No winner: no full round was played"
        if len(winners) == 1:
            return f"{winners[0]} wins!"
        return f"{', '.join(winners[:-1])} and {winners[-1]} tie!"

    @property
    def note(self) -> str:
        """The line under the headline: '' for a session played to its end."""
        if not self.ended_early:
            return ""
        parts = [f"Session ended early, after {self.rounds_compared} of "
                 f"{self.rounds_planned} rounds."]
        if self.unfinished_round is not None:
            turns = "turn" if self.rounds_compared == 1 else "turns"
            parts.append(f"Round {self.unfinished_round} was not finished, so its answers are "
                         f"not compared: every team is compared on {self.rounds_compared} "
                         f"{turns}.")
        return " ".join(parts)


def final_standings(session, *, rounds_planned: int, rounds_started: int,
                    round_start: Optional[int], ended_early: bool) -> FinalStandings:
    """From the rules' session: `round_start` is the history index where the unfinished
    round began (None when the session ended between rounds or at its end)."""
    history = session.history
    cut = len(history) if round_start is None else round_start
    table = []
    for index, player in enumerate(session.players):
        total = sum(r.points for r in history if r.player == index)
        late = sum(r.points for r in history[cut:] if r.player == index and r.is_answer)
        turns = sum(1 for r in history[:cut] if r.player == index and not r.steal
                    and (r.is_answer or r.kind == "skip"))
        table.append((index, TeamStanding(player.name, total - late, total, turns)))
    table.sort(key=lambda p: (-p[1].points, p[0]))
    unfinished = rounds_started if round_start is not None else None
    compared = rounds_started - 1 if round_start is not None else rounds_started
    return FinalStandings(tuple(t for _, t in table), ended_early, rounds_planned,
                          compared, unfinished)
