"""Benchmarks: `python -m game.bench [--json] [--only NAME[,NAME]] [--frames N] [--runs N] [--quick]`.

Prints one line per figure with its target and "ok" or "MISSED" (or why it was skipped);
with --json, one JSON object instead, every figure with its target. No display is needed:
SDL's dummy drivers are set before pygame is imported, and THAW_HOME points at a
throw-away folder so no player data is touched. `--table RESULT.json` prints the README's
Markdown table from a saved --json run.

Every timed figure is repeated (`runs`) and reported as the median with its spread
(min..max), with CPU time next to wall time: the machine is shared, and CPU time is what
the game itself spent.

Figures (targets for this project's reference machine: 2 slow cores, software rendering):
- startup_s: a first start (no settings): `python -m game` from process start to its
  first title frame drawn (the game prints the moment; exit is not counted). < 0.2 s.
- startup_returning_s: the same for a returning player (settings with a last mode, so the
  title offers Continue; 40 answers remembered and due, so it offers a review) with a
  generated 5,000-question pack in the user's pack folder. < 0.4 s.
- frame_ms: p50 and p99 of one frame (events, update and draw, through App.step with a
  fake clock; the dummy driver presents nothing) with real input every frame: a card
  dragged on the board; Explore with the pointer moving over the labels, then zoomed in
  by the wheel and panned by a drag; a verdict whose source is scrolled from end to end
  and whose buttons the pointer visits; the classroom scoreboard with the pointer moving
  over it. At 1280x720 and 1920x1080, Explore and the verdict
  also at 3840x2160, and Explore with 10,000 generated events at 1920x1080. Each entry
  says what moved (`moved`). Target p99 < 8 ms at 1920x1080 and above.
- frame_ms_nocache: the same with the text helper's caches (and Explore's own label
  tiles) turned off: what caching buys. No target.
- frame_ms_presented: the board and Explore at 1920x1080 in a real X server (Xvfb, the
  x11 driver), so presenting the frame is paid for. Skipped (with the reason) when Xvfb
  is not installed. Target p99 < 16.7 ms (one 60 Hz frame).
- explore_ms: open Explore, zoom one step, resize the window, each until the next frame
  is drawn, with 2,000 and 10,000 generated events. < 100 ms and < 300 ms.
- passage_ms: find a cited passage in a 533 KB document (Citation.passage). < 10 ms.
- load_s: every pack in levels/ (< 0.3 s) and a generated pack of 5,000 questions and
  2,000 events (< 2 s).
- gc_pause_ms: a full garbage collection with that generated pack loaded. < 10 ms.
- whole_game_s: the rules alone (no pygame) play a whose-view game over every bundled
  question (every question a round, each answered right), from a fresh Content: every deal
  checks that no passage comes back. < 1 s.
- deal_ms: one deal of that kind (start, then each next question) in a 100-question
  whose-view game with the generated 5,000-question pack in play, per deal. < 10 ms.
- rss_mb: peak resident MiB (VmHWM, so the bench's own peak is not inherited) of a fresh
  process that visits every screen through the screenshot tour at 1920x1080. < 100 MiB.
- rss_session_mb: peak resident MiB of a fresh process playing a seeded random session
  (keys, clicks, drags, wheel; no resizes, and the window kept at its size: no
  fullscreen) of 20,000 frames drawn, at 1024x768 and at 3840x2160. < 150 MiB.
- lan: 40 and 200 simulated phones answer on 127.0.0.1 while the projector draws: answers
  lost, answer->projector latency (p50, p99), the projector's frame p99.

Each figure is a function in FIGURES (name -> function(options) -> value); add one there.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import random
import resource
import shutil
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
BIG = (3840, 2160)
FRAME_TARGET_MS = 8.0            # p99, at 1920x1080 and above
PRESENTED_TARGET_MS = 1000 / 60  # p99 under a real X server: one 60 Hz frame
TARGETS = {
    "startup_s": 0.2,
    "startup_returning_s": 0.4,
    "load_s.levels": 0.3,
    "load_s.generated": 2.0,
    "passage_ms": 10.0,
    "gc_pause_ms": 10.0,
    "rss_mb": 100.0,
    "rss_session_mb": 150.0,
    "whole_game_s": 1.0,
    "deal_ms": 10.0,
}
EXPLORE_TARGETS_MS = {2000: 100.0, 10000: 300.0}
UNITS = {"startup_s": "s", "startup_returning_s": "s", "load_s.levels": "s",
         "load_s.generated": "s", "passage_ms": "ms", "gc_pause_ms": "ms", "rss_mb": "MiB",
         "rss_session_mb": "MiB", "whole_game_s": "s", "deal_ms": "ms"}
BOARD_CARDS = 12                 # cards on the board: the line plus the one in hand
NOT_BUILT = "not built"
WARM_UP_FRAMES = 10
CYCLE = 600                      # the input of every frame scene repeats after this many frames
SESSION_SIZES = ((1024, 768), BIG)


@dataclass(frozen=True)
class Options:
    frames: int = 600
    runs: int = 3                # repeats of every timed figure (processes for start-up)
    session_frames: int = 20000
    quick: bool = False


def _headless_env() -> None:
    """Before pygame is imported: no window, no sound device."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def _stat(walls: list[float], cpus: list[float], target: Optional[float], digits: int = 4,
          **extra) -> dict:
    """Median, spread and CPU median of repeated measurements, with the target."""
    out = {"median": round(statistics.median(walls), digits),
           "min": round(min(walls), digits), "max": round(max(walls), digits),
           "cpu": round(statistics.median(cpus), digits) if cpus else None,
           "runs": len(walls)}
    if target is not None:
        out["target"] = target
        out["ok"] = out["median"] < target
    out.update(extra)
    return out


def _timed(action: Callable[[], object], repeats: int, scale: float = 1.0) -> tuple[list, list]:
    walls, cpus = [], []
    for _ in range(repeats):
        started, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append((time.perf_counter() - started) * scale)
        cpus.append((time.process_time() - cpu) * scale)
    return walls, cpus


def _import_first(*names: str):
    """The first of these modules that exists (the UI's files move between packages)."""
    for name in names:
        try:
            return importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name is None or not name.startswith(error.name):
                raise
    return None


def _synthetic_pack(folder: Path, events: int, questions: int) -> Path:
    from game.tools.synthetic import write_synthetic_pack
    return write_synthetic_pack(folder, events=events, questions=questions)


# --- start-up -------------------------------------------------------------------------------
FIRST_FRAME_MARK = "thaw-first-frame"


def _start_once(env: dict) -> tuple[float, float]:
    """(wall seconds to the first frame, CPU seconds until then) of one start."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "game"], env=env, cwd=game.PROJECT_ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = child.communicate()
    ended = time.perf_counter()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if child.returncode != 0:
        raise RuntimeError(f"python -m game failed: {err.strip()[-400:]}")
    # The game prints "thaw-first-frame <perf_counter> <process_time>" at its first frame
    # (perf_counter is one clock across processes on Linux and macOS). Without the mark,
    # the whole process (exit included) is all there is to time.
    marks = [line.split()[1:] for line in out.splitlines() if line.startswith(FIRST_FRAME_MARK)]
    if marks and len(marks[-1]) >= 2:
        return float(marks[-1][0]) - started, float(marks[-1][1])
    return ended - started, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def _startups(options: Options, home_setup: Callable[[Path], None], target: float,
              fresh_each_run: bool) -> dict:
    env = dict(os.environ, THAW_EXIT_AFTER_FIRST_FRAME="1")
    walls, cpus = [], []
    with tempfile.TemporaryDirectory(prefix="thaw-bench-home-") as base:
        home = Path(base) / "home"
        for run in range(max(options.runs, 1 if options.quick else 5)):
            if run == 0 or fresh_each_run:
                shutil.rmtree(home, ignore_errors=True)
                home.mkdir()
                home_setup(home)
            env["THAW_HOME"] = str(home)
            wall, cpu = _start_once(env)
            walls.append(wall)
            cpus.append(cpu)
    return _stat(walls, cpus, target)


def startup(options: Options) -> dict:
    """A first start: a fresh THAW_HOME (no settings, no progress)."""
    return _startups(options, lambda home: None, TARGETS["startup_s"], fresh_each_run=True)


def startup_returning(options: Options) -> dict:
    """A returning player: a last mode saved (Continue is offered), answers remembered and
    due for review (the title offers "Review (N due)"), and a 5,000-question pack in the
    user's pack folder."""
    def returning(home: Path) -> None:
        from datetime import datetime, timezone
        from game.rules import memory
        from game.store.progress import Progress, ProgressStore
        from game.store.settings import Settings, SettingsStore
        SettingsStore(home).save(Settings(last_mode="chronology"))
        _synthetic_pack(home / "packs", events=2000, questions=5000)
        answered, long_ago = {}, datetime(2020, 1, 1, tzinfo=timezone.utc)
        for n in range(40):     # due now: answered (half of them wrong) years ago
            answered = memory.remember(answered, memory.QUESTION, f"synthetic:question-{n}",
                                       n % 2 == 0, long_ago)
        ProgressStore(home).save(Progress(memory=answered))
    return _startups(options, returning, TARGETS["startup_returning_s"], fresh_each_run=False)


# --- loading packs ----------------------------------------------------------------------------
def load_levels(options: Options) -> dict:
    """Load and check every pack in levels/."""
    from game.content.library import load_library

    def load() -> None:
        library = load_library([game.LEVELS_DIR])
        if library.broken:
            raise SystemExit(f"levels/ has broken packs: {library.broken[0].problems[0]}")
    walls, cpus = _timed(load, max(options.runs, 3))
    return _stat(walls, cpus, TARGETS["load_s.levels"])


def load_generated(options: Options) -> dict:
    """Load a generated pack of 5,000 questions and 2,000 events."""
    from game.content.loader import load_pack

    with tempfile.TemporaryDirectory(prefix="thaw-bench-") as folder:
        path = _synthetic_pack(Path(folder), events=2000, questions=5000)
        walls, cpus = _timed(lambda: load_pack(path), options.runs)
    return _stat(walls, cpus, TARGETS["load_s.generated"])


def passage_time(options: Options) -> dict:
    """Citation.passage() of a question near the end of a 533 KB generated document."""
    from game.content.loader import load_pack
    with tempfile.TemporaryDirectory(prefix="thaw-bench-") as folder:
        path = _synthetic_pack(Path(folder), events=2000, questions=5000)
        pack = load_pack(path)
    cites = [q.cite for q in pack.questions[-50:] if q.cite is not None]
    size = len(cites[0].source.text.encode("utf-8"))
    walls, cpus = _timed(lambda: [c.passage() for c in cites], max(options.runs, 3),
                         scale=1000 / len(cites))
    return _stat(walls, cpus, TARGETS["passage_ms"], digits=3, document_kb=round(size / 1000))


def gc_pause(options: Options) -> dict:
    """A full gc.collect() with the generated library loaded the way the game loads it
    (the game settles the heap after a load; older builds did not)."""
    from game.content.library import load_library
    context = _import_first("game.ui.core.context")
    settle = getattr(context, "settle_heap", None) if context else None
    with tempfile.TemporaryDirectory(prefix="thaw-bench-") as folder:
        path = _synthetic_pack(Path(folder), events=2000, questions=5000)
        library = load_library([game.LEVELS_DIR], extra=[path])
        if settle is not None:
            settle()
        walls, cpus = _timed(gc.collect, max(options.runs, 3), scale=1000)
        tracked = len(gc.get_objects())
    del library
    gc.unfreeze()
    return _stat(walls, cpus, TARGETS["gc_pause_ms"], digits=3, tracked_objects=tracked)


# --- dealing (the rules alone) ----------------------------------------------------------------
def _play_whose_view(content, seed: int, rounds: int) -> int:
    """Play a whose-view game to its end, every answer right; the questions dealt."""
    from game.rules import game as rules
    from game.rules.kinds import ScaleHand
    from game.rules.session import new_session
    played = rules.start_whose_view(content, new_session(["Solo"], seed=seed), rounds=rounds)
    dealt = 0
    while not played.over:
        prompt = played.prompt
        dealt += 1
        move = ([p.perspective for p in prompt.question.placements]
                if isinstance(prompt, ScaleHand) else prompt.question.answer)
        played, _ = rules.answer(played, move)
    return dealt


def whole_game(options: Options) -> dict:
    """A whose-view game over every bundled question (rounds = every question)."""
    from game.content.library import load_library
    from game.rules.content import Content
    library = load_library([game.LEVELS_DIR])
    dealt: list[int] = []

    def play() -> None:    # a fresh Content: nothing derived from an earlier run
        content = Content.from_library(library)
        dealt.append(_play_whose_view(content, seed=len(dealt), rounds=len(content.questions)))
    walls, cpus = _timed(play, max(options.runs, 3))
    return _stat(walls, cpus, TARGETS["whole_game_s"], questions=len(library.questions()),
                 dealt=min(dealt))


def deal_time(options: Options) -> dict:
    """Per deal: a 100-question whose-view game with the generated 5,000 questions in play."""
    from game.content.library import load_library
    from game.rules.content import Content
    with tempfile.TemporaryDirectory(prefix="thaw-bench-") as folder:
        path = _synthetic_pack(Path(folder), events=2000, questions=5000)
        library = load_library([game.LEVELS_DIR], extra=[path])
    dealt: list[int] = []

    def play() -> None:
        content = Content.from_library(library)
        dealt.append(_play_whose_view(content, seed=len(dealt), rounds=100))
    walls, cpus = _timed(play, max(options.runs, 3))
    per_deal = 1000 / max(1, min(dealt))
    return _stat([w * per_deal for w in walls], [c * per_deal for c in cpus],
                 TARGETS["deal_ms"], digits=3,
                 questions=len(library.questions()), dealt=min(dealt))


# --- frames: reaching each busy screen through real input ----------------------------------------
def _new_app(size, library_loader=None):
    from game.ui.app import App
    app = App(size=size, seed=7, library_loader=library_loader)
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


def _motion(pos, held: bool = False):
    import pygame
    return pygame.event.Event(pygame.MOUSEMOTION, pos=(int(pos[0]), int(pos[1])), rel=(1, 0),
                              buttons=(1, 0, 0) if held else (0, 0, 0))


class Moved:
    """What the input really changed during the timed frames (the bench says it)."""

    def __init__(self) -> None:
        self.values: dict[str, set] = {}

    def note(self, **values) -> None:
        for name, value in values.items():
            self.values.setdefault(name, set()).add(value)

    def report(self) -> dict:
        out = {}
        for name, seen in self.values.items():
            numbers = [v for v in seen if isinstance(v, (int, float))]
            if numbers and len(numbers) == len(seen):
                out[name] = round(max(numbers) - min(numbers), 1)   # the range covered
            else:
                out[name] = len(seen)                               # how many distinct
        return out


def board_drag(size):
    """The timeline board with 12 cards (11 placed right, 1 in hand) and a drag under way."""
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
    moved = Moved()

    def frame_input(i: int):
        # Back and forth over about two gaps, so the lit gap changes now and then.
        x = middle[0] + round(span * ((i % 40) - 20) / 20)
        moved.note(lit_gap=getattr(app.scene, "hover_gap", None), pointer_x=x)
        return [_motion((x, middle[1] + i % 3), held=True)]
    return app, frame_input, moved


def _visible_labels(explore) -> list:
    """(index, screen rect) of the labels in Explore's view."""
    if hasattr(explore, "visible_labels"):
        return list(explore.visible_labels())
    view = explore.view
    return [(i, explore.screen_rect(r)) for i, r in explore.placed
            if explore.screen_rect(r).colliderect(view)]


ZOOM_IN_STEPS = 2        # wheel steps before the pan: from the whole era to about 5 years


def _explore_input(app):
    """Frames 0-299 of each cycle: the pointer goes from label to label (the hover moves);
    frames 300-599: the wheel zooms in two steps (the whole era fits the view: nothing to
    pan), a drag pans the view along the years and back, the pointer over labels, and the
    wheel zooms out again at the end. Two frames in 600 re-lay the labels (explore_ms times
    that); the p99 is the sixth slowest of 600, so it still speaks for the drawing."""
    import pygame
    moved = Moved()
    state = {"pressed": None}

    def frame_input(i: int):
        explore = app.scene
        view = explore.view
        events = []
        if i < CYCLE // 2:
            labels = _visible_labels(explore)
            if labels:
                # A stride of 7 stands still when 7 labels are in view: step by 1 then.
                stride = 7 if len(labels) % 7 else 1
                index, rect = labels[(i * stride) % len(labels)]
                events.append(_motion(rect.center))
            else:
                events.append(_motion((view.x + (i * 37) % view.width, view.centery)))
        else:
            if state["pressed"] is None or i == CYCLE // 2:
                state["pressed"] = view.center
                events += [_motion(view.center),
                           pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=ZOOM_IN_STEPS),
                           pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=view.center, button=1)]
            k = i - CYCLE // 2
            wave = k % 100 if k % 200 < 100 else 100 - k % 100         # 0..100..0
            reach_x, reach_y = view.width // 3, view.height // 3
            pos = (view.centerx - reach_x * wave // 100, view.centery - reach_y * wave // 100)
            events.append(_motion(pos, held=True))
            if i == CYCLE - 1:
                events += [pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
                           pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-ZOOM_IN_STEPS)]
                state["pressed"] = None
        moved.note(hover=explore.hover, pan_x=round(explore.pan_x), zoom=round(explore.zoom, 2))
        return events
    return frame_input, moved


def explore_whole(size, library_loader=None):
    """Explore at its first zoom (the whole era), the pointer over the labels, then panning."""
    app = _new_app(size, library_loader)
    _click_button(app, "Explore")
    if app.scene.name != "explore":
        raise RuntimeError("could not open Explore")
    frame_input, moved = _explore_input(app)
    return app, frame_input, moved


def _generated_loader(events: int, questions: int):
    """A library loader: levels/ plus a generated pack (written once per bench run)."""
    from game.tools.synthetic import write_synthetic_packs
    folder = Path(tempfile.mkdtemp(prefix="thaw-bench-gen-"))
    paths = write_synthetic_packs(folder, events=events, questions=questions)

    def load():
        from game.content.library import load_library
        library = load_library([game.LEVELS_DIR], extra=paths)
        if library.broken:
            raise RuntimeError(f"a generated pack is broken: {library.broken[0].problems[0]}")
        return library
    load.folder = folder
    return load


_LOADERS: dict = {}


def _loader_for(events: int, questions: int = 10):
    if (events, questions) not in _LOADERS:
        _LOADERS[(events, questions)] = _generated_loader(events, questions)
    return _LOADERS[(events, questions)]


def explore_10000(size):
    """Explore with 10,000 generated events (plus the bundled ones), same input."""
    loader = _loader_for(10000)
    library = loader()
    return explore_whole(size, library_loader=lambda: library)


def whose_view_verdict(size):
    """A whose-view verdict with its source panel: the wheel scrolls the source from end to
    end (as far as it scrolls), and the pointer visits the two buttons now and then."""
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
    app.send([_motion(over)])
    moved = Moved()
    state = {"direction": -1}

    buttons = (ask.report.rect.center, ask.next_button.rect.center)

    def frame_input(i: int):
        scene = app.scene
        scroll = scene.source.scroll
        moved.note(scroll_px=scroll.offset, hovered=scene.focus.hovered)
        if i % 20 >= 16:
            # Four frames in twenty the pointer visits the buttons, which light up: a source
            # that fits its panel (at 4K most do) would otherwise leave every frame the same.
            return [_motion(buttons[(i // 20) % 2])]
        if scroll.offset >= scroll.max_offset:
            state["direction"] = 1            # at the end: back up
        elif scroll.offset <= 0:
            state["direction"] = -1           # at the top: down again
        return [_motion((over[0], over[1] + (i % 5))),
                pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=state["direction"], flipped=False)]
    return app, frame_input, moved


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
    """The classroom scoreboard after round 1 of a 4-team session, the pointer moving over
    it (the scene has no hover: this is its real per-frame cost). None if not built."""
    board_module = _import_first("game.ui.classroom.scoreboard", "game.ui.classroom_board")
    if board_module is None:
        return None
    app = _new_app(size)
    room = classroom_room(app.ctx.library)
    if room is None:
        return None
    app.ctx.push(board_module.ClassroomBoardScene(app.ctx, room))
    app.stack.apply()
    app.run_until_idle()
    if app.scene.name != "classroom-board":
        raise RuntimeError("could not open the classroom scoreboard")
    moved = Moved()
    w, h = size

    def frame_input(i: int):
        pos = ((i * 29) % w, (i * 17) % h)
        moved.note(pointer=pos)
        return [_motion(pos)]
    return app, frame_input, moved


SCENES: dict[str, Callable] = {
    "board_drag": board_drag,
    "explore": explore_whole,
    "whose_view_verdict": whose_view_verdict,
    "classroom_scoreboard": classroom_scoreboard,
    "explore_10000": explore_10000,
}
# Which sizes each scene is timed at.
SCENE_SIZES = {
    "board_drag": SIZES,
    "explore": SIZES + (BIG,),
    "whose_view_verdict": SIZES + (BIG,),
    "classroom_scoreboard": SIZES,
    "explore_10000": ((1920, 1080),),
}
NOCACHE_SCENES = ("board_drag", "explore", "whose_view_verdict", "classroom_scoreboard")


def _size_name(size) -> str:
    return f"{size[0]}x{size[1]}"


def _set_caching(app, on: bool) -> None:
    app.text.set_caching(on)
    for scene in app.stack.scenes:
        if hasattr(scene, "set_caching"):
            scene.set_caching(on)


def time_frames_once(build, size, frames: int, cache: bool = True) -> Optional[dict]:
    """Wall and CPU milliseconds of each App.step on the scene `build` reaches."""
    built = build(size)
    if built is None:
        return None
    app, frame_input, moved = built
    if not cache:
        _set_caching(app, False)
    walls, cpus = [], []
    for i in range(-WARM_UP_FRAMES, frames):
        if i == 0:
            moved.values.clear()   # only what moved while timed
        app.post(frame_input(i % CYCLE))
        started, cpu = time.perf_counter(), time.thread_time()
        app.step(1 / 60)
        if i >= 0:     # the warm-up frames are not counted: this is the steady state
            walls.append((time.perf_counter() - started) * 1000)
            cpus.append((time.thread_time() - cpu) * 1000)
    report = moved.report()
    del app, built
    gc.collect()
    return {"walls": walls, "cpus": cpus, "moved": report}


def time_frames(build, size, frames: int, runs: int, cache: bool = True,
                target: Optional[float] = None) -> Optional[dict]:
    """p50/p99 (median of `runs` fresh runs, with the p99 spread and CPU p50/p99)."""
    p50s, p99s, c50s, c99s, moved = [], [], [], [], {}
    for _ in range(runs):
        one = time_frames_once(build, size, frames, cache)
        if one is None:
            return None
        p50s.append(_percentile(one["walls"], 0.50))
        p99s.append(_percentile(one["walls"], 0.99))
        c50s.append(_percentile(one["cpus"], 0.50))
        c99s.append(_percentile(one["cpus"], 0.99))
        moved = one["moved"]
    out = {"p50": round(statistics.median(p50s), 3), "p99": round(statistics.median(p99s), 3),
           "p99_min": round(min(p99s), 3), "p99_max": round(max(p99s), 3),
           "cpu_p50": round(statistics.median(c50s), 3),
           "cpu_p99": round(statistics.median(c99s), 3), "runs": runs, "moved": moved}
    if target is not None:
        out["target"] = target
        out["ok"] = out["p99"] < target
    return out


def _frame_target(size) -> Optional[float]:
    return FRAME_TARGET_MS if size[0] >= 1920 else None


def _frame_figure(cache: bool):
    def figure(options: Options) -> dict:
        results = {}
        for name, build in SCENES.items():
            if not cache and name not in NOCACHE_SCENES:
                continue
            per_size = {}
            for size in SCENE_SIZES[name] if cache else SIZES:
                measured = time_frames(build, size, options.frames, options.runs, cache,
                                       _frame_target(size) if cache else None)
                if measured is None:
                    break
                per_size[_size_name(size)] = measured
            if per_size:
                results[name] = per_size
        return results
    return figure


# --- presented frames: a real X server ------------------------------------------------------
def _free_display() -> int:
    for number in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display number")


def presented(options: Options) -> dict:
    """Board and Explore at 1920x1080 under Xvfb (x11 driver): flip() really presents."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        return {"skipped": "Xvfb is not installed (apt-get install xvfb)"}
    number = _free_display()
    server = subprocess.Popen([xvfb, f":{number}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                break
            time.sleep(0.05)
        else:
            return {"skipped": "Xvfb did not start"}
        env = {k: v for k, v in os.environ.items() if not k.startswith("SDL_VIDEO")}
        env.update(DISPLAY=f":{number}", SDL_VIDEODRIVER="x11")
        results = {}
        for name in ("board_drag", "explore"):
            done = subprocess.run([sys.executable, "-m", "game.tools.bench", "--child-frames",
                                   name, "1920x1080", str(options.frames), str(options.runs)],
                                  env=env, cwd=game.PROJECT_ROOT, capture_output=True, text=True)
            if done.returncode != 0:
                return {"skipped": f"the x11 run failed: {done.stderr.strip()[-300:]}"}
            measured = json.loads(done.stdout.strip().splitlines()[-1])
            measured["target"] = round(PRESENTED_TARGET_MS, 1)
            measured["ok"] = measured["p99"] < PRESENTED_TARGET_MS
            results[name] = {"1920x1080": measured}
        return results
    finally:
        server.terminate()
        server.wait(timeout=10)


# --- Explore: open, zoom and resize with many events ---------------------------------------
def _explore_actions(events: int, runs: int) -> dict:
    import pygame
    from game.ui.core.registry import make_scene
    library = _loader_for(events)()
    target = EXPLORE_TARGETS_MS[events]
    app = _new_app((1920, 1080), library_loader=lambda: library)
    app.ctx.library          # loaded before the clock starts: this is Explore's own cost
    walls: dict[str, list] = {"open": [], "zoom": [], "resize": []}
    cpus: dict[str, list] = {"open": [], "zoom": [], "resize": []}

    def clock(kind, action):
        started, cpu = time.perf_counter(), time.process_time()
        action()
        app.step(1 / 60)
        walls[kind].append((time.perf_counter() - started) * 1000)
        cpus[kind].append((time.process_time() - cpu) * 1000)

    sizes = [(1600, 900), (1920, 1080)]
    for run in range(runs):
        app.ctx.home()
        app.stack.apply()
        app.step(1 / 60)

        def open_it():
            app.ctx.push(make_scene("explore", app.ctx))
            app.stack.apply()
        clock("open", open_it)
        if app.scene.name != "explore":
            raise RuntimeError("could not open Explore")
        view = app.scene.view
        app.post([_motion(view.center)])
        app.step(1 / 60)
        clock("zoom", lambda: app.post([pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1,
                                                           flipped=False)]))
        size = sizes[run % 2]
        clock("resize", lambda: app.post([pygame.event.Event(pygame.VIDEORESIZE, w=size[0],
                                                             h=size[1], size=size)]))
        app.resize((1920, 1080))
    return {kind: _stat(walls[kind], cpus[kind], target, digits=1) for kind in walls}


def explore_actions(options: Options) -> dict:
    return {str(n): _explore_actions(n, max(1, options.runs)) for n in EXPLORE_TARGETS_MS}


# --- memory --------------------------------------------------------------------------------------
PEAK_SCRIPT = """
import sys
def peak_mib():
    try:
        with open("/proc/self/status") as status:    # this process's own high-water mark
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource   # elsewhere: ru_maxrss (may include the parent's peak before exec)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
def rss_mib():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return peak_mib()
"""

TOUR_SCRIPT = PEAK_SCRIPT + """
import tempfile
from game.tools.bench import _import_first
shots = _import_first("game.tools.tour", "game.ui.shots")
shots.Tour.shot = lambda self, name: self.app.draw()     # visit, draw, write nothing
with tempfile.TemporaryDirectory() as out:
    shots.take_all(out, (1920, 1080), seed=7)
print(peak_mib())
"""

SESSION_SCRIPT = PEAK_SCRIPT + """
from game.tools.bench import random_session
frames, w, h = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
samples = random_session(frames, (w, h), rss_mib)
print(peak_mib(), rss_mib(), " ".join(f"{s:.1f}" for s in samples))
"""


def _fresh_python(script: str, *args: str) -> str:
    """Run `script` in a fresh interpreter (its own THAW_HOME); its last stdout line."""
    with tempfile.TemporaryDirectory(prefix="thaw-bench-home-") as home:
        done = subprocess.run([sys.executable, "-c", script, *args], cwd=game.PROJECT_ROOT,
                              env=dict(os.environ, THAW_HOME=home), capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"the child process failed: {done.stderr.strip()[-600:]}")
    return done.stdout.strip().splitlines()[-1]


def rss(options: Options) -> dict:
    """Peak resident MiB of a fresh process that visits every screen (1920x1080)."""
    peaks = [float(_fresh_python(TOUR_SCRIPT)) for _ in range(1 if options.quick else 2)]
    return _stat(peaks, [], TARGETS["rss_mb"], digits=1)


SESSION_KEYS = ("RETURN",) * 6 + ("ESCAPE",) * 2 + (
    "TAB", "UP", "DOWN", "LEFT", "RIGHT", "SPACE", "PAGEUP", "PAGEDOWN", "HOME", "END",
    "EQUALS", "MINUS", "BACKSPACE", "s", "r") + tuple(str(n) for n in range(1, 10)) * 2


def _session_events(rng: random.Random, size) -> list:
    """The UI monkey's input (tests/test_ui_monkey.py) without resizes and fullscreen."""
    import pygame
    w, h = size
    roll = rng.random()
    pos = (rng.randrange(w), rng.randrange(h))
    if roll < 0.45:
        key = getattr(pygame, f"K_{rng.choice(SESSION_KEYS)}")
        mod = pygame.KMOD_SHIFT if rng.random() < 0.1 else 0
        return [pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)]
    if roll < 0.65:
        return [_motion(pos), pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
                pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1)]
    if roll < 0.8:
        end = (rng.randrange(w), rng.randrange(h))
        return [pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
                _motion(end, held=True), pygame.event.Event(pygame.MOUSEBUTTONUP, pos=end, button=1)]
    if roll < 0.97:
        return [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice([-2, -1, 1, 2]),
                                   flipped=False)]
    return [pygame.event.Event(pygame.TEXTINPUT, text=rng.choice("abc1 "))]


def random_session(frames: int, size, sample: Callable[[], float], seed: int = 20240601) -> list:
    """One player's long session: `frames` frames of random input, every frame drawn; Quit
    goes back to the title instead. RSS sampled every 1,000 frames."""
    _headless_env()
    rng = random.Random(seed)
    app = _new_app(size)
    # The window stays the size asked for: the settings' Fullscreen toggle would make it
    # the dummy driver's "screen", 1024x768, and a 4K session would leave 4K for good
    # within its first hundred frames.
    app.set_fullscreen = lambda on: None
    samples = []
    for frame in range(frames):
        app.post(_session_events(rng, size))
        app.step(1 / 30)
        if not app.running or app.ctx.quit_requested or not app.stack.scenes:
            app.running = True
            app.ctx.quit_requested = False
            app.ctx.home()
            app.stack.apply()
        if frame % 1000 == 999:
            samples.append(sample())
    return samples


def rss_session(options: Options) -> dict:
    results = {}
    for size in SESSION_SIZES:
        line = _fresh_python(SESSION_SCRIPT, str(options.session_frames), str(size[0]), str(size[1]))
        peak, end, *samples = line.split()
        results[_size_name(size)] = {
            "peak": round(float(peak), 1), "end": round(float(end), 1),
            "every_1000_frames": [float(s) for s in samples], "frames": options.session_frames,
            "target": TARGETS["rss_session_mb"], "ok": float(peak) < TARGETS["rss_session_mb"]}
    return results


LAN_PHONES = (40, 200)
LAN_ANSWER_TARGET_MS = 100.0     # p99, answer sent -> counted on the projector, at 200 phones
LAN_FRAME_TARGET_MS = 8.0        # p99 of the projector's frame while 40 phones answer


def lan(options: Options) -> dict:
    """Phones on 127.0.0.1 (a child process of asyncio clients) answer while the projector
    pumps the server and draws its phone-play screen at 1920x1080 (a projector), once per frame."""
    _headless_env()
    from game.tools import lan_bench
    out = {}
    for phones in LAN_PHONES:
        got = lan_bench.measure(phones, draw_for=lan_bench.projector_at((1920, 1080)),
                                questions=2 if options.quick else lan_bench.QUESTIONS)
        answer, frame = got["answer_to_projector_ms"], got["frame_ms"]
        if phones == max(LAN_PHONES):
            answer["target"] = LAN_ANSWER_TARGET_MS
        if phones == min(LAN_PHONES):
            frame["target"] = LAN_FRAME_TARGET_MS
        got["no_answer_lost"] = got["answers_counted"] == got["answers_sent"]
        got["ok"] = (got["no_answer_lost"] and answer["p99"] < answer.get("target", float("inf"))
                     and frame["p99"] < frame.get("target", float("inf")))
        out[f"{phones}_phones"] = got
    return out


FIGURES: dict[str, Callable[[Options], object]] = {
    "startup_s": startup,
    "startup_returning_s": startup_returning,
    "frame_ms": _frame_figure(cache=True),
    "frame_ms_nocache": _frame_figure(cache=False),
    "frame_ms_presented": presented,
    "explore_ms": explore_actions,
    "passage_ms": passage_time,
    "load_s.levels": load_levels,
    "load_s.generated": load_generated,
    "gc_pause_ms": gc_pause,
    "whole_game_s": whole_game,
    "deal_ms": deal_time,
    "rss_mb": rss,
    "rss_session_mb": rss_session,
    "lan": lan,
}


# --- reporting -------------------------------------------------------------------------------
def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def _frame_line(label: str, p: dict) -> str:
    line = (f"{label}: p50 {p['p50']:.2f} ms  p99 {p['p99']:.2f} ms "
            f"({p.get('p99_min', p['p99']):.2f}..{p.get('p99_max', p['p99']):.2f})")
    if "cpu_p99" in p:
        line += f"  cpu p50 {p['cpu_p50']:.2f} p99 {p['cpu_p99']:.2f}"
    if p.get("moved"):
        line += "  moved " + ",".join(f"{k}={v}" for k, v in p["moved"].items())
    if "target" in p:
        line += f"  (target p99 < {p['target']:g} ms) {_verdict(p['p99'] < p['target'])}"
    return line


def _stat_line(label: str, value: dict, unit: str) -> str:
    line = f"{label}: {value['median']:.4g} {unit}"
    if value.get("runs", 1) > 1:
        line += f" ({value['min']:.4g}..{value['max']:.4g}, {value['runs']} runs)"
    if value.get("cpu") is not None:
        line += f"  cpu {value['cpu']:.4g} {unit}"
    if "target" in value:
        line += f"  (target < {value['target']:g} {unit}) {_verdict(value['median'] < value['target'])}"
    return line


def lines_for(name: str, value) -> list[str]:
    """The printed lines for one figure: value, spread, CPU, target, ok/MISSED."""
    if isinstance(value, (int, float)):     # a bare number (old style): value and target
        unit = UNITS.get(name, "s")
        return [_stat_line(name, {"median": value, "target": TARGETS[name]}
                           if name in TARGETS else {"median": value}, unit)]
    if "skipped" in value:
        return [f"{name}: skipped: {value['skipped']}"]
    if name.startswith("frame_ms"):
        out = []
        scenes = list(SCENES) if name == "frame_ms" else list(value)
        for scene in scenes:
            if scene not in value:
                out.append(f"{name}.{scene}: {NOT_BUILT}")
                continue
            for size, p in value[scene].items():
                out.append(_frame_line(f"{name}.{scene}.{size}", p))
        return out
    if name == "explore_ms":
        return [_stat_line(f"{name}.{events}.{kind}", stat, "ms")
                for events, kinds in value.items() for kind, stat in kinds.items()]
    if name == "lan":
        out = []
        for key, v in value.items():
            a, f = v["answer_to_projector_ms"], v["frame_ms"]
            line = (f"lan.{key}: {v['answers_counted']}/{v['answers_sent']} answers counted, "
                    f"answer->projector p50 {a['p50']:.1f} ms p99 {a['p99']:.1f} ms"
                    + (f" (target < {a['target']:g})" if "target" in a else "")
                    + f", projector frame p99 {f['p99']:.2f} ms"
                    + (f" (target < {f['target']:g})" if "target" in f else "")
                    + f"  {_verdict(v['ok'])}")
            out.append(line)
        return out
    if name == "rss_session_mb":
        return [f"{name}.{size}: peak {v['peak']:.1f} MiB, end {v['end']:.1f} MiB after "
                f"{v['frames']} frames  (target peak < {v['target']:g} MiB) {_verdict(v['ok'])}"
                for size, v in value.items()]
    return [_stat_line(name, value, UNITS.get(name, ""))]


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


# --- the README table ------------------------------------------------------------------------
def table(result: dict) -> str:
    """A Markdown table of a --json result: figure, measured, spread, CPU, target, verdict."""
    rows = ["| figure | measured | spread (runs) | CPU | target | |", "|---|---|---|---|---|---|"]

    def row(label, value, spread, cpu, target, ok):
        mark = "" if ok is None else ("ok" if ok else "**missed**")
        rows.append(f"| {label} | {value} | {spread} | {cpu} | {target} | {mark} |")

    for name, value in result.items():
        if isinstance(value, dict) and "skipped" in value:
            row(name, "skipped", "", "", "", None)
            rows[-1] = rows[-1].replace("| skipped |", f"| skipped: {value['skipped']} |")
            continue
        if name.startswith("frame_ms"):
            for scene, sizes in value.items():
                for size, p in sizes.items():
                    row(f"{name} {scene} {size} (p99)", f"{p['p99']:.2f} ms",
                        f"{p.get('p99_min', p['p99']):.2f}–{p.get('p99_max', p['p99']):.2f} ({p.get('runs', 1)})",
                        f"{p['cpu_p99']:.2f} ms" if "cpu_p99" in p else "",
                        f"< {p['target']:g} ms" if "target" in p else "", p.get("ok"))
        elif name == "lan":
            for key, v in value.items():
                a, f = v["answer_to_projector_ms"], v["frame_ms"]
                phones = key.replace("_", " ")
                row(f"lan {phones}: answers counted", f"{v['answers_counted']}/{v['answers_sent']}",
                    "", "", "all", v["no_answer_lost"])
                row(f"lan {phones}: answer to projector (p50 / p99)", f"{a['p50']:.1f} / {a['p99']:.1f} ms",
                    "", "", f"p99 < {a['target']:g} ms" if "target" in a else "",
                    a["p99"] < a["target"] if "target" in a else None)
                row(f"lan {phones}: projector frame 1920x1080 (p99)", f"{f['p99']:.2f} ms", "", "",
                    f"< {f['target']:g} ms" if "target" in f else "",
                    f["p99"] < f["target"] if "target" in f else None)
        elif name == "rss_session_mb":
            for size, v in value.items():
                row(f"{name} {size} (peak, {v['frames']} frames)", f"{v['peak']:.0f} MiB",
                    f"end {v['end']:.0f} MiB", "", f"< {v['target']:g} MiB", v["ok"])
        elif name in ("explore_ms", "load_s"):
            unit = "ms" if name == "explore_ms" else "s"
            for key, inner in value.items():
                stats = inner.items() if "median" not in inner else [("", inner)]
                for kind, s in stats:
                    _stat_row(row, f"{name} {key} {kind}".strip(), s, unit)
        else:
            _stat_row(row, name, value, UNITS.get(name, ""))
    return "\n".join(rows)


def _stat_row(row, label, s, unit) -> None:
    if not isinstance(s, dict):
        row(label, f"{s:g} {unit}", "", "", "", None)
        return
    row(label, f"{s['median']:.4g} {unit}", f"{s['min']:.4g}–{s['max']:.4g} ({s['runs']})",
        f"{s['cpu']:.4g} {unit}" if s.get("cpu") is not None else "",
        f"< {s['target']:g} {unit}" if "target" in s else "", s.get("ok"))


# --- the command -------------------------------------------------------------------------------
def _child_frames(argv: list[str]) -> int:
    """`--child-frames SCENE WxH FRAMES RUNS`: one scene's frame times as JSON (for Xvfb)."""
    name, size_text, frames, runs = argv
    size = tuple(int(part) for part in size_text.split("x"))
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    with tempfile.TemporaryDirectory(prefix="thaw-bench-home-") as home:
        os.environ["THAW_HOME"] = home
        measured = time_frames(SCENES[name], size, int(frames), int(runs))
    print(json.dumps(measured))
    return 0


def main(argv: Optional[list[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--child-frames"]:
        return _child_frames(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m game.bench",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--only", default="", metavar="NAME[,NAME]",
                        help=f"only these figures or groups (of {', '.join(FIGURES)})")
    parser.add_argument("--frames", type=int, default=None, metavar="N",
                        help="frames timed per screen and size (default 600)")
    parser.add_argument("--runs", type=int, default=None, metavar="N",
                        help="repeats of each timed figure (default 3; start-up at least 5)")
    parser.add_argument("--session-frames", type=int, default=None, metavar="N",
                        help="frames of the random session for rss_session_mb (default 20000)")
    parser.add_argument("--quick", action="store_true",
                        help="fewer frames and runs: a smoke run, not a measurement")
    parser.add_argument("--table", default=None, metavar="RESULT.json",
                        help="print the README's Markdown table from a saved --json result")
    args = parser.parse_args(argv)
    if args.table:
        print(table(json.loads(Path(args.table).read_text(encoding="utf-8"))))
        return 0
    try:
        names = _select(args.only) if args.only else list(FIGURES)
    except ValueError as error:
        parser.error(str(error))
    frames = args.frames if args.frames is not None else (20 if args.quick else 600)
    if frames < 1:
        parser.error("--frames must be at least 1")
    runs = args.runs if args.runs is not None else (1 if args.quick else 3)
    if runs < 1:
        parser.error("--runs must be at least 1")
    session = args.session_frames if args.session_frames is not None else (
        300 if args.quick else 20000)
    options = Options(frames=frames, runs=runs, session_frames=max(1, session), quick=args.quick)
    _headless_env()
    results = {}
    try:
        with tempfile.TemporaryDirectory(prefix="thaw-bench-home-") as home:
            os.environ["THAW_HOME"] = home    # never the player's own settings and progress
            for name in names:
                value = FIGURES[name](options)
                results[name] = round(value, 4) if isinstance(value, float) else value
                if not args.json:
                    for line in lines_for(name, results[name]):
                        print(line, flush=True)
    finally:
        for loader in _LOADERS.values():
            shutil.rmtree(loader.folder, ignore_errors=True)
    if args.json:
        print(json.dumps(_nest(results), sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
