""""Report a problem with this card": short notes kept in the user folder (reports.json),
for the teacher or pack author to read with `thaw reports`.

    report = make_report(event_or_question, packs, "the date is wrong", when=now)
    ReportsStore(folder).add(report)       # False when it could not be saved; never raises
    ReportsStore(folder).load()            # every report, oldest first

Each report names the pack, the item (event or question) and where it is written: the
pack file and the line of its `id:`, found when the report is made. Adding re-reads the
file and appends under a lock, so two windows never lose each other's notes; the write
is atomic (see atomic.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Dict, Iterable, Mapping, Optional, Tuple

from game.store.documents import DocumentStore, decode
from game.store.lock import locked

REPORTS_FILE = "reports.json"
REPORTS_KIND = "thaw-reports"
REPORTS_FORMAT = 1
MAX_NOTE = 500            # characters: a short note, not an essay
MAX_REPORTS = 10_000      # the oldest are dropped beyond this
MAX_PACK_BYTES = 8 * 1024 * 1024   # larger than any pack the loader accepts
KINDS = ("event", "question")


@dataclass(frozen=True)
class Report:
    time: str                 # ISO 8601, when it was reported
    pack: str                 # pack id
    kind: str                 # "event" or "question"
    item_id: str
    note: str
    file: str = ""            # the pack file
    line: Optional[int] = None   # the line of the item's `id:` in it
    where: str = ""           # what the player was doing ("chronology", "classroom", ...)

    @property
    def location(self) -> str:
        """'levels/khrushchev-era.yaml:120', or the file alone, or ''."""
        return f"{self.file}:{self.line}" if self.file and self.line else self.file

    def to_dict(self) -> Dict[str, Any]:
        return {"time": self.time, "pack": self.pack, "kind": self.kind,
                "item_id": self.item_id, "note": self.note, "file": self.file,
                "line": self.line, "where": self.where}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Report":
        if not isinstance(data, Mapping):
            raise ValueError("a report is not a JSON object")
        texts = {}
        for key in ("time", "pack", "kind", "item_id", "note", "file", "where"):
            value = data.get(key, "")
            if not isinstance(value, str):
                raise ValueError(f"report: '{key}' is not text")
            texts[key] = value
        if texts["kind"] not in KINDS:
            raise ValueError(f"report: 'kind' is not one of {', '.join(KINDS)}")
        line = data.get("line")
        if line is not None and (isinstance(line, bool) or not isinstance(line, int)
                                 or line < 1):
            raise ValueError("report: 'line' is not a line number")
        return cls(texts["time"], texts["pack"], texts["kind"], texts["item_id"],
                   texts["note"], texts["file"], line, texts["where"])


def clean_note(text: str) -> str:
    """The note as kept: control characters become spaces, runs of space fold, at most
    MAX_NOTE characters."""
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c
                   for c in str(text))
    return " ".join(text.split())[:MAX_NOTE]


def locate(pack_file: Path, item_id: str) -> Optional[int]:
    """The 1-based line of `id: <item_id>` in a pack file (None when not found or the
    file cannot be read). Ids are plain lowercase words, so a line match is exact."""
    pattern = re.compile(r"^\s*(?:-\s+)?id:\s*([\"']?)" + re.escape(item_id)
                         + r"\1\s*(?:#.*)?$")
    try:
        path = Path(pack_file)
        if not path.is_file() or path.stat().st_size > MAX_PACK_BYTES:
            return None
        text = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return None
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.match(line):
            return number
    return None


def make_report(item, packs: Iterable, note: str, when: datetime, where: str = "") -> Report:
    """A report on an Event or Question of the content model, found in `packs` (the
    loaded Pack values) to name its file and line."""
    kind = "question" if hasattr(item, "answer") and hasattr(item, "explain") else "event"
    pack_id = getattr(item, "pack", "") or ""
    pack = next((p for p in packs if p.id == pack_id), None)
    if pack is None:      # an item without its pack id: the first pack holding it
        pack = next((p for p in packs
                     if any(i.id == item.id for i in getattr(p, kind + "s", ()))), None)
    file = str(pack.path) if pack is not None else ""
    # A loaded item's id is 'pack-id:id as written' (content.model.qualify); the file has the latter.
    line = locate(pack.path, item.id.rpartition(":")[2]) if pack is not None else None
    return Report(when.isoformat(timespec="seconds"), pack.id if pack else pack_id, kind,
                  item.id, clean_note(note), file, line, where)


class ReportsStore(DocumentStore):
    """reports.json in the user folder. load() and add() never raise for disk problems."""

    FILE, KIND, FORMAT, LABEL = REPORTS_FILE, REPORTS_KIND, REPORTS_FORMAT, "reports file"

    def load(self) -> Tuple[Report, ...]:
        return self.file.load(_reports_from, ())

    def add(self, report: Report) -> bool:
        """Append one report (re-reading the file first, under a lock)."""
        with locked(self.path):
            reports = self._read_quietly() + (report,)
            ok = self.file.save({"reports": [r.to_dict() for r in reports[-MAX_REPORTS:]]})
        return ok

    def _read_quietly(self) -> Tuple[Report, ...]:
        try:
            if not self.path.is_file():
                return self.load() if not self.path.exists() else ()
            return _reports_from(decode(self.path.read_bytes(), self.KIND, self.FORMAT))
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return self.load()     # damaged: set aside with a notice, .bak used if any


def _reports_from(body: Mapping[str, Any]) -> Tuple[Report, ...]:
    items = body.get("reports", [])
    if not isinstance(items, list):
        raise ValueError("'reports' is not a list")
    out = []
    for number, entry in enumerate(items, 1):
        try:
            out.append(Report.from_dict(entry))
        except ValueError as error:
            raise ValueError(f"report {number}: {error}") from None
    return tuple(out)
