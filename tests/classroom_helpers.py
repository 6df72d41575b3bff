"""Helpers for the classroom tests: a fake clock and moves that are right or wrong."""

from __future__ import annotations

from datetime import datetime, timedelta

from game.rules import ordering
from game.rules.prompts import Ask, SortHand


class Clock:
    """A clock that moves one second every time it is read."""

    def __init__(self) -> None:
        self.now = datetime(2024, 3, 5, 10, 0, 0)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def right_move(prompt):
    if isinstance(prompt, Ask):
        return prompt.question.answer
    assert isinstance(prompt, SortHand)
    return [e.id for e in ordering.true_order(prompt.cards)]


def wrong_move(prompt):
    if isinstance(prompt, Ask):
        return next(c.key for c in prompt.live_choices if c.key != prompt.question.answer)
    true = [e.id for e in ordering.true_order(prompt.cards)]
    return list(reversed(true))
