"""Giving freed memory back to the system.

Freeing a surface returns its pixels to the C allocator, not to the system: glibc keeps
the freed heap for later (its threshold for mapping big blocks on their own rises with
every big block freed, so after a while even whole-screen surfaces live in the heap). A
session that once drew a big screen would keep its peak for ever. `release()` asks glibc
to hand back every whole free page (`malloc_trim`); the app calls it when something big
was let go (a scene closed, the window resized, the text caches cleared), never per frame.

Elsewhere (macOS, Windows, musl) it does nothing: those allocators return big blocks by
themselves, or offer no such call.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
from typing import Callable, Optional


def _find_trim() -> Optional[Callable[[int], int]]:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim          # glibc only: musl has no such symbol
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


_TRIM = _find_trim()
_M_MMAP_THRESHOLD = -3          # mallopt's parameter number (malloc.h)
# Blocks from this size up get pages of their own, given back the moment they are freed.
MMAP_THRESHOLD = 256 * 1024


def configure() -> bool:
    """Fix glibc's threshold for mapping a block on its own at MMAP_THRESHOLD. By default
    it rises with every big block freed (up to 32 MiB), until every surface lives in the
    heap, where a freed one is kept. Fixed, a big surface (a text block, a tile, a veil)
    goes back to the system as soon as it is freed; small objects are unaffected. True
    when it could be set (glibc)."""
    if _TRIM is None:
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return bool(libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD))
    except (OSError, AttributeError):
        return False


def can_release() -> bool:
    """True when `release()` really gives memory back (glibc)."""
    return _TRIM is not None


def release() -> bool:
    """Hand the allocator's whole free pages back to the system. True when it could."""
    if _TRIM is None:
        return False
    try:
        _TRIM(0)
    except OSError:          # never let bookkeeping stop the game
        return False
    return True


def after_scene_closed() -> None:
    """A scene left the stack: collect it now if it is caught in a reference cycle (its
    surfaces go with it, instead of waiting for a collection that allocation counts may
    not trigger for minutes), then give the freed pages back. The library was frozen out
    of the collector's sight after loading (context.settle_heap), so this costs about a
    millisecond."""
    gc.collect()
    release()
