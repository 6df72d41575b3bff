"""Every screen draws a frame at the smallest and the largest supported window."""

import pytest

from game.rules import game as rules
from game.ui import play
from game.ui.ask import AskScene
from game.ui.board import BoardScene
from game.ui.choose import CampaignScene
from game.ui.explore import EventPanel
from game.ui.registry import SCENES, make_scene
from game.ui.results import ResultsScene
from game.ui.sort import SortScene
from ui_helpers import SIZES, make_app


def _scenes(app):
    ctx = app.ctx
    yield "title", make_scene("title", ctx)
    yield "settings", make_scene("settings", ctx)
    yield "packs", make_scene("packs", ctx)
    yield "explore", make_scene("explore", ctx)
    yield "event", EventPanel(ctx, ctx.library.events()[0])
    yield "choose", make_scene("choose", ctx)
    yield "campaign", CampaignScene(ctx, ctx.library.pack_ids())
    yield "notice", make_scene("notice", ctx, title="Note", message="A message " * 40)
    yield "board", BoardScene(ctx, play.new_match(ctx, rules.MODE_CHRONOLOGY, ()))
    yield "sort", SortScene(ctx, play.new_match(ctx, rules.MODE_SORT, ()))
    yield "ask", AskScene(ctx, play.new_match(ctx, rules.MODE_WHOSE_VIEW, ()))
    over = play.new_match(ctx, rules.MODE_WHOSE_VIEW, ())
    while over.prompt is not None:
        over.move(over.prompt.live_choices[0].key)
    yield "results", ResultsScene(ctx, over)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_scene_draws_a_frame_at_both_reference_sizes(size):
    app = make_app(size)
    drawn = []
    for name, scene in _scenes(app):
        app.surface.fill((1, 2, 3))
        scene.ensure_layout(app.surface.get_size())
        scene.draw(app.surface)
        # Something was painted over the marker colour in the middle band of the window.
        w, h = app.surface.get_size()
        colours = {tuple(app.surface.get_at((x, y)))[:3]
                   for x in range(0, w, w // 16) for y in range(h // 8, h, h // 16)}
        assert colours != {(1, 2, 3)}, f"{name} drew nothing"
        drawn.append(name)
    assert len(drawn) == 12


def test_the_registry_names_every_built_in_screen_and_a_classroom_slot():
    assert {"title", "settings", "packs", "explore", "choose", "classroom"} <= set(SCENES)


def test_a_missing_scene_module_opens_as_a_notice_not_a_crash(monkeypatch):
    app = make_app()
    monkeypatch.setitem(SCENES, "nowhere", "game.ui.no_such_module:Nothing")
    scene = make_scene("nowhere", app.ctx)
    assert scene.name == "notice"
