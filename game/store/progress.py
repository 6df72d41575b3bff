"""The player's progress: campaign stars, best scores, counts; kept in progress.json.

`Progress` is an immutable value and the record_* functions return a new one, so the
game can update it anywhere and save it in one place. A progress file whose contents are
not valid is set aside whole (see documents.py): it is only ever written by Thaw, so a
bad entry means the file is damaged, and NAME.bak is tried first.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, Dict, Iterable, Mapping, Optional, Tuple

from game.store.documents import DocumentStore

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
    counts[name] -> n (e.g. "games", "rounds", "answers", "correct")."""

    stars: Mapping[Tuple[str, str], int] = field(default_factory=dict)
    best: Mapping[Tuple[str, str], int] = field(default_factory=dict)
    counts: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Read-only views: a Progress is a value, never changed in place.
        for name in ("stars", "best", "counts"):
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
        return cls(stars, best, checked)


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


class ProgressStore(DocumentStore):
    """progress.json in `folder`. load() and save() never raise for disk problems."""

    FILE, KIND, FORMAT, LABEL = PROGRESS_FILE, PROGRESS_KIND, PROGRESS_FORMAT, "progress file"

    def load(self) -> Progress:
        return self.file.load(Progress.from_dict, Progress())

    def save(self, progress: Progress) -> bool:
        return self.file.save(progress.to_dict())


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
