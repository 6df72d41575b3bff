"""Input as data: the mapper recognises drags with one threshold, a scene's bindings table
dispatches its keys and draws its footer, and modal scenes answer through the stack."""

import ast
from pathlib import Path

import pygame
from ui_helpers import make_app, press

import game
from game.ui.core import input as keys
from game.ui.core.bindings import Binding, dispatch, footer, help_lines
from game.ui.core.input import DRAG_THRESHOLD, InputMapper, click_events, drag_events
from game.ui.core.registry import make_scene
from game.ui.core.scene import Scene


def _kinds(events):
    mapper = InputMapper()
    return [a.kind for a in (mapper.map(e) for e in events) if a is not None]


def test_a_click_is_a_press_and_a_release_with_no_drag():
    assert _kinds(click_events((50, 50))) == [keys.POINTER_MOVE, keys.POINTER_DOWN,
                                              keys.POINTER_UP]


def test_a_move_past_the_threshold_with_the_button_held_is_a_drag_then_a_drop():
    assert _kinds(drag_events((10, 10), (200, 10), steps=4)) == [
        keys.POINTER_MOVE, keys.POINTER_DOWN, keys.DRAG_START, keys.DRAG, keys.DRAG,
        keys.DRAG, keys.DROP]


def test_a_shake_within_the_threshold_stays_a_click_and_the_drag_knows_where_it_began():
    mapper = InputMapper()
    near = (10 + DRAG_THRESHOLD, 10)
    far = (10 + DRAG_THRESHOLD + 1, 10)
    actions = [mapper.map(e) for e in drag_events((10, 10), near, steps=1)]
    assert [a.kind for a in actions][-2:] == [keys.POINTER_MOVE, keys.POINTER_UP]
    actions = [mapper.map(e) for e in drag_events((10, 10), far, steps=1)]
    assert actions[-2].kind == keys.DRAG_START and actions[-2].start == (10, 10)
    assert actions[-1].kind == keys.DROP and actions[-1].pos == far


def test_plus_and_minus_are_keys_whose_meaning_the_scene_gives():
    mapper = InputMapper()
    plus = mapper.map(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_EQUALS, mod=0))
    minus = mapper.map(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_MINUS, mod=0))
    assert (plus.kind, minus.kind) == (keys.PLUS, keys.MINUS)


class _Toy(Scene):
    BINDINGS = (
        Binding(("h",), "help", "H: help", "H  this help", lead=True),
        Binding((keys.CONFIRM,), "go", "Enter: go", "Enter  go on", when="ready"),
        Binding((keys.POINTER_UP,), "hit"),
        Binding((keys.POINTER_UP, keys.BACK), "leave", "Esc: leave"),
    )
    ready = False

    def __init__(self):
        self.done = []

    def action_help(self, action):
        self.done.append("help")

    def action_go(self, action):
        self.done.append("go")

    def action_hit(self, action):
        return False                 # missed its target: the next binding gets the click

    def action_leave(self, action):
        self.done.append("leave")


def test_the_table_dispatches_the_first_binding_that_holds_and_draws_the_footer():
    toy = _Toy()
    assert dispatch(toy, keys.Action(keys.KEY, name="h"))
    assert not dispatch(toy, keys.Action(keys.CONFIRM))       # not ready: nothing runs
    assert footer(toy) == "H: help   Esc: leave"
    toy.ready = True
    assert dispatch(toy, keys.Action(keys.CONFIRM))
    assert dispatch(toy, keys.Action(keys.POINTER_UP, pos=(1, 1)))
    assert toy.done == ["help", "go", "leave"]
    assert footer(toy) == "H: help   Enter: go   Esc: leave"
    assert help_lines(toy.BINDINGS) == ["H  this help", "Enter  go on"]


class _Asker(Scene):
    name = "asker"

    def __init__(self, ctx):
        super().__init__(ctx)
        self.answers = []

    def resume(self, result=None):
        self.answers.append(result)


def test_a_confirmation_returns_its_answer_to_the_scene_beneath():
    app = make_app()
    asker = _Asker(app.ctx)
    app.ctx.push(asker)
    for key in ("RETURN", "n", "y", "ESCAPE"):
        app.ctx.push(make_scene("confirm", app.ctx, title="Sure?"))
        app.run_until_idle()
        assert app.scene.name == "confirm"
        press(app, key)
        assert app.scene is asker
    assert asker.answers == [True, False, True, False]


def test_no_scene_changes_its_state_while_drawing():
    """draw() and the _draw*/draw_* helpers assign no attribute of self and grow no list
    of self: click targets and layout belong in layout() (where handle() finds them)."""
    offenders = []
    for path in Path(game.__file__).parent.joinpath("ui").rglob("*.py"):
        for cls in [n for n in ast.walk(ast.parse(path.read_text())) if isinstance(n, ast.ClassDef)]:
            for f in cls.body:
                if not (isinstance(f, ast.FunctionDef)
                        and (f.name == "draw" or f.name.startswith(("_draw", "draw_")))):
                    continue
                for node in ast.walk(f):
                    targets = (node.targets if isinstance(node, ast.Assign) else
                               [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign))
                               else [])
                    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                            and node.func.attr in ("append", "extend", "insert", "pop", "clear"):
                        targets = [node.func.value]
                    for target in targets:
                        for e in ast.walk(target):
                            if isinstance(e, ast.Attribute) and getattr(e.value, "id", "") == "self":
                                offenders.append(f"{path.name}:{node.lineno} {cls.name}.{f.name}")
    assert offenders == []


def test_the_classroom_turn_knows_its_click_targets_before_the_first_frame():
    from test_ui_smoke import _room
    app = make_app()
    scene = make_scene("classroom-play", app.ctx, room=_room(app.ctx.library))
    scene.ensure_layout(app.surface.get_size())
    assert scene.targets and len(scene.chips) == 3


def test_plus_zooms_in_explore_and_gives_a_point_in_the_classroom():
    from test_ui_smoke import _room
    app = make_app()
    app.ctx.push(make_scene("explore", app.ctx))
    app.run_until_idle()
    before = app.scene.zoom
    press(app, "EQUALS")
    assert app.scene.zoom > before
    room = _room(app.ctx.library)
    app.ctx.replace(make_scene("classroom-play", app.ctx, room=room))
    app.run_until_idle()
    press(app, "EQUALS", "EQUALS", "MINUS")
    assert room.scores[room.team] == 1


def test_the_results_screen_saves_when_it_is_shown_not_when_it_is_made():
    from game.rules import game as rules
    from game.ui.play.match import new_match
    app = make_app()
    over = new_match(app.ctx, rules.MODE_WHOSE_VIEW, ())
    while over.prompt is not None:
        over.move(over.prompt.live_choices[0].key)
    games = app.ctx.progress.counts.get("games", 0)
    scene = make_scene("results", app.ctx, match=over)
    assert app.ctx.progress.counts.get("games", 0) == games and not over.saved
    app.ctx.push(scene)
    app.run_until_idle()
    assert app.ctx.progress.counts.get("games", 0) == games + 1 and over.saved


def test_every_registered_scene_handles_its_keys_through_a_bindings_table():
    import inspect

    from game.ui.core.registry import SCENES, scene_class
    for name in SCENES:
        cls = scene_class(name)
        source = inspect.getsource(cls.handle)
        assert "dispatch(self, action)" in source, name
        assert cls.BINDINGS or name == "overlay", name   # the overlay builds its own
