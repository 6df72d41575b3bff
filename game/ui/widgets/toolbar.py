"""A row of small buttons that the mouse (or a touch board) presses, beside the keys.

It never takes the keyboard focus: the keys it mirrors are the keyboard's way in.
`handle` presses a button on a click that starts and ends on it; other actions pass.
"""

from __future__ import annotations

from typing import Optional, Sequence

import pygame

from game.ui.core import input as keys


class Toolbar:
    def __init__(self, buttons: Sequence = ()) -> None:
        self.buttons = list(buttons)
        self._pressed: Optional[object] = None
        self.hovered: Optional[object] = None

    def layout(self, rect, ctx, width: int = 0) -> None:
        """Buttons side by side in `rect`, right-aligned, each as wide as its label needs
        (at least `width`), shrunk evenly when the row is too narrow."""
        text = ctx.text
        gap = text.px(8)
        wanted = [max(width, text.width(b.label, "button") + 2 * text.px(14) +
                      (text.width(b.key, "button") + text.px(12) if b.key else 0))
                  for b in self.buttons]
        total = sum(wanted) + gap * max(0, len(wanted) - 1)
        if total > rect.width and total > 0:
            share = (rect.width - gap * max(0, len(wanted) - 1)) / max(1, sum(wanted))
            wanted = [max(1, int(w * share)) for w in wanted]
            total = sum(wanted) + gap * max(0, len(wanted) - 1)
        x = rect.right - total
        for button, w in zip(self.buttons, wanted):
            button.rect = pygame.Rect(x, rect.y, w, rect.height)
            x += w + gap

    def at(self, pos):
        return next((b for b in self.buttons if b.rect.collidepoint(pos)), None)

    def handle(self, action) -> bool:
        """True when a button used the action (a click on it)."""
        kind = action.kind
        if kind == keys.POINTER_MOVE:
            self.hovered = self.at(action.pos)
            return False
        if kind == keys.POINTER_DOWN:
            self._pressed = self.at(action.pos)
            return self._pressed is not None
        if kind in (keys.POINTER_UP, getattr(keys, "DROP", keys.POINTER_UP)):
            pressed, self._pressed = self._pressed, None
            hit = self.at(action.pos)
            if hit is not None and hit is pressed:
                hit.press()
                return True
            return hit is not None
        return False

    def draw(self, surface, ctx) -> None:
        for button in self.buttons:
            button.draw(surface, ctx, focused=False, hovered=button is self.hovered)
