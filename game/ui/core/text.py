"""The one text helper: every glyph on screen is rendered here, and cached.

Fonts are cached by (path, size); rendered lines and wrapped blocks by their inputs
(text, font, colour, width), so a scene may ask for the same block every frame and pays
only for a dictionary look-up. Sizes come from a style name (theme.STYLES) times the
current scale, which app.py sets from the real window size and the text-size setting.

Memory: lines and blocks share one cache bounded in bytes of pixels, sized from the
window (`cache_budget`: about two windows' worth; the text of one screen is well under
one). A block's lines are rendered straight into it, not kept a second time as lines.
A new scale drops everything rendered at the old one, and the fonts it will not use.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from pathlib import Path
from typing import Iterable, Optional, Sequence, Union

import pygame

from game import FONTS_DIR
from game.ui.core import memory
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


# Bounds that keep any text, however long or strange, from building a surface past what a
# screen can show (a 1.85 MB line once made pygame allocate past 2^31 bytes and crash).
MAX_LINE_CHARS = 2_000          # characters rendered on one line (the rest: an ellipsis)
MAX_LINE_PX = 8_192             # pixels wide of one rendered line or block
MAX_WRAP_CHARS = 20_000         # characters wrapped into a block (the rest: an ellipsis)
MAX_SURFACE_BYTES = 3840 * 2160 * 4   # one block: at most one 4K screen of pixels
# The caches are bounded in bytes of pixels, not in entries: a few huge surfaces and many
# small ones cost what they really cost. Rendered lines and blocks share one budget, of
# about CACHE_WINDOWS windows' worth of 32-bit pixels (cache_budget), within these bounds.
CACHE_WINDOWS = 2
MIN_CACHE_BYTES = 8 * 1024 * 1024
MAX_CACHE_BYTES = 32 * 1024 * 1024
DEFAULT_CACHE_BYTES = 16 * 1024 * 1024      # until the window is known (a 1920x1080 one)
MIN_SHARE_OF_BUDGET = 4   # what others hold (hold()) leaves text at least 1/4 of its budget
WRAP_CACHE_CHARS = 2_000_000
MAX_FONTS = 48                  # open fonts (role x pixel size); a new scale trims them
ELLIPSIS = "\u2026"
# Control characters are shown as the Unicode "control pictures" (NUL as ␀, ESC as ␛);
# lone surrogates (from a "\ud800" escape) as the replacement character.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _picture(match) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def clean(text: str) -> str:
    """`text` safe for a font: controls shown as pictures, tabs as spaces."""
    text = str(text)
    if "\t" in text:
        text = text.replace("\t", "    ")
    return _CONTROLS.sub(_picture, text)


def _surface_bytes(value) -> int:
    if isinstance(value, pygame.Surface):
        return value.get_width() * value.get_height() * value.get_bytesize() + 200
    if isinstance(value, tuple):   # wrapped lines
        return sum(len(line) for line in value) + 50 * len(value) + 100
    return 100


def cache_budget(size) -> int:
    """Bytes of rendered text kept for a window of `size`: CACHE_WINDOWS windows of 32-bit
    pixels, at least MIN_CACHE_BYTES and at most MAX_CACHE_BYTES. Text grows with the
    window (the scale follows it), so a fixed budget would be too small at 4K and
    needlessly big in a small window."""
    width, height = size
    return min(MAX_CACHE_BYTES, max(MIN_CACHE_BYTES, CACHE_WINDOWS * 4 * width * height))


class _LRU(OrderedDict):
    """A cache bounded by the bytes its values cost (`cost`), least recently used out
    first: resizing through many sizes, or one huge text, never grows memory for ever."""

    def __init__(self, limit: int, cost=_surface_bytes):
        super().__init__()
        self.limit = limit
        self.cost = cost
        self.total = 0
        self.enabled = True

    def get_or(self, key, make):
        if not self.enabled:
            return make()
        if key in self:
            self.move_to_end(key)
            return self[key]
        value = make()
        size = self.cost(value)
        if size > self.limit:
            return value            # bigger than the whole cache: used once, not kept
        self[key] = value
        self.total += size
        self.trim()
        return value

    def trim(self, room: int = 0) -> None:
        """Least recently used out until the total (and `room` more) is within the limit."""
        while self.total + room > self.limit and self:
            _, dropped = self.popitem(last=False)
            self.total -= self.cost(dropped)

    def make_room(self, nbytes: int) -> None:
        """Evict before a value of `nbytes` is made, not after: the peak is then the limit,
        not the limit plus the new value (a 4K passage is 10 MB). A value bigger than the
        whole cache is not kept, so it evicts nothing."""
        if self.enabled and nbytes <= self.limit:
            self.trim(nbytes)

    def set_limit(self, limit: int) -> None:
        self.limit = limit
        self.trim()

    def clear(self) -> None:
        super().clear()
        self.total = 0


class TextHelper:
    def __init__(self, fonts_dir: Path = FONTS_DIR, cache_bytes: int = DEFAULT_CACHE_BYTES,
                 wrap_chars: int = WRAP_CACHE_CHARS):
        if not pygame.font.get_init():
            pygame.font.init()
        self.fonts_dir = Path(fonts_dir)
        self.scale = 1.0
        self._fonts: OrderedDict = OrderedDict()   # (role, pixel size) -> Font, LRU
        self._styled: dict = {}     # (style, scale) -> Font, the fast path
        # Rendered lines and blocks, one budget: keys start with the font (a line) or
        # with "block" / "rich", so they never collide. A key holds its font, so a font
        # closed while its lines are cached cannot hand its address to another one.
        self._surfaces = _LRU(cache_bytes)
        self._wraps = _LRU(wrap_chars)
        self._budget = cache_bytes
        self._held: dict[str, int] = {}   # other pixel keepers sharing the budget (hold)

    # --- sizes and fonts ------------------------------------------------------------
    def set_scale(self, scale: float) -> None:
        """A new scale (the window was resized): what was rendered at the old one is
        never drawn again, so it is dropped rather than left to fill the caches, and so
        are the fonts the new scale will not ask for."""
        if scale == self.scale:
            return
        styles = {style for style, _ in self._styled}
        had = self._surfaces.total
        self._surfaces.clear()
        self._wraps.clear()
        self._styled.clear()
        self.scale = scale
        wanted = {self._resolve(style) for style in styles}
        for key in [key for key in self._fonts if key not in wanted]:
            del self._fonts[key]
        if had:
            memory.release()

    def set_budget(self, cache_bytes: int) -> None:
        """Bound the rendered lines and blocks to `cache_bytes` of pixels (the app sets
        cache_budget(window size) whenever the window changes)."""
        self._budget = max(0, int(cache_bytes))
        self._apply_budget()

    def hold(self, owner: str, nbytes: int) -> None:
        """Another keeper of rendered pixels (Explore's label tiles) says how many bytes it
        holds now (0 when it lets go): the line and block cache gives up as much, down to
        a quarter of the budget, so the two together stay within one budget."""
        if nbytes > 0:
            self._held[owner] = int(nbytes)
        else:
            self._held.pop(owner, None)
        self._apply_budget()

    def _apply_budget(self) -> None:
        floor = self._budget // MIN_SHARE_OF_BUDGET
        limit = max(floor, self._budget - sum(self._held.values()))
        if limit == self._surfaces.limit:
            return
        before = self._surfaces.total
        self._surfaces.set_limit(limit)
        if self._surfaces.total < before:
            memory.release()

    @property
    def budget(self) -> int:
        """What the line and block cache may hold now (the budget less what others hold)."""
        return self._surfaces.limit

    @property
    def open_fonts(self) -> int:
        return len(self._fonts)

    def cached_bytes(self) -> int:
        """Pixel bytes held by the line and block cache (for tests and the benchmark)."""
        return self._surfaces.total

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
        if key in self._fonts:
            self._fonts.move_to_end(key)
            return self._fonts[key]
        path = self.fonts_dir / FONT_FILES[role]
        try:
            font = pygame.font.Font(str(path), size)
        except (OSError, FileNotFoundError):
            # A damaged install still shows text, in pygame's own font.
            font = pygame.font.Font(None, size)
        self._fonts[key] = font
        while len(self._fonts) > MAX_FONTS:   # sizes of windows long gone
            self._fonts.popitem(last=False)
        return font

    def line_height(self, style: Style) -> int:
        return self.font(style).get_linesize()

    def width(self, text: str, style: Style) -> int:
        return _measure(self.font(style), clean(text)[:MAX_LINE_CHARS])

    # --- single lines ---------------------------------------------------------------
    def render(self, text: str, style: Style, colour: tuple) -> pygame.Surface:
        """One line of text (no wrapping), cached. Never raises: text that draws nothing
        (U+200B alone) gives an empty line, a line wider than MAX_LINE_PX is cut."""
        font = self.font(style)
        key = (font, text, tuple(colour))
        return self._surfaces.get_or(key, lambda: _render_line(font, text, colour))

    def fit(self, text: str, style: Style, width: int) -> str:
        """`text` shortened with an ellipsis to fit `width` (for one-line labels only)."""
        return _fit(self.font(style), clean(text)[:MAX_LINE_CHARS], width)

    # --- wrapping -------------------------------------------------------------------
    def wrap(self, text: str, style: Style, width: int) -> tuple[str, ...]:
        """Lines of `text` no wider than `width`; words too long are broken. Text past
        MAX_WRAP_CHARS is left out (an ellipsis ends what is shown)."""
        font = self.font(style)
        width = max(1, min(MAX_LINE_PX, int(width)))
        key = (text, font, width)
        return self._wraps.get_or(key, lambda: tuple(_wrap(_bounded(text), font, width)))

    def block_size(self, text: str, style: Style, width: int) -> tuple[int, int]:
        lines = self.wrap(text, style, width)
        widest = max((self.width(line, style) for line in lines), default=0)
        return widest, len(lines) * self.line_height(style)

    def block(self, text: str, style: Style, colour: tuple, width: int,
              align: str = "left", background: Optional[tuple] = None) -> pygame.Surface:
        """`text` wrapped to `width` and rendered, one surface, cached. `background`: the
        flat colour it will be drawn on, baked in: an opaque block is copied, not blended,
        several times cheaper to draw every frame (a 4K verdict's column: 1.5 -> 0.5 ms)."""
        font = self.font(style)
        width = max(1, min(MAX_LINE_PX, int(width)))
        key = ("block", text, font, tuple(colour), width, align,
               tuple(background) if background else None)

        def make():
            height = font.get_linesize()
            lines = _at_most(self.wrap(text, style, width), width, height)
            self._surfaces.make_room(4 * width * height * len(lines))
            size = (width, max(1, height * len(lines)))
            if background:
                surface = pygame.Surface(size)
                if pygame.display.get_surface() is not None:
                    surface = surface.convert()
                surface.fill(background)
            else:
                surface = pygame.Surface(size, pygame.SRCALPHA)
            for index, line in enumerate(lines):
                image = _render_line(font, line, colour)   # kept once: in the block
                x = {"left": 0, "center": (width - image.get_width()) // 2,
                     "right": width - image.get_width()}[align]
                surface.blit(image, (x, index * height))
            return surface

        return self._surfaces.get_or(key, make)

    def rich(self, runs: Sequence[tuple], width: int, size_style: Style = "serif") -> pygame.Surface:
        """Wrapped text made of runs (text, style, colour, background or None).

        Used for a source passage with its excerpt highlighted. Lines are spaced by the
        tallest font among the runs (`size_style` gives the minimum).
        """
        width = max(1, min(MAX_LINE_PX, int(width)))
        runs = _bounded_runs(runs)
        key = ("rich", tuple((t, s, tuple(c), tuple(b) if b else None) for t, s, c, b in runs),
               width, self.scale, size_style)
        return self._surfaces.get_or(key, lambda: self._make_rich(runs, width, size_style))

    def rich_size(self, runs: Sequence[tuple], width: int,
                  size_style: Style = "serif") -> tuple[int, int]:
        """The size `rich` would give, laid out but not rendered (nothing is cached): to
        measure part of a passage without a surface of its pixels."""
        width = max(1, min(MAX_LINE_PX, int(width)))
        lines, line_h = self._rich_lines(_bounded_runs(runs), width, size_style)
        return width, max(1, line_h * len(lines))

    def _rich_lines(self, runs, width, size_style) -> tuple[list, int]:
        """The lines of pieces (x, text, style, colour, background) and their spacing."""
        line_h = max([self.line_height(size_style)] + [self.line_height(r[1]) for r in runs])
        lines: list[list[tuple]] = [[]]   # each piece: (x, text, style, colour, background)
        # Pieces of one look in a row are drawn as one string (_merge), whose width is not
        # the sum of its words' widths (kerning, rounding): so x is measured on the whole
        # segment so far, or a highlighted phrase grows over the space after it.
        x, seg_x, seg_text = 0, 0, ""
        for text, style, colour, background in runs:
            font = self.font(style)
            seg_x, seg_text = x, ""          # a new run starts a new segment
            for token in _TOKENS.findall(clean(text)):
                if token == "\n":
                    lines.append([])
                    x, seg_x, seg_text = 0, 0, ""
                    continue
                if token.isspace():
                    if x == 0:
                        continue
                    token = " "
                w = _measure(font, token)
                if seg_x + _measure(font, seg_text + token) > width and x > 0:
                    lines.append([])
                    x, seg_x, seg_text = 0, 0, ""
                    if token == " ":
                        continue
                for part in _break_word(token, font, width) if w > width else [token]:
                    end = seg_x + _measure(font, seg_text + part)
                    if end > width and x > 0:
                        lines.append([])
                        x, seg_x, seg_text = 0, 0, ""
                        end = _measure(font, part)
                    lines[-1].append((x, part, style, colour, background))
                    seg_text += part
                    x = end
        return _at_most(lines, width, line_h), line_h

    def _make_rich(self, runs, width, size_style):
        lines, line_h = self._rich_lines(runs, width, size_style)
        self._surfaces.make_room(4 * width * line_h * len(lines))
        surface = pygame.Surface((width, max(1, line_h * len(lines))), pygame.SRCALPHA)
        for row, pieces in enumerate(lines):
            y = row * line_h
            for px_, part, style, colour, background in _merge(pieces):
                image = _render_line(self.font(style), part, colour)   # kept in the block
                if background:
                    surface.fill(background, (px_, y, image.get_width(), line_h))
                surface.blit(image, (px_, y + (line_h - image.get_height()) // 2))
        return surface

    def set_caching(self, on: bool) -> None:
        """Turn the line/wrap/block caches off (fonts stay cached): only the benchmark
        does this, to show what caching buys."""
        for cache in (self._surfaces, self._wraps):
            cache.enabled = on
        self.clear()

    def clear(self) -> None:
        """Drop every rendered line, wrap and block (fonts stay open), and give the
        freed pixels back to the system."""
        had = self._surfaces.total
        self._surfaces.clear()
        self._wraps.clear()
        if had:
            memory.release()


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


def _measure(font, text: str) -> int:
    """The width of `text` (already clean), 0 when the font cannot measure it."""
    try:
        return font.size(text)[0]
    except (pygame.error, ValueError, UnicodeError):
        return 0


def _fit(font, text: str, width: int) -> str:
    if _measure(font, text) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if _measure(font, text[:mid].rstrip() + ELLIPSIS) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS


def _render_line(font, text: str, colour) -> pygame.Surface:
    """`font.render` that never raises and never builds a line past MAX_LINE_PX."""
    shown = clean(text)
    if len(shown) > MAX_LINE_CHARS:
        shown = shown[:MAX_LINE_CHARS] + ELLIPSIS
    if _measure(font, shown) > MAX_LINE_PX:
        shown = _fit(font, shown, MAX_LINE_PX)
    try:
        image = font.render(shown, True, colour)
        if image.get_width() > 0:
            return image
    except (pygame.error, ValueError, UnicodeError):
        pass   # "Text has zero width" (U+200B alone), an embedded NUL, a lone surrogate
    return pygame.Surface((1, font.get_linesize()), pygame.SRCALPHA)


def _bounded(text: str) -> str:
    text = str(text)
    return text if len(text) <= MAX_WRAP_CHARS else text[:MAX_WRAP_CHARS] + ELLIPSIS


def _bounded_runs(runs) -> tuple:
    """Runs cut so that together they hold at most MAX_WRAP_CHARS characters."""
    out, left = [], MAX_WRAP_CHARS
    for text, style, colour, background in runs:
        if left <= 0:
            break
        text = str(text)
        if len(text) > left:
            text = text[:left] + ELLIPSIS
        left -= len(text)
        out.append((text, style, colour, background))
    return tuple(out)


def _at_most(lines, width: int, line_h: int):
    """The lines that fit in a surface of at most MAX_SURFACE_BYTES (4 bytes a pixel)."""
    most = max(1, MAX_SURFACE_BYTES // (4 * max(1, width) * max(1, line_h)))
    return lines if len(lines) <= most else lines[:most]


def _break_word(word: str, font, width: int) -> list[str]:
    """`word` in pieces no wider than `width` (at least one character each); each piece
    found by halving, so a 20,000-character word costs a few hundred measurements."""
    parts = []
    rest = word
    while rest:
        lo, hi = 1, min(len(rest), max(1, width))   # a character is at least 1 px wide
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if _measure(font, rest[:mid]) <= width:
                lo = mid
            else:
                hi = mid - 1
        parts.append(rest[:lo])
        rest = rest[lo:]
    return parts


def _wrap(text: str, font, width: int) -> Iterable[str]:
    text = clean(text)
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            yield ""
            continue
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if _measure(font, candidate) <= width:
                line = candidate
                continue
            if line:
                yield line
            if _measure(font, word) <= width:
                line = word
            else:
                *whole, line = _break_word(word, font, width)
                yield from whole
        yield line
