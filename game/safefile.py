"""Reading a file someone else put there, without hanging or surprises.

Only a regular file is read: a FIFO would block `open()` for ever (and the window with
it), a device could be endless, a folder or a symbolic-link loop cannot be read at all.
The size is checked before reading, and the file is opened with O_NONBLOCK and checked
again through its descriptor, so a file swapped for a FIFO in between cannot hang us.

    data = read_regular(path, max_bytes)     # raises FileRefused(reason) or OSError
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Union

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_FLAGS = os.O_RDONLY | _NONBLOCK | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


class FileRefused(OSError):
    """A path that is not a regular file of an acceptable size; str() says why, in words
    that follow the file name ("is a FIFO (named pipe), not a file")."""

    def __init__(self, reason: str, code: int = errno.EINVAL):
        super().__init__(code, reason)
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


def kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def check_regular(path: Union[str, Path]) -> os.stat_result:
    """The file's stat when it is a regular file; FileRefused (or FileNotFoundError)
    saying what it is instead."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise FileRefused("is a symbolic link to a file that does not exist",
                              errno.ENOENT) from None
        raise
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise FileRefused("is a symbolic link loop (a link that leads back to itself)",
                              errno.ELOOP) from None
        raise
    if not stat.S_ISREG(info.st_mode):
        what = kind_of(info.st_mode)
        raise FileRefused(f"is {what}, not a file" if what.startswith("a ") else f"is {what}")
    return info


def read_regular(path: Union[str, Path], max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; FileRefused otherwise."""
    info = check_regular(path)
    if info.st_size > max_bytes:
        raise FileRefused(f"is {_size(info.st_size)}; at most {_size(max_bytes)} is read",
                          errno.EFBIG)
    try:
        fd = os.open(path, _FLAGS)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise FileRefused("is a symbolic link loop", errno.ELOOP) from None
        raise
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):   # swapped between stat and open
            raise FileRefused(f"is {kind_of(os.fstat(fd).st_mode)}, not a file")
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:   # it grew while we read it
        raise FileRefused(f"is larger than {_size(max_bytes)}", errno.EFBIG)
    return data


def safe_resolve(path: Union[str, Path]) -> Path:
    """`path` made absolute with links followed, or without following them when they loop
    (Path.resolve raises RuntimeError or OSError on a loop, depending on the Python)."""
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MB"
    if count >= 1024:
        return f"{count / 1024:.0f} kB"
    return f"{count} bytes"
