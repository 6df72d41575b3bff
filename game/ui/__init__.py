"""The game on screen: the only package that imports pygame.

Five wings, each importing only the ones below it (tests/test_layers.py checks):

  core/       the engine: scene stack, input mapping (drags recognised there), bindings
              (each scene's keys as a table), context, the registry of scenes by name,
              the cached text helper, theme, sound. Imports no screen.
  widgets/    reusable drawing: buttons, focus, scrolling, frame, hud, cards, source view,
              timeline axis, QR code, and the modal confirm/overlay dialogs.
  play/       the solo game: match.py (the match service, no pygame), flow.py (which screen
              next, by name) and its screens: board, sort, ask, results.
  classroom/  the projector screens: setup, turn, scoreboard, review, the phones' lobby and
              play screens, the network check, and their drawing.
  screens/    menus and the reading room: title, settings, packs, notice, choose, explore.

app.py owns the window and the loop. A scene opens another through
`core.registry.make_scene(name, ctx, **options)`, never by importing it.
"""

import os
import sys

# pygame greets on import; a game's terminal is not the place for it.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


class _NoPkgResourcesForPygame:
    """`import pygame` runs pygame.pkgdata, which imports setuptools' pkg_resources (about
    80 ms of start-up) only to find pygame's own default font; without it, pkgdata opens
    the file from pygame's folder. This finder refuses that one import, while pygame.pkgdata
    is being run, and nothing else."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name == "pkg_resources":
            pkgdata = sys.modules.get("pygame.pkgdata")
            if pkgdata is not None and not hasattr(pkgdata, "getResource"):
                raise ModuleNotFoundError("not needed by pygame.pkgdata", name=name)
        return None


if "pygame" not in sys.modules and _NoPkgResourcesForPygame not in sys.meta_path:
    sys.meta_path.insert(0, _NoPkgResourcesForPygame)
