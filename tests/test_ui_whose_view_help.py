"""The whose-view screen asks the question's own prompt, shows the reading rule in one line,
and puts each perspective's view (not its role) under its name."""

from dataclasses import replace

import pytest
from ui_helpers import SIZES, make_app

from game.rules import game as rules
from game.rules.choices import choices_for
from game.rules.prompts import READING_RULE, WHOSE_VIEW_LEAD, Ask
from game.rules.rng import rng_for
from game.ui.play.ask import AskScene
from game.ui.play.match import new_match


def _scene(size, question_id):
    app = make_app(size)
    ctx = app.ctx
    match = new_match(ctx, rules.MODE_WHOSE_VIEW, ())
    question = ctx.library.question(f"khrushchev-era:{question_id}")
    choices = choices_for(question, match.game.content, rng_for(1, "test"), 4)
    match.game = replace(match.game, prompt=Ask(0, question, choices))
    scene = AskScene(ctx, match)
    scene.ensure_layout(size)
    return ctx, question, scene


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_whose_view_question_with_a_prompt_asks_it_above_the_rule_and_the_quote(size):
    ctx, question, scene = _scene(size, "q-freeze-gulag")
    assert question.prompt and scene.lead == question.prompt
    assert scene.rule == READING_RULE
    rule_h = ctx.text.block_size(READING_RULE, "small", scene.fr.body.width)[1]
    assert scene.lead_y + scene.lead_h + rule_h <= scene.quote_rect.y   # nothing overlaps


def test_a_whose_view_question_without_a_prompt_asks_the_default_question():
    _, question, scene = _scene(SIZES[0], "q-cardboard")
    assert not question.prompt and scene.lead == WHOSE_VIEW_LEAD


def test_each_answer_shows_the_perspectives_view_never_its_role():
    ctx, question, scene = _scene(SIZES[0], "q-messy")
    for button, key in zip(scene.choices, scene.keys):
        view = ctx.library.perspective(key)
        assert button.detail == view.view and view.role not in button.detail
