"""Long text wraps and is never cut off: the longest quote in the pack, every screen size."""

from dataclasses import replace

import pygame
import pytest
from ui_helpers import SIZES, make_app

from game.rules import game as rules
from game.rules.choices import choices_for
from game.rules.prompts import Ask
from game.rules.rng import rng_for
from game.ui.play.ask import AskScene
from game.ui.play.match import new_match


def _longest(questions, field):
    return max((q for q in questions if getattr(q, field)), key=lambda q: len(getattr(q, field)))


@pytest.mark.parametrize("size", SIZES + [(1280, 720)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("field", ["quote", "prompt"])
def test_the_longest_quote_and_question_fit_whole_with_every_choice(size, field):
    app = make_app(size)
    ctx = app.ctx
    question = _longest(ctx.library.questions(), field)
    match = new_match(ctx, rules.MODE_WHOSE_VIEW, ())
    content = match.game.content
    choices = choices_for(question, content, rng_for(1, "test"), 4)
    match.game = replace(match.game, prompt=Ask(0, question, choices))
    scene = AskScene(ctx, match)
    scene.ensure_layout(size)
    quote, _ = scene._ask_text()
    gap = ctx.text.px(12)
    needed = ctx.text.block_size(quote, scene.quote_style, scene.quote_w - 2 * gap)[1]
    assert needed <= scene.quote_rect.height - 2 * gap          # not clipped
    window = pygame.Rect((0, 0), size)
    rects = [c.rect for c in scene.choices]
    for i, rect in enumerate(rects):
        assert window.contains(rect)
        assert not rect.colliderect(scene.quote_rect)
        assert all(not rect.colliderect(other) for other in rects[i + 1:])
        assert rect.height >= scene.choices[i].height_for(rect.width, ctx)


def test_wrapping_never_makes_a_line_wider_than_asked():
    app = make_app()
    text = app.ctx.text
    long = "Antidisestablishmentarianism " * 3 + "a " * 40
    for width in (40, 120, 400):
        for line in text.wrap(long, "body", width):
            assert text.width(line, "body") <= width
        assert "".join(text.wrap(long, "body", width)).replace(" ", "") == long.replace(" ", "")
