"""The player's progress: campaign stars, best scores, counts and the memory of every
event and question (spaced review, see game.rules.memory); kept in progress.json.

`Progress` is an immutable value and the record_* functions return a new one, so the
game can update it anywhere and save it in one place. A progress file whose contents are
not valid is set aside whole (see documents.py): it is only ever written by Thaw, so a
bad entry means the file is damaged, and NAME.bak is tried first.

Format 1 files written before the memory existed have no "memory" list: they load with
an empty memory, and the next save adds it (old versions of Thaw ignore the extra key).

Two windows may save the same file: save() re-reads what is on disk and merges it with
what this window changed since its last load or save (stars and best scores: the best;
counts: what is on disk plus this window's additions; memory: per item, the latest
seen), then writes atomically, under a lock file where the system has one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from types import MappingProxyType
from typing import Any, Dict, Iterable, Mapping, Optional, Tuple

from game.rules import memory as memory_rules
from game.rules.memory import ItemMemory
from game.store.documents import DocumentStore, decode
from game.store.lock import locked

PROGRESS_FILE = "progress.json"
PROGRESS_KIND = "thaw-progress"
PROGRESS_FORMAT = 1
MAX_STARS = 3


def packs_key(pack_ids: Iterable[str]) -> str:
    """The key of a set of packs for best scores: the same packs in any order give the
    same key ("khrushchev-era+teacher-extra")."""
    return "+".join(sorted(set(pack_ids)))


@dataclass(frozen=True)
class Progress:
    """stars[(pack id, level id)] -> 0..3; best[(mode, packs key)] -> score;
    counts[name] -> n (e.g. "games", "rounds", "answers", "correct");
    memory[(kind, id)] -> ItemMemory ("event" or "question"; see game.rules.memory)."""

    stars: Mapping[Tuple[str, str], int] = field(default_factory=dict)
    best: Mapping[Tuple[str, str], int] = field(default_factory=dict)
    counts: Mapping[str, int] = field(default_factory=dict)
    memory: Mapping[Tuple[str, str], ItemMemory] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Read-only views: a Progress is a value, never changed in place.
        for name in ("stars", "best", "counts", "memory"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))

    def stars_for(self, pack: str, level: str) -> int:
        return self.stars.get((pack, level), 0)

    def best_score(self, mode: str, key: str) -> Optional[int]:
        return self.best.get((mode, key))

    def count(self, name: str) -> int:
        return self.counts.get(name, 0)

    def to_dict(self) -> Dict[str, Any]:
        return {
            "stars": [{"pack": pack, "level": level, "stars": stars}
                      for (pack, level), stars in sorted(self.stars.items())],
            "best": [{"mode": mode, "packs": key, "score": score}
                     for (mode, key), score in sorted(self.best.items())],
            "counts": dict(sorted(self.counts.items())),
            "memory": [item.to_dict() for _, item in sorted(self.memory.items())],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Progress":
        """Strict: raises ValueError naming the first entry that is wrong."""
        if not isinstance(data, Mapping):
            raise ValueError("progress is not a JSON object")
        stars: Dict[Tuple[str, str], int] = {}
        for number, entry in enumerate(_list(data, "stars"), 1):
            where = f"stars entry {number}"
            pack, level = _text(entry, "pack", where), _text(entry, "level", where)
            stars[(pack, level)] = _whole(entry, "stars", where, 0, MAX_STARS)
        best: Dict[Tuple[str, str], int] = {}
        for number, entry in enumerate(_list(data, "best"), 1):
            where = f"best entry {number}"
            mode, key = _text(entry, "mode", where), _text(entry, "packs", where)
            best[(mode, key)] = _whole(entry, "score", where, None, None)
        counts = data.get("counts", {})
        if not isinstance(counts, Mapping):
            raise ValueError("'counts' is not a JSON object")
        checked = {name: _whole(counts, name, "counts", 0, None) for name in counts}
        memory: Dict[Tuple[str, str], ItemMemory] = {}
        for number, entry in enumerate(_list(data, "memory"), 1):
            try:
                item = ItemMemory.from_dict(entry)
            except ValueError as error:
                raise ValueError(f"memory entry {number}: {error}") from None
            memory[item.key] = item
        return cls(stars, best, checked, memory)


def record_level(progress: Progress, pack: str, level: str, stars: int) -> Progress:
    """Keep the most stars ever earned on a level (0..3)."""
    if isinstance(stars, bool) or not isinstance(stars, int) or not 0 <= stars <= MAX_STARS:
        raise ValueError(f"stars must be a whole number from 0 to {MAX_STARS}, not {stars!r}")
    if stars <= progress.stars_for(pack, level) and (pack, level) in progress.stars:
        return progress
    return replace(progress, stars={**progress.stars, (pack, level): stars})


def record_score(progress: Progress, mode: str, packs: str, score: int) -> Progress:
    """Keep the best score for a mode played with a set of packs (see packs_key)."""
    if isinstance(score, bool) or not isinstance(score, int):
        raise ValueError(f"a score is a whole number, not {score!r}")
    best = progress.best_score(mode, packs)
    if best is not None and score <= best:
        return progress
    return replace(progress, best={**progress.best, (mode, packs): score})


def record_count(progress: Progress, name: str, by: int = 1) -> Progress:
    """Add to a counter such as "games", "rounds", "answers" or "correct"."""
    if isinstance(by, bool) or not isinstance(by, int) or by < 0:
        raise ValueError(f"a count grows by a whole number >= 0, not {by!r}")
    return replace(progress, counts={**progress.counts, name: progress.count(name) + by})


def record_answers(progress: Progress, records: Iterable, when: datetime) -> Progress:
    """Remember every answer of a finished game (game.records) for spaced review."""
    return replace(progress, memory=memory_rules.remember_answers(progress.memory, records,
                                                                  when))


def merge_progress(disk: Progress, mine: Progress, base: Optional[Progress] = None
                   ) -> Progress:
    """`mine` (changed from `base`, what this window last loaded or saved) merged into
    `disk` (what another window may have saved since): the most stars and the best
    scores; counts on disk plus this window's own additions; per item, the memory seen
    latest."""
    base = base if base is not None else Progress()
    stars = dict(disk.stars)
    for key, value in mine.stars.items():
        stars[key] = max(value, stars.get(key, 0))
    best = dict(disk.best)
    for key, value in mine.best.items():
        best[key] = value if key not in best else max(value, best[key])
    counts = dict(disk.counts)
    for name, value in mine.counts.items():
        counts[name] = counts.get(name, 0) + max(0, value - base.count(name))
    return Progress(stars, best, counts, memory_rules.merge(disk.memory, mine.memory))


class ProgressStore(DocumentStore):
    """progress.json in `folder`. load() and save() never raise for disk problems.

    save() merges with the file as it is on disk (another window may have saved since):
    `merged` is then the value saved, which the game should carry on with."""

    FILE, KIND, FORMAT, LABEL = PROGRESS_FILE, PROGRESS_KIND, PROGRESS_FORMAT, "progress file"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._base: Optional[Progress] = None     # what this window last loaded or saved
        self.merged: Optional[Progress] = None

    def load(self) -> Progress:
        progress = self.file.load(Progress.from_dict, Progress())
        self._base = progress
        return progress

    def save(self, progress: Progress) -> bool:
        with locked(self.path):
            disk = self._read_quietly()
            merged = merge_progress(disk, progress, self._base) if disk is not None \
                else progress
            ok = self.file.save(merged.to_dict())
        if ok:
            self._base = merged
        self.merged = merged
        return ok

    def sync(self, progress: Progress) -> Progress:
        """Save (merging with the disk) and return what the game should carry on with."""
        self.save(progress)
        return self.merged if self.merged is not None else progress

    def _read_quietly(self) -> Optional[Progress]:
        """The progress on disk now, or None when there is none that can be read (the
        loading rules and their notices belong to load())."""
        try:
            if not self.path.is_file():      # missing, or not a regular file (never block)
                return None
            raw = self.path.read_bytes()
            return Progress.from_dict(decode(raw, self.KIND, self.FORMAT))
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None


def _list(data: Mapping[str, Any], key: str) -> list:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise ValueError(f"'{key}' is not a list")
    return value


def _text(entry: Any, key: str, where: str) -> str:
    if not isinstance(entry, Mapping):
        raise ValueError(f"{where} is not a JSON object")
    value = entry.get(key)
    if not isinstance(value, str) or not value:
        raise ValueError(f"{where}: '{key}' is not a non-empty text")
    return value


def _whole(entry: Any, key: str, where: str, low: Optional[int], high: Optional[int]) -> int:
    if not isinstance(entry, Mapping):
        raise ValueError(f"{where} is not a JSON object")
    value = entry.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{where}: '{key}' is not a whole number")
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValueError(f"{where}: '{key}' = {value} is out of range")
    return value
