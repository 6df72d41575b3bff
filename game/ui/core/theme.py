"""A restrained period palette (paper, deep red, charcoal, muted gold) and spacing.

Colours are plain RGB tuples so the text cache can key on them. The high-contrast
variant keeps the same roles, so scenes never ask which palette is active.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Palette:
    name: str
    background: tuple      # the page
    panel: tuple           # raised areas: panels, dialogs
    card: tuple            # event cards
    ink: tuple             # body text
    muted: tuple           # secondary text, axis labels
    accent: tuple          # deep red: headings, primary buttons
    accent_ink: tuple      # text on accent
    gold: tuple            # rules, stars, the drop target
    focus: tuple           # keyboard focus ring
    line: tuple            # borders and ticks
    good: tuple            # right answers
    bad: tuple             # wrong answers
    highlight: tuple       # background behind a highlighted excerpt
    shade: tuple           # dimming behind a modal (RGBA)


PAPER = Palette(
    name="paper",
    background=(242, 234, 219),
    panel=(250, 246, 236),
    card=(255, 252, 244),
    ink=(38, 36, 34),
    muted=(92, 86, 78),
    accent=(140, 27, 27),
    accent_ink=(255, 249, 238),
    gold=(168, 130, 52),
    focus=(24, 70, 140),
    line=(170, 158, 138),
    good=(36, 104, 56),
    bad=(160, 28, 28),
    highlight=(240, 214, 140),
    shade=(30, 26, 22, 150),
)

HIGH_CONTRAST = Palette(
    name="high-contrast",
    background=(255, 255, 255),
    panel=(255, 255, 255),
    card=(255, 255, 255),
    ink=(0, 0, 0),
    muted=(0, 0, 0),
    accent=(120, 0, 0),
    accent_ink=(255, 255, 255),
    gold=(0, 0, 0),
    focus=(0, 60, 220),
    line=(0, 0, 0),
    good=(0, 100, 0),
    bad=(170, 0, 0),
    highlight=(255, 230, 0),
    shade=(0, 0, 0, 190),
)


def palette(high_contrast: bool) -> Palette:
    return HIGH_CONTRAST if high_contrast else PAPER


# Type styles: (font role, size in pixels at the reference window 1280x800).
STYLES = {
    "display": ("serif-bold", 72),
    "title": ("serif-bold", 44),
    "heading": ("serif-bold", 30),
    "subheading": ("sans-bold", 22),
    "body": ("sans", 21),
    "serif": ("serif", 22),
    "serif-b": ("serif-bold", 22),
    "small": ("sans", 17),
    "button": ("sans-bold", 21),
    "quote": ("serif-italic", 32),
    "card": ("serif-bold", 19),
    "card-date": ("sans", 16),
}

REFERENCE_SIZE = (1280, 800)
PORTRAIT_SIZE = (960, 1200)
MAX_SCALE = 2.7                 # 2.2 (a 4K window) x 1.22 (large)     # the reference for windows taller than wide
TEXT_SIZES = {"small": 0.88, "medium": 1.0, "large": 1.22, "extra-large": 1.6}
TEXT_SIZE_ORDER = ("small", "medium", "large", "extra-large")


def window_scale(size: tuple[int, int], text_size: str = "medium") -> float:
    """How big things are drawn: from the real window size, then the text-size setting.

    Bounded both ways so a 320x200 window stays legible-ish and a 4K one is not absurd.
    """
    w, h = size
    base = min(w / REFERENCE_SIZE[0], h / REFERENCE_SIZE[1])
    if h > w:
        # A portrait window: the width alone would make the type tiny and leave most of
        # the height blank (review m10); lay out as for a window as wide, turned.
        base = max(base, min(w / PORTRAIT_SIZE[0], h / PORTRAIT_SIZE[1]))
    base = max(0.62, min(base, 2.2))
    # Capped where "large" on a 4K screen already is: type beyond that only costs memory.
    return min(MAX_SCALE, base * TEXT_SIZES.get(text_size, 1.0))


def spacing(scale: float, steps: float = 1) -> int:
    """The grid unit (8 px at the reference size) times `steps`."""
    return max(1, round(8 * scale * steps))
