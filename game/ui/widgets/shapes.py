"""Small drawing helpers every widget and screen shares: panels, the focus ring, the
modal shade, the flat card under toggles and answers, stars and lives (the bundled fonts
have no star or heart glyphs)."""

from __future__ import annotations

import math

import pygame

from game.ui.core.theme import Palette


def draw_panel(surface, rect, palette: Palette, radius: int = 10, fill=None,
               border=None, shadow: bool = True, covered=None) -> None:
    """A rounded panel with its shadow. `covered`: a rect inside it that the caller paints
    opaque right after (e.g. a flattened source view); its fill is skipped there."""
    rect = pygame.Rect(rect)
    if rect.width <= 0 or rect.height <= 0:
        return
    if shadow:
        drop = max(2, radius // 3)
        shade = pygame.Rect(rect).move(0, drop)
        colour = darker(palette.background, 22)
        # The panel hides all of its shadow but two bands: its top corners and its foot.
        # Filling only those keeps a 4K panel from being filled twice (the same pixels).
        before = surface.get_clip()
        for band in (pygame.Rect(rect.x, rect.y, rect.width, radius + drop),
                     pygame.Rect(rect.x, rect.bottom - radius, rect.width, radius + drop)):
            surface.set_clip(band.clip(before))
            pygame.draw.rect(surface, colour, shade, border_radius=radius)
        surface.set_clip(before)
    inner = pygame.Rect(covered).clip(rect.inflate(-2 * radius, -2 * radius)) if covered else None
    if inner and inner.width > 0 and inner.height > 0:
        before = surface.get_clip()
        for band in (pygame.Rect(rect.x, rect.y, rect.width, inner.top - rect.y),
                     pygame.Rect(rect.x, inner.bottom, rect.width, rect.bottom - inner.bottom),
                     pygame.Rect(rect.x, inner.top, inner.left - rect.x, inner.height),
                     pygame.Rect(inner.right, inner.top, rect.right - inner.right, inner.height)):
            surface.set_clip(band.clip(before))
            pygame.draw.rect(surface, fill or palette.panel, rect, border_radius=radius)
        surface.set_clip(before)
    else:
        pygame.draw.rect(surface, fill or palette.panel, rect, border_radius=radius)
    pygame.draw.rect(surface, border or palette.line, rect, width=1, border_radius=radius)


def draw_focus(surface, rect, palette: Palette, radius: int = 10, gap: int = 4) -> None:
    """The focus ring: thick, outside the widget, in a colour used for nothing else."""
    ring = pygame.Rect(rect).inflate(gap * 2, gap * 2)
    pygame.draw.rect(surface, palette.focus, ring, width=max(3, gap - 1),
                     border_radius=radius + gap)


_VEILS: dict = {}
VEIL_TILE = 256     # the side of the veil tile, in pixels


def shade(surface, palette: Palette) -> None:
    """Dim everything drawn so far (behind a modal panel). The veil is one uniform tile
    blitted over the window, the same pixels as a window-sized veil: that one was kept
    for the last size, 33 MB for as long as the game ran after a modal at 4K."""
    veil = _VEILS.get(palette.shade)
    if veil is None:
        _VEILS.clear()
        veil = pygame.Surface((VEIL_TILE, VEIL_TILE), pygame.SRCALPHA)
        veil.fill(palette.shade)
        _VEILS[palette.shade] = veil
    width, height = surface.get_size()
    surface.blits([(veil, (x, y)) for y in range(0, height, VEIL_TILE)
                   for x in range(0, width, VEIL_TILE)], doreturn=False)


def darker(colour, amount):
    return tuple(max(0, c - amount) for c in colour[:3])



def draw_flat_card(surface, ctx, rect, focused: bool, border) -> int:
    """The flat card under a toggle or an answer, with the focus ring when focused.
    Returns its corner radius, or 0 when the rect is too small to draw anything in."""
    if rect.width <= 4 or rect.height <= 4:
        return 0
    text, palette = ctx.text, ctx.palette
    radius = max(4, text.px(8))
    if focused:
        draw_focus(surface, rect, palette, radius, gap=max(3, text.px(4)))
    draw_panel(surface, rect, palette, radius, fill=palette.card, border=border, shadow=False)
    return radius


def draw_star(surface, center, radius: int, colour, filled: bool = True) -> None:
    cx, cy = center
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.45
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    pygame.draw.polygon(surface, colour, points, 0 if filled else max(1, radius // 6))


def draw_stars(surface, topleft, radius: int, earned: int, palette: Palette, total: int = 3) -> int:
    """`earned` gold stars of `total`; returns the width used."""
    x, y = topleft
    for i in range(total):
        draw_star(surface, (x + radius + i * radius * 2.4, y + radius), radius,
                  palette.gold if i < earned else palette.line, filled=i < earned)
    return int(total * radius * 2.4)


def draw_lives(surface, topleft, radius: int, lives: int, total: int, palette: Palette) -> int:
    x, y = topleft
    for i in range(total):
        center = (x + radius + i * radius * 3, y + radius)
        if i < lives:
            pygame.draw.circle(surface, palette.accent, center, radius)
        else:
            pygame.draw.circle(surface, palette.line, center, radius, max(1, radius // 4))
    return total * radius * 3
