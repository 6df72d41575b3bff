"""Saves that survive crashes: settings, progress and classroom results (no pygame).

    store = Store()                      # the user-data folder (THAW_HOME in tests)
    settings = store.settings.load()
    progress = store.progress.load()
    progress = record_level(progress, "khrushchev-era", "after-stalin", 3)
    store.progress.save(progress)        # False when it could not be saved; never raises
    for notice in store.notices():       # tell the player each one, once
        show(notice.message)
"""

from __future__ import annotations

import importlib
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional, Tuple, Union

if TYPE_CHECKING:
    from game.store.documents import Notice

# Imported on first use (PEP 562): the game's start needs settings and progress, not the
# classroom results and their CSV machinery.
_FROM = {
    "write_atomic": "atomic", "read_with_fallback": "atomic", "backup_path": "atomic",
    "DocumentError": "documents", "DocumentFile": "documents", "Notice": "documents",
    "Progress": "progress", "ProgressStore": "progress", "packs_key": "progress",
    "record_count": "progress", "record_level": "progress", "record_score": "progress",
    "merge_progress": "progress", "record_answers": "progress",
    "Report": "reports", "ReportsStore": "reports", "make_report": "reports",
    "CSV_HEADER": "results", "FINISHED": "results", "IN_PROGRESS": "results",
    "ResultRow": "results", "ResultsError": "results", "ResultsSession": "results",
    "ResultsStore": "results", "ResultsWriter": "results", "list_results": "results",
    "read_results": "results",
    "TEXT_SIZES": "settings", "TIMER_CHOICES": "settings", "ClassroomSettings": "settings",
    "Settings": "settings", "SettingsStore": "settings",
}


def __getattr__(name: str):
    if name not in _FROM:
        raise AttributeError(f"module 'game.store' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"game.store.{_FROM[name]}"), name)
    globals()[name] = value
    return value


__all__ = [
    "Store", "Notice", "write_atomic", "read_with_fallback", "backup_path", "DocumentError",
    "DocumentFile", "Settings", "ClassroomSettings", "SettingsStore", "TEXT_SIZES",
    "TIMER_CHOICES", "Progress", "ProgressStore", "record_level", "record_score",
    "record_count", "record_answers", "merge_progress", "packs_key", "Report",
    "ReportsStore", "make_report", "ResultRow", "ResultsSession", "ResultsWriter",
    "ResultsStore", "ResultsError", "read_results", "list_results", "CSV_HEADER",
    "IN_PROGRESS", "FINISHED",
]


class Store:
    """The game's one handle on saved data: settings, progress and results (in
    <folder>/results). Nothing here raises for a damaged file or a failing disk; what the
    player should know is queued and handed out once by notices()."""

    def __init__(self, folder: Optional[Union[str, Path]] = None, *,
                 now: Callable[[], datetime] = datetime.now) -> None:
        from game.paths import user_data_dir
        from game.store.progress import ProgressStore
        from game.store.reports import ReportsStore
        from game.store.results import ResultsStore
        from game.store.settings import SettingsStore
        # Resolved here, not at import: THAW_HOME may change between tests.
        self.folder = Path(folder) if folder is not None else user_data_dir()
        self.settings = SettingsStore(self.folder, now=now)
        self.progress = ProgressStore(self.folder, now=now)
        self.results = ResultsStore(self.folder / "results", now=now)
        self.reports = ReportsStore(self.folder, now=now)

    def notices(self) -> Tuple["Notice", ...]:
        """Every notice not yet shown, oldest first per sub-store; clears them."""
        return (self.settings.take_notices() + self.progress.take_notices()
                + self.results.take_notices() + self.reports.take_notices())
