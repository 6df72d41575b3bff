"""`python -m game.bench` runs headless and reports every figure (no timing targets here:
those are the benchmark's own business, never a test's)."""

import json
import os
import subprocess
import sys

import pytest

import game
from game import bench

SCREENS = ("board_drag", "explore", "whose_view_verdict")
SIZES = ("1280x720", "1920x1080")


def _bench(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SDL_")}   # it sets its own
    return subprocess.run([sys.executable, "-m", "game.bench", *args], cwd=game.PROJECT_ROOT,
                          env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def quick_json() -> dict:
    done = _bench("--quick", "--json", "--frames", "5")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _positive(value) -> bool:
    return isinstance(value, (int, float)) and value > 0


def test_the_quick_json_run_has_every_figure_as_a_positive_number(quick_json):
    assert {"startup_s", "frame_ms", "frame_ms_nocache", "load_s", "rss_mb"} <= set(quick_json)
    assert _positive(quick_json["startup_s"])
    assert _positive(quick_json["rss_mb"])
    assert _positive(quick_json["load_s"]["levels"])
    assert _positive(quick_json["load_s"]["generated"])


@pytest.mark.parametrize("figure", ["frame_ms", "frame_ms_nocache"])
def test_frame_times_cover_each_busy_screen_at_both_sizes_with_p50_and_p99(quick_json, figure):
    frames = quick_json[figure]
    for screen in SCREENS:
        for size in SIZES:
            p = frames[screen][size]
            assert _positive(p["p50"]) and _positive(p["p99"]), (screen, size, p)
            assert p["p99"] >= p["p50"]
    # The classroom scoreboard is there exactly when its scene exists in this build.
    built = _classroom_board_exists()
    assert ("classroom_scoreboard" in frames) == built


def _classroom_board_exists() -> bool:
    import importlib.util
    return importlib.util.find_spec("game.ui.classroom.scoreboard") is not None


def test_only_runs_the_figures_named():
    done = _bench("--quick", "--json", "--only", "load_s.levels,startup_s")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert set(result) == {"load_s", "startup_s"}
    assert set(result["load_s"]) == {"levels"}


def test_an_unknown_figure_is_refused_with_the_known_names():
    done = _bench("--only", "nonsense")
    assert done.returncode == 2
    assert "unknown figure 'nonsense'" in done.stderr and "rss_mb" in done.stderr


def test_each_printed_line_names_its_target_and_says_ok_or_missed():
    fast = bench.lines_for("load_s.levels", 0.01)[0]
    slow = bench.lines_for("rss_mb", 900.0)[0]
    assert fast.endswith("ok") and "target < 0.3 s" in fast
    assert slow.endswith("MISSED") and "target < 200 MB" in slow


def test_a_screen_not_built_is_printed_as_such_and_not_timed():
    value = {"board_drag": {"1280x720": {"p50": 1.0, "p99": 2.0},
                            "1920x1080": {"p50": 3.0, "p99": 9.0}}}
    lines = bench.lines_for("frame_ms", value)
    assert "frame_ms.classroom_scoreboard: not built" in lines
    assert any(line.startswith("frame_ms.board_drag.1920x1080") and line.endswith("MISSED")
               for line in lines)
