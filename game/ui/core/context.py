"""What every scene is given: the settings, the library, the text helper, the stack.

One object passed down instead of globals. Scenes change the stack only through it
(push/pop/replace/home) and change settings only through `change_settings`, which saves.
"""

from __future__ import annotations

import gc

import random
from dataclasses import replace
from typing import Any, Callable, Optional

from game.ui.core.registry import make_scene
from game.ui.core.scene import Scene, SceneStack
from game.ui.core.sound import Sounds
from game.ui.core.text import TextHelper
from game.ui.core.theme import Palette, palette


class Context:
    def __init__(self, *, settings_store, progress_store, library_loader: Callable[[], Any],
                 text: TextHelper, sounds: Sounds, stack: SceneStack,
                 seed: Optional[int] = None) -> None:
        self.settings_store = settings_store
        self.progress_store = progress_store
        self.settings = settings_store.load() if settings_store else None
        self.progress = progress_store.load() if progress_store else None
        self._library_loader = library_loader
        self._library = None
        self._seen: dict = {}
        # False for `thaw play --only`: only the packs loaded are re-read, no new ones join.
        self.watch_new_packs = True
        self.text = text
        self.sounds = sounds
        self.stack = stack
        self.seed = seed            # --seed: every session starts from it
        # Seeds for new sessions when no --seed was given. The one place that is random
        # by design; the rules themselves only ever see the seed.
        self._seeds = random.Random(seed)
        self.quit_requested = False
        self.fullscreen_requested = False
        self.notices: list[str] = []
        self.sessions: list[Any] = []   # every finished session (tests read the history)
        for store in (settings_store, progress_store):
            for notice in (store.take_notices() if store else ()):
                self.notices.append(str(notice))

    # --- look --------------------------------------------------------------------------
    @property
    def palette(self) -> Palette:
        return palette(bool(self.settings and self.settings.high_contrast))

    @property
    def reduce_motion(self) -> bool:
        return bool(self.settings and self.settings.reduce_motion)

    def layout_key(self) -> tuple:
        s = self.settings
        return (self.text.scale, s.text_size if s else None, s.high_contrast if s else None)

    # --- the stack ---------------------------------------------------------------------
    def push(self, scene: Scene) -> None:
        self.stack.push(scene)

    def pop(self, result: Any = None) -> None:
        self.stack.pop(result)

    def replace(self, scene: Scene) -> None:
        self.stack.replace(scene)

    def home(self) -> None:
        self.stack.reset(make_scene("title", self))

    def quit(self) -> None:
        self.quit_requested = True

    def toggle_fullscreen(self) -> None:
        self.fullscreen_requested = True

    # --- content -----------------------------------------------------------------------
    @property
    def library_loaded(self) -> bool:
        """Whether the packs have been loaded yet (reading them can take a second)."""
        return self._library is not None

    @property
    def library(self):
        if self._library is None:
            self._library = self._library_loader()
            self._seen = _pack_files(self._library, self.watch_new_packs)
            settle_heap()
        return self._library

    def reload_changed(self) -> list:
        """Re-read every pack file changed (or added) since it was loaded: the paths."""
        library = self.library
        now = _pack_files(library, self.watch_new_packs)
        changed = [path for path, stamp in now.items() if self._seen.get(path) != stamp]
        if changed:
            library = library.reload(*changed)    # one pass re-reads every file
            settle_heap()
        self._library = library
        self._seen = _pack_files(library, self.watch_new_packs)
        return changed

    def new_seed(self) -> int:
        return self.seed if self.seed is not None else self._seeds.randrange(1, 2**31)

    # --- settings and progress -----------------------------------------------------------
    def change_settings(self, **changes) -> None:
        self.settings = replace(self.settings, **changes)
        if self.settings_store is not None:
            self.settings_store.save(self.settings)
            self.notices.extend(str(n) for n in self.settings_store.take_notices())

    def save_progress(self, progress) -> None:
        self.progress = progress
        if self.progress_store is not None:
            self.progress_store.save(progress)
            self.notices.extend(str(n) for n in self.progress_store.take_notices())

    def play_sound(self, name: str) -> None:
        self.sounds.play(name, bool(self.settings and self.settings.sound))


def settle_heap() -> None:
    """After loading packs: collect the loader's garbage once, then move everything still
    alive out of the collector's sight (gc.freeze). The library is thousands of objects
    that live as long as the game; a full collection then costs nothing for them. What was
    frozen by an earlier load is thawed first, so whatever of it has died is collected."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _pack_files(library, watch_folders: bool = True) -> dict:
    """path -> modification time of every pack file the library knows, plus (when
    `watch_folders`) new *.yaml files in the folders it loaded from (a teacher may drop a
    new pack in)."""
    from game.safefile import safe_resolve   # a link loop among the packs never raises
    paths = {safe_resolve(p.path) for p in getattr(library, "packs", ())}
    paths |= {safe_resolve(b.path) for b in getattr(library, "broken", ())}
    folders = ({p.parent for p in paths} | _default_folders()) if watch_folders else set()
    for folder in folders:
        if folder.is_dir():
            paths |= {safe_resolve(p) for p in folder.glob("*.yaml")}
            paths |= {safe_resolve(p) for p in folder.glob("*.yml")}
    stamps = {}
    for path in paths:
        try:
            stamps[path] = path.stat().st_mtime_ns
        except OSError:
            stamps[path] = None
    return stamps


def _default_folders() -> set:
    from game import LEVELS_DIR
    from game.paths import user_packs_dir
    from game.safefile import safe_resolve
    return {safe_resolve(LEVELS_DIR), safe_resolve(user_packs_dir())}
