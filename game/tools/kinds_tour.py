"""Screenshots of the source-work kinds (issue 12), solo and classroom, driven by keys.

    kinds_shots(outdir, (1024, 640), seed=7) -> [paths]

Each kind is shown on one question of the bundled pack: the solo question and its
verdict, then a classroom turn and its verdict on the projector screen. The games are
started as a player or teacher would (a level of that one question; a classroom of one
round), and moved only by key presses.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.classroom.session import Classroom
from game.classroom.setup import CHOICE, ClassroomSetup
from game.content.model import Level, Round
from game.rules import game as rules
from game.rules.content import Content
from game.rules.kinds import ScaleHand
from game.ui.app import App
from game.ui.core.input import key_event
from game.ui.core.registry import make_scene
from game.ui.play import flow
from game.ui.play.match import new_match

PACK = "khrushchev-era"
SHOWN = (("sourcing", "s-today-is-evidence"), ("corroboration", "co-resentment"),
         ("claim", "ce-poznan"), ("spectrum", "sp-far-five"))


def _keys(app: App, *names: str) -> None:
    app.send([key_event(getattr(pygame, f"K_{n}")) for n in names])


def kinds_shots(outdir, size, seed: int = 7, extra_packs=()) -> list[Path]:
    outdir = Path(outdir)
    tag = f"{size[0]}x{size[1]}"
    app = App(size=size, seed=seed, extra_packs=extra_packs)
    app.run_until_idle()
    written: list[Path] = []

    def shot(name: str) -> None:
        path = outdir / f"{tag}-kind-{name}.png"
        app.save_png(path)
        written.append(path)

    content = Content.from_library(app.ctx.library)
    for kind, local in SHOWN:
        question = content.question(f"{PACK}:{local}")
        if question is None:
            continue
        level = Level(f"show-{kind}", "Source work", (Round("questions",
                                                            question_ids=(question.id,)),))
        match = new_match(app.ctx, rules.MODE_CAMPAIGN, (PACK,), level=level, pack_id=PACK)
        app.ctx.push(flow.scene_for(app.ctx, match))
        app.run_until_idle()
        shot(f"{kind}-solo")
        if isinstance(match.prompt, ScaleHand):
            _keys(app, "1", "RIGHT", "RETURN")
        else:
            _keys(app, "2")
        shot(f"{kind}-solo-verdict")
        app.ctx.pop()
        app.run_until_idle()
        one = Content((), (question,), content.perspectives)
        room = Classroom(ClassroomSetup(teams=("Red", "Blue", "Green"), rounds=1,
                                        round_types=(CHOICE,), timer=30, seed=seed), one)
        app.ctx.push(make_scene("classroom-play", app.ctx, room=room))
        app.run_until_idle()
        shot(f"{kind}-classroom")
        prompt = room.prompt
        if isinstance(prompt, ScaleHand):
            _keys(app, *[str(n) for n in range(len(prompt.cards), 0, -1)], "RETURN")
        else:
            _keys(app, "2")
        shot(f"{kind}-classroom-verdict")
        app.ctx.pop()
        app.run_until_idle()
    app.close()
    return written
