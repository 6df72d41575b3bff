"""The results screen after the review (m8): what the player chose beside the right
answer, a celebration on a new best, "New deal", and "Next level" after a level passed."""

import pygame

from game.ui.play.match import finish, new_match
from game.rules import game as rules
from ui_helpers import button, click, make_app, press, texts_drawn


def _whose_view_to_results(app, key="1"):
    click(app, button(app.scene, "Play").rect)
    press(app, "3")
    while app.scene.name in ("ask", "spectrum"):
        if app.scene.name == "spectrum":     # a source-work spectrum: submit as dealt, go on
            press(app, "RETURN", "RETURN")
        else:
            press(app, key, "RETURN")
    return app.scene


def test_a_missed_question_shows_what_the_player_said_beside_the_answer():
    app = make_app(seed=3)
    results = _whose_view_to_results(app)
    assert results.rows
    saids = [said for _asked, _answer, said in results.rows]
    assert any(s.startswith("You said: ") for s in saids)
    app.draw()


def test_results_offer_a_new_deal_that_deals_other_cards():
    app = make_app(seed=3)
    results = _whose_view_to_results(app)
    first = [r.item_ids for r in results.match.game.records]
    new_deal = button(results, "New deal")
    click(app, new_deal.rect)
    assert app.scene.name == "ask"
    while app.scene.name == "ask":
        press(app, "1", "RETURN")
    second = [r.item_ids for r in app.scene.match.game.records]
    assert first != second


def test_beating_a_best_score_is_celebrated():
    app = make_app(seed=3)
    ctx = app.ctx
    low = new_match(ctx, rules.MODE_WHOSE_VIEW, ())
    while low.prompt is not None:                 # a poor first game: a low best
        if not hasattr(low.prompt, "live_choices"):   # a spectrum: the voices reversed
            low.move([p.perspective for p in reversed(low.prompt.question.placements)])
            continue
        wrong = next(c.key for c in low.prompt.live_choices if c.key != low.prompt.question.answer)
        low.move(wrong)
    finish(ctx, low)
    good = new_match(ctx, rules.MODE_WHOSE_VIEW, ())
    while good.prompt is not None:
        if not hasattr(good.prompt, "live_choices"):
            good.move([p.perspective for p in good.prompt.question.placements])
            continue
        good.move(good.prompt.question.answer)
    from game.ui.core.registry import make_scene
    ctx.push(make_scene("results", ctx, match=good))
    app.run_until_idle()
    scene = app.scene
    assert scene.new_best and scene.celebrate == "New best score!"


def test_a_passed_level_offers_the_next_level_first():
    app = make_app(seed=2)
    ctx = app.ctx
    pack = next(p for p in ctx.library.packs if len(p.levels) > 1)
    match = new_match(ctx, rules.MODE_CAMPAIGN, (pack.id,), pack.levels[0], pack.id)
    while match.prompt is not None:
        prompt = match.prompt
        if hasattr(prompt, "question"):
            match.move(prompt.question.answer)
        elif hasattr(prompt, "cards"):
            from game.rules import ordering
            match.move([e.id for e in ordering.true_order(prompt.cards)])
        else:
            gap = sum(1 for e in prompt.line if e.date.first_day <= prompt.card.date.first_day)
            match.move(gap)
    from game.ui.core.registry import make_scene
    ctx.push(make_scene("results", ctx, match=match))
    app.run_until_idle()
    scene = app.scene
    assert scene.level_result.passed and scene.buttons[0].label == "Next level"
    press(app, "RETURN")
    assert app.scene.name == "level-intro" and app.scene.level == pack.levels[1]


def test_sentences_built_from_pack_text_end_with_one_full_stop():
    from game.ui.core.wording import full_stop, mid_sentence
    assert full_stop("It is 'The Cult of the Individual'.") == "It is 'The Cult of the Individual'."
    assert full_stop("The answer: Khrushchev") == "The answer: Khrushchev."
    assert full_stop("He asked \u201cwhy?\u201d") == "He asked \u201cwhy?\u201d"
    assert mid_sentence("The explainer article") == "the explainer article"
    assert mid_sentence("The Times") == "The Times"


def test_packs_says_a_broken_pack_read_again_is_still_not_loaded_and_shows_the_folder():
    from game.paths import user_packs_dir
    app = make_app()
    click(app, button(app.scene, "Packs").rect)
    scene = app.scene
    folder = user_packs_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "my-pack.yaml").write_text("format: 1\npack: mine\n", encoding="utf-8")
    press(app, "r")
    assert "still not loaded: my-pack.yaml" in scene.status and "Loaded again" not in scene.status
    drawn = texts_drawn(app, ("block",))
    assert str(folder) in drawn


def test_a_placed_card_slides_into_place_and_its_points_float_up_unless_motion_is_reduced():
    from game.ui.widgets.hud import points_pop
    for reduce in (False, True):
        app = make_app(seed=5)
        app.ctx.change_settings(reduce_motion=reduce)
        click(app, button(app.scene, "Play").rect)
        press(app, "1")
        scene = app.scene
        line, card = scene.line, scene.card
        gap = sum(1 for e in line if e.date.first_day <= card.date.first_day)
        app.post([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_HOME, mod=0, unicode="", scancode=0)]
                 + [pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RIGHT, mod=0, unicode="", scancode=0)] * gap
                 + [pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="", scancode=0)])
        app.step()
        assert scene.verdict.correct
        assert scene.busy() is (not reduce)          # sliding, or there at once
        assert points_pop(scene.verdict, 0.1)[0] == f"+{scene.verdict.record.points}"
        assert points_pop(scene.verdict, 5.0) is None
        pygame.quit()


def test_the_streak_is_shown_in_the_header_from_two_in_a_row():
    from game.ui.widgets.hud import hud_text
    app = make_app(seed=3)
    match = new_match(app.ctx, rules.MODE_WHOSE_VIEW, ())
    for _ in range(2):
        match.move(match.prompt.question.answer)
    assert "Streak 2" in hud_text(match)
