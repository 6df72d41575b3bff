"""The scenes the game can open, by name.

SCENES maps a name to "module:callable"; the callable takes (ctx, **options) and returns a
Scene. Modules are imported only when a scene is opened, so adding a screen is one line
here (or, for the classroom, just creating game/ui/classroom.py with `ClassroomScene`).
A scene whose module is not installed opens as a plain notice instead of crashing.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

SCENES = {
    "title": "game.ui.title:TitleScene",
    "settings": "game.ui.settings_screen:SettingsScene",
    "packs": "game.ui.packs:PacksScene",
    "explore": "game.ui.explore:ExploreScene",
    "choose": "game.ui.choose:ChooseScene",
    "classroom": "game.ui.classroom_setup:ClassroomSetupScene",
    "notice": "game.ui.notice:NoticeScene",
}


def available(name: str) -> bool:
    module_name = SCENES.get(name, ":").split(":")[0]
    try:
        return importlib.util.find_spec(module_name) is not None
    except (ImportError, ValueError):
        return False


def make_scene(name: str, ctx, **options: Any):
    """A new scene called `name`; an unknown or missing one becomes a notice."""
    target = SCENES.get(name)
    if target is None:
        raise KeyError(f"no scene called {name!r}; known: {', '.join(sorted(SCENES))}")
    module_name, attribute = target.split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise
        from game.ui.notice import NoticeScene
        return NoticeScene(ctx, title=name.capitalize(),
                           message=f"This build of Thaw has no {name} screen.")
    return getattr(module, attribute)(ctx, **options)
