"""The frame every screen shares: a header with the screen's title, a body, a footer of
key hints. Computed from the real window size; drawing it changes nothing."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.core.theme import spacing


@dataclass(frozen=True)
class Frame:
    header: pygame.Rect
    body: pygame.Rect
    footer: pygame.Rect
    margin: int
    gap: int


def frame(size, text) -> Frame:
    w, h = size
    margin = max(8, min(spacing(text.scale, 4), w // 20))
    gap = spacing(text.scale, 2)
    header_h = text.line_height("title") + gap
    footer_h = text.line_height("small") + gap
    header = pygame.Rect(margin, gap, max(1, w - 2 * margin), header_h)
    footer = pygame.Rect(margin, h - footer_h, max(1, w - 2 * margin), footer_h)
    body = pygame.Rect(margin, header.bottom + gap, max(1, w - 2 * margin),
                       max(1, footer.top - header.bottom - 2 * gap))
    return Frame(header, body, footer, margin, gap)


def draw_header(surface, ctx, fr: Frame, title: str, right: str = "") -> None:
    palette, text = ctx.palette, ctx.text
    # A deep-red band across the top with a gold rule under it: the period touch.
    band = pygame.Rect(0, 0, surface.get_width(), max(4, text.px(6)))
    surface.fill(palette.accent, band)
    y = fr.header.bottom - text.px(2)
    pygame.draw.line(surface, palette.gold, (fr.header.x, y), (fr.header.right, y),
                     max(1, text.px(2)))
    right_img = text.render(right, "small", palette.muted) if right else None
    room = fr.header.width - (right_img.get_width() + fr.gap if right_img else 0)
    label = text.render(text.fit(title, "title", room), "title", palette.accent)
    surface.blit(label, (fr.header.x, y - label.get_height() - text.px(2)))
    if right_img:
        surface.blit(right_img, (fr.header.right - right_img.get_width(),
                                 y - right_img.get_height() - text.px(6)))


def draw_footer(surface, ctx, fr: Frame, hints: str, reserve: int = 0) -> None:
    """The key hints, left; `reserve` pixels at the right are kept for the screen's own
    controls in the footer row (a hint button, a clock)."""
    text = ctx.text
    width = max(1, fr.footer.width - reserve)
    image = text.render(text.fit(hints, "small", width), "small", ctx.palette.muted)
    surface.blit(image, (fr.footer.x, fr.footer.centery - image.get_height() // 2))
