"""Finding a cited excerpt in its source, after folding whitespace and quote styles.

Teachers copy passages from documents that use curly quotes and odd line breaks; a citation
should match whichever style they typed. Locations are given in the original text, so the
game can show the passage around the quote.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional

_QUOTES = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
}


_QUOTE_TABLE = str.maketrans(_QUOTES)
_SPACES = re.compile(r"\s+")
_LONG_SPACES = re.compile(r"\s\s+")
_WORD = re.compile(r"[^ ]+")
# A document's word index is built once it has been searched this many times.
_INDEX_AFTER = 8


def fold(text: str) -> str:
    """Whitespace runs become one space, curly quotes straight; ends trimmed.

    The same result as _fold_with_map(text)[0].strip(), twenty times faster (a regex and a
    translate table instead of a loop): the loader folds every source document once.
    """
    return _SPACES.sub(" ", text).translate(_QUOTE_TABLE).strip()


def _fold_with_map(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    where: list[int] = []  # where[i] = index in `text` of folded character i
    in_space = False
    for index, char in enumerate(text):
        if char.isspace():
            if not in_space:
                out.append(" ")
                where.append(index)
            in_space = True
            continue
        in_space = False
        out.append(_QUOTES.get(char, char))
        where.append(index)
    return "".join(out), where


@dataclass(frozen=True)
class Passage:
    """An excerpt located in its document: the text around it, split for highlighting."""
    before: str
    excerpt: str
    after: str
    start: int  # character offsets of the excerpt in the original document
    end: int
    line: int   # 1-based line of the excerpt's start in the document


class FoldedText:
    """A document folded once, with what it takes to find excerpts in it fast.

    `folded` is the whole text with whitespace runs as one space and quotes straight (not
    trimmed). Folding changes lengths only where a run of two or more whitespace
    characters becomes one space, so the way back to the original is kept as those runs'
    folded positions and the characters removed up to each: a bisect, not a per-character
    map. Excerpt look-ups go through an index of the words' positions, built on first use
    (a document checked once does not pay for it).
    """

    __slots__ = ("text", "folded", "_runs", "_removed", "_words", "_lower", "lookups")

    def __init__(self, text: str) -> None:
        self.text = text
        runs, removed, total = [], [], 0
        for match in _LONG_SPACES.finditer(text):
            runs.append(match.start() - total + 1)     # folded position just after the run
            total += match.end() - match.start() - 1
            removed.append(total)
        self.folded = _SPACES.sub(" ", text).translate(_QUOTE_TABLE)
        self._runs = runs
        self._removed = removed
        self._words: Optional[dict[str, list[int]]] = None
        self._lower: Optional[str] = None
        self.lookups = 0

    def original(self, position: int) -> int:
        """The offset in `text` of folded character `position`."""
        before = bisect_right(self._runs, position)
        return position + (self._removed[before - 1] if before else 0)

    def lower(self) -> str:
        """The folded text in lower case (kept: choosing distractors asks for it often)."""
        if self._lower is None:
            self._lower = self.folded.lower()
        return self._lower

    def _index(self) -> dict[str, list[int]]:
        if self._words is None:
            words: dict[str, list[int]] = {}
            for match in _WORD.finditer(self.folded):
                words.setdefault(match.group(), []).append(match.start())
            self._words = words
        return self._words

    def find_folded(self, needle: str) -> int:
        """Where an already folded, trimmed `needle` starts in `folded`; -1 if nowhere."""
        if not needle:
            return -1
        self.lookups += 1
        inner = needle.split(" ")[1:-1]   # whole words: the first and last may be cut
        if inner and self.lookups > _INDEX_AFTER:
            words = self._index()
            best: Optional[list[int]] = None
            offset = 0
            at = len(needle.split(" ", 1)[0]) + 1
            for word in inner:
                places = words.get(word)
                if places is None:
                    return self.folded.find(needle)    # a cut word inside: scan to be sure
                if best is None or len(places) < len(best):
                    best, offset = places, at
                at += len(word) + 1
            folded = self.folded
            for place in best or ():
                if place - offset >= 0 and folded.startswith(needle, place - offset):
                    return place - offset
            return -1
        return self.folded.find(needle)

    def locate(self, excerpt: str) -> Optional[tuple[int, int]]:
        """(start, end) offsets of `excerpt` in `text`, or None if it does not occur."""
        needle = fold(excerpt)
        found = self.find_folded(needle)
        if found < 0:
            return None
        return self.original(found), self.original(found + len(needle) - 1) + 1

    def __contains__(self, excerpt: str) -> bool:
        return self.find_folded(fold(excerpt)) >= 0


def locate(document: str | FoldedText, excerpt: str) -> Optional[tuple[int, int]]:
    """(start, end) offsets of `excerpt` in `document`, or None if it does not occur.
    Give a FoldedText to search a document more than once."""
    folded = document if isinstance(document, FoldedText) else FoldedText(document)
    return folded.locate(excerpt)


def occurs(document: str | FoldedText, excerpt: str) -> bool:
    return locate(document, excerpt) is not None


def passage(document: str | FoldedText, excerpt: str, context: int = 400) -> Optional[Passage]:
    """The excerpt with up to `context` characters either side, cut at sentence or word ends."""
    span = locate(document, excerpt)
    if span is None:
        return None
    if isinstance(document, FoldedText):
        document = document.text
    start, end = span
    lo = max(0, start - context)
    hi = min(len(document), end + context)
    before = document[lo:start]
    after = document[end:hi]
    if lo > 0:  # begin at a paragraph or sentence start when there is one, else a word
        cut = max(before.rfind("\n"), before.find(". ") + 1 if ". " in before else -1)
        before = before[cut + 1:] if cut >= 0 else before[before.find(" ") + 1:]
        before = "\u2026" + before.lstrip() if cut < 0 else before.lstrip()
    if hi < len(document):
        cut = after.rfind(" ")
        after = (after[:cut] if cut > 0 else after) + "\u2026"
    line = document.count("\n", 0, start) + 1
    return Passage(before, document[start:end], after, start, end, line)
