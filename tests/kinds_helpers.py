"""Helpers for the source-work kinds' tests: a game of chosen questions of the bundled pack."""

from __future__ import annotations

from game.content.model import Level, Round
from game.rules import game as rules
from game.ui.play.match import Match, new_match

PACK = "khrushchev-era"


def qid(local: str) -> str:
    return f"{PACK}:{local}"


def level_of(*locals_: str) -> Level:
    """A one-round level asking the bundled pack's questions `locals_` (ids as written)."""
    return Level("kinds-test", "Source work", (Round("questions",
                                                     question_ids=tuple(qid(q) for q in locals_)),))


def kinds_match(ctx, *locals_: str) -> Match:
    """A solo match (campaign mode) over the named questions, in order."""
    return new_match(ctx, rules.MODE_CAMPAIGN, (PACK,), level=level_of(*locals_), pack_id=PACK)
