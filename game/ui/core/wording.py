"""Small helpers that keep sentences built from pack text tidy (review m20)."""

from __future__ import annotations

_ENDS = ".!?\u2026"


def full_stop(text: str) -> str:
    """`text` ending with exactly one full stop: "… 'Individual'." never "… 'Individual'..".
    Text already ending in . ! ? or … (also before a closing quote) is left as it is."""
    text = text.rstrip()
    bare = text.rstrip("'\"\u2019\u201d)")
    if bare and bare[-1] in _ENDS:
        return text
    return text + "."


def mid_sentence(label: str) -> str:
    """A label that starts with "The " read inside a sentence: "you said the explainer
    article" (a name like "The Times" keeps its capital only when it has more capitals)."""
    if label.startswith("The ") and len(label) > 4 and label[4:5].islower():
        return "the " + label[4:]
    return label
