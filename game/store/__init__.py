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

from datetime import datetime
from pathlib import Path
from typing import Callable, Optional, Tuple, Union

from game.paths import user_data_dir
from game.store.atomic import backup_path, read_with_fallback, write_atomic
from game.store.documents import DocumentError, DocumentFile, Notice
from game.store.progress import (Progress, ProgressStore, merge_progress, packs_key,
                                 record_answers, record_count, record_level, record_score)
from game.store.reports import Report, ReportsStore, make_report
from game.store.results import (CSV_HEADER, FINISHED, IN_PROGRESS, ResultRow, ResultsError,
                                ResultsSession, ResultsStore, ResultsWriter, list_results,
                                read_results)
from game.store.settings import (TEXT_SIZES, TIMER_CHOICES, ClassroomSettings, Settings,
                                 SettingsStore)

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
        # Resolved here, not at import: THAW_HOME may change between tests.
        self.folder = Path(folder) if folder is not None else user_data_dir()
        self.settings = SettingsStore(self.folder, now=now)
        self.progress = ProgressStore(self.folder, now=now)
        self.results = ResultsStore(self.folder / "results", now=now)
        self.reports = ReportsStore(self.folder, now=now)

    def notices(self) -> Tuple[Notice, ...]:
        """Every notice not yet shown, oldest first per sub-store; clears them."""
        return (self.settings.take_notices() + self.progress.take_notices()
                + self.results.take_notices() + self.reports.take_notices())
