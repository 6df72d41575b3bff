"""The strip every play screen shares: the match title, the score, lives, the step."""

from __future__ import annotations

from game.ui.widgets.frame import draw_header
from game.ui.widgets.shapes import draw_lives


def hud_text(match) -> str:
    """The score, and the streak once there is one: every 3rd right in a row earns a bonus."""
    players = match.game.session.players
    streak = players[0].streak if players else 0
    return f"Score {match.score}" + (f"   Streak {streak}" if streak >= 2 else "")


POP_SECONDS = 1.4


def points_line(rules, record) -> str:
    """Where an answer's points came from (scoring.explain_points), or "" for a plain
    miss: "Not right: 0" under "Not quite" says nothing new."""
    from game.rules.scoring import explain_points
    if not (record.points or record.hint or record.timed_out):
        return ""
    return "   ".join(explain_points(rules, record))


def points_pop(verdict, age: float):
    """("+15", age) for the points a verdict just earned, while they still float; else None."""
    if verdict is None or age >= POP_SECONDS or verdict.record.points <= 0:
        return None
    return f"+{verdict.record.points}", age


def draw_hud(surface, ctx, fr, match, extra: str = "", pop=None) -> None:
    text = hud_text(match) + (f"   {extra}" if extra else "")
    game = match.game
    if game.lives is not None:
        text = f"Lives {game.lives} of {game.session.rules.lives}   " + text
    draw_header(surface, ctx, fr, match.title, text)
    if game.lives is not None:
        # Lives also as red dots right of the title, visible at a glance.
        t = ctx.text
        r = max(4, t.px(8))
        total = game.session.rules.lives
        x = fr.header.right - t.width(text, "small") - total * r * 3 - t.px(16)
        y = fr.header.bottom - t.px(6) - t.line_height("small") // 2 - r - t.px(4)
        draw_lives(surface, (x, y), r, game.lives, total, ctx.palette)
    if pop is not None:
        # The points just earned float up beside the score and fade (reduce motion: still).
        label, age = pop
        t = ctx.text
        rise = 0 if ctx.reduce_motion else round(t.px(18) * min(1.0, age / POP_SECONDS))
        image = t.render(label, "heading", ctx.palette.good)
        if not ctx.reduce_motion:
            image.set_alpha(max(0, 255 - round(255 * age / POP_SECONDS)))
        left = fr.header.right - t.width(text, "small") - t.px(16)
        if game.lives is not None:
            left -= game.session.rules.lives * max(4, t.px(8)) * 3 + t.px(16)
        surface.blit(image, (left - image.get_width(), fr.header.bottom - image.get_height() - rise))
