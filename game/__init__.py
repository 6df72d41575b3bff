"""Thaw: a history-review game about the Khrushchev era, 1953-1964.

This module is the one answer to "where are the bundled packs, documents, fonts and
sounds?". Every consumer reads LEVELS_DIR, SEEDS_DIR, FONTS_DIR and SOUNDS_DIR from here.

- Installed from a wheel (`pip install .`, `pipx install .`) or frozen by PyInstaller: the
  build copies levels/, seeds/ and assets/ into the package as game/data/ (see setup.py),
  found beside this file. (Not through importlib.resources: for a package on disk it
  gives this same folder, and importing it costs a tenth of the game's start.)
- A plain checkout or an editable install: they are read where they live, at the top of
  the repository (DATA_ROOT = PROJECT_ROOT).
In both layouts levels/ and seeds/ are siblings, so a pack's `file: ../seeds/x.txt` works.
"""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
#: The folder holding the `game` package: the repository in a checkout or an editable
#: install (site-packages when installed, where it has no data of its own).
PROJECT_ROOT = _PACKAGE.parent


def _data_root() -> Path:
    bundled = _PACKAGE / "data"
    if (bundled / "levels").is_dir():
        return bundled.resolve()
    return PROJECT_ROOT


#: Where levels/, seeds/ and assets/ are: game/data when built, else the repository.
DATA_ROOT = _data_root()
LEVELS_DIR = DATA_ROOT / "levels"
SEEDS_DIR = DATA_ROOT / "seeds"
ASSETS_DIR = DATA_ROOT / "assets"
FONTS_DIR = ASSETS_DIR / "fonts"
SOUNDS_DIR = ASSETS_DIR / "sounds"
