"""The window and the loop: `run(args)` for `thaw play`, `App` for tests and screenshots.

One resizable window drawn at its real size (never pygame.SCALED: text must stay sharp);
the layout is recomputed on every resize. Tests drive the real loop: post pygame events,
then `step(dt)` with a fake clock, or `run_until_idle()`.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from typing import Optional, Sequence

import pygame

from game.rules.mode_names import MODE_CAMPAIGN, MODES
from game.ui.core import input as keys
from game.ui.core import memory
from game.ui.core.context import Context
from game.ui.core.input import InputMapper
from game.ui.core.registry import make_scene
from game.ui.core.scene import SceneStack
from game.ui.core.sound import Sounds
from game.ui.core.text import TextHelper, cache_budget
from game.ui.core.theme import window_scale

DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (320, 200)
FPS = 60
# For the benchmark (game/bench.py): quit right after the first frame is drawn, so the
# time to a usable title screen can be measured from outside. Not a player-facing option.
EXIT_AFTER_FIRST_FRAME = "THAW_EXIT_AFTER_FIRST_FRAME"

NO_DISPLAY_MESSAGE = """\
thaw: cannot open a window: {reason}
There seems to be no display here. You can still:
  - play in the terminal:          thaw play --text
  - render every screen to PNGs:   thaw screenshots OUTDIR
  - run the window off-screen:     SDL_VIDEODRIVER=dummy thaw play
"""


class NoDisplay(Exception):
    pass


def parse_size(text: Optional[str]) -> Optional[tuple[int, int]]:
    """'1280x720' -> (1280, 720); None for None. ValueError with a readable message."""
    if not text:
        return None
    try:
        w, h = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise ValueError(f"window size {text!r} is not WIDTHxHEIGHT, e.g. 1280x720") from None
    if w < MIN_SIZE[0] or h < MIN_SIZE[1] or w > 16384 or h > 16384:
        raise ValueError(f"window size {text!r} must be between 320x200 and 16384x16384")
    return w, h


def _default_library_loader(extra: Sequence[str], only: bool = False):
    def load():
        if only:  # `thaw play --pack FILE --only`: those packs and what they require
            from game.content.selection import load_only
            return load_only(tuple(extra))[0]
        from game.content.library import load_library
        return load_library(extra=tuple(extra))
    return load


def _stores():
    from game.paths import user_data_dir
    from game.store.progress import ProgressStore
    from game.store.settings import SettingsStore
    folder = user_data_dir()
    return SettingsStore(folder), ProgressStore(folder)


def prefer_direct_framebuffer() -> None:
    """Present frames through X11's shared-memory image, not an OpenGL texture.

    SDL 2 presents a plain window through OpenGL when it can. Where OpenGL is drawn in
    software (mesa's llvmpipe: a virtual machine, a remote desktop, a school PC without its
    graphics driver, Xvfb), that costs 12 ms for a 1920x1080 frame, a 1-pixel update 8 ms;
    the shared-memory image costs 0.8 ms there (python -m game.bench --only
    frame_ms_presented). Our frames are drawn in software anyway, so the GPU has nothing to
    add. Read when the window is made; a player's own SDL_FRAMEBUFFER_ACCELERATION wins.
    """
    if pygame.display.get_driver() == "x11":
        os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")


class App:
    def __init__(self, *, size: Optional[tuple[int, int]] = None, fullscreen: Optional[bool] = None,
                 seed: Optional[int] = None, mode: Optional[str] = None,
                 extra_packs: Sequence[str] = (), library_loader=None, start: str = "title",
                 stores=None, only: bool = False, start_options: Optional[dict] = None) -> None:
        try:
            pygame.display.init()
            pygame.font.init()
        except pygame.error as error:
            raise NoDisplay(str(error)) from None
        prefer_direct_framebuffer()
        memory.configure()        # big surfaces go back to the system when freed
        settings_store, progress_store = stores if stores is not None else _stores()
        self.stack = SceneStack()
        self.text = TextHelper()
        self.mapper = InputMapper()
        loader = library_loader or _default_library_loader(extra_packs, only)
        self.ctx = Context(settings_store=settings_store, progress_store=progress_store,
                           library_loader=loader,
                           text=self.text, sounds=None, stack=self.stack, seed=seed)
        self.ctx.watch_new_packs = not only
        settings = self.ctx.settings
        self.windowed_size = tuple(size or settings.window or DEFAULT_SIZE)
        self.fullscreen = settings.fullscreen if fullscreen is None else fullscreen
        self.surface = self._open_window()
        pygame.display.set_caption("Thaw \u2014 the Khrushchev era, 1953\u20131964")
        pygame.key.set_repeat(400, 40)
        self.ctx.sounds = Sounds()
        self.frames = 0
        self.running = True
        self._apply_scale()
        self.stack.push(make_scene(start, self.ctx, **(start_options or {})))
        self.stack.apply()
        if mode:
            self._start_mode(mode)

    def _start_mode(self, mode: str) -> None:
        """`thaw play --mode X`: straight into that mode, the title underneath."""
        from game.ui.play import flow     # the rules engine: only when a mode is asked for
        from game.ui.play.match import default_pack_ids
        if mode not in MODES:
            self.ctx.push(make_scene("notice", self.ctx, title="Unknown mode",
                                     message=f"There is no mode called {mode!r}. The modes "
                                     "are: " + ", ".join(MODES) + "."))
        elif mode == MODE_CAMPAIGN:
            self.ctx.push(make_scene("campaign", self.ctx,
                                     pack_ids=default_pack_ids(self.ctx)))
        else:
            flow.start(self.ctx, mode)
        self.stack.apply()

    # --- the window --------------------------------------------------------------------
    def _open_window(self) -> pygame.Surface:
        try:
            if self.fullscreen:
                return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            return pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        except pygame.error as error:
            raise NoDisplay(str(error)) from None

    def _apply_scale(self) -> None:
        settings = self.ctx.settings
        size = self.surface.get_size()
        self.text.set_scale(window_scale(size, settings.text_size if settings else "medium"))
        budget = cache_budget(size)
        if budget != self.text.budget:     # the text caches hold about two windows' worth
            self.text.set_budget(budget)

    def resize(self, size: tuple[int, int]) -> None:
        size = (max(MIN_SIZE[0], int(size[0])), max(MIN_SIZE[1], int(size[1])))
        if self.fullscreen:
            return
        self.windowed_size = size
        current = pygame.display.get_surface()
        if current is None or current.get_size() != size:
            # Headless drivers (and some window managers) do not resize by themselves.
            current = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.surface = current
        self._apply_scale()

    def set_fullscreen(self, on: bool) -> None:
        if on == self.fullscreen:
            return
        self.fullscreen = on
        self.surface = self._open_window()
        self._apply_scale()
        if self.ctx.settings is not None and self.ctx.settings.fullscreen != on:
            self.ctx.change_settings(fullscreen=on)

    # --- one frame -----------------------------------------------------------------------
    def dispatch(self, action) -> None:
        """Send one action where it belongs: the app keeps quit, resize and fullscreen."""
        if action.kind == keys.QUIT:
            self.running = False
            return
        if action.kind == keys.RESIZE:
            self.resize(action.size)
            return
        if action.kind == keys.TOGGLE_FULLSCREEN:
            self.set_fullscreen(not self.fullscreen)
            return
        top = self.stack.top
        if top is None:
            return
        top.ensure_layout(self.surface.get_size())
        top.handle(action)
        del top      # a scene this closed must not be held while the stack lets it go
        self._after_scene_calls()

    def _after_scene_calls(self) -> None:
        before = tuple(self.stack.scenes)
        closed = self.stack.apply() and any(scene not in self.stack.scenes for scene in before)
        del before
        if closed:
            memory.after_scene_closed()    # what the closed scene held goes back now
        if self.ctx.fullscreen_requested:
            self.ctx.fullscreen_requested = False
            self.set_fullscreen(not self.fullscreen)
        self._apply_scale()   # the text-size setting may have changed
        if self.ctx.quit_requested or not self.stack.scenes:
            self.running = False

    def step(self, dt: float = 1 / FPS, draw: bool = True) -> bool:
        """Handle pending events, update by `dt` seconds, draw. False once quitting."""
        for event in pygame.event.get():
            action = self.mapper.map(event)
            if action is not None:
                self.dispatch(action)
            if not self.running:
                return False
        top = self.stack.top
        if top is not None:
            top.ensure_layout(self.surface.get_size())
            top.update(dt)
            top = None   # as in dispatch: not held while the stack changes
            self._after_scene_calls()
        if draw and self.running:
            self.draw()
        self.frames += 1
        return self.running

    def draw(self) -> None:
        size = self.surface.get_size()
        self.surface.fill(self.ctx.palette.background)
        for scene in self.stack.visible():
            scene.ensure_layout(size)
            scene.draw(self.surface)
        pygame.display.flip()

    # --- for tests and screenshots ---------------------------------------------------------
    def post(self, events) -> None:
        for event in events if isinstance(events, (list, tuple)) else [events]:
            pygame.event.post(event)

    def run_frames(self, count: int, dt: float = 1 / FPS, draw: bool = True) -> bool:
        for _ in range(count):
            if not self.step(dt, draw):
                return False
        return True

    def run_until_idle(self, max_frames: int = 600, dt: float = 1 / FPS) -> int:
        """Step until no event is pending and nothing moves; the frames it took."""
        for frame in range(max_frames):
            if not self.step(dt):
                return frame
            top = self.stack.top
            if not pygame.event.peek() and not (top and top.busy()):
                return frame + 1
        return max_frames

    def send(self, events, dt: float = 1 / FPS) -> None:
        """Post `events` and let the loop process them to rest."""
        self.post(events)
        self.run_until_idle(dt=dt)

    def save_png(self, path) -> None:
        self.draw()
        pygame.image.save(self.surface, str(path))

    @property
    def scene(self):
        return self.stack.top

    # --- the real thing -------------------------------------------------------------------
    def loop(self) -> int:
        self.handle_sigterm()
        # The first frame is drawn at once: Clock.tick's first call would wait a frame.
        self.step(0.0)
        if os.environ.get(EXIT_AFTER_FIRST_FRAME) == "1":
            # For the bench: when the first frame was drawn (perf_counter is one clock for
            # every process) and the CPU it took. Not close(): no window size is saved.
            print(f"thaw-first-frame {time.perf_counter()} {time.process_time()}", flush=True)
            pygame.quit()
            return 0
        clock = pygame.time.Clock()
        while self.running:
            dt = clock.tick(FPS) / 1000.0
            self.step(min(dt, 0.1))
        self.close()
        return 0

    def handle_sigterm(self) -> None:
        """SIGTERM (a logout, a shutdown, `kill`) ends the loop like closing the window,
        so the scenes save what they hold (a classroom round in play) before exiting."""
        def stop(signum, frame) -> None:
            self.running = False
        try:
            signal.signal(signal.SIGTERM, stop)
        except (ValueError, OSError, AttributeError):
            pass   # not the main thread, or no SIGTERM on this system

    def close(self) -> None:
        for scene in reversed(self.stack.scenes):
            try:
                scene.closing()
            except Exception:  # noqa: BLE001 - one scene's failure must not lose the others'
                pass
        settings = self.ctx.settings
        if settings is not None and not self.fullscreen and tuple(settings.window) != self.windowed_size:
            self.ctx.change_settings(window=self.windowed_size)
        pygame.quit()


def preview(path, window: Optional[str] = None) -> int:
    """`thaw preview PACK`: the window on that pack alone (and what it requires)."""
    return _open_and_play(window, extra_packs=(str(path),), only=True, start="preview",
                          start_options={"path": str(path)})


def run(args) -> int:
    """`thaw play`: open the window and play until the player quits."""
    return _open_and_play(getattr(args, "window", None),
                          fullscreen=True if getattr(args, "fullscreen", False) else None,
                          seed=getattr(args, "seed", None), mode=getattr(args, "mode", None),
                          extra_packs=getattr(args, "pack", ()) or (),
                          only=bool(getattr(args, "only", False)))


def _open_and_play(window: Optional[str], **options) -> int:
    """Open a real window of the size asked for and run the loop: the exit status
    (2 for a bad size, 1 with advice when there is no display to show it on)."""
    try:
        size = parse_size(window)
    except ValueError as error:
        print(f"thaw: {error}", file=sys.stderr)
        return 2
    try:
        app = App(size=size, **options)
        _require_a_visible_window()
    except NoDisplay as error:
        pygame.quit()
        print(NO_DISPLAY_MESSAGE.format(reason=error), file=sys.stderr, end="")
        return 1
    return app.loop()


# SDL drivers that draw to memory only. SDL falls back to them by itself when no display
# is reachable, and the game would then run unseen; asked for explicitly, they are fine.
INVISIBLE_DRIVERS = ("offscreen", "dummy")


def _require_a_visible_window() -> None:
    driver = pygame.display.get_driver()
    if driver in INVISIBLE_DRIVERS and not os.environ.get("SDL_VIDEODRIVER"):
        raise NoDisplay(f"no display was found (SDL fell back to its '{driver}' driver)")
