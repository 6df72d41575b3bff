"""Play that teaches (issue 11): every game's answers are remembered; the title offers a
spaced review of what is due; the Progress screen charts what is known and reviews what
was missed most; Play filters by years and kinds of question."""

from datetime import timedelta

import pygame

from game.rules.filters import PERIODS
from game.rules.game import MODE_REVIEW
from ui_helpers import button, click, make_app, press


def _play_whose_view(app):
    click(app, button(app.scene, "Play").rect)
    press(app, "3")
    while app.scene.name in ("ask", "spectrum"):
        press(app, "1", "RETURN")
    assert app.scene.name == "results"


def test_every_game_remembers_its_answers_and_the_title_offers_a_review_when_they_are_due():
    app = make_app(seed=3)
    assert app.ctx.progress.memory == {}
    assert button(app.scene, "Review").enabled is False
    _play_whose_view(app)
    memory = app.ctx.progress.memory
    assert len(memory) >= 8
    later = app.ctx.clock() + timedelta(days=30)
    app.ctx.clock = lambda: later
    press(app, "ESCAPE")                              # results -> title
    title = app.scene
    review = next(b for b in title.buttons if b.label.startswith("Review ("))
    assert review.enabled and f"({len(memory)} due)" in review.label or "due)" in review.label
    click(app, review.rect)
    assert app.scene.match.mode == MODE_REVIEW
    # The memory is saved: a new window reads it back.
    assert len(make_app().ctx.progress.memory) == len(memory)


def test_the_progress_screen_charts_periods_and_views_and_reviews_the_most_missed():
    app = make_app(seed=3)
    _play_whose_view(app)
    press(app, "ESCAPE")
    click(app, button(app.scene, "Progress").rect)
    scene = app.scene
    assert scene.name == "progress"
    assert [label for label, *_ in scene.periods] == [p.label for p in PERIODS]
    assert scene.views and scene.missed
    app.draw()
    press(app, "r")
    assert app.scene.match.mode == MODE_REVIEW
    asked = {p.question.id for p in [app.scene.prompt] if hasattr(p, "question")}
    assert asked <= {m.id for m in scene.missed} | asked


def test_progress_with_nothing_played_says_so_and_review_these_is_disabled():
    app = make_app()
    click(app, button(app.scene, "Progress").rect)
    scene = app.scene
    assert not scene.review.enabled and scene.missed == ()
    app.draw()


def test_play_filters_deal_only_questions_of_the_kind_chosen():
    app = make_app(seed=3)
    click(app, button(app.scene, "Play").rect)
    choose = app.scene
    click(app, choose.kind_button.rect)               # whose view only
    assert choose.kind_button.label == "Questions: whose view"
    press(app, "3")
    kinds = set()
    while app.scene.name in ("ask", "spectrum"):
        kinds.add(app.scene.question.kind)
        press(app, "1", "RETURN")
    assert kinds == {"whose-view"}
    assert app.scene.match.filters == ((), ("whose-view",))


def test_a_period_filter_deals_events_of_those_years_only():
    app = make_app(seed=3)
    click(app, button(app.scene, "Play").rect)
    choose = app.scene
    click(app, choose.period_button.rect)
    period = PERIODS[0]
    assert period.label in choose.period_button.label
    press(app, "2")                                   # sort the hand
    scene = app.scene
    if scene.name == "sort":
        assert all(period.holds(e.date.first_day.year) for e in scene.order)
    else:                                             # too few events: a clear notice
        assert scene.name == "notice"


def test_a_problem_with_a_card_is_reported_from_its_verdict_with_a_note():
    app = make_app(seed=3)
    click(app, button(app.scene, "Play").rect)
    press(app, "3")
    scene = app.scene
    press(app, "1")
    assert scene.verdict is not None
    press(app, "r")
    assert app.scene.name == "report"
    app.send([pygame.event.Event(pygame.TEXTINPUT, text=ch) for ch in "typo here"])
    press(app, "SPACE")                  # Space types; it does not send
    assert app.scene.name == "report"
    press(app, "RETURN")
    assert app.scene is scene and not scene.report.enabled
    reports = app.ctx.reports.load()
    assert len(reports) == 1
    assert reports[0].item_id == scene.question.id and reports[0].note.startswith("typo here")
    assert reports[0].kind == "question" and reports[0].file.endswith(".yaml")


def test_a_timeline_card_can_be_reported_with_the_mouse():
    app = make_app(seed=3)
    click(app, button(app.scene, "Play").rect)
    press(app, "1")
    scene = app.scene
    press(app, "RETURN")
    app.draw()
    click(app, scene.report.rect)
    assert app.scene.name == "report"
    app.draw()
    click(app, app.scene.send.rect)
    assert app.ctx.reports.load()[0].item_id == scene.card.id
