"""Memory bounded in bytes (issue 15, item 3): the text cache keeps a pixel-byte budget
sized from the window, a new scale drops what the old one rendered and the fonts it will
not use, a closed scene is let go at once, and the modal shade keeps no window-sized
surface. (The resulting figures are measured by `python -m game.bench --only rss_mb,
rss_session_mb`, not here.)"""

import gc
import weakref

import pygame
import pytest

from game.ui.core import memory
from game.ui.core.registry import make_scene
from game.ui.core.text import (MAX_CACHE_BYTES, MIN_CACHE_BYTES, TextHelper, cache_budget)
from game.ui.widgets import shapes
from game.ui.widgets.shapes import VEIL_TILE, shade
from ui_helpers import make_app, press

INK = (20, 20, 20)
RED = (200, 30, 30)
MIB = 1024 * 1024


@pytest.fixture
def helper():
    pygame.init()
    return TextHelper(cache_bytes=MIB)


def pixel_bytes(surface) -> int:
    return surface.get_width() * surface.get_height() * surface.get_bytesize()


def test_the_text_cache_never_holds_more_than_its_budget_after_many_distinct_strings(helper):
    for number in range(1500):
        helper.render(f"Line number {number} of the long session", "body", INK)
        if number % 10 == 0:
            helper.block(f"Block {number}: " + "the Thaw, the Virgin Lands, the Sputnik. " * 8,
                         "serif", RED, 600)
        assert helper.cached_bytes() <= MIB
    # The accounting is the real pixels held, not an estimate that could drift.
    held = sum(pixel_bytes(value) for value in helper._surfaces.values())
    assert held <= helper.cached_bytes() <= MIB
    assert helper.cached_bytes() > MIB // 2        # and the budget is used, not wasted


def test_a_block_keeps_its_lines_once_inside_the_block_not_again_as_lines(helper):
    block = helper.block("Khrushchev " * 60, "body", INK, 400)
    assert len(helper._surfaces) == 1
    assert helper.cached_bytes() - pixel_bytes(block) < 1024     # the block and a header
    helper.rich((("Before ", "serif", INK, None), ("the excerpt", "serif-b", INK, (255, 255, 0))),
                400)
    assert len(helper._surfaces) == 2


def test_a_block_drawn_from_fresh_lines_is_the_same_picture_as_one_from_cached_lines(helper):
    text = "The Twentieth Party Congress met in February 1956. " * 3
    block = helper.block(text, "body", INK, 300, align="center")
    lines = helper.wrap(text, "body", 300)
    height = helper.line_height("body")
    expected = pygame.Surface(block.get_size(), pygame.SRCALPHA)
    for index, line in enumerate(lines):
        image = helper.render(line, "body", INK)
        expected.blit(image, ((300 - image.get_width()) // 2, index * height))
    assert pygame.image.tobytes(block, "RGBA") == pygame.image.tobytes(expected, "RGBA")


def test_a_smaller_budget_drops_the_least_recently_used_at_once():
    pygame.init()
    helper = TextHelper(cache_bytes=8 * MIB)
    first = helper.render("rendered first, then used again", "body", INK)
    for number in range(40):
        helper.render(f"then line {number}", "title", INK)
    assert helper.render("rendered first, then used again", "body", INK) is first   # newest now
    helper.set_budget(pixel_bytes(first) + 400)
    assert helper.budget == pixel_bytes(first) + 400
    assert helper.cached_bytes() <= helper.budget
    assert helper.render("rendered first, then used again", "body", INK) is first


def test_the_budget_is_about_two_windows_of_pixels_within_bounds():
    assert cache_budget((1920, 1080)) == 2 * 4 * 1920 * 1080
    assert cache_budget((800, 500)) == MIN_CACHE_BYTES
    assert cache_budget((3840, 2160)) == MAX_CACHE_BYTES
    sizes = [(800, 500), (1024, 768), (1280, 720), (1920, 1080), (2560, 1440), (3840, 2160)]
    budgets = [cache_budget(size) for size in sizes]
    assert budgets == sorted(budgets)


def test_the_app_sizes_the_text_budget_from_its_window_and_follows_a_resize():
    app = make_app(size=(1024, 768))
    assert app.text.budget == cache_budget((1024, 768))
    app.resize((1920, 1080))
    app.step(1 / 60)
    assert app.text.budget == cache_budget((1920, 1080))
    assert app.text.cached_bytes() <= app.text.budget


def test_a_resize_drops_the_old_scales_entries_and_the_fonts_the_new_scale_does_not_use(helper):
    helper.set_scale(1.0)
    for style in ("body", "title", "small", ("sans", 20)):
        helper.block("Khrushchev and Eisenhower at Camp David", style, INK, 500)
    kept = helper.font(("sans", 20))
    assert helper.open_fonts == 4 and helper.cached_bytes() > 0
    helper.set_scale(1.02)        # ("sans", 20) stays 20 px; the others change size
    assert helper.cached_bytes() == 0
    assert helper.font(("sans", 20)) is kept
    wanted = {helper._resolve(style) for style in ("body", "title", "small", ("sans", 20))}
    assert set(helper._fonts) <= wanted
    helper.set_scale(2.0)
    assert set(helper._fonts) <= {helper._resolve(style)
                                  for style in ("body", "title", "small", ("sans", 20))}


def test_fonts_stay_few_however_many_window_sizes_were_tried(helper):
    for step in range(80):                  # a window dragged through 80 sizes
        helper.set_scale(0.62 + step * 0.025)
        for style in ("body", "title", "small", "serif", "heading"):
            helper.render("Thaw", style, INK)
        assert helper.open_fonts <= 5


def test_closing_a_scene_lets_it_go_at_once_even_caught_in_a_reference_cycle():
    app = make_app(size=(1024, 768))
    # Loaded first: loading freezes what is alive then (context.settle_heap), and a frozen
    # scene is never collected, whoever closes it.
    assert app.ctx.library is not None
    app.ctx.push(make_scene("progress", app.ctx))
    app.step(1 / 60)
    scene = weakref.ref(app.stack.top)
    assert type(scene()).__name__ == "ProgressScene"
    was_enabled = gc.isenabled()
    gc.disable()                  # no collection can happen by chance: the app must do it
    try:
        press(app, "ESCAPE")
        assert type(app.stack.top).__name__ != "ProgressScene"
        assert scene() is None
    finally:
        if was_enabled:
            gc.enable()


def test_memory_is_given_back_when_a_scene_closes_not_when_one_opens(monkeypatch):
    app = make_app(size=(1024, 768))
    calls = []
    monkeypatch.setattr(memory, "after_scene_closed", lambda: calls.append(1))
    app.ctx.push(make_scene("progress", app.ctx))
    app.step(1 / 60)
    assert calls == []
    press(app, "ESCAPE")
    assert calls == [1]


def test_release_reports_whether_it_can_give_memory_back():
    assert memory.release() is memory.can_release()
    assert memory.configure() in (True, False)


def test_the_modal_shade_keeps_no_window_sized_surface_and_draws_the_same_pixels():
    pygame.init()
    palette = make_app(size=(1024, 768)).ctx.palette
    size = (3 * VEIL_TILE + 37, VEIL_TILE + 5)     # not a whole number of tiles
    picture = pygame.Surface(size)
    for x in range(0, size[0], 7):
        pygame.draw.line(picture, ((x * 3) % 256, (x * 5) % 256, 90), (x, 0), (x, size[1]), 3)
    shaded = picture.copy()
    shade(shaded, palette)
    whole = pygame.Surface(size, pygame.SRCALPHA)   # what a window-sized veil gave
    whole.fill(palette.shade)
    expected = picture.copy()
    expected.blit(whole, (0, 0))
    assert pygame.image.tobytes(shaded, "RGB") == pygame.image.tobytes(expected, "RGB")
    shade(pygame.Surface((3840, 2160)), palette)
    assert all(v.get_size() == (VEIL_TILE, VEIL_TILE) for v in shapes._VEILS.values())


@pytest.mark.parametrize("runs", [
    (("Before the words ", "serif", INK, None), ("the cited words", "serif-b", INK, (255, 255, 0)),
     (" and after them. " * 30, "serif", INK, None)),
    (("x" + "\n" * 40 + "y", "serif", INK, None),),
    (("", "serif", INK, None),),
])
def test_measuring_a_rich_passage_gives_the_size_it_renders_at_and_keeps_no_pixels(helper, runs):
    size = helper.rich_size(runs, 420, "serif")
    assert helper.cached_bytes() == 0
    assert size == helper.rich(runs, 420, "serif").get_size()


def test_what_another_keeper_holds_comes_off_the_text_budget_down_to_a_quarter(helper):
    helper.set_budget(8 * MIB)
    for number in range(400):
        helper.block(f"Block {number}: " + "the Virgin Lands campaign " * 6, "serif", INK, 500)
    assert helper.cached_bytes() > 5 * MIB
    helper.hold("tiles", 5 * MIB)
    assert helper.budget == 3 * MIB and helper.cached_bytes() <= 3 * MIB
    helper.hold("tiles", 100 * MIB)                  # never below a quarter of the budget
    assert helper.budget == 2 * MIB and helper.cached_bytes() <= 2 * MIB
    helper.hold("tiles", 0)                          # let go: the whole budget again
    assert helper.budget == 8 * MIB
    helper.hold("tiles", 3 * MIB)
    helper.set_budget(16 * MIB)                      # a new window keeps what is held
    assert helper.budget == 13 * MIB


def test_explores_label_tiles_share_the_text_budget_and_give_it_back_when_it_closes():
    app = make_app((3840, 2160))
    whole = app.text.budget
    app.ctx.push(make_scene("explore", app.ctx))
    app.run_frames(2)
    explore = app.scene
    held = explore._tiles.bytes + explore._sprites.bytes
    assert explore.name == "explore" and held > 0
    assert app.text.budget == max(whole // 4, whole - held)
    assert app.text.cached_bytes() + min(held, whole * 3 // 4) <= whole
    press(app, "ESCAPE")
    assert app.scene.name == "title" and app.text.budget == whole


def test_every_scene_that_leaves_the_stack_is_told_so():
    from game.ui.core.scene import Scene, SceneStack
    left = []

    class Probe(Scene):
        def __init__(self, name):
            self.name = name

        def enter(self):
            pass

        def leave(self):
            left.append(self.name)

    stack = SceneStack()
    for name in "abc":
        stack.push(Probe(name))
    stack.apply()
    stack.pop()
    stack.apply()
    stack.replace(Probe("d"))
    stack.apply()
    stack.reset(Probe("e"))
    stack.apply()
    assert left == ["c", "b", "d", "a"]


def test_room_is_made_before_a_new_block_is_rendered_so_the_peak_is_the_budget(helper, monkeypatch):
    for number in range(300):                         # the cache full to its 1 MiB budget
        helper.block(f"Filler {number}: " + "the Thaw " * 8, "serif", INK, 400)
    assert helper.cached_bytes() > MIB * 3 // 4
    real_surface = pygame.Surface
    peaks = []

    class IsASurface(type):
        def __instancecheck__(cls, value):
            return isinstance(value, real_surface)

    class CountingSurface(metaclass=IsASurface):
        """pygame.Surface, noting the cache's bytes plus the new one's at each creation."""
        def __new__(cls, size, *args, **kwargs):
            peaks.append(helper.cached_bytes() + 4 * size[0] * size[1])
            return real_surface(size, *args, **kwargs)

    monkeypatch.setattr(pygame, "Surface", CountingSurface)
    helper.block("A new passage, " * 15, "serif", RED, 500)
    helper.rich((("Before ", "serif", INK, None), ("the excerpt " * 12, "serif-b", INK, RED)), 500)
    assert len(peaks) == 2 and max(peaks) <= MIB


def test_a_value_bigger_than_the_whole_cache_evicts_nothing():
    from game.ui.core.text import _LRU
    cache = _LRU(100, cost=len)
    for key in "abcd":
        cache.get_or(key, lambda: "x" * 20)
    cache.make_room(500)
    assert cache.total == 80
    cache.make_room(50)
    assert cache.total + 50 <= 100 and list(cache) == ["c", "d"]


def test_a_block_with_its_background_baked_in_is_opaque_and_draws_the_same_pixels(helper):
    paper = (240, 234, 220)
    words = "The Thaw: the Virgin Lands, Sputnik and the Secret Speech. " * 3
    opaque = helper.block(words, "serif", RED, 420, background=paper)
    clear = helper.block(words, "serif", RED, 420)
    assert not opaque.get_flags() & pygame.SRCALPHA and clear.get_flags() & pygame.SRCALPHA
    one, other = pygame.Surface(clear.get_size()), pygame.Surface(clear.get_size())
    one.fill(paper)
    other.fill(paper)
    one.blit(opaque, (0, 0))
    other.blit(clear, (0, 0))
    assert pygame.image.tobytes(one, "RGB") == pygame.image.tobytes(other, "RGB")


def test_scrolling_repaints_the_flattened_view_in_place_instead_of_a_new_surface():
    from game.ui.core.input import Action
    from game.ui.core import input as keys
    from game.ui.widgets.scroll import ScrollView
    pygame.init()
    content = pygame.Surface((300, 2000), pygame.SRCALPHA)
    content.fill(RED, (0, 0, 300, 1000))
    view = ScrollView()
    view.set_geometry(pygame.Rect(0, 0, 300, 400), 2000, step=40, line=20)
    first = view._flattened(content, pygame.Rect(0, 0, 300, 400), (255, 255, 255))
    view.handle(Action(keys.DOWN))
    area = pygame.Rect(0, view.offset, 300, 400)
    second = view._flattened(content, area, (255, 255, 255))
    assert view.offset > 0 and second is first
    assert second.get_at((0, 0))[:3] == RED
    view.set_geometry(pygame.Rect(0, 0, 300, 300), 2000, step=40, line=20)   # a new size
    assert view._flattened(content, pygame.Rect(0, 0, 300, 300), (255, 255, 255)) is not first
