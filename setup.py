"""Ship the repository's levels/, seeds/ and assets/ inside the wheel, as game/data/.

They stay at the top of the repository (where authors edit them); building a wheel copies
them into the built package, where game/__init__.py finds them beside itself (game/data/).
An editable install copies nothing: it reads them at the repository root.
All other metadata is in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
DATA_FOLDERS = ("levels", "seeds", "assets")
SKIP = shutil.ignore_patterns("*.py", "*.pyc", "__pycache__", ".*")  # e.g. make_sounds.py


class build_py_with_data(build_py):
    """build_py, then copy the data folders to <build>/game/data/."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # editable: game/__init__.py reads the repository's own folders
        target = Path(self.build_lib) / "game" / "data"
        for name in DATA_FOLDERS:
            source = HERE / name
            if not source.is_dir():
                raise SystemExit(f"setup.py: {source} is missing; a wheel without it cannot play")
            if (target / name).exists():
                shutil.rmtree(target / name)
            shutil.copytree(source, target / name, ignore=SKIP)


setup(cmdclass={"build_py": build_py_with_data})
