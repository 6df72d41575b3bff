"""The limits of the pack format (docs/packs.md, "Limits"): pure checks, no I/O.

A pack that passes these can be drawn, dealt and saved without a surface past the screen,
a freeze or a crash: text has a bounded length and number of line breaks, shows at least
one visible character and holds no control characters; a question has a bounded number
of choices, a pack a bounded number of items, a `requires` chain a bounded depth.

Each limit is about ten times the largest value in any real pack (the bundled pack's
longest explanation is 287 characters, its longest quote 216, its most choices 4), so no
honest pack meets one, and each is far below what makes pygame build gigantic surfaces.

    problem = text_problem("title", "\u200b")   # "is only invisible characters (U+200B ...)"
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class TextLimit:
    """At most `chars` characters and `breaks` line breaks."""
    chars: int
    breaks: int


LABEL = TextLimit(200, 2)       # titles, names, kinds: one line on a card
CHOICE = TextLimit(300, 2)      # a choice (and an answer, which is one of the choices)
TEXT = TextLimit(2_000, 20)     # quotes, prompts, views, summaries, excerpts
LONG = TextLimit(5_000, 50)     # explanations, descriptions, level intros
PATH = TextLimit(1_000, 0)      # a source's `file`

# Which limit each key of the format has (the same key means the same thing everywhere).
KEY_LIMITS = {
    "title": LABEL, "name": LABEL, "kind": LABEL,
    "answer": CHOICE, "choices": CHOICE,
    "quote": TEXT, "prompt": TEXT, "view": TEXT, "role": TEXT, "summary": TEXT,
    "excerpt": TEXT, "source_says": TEXT,
    "explain": LONG, "description": LONG, "intro": LONG,
    "file": PATH,
}
DEFAULT_LIMIT = TEXT

MAX_ID_CHARS = 100           # an id is a word or a few, like 'secret-speech'
MAX_CHOICES = 12             # choices of one question (real packs: 2-5)
MAX_ITEMS = 5_000            # items in one section (sources, perspectives, events, ...)
MAX_ROUNDS = 100             # rounds in one level
MAX_ROUND_ITEMS = 50         # events or questions listed in one round, or a draw's count
MAX_REQUIRES = 20            # packs one pack names under `requires`
MAX_REQUIRES_DEPTH = 20      # a requires b requires c ...: at most this many steps

# How many items a list under each key may hold, and what they are called in messages
# (within an entry: a question's choices, a level's rounds, a round's ids; a pack's
# sections - sources, events, ... - have MAX_ITEMS each).
LIST_LIMITS = {
    "choices": (MAX_CHOICES, "choices"), "requires": (MAX_REQUIRES, "required packs"),
    "rounds": (MAX_ROUNDS, "rounds"), "questions": (MAX_ROUND_ITEMS, "questions"),
    "timeline": (MAX_ROUND_ITEMS, "events"),
}

LIMITS_HINT = "see 'Limits' in docs/packs.md"

# Letters that fonts draw as nothing at all (Hangul fillers, the blank Braille pattern).
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")
# Categories that draw nothing on their own: controls, format characters (U+200B, U+200D,
# U+FEFF, ...), combining marks (U+FE0F, U+0301 alone), separators and spaces.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Mn", "Me", "Zs", "Zl", "Zp", "Cs"})
_ALLOWED_CONTROLS = frozenset("\n\t")


def char_name(char: str) -> str:
    """'U+200B ZERO WIDTH SPACE', or 'U+001B' when Unicode gives it no name."""
    name = unicodedata.name(char, "")
    if not name and unicodedata.category(char) == "Cc":
        name = _CONTROL_NAMES.get(ord(char), "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


_CONTROL_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "BACKSPACE", 0x0D: "CARRIAGE RETURN",
                  0x1B: "ESCAPE", 0x7F: "DELETE", 0x85: "NEXT LINE", 0x9B: "CSI"}


def is_visible(char: str) -> bool:
    return char not in _BLANK_LETTERS and unicodedata.category(char) not in _INVISIBLE_CATEGORIES


def has_visible(text: str) -> bool:
    """True when some character of `text` draws something."""
    return any(is_visible(char) for char in text)


def first_control(text: str) -> Optional[str]:
    """The first control character (other than line break and tab) or lone surrogate."""
    for char in text:
        if char in _ALLOWED_CONTROLS:
            continue
        if unicodedata.category(char) in ("Cc", "Cs"):
            return char
    return None


def limit_for(key: str) -> TextLimit:
    return KEY_LIMITS.get(key, DEFAULT_LIMIT)


def text_problem(key: str, text: str) -> Optional[str]:
    """Why the value of `key` may not be `text` (a phrase to follow "'key' "), or None."""
    control = first_control(text)
    if control is not None:
        return (f"contains the control character {char_name(control)}; remove it "
                "(a pack's text holds only printable characters, line breaks and tabs)")
    if not has_visible(text):
        shown = ", ".join(dict.fromkeys(char_name(c) for c in text if not c.isspace()))
        what = f"only invisible characters ({shown})" if shown else "only spaces"
        return f"is {what}; write some visible text"
    limit = limit_for(key)
    breaks = text.count("\n")
    if breaks > limit.breaks:
        return (f"has {breaks:,} line breaks; at most {limit.breaks:,} are allowed "
                f"({LIMITS_HINT})")
    if len(text) > limit.chars:
        return (f"is {len(text):,} characters long; at most {limit.chars:,} are allowed "
                f"({LIMITS_HINT})")
    return None


def id_problem(ident: str) -> Optional[str]:
    if len(ident) > MAX_ID_CHARS:
        return f"is {len(ident):,} characters long; an id has at most {MAX_ID_CHARS}"
    return None


def list_problem(key: str, count: int) -> Optional[str]:
    """Why a list under `key` may not hold `count` items (or a draw deal `count` cards)."""
    if key not in LIST_LIMITS:
        return None
    limit, what = LIST_LIMITS[key]
    return count_problem(what, count, limit)


def count_problem(what: str, count: int, limit: int) -> Optional[str]:
    """'has 200,000 choices; at most 12 are allowed (...)' or None."""
    if count > limit:
        return f"has {count:,} {what}; at most {limit:,} are allowed ({LIMITS_HINT})"
    return None
