"""All the packs the game can play: levels/, the user's pack folder and `--pack` files.

Packs are loaded in the order their `requires` need; a broken pack is listed with its
problems and never stops the others. `reload(path)` re-reads one file while a game goes
on: if the edit broke it, the error is listed and the last good version stays playable.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence, TypeVar

import game
from game.content.limits import MAX_REQUIRES_DEPTH
from game.content.loader import CheckedPack, check_pack, peek_header
from game.content.loader.documents import DocumentCache
from game.content.model import SEPARATOR, Event, Pack, Perspective, Question, Source, local_id
from game.content.problems import Problem
from game.content.yamlsafe import Position, YamlFile, display_path, read_yaml
from game.paths import user_packs_dir
from game.safefile import safe_resolve

PACK_SUFFIXES = (".yaml", ".yml")
T = TypeVar("T", Event, Perspective, Question, Source)
#: What peek_header reads first: the pack id, and each required pack id with its position.
Header = tuple[Optional[str], list[tuple[str, Position]]]


@dataclass(frozen=True)
class BrokenPack:
    """A pack file that could not be loaded, with every error found in it."""
    path: Path
    problems: tuple[Problem, ...]

    @property
    def display(self) -> str:
        return display_path(self.path)


def default_paths() -> list[Path]:
    """levels/, the user pack folder, and each pack folder in it (`thaw pack new` makes one)."""
    packs = user_packs_dir()
    folders = sorted(p for p in packs.iterdir()
                     if p.is_dir() and not p.name.startswith(".")) if packs.is_dir() else []
    return [game.LEVELS_DIR, packs, *folders]


def pack_files(paths: Iterable[Path | str]) -> tuple[list[Path], list[Path]]:
    """(pack files found, paths that do not exist); a folder gives its *.yaml files, sorted."""
    files: list[Path] = []
    missing: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            # Every *.yaml entry that is not a folder: a FIFO, a link loop or a dangling
            # link named like a pack is listed, so reading it reports what it is.
            try:
                entries = sorted(path.iterdir())
            except OSError:
                missing.append(path)
                continue
            files.extend(p for p in entries
                         if p.suffix.lower() in PACK_SUFFIXES and not p.is_dir())
        elif os.path.lexists(path):
            files.append(path)
        else:
            missing.append(path)
    return files, missing


def load_library(paths: Optional[Sequence[Path | str]] = None,
                 extra: Iterable[Path | str] = ()) -> "Library":
    """Every pack in `paths` (default: levels/ and the user pack folder) plus `extra` files.

    A default folder that does not exist is fine; a path given explicitly that does not
    exist is listed as broken.
    """
    found, missing = pack_files(default_paths() if paths is None else paths)
    extra_found, extra_missing = pack_files(extra)
    missing = ([] if paths is None else missing) + extra_missing
    files = _unique(found + extra_found + missing)
    parsed = {path: read_yaml(path) for path in files}
    return _assemble(files, parsed, {})


def _unique(paths: Iterable[Path]) -> list[Path]:
    """Each file once (compared resolved), kept as given so messages show it as given."""
    seen: dict[Path, Path] = {}
    for path in paths:
        seen.setdefault(safe_resolve(path), path)
    return list(seen.values())


class Library:
    """The loaded packs (`packs`), the broken files (`broken`) and every warning."""

    def __init__(self, files: list[Path], checked: list[CheckedPack], good: dict[Path, Pack]):
        # The parsed YAML trees are not kept: they are most of a big library's memory (and
        # of every full garbage collection). reload() reads the files again instead.
        self._files = files
        self._good = good  # path -> pack shown for it (the last good version when now broken)
        self.checked: tuple[CheckedPack, ...] = tuple(checked)
        self.packs: tuple[Pack, ...] = tuple(good[p] for p in files if p in good)
        self.broken: tuple[BrokenPack, ...] = tuple(
            BrokenPack(c.path, tuple(c.errors)) for c in checked if c.errors)
        self.warnings: tuple[Problem, ...] = tuple(w for c in checked for w in c.warnings)
        self._by_id = {pack.id: pack for pack in self.packs}

    # --- packs ----------------------------------------------------------------------
    def pack(self, pack_id: str) -> Pack:
        try:
            return self._by_id[pack_id]
        except KeyError:
            raise KeyError(f"no pack '{pack_id}' is loaded") from None

    def pack_ids(self) -> tuple[str, ...]:
        return tuple(self._by_id)

    def with_requirements(self, pack_ids: Optional[Iterable[str]] = None) -> tuple[Pack, ...]:
        """The packs named (default: all) and every pack they require, in load order."""
        if pack_ids is None:
            return self.packs
        wanted: set[str] = set()
        todo = list(pack_ids)
        while todo:
            pack_id = todo.pop()
            if pack_id in wanted:
                continue
            pack = self.pack(pack_id)
            wanted.add(pack_id)
            todo.extend(pack.requires)
        return tuple(p for p in self.packs if p.id in wanted)

    # --- their content (the packs named and what they require) --------------------------
    def events(self, pack_ids: Optional[Iterable[str]] = None) -> tuple[Event, ...]:
        return tuple(e for p in self.with_requirements(pack_ids) for e in p.events)

    def questions(self, pack_ids: Optional[Iterable[str]] = None) -> tuple[Question, ...]:
        return tuple(q for p in self.with_requirements(pack_ids) for q in p.questions)

    def perspectives(self, pack_ids: Optional[Iterable[str]] = None) -> tuple[Perspective, ...]:
        return tuple(v for p in self.with_requirements(pack_ids) for v in p.perspectives)

    def sources(self, pack_ids: Optional[Iterable[str]] = None) -> tuple[Source, ...]:
        return tuple(s for p in self.with_requirements(pack_ids) for s in p.sources)

    # Ids are scoped per pack: a loaded item's id is 'pack-id:id' (model.qualify), so
    # unrelated packs may both define `khrushchev`. These lookups take that qualified id,
    # or a bare id when exactly one loaded pack defines it (None when none or several do).
    def perspective(self, ident: str) -> Optional[Perspective]:
        return _find(self.perspectives(), ident)

    def event(self, ident: str) -> Optional[Event]:
        return _find(self.events(), ident)

    def question(self, ident: str) -> Optional[Question]:
        return _find(self.questions(), ident)

    def source(self, ident: str) -> Optional[Source]:
        return _find(self.sources(), ident)

    # --- a teacher edits a pack mid-game ---------------------------------------------
    def reload(self, *paths: Path | str) -> "Library":
        """A new library with every file re-read (`paths` added if new); a now-broken pack
        keeps its last good version."""
        files = list(self._files)
        for path in paths:
            resolved = safe_resolve(path)
            if not any(safe_resolve(f) == resolved for f in files):
                files.append(Path(path))
        parsed = {file: read_yaml(file) for file in files}
        return _assemble(files, parsed, dict(self._good))


def _find(items: Sequence[T], ident: str) -> Optional[T]:
    exact = next((item for item in items if item.id == ident), None)
    if exact is not None or SEPARATOR in ident:
        return exact
    bare = {item.id: item for item in items if local_id(item.id) == ident}
    return next(iter(bare.values())) if len(bare) == 1 else None


def _assemble(files: list[Path], parsed: dict[Path, YamlFile],
              last_good: dict[Path, Pack]) -> Library:
    """Check every parsed file in dependency order."""
    headers = {path: peek_header(parsed[path].data) for path in files}
    owner: dict[str, Path] = {}
    early: dict[Path, list[Problem]] = {path: [] for path in files}
    for path in files:
        pack_id = headers[path][0]
        if pack_id is None:
            continue
        if pack_id in owner:
            line, column = _position(parsed[path], "pack")
            early[path].append(Problem(parsed[path].display, line, column,
                                       f"pack id '{pack_id}' is already used by "
                                       f"{parsed[owner[pack_id]].display}; give this pack its own id"))
        else:
            owner[pack_id] = path

    order, cycles = _dependency_order(files, headers, owner)
    for path, message, (line, column) in cycles:
        early[path].append(Problem(parsed[path].display, line, column, message))

    documents: DocumentCache = {}
    available: dict[str, Pack] = {}
    checked_by_path: dict[Path, CheckedPack] = {}
    good: dict[Path, Pack] = {}
    for path in order:
        checked = _check_one(path, parsed[path], headers[path], early[path], available,
                             owner, parsed, documents)
        checked_by_path[path] = checked
        pack = checked.pack or last_good.get(path)
        if pack is not None:
            good[path] = pack
            if owner.get(pack.id) == path:
                available[pack.id] = pack
    return Library(files, [checked_by_path[path] for path in files], good)


def _check_one(path: Path, parsed: YamlFile, header: Header, early: list[Problem],
               available: dict[str, Pack], owner: dict[str, Path],
               all_parsed: dict[Path, YamlFile], documents: DocumentCache) -> CheckedPack:
    if early:
        return CheckedPack(path, parsed.display, None, list(parsed.problems) + early)
    blocked = []
    for pack_id, where in header[1]:
        source = owner.get(pack_id)
        if source is not None and source != path and pack_id not in available:
            blocked.append(Problem(parsed.display, where[0], where[1],
                                   f"requires pack '{pack_id}', which has errors; fix "
                                   f"{all_parsed[source].display} first"))
    if blocked:
        return CheckedPack(path, parsed.display, None, list(parsed.problems) + blocked)
    try:
        return check_pack(parsed, available, documents)
    except Exception as error:  # a loader bug must not stop the other packs loading
        return CheckedPack(path, parsed.display, None, list(parsed.problems) + [Problem(
            parsed.display, 0, 0, f"unexpected error while checking this pack "
                                  f"({type(error).__name__}: {error}); please report it")])


def _position(parsed: YamlFile, key: str) -> tuple[int, int]:
    data = parsed.data
    return data.key_at(key) if hasattr(data, "key_at") else (0, 0)


def _dependency_order(files: Sequence[Path], headers: dict[Path, Header], owner: dict[str, Path]
                      ) -> tuple[list[Path], list[tuple[Path, str, tuple[int, int]]]]:
    """Files ordered so each comes after the packs it requires; and the problems found:
    cycles, and chains deeper than MAX_REQUIRES_DEPTH. Iterative, so a chain of a
    thousand packs is an error message, not a RecursionError."""
    order: list[Path] = []
    state: dict[Path, str] = {}
    depth: dict[Path, int] = {}
    cycles: list[tuple[Path, str, tuple[int, int]]] = []
    in_cycle: set[Path] = set()

    def targets(path: Path) -> list[Path]:
        found = []
        for pack_id, _ in headers[path][1]:
            target = owner.get(pack_id)
            if target is not None and target != path:
                found.append(target)
        return found

    def report_cycle(trail: list[Path], path: Path) -> None:
        loop = trail[trail.index(path):] + [path]
        names = " -> ".join(headers[p][0] or "?" for p in loop)
        for member, following in zip(loop, loop[1:]):
            if member in in_cycle:
                continue
            in_cycle.add(member)
            wanted = headers[following][0]
            where = next((at for pid, at in headers[member][1] if pid == wanted), (0, 0))
            cycles.append((member, f"requires form a cycle: {names}", where))

    for start in files:
        if state.get(start) == "done":
            continue
        state[start] = "active"
        trail = [start]
        stack = [iter(targets(start))]
        while stack:
            following = next(stack[-1], None)
            if following is None:
                stack.pop()
                done = trail.pop()
                state[done] = "done"
                depth[done] = 1 + max((depth.get(t, 0) for t in targets(done)), default=0)
                order.append(done)
                continue
            if state.get(following) == "done":
                continue
            if state.get(following) == "active":
                report_cycle(trail, following)
                continue
            state[following] = "active"
            trail.append(following)
            stack.append(iter(targets(following)))

    reported = {member for member, _, _ in cycles}
    for path in files:
        if depth.get(path, 0) - 1 > MAX_REQUIRES_DEPTH and path not in reported:
            deepest = max(targets(path), key=lambda t: depth.get(t, 0))
            wanted = headers[deepest][0]
            where = next((at for pid, at in headers[path][1] if pid == wanted), (0, 0))
            cycles.append((path, f"requires a chain of {depth[path] - 1:,} packs "
                                 f"('{wanted}' requires another, which requires another, ...); "
                                 f"at most {MAX_REQUIRES_DEPTH} are allowed (see 'Limits' in "
                                 "docs/packs.md)", where))
    return order, cycles
