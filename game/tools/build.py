"""`python -m game.tools.build`: a standalone Thaw for this system, no Python needed.

Makes a PyInstaller one-folder app, dist/thaw/ (thaw, thaw.exe; with --windowed on macOS
also dist/thaw.app), holding the game, Python, pygame, PyYAML and the bundled packs,
documents, fonts and sounds (as game/data/, where game/__init__.py looks for them).
Copy the whole folder; run `thaw` inside it (double-click, or `thaw validate` etc.).

PyInstaller builds only for the system it runs on: CI builds Windows, macOS and Linux
(.github/workflows/build.yml). It is a build-only dependency: pip install -e ".[build]".
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from typing import Optional, Sequence

import game

APP_NAME = "thaw"
DATA_FOLDERS = ("levels", "seeds", "assets")
LAUNCHER = '''\
"""The standalone app's entry point: the `thaw` command."""
import sys

from game.cli import main

sys.exit(main())
'''


def stage_data(target: Path) -> Path:
    """Copy the bundled folders to target/, without scripts or caches; return target."""
    skip = shutil.ignore_patterns("*.py", "*.pyc", "__pycache__", ".*")
    if target.exists():
        shutil.rmtree(target)
    for name in DATA_FOLDERS:
        source = game.DATA_ROOT / name
        if not source.is_dir():
            raise SystemExit(f"build: {source} is missing; an app without it cannot play")
        shutil.copytree(source, target / name, ignore=skip)
    return target


def pyinstaller_args(work: Path, dist: Path, data: Path, windowed: bool = False) -> list[str]:
    """The PyInstaller command line (without the program name)."""
    launcher = work / "thaw_app.py"
    launcher.write_text(LAUNCHER, encoding="utf-8")
    args = [str(launcher), "--name", APP_NAME, "--onedir", "--noconfirm", "--clean",
            "--distpath", str(dist), "--workpath", str(work / "work"), "--specpath", str(work),
            # the folder holding `game`: PyInstaller cannot follow an editable install's finder
            "--paths", str(game.PROJECT_ROOT),
            # subcommands and screens are imported by name (importlib), so list them all
            "--collect-submodules", "game",
            "--exclude-module", "tkinter", "--exclude-module", "pytest",
            "--exclude-module", "hypothesis", "--exclude-module", "PyInstaller"]
    for name in DATA_FOLDERS:
        args += ["--add-data", f"{data / name}{os.pathsep}game/data/{name}"]
    # the phone page, served from inside the package (game/lan/web)
    web = Path(game.__file__).parent / "lan" / "web"
    args += ["--add-data", f"{web}{os.pathsep}game/lan/web"]
    if windowed:
        args.append("--windowed")
    return args


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.tools.build", description=__doc__.split("\n")[0])
    parser.add_argument("--dist", default="dist", help="where the app folder goes (default dist/)")
    parser.add_argument("--work", default="build/pyinstaller", help="scratch folder (default build/pyinstaller/)")
    parser.add_argument("--windowed", action="store_true",
                        help="no console window (Windows, macOS .app); the subcommands then print nothing")
    args = parser.parse_args(argv)
    try:
        import PyInstaller.__main__ as pyinstaller
    except ImportError:
        print("build: PyInstaller is not installed; run: pip install -e \".[build]\"", file=sys.stderr)
        return 2
    work, dist = Path(args.work).resolve(), Path(args.dist).resolve()
    work.mkdir(parents=True, exist_ok=True)
    data = stage_data(work / "data")
    pyinstaller.run(pyinstaller_args(work, dist, data, args.windowed))
    app = dist / APP_NAME / (APP_NAME + (".exe" if os.name == "nt" else ""))
    if not app.is_file():
        print(f"build: PyInstaller finished but {app} is missing", file=sys.stderr)
        return 1
    print(f"built {app}")
    print(f"try:  {app} validate   and   {app} screenshots OUT")
    return 0


if __name__ == "__main__":
    sys.exit(main())
