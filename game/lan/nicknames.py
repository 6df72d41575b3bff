"""Nicknames typed on phones: cleaned before anyone sees them.

A nickname is shown on a projector in front of a class, so it is reduced to printable
text: Unicode-normalised (NFKC, so look-alike full-width letters become plain ones),
stripped of invisible, control and direction-changing characters (a right-to-left
override could make a name render backwards over its neighbours), with runs of
white space folded to one space, and cut to 16 characters. Two names that differ only
in case are the same name.
"""

from __future__ import annotations

import unicodedata
from typing import Iterable, Optional

MAX_LENGTH = 16

# Unicode categories that never belong in a displayed name: controls, format characters
# (zero-width joiners, bidi overrides and isolates, BOM), surrogates, private use,
# unassigned, and the line/paragraph separators.
_DROP_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
# Combining marks are allowed one at a time (é written as e + U+0301) but a stack of them
# ("Zalgo" text) spills over the neighbouring lines.
_MAX_MARKS_IN_A_ROW = 2


class NicknameError(ValueError):
    """A nickname that cannot be used; the message is shown on the phone as it is."""


def clean_nickname(raw: object) -> str:
    """The displayable form of a typed nickname ('' when nothing displayable is left)."""
    if not isinstance(raw, str):
        return ""
    text = unicodedata.normalize("NFKC", raw)
    out: list[str] = []
    marks = 0
    for ch in text:
        category = unicodedata.category(ch)
        if category in _DROP_CATEGORIES:
            continue
        if category.startswith("M"):
            marks += 1
            if marks > _MAX_MARKS_IN_A_ROW or not out:
                continue
        else:
            marks = 0
        out.append(" " if ch.isspace() else ch)
    folded = " ".join("".join(out).split())
    return folded[:MAX_LENGTH].strip()


def same_name(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def check_nickname(raw: object, taken: Iterable[str], *, own: Optional[str] = None) -> str:
    """The cleaned nickname, or NicknameError with a message for the student.

    `taken` are the names already in the room; `own` is the player's current name (a
    rename to a different case of one's own name is allowed).
    """
    name = clean_nickname(raw)
    if not name:
        raise NicknameError(f"Type a nickname: 1–{MAX_LENGTH} letters or digits.")
    for other in taken:
        if same_name(other, name) and not (own is not None and same_name(own, other)):
            raise NicknameError(f"“{name}” is already in the room: pick another nickname.")
    return name
