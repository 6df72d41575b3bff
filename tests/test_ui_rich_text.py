"""A source passage with its excerpt highlighted: the words keep their spaces.

The highlighted phrase is drawn as one string; its width is not the sum of its words'
widths, so a layout that added word widths let "Soviet control" grow over the space before
"and" ("controland", seen in the claim verdict at 1024x640).
"""

import pygame
import pytest

from game.ui.core import text as text_module
from game.ui.core.text import TextHelper

INK, MUTED, HIGHLIGHT = (20, 20, 20), (90, 90, 90), (255, 230, 0)
BEFORE = "It set a precedent, some say, for "
EXCERPT = ("While this was swiftly crushed by Soviet troops, it set a precedent for future "
           "resistance against Soviet control")
AFTER = " and although Khrushchev enjoyed strong support during the 1950s, by the early 1960s"


@pytest.fixture
def helper():
    pygame.init()
    return TextHelper()


def _drawn_pieces(helper, width):
    """Per line, the strings as drawn: (x, rendered width, text)."""
    runs = ((BEFORE, "serif", MUTED, None), (EXCERPT, "serif-b", INK, HIGHLIGHT),
            (AFTER, "serif", MUTED, None))
    lines, _ = helper._rich_lines(runs, width, "serif")
    return [[(x, helper.font(style).size(part)[0], part)
             for x, part, style, *_ in text_module._merge(line)] for line in lines]


@pytest.mark.parametrize("scale", [0.8, 1.0, 1.5, 2.0])
@pytest.mark.parametrize("width", [300, 420, 500, 640, 900])
def test_no_drawn_string_overlaps_the_next_on_its_line(helper, scale, width):
    helper.set_scale(scale)
    for line in _drawn_pieces(helper, width):
        for (x, w, part), (next_x, _, after) in zip(line, line[1:]):
            assert x + w <= next_x, f"{part!r} ends at {x + w}, over {after!r} at {next_x}"


@pytest.mark.parametrize("scale", [0.8, 1.0, 2.0])
@pytest.mark.parametrize("width", [300, 500, 900])
def test_every_line_fits_its_width_as_drawn(helper, scale, width):
    helper.set_scale(scale)
    for line in _drawn_pieces(helper, width):
        x, w, part = line[-1]
        assert x + w <= width or len(line) == 1 and " " not in part.strip(), part
