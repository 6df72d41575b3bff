"""The solo game being played, without pygame: the match service.

A `Match` holds the rules' Game value while it is played: scenes call `match.move(...)`
(which asks game.rules for the verdict); game.ui.play.flow shows the next prompt's screen.
Time on a prompt is counted from `update(dt)`, never a clock. `finish` keeps the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

from game.rules import campaign, game as rules, modes
from game.rules.content import Content
from game.rules.review import REVIEW, start_review
from game.rules.session import missed, new_session
from game.store import progress as store


@dataclass
class Match:
    """One game being played in the window."""
    game: rules.Game
    mode: str
    pack_ids: tuple[str, ...]
    level: Optional[object] = None      # content.model.Level, campaign only
    pack_id: str = ""                   # campaign: the pack the level belongs to
    verdicts: list = field(default_factory=list)
    seconds: float = 0.0                # time on the current prompt
    saved: bool = False

    @property
    def prompt(self):
        return self.game.prompt

    @property
    def title(self) -> str:
        if self.level is not None:
            return self.level.title
        return modes.title(self.mode)

    @property
    def score(self) -> int:
        return sum(r.points for r in self.game.records)

    def tick(self, dt: float) -> None:
        self.seconds += dt

    def move(self, move):
        """Answer the current prompt; the verdict (the rules decide)."""
        self.game, verdict = rules.answer(self.game, move, seconds=round(self.seconds, 3))
        self.verdicts.append(verdict)
        self.seconds = 0.0
        return verdict

    def hint(self, kind: str) -> bool:
        try:
            self.game = rules.use_hint(self.game, kind)
        except rules.MoveError:
            return False
        return True


def content_for(ctx, pack_ids: Sequence[str]) -> Content:
    library = ctx.library
    packs = library.with_requirements(pack_ids or None)
    return Content.from_packs(packs)


def default_pack_ids(ctx) -> tuple[str, ...]:
    known = set(ctx.library.pack_ids())
    last = tuple(p for p in (ctx.settings.last_packs if ctx.settings else ()) if p in known)
    return last or tuple(ctx.library.pack_ids())


def new_match(ctx, mode: str, pack_ids: Sequence[str], level=None, pack_id: str = "") -> Match:
    """A fresh game of `mode` on the packs; raises rules.NotEnoughContent when they are too thin."""
    pack_ids = tuple(pack_ids)
    content = content_for(ctx, pack_ids)
    game = modes.start(mode, content, new_session(("Player",), seed=ctx.new_seed()), level)
    return Match(game, mode, pack_ids, level, pack_id)


def review_match(ctx, finished: Match) -> Optional[Match]:
    """A short game of only what was missed in `finished` (None when nothing was)."""
    if not missed(finished.game.session):
        return None
    game = start_review(finished.game, new_session(("Player",), seed=ctx.new_seed()))
    return None if game is None else Match(game, REVIEW, finished.pack_ids)


def level_stars(ctx, pack_id: str) -> dict:
    """{level id: best stars} for one pack, from the saved progress."""
    progress = ctx.progress
    if progress is None:
        return {}
    return {level: stars for (pack, level), stars in progress.stars.items() if pack == pack_id}


def campaign_packs(ctx) -> tuple:
    return tuple(p for p in ctx.library.packs if p.levels)


def next_campaign_level(ctx):
    wanted = set(default_pack_ids(ctx))
    for pack in campaign_packs(ctx):
        if pack.id in wanted or not wanted:
            level = campaign.next_level(pack, level_stars(ctx, pack.id))
            if level is not None:
                return pack, level
    return None


def level_result(match: Match):
    """The campaign level's result (stars, passed) of a finished match; None outside one."""
    return campaign.level_result(match.game) if match.level is not None else None


def finish(ctx, match: Match):
    """Once, when a match is over: keep stars, best score and counts. The level result."""
    result = level_result(match)
    if match.saved:
        return result
    match.saved = True
    ctx.sessions.append(match.game.session)
    if ctx.progress is None:
        return result
    progress = ctx.progress
    if result is not None and match.pack_id:
        progress = store.record_level(progress, match.pack_id, result.level_id, result.stars)
    progress = store.record_score(progress, match.mode, store.packs_key(match.pack_ids),
                                  int(match.score))
    answers = [r for r in match.game.records if r.is_answer]
    progress = store.record_count(progress, "games")
    progress = store.record_count(progress, "answers", len(answers))
    progress = store.record_count(progress, "correct", sum(r.correct for r in answers))
    ctx.save_progress(progress)
    return result
