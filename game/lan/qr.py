"""The QR code of the join address, as rows of dark/light modules for the screen to draw."""

from __future__ import annotations

import segno


def qr_modules(text: str) -> list[list[bool]]:
    """The QR symbol's modules (True = dark), without the quiet zone (the screen adds it)."""
    code = segno.make_qr(text, error="m")
    return [[bool(v) for v in row] for row in code.matrix]
