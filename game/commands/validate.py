"""`thaw validate [--strict] [PATH...]`: check packs and print every problem as file:line:col.

Besides the loader's checks, every pack that loads is linted (game.content.lint): content
that is unfair or unfinished, printed as warnings. Exit status: 0 when every pack is valid
(warnings allowed), 1 when any has errors (with --strict: errors or warnings), 2 when a
path given does not exist or holds no pack files.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TextIO

from game.content.library import Library, default_paths, load_library, pack_files
from game.content.lint import lint_pack
from game.content.loader import CheckedPack
from game.content.problems import Problem
from game.content.safetext import terminal
from game.content.yamlsafe import display_path, read_yaml
from game.safefile import safe_resolve


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="pack files or folders (default: levels/ and your pack folder)")
    parser.add_argument("--strict", action="store_true",
                        help="treat warnings (content lint included) as errors: exit 1 on any")


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    try:
        return _validate([Path(p) for p in args.paths], out, getattr(args, "strict", False))
    except Exception as error:  # never a traceback, whatever the input
        print(f"thaw validate: unexpected error ({type(error).__name__}: {terminal(error)}); "
              "please report it", file=out)
        return 1


def _validate(given: list[Path], out: TextIO, strict: bool = False) -> int:
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
        lint = _lint(checked, library)
        _report(checked, lint, out)
        failed += bool(checked.errors) or (strict and bool(checked.warnings or lint))
        warned += len(checked.warnings) + len(lint)
    ok = len(reports) - failed
    summary = f"{len(reports)} pack{'s' if len(reports) != 1 else ''} checked: {ok} OK"
    if failed:
        summary += f", {failed} with errors"
    if warned:
        summary += f", {warned} warning{'s' if warned != 1 else ''}"
        if strict:
            summary += " (--strict: warnings count as errors)"
    print(summary, file=out)
    return 1 if failed else 0


def _lint(checked: CheckedPack, library: Library) -> list[Problem]:
    """Content lint warnings for a pack that loaded (none for a broken one)."""
    if checked.pack is None or checked.errors:
        return []
    parsed = read_yaml(checked.path, checked.display)
    try:   # the perspectives of the packs it requires may be offered in its questions
        views = {v.id: v for v in library.perspectives(checked.pack.requires)} \
            if checked.pack.requires else {}
    except (KeyError, LookupError):
        views = {}
    return lint_pack(checked.pack, parsed.data, checked.display, views)


def _report(checked: CheckedPack, lint: list[Problem], out: TextIO) -> None:
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
    for problem in sorted([*checked.problems, *lint], key=lambda p: (p.line, p.column)):
        print(terminal(problem), file=out)
