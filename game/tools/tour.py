"""The screenshot tour: every screen and state, driven by real events (see
game/commands/screenshots.py). Reading a scene's layout to know where to click is fine;
changing its state directly is not."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.rules import ordering
from game.ui.app import App
from game.ui.core.input import click_events, drag_events, key_event


class Tour:
    def __init__(self, outdir: Path, size, seed: int, extra_packs=()) -> None:
        self.outdir = Path(outdir)
        self.tag = f"{size[0]}x{size[1]}"
        self.app = App(size=size, seed=seed, extra_packs=extra_packs)
        self.app.run_until_idle()
        self.written: list[Path] = []

    def keys(self, *names) -> None:
        self.app.send([key_event(getattr(pygame, f"K_{n}")) for n in names])

    def shot(self, name: str) -> None:
        path = self.outdir / f"{self.tag}-{name}.png"
        self.app.save_png(path)
        self.written.append(path)

    @property
    def scene(self):
        return self.app.scene

    def home(self) -> None:
        for _ in range(8):
            if self.scene.name == "title":
                return
            self.keys("RETURN" if self.scene.name == "confirm" else "ESCAPE")

    def click(self, rect) -> None:
        self.app.send(click_events(rect.center))


def _button(scene, label):
    for button in getattr(scene, "buttons", []):
        if button.label == label:
            return button
    raise LookupError(label)


def take_all(outdir, size, seed: int, extra_packs=()) -> list[Path]:
    tour = Tour(outdir, size, seed, extra_packs)
    tour.shot("01-title")
    # Settings, by mouse; the extra-large text size, then back to medium.
    tour.click(_button(tour.scene, "Settings").rect)
    tour.shot("02-settings")
    tour.keys("RIGHT", "RIGHT")
    tour.shot("02b-settings-extra-large")
    tour.keys("LEFT", "LEFT", "ESCAPE")
    # Packs, with the deliberately broken one.
    tour.click(_button(tour.scene, "Packs").rect)
    tour.shot("03-packs-with-broken")
    tour.keys("ESCAPE")
    # Explore: zoomed out, zoomed in, an event opened.
    tour.click(_button(tour.scene, "Explore").rect)
    tour.shot("04-explore-zoomed-out")
    tour.keys(*["RIGHT"] * 14, "EQUALS", "EQUALS", "EQUALS", "EQUALS")
    tour.shot("05-explore-zoomed-in")
    tour.keys("RETURN")
    tour.shot("06-explore-event")
    tour.keys("ESCAPE", "ESCAPE")
    # Choose.
    tour.click(_button(tour.scene, "Play").rect)
    tour.shot("07-choose")
    # Chronology: a drag in progress, a wrong placement, the year hint, a long line,
    # the finished line and its results.
    tour.keys("1")
    board = tour.scene
    hand = board.hand_rect()
    target = (board.gap_x(0), board.row_y + board.card_h // 2)
    tour.app.send(drag_events(hand.center, target, release=False))
    tour.shot("08-board-dragging")
    tour.app.send([pygame.event.Event(pygame.MOUSEBUTTONUP, pos=hand.center, button=1)])
    _wrong_placement(tour)
    tour.keys("RETURN")
    if tour.scene.name == "board":
        tour.keys("h")
        tour.shot("10b-board-year-hint")
    tour.keys("ESCAPE")
    tour.shot("10c-leave-confirm")
    tour.keys("ESCAPE")                       # no: keep playing
    _long_line(tour)
    tour.keys("ESCAPE", "RETURN")             # leave: back to Play
    tour.home()
    tour.shot("10f-title-continue")
    # Sort the hand: the result.
    tour.click(_button(tour.scene, "Play").rect)
    tour.keys("2")
    tour.shot("11-sort-hand")
    tour.keys("RETURN", "RIGHT", "RETURN", "s")
    tour.shot("12-sort-result")
    tour.keys("ESCAPE", "RETURN")
    tour.home()
    # Whose view?: a question, the 50/50, its verdict with the source panel, a report.
    tour.click(_button(tour.scene, "Play").rect)
    tour.keys("3")
    for _ in range(12):
        if tour.scene.name == "ask" and tour.scene.question.is_whose_view:
            break
        tour.keys("1", "RETURN")
    tour.shot("13-whose-view-question")
    tour.keys("h")
    tour.shot("13b-whose-view-fifty-fifty")
    tour.keys("2")
    tour.shot("14-whose-view-verdict-source")
    tour.keys("r")
    tour.app.send([pygame.event.Event(pygame.TEXTINPUT, text=ch) for ch in "The date looks wrong"])
    tour.shot("14b-report-a-problem")
    tour.keys("ESCAPE")
    # Play the rest to the results.
    for _ in range(20):
        if tour.scene.name == "results":
            break
        tour.keys("1", "RETURN")
    tour.shot("15-results")
    # The campaign's levels and a level's intro.
    tour.keys("ESCAPE")
    tour.click(_button(tour.scene, "Play").rect)
    tour.keys("4")
    tour.shot("16-campaign-levels")
    tour.keys("RETURN")
    tour.shot("16b-level-intro")
    tour.home()
    # Progress, after the games above.
    tour.click(_button(tour.scene, "Progress").rect)
    tour.shot("17-progress")
    tour.keys("ESCAPE")
    # High contrast: the same kinds of screen in the other palette.
    tour.click(_button(tour.scene, "Settings").rect)
    tour.keys("DOWN", "RETURN", "ESCAPE")
    tour.shot("18-hc-title")
    tour.click(_button(tour.scene, "Progress").rect)
    tour.shot("19-hc-progress")
    tour.keys("ESCAPE")
    tour.click(_button(tour.scene, "Play").rect)
    tour.keys("3", "1")
    tour.shot("20-hc-whose-view-verdict")
    tour.keys("ESCAPE", "RETURN")
    tour.home()
    tour.click(_button(tour.scene, "Play").rect)
    tour.keys("1", "RETURN")
    tour.app.run_until_idle()
    tour.shot("21-hc-board-verdict")
    return tour.written


def _right_gap(prompt) -> int:
    return next(g for g in range(len(prompt.line) + 1)
                if ordering.gap_is_right(prompt.line, prompt.card, g))


def _place_right(tour: Tour) -> None:
    board = tour.scene
    steps = _right_gap(board.prompt) - board.gap_cursor
    tour.keys(*(["RIGHT"] * steps if steps > 0 else ["LEFT"] * -steps), "RETURN")
    tour.app.run_until_idle()


def _long_line(tour: Tour) -> None:
    """Place cards right until the line is too long for the window: the "more" hints;
    then the finished line before the results."""
    shot_long = False
    for _ in range(30):
        board = tour.scene
        if board.name != "board":
            break
        if not shot_long and any(board.hidden_counts()):
            tour.shot("10d-board-long-line")
            shot_long = True
        _place_right(tour)
        tour.keys("RETURN")
    if tour.scene.name == "finished-line":
        tour.shot("10e-finished-line")
        tour.keys("RETURN")
        tour.shot("10g-results-chronology")
        tour.home()
        tour.click(_button(tour.scene, "Play").rect)
        tour.keys("1")


def _wrong_placement(tour: Tour) -> None:
    """Drop the card in a gap the dates rule out; shoot mid-slide and at rest."""
    for _ in range(10):
        board = tour.scene
        if board.name != "board":
            return
        if board.verdict is not None:        # a verdict stays until Continue
            tour.keys("RETURN")
            continue
        prompt = board.prompt
        wrong = [g for g in range(len(prompt.line) + 1)
                 if not ordering.gap_is_right(prompt.line, prompt.card, g)]
        if not wrong:
            _place_right(tour)
            continue
        steps = wrong[0] - board.gap_cursor
        tour.keys(*(["RIGHT"] * steps if steps > 0 else ["LEFT"] * -steps))
        tour.app.post(key_event(pygame.K_RETURN))
        tour.app.run_frames(12)
        tour.shot("09-board-wrong-sliding")
        tour.app.run_until_idle()
        tour.app.run_frames(60)
        tour.shot("10-board-wrong-placed")
        return
