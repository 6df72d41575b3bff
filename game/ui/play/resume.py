"""Continue on the title screen: whether there is a last game, and what it was.

Light on purpose (no pygame, no rules engine): the title's first frame needs only the
settings. The packs are read when Continue is pressed, or once something else loaded them.
"""

from __future__ import annotations

from game.rules.mode_names import MODE_CAMPAIGN, MODES
from game.ui.play.names import MODE_TITLES


def can_continue(ctx) -> bool:
    """Whether there is a last game to go back to. Decided from the settings alone until the
    packs are loaded anyway: the title must not wait for every pack to be read (if they are
    all gone by then, Continue says so)."""
    settings = ctx.settings
    if not (settings and settings.last_mode in MODES):
        return False
    if not ctx.library_loaded:
        return True
    try:
        return bool(ctx.library.packs)
    except Exception:   # noqa: BLE001 - a broken install must still show the title
        return False


def continue_label(ctx) -> str:
    settings = ctx.settings
    if not can_continue(ctx):
        return "nothing to continue yet"
    if settings.last_mode == MODE_CAMPAIGN:
        if not ctx.library_loaded:
            return "the campaign's next level"
        from game.ui.play.match import next_campaign_level
        level = next_campaign_level(ctx)
        return level[1].title if level else "campaign: every level passed"
    return MODE_TITLES.get(settings.last_mode, settings.last_mode)
