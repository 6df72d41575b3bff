"""Campaign: a pack's levels in order, each passed at a score threshold for 1-3 stars.

Progress is a plain mapping {level id: best stars} for one pack (the store helper keys it
by pack and saves it); these functions never change the mapping they are given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional

from game.content.model import Level, Pack
from game.rules.game import Game
from game.rules.scoring import stars as stars_for


@dataclass(frozen=True)
class LevelResult:
    level_id: str
    share: float       # 0..1: mean credit over the level's answers (a hand: its pair share)
    passed: bool
    stars: int         # 0 when not passed


def level_result(game: Game) -> LevelResult:
    """Score a finished (or abandoned) level from its history; steals do not count.

    Every step of the level counts once, so a step never answered (the level was left
    early) scores 0.
    """
    if game.level is None:
        raise ValueError("not a campaign level")
    answers = [r for r in game.records if r.is_answer and not r.steal]
    total = max(len(answers), game.dealt + len(game.plan), 1)
    share = min(1.0, sum(r.credit for r in answers) / total)
    earned = stars_for(game.session.rules, share)
    return LevelResult(game.level.id, share, earned >= 1, earned)


def record_progress(progress: Mapping[str, int], result: LevelResult) -> dict[str, int]:
    """The new progress: the best stars per level are kept."""
    new = dict(progress)
    new[result.level_id] = max(int(new.get(result.level_id, 0)), result.stars)
    return new


def unlocked(pack: Pack, progress: Mapping[str, int]) -> tuple[str, ...]:
    """Level ids open to play: the first, and each one after a passed level."""
    out = []
    for index, level in enumerate(pack.levels):
        if index == 0 or progress.get(pack.levels[index - 1].id, 0) >= 1:
            out.append(level.id)
        else:
            break
    return tuple(out)


def next_level(pack: Pack, progress: Mapping[str, int]) -> Optional[Level]:
    """The first unlocked level not yet passed (None when every level is passed)."""
    open_ids = unlocked(pack, progress)
    for level in pack.levels:
        if level.id in open_ids and progress.get(level.id, 0) < 1:
            return level
    return None
