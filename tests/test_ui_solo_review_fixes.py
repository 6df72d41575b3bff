"""Solo play after the hands-on review (issue 11): Esc asks first and Continue resumes
the game left (M1); arrows follow the answer grid (M2); the chronology board (M3, M4, m2, m6)."""

import pygame

from ui_helpers import button, click, make_app, press


def _start(app, mode_key):
    click(app, button(app.scene, "Play").rect)
    press(app, mode_key)


def test_escape_in_a_game_asks_before_leaving_and_no_keeps_playing():
    app = make_app(seed=3)
    _start(app, "3")
    game_scene = app.scene
    press(app, "ESCAPE")
    assert app.scene.name == "confirm"
    assert "progress will be lost" in app.scene.lines[0][0]
    press(app, "ESCAPE")                      # No: back in the same game
    assert app.scene is game_scene


def test_the_leave_dialog_answers_with_the_mouse():
    app = make_app(seed=3)
    _start(app, "3")
    press(app, "ESCAPE")
    app.draw()
    click(app, app.scene.no.rect)
    assert app.scene.name == "ask"
    press(app, "ESCAPE")
    app.draw()
    click(app, app.scene.yes.rect)
    assert app.scene.name == "title"


def test_continue_resumes_a_left_game_at_the_same_question_with_its_score():
    app = make_app(seed=3)
    _start(app, "3")
    press(app, "1", "RETURN", "1", "RETURN")  # two questions answered
    match = app.scene.match
    step, score = match.prompt.step, match.score
    press(app, "ESCAPE", "RETURN")            # leave: yes
    title = app.scene
    assert title.name == "title"
    first = title.buttons[0]
    assert first.label == "Continue" and "step 3 of" in first.hint
    click(app, first.rect)
    assert app.scene.name == "ask" and app.scene.match is match
    assert match.prompt.step == step and match.score == score


def test_with_no_game_left_the_first_title_button_says_play_again():
    app = make_app(seed=3)
    _start(app, "3")
    while app.scene.name == "ask":
        press(app, "1", "RETURN")
    press(app, "ESCAPE")                      # results -> title
    assert app.scene.name == "title"
    assert app.scene.buttons[0].label == "Play again"


def test_down_from_the_top_right_answer_goes_to_the_bottom_right():
    app = make_app(size=(1920, 1080), seed=3)
    _start(app, "3")
    scene = app.scene
    assert scene.columns == 2 and len(scene.choices) == 4
    press(app, "RIGHT", "DOWN")
    assert scene.focus.index == 3
    press(app, "RETURN")
    assert scene.match.game.records[-1].chosen == (scene.keys[3],)
