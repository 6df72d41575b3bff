"""The house's layers: pygame stays in game/ui, the ui's wings import downwards only, and no
module of game/ imports itself round a circle.

Wings of game/ui, lowest first: core <- widgets <- play, classroom <- screens <- app.
Scenes open one another by name (game.ui.core.registry), which is what keeps this true.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

import game

GAME = Path(game.__file__).parent
ROOT = GAME.parent

# The packages and modules that must work without pygame (a terminal, a server, a test).
PYGAME_FREE = ["game.content", "game.rules", "game.store", "game.classroom", "game.textplay",
               "game.commands.validate", "game.commands.results", "game.commands.extract",
               "game.commands.reports",
               "game.ui.play.match"]

WINGS = {"core": 0, "widgets": 1, "play": 2, "classroom": 2, "screens": 3, "app": 4}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in GAME.rglob("*.py")}


def _imports(path: Path, modules, package: str = "game") -> set[str]:
    """Every game module `path` (in `package`) imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                     for alias in node.names]
        else:
            continue
        found |= {name for name in names if name in modules}
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        graph[name] = _imports(path, modules, package) - {name}
    return graph


def _wing(module: str):
    parts = module.split(".")
    if parts[:2] != ["game", "ui"] or len(parts) < 3:
        return None
    return parts[2]


@pytest.mark.parametrize("package", PYGAME_FREE)
def test_pygame_is_not_imported_by(package):
    script = (
        "import importlib, pkgutil, sys\n"
        f"top = importlib.import_module({package!r})\n"
        "for info in pkgutil.walk_packages(getattr(top, '__path__', []), top.__name__ + '.'):\n"
        "    importlib.import_module(info.name)\n"
        "print('pygame' in sys.modules)\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False", f"{package} (or a module under it) imports pygame"


def test_every_ui_module_lives_in_a_wing():
    loose = [m for m in _modules() if m.startswith("game.ui.") and _wing(m) not in WINGS]
    assert loose == []


def test_no_lower_ui_wing_imports_a_higher_one_or_a_sibling():
    upward = []
    for module, imported in _graph().items():
        wing = _wing(module)
        if wing not in WINGS:
            continue
        for target in imported:
            other = _wing(target)
            if other in WINGS and other != wing and WINGS[other] >= WINGS[wing]:
                upward.append(f"{module} -> {target}")
    assert upward == []


def test_nothing_below_the_ui_imports_it():
    upward = [f"{m} -> {t}" for m, imported in _graph().items()
              if m.split(".")[1:2] and m.split(".")[1] in ("content", "rules", "store", "classroom", "textplay")
              for t in imported if t.startswith("game.ui")]
    assert upward == []


def test_no_module_in_game_imports_itself_round_a_circle():
    graph = _graph()
    cycles, state, path = [], {}, []

    def visit(node):
        state[node] = "open"
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                cycles.append(" -> ".join(path[path.index(target):] + [target]))
            elif target not in state:
                visit(target)
        path.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert cycles == []


def test_the_layer_checks_see_an_upward_import_when_there_is_one(tmp_path):
    """The AST reader finds imports inside functions too (the old circles hid there)."""
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from game.ui.screens.title import TitleScene\n")
    assert _imports(module, _modules()) == {"game.ui.screens.title"}
