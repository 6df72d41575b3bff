"""Without a display, `thaw play` says how to run headless and exits 1, no traceback."""

import os
import subprocess
import sys

import pytest

from game.ui.app import parse_size


def test_without_a_display_play_explains_the_headless_ways_and_exits_1(tmp_path):
    env = dict(os.environ, SDL_VIDEODRIVER="no-such-driver", THAW_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-m", "game", "play"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    for advice in ("SDL_VIDEODRIVER=dummy", "thaw screenshots", "thaw play --text"):
        assert advice in done.stderr


def test_a_window_size_must_read_width_x_height():
    assert parse_size("1280x720") == (1280, 720)
    with pytest.raises(ValueError, match="WIDTHxHEIGHT"):
        parse_size("big")
    with pytest.raises(ValueError, match="between"):
        parse_size("100x100")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland are Linux's")
def test_when_sdl_falls_back_to_an_invisible_window_play_says_so_instead_of_running_unseen(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    env.update(THAW_HOME=str(tmp_path), SDL_AUDIODRIVER="dummy",
               THAW_EXIT_AFTER_FIRST_FRAME="1")  # should a window open after all, stop
    done = subprocess.run([sys.executable, "-m", "game", "play"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "no display was found" in done.stderr
    assert "thaw play --text" in done.stderr
