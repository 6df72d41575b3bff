"""Moving between the solo game's screens: every one is opened by name (game.ui.core.registry),
so no screen imports another and the play screens import this router, never the reverse."""

from __future__ import annotations

from typing import Optional, Sequence

from game.rules import game as rules, modes
from game.rules.kinds import ScaleHand
from game.rules.prompts import PlaceCard, SortHand
from game.rules.review import REVIEW
from game.ui.core.registry import make_scene
from game.ui.play.match import Match, default_pack_ids, new_match, next_campaign_level


def scene_for(ctx, match: Match):
    """The screen for the match's current prompt, or the results when it is over."""
    return make_scene(scene_name(match.prompt), ctx, match=match)


def scene_name(prompt) -> str:
    """The registered name of the screen that shows `prompt` (None: the game is over)."""
    if prompt is None:
        return "results"
    if isinstance(prompt, PlaceCard):
        return "board"
    if isinstance(prompt, SortHand):
        return "sort"
    if isinstance(prompt, ScaleHand):
        return "spectrum"
    return "ask"


def advance(ctx, match: Match) -> None:
    """After a verdict has been shown: the next prompt's screen (or the results)."""
    ctx.replace(scene_for(ctx, match))


def start(ctx, mode: str, pack_ids: Sequence[str] = (), level=None, pack_id: str = "",
          filters: tuple = ((), ())) -> bool:
    """Start a game and show it; False (with a notice) when the packs cannot fill it."""
    pack_ids = tuple(pack_ids) or default_pack_ids(ctx)
    try:
        match = new_match(ctx, mode, pack_ids, level, pack_id, filters)
    except (rules.NotEnoughContent, KeyError, ValueError) as error:
        ctx.push(make_scene("notice", ctx, title="Cannot start",
                            message=f"{modes.title(mode)}: {error}."))
        return False
    if ctx.settings is not None and mode != REVIEW:
        ctx.change_settings(last_mode=mode, last_packs=tuple(pack_ids))
    ctx.push(scene_for(ctx, match))
    return True


def start_match(ctx, match: Optional[Match]) -> None:
    if match is not None:
        ctx.replace(scene_for(ctx, match))


def continue_game(ctx) -> None:
    mode = ctx.settings.last_mode
    if mode == rules.MODE_CAMPAIGN:
        found = next_campaign_level(ctx)
        if found is None:
            ctx.push(make_scene("choose", ctx))
            return
        pack, level = found
        ctx.push(make_scene("level-intro", ctx, pack=pack, level=level))
        return
    start(ctx, mode, default_pack_ids(ctx))
