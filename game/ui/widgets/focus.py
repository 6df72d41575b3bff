"""The keyboard focus among a scene's widgets."""

from __future__ import annotations

from typing import Optional, Sequence

from game.ui.core import input as keys
from game.ui.core.input import Action


class FocusRing:
    """Which of a scene's widgets has the keyboard focus; pointer and keys agree.

    Tab/Shift-Tab always move; arrows move too when `arrows` is set (menus). Hovering a
    widget focuses it, so there is one highlight, never two.
    """

    def __init__(self, items: Sequence = (), arrows: bool = True) -> None:
        self.items: list = list(items)
        self.index = 0
        self.arrows = arrows
        self._pressed: Optional[int] = None

    def set_items(self, items: Sequence, keep: bool = True) -> None:
        self.items = list(items)
        if not keep or self.index >= len(self.items):
            self.index = 0

    @property
    def focused(self):
        return self.items[self.index] if self.items else None

    def focus(self, item) -> None:
        if item in self.items:
            self.index = self.items.index(item)

    def move(self, step: int) -> None:
        if not self.items:
            return
        for _ in range(len(self.items)):
            self.index = (self.index + step) % len(self.items)
            if getattr(self.items[self.index], "enabled", True):
                return

    def at(self, pos) -> Optional[int]:
        for index, item in enumerate(self.items):
            if item.rect.collidepoint(pos):
                return index
        return None

    def handle(self, action: Action) -> bool:
        """True when the action was used (moved focus or pressed a widget)."""
        kind = action.kind
        if kind in (keys.NEXT, keys.PREV):
            self.move(1 if kind == keys.NEXT else -1)
            return True
        if self.arrows and kind in (keys.UP, keys.LEFT, keys.DOWN, keys.RIGHT):
            self.move(-1 if kind in (keys.UP, keys.LEFT) else 1)
            return True
        if kind == keys.CONFIRM and self.focused is not None:
            self.focused.press()
            return True
        if kind in (keys.POINTER_MOVE, keys.DRAG_START, keys.DRAG):
            hit = self.at(action.pos)
            if hit is not None and getattr(self.items[hit], "enabled", True):
                self.index = hit
            return False
        if kind == keys.POINTER_DOWN:
            self._pressed = self.at(action.pos)
            return self._pressed is not None
        if kind in (keys.POINTER_UP, keys.DROP):      # a shaky click still clicks
            pressed, self._pressed = self._pressed, None
            hit = self.at(action.pos)
            if hit is not None and hit == pressed:
                self.index = hit
                self.items[hit].press()
                return True
        return False

    def draw(self, surface, ctx) -> None:
        for index, item in enumerate(self.items):
            item.draw(surface, ctx, focused=(index == self.index))
