"""Hints as the screens offer them: which hint fits this turn, and what it costs.

    for option in hint_options(game):          # draw a button per option
        label = option.label                   # "50/50: remove a wrong answer (−5 points)"
    game = game_rules.use_hint(game, option.kind)  # the move itself lives in rules.game

Pure: reads the Game and its Rules, changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.rules.kinds import ScaleHand
from game.rules.prompts import FIFTY, PLACE, YEAR, Ask, PlaceCard, SortHand

NAMES = {FIFTY: "50/50: remove a wrong answer", YEAR: "Year: show one card's year",
         PLACE: "Place: put one voice where it belongs"}


@dataclass(frozen=True)
class HintOption:
    kind: str            # FIFTY or YEAR (pass it to rules.game.use_hint)
    cost: int            # points taken off this answer if it is right
    available: bool      # False when already used on this turn, or too few choices left
    why_not: str = ""    # for a greyed-out button

    @property
    def label(self) -> str:
        return f"{NAMES[self.kind]} (−{self.cost} points)" if self.cost else NAMES[self.kind]


def hint_options(game) -> tuple[HintOption, ...]:
    """The hint that fits the current prompt (one per turn): 50/50 on a question, the
    year of a card on a placement or a hand. () when the game is over or it is a steal."""
    prompt = game.prompt
    if prompt is None or prompt.steal:
        return ()
    cost = game.session.rules.hint_cost
    used = "a hint was already used on this turn" if prompt.hint else ""
    if isinstance(prompt, Ask):
        wrong = [c for c in prompt.live_choices if c.key != prompt.question.answer]
        few = "too few answers left" if len(prompt.live_choices) <= 2 or not wrong else ""
        why = used or few
        return (HintOption(FIFTY, cost, not why, why),)
    if isinstance(prompt, (PlaceCard, SortHand)):
        return (HintOption(YEAR, cost, not used, used),)
    if isinstance(prompt, ScaleHand):
        return (HintOption(PLACE, cost, not used, used),)
    return ()
