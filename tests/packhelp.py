"""Helpers for tests that write small packs into tmp_path, citing the real seeds/ documents.

A line marked with `#!` is where the test expects the problem; `marked_line` finds it.
"""

from __future__ import annotations

import os
from pathlib import Path

import game
from game.content.loader import check_pack
from game.content.problems import PackError
from game.content.yamlsafe import read_yaml

HEXBEAR = "000_c03aff93c97b8c84.txt"
TODAY_IS = "001_a8f04e5286436081.txt"
STUDENT = "002_25ad2ad5b8396fda.txt"
EXPLAINER = "003_5b8ef0756db0d6d1.txt"
DISCUSSION = "004_8351f68702ad0932.txt"

HEADER = """\
format: 1
pack: test-pack
title: A test pack
sources:
  - id: hexbear
    file: {seeds}/000_c03aff93c97b8c84.txt
    title: A forum thread
    kind: forum thread
  - id: today-is
    file: {seeds}/001_a8f04e5286436081.txt
    title: Today Is
  - id: discussion
    file: {seeds}/004_8351f68702ad0932.txt
perspectives:
  - id: forum-ml
    name: A Marxist-Leninist forum poster
    view: Destalinisation was a needless, self-serving mistake.
  - id: popular-blog
    name: A popular-history blogger
    view: Khrushchev dethroned a dictator.
  - id: khrushchev
    name: Nikita Khrushchev
    view: The cult of personality betrayed Leninism.
"""

EVENTS = """\
events:
  - id: secret-speech
    title: Khrushchev's Secret Speech
    date: 1956-02-25
    summary: Khrushchev denounces Stalin's cult of personality.
    cite: {{source: today-is, excerpt: "he denounced Joseph Stalin"}}
  - id: stalin-death
    title: Stalin dies
    date: 1953-03-05
    summary: Stalin dies; a struggle for his succession begins.
    cite: {{source: discussion, excerpt: "When Joseph Stalin died on March 3, 1953"}}
    source_says: March 3
"""


def seeds_from(folder: Path) -> str:
    """The seeds/ folder as a path relative to `folder` (how a pack names its documents)."""
    return Path(os.path.relpath(game.SEEDS_DIR, folder)).as_posix()


def write_pack(folder: Path, body: str, name: str = "pack.yaml", header: bool = True,
               events: bool = False) -> Path:
    text = (HEADER if header else "") + (EVENTS if events else "") + body
    path = folder / name
    path.write_text(text.format(seeds=seeds_from(folder)), encoding="utf-8")
    return path


def marked_line(path: Path, marker: str = "#!") -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if marker in line:
            return number
    raise AssertionError(f"no {marker} marker in {path}")


def errors_of(path: Path, available=None) -> list:
    """The errors of a pack that must not load."""
    from game.content.loader import load_pack
    try:
        load_pack(path, available)
    except PackError as error:
        return error.problems
    raise AssertionError(f"{path} loaded without errors")


def problems_of(path: Path, available=None) -> list:
    return check_pack(read_yaml(path), available).problems
