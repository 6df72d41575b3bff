"""The keyboard focus among a scene's widgets."""

from __future__ import annotations

from typing import Optional, Sequence

from game.ui.core import input as keys
from game.ui.core.input import Action


class FocusRing:
    """Which of a scene's widgets has the keyboard focus; pointer and keys agree.

    Tab/Shift-Tab always move; arrows move too when `arrows` is set (menus). Hovering a
    widget only highlights it: the keyboard focus stays where the keys put it, so a
    resting mouse never changes what Enter presses (review m16). A click focuses.
    """

    def __init__(self, items: Sequence = (), arrows: bool = True) -> None:
        self.items: list = list(items)
        self.index = 0
        self.arrows = arrows
        self._pressed: Optional[int] = None
        self.hovered: Optional[int] = None

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
            self.hovered = hit if hit is not None and getattr(self.items[hit], "enabled", True) else None
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
            if index == self.hovered and index != self.index:
                try:
                    item.draw(surface, ctx, focused=False, hovered=True)
                    continue
                except TypeError:       # a widget that draws no hover state
                    pass
            item.draw(surface, ctx, focused=(index == self.index))


def grid_move(index: int, kind: str, count: int, cols: int) -> int:
    """Arrows in a grid of `cols` columns follow the layout: Down from the top right goes
    to the bottom right (review M2). At an edge the focus stays."""
    if count <= 0:
        return 0
    row, col = divmod(index, cols)
    if kind == keys.LEFT and col > 0:
        return index - 1
    if kind == keys.RIGHT and col < cols - 1 and index + 1 < count:
        return index + 1
    if kind == keys.UP and row > 0:
        return index - cols
    if kind == keys.DOWN and index + cols < count:
        return index + cols
    if cols == 1 and kind in (keys.LEFT, keys.RIGHT):
        return max(0, min(count - 1, index + (1 if kind == keys.RIGHT else -1)))
    return index
