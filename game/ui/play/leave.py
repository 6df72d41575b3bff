"""Leaving a game in the middle (Esc): asked first, and kept so Continue picks it up.

Every play screen (board, sort, ask, spectrum: game.ui.play.base) calls `ask(scene)` on
Esc and passes the answer that comes back to its `resume` on to `answered(scene, result)`. A game left this way
is kept in the context (`ctx.paused_match`) until Thaw closes: Continue on the title
resumes it at the prompt the player had reached, with the score so far (review M1).
"""

from __future__ import annotations

from game.ui.core.registry import make_scene

QUESTION = "Leave this game?"
WARNING = ("Your progress will be lost when you close Thaw. Until then, Continue on the "
           "title screen picks it up where you left off.")


def ask(scene) -> None:
    scene.ctx.push(make_scene("confirm", scene.ctx, title=QUESTION,
                              lines=((WARNING, "body"),), yes="Leave", no="Keep playing"))


def answered(scene, result) -> bool:
    """True when the player chose to leave (the game is kept for Continue)."""
    if result is not True:
        return False
    scene.ctx.paused_match = scene.match
    scene.ctx.pop()       # back to where the game was started (Play, a preview, the title)
    return True


def resume_paused(ctx) -> bool:
    """Continue: show the kept game again; False when there is none."""
    match = getattr(ctx, "paused_match", None)
    if match is None or match.prompt is None:
        return False
    ctx.paused_match = None
    from game.ui.play import flow
    ctx.push(flow.scene_for(ctx, match))
    return True
