"""Drawing pieces of the classroom screens, at projector scale.

Sizes are (font role, base size) styles through the one text helper, larger than the
solo screens': the back row of a classroom must read them. Team colours go by team
order, so "Red" need not be red when a class names its teams itself.
"""

from __future__ import annotations

import pygame

from game.ui.widgets.shapes import draw_panel, shade

TEAM_COLOURS = ((176, 32, 32), (28, 78, 160), (30, 112, 56), (160, 112, 10),
                (104, 48, 136), (196, 90, 20))
WHITE = (255, 255, 255)

# Projector styles (base sizes at 1280x800; the solo body text is 21).
BAND = ("sans-bold", 46)
BAND_SMALL = ("sans-bold", 26)
BIG = ("serif-bold", 40)
QUOTE = (("serif-italic", 40), ("serif-italic", 34), ("serif-italic", 29),
         ("serif-italic", 25), ("serif-italic", 22))
PROMPT = (("serif", 36), ("serif", 31), ("serif", 27), ("serif", 23))
CHOICE = ("sans-bold", 30)
CHOICE_SMALL = ("sans-bold", 24)
CARD = ("serif-bold", 28)
BODY = ("sans", 27)
LABEL = ("sans-bold", 27)
SMALL = ("sans", 21)


def team_colour(index: int) -> tuple:
    return TEAM_COLOURS[index % len(TEAM_COLOURS)]


def band_height(ctx) -> int:
    return ctx.text.line_height(BAND) + ctx.text.px(24)


def draw_team_band(surface, ctx, team: int, title: str, right: str = "") -> pygame.Rect:
    """The full-width band in the team's colour with its name, large: whose turn it is."""
    text = ctx.text
    w = surface.get_width()
    rect = pygame.Rect(0, 0, w, band_height(ctx))
    surface.fill(team_colour(team), rect)
    pad = text.px(24)
    right_img = text.render(right, BAND_SMALL, WHITE) if right else None
    room = w - 2 * pad - (right_img.get_width() + pad if right_img else 0)
    label = text.render(text.fit(title, BAND, max(1, room)), BAND, WHITE)
    surface.blit(label, (pad, rect.centery - label.get_height() // 2))
    if right_img:
        surface.blit(right_img, (w - pad - right_img.get_width(),
                                 rect.centery - right_img.get_height() // 2))
    return rect


def draw_countdown(surface, ctx, center, radius: int, shown: int, share: float,
                   paused: bool = False) -> None:
    """A big number in a ring that empties as the time runs out; red in the last 5 s."""
    palette, text = ctx.palette, ctx.text
    urgent = shown <= 5
    colour = palette.bad if urgent else palette.ink
    pygame.draw.circle(surface, palette.card, center, radius)
    pygame.draw.circle(surface, palette.line, center, radius, max(2, text.px(4)))
    if share > 0:
        import math
        rect = pygame.Rect(0, 0, 2 * radius, 2 * radius)
        rect.center = center
        start = math.pi / 2
        pygame.draw.arc(surface, palette.bad if urgent else palette.gold, rect, start,
                        start + 2 * math.pi * max(0.0, min(1.0, share)), max(4, text.px(12)))
    style = ("sans-bold", max(20, round(radius * 1.05 / max(0.1, text.scale))))
    label = text.render("II" if paused else str(shown), style, colour)
    surface.blit(label, (center[0] - label.get_width() // 2,
                         center[1] - label.get_height() // 2))


def draw_score_strip(surface, ctx, rect, teams, scores, current: int = -1,
                     picked: int = -1) -> list:
    """Every team's chip: colour, name, score. The current team's is raised; the team
    picked for +/- is outlined. Returns the chips' rectangles (for clicks)."""
    text, palette = ctx.text, ctx.palette
    chips = score_chips(ctx, rect, len(teams))
    for i, (name, score, chip) in enumerate(zip(teams, scores, chips)):
        w = chip.width
        colour = team_colour(i)
        draw_panel(surface, chip, palette, radius=text.px(8),
                   fill=colour if i == current else palette.card, border=colour, shadow=False)
        pygame.draw.rect(surface, colour, (chip.x, chip.y, text.px(10), chip.height),
                         border_top_left_radius=text.px(8), border_bottom_left_radius=text.px(8))
        if i == picked:
            pygame.draw.rect(surface, palette.focus, chip.inflate(text.px(8), text.px(8)),
                             max(3, text.px(4)), border_radius=text.px(10))
        ink = WHITE if i == current else palette.ink
        pad = text.px(18)
        points = text.render(str(score), LABEL, ink)
        name_img = text.render(text.fit(name, LABEL, max(1, w - 2 * pad - points.get_width()
                                                          - text.px(8))), LABEL, ink)
        surface.blit(name_img, (chip.x + pad, chip.centery - name_img.get_height() // 2))
        surface.blit(points, (chip.right - pad // 2 - points.get_width(),
                              chip.centery - points.get_height() // 2))
    return chips


def score_chips(ctx, rect, teams: int) -> list:
    """The rectangles of the teams' chips in the score strip `rect` (for clicks)."""
    gap = ctx.text.px(10)
    n = max(1, teams)
    w = (rect.width - gap * (n - 1)) // n
    return [pygame.Rect(rect.x + i * (w + gap), rect.y, w, rect.height) for i in range(teams)]


def draw_bar_chart(surface, ctx, rect, rows) -> None:
    """Standings as horizontal bars: rows are (team index, name, points), best first."""
    text, palette = ctx.text, ctx.palette
    if not rows:
        return
    gap = text.px(14)
    n = len(rows)
    bar_h = max(text.line_height(LABEL) + text.px(8), (rect.height - gap * (n - 1)) // n)
    bar_h = min(bar_h, text.px(96))
    name_w = min(rect.width // 3, max(text.width(name, LABEL) for _, name, _ in rows)
                 + text.px(70))
    top = max(p for *_, p in rows)
    low = min(0, min(p for *_, p in rows))
    span = max(1, top - low)
    score_w = text.width("-888", LABEL) + text.px(20)
    track = max(1, rect.width - name_w - score_w)
    for place, (team, name, points) in enumerate(rows):
        y = rect.y + place * (bar_h + gap)
        if y + bar_h > rect.bottom + 1:
            break
        rank = text.render(f"{place + 1}.", LABEL, palette.muted)
        surface.blit(rank, (rect.x, y + (bar_h - rank.get_height()) // 2))
        label = text.render(text.fit(name, LABEL, name_w - text.px(60)), LABEL, palette.ink)
        surface.blit(label, (rect.x + text.px(50), y + (bar_h - label.get_height()) // 2))
        x0 = rect.x + name_w
        zero = x0 + track * (0 - low) // span
        length = track * abs(points) // span
        bar = pygame.Rect(zero if points >= 0 else zero - length, y, max(text.px(4), length),
                          bar_h)
        pygame.draw.rect(surface, team_colour(team), bar, border_radius=text.px(6))
        value = text.render(str(points), LABEL, palette.ink)
        vx = bar.right + text.px(10) if points >= 0 else zero + text.px(10)
        surface.blit(value, (vx, y + (bar_h - value.get_height()) // 2))


def fit_style(ctx, content: str, styles, width: int, height: int):
    """The largest of `styles` in which `content` fits the box (else the smallest)."""
    for style in styles:
        if ctx.text.block_size(content, style, width)[1] <= height:
            return style
    return styles[-1]


def overlay_panel_rect(ctx, size, title: str, lines, width_share: float = 0.7) -> pygame.Rect:
    """Where draw_overlay_panel puts its panel in a window of `size` (for click targets)."""
    return _overlay(ctx, size, title, lines, width_share)[0]


def _overlay(ctx, size, title, lines, width_share):
    text, palette = ctx.text, ctx.palette
    w, h = size
    pad = text.px(28)
    width = int(w * width_share)
    inner = width - 2 * pad
    blocks = [text.block(title, BIG, palette.accent, inner)]
    blocks += [text.block(line, style, palette.ink, inner) for line, style in lines]
    height = sum(b.get_height() for b in blocks) + pad * 2 + text.px(10) * len(blocks)
    height = min(height, h - 2 * text.px(10))
    return pygame.Rect((w - width) // 2, (h - height) // 2, width, height), blocks, pad


def draw_overlay_panel(surface, ctx, title: str, lines, width_share: float = 0.7):
    """A centred modal panel: a title and lines (text, style); the scene is dimmed."""
    text, palette = ctx.text, ctx.palette
    shade(surface, palette)
    panel, blocks, pad = _overlay(ctx, surface.get_size(), title, lines, width_share)
    draw_panel(surface, panel, palette, radius=text.px(12))
    y = panel.y + pad
    for block in blocks:
        if y >= panel.bottom - pad:
            break
        surface.blit(block, (panel.x + pad, y),
                     pygame.Rect(0, 0, block.get_width(), panel.bottom - pad - y))
        y += block.get_height() + text.px(10)
    return panel
