"""Result rows: what goes into the results file for each decision of a classroom session.

One row per answer (round type timeline / whose-view / choice), and one per teacher
action (skip, manual, undo, pause, resume, end) so that the file is the whole story and
each team's points in it add up to the scoreboard. Rows are only ever appended: an undo
adds a row taking the undone points back, it never rewrites what was saved.

A timeline row lists its events in the TRUE order (item_ids) and the order the team gave
(answer_given, ids separated by ', '), so which cards were out of place can be worked out
from the file alone.
"""

from __future__ import annotations

from typing import Optional

from game.rules.content import Content
from game.rules.session import CHOICE, CHRONOLOGY, SORT, WHOSE_VIEW, AnswerRecord
from game.store.results import ResultRow

TIMELINE = "timeline"
ANSWER_TYPES = (TIMELINE, WHOSE_VIEW, CHOICE)
SKIP, MANUAL, UNDO, PAUSE, RESUME, END = "skip", "manual", "undo", "pause", "resume", "end"
TEACHER_TYPES = (SKIP, MANUAL, UNDO, PAUSE, RESUME, END)
TIME_RAN_OUT = "(time ran out)"
STEAL_PREFIX = "steal: "
ORDER_SEPARATOR = ", "


def round_type_of(record: AnswerRecord) -> str:
    return TIMELINE if record.kind in (SORT, CHRONOLOGY) else record.kind


def answer_text(record: AnswerRecord, content: Optional[Content] = None) -> str:
    """What the team answered, as a person reads it."""
    if record.timed_out:
        text = TIME_RAN_OUT
    elif record.kind in (SORT, CHRONOLOGY):
        text = ORDER_SEPARATOR.join(record.chosen)
    elif len(record.chosen) > 1:     # a spectrum: the voices from the scale's left end
        views = [content.perspective(k) if content else None for k in record.chosen]
        text = ORDER_SEPARATOR.join(v.name if v else k for v, k in zip(views, record.chosen))
    else:
        key = record.chosen[0] if record.chosen else ""
        view = content.perspective(key) if (content and record.kind == WHOSE_VIEW) else None
        text = view.name if view else key
    return STEAL_PREFIX + text if record.steal else text


def answer_row(record: AnswerRecord, team: str, content: Optional[Content] = None,
               time: str = "") -> ResultRow:
    """The row of one answer record of the rules' history."""
    if not record.is_answer:
        raise ValueError(f"record {record.turn} is a {record.kind!r}, not an answer")
    items = record.answer if record.kind in (SORT, CHRONOLOGY) else record.item_ids
    return ResultRow(team=team, round_type=round_type_of(record), item_ids=tuple(items),
                     answer_given=answer_text(record, content), correct=record.correct,
                     points=record.points, seconds=round(record.seconds, 1), time=time)


def teacher_row(kind: str, team: str, what: str, *, points: int = 0,
                item_ids: tuple = (), time: str = "") -> ResultRow:
    """A teacher's action: skip, manual (+/-), undo, pause, resume or end."""
    if kind not in TEACHER_TYPES:
        raise ValueError(f"not a teacher action: {kind!r}")
    return ResultRow(team=team, round_type=kind, item_ids=tuple(item_ids), answer_given=what,
                     correct=False, points=int(points), seconds=0.0, time=time)


def given_order(row: ResultRow) -> tuple[str, ...]:
    """A timeline row's order as the team gave it ((), for a timeout)."""
    text = row.answer_given
    if text.startswith(STEAL_PREFIX):
        text = text[len(STEAL_PREFIX):]
    if text == TIME_RAN_OUT:
        return ()
    return tuple(part.strip() for part in text.split(ORDER_SEPARATOR.strip()) if part.strip())
