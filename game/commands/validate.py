"""`thaw validate [PATH...]`: check packs and print every problem as file:line:col.

Exit status: 0 when every pack is valid (warnings allowed), 1 when any has errors,
2 when a path given does not exist or holds no pack files.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TextIO

from game.content.library import default_paths, load_library, pack_files
from game.content.loader import CheckedPack
from game.content.safetext import terminal
from game.content.yamlsafe import display_path
from game.safefile import safe_resolve


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="pack files or folders (default: levels/ and your pack folder)")


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    try:
        return _validate([Path(p) for p in args.paths], out)
    except Exception as error:  # never a traceback, whatever the input
        print(f"thaw validate: unexpected error ({type(error).__name__}: {terminal(error)}); "
              "please report it", file=out)
        return 1


def _validate(given: list[Path], out: TextIO) -> int:
    for path in given:
        if not os.path.lexists(path):  # a link loop exists: reading it says what it is
            print(f"thaw validate: {terminal(path)}: no such file or folder", file=out)
            return 2
    targets, _ = pack_files(given or default_paths())
    if not targets:
        where = " or ".join(str(p) for p in (given or default_paths()))
        print(f"thaw validate: no pack files (*.yaml) in {terminal(where)}", file=out)
        return 2 if given else 0
    wanted = {safe_resolve(p) for p in targets}
    # The default folders are loaded too, so a pack may require a bundled pack.
    library = load_library(list(given) + default_paths() if given else None)
    reports = [c for c in library.checked if safe_resolve(c.path) in wanted]
    failed = warned = 0
    for checked in reports:
        _report(checked, out)
        failed += bool(checked.errors)
        warned += len(checked.warnings)
    ok = len(reports) - failed
    summary = f"{len(reports)} pack{'s' if len(reports) != 1 else ''} checked: {ok} OK"
    if failed:
        summary += f", {failed} with errors"
    if warned:
        summary += f", {warned} warning{'s' if warned != 1 else ''}"
    print(summary, file=out)
    return 1 if failed else 0


def _report(checked: CheckedPack, out: TextIO) -> None:
    pack = checked.pack
    if pack is not None and not checked.errors:
        levels = len(pack.levels)
        print(f"OK    {terminal(checked.display)}: {pack.id} \"{terminal(pack.title)}\" -- "
              f"{len(pack.events)} events, "
              f"{len(pack.questions)} questions, {len(pack.perspectives)} perspectives, "
              f"{levels} level{'s' if levels != 1 else ''}", file=out)
    else:
        count = len(checked.errors)
        print(f"FAIL  {terminal(checked.display or display_path(checked.path))}: "
              f"{count} error{'s' if count != 1 else ''}", file=out)
    for problem in sorted(checked.problems, key=lambda p: (p.line, p.column)):
        print(terminal(problem), file=out)
