"""What ids one pack can see: its own, and those of the packs it requires."""

from __future__ import annotations

from typing import Any, Mapping, Optional

from game.content.loader.schema import Reporter, suggest
from game.content.model import Pack
from game.content.yamlsafe import Position

KINDS = ("source", "perspective", "event", "question", "level")


class Namespace:
    """The ids of each kind visible while one pack is built, and who defined each."""

    def __init__(self, report: Reporter, available: Mapping[str, Pack]):
        self.report = report
        self.available = available
        self.pack_id = ""
        # kind -> id -> (the built thing or None when it had errors, its owner): the owner is
        # "line N" for this pack's own ids, else the id of the required pack defining it.
        self.seen: dict[str, dict[str, tuple[Any, str]]] = {kind: {} for kind in KINDS}

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
            for kind, things in (("source", pack.sources), ("perspective", pack.perspectives),
                                 ("event", pack.events), ("question", pack.questions),
                                 ("level", pack.levels)):
                for thing in things:
                    self.seen[kind].setdefault(thing.id, (thing, pack.id))
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

    def claim(self, kind: str, ident: str, at: Position, what: str, thing: Any) -> bool:
        """Record this pack's `ident` (thing None when the entry had errors: references to it
        are then not reported a second time); False after reporting a duplicate."""
        known = self.seen[kind]
        if ident in known:
            _, owner = known[ident]
            where = (f"at line {owner[5:]}" if owner.startswith("line ")
                     else f"by required pack '{owner}'")
            self.report.error(at, f"{what}: {kind} id '{ident}' is already used {where}")
            return False
        known[ident] = (thing, f"line {at[0]}")
        return True

    def lookup(self, kind: str, ident: str, at: Position, what: str) -> Optional[Any]:
        """The visible thing called `ident`, or None (reported unless it is a broken entry)."""
        found = self.seen[kind].get(ident)
        if found is None or found[0] is None:
            if found is None:
                self.report.error(at, f"{what}: there is no {kind} '{ident}'"
                                      f"{suggest(ident, self.seen[kind])}")
            return None
        return found[0]

    def count(self, kind: str) -> int:
        """How many ids of `kind` are visible (broken entries included)."""
        return len(self.seen[kind])
