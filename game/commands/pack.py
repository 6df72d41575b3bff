"""`thaw pack new|install|export|list`: a teacher's packs, from a document to a colleague.

    thaw pack new cuba-1962 chapter7.txt     a pack folder in your pack folder, drafted
    thaw pack install cuba-1962.zip          a pack file, its folder or a shared .zip
    thaw pack export cuba-1962 -o cuba.zip   the pack and its documents in one file
    thaw pack list                           every pack the game loads

Each pack lives in its own folder inside the user pack folder (game.paths.user_packs_dir),
with its documents beside it, so a pack folder is complete on its own.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TextIO

import game
from game.content.library import load_library
from game.content.packfiles import (PackFileError, PackOnDisk, copy_pack, extract_zip, pack_in,
                                    pack_members, read_pack, write_zip)
from game.content.selection import installed_files, pack_id_of
from game.content.yamlsafe import display_path
from game.ids import ID_PATTERN
from game.paths import user_packs_dir

def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    new = actions.add_parser("new", help="start a pack from your documents",
                             description="Make a pack folder in your pack folder, copy the "
                                         "documents in and draft a pack from them.")
    new.add_argument("name", metavar="NAME", help="the pack id: lowercase letters, digits, dashes")
    new.add_argument("documents", nargs="*", metavar="DOC", help="text documents (UTF-8) to cite")
    new.add_argument("--title", help="the pack's title (default: from NAME)")
    install = actions.add_parser("install", help="install a pack file, its folder or a .zip",
                                 description="Check a pack and copy it, with its documents, "
                                             "into your pack folder.")
    install.add_argument("path", metavar="PATH")
    install.add_argument("--replace", action="store_true",
                         help="replace an installed pack with the same id")
    export = actions.add_parser("export", help="write a pack and its documents to a .zip",
                                description="Write a pack and its documents to one .zip that "
                                            "`thaw pack install FILE.zip` installs.")
    export.add_argument("pack_id", metavar="ID")
    export.add_argument("-o", "--out", required=True, metavar="FILE.zip")
    actions.add_parser("list", help="list every pack the game loads")


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    action = {"new": _new, "install": _install, "export": _export, "list": _list}.get(args.action)
    if action is None:
        print("thaw pack: say what to do: new, install, export or list "
              "(thaw pack --help)", file=out)
        return 2
    try:
        return action(args, out)
    except PackFileError as error:
        print(f"thaw pack {args.action}: error: {error}", file=out)
        return 1
    except OSError as error:
        print(f"thaw pack {args.action}: error: {error.filename or ''}: "
              f"{error.strerror or error}", file=out)
        return 1


# --- new ------------------------------------------------------------------------------------
def _new(args, out: TextIO) -> int:
    from game.commands.extract import draft_pack
    from game.content.extract import extract_files

    name = args.name
    if not ID_PATTERN.match(name):
        raise PackFileError(f"'{name}' cannot be a pack id: use lowercase letters, digits and "
                            "dashes, like 'cuba-1962'")
    _refuse_clash(name, replace=False)
    folder = user_packs_dir() / name
    if folder.exists():
        raise PackFileError(f"{folder} already exists; choose another name or remove it")
    documents = [Path(d) for d in args.documents]
    seen: set[str] = set()
    for document in documents:
        if not document.is_file():
            raise PackFileError(f"{document}: no such document")
        if document.name in seen:
            raise PackFileError(f"two documents are called {document.name}; rename one")
        seen.add(document.name)
    reports, errors = extract_files(documents)
    if errors:
        raise PackFileError(str(errors[0]).replace(": error: ", ": ", 1))
    title = args.title or name.replace("-", " ").capitalize()
    folder.mkdir(parents=True)
    try:
        for document in documents:
            shutil.copyfile(document, folder / document.name)
        reports, _ = extract_files([folder / d.name for d in documents])
        pack_file = folder / f"{name}.yaml"
        pack_file.write_text(draft_pack(name, title, reports, folder), encoding="utf-8")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    shown = display_path(pack_file)
    print(f"Made {display_path(folder)}/ with {len(documents)} document"
          f"{'s' if len(documents) != 1 else ''} and a drafted pack, {shown}.", file=out)
    ok = _check(pack_file, out)
    print(NEXT_STEPS.format(pack=shown, id=name), file=out)
    return 0 if ok else 1


NEXT_STEPS = """\
Next:
  1. edit     {pack}   (read every '# check' comment; see docs/packs.md)
  2. check    thaw validate {pack}
  3. preview  thaw preview {pack}
  4. play it  thaw play --pack {id} --only      (add --text to play in the terminal)
  5. share    thaw pack export {id} -o {id}.zip  (a colleague runs: thaw pack install {id}.zip)"""


# --- install ----------------------------------------------------------------------------------
def _install(args, out: TextIO) -> int:
    given = Path(args.path)
    if given.suffix.lower() == ".zip" and given.is_file():
        with tempfile.TemporaryDirectory(prefix="thaw-install-") as unpacked:
            extract_zip(given, Path(unpacked))
            return _install_pack(pack_in(Path(unpacked)), args.replace, out, str(given))
    return _install_pack(pack_in(given), args.replace, out, str(given))


def _install_pack(pack_file: Path, replace: bool, out: TextIO, given: str) -> int:
    pack = read_pack(pack_file)
    if pack_file.resolve().is_relative_to(user_packs_dir().resolve()):
        raise PackFileError(f"{given} is already in your pack folder, so it is installed; "
                            "`thaw validate` checks it")
    installed = _refuse_clash(pack.pack_id, replace)
    if not _valid_beside_others(pack, out):
        print(f"Not installed: fix the errors above in {given}, then run "
              f"`thaw pack install {given}` again.", file=out)
        return 1
    folder = user_packs_dir() / pack.pack_id
    for old in installed:  # --replace: the old copy goes only once the new one is checked
        _remove_installed(old)
    if folder.exists():
        raise PackFileError(f"{folder} already exists and holds no pack '{pack.pack_id}'; "
                            "move it away first")
    folder.parent.mkdir(parents=True, exist_ok=True)
    copied = copy_pack(pack, folder)
    print(f"Installed '{pack.pack_id}' to {display_path(folder)}/ "
          f"({len(pack.documents)} document{'s' if len(pack.documents) != 1 else ''}).", file=out)
    print(f"Play it alone: thaw play --pack {pack.pack_id} --only   "
          f"(its file: {display_path(copied)})", file=out)
    return 0


def _refuse_clash(pack_id: str, replace: bool) -> list[Path]:
    """The installed files with this id (to replace); PackFileError when that is not allowed."""
    bundled = [f for f in installed_files() if pack_id_of(f) == pack_id
               and f.resolve().is_relative_to(game.LEVELS_DIR.resolve())]
    if bundled:
        raise PackFileError(f"pack id '{pack_id}' is the id of the bundled pack "
                            f"{display_path(bundled[0])}; give your pack its own id "
                            "(the 'pack:' line at the top of the file)")
    mine = [f for f in installed_files() if pack_id_of(f) == pack_id]
    if mine and not replace:
        raise PackFileError(f"a pack with the id '{pack_id}' is already installed: "
                            f"{display_path(mine[0])}. To replace it with this one, add "
                            "--replace; to keep both, give this pack another id (its 'pack:' line)")
    return mine


def _valid_beside_others(pack: PackOnDisk, out: TextIO) -> bool:
    """Check the pack where it is, next to the packs it may require (not its old copy)."""
    others = installed_files(exclude_ids=[pack.pack_id], exclude_paths=[pack.path])
    library = load_library(others, extra=[pack.path])
    checked = next(c for c in library.checked if c.path.resolve() == pack.path.resolve())
    for problem in checked.problems:
        print(problem, file=out)
    return not checked.errors


def _remove_installed(path: Path) -> None:
    """An installed pack: its own folder inside the pack folder, or a loose file there."""
    packs = user_packs_dir().resolve()
    folder = path.resolve().parent
    if folder != packs and folder.parent == packs:
        shutil.rmtree(folder)
    else:
        path.unlink()


# --- export -----------------------------------------------------------------------------------
def _export(args, out: TextIO) -> int:
    files = [f for f in installed_files() if pack_id_of(f) == args.pack_id]
    if not files:
        known = sorted({pack_id_of(f) or "?" for f in installed_files()})
        raise PackFileError(f"no pack '{args.pack_id}' is installed (installed: "
                            f"{', '.join(known)}); `thaw pack list` shows them")
    pack = read_pack(files[0])
    target = Path(args.out)
    if target.suffix.lower() != ".zip":
        raise PackFileError(f"{target}: the file to write must end in .zip")
    pack_members(pack)  # every document inside the pack's folder, or a clear error
    if not _valid_beside_others(pack, out):
        print(f"Not exported: fix the errors above first (a colleague's `thaw pack install` "
              "would refuse the pack).", file=out)
        return 1
    names = write_zip(pack, target)
    print(f"Wrote {target}: {', '.join(names)}", file=out)
    print(f"A colleague installs it with: thaw pack install {target.name}", file=out)
    return 0


# --- list ---------------------------------------------------------------------------------------
def _list(args, out: TextIO) -> int:
    library = load_library()
    print(f"Your pack folder: {user_packs_dir()}", file=out)
    bundled = game.LEVELS_DIR.resolve()
    for checked in library.checked:
        where = "bundled" if checked.path.resolve().is_relative_to(bundled) else "yours"
        pack = checked.pack
        if pack is not None:
            print(f"  {pack.id:24} {where:7} {pack.title} -- {len(pack.events)} events, "
                  f"{len(pack.questions)} questions, {_count(len(pack.levels), 'level')} "
                  f"({checked.display})", file=out)
        else:
            print(f"  {'(not loaded)':24} {where:7} {checked.display}: "
                  f"{len(checked.errors)} error(s); run `thaw validate {checked.display}`",
                  file=out)
    return 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def _check(pack_file: Path, out: TextIO) -> bool:
    library = load_library(installed_files(exclude_paths=[pack_file]), extra=[pack_file])
    checked = next(c for c in library.checked if c.path.resolve() == pack_file.resolve())
    for problem in checked.problems:
        print(problem, file=out)
    if not checked.errors:
        print(f"thaw validate: OK ({len(checked.warnings)} warnings)"
              if checked.warnings else "thaw validate: OK", file=out)
    return not checked.errors
