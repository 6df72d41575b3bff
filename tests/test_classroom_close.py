"""Closing the window mid-round, or a SIGTERM, writes the round's answers and the teacher's
points so far (issue 14); and the scoreboard's alarm goes once a save recovers."""

import os
import signal
import subprocess
import sys
import textwrap

import pygame
import pytest

from game.paths import results_dir
from game.store.results import list_results, read_results
from game.ui.app import App
from game.ui.core.input import click_events, key_event

# The same steps in this process and in a child process: open the classroom, start with
# questions only, answer the first turn. (A teacher's point is written at once anyway.)
DRIVE = textwrap.dedent("""\
    import pygame
    from game.ui.app import App
    from game.ui.core.input import click_events, key_event

    def press(app, name):
        app.send([key_event(getattr(pygame, "K_" + name))])

    def to_mid_round(app):
        app.run_until_idle()
        button = next(b for b in app.scene.buttons if b.label == "Classroom")
        app.send(click_events(button.rect.center))
        setup = app.scene
        for field in setup.fields:
            if field.label == "Timeline (sort the hand)" and field.value():
                app.send(click_events(field.rect.center))
        start = next(f for f in setup.fields if f.label.startswith("Start"))
        app.send(click_events(start.rect.center))
        room = app.scene.room
        press(app, "1")                  # the first team answers
        press(app, "RETURN")
        if app.scene.view == "offer":
            press(app, "n")
        assert room.phase == "playing" and len(room.rows) == 1, room.rows
        return room
""")
namespace: dict = {}
exec(DRIVE, namespace)
to_mid_round = namespace["to_mid_round"]


def saved_rows():
    found = list_results(results_dir())
    return read_results(found[0]).rows if found else ()


def test_closing_the_window_mid_round_writes_the_answers_and_points_so_far():
    app = App(size=(1024, 640), seed=5)
    previous = signal.getsignal(signal.SIGTERM)
    try:
        room = to_mid_round(app)
        assert saved_rows() == (), "nothing is written before the round ends..."
        app.post(pygame.event.Event(pygame.QUIT))
        app.loop()                                       # ...until the window closes
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert saved_rows() == tuple(room.rows)


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name == "nt", reason="POSIX signals")
def test_sigterm_mid_round_ends_the_window_and_writes_the_round_so_far(tmp_path):
    script = DRIVE + textwrap.dedent("""\
        app = App(size=(800, 600), seed=5)
        room = to_mid_round(app)
        print("ready", flush=True)
        raise SystemExit(app.loop())
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=dict(os.environ))
    try:
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        child.send_signal(signal.SIGTERM)
        code = child.wait(timeout=60)                    # a safety net against a hang
    finally:
        if child.poll() is None:
            child.kill()
    assert code == 0, child.stderr.read()
    rows = saved_rows()
    assert len(rows) == 1 and rows[0].team == "Red"


def finish_round(app):
    """Answer "1" for every team through the keys until the scoreboard shows."""
    for _ in range(60):
        if app.scene.name != "classroom-play":
            return
        view = app.scene.view
        app.send([key_event({"offer": pygame.K_n, "verdict": pygame.K_RETURN}.get(view, pygame.K_1))])
    raise AssertionError("the round did not end")


def test_the_scoreboard_alarm_goes_once_a_save_recovers():
    app = App(size=(1024, 640), seed=5)
    folder = results_dir()
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("in the way", encoding="utf-8")   # every save fails for now
    room = to_mid_round(app)
    finish_round(app)
    assert room.unsaved and room.results_note.startswith("RESULTS NOT SAVED")
    app.draw()
    folder.unlink()
    app.send([key_event(pygame.K_RETURN)])              # the next round
    finish_round(app)
    assert not room.unsaved and "RESULTS NOT SAVED" not in room.results_note
    assert len(read_results(room.writer.json_path).rows) == len(room.rows)
    app.draw()


def test_the_set_up_screen_offers_to_resume_a_crashed_session_and_resumes_it():
    app = App(size=(1024, 640), seed=5)
    room = to_mid_round(app)
    app.send([key_event(pygame.K_EQUALS)])   # a point by hand: written at once
    scores = room.scores
    again = App(size=(1024, 640), seed=6)
    again.run_until_idle()
    button = next(b for b in again.scene.buttons if b.label == "Classroom")
    again.send(click_events(button.rect.center))
    resume = next(f for f in again.scene.fields if f.label.startswith("Resume"))
    again.send(click_events(resume.rect.center))
    assert again.scene.name == "classroom-play"
    assert again.scene.room.scores == scores
    assert again.scene.room.writer.json_path == room.writer.json_path


def test_starting_a_new_session_stops_offering_the_crashed_one():
    app = App(size=(1024, 640), seed=5)
    to_mid_round(app).save_now()
    again = App(size=(1024, 640), seed=6)
    again.run_until_idle()
    button = next(b for b in again.scene.buttons if b.label == "Classroom")
    again.send(click_events(button.rect.center))
    assert any(f.label.startswith("Resume") for f in again.scene.fields)
    start = next(f for f in again.scene.fields if f.label.startswith("Start"))
    again.send(click_events(start.rect.center))
    from game.ui.classroom.setup import ClassroomSetupScene
    assert ClassroomSetupScene(again.ctx).unfinished is None


def test_a_team_named_with_one_zero_width_character_is_drawn_and_refused_at_set_up():
    app = App(size=(1024, 640), seed=5)
    app.run_until_idle()
    button = next(b for b in app.scene.buttons if b.label == "Classroom")
    app.send(click_events(button.rect.center))
    setup = app.scene
    app.send([key_event(pygame.K_DOWN)])                 # to the first team's name
    for _ in setup.setup.teams[0]:
        app.send([key_event(pygame.K_BACKSPACE)])
    app.send([pygame.event.Event(pygame.TEXTINPUT, text="\u200b")])
    assert setup.setup.teams[0] == "\u200b"
    app.draw()                                           # once: "Text has zero width"
    start = next(f for f in setup.fields if f.label.startswith("Start"))
    app.send(click_events(start.rect.center))
    assert app.scene is setup
    assert any("a name you can see" in p for p in setup.problems)
    app.draw()
