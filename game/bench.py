"""Benchmarks: `python -m game.bench [--json] [--only NAME[,NAME]] [--frames N] [--quick]`.

Prints one line per figure with its target and "ok" or "MISSED"; with --json, one JSON
object instead. No display is needed: SDL's dummy drivers are set before pygame is
imported, and THAW_HOME points at a throw-away folder so no player data is touched.

Figures (targets for this project's reference machine: 2 slow cores, software rendering):
- startup_s: from process start to the first title frame drawn, timing `python -m game`
  from outside with THAW_EXIT_AFTER_FIRST_FRAME=1 (so it includes interpreter start-up);
  median of 5 separate processes. Target < 1.0 s.
- frame_ms: p50 and p99 of one frame (events, update and draw, through App.step with a
  fake clock) on the busy screens, at 1280x720 and 1920x1080, with real input every
  frame (a card dragged on the board, the explore view panned, the verdict's source
  scrolled). Target p99 < 8 ms at 1920x1080.
- frame_ms_nocache: the same with the text helper's caches turned off (what caching buys).
- load_s: every pack in levels/ (< 0.3 s) and a generated pack of 5,000 questions and
  2,000 events (< 2 s).
- rss_mb: peak resident memory of a fresh process that visits every screen through the
  screenshot tour without writing files (< 200 MB).

Each figure is a function in FIGURES (name -> function(options) -> value); add one there.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

import game

SIZES = ((1280, 720), (1920, 1080))
TARGETS = {
    "startup_s": 1.0,
    "frame_ms": 8.0,             # p99 at 1920x1080, every screen
    "load_s.levels": 0.3,
    "load_s.generated": 2.0,
    "rss_mb": 200.0,
}
BOARD_CARDS = 12                 # cards on the board: the line plus the one in hand
NOT_BUILT = "not built"
WARM_UP_FRAMES = 10


@dataclass(frozen=True)
class Options:
    frames: int = 600
    runs: int = 5                # processes for startup_s, repeats for load_s
    quick: bool = False


def _headless_env() -> None:
    """Before pygame is imported: no window, no sound device."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def _median_seconds(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


# --- start-up -------------------------------------------------------------------------------
def startup(options: Options) -> float:
    """Seconds from `python -m game` starting to its first title frame (median)."""
    env = dict(os.environ, THAW_EXIT_AFTER_FIRST_FRAME="1")
    times = []
    for _ in range(options.runs):
        with tempfile.TemporaryDirectory(prefix="thaw-bench-home-") as home:
            env["THAW_HOME"] = home     # a first start: no settings, no progress
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "game"], env=env, cwd=game.PROJECT_ROOT,
                                  capture_output=True, text=True)
            times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise RuntimeError(f"python -m game failed: {done.stderr.strip()[-400:]}")
    return statistics.median(times)


# --- loading packs ----------------------------------------------------------------------------
def load_levels(options: Options) -> float:
    """Load and check every pack in levels/ (median)."""
    from game.content.library import load_library

    def load() -> None:
        library = load_library([game.LEVELS_DIR])
        if library.broken:
            raise SystemExit(f"levels/ has broken packs: {library.broken[0].problems[0]}")
    return _median_seconds(load, options.runs)


def load_generated(options: Options) -> float:
    """Load a generated pack of 5,000 questions and 2,000 events (median)."""
    from game.content.loader import load_pack
    from game.content.synthetic import write_synthetic_pack

    with tempfile.TemporaryDirectory(prefix="thaw-bench-") as folder:
        path = write_synthetic_pack(Path(folder), events=2000, questions=5000)
        return _median_seconds(lambda: load_pack(path), max(1, min(3, options.runs)))


# --- frames: reaching each busy screen through real input ----------------------------------------
def _new_app(size):
    from game.ui.app import App
    app = App(size=size, seed=7)
    app.run_until_idle()
    return app


def _click_button(app, label: str) -> None:
    from game.ui.core.input import click_events
    for button in getattr(app.scene, "buttons", []):
        if button.label == label:
            app.send(click_events(button.rect.center))
            return
    raise LookupError(f"no button {label!r} on {app.scene.name}")


def _keys(app, *names: str) -> None:
    import pygame
    from game.ui.core.input import key_event
    app.send([key_event(getattr(pygame, f"K_{name}")) for name in names])


def board_drag(size):
    """The timeline board with 12 cards (11 placed right, 1 in hand) and a drag under way.
    Returns (app, input for frame i)."""
    import pygame
    from game.rules import ordering
    from game.ui.core.input import drag_events
    app = _new_app(size)
    _click_button(app, "Play")
    _keys(app, "1")                       # Chronology
    while app.scene.name == "board" and len(app.scene.line) < BOARD_CARDS - 1:
        board = app.scene
        prompt = board.prompt
        gap = next(g for g in range(len(prompt.line) + 1)
                   if ordering.gap_is_right(prompt.line, prompt.card, g))
        steps = gap - board.gap_cursor
        _keys(app, *(["RIGHT"] * steps if steps > 0 else ["LEFT"] * -steps), "RETURN")
        app.run_until_idle()              # the right card's pause, then the next card
    board = app.scene
    if board.name != "board" or len(board.line) + 1 != BOARD_CARDS:
        raise RuntimeError(f"could not reach a board of {BOARD_CARDS} cards")
    start = board.hand_rect().center
    middle = (board.gap_x(len(board.line) // 2), board.row_y + board.card_h // 2)
    app.send(drag_events(start, middle, release=False))
    span = max(40, board.card_w)

    def frame_input(i: int):
        # Back and forth over about two gaps, so the lit gap changes now and then.
        x = middle[0] + round(span * ((i % 40) - 20) / 20)
        return [pygame.event.Event(pygame.MOUSEMOTION, pos=(x, middle[1] + i % 3),
                                   rel=(1, 0), buttons=(1, 0, 0))]
    return app, frame_input


def explore_whole(size):
    """Explore at its first zoom (the whole era), the view dragged up and down a little."""
    import pygame
    app = _new_app(size)
    _click_button(app, "Explore")
    explore = app.scene
    if explore.name != "explore":
        raise RuntimeError("could not open Explore")
    # Press in an empty spot under the axis, then pan by dragging.
    start = (explore.view.centerx, explore.view.y + 2)
    app.send([pygame.event.Event(pygame.MOUSEMOTION, pos=start, rel=(0, 0), buttons=(0, 0, 0)),
              pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=start, button=1)])

    def frame_input(i: int):
        offset = 10 + (i % 60 if i % 120 < 60 else 60 - i % 60)   # a slow triangle wave
        pos = (start[0] + offset // 3, start[1] - offset)    # up: the lanes scroll down
        return [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 1), buttons=(1, 0, 0))]
    return app, frame_input


def whose_view_verdict(size):
    """A whose-view verdict with its source panel; the source scrolled a line each frame."""
    import pygame
    app = _new_app(size)
    _click_button(app, "Play")
    _keys(app, "3")                       # Whose view?
    for _ in range(12):
        if app.scene.name == "ask" and app.scene.question.is_whose_view:
            break
        _keys(app, "1", "RETURN")
    if app.scene.name != "ask" or not app.scene.question.is_whose_view:
        raise RuntimeError("could not reach a whose-view question")
    _keys(app, "2")
    ask = app.scene
    if ask.verdict is None:
        raise RuntimeError("the question was not answered")
    over = ask.source_rect.center
    app.send([pygame.event.Event(pygame.MOUSEMOTION, pos=over, rel=(0, 0), buttons=(0, 0, 0))])

    def frame_input(i: int):
        return [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1 if i % 20 < 10 else 1,
                                   flipped=False)]
    return app, frame_input


def classroom_room(library, teams: int = 4):
    """A classroom session of `teams` teams with its first round played (some right,
    some wrong), so the scoreboard has bars of different lengths. None if not built."""
    try:
        from game.classroom.session import OVER, ROUND_OVER, STEAL_OFFER, Classroom
        from game.classroom.setup import DEFAULT_TEAMS, ClassroomSetup
        from game.rules import ordering
        from game.rules.content import Content
        from game.rules.prompts import Ask, SortHand
    except ImportError:
        return None
    setup = ClassroomSetup(teams=DEFAULT_TEAMS[:teams], rounds=3, timer=0, seed=3)
    room = Classroom(setup, Content.from_library(library))
    turn = 0
    while room.phase not in (ROUND_OVER, OVER):
        if room.phase == STEAL_OFFER:
            room.decline_steal()
            continue
        prompt, right = room.prompt, turn % 3 != 2
        turn += 1
        if isinstance(prompt, Ask):
            keys = [c.key for c in prompt.live_choices]
            answer = prompt.question.answer
            room.answer(answer if right else next(k for k in keys if k != answer))
        elif isinstance(prompt, SortHand):
            order = [e.id for e in ordering.true_order(prompt.cards)]
            room.answer(order if right else order[::-1])
        else:
            raise RuntimeError(f"unexpected classroom prompt {type(prompt).__name__}")
    return room


def classroom_scoreboard(size):
    """The classroom scoreboard after round 1 of a 4-team session. None if not built."""
    try:
        from game.ui.classroom.scoreboard import ClassroomBoardScene
    except ImportError:
        return None
    app = _new_app(size)
    room = classroom_room(app.ctx.library)
    if room is None:
        return None
    app.ctx.push(ClassroomBoardScene(app.ctx, room))
    app.stack.apply()
    app.run_until_idle()
    if app.scene.name != "classroom-board":
        raise RuntimeError("could not open the classroom scoreboard")
    return app, lambda i: []


SCENES: dict[str, Callable] = {
    "board_drag": board_drag,
    "explore": explore_whole,
    "whose_view_verdict": whose_view_verdict,
    "classroom_scoreboard": classroom_scoreboard,
}


def time_frames(build, size, frames: int, cache: bool = True) -> Optional[dict]:
    """p50/p99 milliseconds of App.step on the scene `build` reaches; None if not built."""
    built = build(size)
    if built is None:
        return None
    app, frame_input = built
    if not cache:
        app.text.set_caching(False)
    times = []
    for i in range(-WARM_UP_FRAMES, frames):
        app.post(frame_input(i % 600))
        started = time.perf_counter()
        app.step(1 / 60)
        if i >= 0:     # the warm-up frames are not counted: this is the steady state
            times.append((time.perf_counter() - started) * 1000)
    return {"p50": round(_percentile(times, 0.50), 3), "p99": round(_percentile(times, 0.99), 3)}


def _frame_figure(cache: bool):
    def figure(options: Options) -> dict:
        results = {}
        for name, build in SCENES.items():
            per_size = {}
            for size in SIZES:
                measured = time_frames(build, size, options.frames, cache)
                if measured is None:
                    break
                per_size[f"{size[0]}x{size[1]}"] = measured
            if per_size:
                results[name] = per_size
        return results
    return figure


# --- memory --------------------------------------------------------------------------------------
RSS_SCRIPT = """
import resource, sys, tempfile
from game.tools import tour as shots
shots.Tour.shot = lambda self, name: self.app.draw()     # visit, draw, write nothing
with tempfile.TemporaryDirectory() as out:
    shots.take_all(out, (1920, 1080), seed=7)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024)
"""


def rss(options: Options) -> float:
    """Peak resident MB of a fresh process that visits every screen (1920x1080)."""
    with tempfile.TemporaryDirectory(prefix="thaw-bench-home-") as home:
        done = subprocess.run([sys.executable, "-c", RSS_SCRIPT], cwd=game.PROJECT_ROOT,
                              env=dict(os.environ, THAW_HOME=home), capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"the screen tour failed: {done.stderr.strip()[-400:]}")
    return float(done.stdout.strip().splitlines()[-1])


FIGURES: dict[str, Callable[[Options], object]] = {
    "startup_s": startup,
    "frame_ms": _frame_figure(cache=True),
    "frame_ms_nocache": _frame_figure(cache=False),
    "load_s.levels": load_levels,
    "load_s.generated": load_generated,
    "rss_mb": rss,
}


# --- reporting -------------------------------------------------------------------------------
def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def lines_for(name: str, value) -> list[str]:
    """The printed lines for one figure: value, target, ok/MISSED."""
    if name in ("frame_ms", "frame_ms_nocache"):
        out = []
        for scene in SCENES:
            if scene not in value:
                out.append(f"{name}.{scene}: {NOT_BUILT}")
                continue
            for size, p in value[scene].items():
                line = f"{name}.{scene}.{size}: p50 {p['p50']:.2f} ms  p99 {p['p99']:.2f} ms"
                if name == "frame_ms" and size == "1920x1080":
                    line += f"  (target p99 < {TARGETS['frame_ms']:g} ms) {_verdict(p['p99'] < TARGETS['frame_ms'])}"
                out.append(line)
        return out
    unit = "MB" if name == "rss_mb" else "s"
    target = TARGETS.get(name)
    line = f"{name}: {value:.3f} {unit}"
    if target is not None:
        line += f"  (target < {target:g} {unit}) {_verdict(value < target)}"
    return [line]


def _nest(results: dict) -> dict:
    """{"load_s.levels": x} -> {"load_s": {"levels": x}}."""
    nested: dict = {}
    for name, value in results.items():
        group, _, key = name.partition(".")
        if key:
            nested.setdefault(group, {})[key] = value
        else:
            nested[group] = value
    return nested


def _select(only: str) -> list[str]:
    """--only names: a figure (load_s.levels) or a group (load_s)."""
    chosen = []
    for part in (p.strip() for p in only.split(",") if p.strip()):
        matches = [n for n in FIGURES if n == part or n.split(".")[0] == part]
        if not matches:
            raise ValueError(f"unknown figure {part!r}; known: {', '.join(FIGURES)}")
        chosen += [m for m in matches if m not in chosen]
    return chosen


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.bench",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--only", default="", metavar="NAME[,NAME]",
                        help=f"only these figures or groups (of {', '.join(FIGURES)})")
    parser.add_argument("--frames", type=int, default=None, metavar="N",
                        help="frames timed per screen and size (default 600)")
    parser.add_argument("--quick", action="store_true",
                        help="fewer frames and runs: a smoke run, not a measurement")
    args = parser.parse_args(argv)
    try:
        names = _select(args.only) if args.only else list(FIGURES)
    except ValueError as error:
        parser.error(str(error))
    frames = args.frames if args.frames is not None else (20 if args.quick else 600)
    if frames < 1:
        parser.error("--frames must be at least 1")
    options = Options(frames=frames, runs=1 if args.quick else 5, quick=args.quick)
    _headless_env()
    results = {}
    with tempfile.TemporaryDirectory(prefix="thaw-bench-home-") as home:
        os.environ["THAW_HOME"] = home    # never the player's own settings and progress
        for name in names:
            value = FIGURES[name](options)
            results[name] = round(value, 4) if isinstance(value, float) else value
            if not args.json:
                for line in lines_for(name, results[name]):
                    print(line, flush=True)
    if args.json:
        print(json.dumps(_nest(results), sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
