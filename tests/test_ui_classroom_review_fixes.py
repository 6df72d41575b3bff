"""The classroom screens after the hands-on review (issue 11): the steal never shows the
answer first (B1), on-screen teacher controls and a presenter remote (M6), a fair end
(M7), no stray clicks or Enter that end things (m13), a pause that hides the question
(m22), arrows that follow the answer grid (M2), the team's own order on a hand (m12)."""

import pygame
import pytest
from classroom_helpers import right_move, wrong_move
from ui_helpers import texts_drawn

from game.ui.app import App
from game.ui.widgets.focus import grid_move
from game.ui.core import input as keys
from game.ui.core.input import click_events, key_event


def press(app, *names):
    app.send([key_event(getattr(pygame, f"K_{n}")) for n in names])


def click(app, where):
    pos = where if len(where) == 2 else pygame.Rect(where).center
    app.send(click_events(tuple(pos)))


def answer(app, move):
    prompt = app.scene.room.prompt
    if hasattr(prompt, "question"):
        press(app, str([c.key for c in prompt.live_choices].index(move) + 1))
    else:
        ids = [c.id for c in prompt.cards]
        press(app, *[str(ids.index(i) + 1) for i in move], "RETURN")


@pytest.fixture
def app():
    app = App(size=(1024, 640), seed=5)
    app.run_until_idle()
    yield app
    pygame.quit()


def start(app, questions_only=True):
    click(app, next(b for b in app.scene.buttons if b.label == "Classroom").rect)
    setup = app.scene
    if questions_only:
        for field in setup.fields:
            if field.label == "Timeline (sort the hand)" and field.value():
                click(app, field.rect)
    click(app, next(f for f in setup.fields if f.label.startswith("Start")).rect)
    assert app.scene.name == "classroom-play"
    return app.scene


def test_a_miss_open_to_a_steal_shows_only_not_quite_with_the_wrong_answer_struck_out(app):
    play = start(app)
    room = play.room
    missed = wrong_move(room.prompt)
    answer(app, missed)
    assert play.view == "offer" and play.showing is None and room.reveal is None
    assert missed in room.prompt.removed          # struck out on the offer
    app.draw()
    press(app, "RETURN")                          # Enter does not take a steal (m13)
    assert play.view == "offer"
    press(app, "y")
    assert room.stealing and missed not in [c.key for c in room.prompt.live_choices]
    answer(app, right_move(room.prompt))
    assert play.view == "verdict" and play.showing.stolen


def test_the_steal_offer_has_buttons_for_the_mouse(app):
    play = start(app)
    answer(app, wrong_move(play.room.prompt))
    app.draw()
    click(app, play.steal_no.rect)
    assert play.view == "verdict" and play.showing.verdict is not None
    assert not play.showing.verdict.correct        # now the room may see the answer


def test_a_click_beside_the_carry_on_button_does_not_end_the_verdict(app):
    play = start(app)
    answer(app, right_move(play.room.prompt))
    assert play.view == "verdict"
    click(app, (play.body.centerx, play.body.centery))
    assert play.view == "verdict"
    click(app, play.carry_on.rect)
    assert play.view == "turn"


def test_the_teacher_toolbar_pauses_skips_undoes_and_gives_points_with_the_mouse(app):
    play = start(app)
    room = play.room
    tool = {b.key or b.label: b for b in play.tools.buttons}
    click(app, tool["P"].rect)
    assert room.paused and tool["P"].label == "Resume"
    click(app, tool["P"].rect)
    assert not room.paused
    click(app, tool["+1 point"].rect)
    assert room.scores[0] == 1
    click(app, tool["U"].rect)
    assert room.scores[0] == 0
    click(app, tool["S"].rect)
    assert play.view == "verdict" and play.showing.kind == "skip"
    click(app, tool["Esc"].rect)
    assert play.confirm_end and app.scene.name == "confirm"
    app.draw()
    click(app, app.scene.yes.rect)
    assert room.over and app.scene.name == "classroom-board"


def test_a_presenter_remote_carries_on_pauses_and_undoes(app):
    play = start(app)
    room = play.room
    press(app, "b")
    assert room.paused
    press(app, "PERIOD")
    assert not room.paused
    answer(app, right_move(room.prompt))
    press(app, "PAGEDOWN")
    assert play.view == "turn" and room.team == 1
    press(app, "PAGEUP")
    assert room.scores[0] == 0


def test_a_pause_hides_the_question(app):
    play = start(app)
    quote = play.room.prompt.question
    app.draw()
    before = pygame.Surface.copy(app.surface)
    press(app, "p")
    app.draw()
    # The question's panel is gone under the pause: the drawn body differs.
    assert play.room.paused
    assert pygame.image.tostring(before, "RGB") != pygame.image.tostring(app.surface, "RGB")
    assert quote is not None


def test_a_session_ended_early_says_so_and_a_mouse_gets_back_to_the_title(app):
    play = start(app)
    answer(app, right_move(play.room.prompt))     # team 1 has its turn, team 2 never
    click(app, play.carry_on.rect)
    press(app, "ESCAPE")
    press(app, "y")
    board = app.scene
    assert board.name == "classroom-board"
    rows, headline, note = board._rows_and_headline()
    assert "ended early" in note and "wins" not in headline
    app.draw()
    click(app, next(b for b in board.buttons if b.label == "Back to the title").rect)
    assert app.scene.name == "title"


def test_the_class_review_has_a_clickable_way_out(app):
    play = start(app)
    answer(app, wrong_move(play.room.prompt))
    press(app, "n")
    press(app, "ESCAPE")
    press(app, "y")
    app.draw()
    click(app, app.scene.buttons[0].rect)          # "Review what the class missed"
    review = app.scene
    assert review.name == "classroom-review"
    app.draw()
    click(app, (review.fr.body.centerx, review.fr.body.y + 5))   # a stray click: nothing
    assert app.scene is review
    click(app, review.done.rect)
    assert app.scene.name == "title"


@pytest.mark.parametrize("start_at, key, expected", [
    (1, keys.DOWN, 3), (0, keys.RIGHT, 1), (3, keys.UP, 1), (2, keys.RIGHT, 3),
    (3, keys.RIGHT, 3), (0, keys.UP, 0), (1, keys.LEFT, 0)])
def test_arrows_in_the_answer_grid_follow_the_layout(start_at, key, expected):
    assert grid_move(start_at, key, 4, 2) == expected


def test_a_projector_card_title_never_breaks_a_word_in_the_middle(app):
    from game.ui.classroom.draw import fit_style
    styles = (("serif-bold", 40), ("serif-bold", 20))
    word = "Novocherkassk"
    narrow = app.ctx.text.width(word, styles[1]) + 2
    assert fit_style(app.ctx, f"The {word} shootings", styles, narrow, 10_000) == styles[1]


def test_the_long_steal_label_is_drawn_whole_on_the_set_up(app):
    click(app, next(b for b in app.scene.buttons if b.label == "Classroom").rect)
    setup = app.scene
    steal = next(f for f in setup.fields if f.label.startswith("Steal"))
    drawn = texts_drawn(app, ("fit",))
    assert steal.label not in drawn        # never cut with an ellipsis (m9)
