"""Versioned JSON documents: {"format": N, "kind": "...", ...the body...}.

A file that cannot be used (not JSON, wrong shape, another kind, a newer format) is never
deleted or overwritten: it is renamed aside to NAME.corrupt-<timestamp>, the previous copy
(NAME.bak) or the default is used, and one `Notice` tells the player what happened.
Saving never raises: a failure becomes one Notice per `DocumentFile`; later failures are
only counted, so a full disk does not flood the screen.
"""

from __future__ import annotations

import errno
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple, TypeVar

from game.store.atomic import backup_path, remove_stale_temps, write_atomic

T = TypeVar("T")

#: A document larger than this is not one we wrote; refuse it instead of parsing it.
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024

#: Errors a validator raises for data of the wrong shape.
SHAPE_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError)


@dataclass(frozen=True)
class Notice:
    """Something the game should tell the player once, in plain words.

    kind: "reset" (a file was unusable; defaults used), "restored" (the previous copy was
    used), "fixed" (some values were unusable and replaced by defaults), "save-failed".
    kept: where the unusable file now lives, when it was moved aside.
    """

    message: str
    kind: str = "reset"
    kept: Optional[Path] = None

    def __str__(self) -> str:
        return self.message


class DocumentError(ValueError):
    """A document that cannot be used; `reason` is short and readable by a player."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def encode(kind: str, format: int, body: Dict[str, Any]) -> bytes:
    """The bytes of a document: the format and kind first, then the body."""
    document = {"format": format, "kind": kind}
    document.update({key: value for key, value in body.items() if key not in document})
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def decode(raw: bytes, kind: str, format: int) -> Dict[str, Any]:
    """The body of a document (without "format" and "kind"), or DocumentError."""
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise DocumentError(f"it is larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB")
    try:
        document = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise DocumentError("it is not UTF-8 text") from None
    except (ValueError, RecursionError) as error:
        raise DocumentError(f"it is not valid JSON: {error}"[:200]) from None
    if not isinstance(document, dict):
        raise DocumentError("it is not a Thaw file (expected a JSON object)")
    found_kind = document.get("kind")
    if found_kind != kind:
        raise DocumentError(f"it holds {found_kind!r} data, not {kind!r}"
                            if isinstance(found_kind, str) else "it has no 'kind'")
    found_format = document.get("format")
    if isinstance(found_format, bool) or not isinstance(found_format, int) or found_format < 1:
        raise DocumentError("it has no valid 'format' number")
    if found_format > format:
        raise DocumentError(f"it was written by a newer version of Thaw, format {found_format};"
                            f" this version reads format {format} at most")
    return {key: value for key, value in document.items() if key not in ("format", "kind")}


def load(path: Path, kind: str, validate: Callable[[Dict[str, Any]], T], default: T, *,
         format: int = 1, label: str = "file",
         now: Callable[[], datetime] = datetime.now) -> Tuple[T, Optional[Notice]]:
    """Read the document at `path`: (data, None) when it is fine; (default, None) when
    there is no file yet; otherwise (data from NAME.bak or the default, a Notice), with
    every unusable file renamed aside.

    `validate(body)` turns the body into the game's value and raises ValueError (or
    TypeError, KeyError, ...) when the shape is wrong. `label` names the file for the
    player: "progress file", "settings file".
    """
    path = Path(path)
    remove_stale_temps(path)

    def parse(raw: bytes) -> T:
        try:
            return validate(decode(raw, kind, format))
        except DocumentError:
            raise
        except SHAPE_ERRORS as error:
            raise DocumentError(f"its contents are not valid: {error}"[:200]) from None

    main_value, main_problem = _try(path, parse)
    if main_problem is None:
        return main_value, None
    backup_value, backup_problem = _try(backup_path(path), parse)

    if main_problem == "missing":
        if backup_problem is None:
            return backup_value, Notice(
                f"Your {label} was missing; the previous copy was used.", kind="restored")
        if backup_problem == "missing":
            return default, None  # the first run
        kept = _set_aside(backup_path(path), now)
        return default, Notice(_reset_message(label, backup_problem, kept), kept=kept)

    kept = _set_aside(path, now)
    if backup_problem is None:
        where = f" The damaged file is kept at {kept}." if kept else ""
        return backup_value, Notice(
            f"Your {label} could not be read ({main_problem}); the previous copy "
            f"was used.{where}", kind="restored", kept=kept)
    if backup_problem != "missing":
        _set_aside(backup_path(path), now)
    return default, Notice(_reset_message(label, main_problem, kept), kept=kept)


class DocumentFile:
    """One document on disk with its pending notices: what a settings or progress store
    owns. `load` and `save` never raise for problems with the file or the disk."""

    def __init__(self, path: Path, kind: str, format: int, label: str, *,
                 now: Callable[[], datetime] = datetime.now) -> None:
        self.path = Path(path)
        self.kind = kind
        self.format = format
        self.label = label
        self.failed_saves = 0
        self._now = now
        self._notices: List[Notice] = []

    def load(self, validate: Callable[[Dict[str, Any]], T], default: T) -> T:
        value, notice = load(self.path, self.kind, validate, default,
                             format=self.format, label=self.label, now=self._now)
        if notice is not None:
            self._notices.append(notice)
        return value

    def save(self, body: Dict[str, Any]) -> bool:
        """Write the document atomically. False (and, the first time, a Notice) on failure."""
        data = encode(self.kind, self.format, body)  # a body that is not JSON is a bug: raise
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, data)
        except OSError as error:
            self.failed_saves += 1
            if self.failed_saves == 1:
                self._notices.append(save_failed_notice(self.label, error, self.path))
            return False
        return True

    def add_notice(self, notice: Notice) -> None:
        self._notices.append(notice)

    def take_notices(self) -> Tuple[Notice, ...]:
        notices, self._notices = tuple(self._notices), []
        return notices


def save_failed_notice(what: str, error: BaseException, path: Path) -> Notice:
    """'Progress cannot be saved: the disk is full. The game goes on.'"""
    subject = what.replace(" file", "").strip().capitalize() or "The game"
    return Notice(f"{subject} cannot be saved: {describe_os_error(error, path)}. "
                  f"The game goes on.", kind="save-failed")


def describe_os_error(error: BaseException, path: Path) -> str:
    """A short, plain reason for a failed write."""
    code = getattr(error, "errno", None)
    folder = Path(path).parent
    if code == errno.ENOSPC or code == getattr(errno, "EDQUOT", None):
        return "the disk is full"
    if code == errno.EROFS:
        return f"the folder {folder} is read-only"
    if code in (errno.EACCES, errno.EPERM):
        return f"no permission to write in {folder}"
    if code in (errno.ENOTDIR, errno.EEXIST):
        return f"{folder} is not a folder"
    if isinstance(error, OSError) and error.strerror:
        return f"{error.strerror.lower()} ({folder})"
    return str(error) or type(error).__name__


def _try(path: Path, parse: Callable[[bytes], T]) -> Tuple[Any, Optional[str]]:
    """(value, None), or (None, "missing"), or (None, why it cannot be used)."""
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):  # no file (or no folder) yet
        return None, "missing"
    except OSError as error:
        return None, f"it cannot be opened: {error.strerror or error}"
    try:
        return parse(raw), None
    except DocumentError as error:
        return None, error.reason


def _reset_message(label: str, problem: str, kept: Optional[Path]) -> str:
    where = (f" The old file is kept at {kept}." if kept
             else " The old file could not be moved aside.")
    return f"Your {label} could not be read ({problem}); it was reset.{where}"


def _set_aside(path: Path, now: Callable[[], datetime]) -> Optional[Path]:
    """Rename an unusable file to NAME.corrupt-<timestamp> (a unique name: never
    overwrite an earlier one). None when it cannot be moved."""
    stamp = now().strftime("%Y%m%d-%H%M%S")
    for number in range(1, 1000):
        suffix = "" if number == 1 else f"-{number}"
        target = path.with_name(f"{path.name}.corrupt-{stamp}{suffix}")
        if target.exists() or target.is_symlink():
            continue
        try:
            _rename_no_overwrite(path, target)
            return target
        except FileExistsError:
            continue
        except OSError:
            return None
    return None


def _rename_no_overwrite(source: Path, target: Path) -> None:
    """os.rename replaces an existing target on POSIX; a hard link never does."""
    if source.is_file() and hasattr(os, "link"):
        try:
            os.link(source, target)
        except FileExistsError:
            raise
        except OSError:
            pass  # no hard links here (FAT, some network shares): plain rename below
        else:
            os.unlink(source)
            return
    os.rename(source, target)


class DocumentStore:
    """Base of the settings and progress stores: one DocumentFile named by the subclass's
    FILE, KIND, FORMAT and LABEL; subclasses add load() and save() for their value."""

    FILE = KIND = LABEL = ""
    FORMAT = 1

    def __init__(self, folder: Path, *, now: Callable[[], datetime] = datetime.now) -> None:
        self.file = DocumentFile(Path(folder) / self.FILE, self.KIND, self.FORMAT, self.LABEL,
                                 now=now)

    @property
    def path(self) -> Path:
        return self.file.path

    @property
    def failed_saves(self) -> int:
        return self.file.failed_saves

    def take_notices(self) -> Tuple[Notice, ...]:
        return self.file.take_notices()
