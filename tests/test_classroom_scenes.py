"""The classroom screens driven by posted key events: set-up, turns, a time-out, a steal,
a manual point and an undo, with the results file checked against what happened."""

import pygame
import pytest
from classroom_helpers import right_move, wrong_move
from ui_helpers import open_classroom_setup as open_setup
from ui_helpers import texts_drawn

from game.paths import results_dir
from game.rules.prompts import Ask
from game.store.results import list_results, read_results
from game.ui.app import App
from game.ui.core.input import click_events, key_event


def press(app, *names, mod=0):
    app.send([key_event(getattr(pygame, f"K_{n}"), mod) for n in names])


def type_text(app, text):
    app.send([pygame.event.Event(pygame.TEXTINPUT, text=ch) for ch in text])


def answer(app, move):
    """Answer through the keys a team would press."""
    prompt = app.scene.room.prompt
    if isinstance(prompt, Ask):
        keys = [str([c.key for c in prompt.live_choices].index(move) + 1)]
    else:
        ids = [c.id for c in prompt.cards]
        keys = [str(ids.index(i) + 1) for i in move] + ["RETURN"]
    press(app, *keys)


@pytest.fixture
def app():
    app = App(size=(1024, 640), seed=5)
    app.run_until_idle()
    yield app
    pygame.quit()




def test_a_three_team_session_through_the_real_screens_writes_what_happened(app):
    setup = open_setup(app)
    while len(setup.setup.teams) < 3:
        press(app, "RIGHT")                      # focus starts on "Teams"
    press(app, "DOWN")
    for _ in setup.setup.teams[0]:
        press(app, "BACKSPACE")
    type_text(app, "Reds")
    for field in setup.fields:                  # questions only, 30 s timer, steal on
        if field.label == "Timeline (sort the hand)" and field.value():
            app.send(click_events(field.rect.center))
    assert setup.setup.teams[0] == "Reds" and setup.setup.round_types == ("whose-view",)
    assert setup.setup.timer == 30 and setup.setup.steal
    app.send(click_events(next(f for f in setup.fields
                               if f.label.startswith("Start")).rect.center))
    play = app.scene
    assert play.name == "classroom-play"
    room = play.room
    assert room.team_name == "Reds"
    answer(app, wrong_move(room.prompt))        # Reds miss: the offer comes at once
    assert play.view == "offer" and room.team_name == "Blue"
    press(app, "y")                             # ...Blue steals it
    answer(app, right_move(room.prompt))
    press(app, "RETURN")
    press(app, "EQUALS")                        # + for Blue (the current team)
    press(app, "u")                             # and taken back
    assert room.scores == (0, 5, 0)
    app.step(dt=31.0)                           # Blue's own turn times out
    assert play.view == "offer" and room.last.kind == "timeout"
    press(app, "n")
    assert play.view == "verdict" and play.showing.kind == "timeout"
    press(app, "RETURN")                             # Green declines that steal
    answer(app, right_move(room.prompt))
    press(app, "RETURN")
    assert app.scene.name == "classroom-board"
    saved = read_results(list_results(results_dir())[0])
    assert [(r.team, r.round_type, r.correct, r.points) for r in saved.rows] == [
        ("Reds", "whose-view", False, 0),
        ("Blue", "whose-view", True, 5),
        ("Blue", "manual", False, 1),
        ("Blue", "undo", False, -1),
        ("Blue", "whose-view", False, 0),
        ("Green", "whose-view", True, 10),
    ]
    assert saved.rows[4].answer_given == "(time ran out)"
    assert saved.settings["teams"] == ["Reds", "Blue", "Green"]
    # The set-up is remembered for next time.
    assert app.ctx.settings.classroom.teams == ("Reds", "Blue", "Green")


def test_the_teacher_keys_pause_help_and_end_with_a_confirmation(app):
    setup = open_setup(app)
    app.send(click_events(next(f for f in setup.fields
                               if f.label.startswith("Start")).rect.center))
    play = app.scene
    room = play.room
    press(app, "p")
    assert room.paused and room.timer.on
    before = room.timer.elapsed
    app.step(dt=100.0)
    assert room.timer.elapsed == before and room.phase == "playing"
    press(app, "p")
    press(app, "h")
    assert app.scene.name == "overlay" and app.scene.title == "Teacher keys"
    press(app, "h")
    assert app.scene is play
    press(app, "ESCAPE")
    assert app.scene.name == "confirm" and room.phase != "over"
    press(app, "n")
    assert app.scene is play and room.phase != "over"
    press(app, "ESCAPE")
    press(app, "RETURN")                        # Enter is never "end": it carries on
    assert not play.confirm_end and not room.over
    press(app, "ESCAPE")
    press(app, "y")
    assert room.over and app.scene.name == "classroom-board"
    kinds = [r.round_type for r in read_results(room.writer.json_path).rows]
    assert kinds == ["pause", "resume", "end"]
    press(app, "RETURN")
    assert app.scene.name == "classroom-review"


def test_the_set_up_remembers_the_pack_and_level_chosen_last_time(app):
    from game.ui.classroom.setup import ClassroomSetupScene
    scene = ClassroomSetupScene(app.ctx)
    scene.change_pack(1)
    scene.change_level(1)
    chosen = scene.chosen()
    assert chosen.pack_ids and chosen.level_ids
    assert scene.start() is not None          # starting saves the set-up
    again = App(size=(1024, 640), seed=6)     # a new run reads it back from disk
    remembered = ClassroomSetupScene(again.ctx).chosen()
    assert (remembered.pack_ids, remembered.level_ids) == (chosen.pack_ids, chosen.level_ids)


def test_a_missed_timeline_hand_shows_the_teams_own_order_with_each_card_out_of_place_marked(app):
    setup = open_setup(app)
    for field in setup.fields:                  # timeline rounds only, no steal
        if field.label in ("Whose view?", "Steal (next team answers a miss for half points)") \
                and field.value():
            app.send(click_events(field.rect.center))
    assert setup.setup.round_types == ("timeline",) and not setup.setup.steal
    app.send(click_events(next(f for f in setup.fields
                               if f.label.startswith("Start")).rect.center))
    play = app.scene
    answer(app, wrong_move(play.room.prompt))
    assert play.view == "verdict"
    verdict = play.showing.verdict
    drawn = texts_drawn(app)
    assert "Their order" in drawn and "The true order" in drawn      # review m12
    for i, event in enumerate(verdict.order, 1):
        marked = f"{i}. {event.title} ({event.when}) \u2014 out of place"
        assert (marked in drawn) == (event.id in verdict.misplaced)
