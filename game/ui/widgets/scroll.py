"""A viewport onto content taller than it."""

from __future__ import annotations

import pygame

from game.ui.core import input as keys
from game.ui.core.input import Action
from game.ui.core.theme import Palette


class ScrollView:
    """A viewport onto content taller than it; wheel, arrows and page keys scroll it.

    Given the content's `line` height (text of one size), the view is a whole number of
    lines tall and scrolls by whole lines, so no line is ever cut in half at its top or
    bottom edge (review m3)."""

    def __init__(self) -> None:
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.content_height = 0
        self.offset = 0
        self.step = 40
        self.line = 0
        self._flat = None             # (key, the visible window flattened onto its background)

    def set_geometry(self, rect, content_height: int, step: int = 40, line: int = 0) -> None:
        self.rect = pygame.Rect(rect)
        self.line = max(0, int(line))
        if self.line and self.rect.height >= self.line:
            self.rect.height -= self.rect.height % self.line
        self.content_height = content_height
        self.step = max(8, step) if not self.line else max(self.line, step - step % self.line)
        self.offset = max(0, min(self._snap(self.offset), self.max_offset))

    @property
    def max_offset(self) -> int:
        top = max(0, self.content_height - self.rect.height)
        if self.line:
            top = -(-top // self.line) * self.line     # whole lines: the last one shows whole
        return top

    def _snap(self, offset: int) -> int:
        return offset - offset % self.line if self.line else offset

    def scroll(self, pixels: int) -> None:
        self.offset = max(0, min(self.max_offset, self._snap(self.offset + pixels)))

    def handle(self, action: Action, keyboard: bool = True) -> bool:
        if action.kind == keys.WHEEL and self.rect.collidepoint(action.pos):
            self.scroll(-action.dy * self.step)
            return True
        if not keyboard:
            return False
        moves = {keys.UP: -self.step, keys.DOWN: self.step,
                 keys.PAGE_UP: -self.rect.height + self.step,
                 keys.PAGE_DOWN: self.rect.height - self.step,
                 keys.HOME: -10**9, keys.END: 10**9}
        if action.kind in moves and self.max_offset > 0:
            self.scroll(moves[action.kind])
            return True
        return False

    def draw(self, surface, content: pygame.Surface, palette: Palette, background=None) -> None:
        """The visible part of `content`. Given the `background` it lies on, that part is
        kept flattened onto it until the view scrolls: an opaque copy costs a fraction of
        blending a large text surface every frame (a 4K source panel: ~2 ms a frame)."""
        if self.rect.width <= 0 or self.rect.height <= 0:
            return
        area = pygame.Rect(0, self.offset, self.rect.width, self.rect.height)
        area = area.clip(content.get_rect())
        if background is not None:     # always the whole view: its panel is not filled there
            surface.blit(self._flattened(content, area, background), self.rect.topleft)
        elif area.width > 0 and area.height > 0:
            surface.blit(content, self.rect.topleft, area)
        self.draw_bar(surface, palette)

    @property
    def covered(self) -> pygame.Rect:
        """What draw(background=...) paints opaque: the view's width, as tall as the
        content it shows (a short passage leaves the rest of its panel to the panel)."""
        shown = max(0, min(self.rect.height, self.content_height - self.offset))
        return pygame.Rect(self.rect.x, self.rect.y, self.rect.width, shown)

    def _flattened(self, content: pygame.Surface, area: pygame.Rect, background) -> pygame.Surface:
        key = (id(content), content.get_size(), tuple(area), self.rect.size, tuple(background))
        if self._flat is None or self._flat[0] != key:
            size = self.covered.size   # the view's width, the text's height
            flat = self._flat[1] if self._flat is not None else None
            if flat is None or flat.get_size() != size:
                # A new size: the old copy goes first (never two views at once). The same
                # size, while scrolling: the same pixels are painted again, since a fresh
                # 12 MB surface a frame at 4K costs its allocation and page faults.
                self._flat = flat = None
                flat = pygame.Surface(size)
            flat.fill(background)
            if area.width > 0 and area.height > 0:
                flat.blit(content, (0, 0), area)
            self._flat = (key, flat)
        return self._flat[1]

    def draw_bar(self, surface, palette: Palette) -> None:
        if self.max_offset > 0:  # a slim scroll bar shows there is more
            bar_w = max(3, self.rect.width // 120)
            track = pygame.Rect(self.rect.right + bar_w, self.rect.y, bar_w, self.rect.height)
            pygame.draw.rect(surface, palette.line, track, border_radius=bar_w)
            knob_h = max(bar_w * 4, self.rect.height * self.rect.height // self.content_height)
            knob_y = self.rect.y + (self.rect.height - knob_h) * self.offset // self.max_offset
            pygame.draw.rect(surface, palette.ink, (track.x, knob_y, bar_w, knob_h),
                             border_radius=bar_w)
