"""A user pack folder full of packs that are hostile but valid (every text at its limit,
invisible characters around visible ones, twelve long choices, lines without a space)
plus a symbolic-link loop and a FIFO named like packs: what a random-input test plays."""

from __future__ import annotations

import os
from pathlib import Path

from game.content import limits

from packhelp import seeds_from

ZW = "\u200b\u200d\ufeff"
RTL = "\u202e"   # a right-to-left override: allowed in text, it must still draw


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _long(limit: limits.TextLimit, word: str = "Khrushchev") -> str:
    """Text of exactly `limit.chars` characters with `limit.breaks` line breaks."""
    lines = max(1, limit.breaks + 1)
    per_line = limit.chars // lines
    body = [(word + " ") * (per_line // (len(word) + 1)) for _ in range(lines)]
    text = "\n".join(line[:per_line] for line in body)
    return (text + "x" * limit.chars)[:limit.chars]


def _unbroken(count: int) -> str:
    return ZW + "W" * (count - 2 * len(ZW)) + ZW


def hostile_pack(folder: Path, number: int) -> str:
    seeds = seeds_from(folder)
    label = _unbroken(limits.LABEL.chars)
    events = []
    for index in range(30):
        events.append(f"""\
  - id: e{index}
    title: {_quoted(label if index % 2 else ZW + "Thaw" + ZW)}
    date: {1953 + index % 12}-{1 + index % 12:02d}-{1 + index % 28:02d}
    summary: {_quoted(_long(limits.TEXT))}
    cite: {{source: today-is, excerpt: "he denounced Joseph Stalin"}}
    source_says: {_quoted(_long(limits.TEXT, "Сталин"))}
""")
    questions = []
    for index in range(8):
        choices = [_unbroken(limits.CHOICE.chars - 3) + f"{c:03d}"
                   for c in range(limits.MAX_CHOICES)]
        questions.append(f"""\
  - id: q{index}
    kind: choice
    prompt: {_quoted(_long(limits.TEXT, "Whose?"))}
    choices: [{", ".join(_quoted(c) for c in choices)}]
    answer: {_quoted(choices[index % len(choices)])}
    explain: {_quoted(_long(limits.LONG))}
""")
    return f"""\
format: 1
pack: hostile-{number}
title: {_quoted(label)}
description: {_quoted(_long(limits.LONG, "description"))}
sources:
  - id: today-is
    file: {seeds}/001_a8f04e5286436081.txt
    title: {_quoted(ZW + label[:150])}
    kind: {_quoted(RTL + "blog")}
events:
{"".join(events)}questions:
{"".join(questions)}levels:
  - id: l{number}
    title: {_quoted(label)}
    intro: {_quoted(_long(limits.LONG, "intro"))}
    rounds:
      - timeline: {{from: 1953, to: 1964, count: {limits.MAX_ROUND_ITEMS}}}
      - questions: [q0, q1]
"""


def fill_user_folder(folder: Path, packs: int = 2) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for number in range(packs):
        path = folder / f"hostile-{number}.yaml"
        path.write_text(hostile_pack(folder, number), encoding="utf-8")
        written.append(path)
    os.symlink("loop.yaml", folder / "loop.yaml")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.yaml")
    return written
