"""The window on a real X server: frames go out as an X11 shared-memory image.

Needs Xvfb (apt-get install xvfb); skipped with that reason where it is missing.
"""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import game

CHILD = """
import os, pygame
from game.ui.app import App
app = App(size=(640, 400))
app.step()
print(pygame.display.get_driver(), os.environ.get("SDL_FRAMEBUFFER_ACCELERATION"))
"""


@pytest.fixture(scope="module")
def x_display():
    xvfb = shutil.which("Xvfb")
    if xvfb is None or not sys.platform.startswith("linux"):
        pytest.skip("needs Xvfb (apt-get install xvfb)")
    number = next(n for n in range(150, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists()
                  and not Path(f"/tmp/.X{n}-lock").exists())
    server = subprocess.Popen([xvfb, f":{number}", "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if time.monotonic() > deadline:
                pytest.skip("Xvfb did not start")
            time.sleep(0.05)
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _run_window(display, **extra) -> list[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SDL_")}
    env.update(SDL_VIDEODRIVER="x11" if display else "dummy", SDL_AUDIODRIVER="dummy", **extra)
    if display:
        env["DISPLAY"] = display
    done = subprocess.run([sys.executable, "-c", CHILD], env=env, cwd=game.PROJECT_ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()[-2:]


def test_on_x11_the_window_presents_through_shared_memory_not_software_opengl(x_display):
    assert _run_window(x_display) == ["x11", "0"]


def test_a_players_own_framebuffer_choice_is_kept(x_display):
    assert _run_window(x_display, SDL_FRAMEBUFFER_ACCELERATION="opengl") == ["x11", "opengl"]


def test_other_video_drivers_are_left_to_sdls_own_choice():
    assert _run_window(None) == ["dummy", "None"]
