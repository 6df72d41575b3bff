"""The one table of game modes: what each is called, what it is, how it starts and how big.

The window (game.ui.play.match), `thaw play --text` (game.textplay) and the classroom's
round titles (game.classroom.setup) all read this table, so a mode is the same game
wherever it is played. Pure: no pygame, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from game.rules import game as rules
from game.rules.content import Content
from game.rules.review import REVIEW, REVIEW_TITLE
from game.rules.session import Session


@dataclass(frozen=True)
class Mode:
    id: str
    title: str
    about: str
    start: Callable[..., rules.Game]            # start(content, session, **sizes)
    sizes: dict = field(default_factory=dict)    # the default size of one game


MODES: dict[str, Mode] = {m.id: m for m in (
    Mode(rules.MODE_CHRONOLOGY, "Chronology",
         "Place each event in the line; three wrong places end the round.",
         rules.start_chronology, {"deck_size": 12}),
    Mode(rules.MODE_SORT, "Sort the hand",
         "You are dealt a hand of events: put them in order, earliest first.",
         rules.start_sort, {"rounds": 3}),
    Mode(rules.MODE_WHOSE_VIEW, "Whose view?",
         "Read a quotation from the sources and say whose view it gives.",
         rules.start_whose_view, {"rounds": 8}),
    Mode(rules.MODE_CAMPAIGN, "Campaign",
         "Work through the era level by level and earn up to three stars.",
         rules.start_level),
    Mode(rules.MODE_MIXED, "Mixed review",
         "Hands and questions in turn; what you miss comes back later.",
         rules.start_mixed, {"rounds": 8}),
)}
assert tuple(MODES) == rules.MODES, "the table lists the rules' modes, in their order"

TITLES = {mode.id: mode.title for mode in MODES.values()}
ABOUT = {mode.id: mode.about for mode in MODES.values()}


def title(mode: str) -> str:
    """The mode's title (the game of misses has one too); an unknown id is shown as itself."""
    return REVIEW_TITLE if mode == REVIEW else TITLES.get(mode, mode)


def start(mode: str, content: Content, session: Session, level=None,
          **sizes) -> rules.Game:
    """A new game of `mode` with the table's default size (`sizes` overrides it).
    The campaign plays `level`. ValueError for a mode not in the table;
    rules.NotEnoughContent when the content is too thin."""
    entry: Optional[Mode] = MODES.get(mode)
    if entry is None:
        raise ValueError(f"unknown mode {mode!r}; the modes are {', '.join(MODES)}")
    if mode == rules.MODE_CAMPAIGN:
        if level is None:
            raise ValueError("a campaign game plays one level; none was given")
        return entry.start(content, session, level)
    return entry.start(content, session, **{**entry.sizes, **sizes})
