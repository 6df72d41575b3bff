"""Every registered screen draws a frame at the smallest and the largest supported window."""

import pygame
import pytest
from classroom_helpers import wrong_move
from kinds_helpers import kinds_match
from ui_helpers import SIZES, make_app

from game.classroom.session import OVER, ROUND_OVER, STEAL_OFFER, Classroom
from game.classroom.setup import DEFAULT_TEAMS, ClassroomSetup
from game.lan.host import PhoneHost
from game.lan.quiz import PhoneQuiz
from game.lan.room import STUDENTS, Room
from game.rules import game as rules
from game.rules.content import Content
from game.ui.core.registry import SCENES, make_scene
from game.ui.play.match import new_match


def _room(library, until=None):
    """A 3-team classroom, played (every answer wrong) until its phase is `until`."""
    room = Classroom(ClassroomSetup(teams=DEFAULT_TEAMS[:3], rounds=2, timer=0, seed=3),
                     Content.from_library(library))
    while until is not None and room.phase != until:
        if room.phase == STEAL_OFFER:
            room.decline_steal()
        elif room.phase == ROUND_OVER and room.last_round:
            room.end()
        elif room.phase == ROUND_OVER:
            room.next_round()
        else:
            room.answer(wrong_move(room.prompt))
    return room


def _quiz(library):
    return PhoneQuiz(ClassroomSetup(teams=DEFAULT_TEAMS[:2], rounds=2, timer=30, seed=3),
                     Content.from_library(library))


def _finished(ctx):
    over = new_match(ctx, rules.MODE_WHOSE_VIEW, ())
    while over.prompt is not None:
        over.move(over.prompt.live_choices[0].key)
    return over


OPTIONS = {
    "explore-event": lambda ctx: {"event": ctx.library.events()[0]},
    "campaign": lambda ctx: {"pack_ids": ctx.library.pack_ids()},
    "notice": lambda ctx: {"title": "Note", "message": "A message " * 40},
    "level-intro": lambda ctx: {"pack": ctx.library.packs[0], "level": ctx.library.packs[0].levels[0]},
    "report": lambda ctx: {"item": ctx.library.events()[0], "where": "test"},
    "confirm": lambda ctx: {"title": "Leave this game?", "lines": (("Really?", "body"),)},
    "overlay": lambda ctx: {"title": "Help", "lines": (("Keys", "body"),)},
    "board": lambda ctx: {"match": new_match(ctx, rules.MODE_CHRONOLOGY, ())},
    "sort": lambda ctx: {"match": new_match(ctx, rules.MODE_SORT, ())},
    "ask": lambda ctx: {"match": new_match(ctx, rules.MODE_WHOSE_VIEW, ())},
    "spectrum": lambda ctx: {"match": kinds_match(ctx, "sp-far-five")},
    "results": lambda ctx: {"match": _finished(ctx)},
    "finished-line": lambda ctx: {"match": _finished(ctx),
                                  "line": tuple(ctx.library.events()[:12])},
    "classroom-play": lambda ctx: {"room": _room(ctx.library)},
    "classroom-board": lambda ctx: {"room": _room(ctx.library, ROUND_OVER)},
    "classroom-review": lambda ctx: {"room": _room(ctx.library, OVER)},
    "classroom-phones": lambda ctx: {"quiz": _quiz(ctx.library), "mode": STUDENTS},
    "classroom-phones-play": lambda ctx: {"quiz": _quiz(ctx.library),
                                          "host": PhoneHost(Room("TEST", teams=("Red", "Blue")))},
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", sorted(SCENES))
def test_every_registered_scene_draws_a_frame_at_both_reference_sizes(name, size):
    app = make_app(size)
    options = OPTIONS.get(name, lambda ctx: {})(app.ctx)
    scene = make_scene(name, app.ctx, **options)
    assert scene.name == name
    app.surface.fill((1, 2, 3))
    scene.ensure_layout(app.surface.get_size())
    scene.draw(app.surface)
    # Something was painted over the marker colour in the window below the header band.
    w, h = app.surface.get_size()
    band = app.surface.subsurface((0, h // 8, w, h - h // 8))
    marked = pygame.mask.from_threshold(band, (1, 2, 3, 255), (1, 1, 1, 255)).count()
    assert marked < band.get_width() * band.get_height(), f"{name} drew nothing"


def test_the_registry_names_every_screen_of_the_game():
    assert set(SCENES) == {
        "title", "settings", "packs", "explore", "explore-event", "choose", "campaign",
        "notice", "progress", "confirm", "overlay", "board", "sort", "ask", "spectrum", "results",
        "finished-line", "report", "level-intro", "classroom", "classroom-play", "classroom-board",
        "classroom-review",
        "classroom-phones", "classroom-phones-play", "network-check", "preview"}


def test_a_scene_name_not_registered_is_refused_with_the_names_known():
    app = make_app()
    with pytest.raises(KeyError, match="known: ask, board"):
        make_scene("nowhere", app.ctx)
