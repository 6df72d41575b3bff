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
    if row.correct:
        return ()
    if row.round_type == TIMELINE:
        return out_of_place(row.item_ids, given_order(row))
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
