"""Drawing that cannot blow up (issue 14): the text helper never raises for strange text,
never builds a surface past what a screen can show, and keeps its caches bounded in bytes
of pixels, across resizes too."""

import pygame
import pytest

from game.ui.core.text import (DEFAULT_CACHE_BYTES, MAX_FONTS, MAX_LINE_PX, MAX_SURFACE_BYTES,
                               TextHelper)

INK = (20, 20, 20)
STRANGE = ["", "\u200b", "\u200d", "\ufeff", "\ufe0f", "\0", "\u200b\u200d\ufeff", "\ud800",
           "\x1b[2J\r", "\t", " ", "\n\n", "\u0301", "a\u200bb"]


@pytest.fixture
def helper():
    pygame.init()
    return TextHelper()


def surface_bytes(surface):
    return surface.get_width() * surface.get_height() * surface.get_bytesize()


@pytest.mark.parametrize("text", STRANGE)
def test_text_that_draws_nothing_never_raises(helper, text):
    for style in ("body", "title", "serif", "button"):
        assert helper.render(text, style, INK).get_height() > 0
        assert helper.block(text, style, INK, 300).get_height() > 0
        helper.wrap(text, style, 300)
        helper.fit(text, style, 50)
        helper.width(text, style)
        helper.block_size(text, style, 300)
        helper.rich(((text, style, INK, (255, 255, 0)),), 300)


def test_a_line_of_almost_two_megabytes_is_cut_to_a_drawable_width(helper):
    line = "word " * 370_000
    image = helper.render(line, "title", INK)
    assert image.get_width() <= MAX_LINE_PX
    assert helper.fit(line, "body", 400).endswith("\u2026")


def test_a_block_of_almost_two_megabytes_is_at_most_one_screen_of_pixels(helper):
    block = helper.block("word " * 370_000, "body", INK, 3000)
    assert surface_bytes(block) <= MAX_SURFACE_BYTES


def test_a_hundred_thousand_line_breaks_build_at_most_one_screen_of_pixels(helper):
    block = helper.block("x" + "\n" * 100_000, "serif", INK, 3840)
    assert surface_bytes(block) <= MAX_SURFACE_BYTES
    rich = helper.rich((("y" + "\n" * 100_000, "serif", INK, None),), 3840)
    assert surface_bytes(rich) <= MAX_SURFACE_BYTES


def test_a_single_word_of_twenty_thousand_letters_is_broken_to_the_width(helper):
    lines = helper.wrap("x" * 50_000, "body", 200)
    assert all(helper.width(line, "body") <= 200 for line in lines)


def test_the_caches_stay_bounded_in_bytes_while_the_window_is_dragged(helper):
    explanation = ("An explanation long enough to wrap over many lines. " * 12).strip()
    for step in range(60):                       # a window drag: a new scale every frame
        helper.set_scale(0.6 + step * 0.05)
        for width in (300, 2400):
            helper.block(explanation, "body", INK, width)
            helper.block(explanation + str(step), "serif", INK, width)
        assert helper.cached_bytes() <= DEFAULT_CACHE_BYTES
    assert helper.open_fonts <= MAX_FONTS


def test_a_resize_drops_what_was_rendered_at_the_old_scale(helper):
    helper.set_scale(1.0)
    helper.block("Khrushchev " * 200, "body", INK, 800)
    assert helper.cached_bytes() > 0
    helper.set_scale(1.25)
    assert helper.cached_bytes() == 0
    helper.set_scale(1.25)                        # the same scale again: nothing dropped
    helper.block("Khrushchev " * 200, "body", INK, 800)
    before = helper.cached_bytes()
    helper.set_scale(1.25)
    assert helper.cached_bytes() == before


def test_the_byte_bound_holds_for_many_big_blocks_at_one_scale(helper):
    small = TextHelper(cache_bytes=8 * 1024 * 1024)
    for number in range(40):
        small.block(f"{number} " + "long text " * 400, "body", INK, 2000)
    assert small.cached_bytes() <= 8 * 1024 * 1024
