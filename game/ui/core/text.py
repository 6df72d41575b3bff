"""The one text helper: every glyph on screen is rendered here, and cached.

Fonts are cached by (path, size); rendered lines and wrapped blocks by their inputs
(text, font, colour, width), so a scene may ask for the same block every frame and pays
only for a dictionary look-up. Sizes come from a style name (theme.STYLES) times the
current scale, which app.py sets from the real window size and the text-size setting.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from pathlib import Path
from typing import Iterable, Sequence, Union

import pygame

from game import FONTS_DIR
from game.ui.core.theme import STYLES

# PT Serif for quotes and headings, PT Sans for the interface (ParaType, see LICENSE).
FONT_FILES = {
    "serif": "PTF55F.ttf",
    "serif-italic": "PTF56F.ttf",
    "serif-bold": "PTF75F.ttf",
    "sans": "PTS55F.ttf",
    "sans-bold": "PTS75F.ttf",
}
MIN_PX = 9
Style = Union[str, tuple]  # a name in STYLES, or (role, base size)
_TOKENS = re.compile(r"\n|[^\S\n]+|[^\s]+")


class _LRU(OrderedDict):
    """A bounded cache: resizing through many sizes must not grow memory for ever."""

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit
        self.enabled = True

    def get_or(self, key, make):
        if not self.enabled:
            return make()
        if key in self:
            self.move_to_end(key)
            return self[key]
        value = make()
        self[key] = value
        if len(self) > self.limit:
            self.popitem(last=False)
        return value


class TextHelper:
    def __init__(self, fonts_dir: Path = FONTS_DIR, cache_limit: int = 3000):
        if not pygame.font.get_init():
            pygame.font.init()
        self.fonts_dir = Path(fonts_dir)
        self.scale = 1.0
        self._fonts: dict = {}      # (role, pixel size) -> Font
        self._styled: dict = {}     # (style, scale) -> Font, the fast path
        self._lines = _LRU(cache_limit)
        self._wraps = _LRU(cache_limit)
        self._blocks = _LRU(cache_limit // 4)

    # --- sizes and fonts ------------------------------------------------------------
    def set_scale(self, scale: float) -> None:
        self.scale = scale

    def px(self, base: float) -> int:
        """A length at the reference size, in pixels now."""
        return max(1, round(base * self.scale))

    def _resolve(self, style: Style) -> tuple[str, int]:
        role, base = STYLES[style] if isinstance(style, str) else style
        return role, max(MIN_PX, round(base * self.scale))

    def font(self, style: Style) -> pygame.font.Font:
        # Called many times a frame: the look-up is by (style, scale) alone, and the path
        # is built only when a font is first opened (fonts_dir is fixed per helper).
        key = (style, self.scale)
        found = self._styled.get(key)
        if found is None:
            if len(self._styled) > 1000:    # many window sizes: start the fast path over
                self._styled.clear()
            role, size = self._resolve(style)
            found = self._styled[key] = self._open(role, size)
        return found

    def _open(self, role: str, size: int) -> pygame.font.Font:
        key = (role, size)
        if key not in self._fonts:
            path = self.fonts_dir / FONT_FILES[role]
            try:
                self._fonts[key] = pygame.font.Font(str(path), size)
            except (OSError, FileNotFoundError):
                # A damaged install still shows text, in pygame's own font.
                self._fonts[key] = pygame.font.Font(None, size)
        return self._fonts[key]

    def line_height(self, style: Style) -> int:
        return self.font(style).get_linesize()

    def width(self, text: str, style: Style) -> int:
        return self.font(style).size(text)[0]

    # --- single lines ---------------------------------------------------------------
    def render(self, text: str, style: Style, colour: tuple) -> pygame.Surface:
        """One line of text (no wrapping), cached."""
        font = self.font(style)
        key = (text, id(font), tuple(colour))
        return self._lines.get_or(key, lambda: font.render(text, True, colour))

    def fit(self, text: str, style: Style, width: int) -> str:
        """`text` shortened with an ellipsis to fit `width` (for one-line labels only)."""
        font = self.font(style)
        if font.size(text)[0] <= width:
            return text
        lo, hi = 0, len(text)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if font.size(text[:mid].rstrip() + "\u2026")[0] <= width:
                lo = mid
            else:
                hi = mid - 1
        return text[:lo].rstrip() + "\u2026"

    # --- wrapping -------------------------------------------------------------------
    def wrap(self, text: str, style: Style, width: int) -> tuple[str, ...]:
        """Lines of `text` no wider than `width`; words too long are broken."""
        font = self.font(style)
        width = max(1, int(width))
        key = (text, id(font), width)
        return self._wraps.get_or(key, lambda: tuple(_wrap(text, font, width)))

    def block_size(self, text: str, style: Style, width: int) -> tuple[int, int]:
        lines = self.wrap(text, style, width)
        widest = max((self.width(line, style) for line in lines), default=0)
        return widest, len(lines) * self.line_height(style)

    def block(self, text: str, style: Style, colour: tuple, width: int,
              align: str = "left") -> pygame.Surface:
        """`text` wrapped to `width` and rendered, one surface, cached."""
        font = self.font(style)
        width = max(1, int(width))
        key = ("block", text, id(font), tuple(colour), width, align)

        def make():
            lines = self.wrap(text, style, width)
            height = font.get_linesize()
            surface = pygame.Surface((width, max(1, height * len(lines))), pygame.SRCALPHA)
            for index, line in enumerate(lines):
                image = self.render(line, style, colour)
                x = {"left": 0, "center": (width - image.get_width()) // 2,
                     "right": width - image.get_width()}[align]
                surface.blit(image, (x, index * height))
            return surface

        return self._blocks.get_or(key, make)

    def rich(self, runs: Sequence[tuple], width: int, size_style: Style = "serif") -> pygame.Surface:
        """Wrapped text made of runs (text, style, colour, background or None).

        Used for a source passage with its excerpt highlighted. Lines are spaced by the
        tallest font among the runs (`size_style` gives the minimum).
        """
        width = max(1, int(width))
        key = ("rich", tuple((t, s, tuple(c), tuple(b) if b else None) for t, s, c, b in runs),
               width, self.scale, size_style)
        return self._blocks.get_or(key, lambda: self._make_rich(runs, width, size_style))

    def _make_rich(self, runs, width, size_style):
        line_h = max([self.line_height(size_style)] + [self.line_height(r[1]) for r in runs])
        lines: list[list[tuple]] = [[]]   # each piece: (x, text, style, colour, background)
        x = 0
        for text, style, colour, background in runs:
            font = self.font(style)
            for token in _TOKENS.findall(text):
                if token == "\n":
                    lines.append([])
                    x = 0
                    continue
                if token.isspace():
                    if x == 0:
                        continue
                    token = " "
                w = font.size(token)[0]
                if x + w > width and x > 0:
                    lines.append([])
                    x = 0
                    if token == " ":
                        continue
                for part in _break_word(token, font, width) if w > width else [token]:
                    pw = font.size(part)[0]
                    if x + pw > width and x > 0:
                        lines.append([])
                        x = 0
                    lines[-1].append((x, part, style, colour, background))
                    x += pw
        surface = pygame.Surface((width, max(1, line_h * len(lines))), pygame.SRCALPHA)
        for row, pieces in enumerate(lines):
            y = row * line_h
            for px_, part, style, colour, background in _merge(pieces):
                image = self.render(part, style, colour)
                if background:
                    surface.fill(background, (px_, y, image.get_width(), line_h))
                surface.blit(image, (px_, y + (line_h - image.get_height()) // 2))
        return surface

    def set_caching(self, on: bool) -> None:
        """Turn the line/wrap/block caches off (fonts stay cached): only the benchmark
        does this, to show what caching buys."""
        for cache in (self._lines, self._wraps, self._blocks):
            cache.enabled = on
        self.clear()

    def clear(self) -> None:
        self._lines.clear()
        self._wraps.clear()
        self._blocks.clear()


def _merge(pieces):
    """Adjacent pieces of the same style become one rendered string (fewer renders)."""
    merged: list[list] = []
    for x, part, style, colour, background in pieces:
        if merged and merged[-1][2:] == [style, colour, background]:
            merged[-1][1] += part
        else:
            merged.append([x, part, style, colour, background])
    # Trailing spaces would paint highlight past the last word.
    if merged:
        merged[-1][1] = merged[-1][1].rstrip() or merged[-1][1]
    return merged


def _break_word(word: str, font, width: int) -> list[str]:
    parts, current = [], ""
    for char in word:
        if current and font.size(current + char)[0] > width:
            parts.append(current)
            current = char
        else:
            current += char
    if current:
        parts.append(current)
    return parts


def _wrap(text: str, font, width: int) -> Iterable[str]:
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            yield ""
            continue
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if font.size(candidate)[0] <= width:
                line = candidate
                continue
            if line:
                yield line
            if font.size(word)[0] <= width:
                line = word
            else:
                *whole, line = _break_word(word, font, width)
                yield from whole
        yield line
