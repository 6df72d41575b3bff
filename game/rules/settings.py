"""The rules a game is played by: one value passed down, never module-level switches."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Rules:
    """Settings of one session. Points are whole numbers so the scoreboard stays exact.

    Scoring (see scoring.answer_points): a right answer earns `points` (a sort hand earns
    its share of pairs in the right order); a steal earns `steal_share` of that; a hint
    takes `hint_cost` off the answer's points (never below 0); every `streak_every`-th
    right answer in a row earns `streak_bonus` more; an answer slower than `time_limit`
    seconds is a timeout: no points, and it counts as a miss.
    """
    time_limit: Optional[float] = None   # seconds per turn; None = untimed
    lives: int = 3                       # chronology
    hand_size: int = 6                   # sort the hand
    review_hand: int = 4                 # hand size of the timeline rounds in mixed review
    review_gap: int = 3                  # a missed item returns this many rounds later
    choices: int = 4                     # whose-view: answer + distractors
    points: int = 10
    steal_share: float = 0.5
    hint_cost: int = 5
    streak_every: int = 3
    streak_bonus: int = 5
    pass_mark: float = 0.70              # campaign: share of the level to pass (1 star)
    two_stars: float = 0.85
    three_stars: float = 1.0

    def timed_out(self, seconds: float) -> bool:
        return self.time_limit is not None and seconds > self.time_limit
