"""Playing only some packs: `thaw play --pack FILE --only` and `thaw pack install`.

A pack file given by the teacher wins over an installed copy with the same pack id (the
working copy is the one being edited), and the library holds only the chosen packs and the
packs they require, so nothing else is dealt, listed or looked up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional, Sequence

from game.content.library import Library, default_paths, load_library, pack_files
from game.content.loader import peek_header
from game.content.yamlsafe import read_yaml


def pack_id_of(path: Path) -> Optional[str]:
    """The `pack:` id of a file, or None when it cannot be read."""
    return peek_header(read_yaml(path).data)[0]


def installed_files(exclude_ids: Iterable[str] = (), exclude_paths: Iterable[Path] = ()
                    ) -> list[Path]:
    """Pack files in levels/ and the user pack folder, but not those with the given ids/paths."""
    ids = set(exclude_ids)
    paths = {Path(p).resolve() for p in exclude_paths}
    files, _ = pack_files(default_paths())
    return [f for f in files if f.resolve() not in paths and pack_id_of(f) not in ids]


def resolve_given(given: Sequence[str | Path]) -> list[Path]:
    """`--pack` values as files: a path as given; a bare id names an installed pack."""
    files: list[Path] = []
    by_id: Optional[dict[str, Path]] = None
    for value in given:
        path = Path(value)
        if path.exists() or path.suffix or len(path.parts) > 1:
            files.append(path)
            continue
        if by_id is None:
            found, _ = pack_files(default_paths())
            by_id = {}
            for file in found:
                by_id.setdefault(pack_id_of(file) or "", file)
        files.append(by_id.get(str(value), path))  # unknown: listed as missing by the loader
    return files


def load_only(given: Sequence[str | Path]) -> tuple[Library, tuple[str, ...]]:
    """(a library of the given packs and what they require, the ids of the given packs).

    Broken given files stay in the library as broken, so their errors are shown.
    """
    chosen_files, missing = pack_files(resolve_given(given))
    chosen_ids = {i for i in (pack_id_of(f) for f in chosen_files) if i}
    others = installed_files(chosen_ids, chosen_files)
    full = load_library(others, extra=list(chosen_files) + missing)
    wanted = {f.resolve() for f in chosen_files}
    chosen = tuple(p.id for p in full.packs if Path(p.path).resolve() in wanted)
    keep = {Path(p.path).resolve() for p in full.with_requirements(chosen)}
    requirements = [f for f in others if f.resolve() in keep]
    library = load_library(requirements, extra=list(chosen_files) + missing)
    return library, chosen
