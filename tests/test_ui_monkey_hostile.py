"""The random-input test on a user pack folder full of hostile-but-valid packs (issue 14):
invisible titles, every text at its limit, twelve long choices, a symbolic-link loop and a
FIFO, at window sizes from 320x200 to 3840x2160, in a child process whose memory is capped
(RLIMIT_AS) and whose peak resident size is checked."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from hostile_corpus import fill_user_folder

EVENTS = 2_000
ADDRESS_SPACE_CAP = 3 * 1024 ** 3      # the child cannot map more than this at all
PEAK_RSS_BOUND_MB = 500                # and its peak resident memory stays under this

CHILD = textwrap.dedent("""\
    import random, resource, sys
    resource.setrlimit(resource.RLIMIT_AS, ({cap}, {cap}))
    import pygame
    sys.path.insert(0, {tests!r})
    from test_ui_monkey import _random_event
    from game.ui.app import App

    SIZES = [(320, 200), (3840, 2160), (1024, 640), (1920, 1080), (800, 600), (480, 320)]
    rng = random.Random(1956)
    app = App(size=(1024, 640), seed=1)
    assert any(p.id.startswith("hostile-") for p in app.ctx.library.packs), "packs loaded"
    seen, sent, frame = set(), 0, 0
    while sent < {events}:
        if not app.running:
            app = App(size=rng.choice(SIZES), seed=rng.randrange(1000))
        batch = _random_event(rng, app.surface.get_size())
        if rng.random() < 0.01:
            size = rng.choice(SIZES)
            batch = [pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size)]
        app.post(batch)
        sent += len(batch)
        frame += 1
        app.step(dt=1 / 30, draw=(frame % 3 == 0 or app.surface.get_width() <= 1024))
        seen.update(scene.name for scene in app.stack.scenes)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print("seen", " ".join(sorted(seen)))
    print("peak-mb", peak)
""")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS and ru_maxrss in kB")
def test_random_input_on_hostile_packs_at_every_size_stays_within_memory():
    home = Path(os.environ["THAW_HOME"])
    fill_user_folder(home / "packs")
    script = CHILD.format(cap=ADDRESS_SPACE_CAP, tests=str(Path(__file__).parent),
                          events=EVENTS)
    child = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                           env=dict(os.environ), timeout=300)   # a safety net, not a timing
    assert child.returncode == 0, child.stderr[-3000:]
    lines = dict(line.split(" ", 1) for line in child.stdout.splitlines() if " " in line)
    seen = set(lines["seen"].split())
    assert {"title", "packs"} <= seen and seen & {"board", "sort", "ask", "explore", "classroom"}
    assert int(lines["peak-mb"]) < PEAK_RSS_BOUND_MB
