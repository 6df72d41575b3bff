"""`python -m game.bench` runs headless and reports every figure with its target (no timing
targets here: those are the benchmark's own business, never a test's)."""

import json
import os
import subprocess
import sys

import pytest

import game
from game.tools import bench

SCREENS = ("board_drag", "explore", "whose_view_verdict")
SIZES = ("1280x720", "1920x1080")
QUICK_FIGURES = "startup_s,frame_ms,frame_ms_nocache,passage_ms,load_s,rss_mb,whole_game_s,deal_ms"


def _bench(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SDL_")}   # it sets its own
    return subprocess.run([sys.executable, "-m", "game.bench", *args], cwd=game.PROJECT_ROOT,
                          env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def quick_json() -> dict:
    done = _bench("--quick", "--json", "--frames", "3", "--only", QUICK_FIGURES)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _positive(value) -> bool:
    return isinstance(value, (int, float)) and value > 0


def test_every_figure_is_registered_under_its_old_name_or_a_new_one():
    assert {"startup_s", "startup_returning_s", "frame_ms", "frame_ms_nocache",
            "frame_ms_presented", "explore_ms", "passage_ms", "load_s.levels",
            "load_s.generated", "gc_pause_ms", "rss_mb", "rss_session_mb", "lan",
            "whole_game_s", "deal_ms"} <= set(bench.FIGURES)


def test_each_timed_figure_has_a_median_its_spread_cpu_time_and_target(quick_json):
    for value in (quick_json["startup_s"], quick_json["passage_ms"],
                  quick_json["load_s"]["levels"], quick_json["load_s"]["generated"],
                  quick_json["whole_game_s"], quick_json["deal_ms"]):
        assert _positive(value["median"]) and _positive(value["cpu"])
        assert value["min"] <= value["median"] <= value["max"]
        assert _positive(value["target"]) and isinstance(value["ok"], bool)
    assert _positive(quick_json["rss_mb"]["median"]) and quick_json["rss_mb"]["target"] == 100.0


def test_the_whole_game_figure_plays_every_bundled_question_to_the_end(quick_json):
    whole = quick_json["whole_game_s"]
    # Questions about a passage already asked are skipped: fewer dealt than in the pack.
    assert 0 < whole["dealt"] < whole["questions"]
    deal = quick_json["deal_ms"]
    assert deal["dealt"] == 100 and deal["questions"] > 5000


@pytest.mark.parametrize("figure", ["frame_ms", "frame_ms_nocache"])
def test_frame_times_cover_each_busy_screen_at_both_sizes_with_p50_p99_and_cpu(quick_json, figure):
    frames = quick_json[figure]
    for screen in SCREENS:
        for size in SIZES:
            p = frames[screen][size]
            assert _positive(p["p50"]) and _positive(p["p99"]), (screen, size, p)
            assert p["p99"] >= p["p50"] and p["p99_max"] >= p["p99_min"]
            assert _positive(p["cpu_p99"])
    # The classroom scoreboard is there exactly when its scene exists in this build.
    assert ("classroom_scoreboard" in frames) == (bench.classroom_scoreboard((640, 400)) is not None)


def test_frame_targets_apply_from_1920x1080_up_and_the_big_screens_are_timed_at_4k(quick_json):
    frames = quick_json["frame_ms"]
    assert "target" not in frames["board_drag"]["1280x720"]
    assert frames["board_drag"]["1920x1080"]["target"] == 8.0
    for screen in ("explore", "whose_view_verdict"):
        assert frames[screen]["3840x2160"]["target"] == 8.0
    assert set(frames["explore_10000"]) == {"1920x1080"}


def test_the_explore_input_really_moves_the_hover_over_the_labels(quick_json):
    assert quick_json["frame_ms"]["explore"]["1920x1080"]["moved"]["hover"] > 1


def test_the_verdict_source_really_scrolls():
    app, frame_input, moved = bench.whose_view_verdict((1280, 720))
    for i in range(40):
        app.post(frame_input(i))
        app.step(1 / 60)
    assert moved.report()["scroll_px"] > 0


def test_only_runs_the_figures_named_and_lan_counts_every_phone_answer():
    done = _bench("--quick", "--json", "--only", "load_s.levels,lan")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert set(result) == {"load_s", "lan"}
    assert set(result["load_s"]) == {"levels"}
    for phones, figure in (("40_phones", 40), ("200_phones", 200)):
        got = result["lan"][phones]
        assert got["phones"] == figure and got["answers_sent"] == 2 * figure
        assert got["no_answer_lost"] and got["answers_counted"] == got["answers_sent"]
        assert got["answer_to_projector_ms"]["p99"] >= got["answer_to_projector_ms"]["p50"] > 0
    assert result["lan"]["200_phones"]["answer_to_projector_ms"]["target"] == 100
    assert result["lan"]["40_phones"]["frame_ms"]["target"] == 8


def test_an_unknown_figure_is_refused_with_the_known_names():
    done = _bench("--only", "nonsense")
    assert done.returncode == 2
    assert "unknown figure 'nonsense'" in done.stderr and "rss_mb" in done.stderr


def test_each_printed_line_names_its_target_and_says_ok_or_missed():
    fast = bench.lines_for("load_s.levels", {"median": 0.01, "min": 0.01, "max": 0.02,
                                             "cpu": 0.01, "runs": 3, "target": 0.3})[0]
    slow = bench.lines_for("rss_mb", {"median": 900.0, "min": 900.0, "max": 900.0, "cpu": None,
                                      "runs": 1, "target": 100.0})[0]
    assert fast.endswith("ok") and "target < 0.3 s" in fast and "0.01..0.02" in fast
    assert slow.endswith("MISSED") and "target < 100 MiB" in slow


def test_a_screen_not_built_is_printed_as_such_and_not_timed():
    value = {"board_drag": {"1280x720": {"p50": 1.0, "p99": 2.0},
                            "1920x1080": {"p50": 3.0, "p99": 9.0, "target": 8.0}}}
    lines = bench.lines_for("frame_ms", value)
    assert "frame_ms.classroom_scoreboard: not built" in lines
    assert any(line.startswith("frame_ms.board_drag.1920x1080") and line.endswith("MISSED")
               for line in lines)


def test_the_readme_table_has_a_row_per_figure_with_its_target(quick_json):
    rows = bench.table(quick_json).splitlines()
    assert rows[0].startswith("| figure |")
    assert any(r.startswith("| startup_s |") and "< 0.2 s" in r for r in rows)
    assert any(r.startswith("| frame_ms explore 1920x1080 (p99) |") and "< 8 ms" in r for r in rows)
    lan = {"lan": {"40_phones": {"answers_sent": 80, "answers_counted": 80, "no_answer_lost": True,
                                 "answer_to_projector_ms": {"p50": 5.0, "p99": 9.0},
                                 "frame_ms": {"p99": 3.0, "target": 8.0}}}}
    lan_rows = bench.table(lan).splitlines()
    assert any(r.startswith("| lan 40 phones: answers counted | 80/80 |") for r in lan_rows)
    assert any("projector frame" in r and "< 8 ms" in r and "| ok |" in r for r in lan_rows)
