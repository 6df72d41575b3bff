"""The source-work kinds on screen, driven through the real loop with posted events:
the solo spectrum (keys and drag), the ask screen for the other kinds, and the classroom."""

from __future__ import annotations

import pytest

from game.classroom.session import Classroom
from game.classroom.setup import CHOICE, ClassroomSetup
from game.rules.content import Content
from game.rules.kinds import ScaleHand, ScaleVerdict
from game.ui.core.registry import make_scene
from game.ui.play import flow

from kinds_helpers import kinds_match, qid
from ui_helpers import SIZES, drag, make_app, press


def open_solo(app, *locals_):
    match = kinds_match(app.ctx, *locals_)
    app.ctx.push(flow.scene_for(app.ctx, match))
    app.run_until_idle()
    return app.scene


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_spectrum_card_is_picked_by_number_moved_with_arrows_and_submitted_with_enter(size):
    app = make_app(size)
    scene = open_solo(app, "sp-far-three")
    assert scene.name == "spectrum"
    before = list(scene.order)
    press(app, "3", "LEFT", "LEFT")
    assert scene.order == [before[2], before[0], before[1]]
    press(app, "RETURN")
    assert isinstance(scene.verdict, ScaleVerdict)
    assert list(scene.verdict.order) == [before[2], before[0], before[1]]
    press(app, "RETURN")
    assert app.scene.name == "results"


def test_a_spectrum_card_can_be_dragged_to_its_place():
    app = make_app()
    scene = open_solo(app, "sp-far-five")
    before = list(scene.order)
    drag(app, scene.slot(0).center, scene.slot(3).center)
    assert scene.order == before[1:4] + [before[0]] + before[4:]
    assert scene.verdict is None        # a drop is not a submission


def test_escape_on_a_spectrum_asks_before_leaving_and_no_keeps_the_cards_as_they_were():
    app = make_app()
    scene = open_solo(app, "sp-far-three")
    press(app, "3", "LEFT")
    order = list(scene.order)
    press(app, "ESCAPE")
    assert app.scene.name == "confirm"        # as on every play screen (review M1)
    press(app, "ESCAPE")                      # No
    assert app.scene is scene and scene.order == order
    press(app, "ESCAPE", "RETURN")            # Leave: the game is kept for Continue
    assert app.scene is not scene and app.ctx.paused_match is scene.match


def test_the_right_placement_scores_full_marks_on_screen():
    app = make_app()
    scene = open_solo(app, "sp-planned-three")
    truth = [p.perspective for p in scene.question.placements]
    for target, key in enumerate(truth):      # carry each voice to its place with keys
        index = scene.order.index(key) + 1
        press(app, str(index), *["LEFT"] * (index - 1 - target))
    assert scene.order == truth
    press(app, "RETURN")
    assert scene.verdict.correct


@pytest.mark.parametrize("local,lead", [("s-hexbear-audience", "Sourcing: audience"),
                                        ("co-complicity", "Corroboration"),
                                        ("ce-populist", "Claim and evidence")])
def test_the_ask_screen_names_the_kind_and_answers_by_number(local, lead):
    app = make_app()
    scene = open_solo(app, local)
    assert scene.name == "ask" and scene.lead.startswith(lead)
    press(app, "1")
    assert scene.verdict is not None
    if local.startswith("co-"):
        assert scene.verdict.also is not None
        assert any(part[0].startswith("\u2014 ") for part in scene.left_parts)


def classroom(app, local):
    content = Content.from_library(app.ctx.library)
    one = Content((), (content.question(qid(local)),), content.perspectives)
    room = Classroom(ClassroomSetup(teams=("Red", "Blue"), rounds=1, round_types=(CHOICE,),
                                    timer=0, seed=4), one)
    app.ctx.push(make_scene("classroom-play", app.ctx, room=room))
    app.run_until_idle()
    return app.scene, room


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_classroom_team_orders_the_voices_by_number_and_sends_with_enter(size):
    app = make_app(size)
    scene, room = classroom(app, "sp-break-three")
    prompt = room.prompt
    assert isinstance(prompt, ScaleHand)
    truth = [p.perspective for p in prompt.question.placements]
    press(app, *[str(prompt.cards.index(k) + 1) for k in truth])
    assert scene.order == truth
    press(app, "RETURN")
    assert scene.view == "verdict" and scene.showing.verdict.correct


def test_a_classroom_team_can_take_back_a_voice_before_sending():
    app = make_app()
    scene, room = classroom(app, "sp-far-three")
    press(app, "1", "2", "BACKSPACE")
    assert scene.order == [room.prompt.cards[0]]
    press(app, "RETURN")                 # not complete: Enter uses the focused card instead
    assert scene.view == "turn"


def test_a_classroom_team_answers_a_claim_question_by_number():
    app = make_app()
    scene, room = classroom(app, "ce-ran-on-policy")
    right = next(i for i, c in enumerate(room.prompt.live_choices)
                 if c.key == room.prompt.question.answer)
    press(app, str(right + 1))
    assert scene.view == "verdict" and scene.showing.verdict.correct


def test_a_classroom_results_row_names_the_voices_in_the_order_given():
    from game.classroom.rows import ORDER_SEPARATOR, answer_row
    app = make_app()
    scene, room = classroom(app, "sp-far-three")
    prompt = room.prompt
    press(app, "1", "2", "3", "RETURN")
    record = room.session.history[-1]
    row = answer_row(record, "Red", room.content)
    assert row.answer_given == ORDER_SEPARATOR.join(prompt.name(k) for k in prompt.cards)
    assert row.item_ids == (prompt.question.id,)
