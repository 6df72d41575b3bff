"""Where Thaw keeps the user's data: the platform's user-data folder, or THAW_HOME."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Mapping, Optional


def user_data_dir(environ: Optional[Mapping[str, str]] = None, platform: str = sys.platform) -> Path:
    """THAW_HOME when set; else Linux $XDG_DATA_HOME/thaw or ~/.local/share/thaw,
    macOS ~/Library/Application Support/Thaw, Windows %APPDATA%\\Thaw."""
    env = os.environ if environ is None else environ
    if env.get("THAW_HOME"):
        return Path(env["THAW_HOME"]).expanduser()
    home = Path(env.get("HOME") or Path.home())
    if platform.startswith("win"):
        base = env.get("APPDATA")
        return Path(base) / "Thaw" if base else home / "AppData" / "Roaming" / "Thaw"
    if platform == "darwin":
        return home / "Library" / "Application Support" / "Thaw"
    xdg = env.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg else home / ".local" / "share") / "thaw"


def user_packs_dir(environ: Optional[Mapping[str, str]] = None) -> Path:
    """Teachers' own packs, loaded next to the bundled levels/."""
    return user_data_dir(environ) / "packs"


def results_dir(environ: Optional[Mapping[str, str]] = None) -> Path:
    """Classroom results files (CSV and JSON)."""
    return user_data_dir(environ) / "results"
