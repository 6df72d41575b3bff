"""Event cards as the play screens draw them: the title (wrapped, never cut) and the date
once it may be shown; a state colours the edge (focused, held, right, wrong)."""

from __future__ import annotations

import pygame

from game.ui.widgets.shapes import draw_focus, draw_panel

TITLE = "card"
DATE = "card-date"


def card_height(ctx, event, width: int, show_date: bool, note: str = "") -> int:
    text = ctx.text
    pad = text.px(10)
    h = text.block_size(event.title, TITLE, max(1, width - 2 * pad))[1] + 2 * pad
    if show_date:
        h += text.line_height(DATE) + text.px(2)
    if note:
        h += text.line_height("small")
    return h


def draw_event_card(surface, ctx, rect, event, *, show_date: bool, focused: bool = False,
              state: str = "", note: str = "", lifted: bool = False) -> None:
    """state: "" | "right" | "wrong"; lifted: being carried (drawn with a shadow)."""
    text, palette = ctx.text, ctx.palette
    rect = pygame.Rect(rect)
    if rect.width <= 4 or rect.height <= 4:
        return
    radius = max(4, text.px(8))
    if lifted:
        pygame.draw.rect(surface, palette.line, rect.move(text.px(5), text.px(6)),
                         border_radius=radius)
    if focused:
        draw_focus(surface, rect, palette, radius, gap=max(3, text.px(4)))
    edge = {"right": palette.good, "wrong": palette.bad}.get(state, palette.line)
    draw_panel(surface, rect, palette, radius, fill=palette.card, border=edge, shadow=False)
    if state:
        pygame.draw.rect(surface, edge, rect, width=max(2, text.px(3)), border_radius=radius)
    pygame.draw.rect(surface, palette.accent if not state else edge,
                     (rect.x, rect.y + radius // 2, max(3, text.px(5)), rect.height - radius),
                     border_radius=2)
    pad = text.px(10)
    title = text.block(event.title, TITLE, palette.ink, max(1, rect.width - 2 * pad))
    surface.blit(title, (rect.x + pad, rect.y + pad),
                 pygame.Rect(0, 0, title.get_width(), max(0, rect.height - 2 * pad)))
    y = rect.bottom - pad // 2
    if note:
        image = text.render(text.fit(note, "small", rect.width - 2 * pad), "small", edge)
        y -= image.get_height()
        surface.blit(image, (rect.x + pad, y))
    if show_date:
        image = text.render(text.fit(event.when, DATE, rect.width - 2 * pad), DATE,
                            palette.muted)
        y -= image.get_height()
        surface.blit(image, (rect.x + pad, y))
