"""Horizontal bars for shares (0..1): a label, a track, the filled part, a note at the end.
Used by the Progress screen. Rows that do not fit the rectangle are left out (the caller
says how many were shown)."""

from __future__ import annotations

import pygame


def draw_share_bars(surface, ctx, rect, rows, style: str = "small") -> int:
    """rows: (label, share, note). Returns how many rows were drawn."""
    text, palette = ctx.text, ctx.palette
    if not rows:
        return 0
    line = text.line_height(style)
    bar_h = max(line, text.px(22))
    gap = text.px(8)
    label_w = min(rect.width * 2 // 5, max(text.width(label, style) for label, *_ in rows) + text.px(12))
    note_w = max(text.width(note, style) for *_, note in rows) + text.px(12)
    track_w = max(text.px(40), rect.width - label_w - note_w)
    drawn = 0
    for i, (label, share, note) in enumerate(rows):
        y = rect.y + i * (bar_h + gap)
        if y + bar_h > rect.bottom:
            break
        image = text.render(text.fit(label, style, label_w - text.px(8)), style, palette.ink)
        surface.blit(image, (rect.x, y + (bar_h - image.get_height()) // 2))
        track = pygame.Rect(rect.x + label_w, y, track_w, bar_h)
        pygame.draw.rect(surface, palette.panel, track, border_radius=text.px(4))
        pygame.draw.rect(surface, palette.line, track, 1, border_radius=text.px(4))
        filled = track.copy()
        filled.width = round(track.width * max(0.0, min(1.0, share)))
        if filled.width:
            pygame.draw.rect(surface, palette.good, filled, border_radius=text.px(4))
        image = text.render(note, style, palette.muted)
        surface.blit(image, (track.right + text.px(8), y + (bar_h - image.get_height()) // 2))
        drawn += 1
    return drawn


def bars_height(ctx, count: int, style: str = "small") -> int:
    text = ctx.text
    bar_h = max(text.line_height(style), text.px(22))
    return count * (bar_h + text.px(8))
