"""Scenes and the scene stack.

A scene owns one screen's state. The rule (from Tuxemon): draw changes nothing; update
and handle change the game. `layout(size)` computes rectangles for the real window size
and is called again whenever the size, the text size or the palette changes.

Changes to the stack asked for while handling an action are queued and applied after it,
so a scene never sees the stack change under its feet.
"""

from __future__ import annotations

from typing import Any, Optional

import pygame

from game.ui.core.bindings import dispatch
from game.ui.core.input import Action


class Scene:
    #: An opaque scene hides the scenes beneath it (they are not drawn).
    opaque = True
    #: The name shown in screenshots and error messages.
    name = "scene"
    #: The scene's keys -> actions (game.ui.core.bindings), from which its footer is drawn.
    BINDINGS: tuple = ()

    def __init__(self, ctx) -> None:
        self.ctx = ctx
        self.size = (0, 0)
        self._layout_key: Optional[tuple] = None

    # --- called by the app ----------------------------------------------------------
    def ensure_layout(self, size: tuple[int, int]) -> None:
        key = (tuple(size), self.ctx.layout_key())
        if key != self._layout_key:
            self._layout_key = key
            self.size = tuple(size)
            self.layout(self.size)

    def invalidate_layout(self) -> None:
        self._layout_key = None

    # --- what a scene overrides -----------------------------------------------------
    def layout(self, size: tuple[int, int]) -> None:
        """Compute rectangles for this window size. No drawing."""

    def handle(self, action: Action) -> None:
        """React to one action (a key, a click, a drag...): through the scene's BINDINGS
        table to its `action_<name>` methods, so keys, footer and help agree."""
        dispatch(self, action)

    def update(self, dt: float) -> None:
        """Advance animations by `dt` seconds."""

    def draw(self, surface: pygame.Surface) -> None:
        """Paint the scene. Must not change any state."""

    def enter(self) -> None:
        """Just pushed onto the stack."""

    def resume(self, result: Any = None) -> None:
        """The scene above was popped; `result` is what it returned."""

    def busy(self) -> bool:
        """True while something is still moving (the app waits for it when idling)."""
        return False

    def closing(self) -> None:
        """The window is closing (or the process got SIGTERM): save what must not be lost."""

    def leave(self) -> None:
        """The scene is off the stack for good: let go of what it holds outside itself."""


class SceneStack:
    def __init__(self) -> None:
        self.scenes: list[Scene] = []
        self._pending: list[tuple] = []

    @property
    def top(self) -> Optional[Scene]:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> None:
        self._pending.append(("push", scene))

    def pop(self, result: Any = None) -> None:
        self._pending.append(("pop", result))

    def replace(self, scene: Scene) -> None:
        self._pending.append(("replace", scene))

    def reset(self, scene: Scene) -> None:
        """Everything off; `scene` alone (back to the title)."""
        self._pending.append(("reset", scene))

    def apply(self) -> bool:
        """Apply queued changes; True when anything changed."""
        changed = bool(self._pending)
        while self._pending:
            op, value = self._pending.pop(0)
            if op == "push":
                self.scenes.append(value)
                value.enter()
            elif op == "pop":
                if self.scenes:
                    self.scenes.pop().leave()
                if self.scenes:
                    self.scenes[-1].resume(value)
            elif op == "replace":
                if self.scenes:
                    self.scenes.pop().leave()
                self.scenes.append(value)
                value.enter()
            elif op == "reset":
                for gone in reversed(self.scenes):
                    if gone is not value:
                        gone.leave()
                self.scenes = [value]
                value.enter()
        return changed

    def visible(self) -> list[Scene]:
        """The scenes to draw, bottom first: from the topmost opaque one up."""
        start = 0
        for index in range(len(self.scenes) - 1, -1, -1):
            if self.scenes[index].opaque:
                start = index
                break
        return self.scenes[start:]
