"""What ids one pack can see: its own, and those of the packs it requires.

Ids are scoped per pack. A pack's own `khrushchev` is built as 'my-pack:khrushchev'
(model.qualify), so two independent packs may both define it and each keeps its own.
Inside a pack a bare id means the pack's own item, else the one item of that id in the
packs it requires; when two required packs both define it, the reference is an error
naming both places, and 'pack-id:item-id' says which one is meant.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Optional

from game.content.loader.schema import Reporter, suggest
from game.content.model import SEPARATOR, Mark, Pack, local_id, qualify
from game.content.yamlsafe import Position

KINDS = ("source", "perspective", "event", "question", "level")


@dataclass
class Entry:
    """One visible id: the built thing (None when its entry had errors, so references to
    it are not reported a second time), its qualified id, its pack and where it is written."""
    thing: Any
    key: str
    pack: str
    where: str   # "line N" for this pack's own ids, else "path:line" in the required pack


class Namespace:
    """The ids of each kind visible while one pack is built."""

    def __init__(self, report: Reporter, available: Mapping[str, Pack]):
        self.report = report
        self.available = available
        self.pack_id = ""
        self.own: dict[str, dict[str, Entry]] = {kind: {} for kind in KINDS}
        # kind -> id as written -> the items of that id in the required packs (distinct)
        self.required: dict[str, dict[str, list[Entry]]] = {kind: {} for kind in KINDS}
        self.required_packs: dict[str, Pack] = {}
        self.marks: dict[tuple[str, str], Mark] = {}

    # --- what the pack requires -------------------------------------------------------
    def require(self, wanted: list[tuple[str, Position]]) -> list[str]:
        """The ids of the packs this pack requires (each checked to be loaded); their ids
        and those of the packs they require become visible."""
        required: list[str] = []
        for pack_id, at in wanted:
            if pack_id == self.pack_id:
                self.report.error(at, f"pack '{pack_id}' cannot require itself")
                continue
            if pack_id not in self.available:
                self.report.error(at, f"requires pack '{pack_id}', which is not loaded (put its file in "
                                      f"levels/ or your pack folder){suggest(pack_id, self.available)}")
                continue
            if pack_id not in required:
                required.append(pack_id)
        for pack in self.closure(required):
            self.required_packs[pack.id] = pack
            for kind, things in (("source", pack.sources), ("perspective", pack.perspectives),
                                 ("event", pack.events), ("question", pack.questions),
                                 ("level", pack.levels)):
                for thing in things:
                    ident = local_id(thing.id)
                    key = thing.id if kind != "level" else qualify(pack.id, thing.id)
                    entries = self.required[kind].setdefault(ident, [])
                    if all(entry.key != key for entry in entries):
                        mark = pack.marks.get((kind, ident))
                        where = f"{mark.path}:{mark.line}" if mark else pack.path.name
                        entries.append(Entry(thing, key, pack.id, where))
        return required

    def closure(self, required: list[str]) -> list[Pack]:
        """The required packs and the packs they require, each once."""
        order: list[Pack] = []
        todo = list(required)
        while todo:
            pack_id = todo.pop(0)
            pack = self.available.get(pack_id)
            if pack is None or pack in order:
                continue
            order.append(pack)
            todo.extend(pack.requires)
        return order

    # --- this pack's own ids ------------------------------------------------------------
    def claim(self, kind: str, ident: str, at: Position, what: str, thing: Any) -> bool:
        """Record this pack's `ident` (thing None when the entry had errors); False after
        reporting an id already used in this pack or in a pack it requires."""
        own = self.own[kind].get(ident)
        if own is not None:
            self.report.error(at, f"{what}: {kind} id '{ident}' is already used at {own.where}")
            return False
        theirs = self.required[kind].get(ident)
        if theirs:
            self.report.error(at, f"{what}: {kind} id '{ident}' is already used by required pack "
                                  f"'{theirs[0].pack}' ({theirs[0].where}); give yours another id "
                                  f"(to mean theirs, write '{theirs[0].key}')")
            return False
        self.own[kind][ident] = Entry(thing, qualify(self.pack_id, ident), self.pack_id,
                                      f"line {at[0]}")
        self.marks[(kind, ident)] = Mark(self.report.display, at[0], at[1])
        return True

    # --- references -------------------------------------------------------------------
    def lookup(self, kind: str, ref: str, at: Position, what: str) -> Optional[Any]:
        """The visible thing `ref` names ('id' or 'pack-id:id'), or None (reported unless
        it names an entry that has errors of its own)."""
        entry = self.resolve(kind, ref, at, what)
        return entry.thing if entry is not None else None

    def resolve(self, kind: str, ref: str, at: Position, what: str) -> Optional[Entry]:
        if SEPARATOR in ref:
            pack_id, _, ident = ref.partition(SEPARATOR)
            if pack_id == self.pack_id:
                found = self.own[kind].get(ident)
            elif pack_id in self.required_packs:
                found = next((e for e in self.required[kind].get(ident, []) if e.pack == pack_id),
                             None)
            else:
                known = [self.pack_id, *self.required_packs]
                self.report.error(at, f"{what}: '{ref}' names pack '{pack_id}', which is not this "
                                      f"pack nor one it requires (list it under 'requires')"
                                      f"{suggest(pack_id, known)}")
                return None
            if found is None:
                names = [*self.own[kind]] if pack_id == self.pack_id else [
                    i for i, entries in self.required[kind].items()
                    if any(e.pack == pack_id for e in entries)]
                self.report.error(at, f"{what}: there is no {kind} '{ident}' in pack "
                                      f"'{pack_id}'{suggest(ident, names)}")
            return found
        found = self.own[kind].get(ref)
        if found is not None:
            return found
        theirs = self.required[kind].get(ref, [])
        if len(theirs) == 1:
            return theirs[0]
        if len(theirs) > 1:
            places = " or ".join(f"'{e.key}' ({e.where})" for e in theirs)
            self.report.error(at, f"{what}: {kind} '{ref}' could mean {places}; write the one "
                                  f"you mean as 'pack-id:{ref}'")
            return None
        self.report.error(at, f"{what}: there is no {kind} '{ref}'{suggest(ref, self.names(kind))}")
        return None

    def names(self, kind: str) -> list[str]:
        """Every id of `kind` this pack can refer to without its pack id."""
        return [*self.own[kind], *(i for i in self.required[kind] if i not in self.own[kind])]

    def count(self, kind: str) -> int:
        """How many items of `kind` are visible (broken entries included)."""
        return len(self.own[kind]) + sum(len(e) for e in self.required[kind].values())

    def shown(self, key: str) -> str:
        """How messages name an item: as written for this pack's own, else qualified."""
        pack_id, _, ident = key.rpartition(SEPARATOR)
        return ident if pack_id in ("", self.pack_id) else key
