"""Headless end to end: every mode played from the title screen to the results by real
pygame events through the real loop; the assertions read what the rules recorded."""

import pygame
import pytest

from game.store.progress import ProgressStore
from game.paths import user_data_dir
from ui_helpers import button, click, drag, make_app, press


def _answer_current(app, answered: list) -> None:
    """One answer with the keyboard, whatever the screen asks; then move on."""
    scene = app.scene
    if scene.name == "board":
        answered.append(("board", scene.card.id))
        press(app, "RETURN")               # drop at the gap under the cursor
        if app.scene is scene and scene.verdict is not None:
            press(app, "RETURN")           # Continue: the verdict stays until then
    elif scene.name == "sort":
        answered.append(("sort", tuple(e.id for e in scene.order)))
        press(app, "TAB", "RETURN")        # focus Submit, submit
        press(app, "RETURN")               # Continue
    elif scene.name == "ask":
        answered.append(("ask", scene.question.id))
        press(app, "1", "RETURN")
    elif scene.name == "finished-line":
        press(app, "RETURN")               # the whole line, then the results
    elif scene.name == "spectrum":             # a source-work question: place the voices
        answered.append(("ask", scene.question.id))
        press(app, "RETURN", "RETURN")     # submit as dealt, Continue
    else:
        raise AssertionError(f"unexpected screen {scene.name}")


def _play_to_results(app, limit=80) -> list:
    answered = []
    for _ in range(limit):
        if app.scene.name == "results":
            return answered
        _answer_current(app, answered)
    raise AssertionError("the game did not reach the results")


def _start_from_title(app, mode_key: str) -> None:
    click(app, button(app.scene, "Play").rect)
    assert app.scene.name == "choose"
    press(app, mode_key)


@pytest.mark.parametrize("mode_key,mode", [("1", "chronology"), ("2", "sort"),
                                           ("3", "whose-view"), ("5", "mixed")])
def test_each_mode_is_played_from_the_title_to_the_results_and_recorded(mode_key, mode):
    app = make_app(seed=5)
    _start_from_title(app, mode_key)
    answered = _play_to_results(app)
    session = app.ctx.sessions[-1]
    answers = [r for r in session.history if r.is_answer]
    assert len(answers) == len(answered) > 0
    kinds = {r.kind for r in answers}
    expected = {"chronology": {"chronology"}, "sort": {"sort"},
                "whose-view": {"whose-view", "choice"}, "mixed": {"sort", "whose-view", "choice"}}[mode]
    assert kinds <= expected
    # The results show the score the rules recorded.
    assert app.scene.match.score == sum(r.points for r in session.history)
    # The asked questions are the ones recorded, in order.
    asked = [item for kind, item in answered if kind == "ask"]
    assert asked == [r.item_ids[0] for r in answers if r.kind in ("whose-view", "choice")]


def test_the_campaign_plays_a_level_and_keeps_its_stars():
    app = make_app(seed=2)
    _start_from_title(app, "4")
    assert app.scene.name == "campaign"
    first_level = app.scene.rows[0][2]
    press(app, "RETURN")                  # the first open level: its intro
    assert app.scene.name == "level-intro" and app.scene.level == first_level
    press(app, "RETURN")                  # Start
    _play_to_results(app, limit=120)
    result = app.scene.level_result
    assert result is not None and result.level_id == first_level.id
    saved = ProgressStore(user_data_dir()).load()
    assert saved.stars_for(app.scene.match.pack_id, first_level.id) == result.stars
    assert saved.count("games") == 1


def test_a_card_dragged_with_the_mouse_is_placed_in_the_gap_it_was_dropped_on():
    app = make_app(seed=9)
    _start_from_title(app, "1")
    board = app.scene
    card = board.card
    drag(app, board.hand_rect().center, (board.gap_x(0), board.row_y + board.card_h // 2))
    record = board.match.game.records[0]
    assert record.item_ids == (card.id,)
    assert record.chosen[0] == card.id     # dropped before the first card


def test_keys_carry_a_card_in_the_hand_and_submit_sends_that_order():
    app = make_app(seed=4)
    _start_from_title(app, "2")
    scene = app.scene
    before = [e.id for e in scene.order]
    press(app, "RETURN", "RIGHT", "RIGHT", "RETURN", "s")   # carry the first card two places
    record = scene.match.game.records[0]
    assert list(record.chosen) == before[1:3] + [before[0]] + before[3:]


def test_a_dragged_card_in_the_hand_moves_to_where_it_is_dropped():
    app = make_app(seed=4)
    _start_from_title(app, "2")
    scene = app.scene
    before = [e.id for e in scene.order]
    drag(app, scene.slot(0).center, scene.slot(3).center)
    assert [e.id for e in scene.order] == before[1:4] + [before[0]] + before[4:]


def test_a_question_is_answered_by_clicking_a_choice_and_the_source_is_shown():
    app = make_app(seed=3)
    _start_from_title(app, "3")
    scene = app.scene
    choice = scene.choices[1]
    click(app, choice.rect)
    record = scene.match.game.records[0]
    assert record.chosen == (scene.keys[1],)
    assert scene.verdict is not None and scene.source is not None
    press(app, "ESCAPE")
    assert app.scene.name == "confirm"
    press(app, "RETURN")
    assert app.scene.name == "choose"


def test_escape_from_any_menu_returns_to_the_title_and_settings_are_kept():
    app = make_app()
    click(app, button(app.scene, "Settings").rect)
    press(app, "DOWN", "RETURN")                  # high contrast on (the 2nd row)
    assert app.ctx.settings.high_contrast
    press(app, "ESCAPE")
    assert app.scene.name == "title"
    again = make_app()
    assert again.ctx.settings.high_contrast     # kept between runs


def test_a_resize_lays_the_screen_out_for_the_new_size():
    app = make_app()
    app.send([pygame.event.Event(pygame.VIDEORESIZE, w=1600, h=900, size=(1600, 900))])
    assert app.surface.get_size() == (1600, 900)
    assert app.scene.size == (1600, 900)
    assert all(b.rect.right <= 1600 and b.rect.bottom <= 900 for b in app.scene.buttons)
