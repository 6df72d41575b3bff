"""Phones join a classroom review through the real screens: set-up, lobby, play, standings.

The phones are real websockets clients on 127.0.0.1; the projector is the real App loop.
"""

import json
import os
import time

import pygame
import pytest
from websockets.sync.client import connect

from game.paths import results_dir
from game.store.results import list_results, read_results
from game.ui.app import App
from game.ui.core.input import click_events, key_event
from ui_helpers import open_classroom_setup as open_setup

SHOTS = os.environ.get("THAW_PHONE_SHOTS")


def press(app, *names):
    app.send([key_event(getattr(pygame, f"K_{n}")) for n in names])


def shot(app, name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        pygame.image.save(app.surface, os.path.join(SHOTS, f"{name}-{app.surface.get_width()}.png"))


@pytest.fixture(params=[(1024, 640), (1920, 1080)], ids=["small", "large"])
def app(request):
    app = App(size=request.param, seed=5)
    app.run_until_idle()
    yield app
    scene = app.scene
    host = getattr(scene, "host", None)
    if host is not None:
        host.stop()
    pygame.quit()




def field(scene, label):
    return next(f for f in scene.fields if f.label == label)


def until(app, condition, client=None, inbox=None, timeout=30.0):
    """Step the game (which pumps the server) until `condition()`; collect the phone's messages.

    Each step waits a little, as the real frame clock does: a loop that never lets go of the
    interpreter starves the server's and the phone's threads on a busy 2-core CI machine.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.step(dt=0.02)
        if client is not None:
            try:
                inbox.append(json.loads(client.recv(timeout=0.01)))
            except TimeoutError:
                pass
        else:
            time.sleep(0.01)
        if condition():
            return
    raise AssertionError("the condition never came true")


def kinds(inbox):
    return [m["type"] for m in inbox]


def test_phones_join_from_the_set_up_answer_and_the_results_name_each_student(app):
    setup = open_setup(app)
    for f in setup.fields:                          # whose-view questions only, two rounds
        if f.label in ("Timeline (sort the hand)", "Questions (choice, source work)") and f.value():
            app.send(click_events(f.rect.center))
    while setup.setup.rounds > 2:
        setup.change_rounds(-1)
    setup.change_phones(+1)
    assert field(setup, "Phones").value() == "One per student"
    app.send(click_events(field(setup, "Start the session").rect.center))
    lobby = app.scene
    assert lobby.name == "classroom-phones" and lobby.host.server.running, lobby.problem
    shot(app, "phones-lobby-empty")
    code = lobby.host.room.code

    inbox = []
    with connect(f"ws://127.0.0.1:{lobby.host.server.port}/ws", open_timeout=5) as phone:
        phone.send(json.dumps({"type": "join", "code": code, "name": "Ana\u200b"}))
        until(app, lambda: "joined" in kinds(inbox), phone, inbox)
        assert [p.name for p in lobby.host.room.players.values()] == ["Ana"]
        shot(app, "phones-lobby")
        press(app, "RETURN")                         # Start
        play = app.scene
        assert play.name == "classroom-phones-play"
        until(app, lambda: "question" in kinds(inbox), phone, inbox)
        shot(app, "phones-question")
        question = [m for m in inbox if m["type"] == "question"][-1]
        assert "answer" not in json.dumps(question).lower().replace("answered", "")
        # Answer the first choice; with every phone in, the reveal comes by itself.
        phone.send(json.dumps({"type": "answer", "question": question["id"],
                               "value": question["choices"][0]["key"]}))
        until(app, lambda: "result" in kinds(inbox), phone, inbox)
        assert play.phase == "revealed"
        shot(app, "phones-reveal")
        result = [m for m in inbox if m["type"] == "result"][-1]
        assert result["explain"] and result["answered"]
        press(app, "RETURN")                         # next question: nobody answers it
        until(app, lambda: kinds(inbox).count("question") == 2, phone, inbox)
        press(app, "RETURN")                         # the teacher reveals
        assert play.phase == "revealed"
        press(app, "RETURN")                         # standings
        assert play.phase == "over"
        shot(app, "phones-standings")

    rows = read_results(list_results(results_dir())[-1]).rows
    assert [r.student for r in rows] == ["Ana"]
    assert rows[0].team in ("Red", "Blue") and rows[0].answer_given == question["choices"][0]["label"]


def test_esc_asks_before_ending_a_phone_session_and_enter_does_not_end_it(app):
    setup = open_setup(app)
    setup.change_phones(+1)
    app.send(click_events(field(setup, "Start the session").rect.center))
    lobby = app.scene
    with connect(f"ws://127.0.0.1:{lobby.host.server.port}/ws", open_timeout=5) as phone:
        phone.send(json.dumps({"type": "join", "code": lobby.host.room.code, "name": "Bo"}))
        until(app, lambda: lobby.host.room.connected)
        press(app, "RETURN")
        play = app.scene
        press(app, "ESCAPE")
        assert play.confirm_end
        press(app, "RETURN")                         # Enter keeps playing
        assert not play.confirm_end and play.phase == "asking"
        press(app, "ESCAPE", "y")
        assert play.phase == "over"


def test_the_lobby_will_not_start_with_no_phone_and_says_why(app):
    setup = open_setup(app)
    setup.change_phones(+1)
    app.send(click_events(field(setup, "Start the session").rect.center))
    press(app, "RETURN")
    assert app.scene.name == "classroom-phones" and "No phone has joined" in app.scene.problem


def test_the_network_check_counts_a_device_that_opens_the_test_page(app):
    setup = open_setup(app)
    app.send(click_events(field(setup, "Network check").rect.center))
    check = app.scene
    assert check.name == "network-check" and check.host.server.running
    with connect(f"ws://127.0.0.1:{check.host.server.port}/ws", open_timeout=5) as phone:
        phone.send(json.dumps({"type": "check"}))
        until(app, lambda: check.host.checks == 1)
        shot(app, "network-check")
    press(app, "ESCAPE")
    assert app.scene.name == "classroom" and not check.host.server.running


def test_the_phone_options_appear_only_with_phones_and_reach_the_room_and_the_phones(app):
    setup = open_setup(app)
    labels = [f.label for f in setup.fields]
    assert "Question text on the phones" not in labels and not any("Speed bonus" in l for l in labels)
    for _ in range(len(setup.fields)):                                # keyboard alone
        if setup.field.label == "Phones":
            break
        press(app, "DOWN")
    press(app, "RIGHT")
    assert field(setup, "Phones").value() == "One per student"
    question_text = field(setup, "Question text on the phones")
    speed = next(f for f in setup.fields if f.label.startswith("Speed bonus"))
    assert question_text.value() == "on" and speed.value() == ""      # the defaults
    press(app, "DOWN", "DOWN", "RETURN")                              # the speed bonus: on
    app.send(click_events(question_text.rect.center))                 # the mouse: text off
    assert question_text.value() == "" and speed.value() == "on"
    app.send(click_events(field(setup, "Start the session").rect.center))
    lobby = app.scene
    assert (lobby.host.room.show_question, lobby.host.room.speed_bonus) == (False, True)
    assert "show only the choices" in lobby.rules_note and "Speed bonus on" in lobby.rules_note
    remembered = app.ctx.settings.classroom
    assert (remembered.phone_question, remembered.speed_bonus) == (False, True)

    inbox = []
    with connect(f"ws://127.0.0.1:{lobby.host.server.port}/ws", open_timeout=5) as phone:
        phone.send(json.dumps({"type": "join", "code": lobby.host.room.code, "name": "Cy"}))
        until(app, lambda: "joined" in kinds(inbox), phone, inbox)
        press(app, "RETURN")                                          # Start
        until(app, lambda: "question" in kinds(inbox), phone, inbox)
    question = next(m for m in inbox if m["type"] == "question")
    assert question["text"] is None and question["choices"]           # read it on the projector


def test_turning_phones_off_takes_their_options_away_and_a_speed_bonus_without_timer_says_so(app):
    setup = open_setup(app)
    setup.change_phones(+1)
    while setup.setup.timer:
        setup.change_timer(+1)
    speed = next(f for f in setup.fields if f.label.startswith("Speed bonus"))
    speed.press()
    assert speed.note() == "needs the timer"
    setup.change_timer(+1)
    assert speed.note() == ""
    setup.change_phones(+1)                                           # one per team: still there
    assert any(f.label.startswith("Speed bonus") for f in setup.fields)
    setup.change_phones(+1)                                           # off
    assert not any(f.label.startswith("Speed bonus") for f in setup.fields)
    assert field(setup, "Phones").value() == "Off: one screen"
