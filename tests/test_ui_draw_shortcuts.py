"""The 4K shortcuts draw the same pixels: a panel's shadow filled in bands, a panel not
filled under what covers it, and a source view flattened onto its panel's colour."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame
import pytest

from game.ui.core.theme import palette
from game.ui.widgets.scroll import ScrollView
from game.ui.widgets.shapes import draw_panel

PAL = palette(False)


@pytest.fixture(autouse=True)
def _pygame():
    pygame.init()
    yield
    pygame.quit()


def canvas():
    surface = pygame.Surface((400, 300))
    surface.fill(PAL.background)
    return surface


def same(a, b) -> bool:
    return pygame.image.tobytes(a, "RGB") == pygame.image.tobytes(b, "RGB")


def reference_panel(surface, rect, radius):
    """The panel as it was drawn before the shortcuts: shadow, fill and border in full."""
    shade = pygame.Rect(rect).move(0, max(2, radius // 3))
    pygame.draw.rect(surface, tuple(max(0, c - 22) for c in PAL.background[:3]), shade,
                     border_radius=radius)
    pygame.draw.rect(surface, PAL.card, rect, border_radius=radius)
    pygame.draw.rect(surface, PAL.line, rect, width=1, border_radius=radius)


@pytest.mark.parametrize("radius", [4, 10, 24])
def test_a_panel_and_its_shadow_look_as_they_did_before_the_band_shortcut(radius):
    rect = pygame.Rect(40, 30, 300, 200)
    old, new = canvas(), canvas()
    reference_panel(old, rect, radius)
    draw_panel(new, rect, PAL, radius=radius, fill=PAL.card)
    assert same(old, new)


def test_a_panel_is_not_filled_under_what_covers_it_and_the_rest_is_as_before():
    rect, covered = pygame.Rect(40, 30, 300, 200), pygame.Rect(70, 80, 200, 100)
    old, new = canvas(), canvas()
    reference_panel(old, rect, 10)
    draw_panel(new, rect, PAL, radius=10, fill=PAL.card, covered=covered)
    assert new.get_at(covered.center)[:3] == PAL.background[:3]      # left for the caller
    new.fill(PAL.card, covered)                                       # the caller's paint
    assert same(old, new)


def test_a_flattened_source_view_shows_the_same_pixels_as_the_blended_one():
    content = pygame.Surface((200, 500), pygame.SRCALPHA)
    for y in range(0, 500, 20):
        pygame.draw.line(content, (20, 20, 20, 180), (5, y), (190, y + 5), 3)
    view = ScrollView()
    view.set_geometry(pygame.Rect(50, 40, 200, 160), content.get_height(), line=20)
    view.scroll(60)
    old, new = canvas(), canvas()
    for target in (old, new):
        target.fill(PAL.card, view.rect)
    view.draw(old, content, PAL)
    view.draw(new, content, PAL, background=PAL.card)
    assert same(old, new)
    assert view.covered == view.rect                                  # long text: all of it


def test_a_short_text_covers_only_its_own_height():
    view = ScrollView()
    view.set_geometry(pygame.Rect(0, 0, 200, 160), 50)
    assert view.covered.size == (200, 50)
