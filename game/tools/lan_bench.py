"""Phones under load: N simulated phones on 127.0.0.1 answer while the projector pumps.

The phones run in a child process (asyncio websockets clients), so their work does not
share the projector's interpreter lock, just as real phones would not. Each answer
carries the phone's send time (time.monotonic() is one clock for every process on the
machine); the projector side notes when the room counts it.

    python -m game.tools.lan_bench --phones 40 200      # prints one JSON object
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import time
from typing import Callable, Optional

QUESTIONS = 5
CHOICES = ("a", "b", "c", "d")


# -- the phones (child process) ----------------------------------------------------------

async def _phone(port: int, code: str, index: int, questions: int, sent: list) -> None:
    from websockets.asyncio.client import connect
    rng = random.Random(index)
    async with connect(f"ws://127.0.0.1:{port}/ws", open_timeout=30, ping_interval=None) as ws:
        await ws.send(json.dumps({"type": "join", "code": code, "name": f"phone{index}"}))
        answered = 0
        async for frame in ws:
            message = json.loads(frame)
            if message["type"] == "question":
                await asyncio.sleep(rng.uniform(0.05, 1.0))     # a person reading and tapping
                await ws.send(json.dumps({"type": "answer", "question": message["id"],
                                          "value": rng.choice(CHOICES), "sent_at": time.monotonic()}))
                sent[0] += 1
            elif message["type"] == "result":
                answered += 1
                if answered >= questions:
                    return


async def _phones_main(port: int, code: str, phones: int, questions: int) -> int:
    sent = [0]
    await asyncio.gather(*(_phone(port, code, i, questions, sent) for i in range(phones)))
    return sent[0]


def phones_child(argv: list[str]) -> None:
    port, code, phones, questions = int(argv[0]), argv[1], int(argv[2]), int(argv[3])
    sent = asyncio.run(_phones_main(port, code, phones, questions))
    print(json.dumps({"sent": sent}))


# -- the projector (this process) -----------------------------------------------------------

def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(phones: int, *, draw_for: Optional[Callable[[object], Callable[[], None]]] = None,
            questions: int = QUESTIONS, timeout: float = 120.0) -> dict:
    """Run one session of `questions` questions with `phones` phones; the figures.

    `draw_for(host)` gives the projector's frame (drawn once per pumped frame), so
    frame_ms is what a projector pays while the phones answer; without it, the pump alone.
    """
    from game.lan.host import PhoneHost
    from game.lan.room import CHOOSE, OpenQuestion, PhoneChoice, Room
    from game.lan.server import LanServer

    host = PhoneHost(Room("BNCH"), LanServer(host="127.0.0.1", ports=(0,), rate=50, burst=50))
    port = host.start()
    draw = draw_for(host) if draw_for is not None else None
    # The projector may have opened a question of its own: close it, so phones that join
    # are in the lobby and answer only the questions timed here.
    host.reveal(lambda value: 0.0, answer_label="", explain="")
    child = subprocess.Popen([sys.executable, "-m", "game.tools.lan_bench", "--child", str(port), "BNCH",
                              str(phones), str(questions)], stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONHASHSEED": "0"})
    latencies: list[float] = []
    frames: list[float] = []
    counted = 0
    started = time.monotonic()
    try:
        while len(host.room.players) < phones:
            host.pump()
            time.sleep(0.002)
            if time.monotonic() - started > timeout:
                raise RuntimeError(f"only {len(host.room.players)} of {phones} phones joined")
        choices = tuple(PhoneChoice(k, k.upper()) for k in CHOICES)
        for n in range(questions):
            now = time.monotonic()
            host.open_question(OpenQuestion(f"q#{n}", CHOOSE, "?", choices, deadline=now + 30, opened_at=now))
            host.flush()
            while host.room.answer_count < phones and time.monotonic() - now < 30:
                frame_start = time.perf_counter()
                for item in host.pump():
                    message = item.message or {}
                    if item.kind == "message" and message.get("type") == "answer":
                        latencies.append((time.monotonic() - float(message.get("sent_at", 0))) * 1000)
                if draw is not None:
                    draw()
                frames.append((time.perf_counter() - frame_start) * 1000)
                time.sleep(max(0.0, 1 / 60 - (time.perf_counter() - frame_start)))
            counted += host.room.answer_count
            host.reveal(lambda value: 1.0 if value == "a" else 0.0, answer_label="A", explain="")
            host.flush()
        out, _ = child.communicate(timeout=timeout)
        sent = json.loads(out.strip().splitlines()[-1])["sent"]
    finally:
        if child.poll() is None:
            child.kill()
        host.stop()
    return {"phones": phones, "answers_sent": sent, "answers_counted": counted,
            "answer_to_projector_ms": {"p50": round(statistics.median(latencies), 2) if latencies else 0.0,
                                       "p99": round(_percentile(latencies, 0.99), 2)},
            "frame_ms": {"p99": round(_percentile(frames, 0.99), 2)}}


def main(argv: Optional[list[str]] = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        phones_child(argv[1:])
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--phones", type=int, nargs="+", default=[40, 200])
    args = parser.parse_args(argv)
    print(json.dumps({"lan": [measure(n, draw_for=projector_at((1920, 1080))) for n in args.phones]},
                     indent=2))


def projector_at(size):
    """draw_for for measure(): the phone-play projector screen at `size`, headless."""
    def draw_for(host):
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
        from game.classroom.setup import ClassroomSetup
        from game.lan.quiz import PhoneQuiz
        from game.rules.content import Content
        from game.ui.app import App
        from game.ui.core.registry import make_scene
        app = App(size=size, seed=3)
        content = Content.from_library(app.ctx.library)
        quiz = PhoneQuiz(ClassroomSetup(teams=("Red", "Blue"), rounds=QUESTIONS, timer=60, seed=3), content)
        scene = make_scene("classroom-phones-play", app.ctx, host=host, quiz=quiz)
        scene.ensure_layout(size)

        def draw():
            scene.draw(app.surface)
        return draw
    return draw_for


if __name__ == "__main__":
    main()
