"""A built wheel carries the pack, its documents, the fonts and the sounds, and plays
when installed (not editable) into a fresh virtualenv, run from outside the repository."""

from __future__ import annotations

import importlib.util
import os
import shutil
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

import game

REPO = game.PROJECT_ROOT
SOURCE_FILES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md")
SOURCE_FOLDERS = ("game", "levels", "seeds", "assets")
FONTS = ("PTF55F.ttf", "PTF56F.ttf", "PTF75F.ttf", "PTS55F.ttf", "PTS75F.ttf")
SOUNDS = ("right.wav", "wrong.wav", "place.wav")



def _missing_build_tools() -> str:
    try:
        import setuptools
    except ImportError:
        return "setuptools"
    if importlib.util.find_spec("wheel") is None:  # setuptools < 70.1 needs it for bdist_wheel
        if tuple(int(p) for p in setuptools.__version__.split(".")[:2] if p.isdigit()) < (70, 1):
            return "wheel"
    return ""


pytestmark = [
    pytest.mark.skipif(not (REPO / "setup.py").is_file(),
                       reason="needs the source checkout (setup.py), not an install"),
    pytest.mark.skipif(bool(_missing_build_tools()),
                       reason=f"cannot build a wheel offline: {_missing_build_tools()} is not installed "
                              "(pip install -e \".[test]\")"),
]


def _clean_source_copy(target: Path) -> Path:
    """The files a build needs, without build/, egg-info or a stale game/data/."""
    junk = shutil.ignore_patterns("__pycache__", "*.pyc", "data", "*.egg-info")
    for name in SOURCE_FILES:
        shutil.copy2(REPO / name, target / name)
    for name in SOURCE_FOLDERS:
        shutil.copytree(REPO / name, target / name, ignore=junk if name == "game" else
                        shutil.ignore_patterns("__pycache__", "*.pyc"))
    return target


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    source = _clean_source_copy(tmp_path_factory.mktemp("source"))
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "--wheel-dir", str(out), str(source)],
        capture_output=True, text=True, cwd=out)
    assert done.returncode == 0, done.stdout + done.stderr
    (built,) = out.glob("thaw-*.whl")
    return built


def test_the_wheel_holds_the_pack_every_seed_the_fonts_and_the_sounds(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"game/data/levels/{p.name}" for p in game.LEVELS_DIR.glob("*.yaml")}
    expected |= {f"game/data/seeds/{p.name}" for p in game.SEEDS_DIR.glob("*.txt")}
    expected |= {f"game/data/assets/fonts/{name}" for name in FONTS + ("LICENSE-ParaType.txt",)}
    expected |= {f"game/data/assets/sounds/{name}" for name in SOUNDS}
    expected |= {f"game/lan/web/{name}" for name in ("index.html", "phone.js", "phone.css", "check.html")}
    assert "game/data/levels/khrushchev-era.yaml" in expected
    assert len([n for n in expected if "/seeds/" in n]) == 5
    assert expected <= names, f"missing from the wheel: {sorted(expected - names)}"
    assert "game/cli.py" in names
    assert not any(n.endswith("make_sounds.py") for n in names), "a build script was shipped"


def test_the_wheel_packs_the_same_bytes_as_the_repository(wheel):
    with zipfile.ZipFile(wheel) as archive:
        shipped = archive.read("game/data/levels/khrushchev-era.yaml")
    assert shipped == (REPO / "levels" / "khrushchev-era.yaml").read_bytes()


def _fresh_venv(where: Path) -> Path:
    """A new, empty virtualenv."""
    done = subprocess.run([sys.executable, "-m", "venv", str(where)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot create a virtualenv here: {done.stderr.strip()[-300:]}")
    return where / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _lend_our_packages(python: Path) -> None:
    """Let the venv see this interpreter's packages (pygame, PyYAML) through a .pth file,
    so nothing is downloaded; its own site-packages (the installed wheel) comes first."""
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], *site.getsitepackages()}
    Path(purelib, "thaw-test-deps.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")


def test_a_non_editable_install_validates_and_renders_its_screenshots_outside_the_repo(wheel, tmp_path):
    python = _fresh_venv(tmp_path / "venv")
    # Installed before the venv can see ours (where thaw is installed editable); --no-deps
    # because pygame and PyYAML are lent afterwards rather than downloaded.
    done = subprocess.run([str(python), "-m", "pip", "install", "--no-index", "--no-deps", str(wheel)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    _lend_our_packages(python)
    thaw = python.parent / ("thaw.exe" if os.name == "nt" else "thaw")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = dict(os.environ, THAW_HOME=str(tmp_path / "home"), SDL_VIDEODRIVER="dummy",
               SDL_AUDIODRIVER="dummy", PYTHONPATH="")

    where = subprocess.run([str(python), "-c", "import game; print(game.LEVELS_DIR)"],
                           capture_output=True, text=True, cwd=outside, env=env)
    assert where.returncode == 0, where.stderr
    levels = Path(where.stdout.strip())
    assert levels.parts[-3:] == ("game", "data", "levels")
    assert not levels.is_relative_to(REPO), "the installed game read the repository's folders"

    validate = subprocess.run([str(thaw), "validate"], capture_output=True, text=True, cwd=outside, env=env)
    assert validate.returncode == 0, validate.stdout + validate.stderr
    assert "khrushchev-era" in validate.stdout + validate.stderr

    shots = subprocess.run([str(thaw), "screenshots", "OUT", "--size", "800x600"],
                           capture_output=True, text=True, cwd=outside, env=env)
    assert shots.returncode == 0, shots.stdout + shots.stderr
    pngs = sorted((outside / "OUT").glob("*.png"))
    assert len(pngs) >= 20, shots.stdout + shots.stderr
    assert all(p.stat().st_size > 5000 for p in pngs)
