"""Looking back at a finished game: what was missed, in facts both front ends word their
own way, and a short game of only those things.

The window's results screen and `thaw play --text` share `miss_detail` (the lookups) and
`start_review` (the game of misses); each keeps its own wording. Pure: no pygame, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from game.content.model import Event, Question
from game.rules import game as rules
from game.rules.content import Content
from game.rules.session import CHOICE, CHRONOLOGY, SORT, WHOSE_VIEW, Missed, Session, missed

REVIEW = "review"                            # the mode of a game of misses
REVIEW_TITLE = "Review what you missed"


@dataclass(frozen=True)
class MissDetail:
    """One miss with what the content says about it.

    A missed question has `question` and `answer` (the right answer in words: for a
    whose-view question the perspective's name). A missed event has `event`, the events of
    its answer in their true order (`true_order`), and its neighbours there (`before`,
    `after`). Anything the content no longer holds is None (or empty)."""
    miss: Missed
    question: Optional[Question] = None
    answer: str = ""
    event: Optional[Event] = None
    true_order: tuple[Event, ...] = ()
    before: Optional[Event] = None
    after: Optional[Event] = None

    @property
    def is_question(self) -> bool:
        return self.miss.kind in (WHOSE_VIEW, CHOICE)


def miss_detail(miss: Missed, content: Content) -> MissDetail:
    if miss.kind in (WHOSE_VIEW, CHOICE):
        question = content.question(miss.item_id)
        if question is None:
            return MissDetail(miss)
        right = miss.answer[0] if miss.answer else question.answer
        who = content.perspective(right) if question.is_whose_view else None
        if question.is_spectrum:    # the voices in their places, by name
            names = [content.perspective(i) for i in miss.answer]
            right = " \u2192 ".join(v.name if v else i for v, i in zip(names, miss.answer))
        return MissDetail(miss, question=question, answer=who.name if who else right)
    order = tuple(e for e in (content.event(i) for i in miss.answer) if e)
    event = content.event(miss.item_id)
    index = next((i for i, e in enumerate(order) if event and e.id == event.id), None)
    before = after = None
    if index is not None:
        before = order[index - 1] if index > 0 else None
        after = order[index + 1] if index + 1 < len(order) else None
    return MissDetail(miss, event=event, true_order=order, before=before, after=after)


def review_content(finished: rules.Game) -> Optional[Content]:
    """The questions and events missed in `finished` (each missed card with the cards it
    was played against, so it can be ordered again); None when nothing was missed."""
    misses = missed(finished.session)
    if not misses:
        return None
    content = finished.content
    questions = [content.question(m.item_id) for m in misses if m.kind in (WHOSE_VIEW, CHOICE)]
    events: list = []
    for m in misses:
        if m.kind in (CHRONOLOGY, SORT):
            for event_id in (m.item_id,) + tuple(m.item_ids) + tuple(m.answer):
                event = content.event(event_id)
                if event and event not in events:
                    events.append(event)
    return Content(tuple(events), tuple(q for q in questions if q), content.perspectives)


def start_review(finished: rules.Game, session: Session) -> Optional[rules.Game]:
    """A short mixed game of what `finished` missed: one step per question and one hand
    of the missed events; None when nothing was missed or it cannot make a game."""
    content = review_content(finished)
    if content is None:
        return None
    rounds = max(1, len(content.questions) + (1 if len(content.events) >= 2 else 0))
    try:
        return rules.start_mixed(content, session, rounds=rounds)
    except rules.NotEnoughContent:
        return None
