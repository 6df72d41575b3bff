"""Text from a pack or a results file, made safe to print on a terminal.

A pack is written by someone else: an escape sequence in a title (ESC [2J, a carriage
return, a backspace) could clear the terminal or overwrite a line with a fake
"All packs OK". Every print site of `thaw validate`, `thaw play --text` and
`thaw results` passes such text through `terminal()`, which shows each control character
as a visible escape (`\\x1b`, `\\r`, `\\u202e`) and leaves everything else alone.
"""

from __future__ import annotations

import unicodedata

# Kept as they are: a line break and a tab only move the cursor forward.
_KEEP = frozenset("\n\t")
# Format characters that reorder or hide text on a terminal (bidi overrides and
# isolates), so that what is printed is what is read.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


_SHORT = {"\r": "\\r", "\x00": "\\0", "\x1b": "\\x1b"}


def _escape(char: str) -> str:
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def needs_escape(char: str) -> bool:
    if char in _KEEP:
        return False
    return char in _BIDI or unicodedata.category(char) in ("Cc", "Cs")


def terminal(text: object, keep_newlines: bool = True) -> str:
    """`text` with every control character shown as an escape; str() of anything else."""
    text = str(text)
    if text.isprintable():  # the fast path: no control, format or separator character
        return text
    out = []
    for char in text:
        if char == "\n" and not keep_newlines:
            out.append("\\n")
        elif needs_escape(char):
            out.append(_escape(char))
        else:
            out.append(char)
    return "".join(out)


class TerminalWriter:
    """A text stream whose every write goes through `terminal()`: a command prints to
    this instead of checking each print site (`print(..., file=TerminalWriter(out))`)."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(terminal(text))

    def flush(self) -> None:
        flush = getattr(self.stream, "flush", None)
        if flush is not None:
            flush()
