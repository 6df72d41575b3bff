"""An advisory lock around a read-merge-write of one file, so two Thaw windows saving at
the same moment take turns instead of one losing the other's changes.

POSIX only (fcntl.flock on NAME.lock next to the file). Where there is no fcntl, or the
lock file cannot be made (read-only folder), the block runs unlocked: the merge still
happens, only a true race in the same instant can lose a change.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def lock_path(path: Path) -> Path:
    path = Path(path)
    return path.with_name(path.name + ".lock")


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold NAME.lock for the block (see the module's note on where it cannot)."""
    try:
        import fcntl
    except ImportError:          # Windows
        yield
        return
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(lock_path(path), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield
        return
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
        except OSError:
            pass
        yield
    finally:
        os.close(handle)       # closing releases the lock
