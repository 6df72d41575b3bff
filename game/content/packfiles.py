"""A pack on disk: its file, the documents it cites, and a .zip to share it.

Used by `thaw pack install/export`. No pygame, no printing: problems are raised as
PackFileError with a one-line message for the teacher.
"""

from __future__ import annotations

import os
import shutil
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Optional

from game.content.library import PACK_SUFFIXES
from game.content.loader import peek_header
from game.content.yamlsafe import YList, YMap, read_yaml

MAX_ZIP_FILES = 500
MAX_ZIP_BYTES = 100 * 1024 * 1024   # uncompressed, all members together
MAX_RATIO = 200                      # a member that inflates more than this is a zip bomb


class PackFileError(Exception):
    """A pack that cannot be installed, exported or found; str() is the message."""


@dataclass(frozen=True)
class PackOnDisk:
    path: Path                 # the pack file
    pack_id: str
    documents: tuple[str, ...]  # `file:` values of its sources, relative to the pack's folder


def pack_in(path: Path) -> Path:
    """The pack file a path names: the file itself, or the one pack file in a folder."""
    if path.is_file():
        return path
    if not path.is_dir():
        raise PackFileError(f"{path}: no such file or folder")
    found = sorted(p for p in path.iterdir() if p.suffix.lower() in PACK_SUFFIXES and p.is_file())
    if not found:
        found = sorted(p for p in path.glob("*/*") if p.suffix.lower() in PACK_SUFFIXES
                       and p.is_file())  # a zip with one top folder
    if len(found) == 1:
        return found[0]
    if not found:
        raise PackFileError(f"{path}: no pack file (*.yaml) in this folder")
    same = [p for p in found if p.stem == path.name]
    if len(same) == 1:
        return same[0]
    names = ", ".join(p.name for p in found)
    raise PackFileError(f"{path}: this folder holds several pack files ({names}); "
                        "give the one you mean")


def read_pack(path: Path) -> PackOnDisk:
    """The pack id and cited documents of a pack file (not checked: see the loader)."""
    parsed = read_yaml(path)
    if parsed.data is None:
        first = next((str(p) for p in parsed.problems), f"{path}: cannot be read")
        raise PackFileError(first)
    pack_id = peek_header(parsed.data)[0]
    if not pack_id:
        raise PackFileError(f"{parsed.display}: this is not a pack (no 'pack:' id at the top)")
    documents: list[str] = []
    sources = parsed.data.get("sources") if isinstance(parsed.data, YMap) else None
    if isinstance(sources, YList):
        for source in sources:
            name = source.get("file") if isinstance(source, YMap) else None
            if isinstance(name, str):
                documents.append(name)
    return PackOnDisk(path, pack_id, tuple(dict.fromkeys(documents)))


def inside(folder: Path, name: str) -> Optional[Path]:
    """folder/name when it stays inside `folder` (no absolute path, no way out with ..)."""
    relative = PurePosixPath(name.replace("\\", "/"))
    if not relative.parts or relative.is_absolute() or ":" in relative.parts[0]:
        return None
    target = (folder / Path(*relative.parts)).resolve()
    return target if target.is_relative_to(folder.resolve()) else None


def pack_members(pack: PackOnDisk) -> list[tuple[Path, str]]:
    """(file on disk, path inside the pack folder) for the pack and each of its documents."""
    folder = pack.path.parent
    members = [(pack.path, pack.path.name)]
    for name in pack.documents:
        target = inside(folder, name)
        if target is None:
            raise PackFileError(
                f"{pack.path}: document '{name}' is outside the pack's folder; put it next to "
                "the pack (and cite it as file: NAME) so it can travel with the pack")
        if not target.is_file():
            raise PackFileError(f"{pack.path}: document '{name}' does not exist "
                                f"(looked for {target}); run `thaw validate {pack.path}`")
        members.append((target, target.relative_to(folder.resolve()).as_posix()))
    return members


def copy_pack(pack: PackOnDisk, destination: Path) -> Path:
    """Copy the pack and its documents into a new folder; returns the copied pack file.

    Written to a temporary folder beside `destination` first, then renamed into place, so
    a failure never leaves half a pack.
    """
    members = pack_members(pack)
    temporary = destination.with_name(f".{destination.name}.installing")
    if temporary.exists():
        shutil.rmtree(temporary)
    temporary.mkdir(parents=True)
    try:
        for source, name in members:
            target = temporary / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        os.replace(temporary, destination)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return destination / pack.path.name


def write_zip(pack: PackOnDisk, out: Path) -> list[str]:
    """A zip holding one folder named after the pack id: the pack and its documents."""
    members = pack_members(pack)
    temporary = out.with_name(out.name + ".part")
    with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for source, name in members:
            archive.write(source, f"{pack.pack_id}/{name}")
    os.replace(temporary, out)
    return [name for _, name in members]


def extract_zip(archive_path: Path, folder: Path) -> None:
    """Unpack a shared pack safely into `folder` (which must be empty).

    Refused: names that are absolute or climb out with '..' (zip slip), links, device
    files, too many files, too many bytes, and members that inflate suspiciously.
    """
    try:
        archive = zipfile.ZipFile(archive_path)
    except (zipfile.BadZipFile, OSError) as error:
        raise PackFileError(f"{archive_path}: not a zip file ({error})") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_FILES:
            raise PackFileError(f"{archive_path}: holds {len(infos)} files; a pack has at most "
                                f"{MAX_ZIP_FILES}")
        total = 0
        for info in infos:
            kind = stat.S_IFMT(info.external_attr >> 16)  # 0 when the zip does not say
            if kind and kind not in (stat.S_IFREG, stat.S_IFDIR):
                raise PackFileError(f"{archive_path}: '{info.filename}' is a link or special "
                                    "file; a pack holds only plain files")
            if inside(folder, info.filename) is None:
                raise PackFileError(f"{archive_path}: '{info.filename}' would be written outside "
                                    "the pack's folder; this zip is not a Thaw pack")
            total += info.file_size
            inflates = info.file_size > (1 << 20) and \
                info.file_size > MAX_RATIO * max(info.compress_size, 1)
            if total > MAX_ZIP_BYTES or inflates:
                raise PackFileError(f"{archive_path}: unpacks to too much data for a pack")
        for info in infos:
            target = inside(folder, info.filename)
            if target is None:  # checked above; never reached
                raise PackFileError(f"{archive_path}: '{info.filename}' is outside the folder")
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(info) as source, open(target, "wb") as sink:
                copied = 0
                while chunk := source.read(1 << 16):
                    copied += len(chunk)
                    if copied > info.file_size:  # the header lied about the size
                        raise PackFileError(f"{archive_path}: unpacks to too much data for a pack")
                    sink.write(chunk)
