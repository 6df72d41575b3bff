"""`python -m game.tools.build` makes a one-folder app that starts with an empty
environment (no Python, no PATH, no PYTHONPATH), validates its pack and renders its screens.
Skipped where PyInstaller is not installed (CI installs only the test extra)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (pip install -e \".[build]\")")
pytestmark = pytest.mark.skipif(sys.platform.startswith("win"), reason="runs the app through env -i")


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Path:
    where = tmp_path_factory.mktemp("build")
    done = subprocess.run([sys.executable, "-m", "game.tools.build", "--dist", str(where / "dist"),
                           "--work", str(where / "work")], capture_output=True, text=True, cwd=where)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    built = where / "dist" / "thaw" / "thaw"
    assert built.is_file() and os.access(built, os.X_OK)
    return built


def _run_bare(app: Path, *args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess:
    """Like `env -i SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy ./thaw ...` (plus THAW_HOME,
    so the test never reads the real user folder)."""
    env = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "THAW_HOME": str(home)}
    return subprocess.run(["/usr/bin/env", "-i", *(f"{k}={v}" for k, v in env.items()), str(app), *args],
                          capture_output=True, text=True, cwd=cwd)


def test_the_standalone_app_validates_its_bundled_pack_with_an_empty_environment(app, tmp_path):
    done = _run_bare(app, "validate", cwd=tmp_path, home=tmp_path / "home")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "khrushchev-era" in done.stdout
    assert str(app.parent / "_internal" / "game" / "data" / "levels") in done.stdout


def test_the_standalone_app_renders_its_screenshots_headless_with_an_empty_environment(app, tmp_path):
    done = _run_bare(app, "screenshots", "OUT", "--size", "800x600", cwd=tmp_path, home=tmp_path / "home")
    assert done.returncode == 0, done.stdout + done.stderr
    pngs = sorted((tmp_path / "OUT").glob("*.png"))
    assert len(pngs) >= 20 and all(p.stat().st_size > 5000 for p in pngs), done.stdout + done.stderr
