"""Screenshots of the classroom screens, driven by the events a teacher makes.

    classroom_shots(outdir, (1024, 640), seed=7) -> [paths]

For `thaw screenshots` (game/commands/screenshots.py calls it once per size, after its
own tour, while THAW_HOME points at its temporary folder). Layout rectangles are read to
know where to click; the scenes' state is never set directly.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.rules.prompts import Ask, SortHand
from game.ui.app import App
from game.ui.core.input import click_events, key_event

MAX_STEPS = 200


class _Tour:
    def __init__(self, outdir, size, seed, extra_packs=()) -> None:
        self.outdir = Path(outdir)
        self.tag = f"{size[0]}x{size[1]}"
        self.app = App(size=size, seed=seed, extra_packs=extra_packs)
        self.app.run_until_idle()
        self.written: list[Path] = []

    @property
    def scene(self):
        return self.app.scene

    def keys(self, *names) -> None:
        self.app.send([key_event(getattr(pygame, f"K_{n}")) for n in names])

    def click(self, rect) -> None:
        self.app.send(click_events(pygame.Rect(rect).center))

    def shot(self, name: str) -> None:
        path = self.outdir / f"{self.tag}-classroom-{name}.png"
        self.app.save_png(path)
        self.written.append(path)


def _play_turn(tour: _Tour, prompt) -> None:
    if isinstance(prompt, Ask):
        tour.keys("1")
    elif isinstance(prompt, SortHand):
        tour.keys(*[str(n) for n in range(1, len(prompt.cards) + 1)], "RETURN")


def _miss(tour: _Tour, prompt) -> None:
    """Answer a question wrong (the first wrong choice), as a team that guessed."""
    keys = [c.key for c in prompt.live_choices]
    wrong = next(k for k in keys if k != prompt.question.answer)
    tour.keys(str(keys.index(wrong) + 1))


def play_to_scoreboard(tour: _Tour) -> None:
    for _ in range(MAX_STEPS):
        scene = tour.scene
        if scene.name != "classroom-play":
            return
        if scene.view == "verdict":
            tour.keys("RETURN")
        elif scene.view == "offer":
            tour.keys("n")
        else:
            _play_turn(tour, scene.room.prompt)


def classroom_shots(outdir, size, seed: int = 7, extra_packs=()) -> list[Path]:
    tour = _Tour(outdir, size, seed, extra_packs)
    title = tour.scene
    button = next(b for b in title.buttons if b.label == "Classroom")
    tour.click(button.rect)
    setup = tour.scene
    # Three teams, the first renamed by typing, questions first, a 30 s timer.
    setup.focus = 0
    while len(setup.setup.teams) < 3:
        tour.keys("RIGHT")
    tour.keys("DOWN")
    for _ in range(len(setup.setup.teams[0])):
        tour.keys("BACKSPACE")
    tour.app.send([pygame.event.Event(pygame.TEXTINPUT, text=ch) for ch in "Lenin Row"])
    tour.shot("1-setup")
    start = next(f for f in setup.fields if f.label.startswith("Start"))
    tour.click(start.rect)
    play = tour.scene
    if play.name != "classroom-play":
        tour.shot("1b-setup-problem")
        return tour.written
    tour.shot("2-turn")
    tour.app.step(dt=min(24.0, max(0.0, (play.room.timer.limit or 0) - 6)))
    tour.shot("3-countdown")
    prompt = play.room.prompt
    if isinstance(prompt, Ask):     # a miss: only "Not quite", and the steal offer at once
        _miss(tour, prompt)
    else:
        _play_turn(tour, prompt)
    if tour.scene.name == "classroom-play" and tour.scene.view == "offer":
        tour.shot("4-steal-offer")
        tour.keys("n")
    tour.shot("5-verdict")
    tour.keys("RETURN")
    tour.keys("p")
    tour.shot("5b-paused")
    tour.keys("p", "h")
    tour.shot("6-help")
    tour.keys("ESCAPE")
    play_to_scoreboard(tour)
    tour.shot("7-scoreboard")
    tour.keys("RETURN")
    if tour.scene.name == "classroom-play":
        tour.shot("8-next-round")
        prompt = tour.scene.room.prompt
        if isinstance(prompt, SortHand):
            tour.keys("2", "1")
            tour.shot("8b-timeline-half-placed")
        elif isinstance(prompt, Ask):
            _miss(tour, prompt)
            if tour.scene.view == "offer":
                tour.shot("8c-steal-offer")
        tour.keys("ESCAPE")
        tour.shot("9-confirm-end")
        tour.keys("y")
    tour.shot("10-end")
    tour.keys("RETURN")
    tour.shot("11-review-missed")
    tour.app.close()
    return tour.written
