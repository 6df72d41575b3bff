"""Solo play after the hands-on review (issue 11): Esc asks first and Continue resumes
the game left (M1); arrows follow the answer grid (M2); the chronology board (M3, M4, m2, m6)."""

import pygame

from ui_helpers import button, click, make_app, press, texts_drawn


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
    assert app.scene.name == "choose"


def test_continue_resumes_a_left_game_at_the_same_question_with_its_score():
    app = make_app(seed=3)
    _start(app, "3")
    press(app, "1", "RETURN", "1", "RETURN")  # two questions answered
    match = app.scene.match
    step, score = match.prompt.step, match.score
    press(app, "ESCAPE", "RETURN")            # leave: yes, back to Play
    press(app, "ESCAPE")                      # and to the title
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
    while app.scene.name in ("ask", "spectrum"):
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


def _board(size=(1024, 640), seed=5, **settings):
    app = make_app(size=size, seed=seed)
    if settings:
        app.ctx.change_settings(**settings)
        app.run_until_idle()
    _start(app, "1")
    assert app.scene.name == "board"
    return app


def _place_right(app):
    """Put the card in its true gap with the keyboard (the test knows the dates)."""
    scene = app.scene
    line, card = scene.line, scene.card
    gap = sum(1 for e in line if e.date.first_day <= card.date.first_day)
    press(app, "HOME", *["RIGHT"] * gap, "RETURN")


def test_a_right_card_keeps_its_explanation_until_the_player_continues():
    app = _board()
    scene = app.scene
    _place_right(app)
    assert scene.verdict is not None and scene.verdict.correct
    app.step(dt=5.0)
    app.run_until_idle()
    assert app.scene is scene                  # no auto-advance after 0.9 s (m2)
    press(app, "RETURN")
    assert app.scene is not scene


def test_the_cards_left_count_does_not_jump_when_a_card_is_placed():
    app = _board()
    scene = app.scene
    before = scene.left_label()
    _place_right(app)
    after = scene.left_label()
    press(app, "RETURN")
    nxt = app.scene.left_label()
    n = int(before.split()[0])
    assert after == f"{n - 1} cards left" and nxt == after    # never n-2 then n-1 (m6)


def _summary_drawn(app, scene):
    """Whether the card's summary appears on screen: its first words are rendered."""
    text = app.ctx.text
    drawn = []
    original = text.block
    def spy(content, *args, **kwargs):
        drawn.append(content)
        return original(content, *args, **kwargs)
    text.block = spy
    try:
        app.draw()
    finally:
        text.block = original
    return scene.card.summary in drawn


def test_large_and_extra_large_text_still_show_the_explanation():
    for size in ("large", "extra-large"):
        app = _board(text_size=size)
        scene = app.scene
        press(app, "RETURN")
        assert scene.verdict is not None
        app.run_until_idle()
        assert _summary_drawn(app, scene), size      # never dropped (M3)
        pygame.quit()


def test_a_long_line_says_how_many_cards_are_out_of_view():
    app = _board()
    for _ in range(40):
        scene = app.scene
        if scene.name != "board" or len(scene.line) >= 10:
            break
        _place_right(app)
        press(app, "RETURN")
    scene = app.scene
    assert scene.name == "board" and len(scene.line) >= 10
    press(app, "HOME")
    left, right = scene.hidden_counts()
    assert right > 0 and left == 0             # the hint is drawn (M4)
    press(app, "END")
    left, right = scene.hidden_counts()
    assert left > 0 and right == 0


def test_the_finished_line_is_shown_before_the_results():
    app = _board()
    for _ in range(60):
        if app.scene.name != "board":
            break
        _place_right(app)
        press(app, "RETURN")
    assert app.scene.name == "finished-line"
    assert len(app.scene.line) == len(app.scene.match.game.prompt.line) if app.scene.match.game.prompt else True
    press(app, "RETURN")
    assert app.scene.name == "results"


def test_a_click_on_a_gap_then_again_places_the_card():
    app = _board()
    scene = app.scene
    target = 0 if scene.gap_cursor != 0 else len(scene.line)
    x = scene.gap_x(target)
    y = scene.row_y + scene.card_h // 2
    click(app, pygame.Rect(x - 2, y - 2, 4, 4))
    assert scene.gap_cursor == target and scene.verdict is None
    click(app, pygame.Rect(x - 2, y - 2, 4, 4))
    assert scene.verdict is not None and scene.verdict.gap == target


def test_the_year_hint_shows_the_cards_year_and_costs_points():
    app = _board()
    scene = app.scene
    press(app, "h")
    assert scene.card.id in app.scene.match.prompt.revealed
    _place_right(app)
    record = scene.match.game.records[-1]
    assert record.hint == "year" and record.points == 5


def test_the_turn_timer_is_off_by_default_and_times_a_turn_out_when_on():
    app = _board()
    assert app.scene.match.game.session.rules.time_limit is None
    pygame.quit()
    app = _board(turn_timer=20)
    scene = app.scene
    app.step(dt=21.0)
    assert scene.verdict is not None and scene.match.game.records[-1].timed_out


def test_a_sort_hand_takes_the_year_hint_and_a_right_hand_does_not_repeat_its_order():
    app = make_app(seed=4)
    _start(app, "2")
    scene = app.scene
    press(app, "h")
    assert len(scene.match.prompt.revealed) == 1
    from game.rules import ordering
    truth = [e.id for e in ordering.true_order(scene.order)]
    scene.order = sorted(scene.order, key=lambda e: truth.index(e.id))
    press(app, "s")
    assert scene.verdict.correct and scene.verdict.record.hint == "year"
    assert "The true order" not in texts_drawn(app)   # it would repeat the row (m15)


def test_a_wrong_hand_explains_each_card_out_of_place_below_the_true_order():
    app = make_app(seed=4, size=(1920, 1080))
    _start(app, "2")
    scene = app.scene
    from game.rules import ordering
    truth = [e.id for e in ordering.true_order(scene.order)]
    scene.order = sorted(scene.order, key=lambda e: -truth.index(e.id))   # backwards
    press(app, "s")
    missed = [e for e in scene.verdict.true_order if e.id in scene.verdict.misplaced]
    assert missed and not scene.verdict.correct
    drawn = " ".join(texts_drawn(app))
    for event in missed:                       # the title, its date and what it was (m15)
        assert f"{event.title} ({event.when}): {event.summary}" in drawn
    right = [e for e in scene.verdict.true_order if e.id not in scene.verdict.misplaced]
    assert all(f"{e.title} ({e.when}):" not in drawn for e in right)


def test_on_a_small_window_the_explanations_are_cut_to_a_line_each_never_drawn_off_screen():
    app = make_app(seed=4)
    _start(app, "2")
    scene = app.scene
    from game.rules import ordering
    truth = [e.id for e in ordering.true_order(scene.order)]
    scene.order = sorted(scene.order, key=lambda e: -truth.index(e.id))
    press(app, "s")
    app.draw()
    assert scene.why_rect.bottom <= scene.fr.body.bottom
    drawn = texts_drawn(app)
    shown = [t for t in drawn if "): " in t] + [t for t in drawn if "more out of place" in t]
    assert shown                                # something explains the misses


def test_text_size_goes_both_ways_with_the_mouse_and_its_row_stays_under_the_pointer():
    app = make_app()
    click(app, button(app.scene, "Settings").rect)
    scene = app.scene
    row = scene.rows[0]
    minus, plus = row.ends(app.ctx)
    click(app, plus)
    assert app.ctx.settings.text_size == "large"
    app.run_until_idle()
    minus, plus = scene.rows[0].ends(app.ctx)
    spot = plus.center
    assert scene.rows[0].rect.collidepoint(spot)
    click(app, pygame.Rect(spot, (1, 1)))
    assert app.ctx.settings.text_size == "extra-large" and not app.ctx.settings.high_contrast
    click(app, scene.rows[0].ends(app.ctx)[0])
    assert app.ctx.settings.text_size == "large"


def test_the_turn_timer_is_a_setting_that_is_kept():
    app = make_app()
    click(app, button(app.scene, "Settings").rect)
    scene = app.scene
    timer = scene.rows[-1]
    assert timer.label == "Turn timer: Off"
    click(app, timer.ends(app.ctx)[1])
    assert app.ctx.settings.turn_timer == 20
    assert make_app().ctx.settings.turn_timer == 20


def test_a_source_panel_shows_whole_lines_only_at_its_edges():
    from game.ui.core import input as keys
    from game.ui.core.input import Action
    from game.ui.widgets.scroll import ScrollView
    view = ScrollView()
    view.set_geometry(pygame.Rect(0, 0, 300, 205), 1000, step=50, line=24)
    assert view.rect.height % 24 == 0
    for kind in (keys.DOWN, keys.PAGE_DOWN, keys.DOWN, keys.END, keys.UP):
        view.handle(Action(kind))
        assert view.offset % 24 == 0
    assert view.max_offset + view.rect.height >= 1000     # the last line is reachable


def test_the_whose_view_source_panel_is_laid_out_in_whole_lines():
    app = make_app(seed=3)
    _start(app, "3")
    press(app, "1")
    scroll = app.scene.source.scroll
    assert scroll.line and scroll.rect.height % scroll.line == 0 and scroll.offset % scroll.line == 0


def test_a_resting_mouse_does_not_move_the_keyboard_focus():
    app = make_app()
    title = app.scene
    focused = title.focus.index
    other = title.buttons[-1]                  # Quit
    app.send([pygame.event.Event(pygame.MOUSEMOTION, pos=other.rect.center, rel=(0, 0),
                                 buttons=(0, 0, 0))])
    assert title.focus.index == focused and title.focus.hovered == len(title.buttons) - 1


def test_a_portrait_window_gets_type_as_large_as_a_small_landscape_one():
    from game.ui.core.theme import window_scale
    assert window_scale((800, 1000)) >= window_scale((1024, 640))
    assert window_scale((1000, 800)) == window_scale((1000, 800))   # landscape unchanged
    app = make_app(size=(800, 1000))
    for name in ("Play", "Settings"):
        assert button(app.scene, name).rect.right <= 800


def test_a_source_that_fits_gets_a_panel_that_ends_under_it_and_a_long_one_the_full_height():
    fitted = {}
    for size in ((3840, 2160), (1024, 640)):
        app = make_app(size, seed=3)
        _start(app, "3")
        press(app, "1")
        ask, scroll = app.scene, app.scene.source.scroll
        full = ask.left.height            # the column the panel sits beside (wide layout)
        if scroll.max_offset == 0:
            assert ask.source_rect.height < full
            assert scroll.rect.y + scroll.content_height <= ask.source_rect.bottom
        else:
            assert ask.source_rect.height == full
        fitted[size] = scroll.max_offset == 0
    assert fitted == {(3840, 2160): True, (1024, 640): False}
