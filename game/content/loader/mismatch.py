"""Where a quote or excerpt stops matching its document (issue 13, item 3).

"the excerpt does not occur" is true but leaves the teacher to hunt for a typo. This says
how much of it matches and where (the longest matching start, else end), shows the closest
passage of the document under the teacher's text, and puts a caret under the first
difference. Comparison is on folded text (one space for any run of whitespace, straight
quotes), as the check itself does.
"""

from __future__ import annotations

import difflib
from functools import lru_cache
from typing import Callable

from game.content.text import _fold_with_map, fold

_BEFORE, _AFTER = 40, 30
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


@lru_cache(maxsize=4)
def _mapped(document: str) -> tuple[str, list[int]]:
    """The folded document and where each folded character comes from (several excerpts
    of one document may fail: fold it once)."""
    return _fold_with_map(document)


def _longest(found: Callable[[int], bool], most: int) -> int:
    """The largest k in 0..most with found(k), for a found() true up to some k then false."""
    low, high = 0, most
    while low < high:
        middle = (low + high + 1) // 2
        if found(middle):
            low = middle
        else:
            high = middle - 1
    return low


def where_it_differs(document: str, excerpt: str, name: str) -> str:
    """Lines to add under a 'does not occur' message (each starts with a newline)."""
    needle = fold(excerpt)
    if not needle:
        return ""
    folded, where = _mapped(document)
    if needle.lower() in folded.lower():
        at = folded.lower().find(needle.lower())
        return (f"\n    only capital letters differ: {name} line "
                f"{document.count(chr(10), 0, where[at]) + 1} has \"{folded[at:at + len(needle)]}\"")
    start_len = _longest(lambda k: needle[:k] in folded, len(needle))
    end_len = _longest(lambda k: needle[len(needle) - k:] in folded, len(needle))
    if max(start_len, end_len) < min(12, max(4, len(needle) // 3)):
        return (f"\n    no part of it was found in {name}: is this the document it comes from, "
                "and was it copied from it (not retyped or taken from another copy)?")
    if start_len >= end_len:
        start = folded.find(needle[:start_len])
        matched = f"the first {start_len} characters match"
    else:
        end = folded.find(needle[len(needle) - end_len:]) + end_len
        start = max(0, end - len(needle) - _AFTER)
        matched = f"the last {end_len} characters match"
    # Align: the passage starts where the teacher's text would, going by the first stretch
    # the two share (a letter missing or added before it shifts everything after).
    window = folded[start:start + len(needle) + 2 * _AFTER]
    blocks = difflib.SequenceMatcher(None, needle, window, autojunk=False).get_matching_blocks()
    if blocks and blocks[0].size:
        start = max(0, start + blocks[0].b - blocks[0].a)
    window = folded[start:start + len(needle) + _AFTER]
    first = next((i1 for tag, i1, _, _, _ in difflib.SequenceMatcher(
        None, needle, window, autojunk=False).get_opcodes() if tag != "equal"), len(needle))
    line = document.count("\n", 0, where[min(start + first, len(where) - 1)]) + 1
    cut = max(0, first - _BEFORE)
    lead = "\u2026" if cut else ""
    yours = lead + needle[cut:first + _AFTER] + ("\u2026" if first + _AFTER < len(needle) else "")
    theirs = lead + window[cut:first + _AFTER] + "\u2026"
    caret = " " * (len("      document: ") + len(lead) + first - cut) + "^"
    hint = ""
    pair = needle[first:first + 1] + window[first:first + 1]
    if pair and any(c in _DASHES for c in pair):
        hint = " (dashes are compared exactly: copy the document's dash)"
    return (f"\n    {matched} {name} line {line}; the first difference{hint}:"
            f"\n      yours:    {yours}"
            f"\n      document: {theirs}"
            f"\n{caret}")
