"""Screenshots of a phone review, with two simulated phones on 127.0.0.1.

    phones_shots(outdir, (1024, 640), seed=7) -> [paths]

For `thaw screenshots`, after the classroom tour. The projector's address and port are
pinned (THAW_LAN_ADDRESSES) so the pictures, QR code included, are the same on every
machine, whichever port the server found free.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pygame

from game.lan.addresses import ADDRESSES_ENV
from game.ui.app import App
from game.ui.core.input import click_events, key_event

SHOWN_ADDRESS = "192.168.1.20:8000"   # shown whatever port is free here, so pictures match


def phones_shots(outdir, size, seed: int = 7, extra_packs=()) -> list[Path]:
    from websockets.sync.client import connect
    tag = f"{size[0]}x{size[1]}"
    written: list[Path] = []
    previous = os.environ.get(ADDRESSES_ENV)
    os.environ[ADDRESSES_ENV] = SHOWN_ADDRESS
    app = App(size=size, seed=seed, extra_packs=extra_packs)
    try:
        app.run_until_idle()

        def shot(name):
            path = Path(outdir) / f"{tag}-phones-{name}.png"
            app.save_png(path)
            written.append(path)

        def keys(*names):
            app.send([key_event(getattr(pygame, f"K_{n}")) for n in names])

        def until(condition, timeout=10.0):
            deadline = time.monotonic() + timeout
            while not condition() and time.monotonic() < deadline:
                app.step(dt=0.02)
                time.sleep(0.005)

        button = next(b for b in app.scene.buttons if b.label == "Classroom")
        app.send(click_events(button.rect.center))
        setup = app.scene
        setup.change_phones(+1)
        while setup.setup.timer:          # no countdown: the pictures must not depend on the clock
            setup.change_timer(+1)
        start = next(f for f in setup.fields if f.label.startswith("Start"))
        app.send(click_events(start.rect.center))
        lobby = app.scene
        if lobby.name != "classroom-phones" or not lobby.host.server.running:
            shot("1-lobby-problem")
            return written
        port, code = lobby.host.server.port, lobby.host.room.code
        with connect(f"ws://127.0.0.1:{port}/ws", open_timeout=5) as ana, \
                connect(f"ws://127.0.0.1:{port}/ws", open_timeout=5) as boris:
            for phone, name in ((ana, "Ana"), (boris, "Boris K.")):
                phone.send(json.dumps({"type": "join", "code": code, "name": name}))
            until(lambda: len(lobby.host.room.connected) == 2)
            shot("1-lobby")
            keys("n")
            shot("5-network-check")
            keys("ESCAPE")
            keys("RETURN")
            play = app.scene
            until(lambda: play.question is not None)
            question = play.question
            keys_in_order = [c.key for c in question.choices]
            choosing = question.kind == "choose"
            first = keys_in_order[0] if choosing else list(reversed(keys_in_order))
            second = keys_in_order[1 % len(keys_in_order)] if choosing else keys_in_order
            ana.send(json.dumps({"type": "answer", "question": question.id, "value": first}))
            until(lambda: play.host.room.answer_count == 1)
            shot("2-question")
            boris.send(json.dumps({"type": "answer", "question": question.id, "value": second}))
            until(lambda: play.phase == "revealed")
            shot("3-reveal")
            keys("ESCAPE", "y")
            shot("4-standings")
    finally:
        app.close()
        if previous is None:
            os.environ.pop(ADDRESSES_ENV, None)
        else:
            os.environ[ADDRESSES_ENV] = previous
    return written
