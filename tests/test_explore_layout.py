"""Explore reads cleanly at any zoom (review m14): labels at their dates and inside the
view, nothing drawn through a label, the axis labelled at deep zoom, no empty stubs at
the view's edges, and every event reachable (shown, or in a "+N more" chip)."""

import pygame
import pytest
from ui_helpers import SIZES, drag, make_app, press

from game.ui.core.registry import make_scene
from game.ui.screens import placement


def _explore(size, text_size=None, **options):
    app = make_app(size, **options)
    if text_size:
        app.ctx.change_settings(text_size=text_size)
        app._apply_scale()
    app.ctx.push(make_scene("explore", app.ctx))
    app.run_until_idle()
    assert app.scene.name == "explore"
    return app, app.scene


def _zooms(scene):
    """The zoom levels of pressing + from the whole era to the deepest."""
    zoom, out = 1.0, []
    while zoom < scene.max_zoom:
        out.append(zoom)
        zoom *= 1.4
    return out + [scene.max_zoom]


def _check_layout(scene):
    view_h = scene.view.height
    shown = [i for i, lane in enumerate(scene.lanes) if lane >= 0]
    rects = [scene.rects[i] for i in shown]
    # No two labels overlap, and every label is inside the view: none pushed below it.
    assert placement.overlapping(rects) == []
    assert all(0 <= y and y + h <= view_h for _, y, _, h in rects)
    # Nothing is drawn through a label: the only marks above the labels are the rug's
    # ticks, which end above the first lane (there are no leader lines any more).
    assert all(y >= scene.rug_h for _, y, _, _ in rects)
    # Each label starts exactly at its event's date.
    for i in shown:
        assert scene.rects[i][0] == round(scene.x_of(scene.events[i].date.first_day))
    # Every event is shown or counted in exactly one chip, and chips sit under the
    # labels, inside the view.
    in_chips = [i for _, members in scene.chips for i in members]
    assert sorted(in_chips + shown) == list(range(len(scene.events)))
    for x, y, w, h in scene.chip_rects:
        assert y >= max((ry + rh for _, ry, _, rh in rects), default=0)
        assert y + h <= view_h


@pytest.mark.parametrize("size", SIZES)
def test_labels_sit_at_their_dates_inside_the_view_at_every_zoom(size):
    app, scene = _explore(size)
    for zoom in _zooms(scene):
        scene.set_zoom(zoom, scene.view.centerx)
        _check_layout(scene)


def test_with_large_text_the_lanes_still_fit_the_view_and_the_rest_go_in_chips():
    app, scene = _explore((1024, 640), text_size="extra-large")
    _check_layout(scene)
    assert scene.chips, "with large text on a small window some events go in chips"
    names = [name for _, name, _ in scene.axis_labels()]
    assert names[0] == "1953" and len(names) >= 8     # the era's first year is named


def test_at_1920x1080_the_whole_era_shows_every_bundled_event_without_chips():
    app, scene = _explore((1920, 1080))
    assert scene.zoom == 1.0 and scene.chips == [] and -1 not in scene.lanes


def test_a_dense_year_keeps_its_events_near_the_axis():
    # Review m14: "Regional economic councils (1957)" ended up far below 1957.
    app, scene = _explore((1920, 1080))
    councils = next(i for i, e in enumerate(scene.events) if "economic councils" in e.title)
    x, y, _, _ = scene.rects[councils]
    assert scene.lanes[councils] <= 3
    assert y < scene.view.height // 3


@pytest.mark.parametrize("size", SIZES)
def test_every_view_has_at_least_two_axis_labels_that_do_not_overlap(size):
    app, scene = _explore(size)
    text = app.ctx.text
    for zoom in _zooms(scene):
        scene.set_zoom(zoom, scene.view.centerx)
        for pan in range(0, int(scene.px_per_year * 12), max(1, scene.view.width // 3)):
            scene.pan_x = pan
            scene._clamp()
            labels = scene.axis_labels()
            assert len(labels) >= 2, (zoom, pan, labels)
            for (x, name, style), (nx, _, _) in zip(labels, labels[1:]):
                assert x + text.width(name, style) < nx
            assert all(scene.view.x <= x and x + text.width(n, s) <= scene.view.right
                       for x, n, s in labels)
            if all(name.isdigit() for _, name, _ in labels):   # years: each tick in view named
                left = scene.view.x - round(scene.pan_x)
                names = {name for _, name, _ in labels}
                for i in range(12):
                    tick = left + round(i * scene.px_per_year)
                    if scene.view.x <= tick and tick + text.px(60) <= scene.view.right:
                        assert str(1953 + i) in names, (zoom, pan, i, labels)


def test_at_the_deepest_zoom_the_axis_names_months():
    app, scene = _explore((1024, 640))
    scene.set_zoom(scene.max_zoom, scene.view.centerx)
    names = [name for _, name, _ in scene.axis_labels()]
    assert len(names) >= 3
    assert all(name.split()[0] in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                                   "Sep", "Oct", "Nov", "Dec") for name in names)
    assert all(1953 <= int(name.split()[1]) <= 1964 for name in names)


def test_labels_cut_by_the_view_edges_are_readable_or_not_drawn():
    app, scene = _explore((1024, 640))
    scene.set_zoom(scene.max_zoom, scene.view.centerx)
    least = app.ctx.text.px(56)
    seen_cut = False
    for pan in range(0, int(scene.px_per_year * 12), scene.view.width // 7):
        scene.pan_x = pan
        scene._clamp()
        in_view = scene.visible_labels()
        cut = [i for i, rect in in_view if rect.x < scene.view.x < rect.right
               or rect.x < scene.view.right < rect.right]
        plan = scene.edge_plan()
        assert sorted(i for i, _, _ in plan) == sorted(cut)
        for index, seen, drawn in plan:
            seen_cut = True
            assert seen.x >= scene.view.x and seen.right <= scene.view.right
            assert drawn == (seen.width >= least)   # a narrow stub is not drawn at all
        app.draw()                                   # and drawing it all raises nothing
    assert seen_cut


def test_drawing_leaves_no_stub_of_a_label_just_inside_the_right_edge():
    app, scene = _explore((1024, 640))
    scene.set_zoom(scene.max_zoom, scene.view.centerx)
    # Pan so that some label starts 10 pixels inside the right edge.
    target = next(i for i in scene.shown if scene.rects[i][0] > scene.view.width)
    scene.pan_x = scene.rects[target][0] - scene.view.width + 10
    scene.selected = 0 if target else 1
    app.draw()
    rect = scene.screen_rect(scene.rects[target]).clip(scene.view)
    assert 0 < rect.width <= 10
    colours = {tuple(app.surface.get_at((x, y)))[:3] for x in range(rect.x, rect.right)
               for y in range(rect.y + 2, rect.bottom - 2)}
    assert colours == {tuple(app.ctx.palette.background)[:3]}


def test_up_and_down_move_to_the_nearest_event_in_the_next_lane():
    app, scene = _explore((1920, 1080))
    start = scene.selected
    assert scene.lanes[start] == 0
    press(app, "DOWN")
    below = scene.selected
    assert scene.lanes[below] == 1
    row = scene.by_lane[1]
    assert abs(scene.xs[below] - scene.xs[start]) == min(abs(scene.xs[i] - scene.xs[start])
                                                         for i in row)
    press(app, "UP")
    assert scene.lanes[scene.selected] == 0


def test_clicking_a_chip_zooms_in_about_it_and_its_events_can_be_opened():
    app, scene = _explore((1024, 640))
    assert scene.chips, "the dense 1956 stretch needs a chip at 1024x640"
    x, members = scene.chips[0]
    chip = pygame.Rect(scene.screen_rect(scene.chip_rects[0]))
    before = scene.zoom
    app.send([pygame.event.Event(pygame.MOUSEMOTION, pos=chip.center, rel=(0, 0), buttons=(0, 0, 0)),
              pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=chip.center, button=1),
              pygame.event.Event(pygame.MOUSEBUTTONUP, pos=chip.center, button=1)])
    assert scene.zoom > before
    # A hidden event is still reached with the keys, and Enter opens it.
    scene.select(members[0])
    press(app, "RETURN")
    assert app.scene.name == "explore-event" and app.scene.event is scene.events[members[0]]


def test_a_chip_cut_by_the_view_edge_is_not_drawn():
    app, scene = _explore((1024, 640))
    x, y, w, h = scene.chip_rects[0]
    scene.pan_x = x + w // 2            # the chip's right half is in view, at the left edge
    app.draw()
    cut = scene.cut_chips()
    assert len(cut) == 1 and cut[0].x == scene.view.x
    colours = {tuple(app.surface.get_at((px, py)))[:3] for px in range(cut[0].x, cut[0].right)
               for py in range(cut[0].y, cut[0].bottom)}
    assert colours == {tuple(app.ctx.palette.background)[:3]}


def test_the_whole_era_view_does_not_pan():
    app, scene = _explore((1920, 1080))
    view = scene.view
    drag(app, view.center, (view.x + 10, view.centery))
    assert scene.zoom == 1.0 and scene.pan_x == 0


def test_hovering_a_chip_lists_its_first_events_and_how_many_more():
    app, scene = _explore((1024, 640), text_size="extra-large")   # big chips
    number = max(range(len(scene.chips)), key=lambda n: len(scene.chips[n][1]))
    members = scene.chips[number][1]
    assert len(members) > 6
    chip = pygame.Rect(scene.screen_rect(scene.chip_rects[number]))
    app.send([pygame.event.Event(pygame.MOUSEMOTION, pos=chip.center, rel=(0, 0),
                                 buttons=(0, 0, 0))])
    assert scene.hover_chip == number
    lines = scene.chip_list(number)
    assert lines[:6] == [f"{scene.events[i].when}: {scene.events[i].title}" for i in members[:6]]
    assert lines[6].startswith(f"\u2026and {len(members) - 6} more")
    app.draw()
