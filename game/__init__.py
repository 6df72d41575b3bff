"""Thaw: a history-review game about the Khrushchev era, 1953-1964."""

from pathlib import Path

#: The project folder: where seeds/, levels/ and assets/ live (an editable install).
PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
LEVELS_DIR = PROJECT_ROOT / "levels"
ASSETS_DIR = PROJECT_ROOT / "assets"
