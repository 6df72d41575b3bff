"""A QR code drawn from its modules: black on white in every palette, so phones can scan it."""

from __future__ import annotations

from functools import lru_cache

import pygame

from game.lan.qr import qr_modules

QUIET_ZONE = 4          # modules of white around the symbol, as the QR standard asks


@lru_cache(maxsize=16)
def qr_for(text: str) -> tuple:
    """The modules of `text`'s QR code, computed once per text (drawing stays a pure read)."""
    return tuple(tuple(row) for row in qr_modules(text))


def qr_side(modules, room: int) -> int:
    """The largest square, in whole pixels per module, that fits `room` pixels."""
    count = len(modules) + 2 * QUIET_ZONE
    return max(0, room // count) * count


def draw_qr(surface, topleft, modules, side: int) -> pygame.Rect:
    """Draw `modules` (rows of booleans) as a `side`-pixel square; the rect it covers."""
    count = len(modules) + 2 * QUIET_ZONE
    cell = max(1, side // count)
    rect = pygame.Rect(topleft, (cell * count, cell * count))
    surface.fill((255, 255, 255), rect)
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            if dark:
                surface.fill((0, 0, 0), ((rect.x + (x + QUIET_ZONE) * cell,
                                          rect.y + (y + QUIET_ZONE) * cell), (cell, cell)))
    return rect
