"""Atomic file writes: a save is either the old file or the new one, never half of each.

How (see DESIGN.md section 6): write a temp file in the same folder, flush and fsync it,
keep the previous file as NAME.bak, `os.replace` the temp file over NAME, then fsync the
folder so the rename itself survives a power cut (POSIX only; Windows cannot open a
folder). `os.replace` is atomic on POSIX but not guaranteed on Windows, which is why the
.bak exists and `read_with_fallback` uses it when the main file is missing or unreadable.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Tuple, TypeVar, Union

from game.safefile import read_regular

T = TypeVar("T")

BACKUP_SUFFIX = ".bak"
MAX_READ_BYTES = 64 * 1024 * 1024   # a classroom year of results is a few MB
TEMP_SUFFIX = ".tmp"

_IS_WINDOWS = sys.platform.startswith("win")
# Windows: a virus scanner or indexer may hold the target open for a moment.
_REPLACE_RETRIES = 5 if _IS_WINDOWS else 1
_REPLACE_RETRY_DELAY = 0.05


def backup_path(path: Union[str, Path]) -> Path:
    """NAME.bak next to NAME: the previous version of the file."""
    path = Path(path)
    return path.with_name(path.name + BACKUP_SUFFIX)


def write_atomic(path: Union[str, Path], data: Union[bytes, str], *, keep_backup: bool = True) -> None:
    """Replace `path` with `data` (str is written as UTF-8) so that a crash at any moment
    leaves either the old or the new content. The previous file is kept as NAME.bak.

    Raises OSError (disk full, read-only folder, ...): the caller decides what to tell.
    The folder must exist.
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    folder = path.parent
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if keep_backup and path.exists():
            _keep_backup(path)
        _replace(temp_name, path)
    except BaseException:
        # Also on KeyboardInterrupt: never leave our temp file behind when we can help it.
        _remove_quietly(temp_name)
        raise
    _fsync_folder(folder)


def read_with_fallback(path: Union[str, Path], parse: Callable[[bytes], T] = bytes,
                       max_bytes: int = MAX_READ_BYTES) -> Tuple[T, Path]:
    """`parse` the main file, or NAME.bak when the main file is missing, unreadable or does
    not parse (`parse` raises ValueError). Returns (value, the path it came from).

    Raises FileNotFoundError when neither exists; otherwise the main file's error.
    """
    path = Path(path)
    first_error: Union[Exception, None] = None
    for candidate in (path, backup_path(path)):
        try:
            raw = read_regular(candidate, max_bytes)  # never blocks on a FIFO
            return parse(raw), candidate
        except FileNotFoundError as error:
            first_error = first_error or error
        except (OSError, ValueError) as error:
            # A folder of that name, no permission, garbage: try the backup, report this one.
            if first_error is None or isinstance(first_error, FileNotFoundError):
                first_error = error
    assert first_error is not None
    raise first_error


def remove_stale_temps(path: Union[str, Path], max_age: float = 3600.0,
                       now: Callable[[], float] = time.time) -> int:
    """Remove temp files that a killed process left next to `path` (older than max_age
    seconds, so a save running in another window is never touched). Returns how many."""
    path = Path(path)
    removed = 0
    try:
        candidates = list(path.parent.glob(f".{path.name}.*{TEMP_SUFFIX}"))
    except OSError:
        return 0
    for temp in candidates:
        try:
            if now() - temp.stat().st_mtime > max_age:
                temp.unlink()
                removed += 1
        except OSError:
            pass
    return removed


def _keep_backup(path: Path) -> None:
    """Make NAME.bak a copy of the current NAME without a moment where NAME is missing:
    a hard link where the file system has them, else a full (fsynced) copy."""
    backup = backup_path(path)
    # A fresh name: os.link and O_EXCL below refuse to touch an existing file. (os.urandom
    # is what secrets.token_hex reads; the secrets module would load OpenSSL at start-up.)
    link_name = str(path.parent / f".{backup.name}.{os.getpid()}-{os.urandom(6).hex()}{TEMP_SUFFIX}")
    try:
        os.link(path, link_name)
    except OSError:
        _copy_to_temp(path, link_name)
    try:
        _replace(link_name, backup)
    except BaseException:
        _remove_quietly(link_name)
        raise


def _copy_to_temp(source: Path, temp_name: str) -> None:
    data = source.read_bytes()
    fd = os.open(temp_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        _remove_quietly(temp_name)
        raise


def _replace(source: Union[str, Path], target: Path) -> None:
    for attempt in range(_REPLACE_RETRIES):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt + 1 == _REPLACE_RETRIES:
                raise
            time.sleep(_REPLACE_RETRY_DELAY)


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable. Best effort: some file systems refuse fsync on a folder,
    and by now the new content is complete either way."""
    if _IS_WINDOWS:
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_quietly(name: Union[str, Path]) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass
