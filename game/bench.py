"""Benchmarks: `python -m game.bench [--json] [FIGURE...]`, one figure per line.

Each figure is a function returning a number; FIGURES maps its name (`group.name`) to it.
Add figures by adding a function and a registry entry. Targets (DESIGN/issue):
load_s.levels < 0.3 s, load_s.generated < 2 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

import game


def _median_seconds(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def load_levels() -> float:
    """Load and check every pack in levels/ (median of 5)."""
    from game.content.library import load_library

    def load() -> None:
        library = load_library([game.LEVELS_DIR])
        if library.broken:
            raise SystemExit(f"levels/ has broken packs: {library.broken[0].problems[0]}")
    return _median_seconds(load, 5)


def load_generated() -> float:
    """Load a generated pack of 5,000 questions and 2,000 events (median of 3)."""
    from game.content.loader import load_pack
    from game.content.synthetic import write_synthetic_pack

    with tempfile.TemporaryDirectory(prefix="thaw-bench-") as folder:
        path = write_synthetic_pack(Path(folder), events=2000, questions=5000)
        return _median_seconds(lambda: load_pack(path), 3)


FIGURES: dict[str, Callable[[], float]] = {
    "load_s.levels": load_levels,
    "load_s.generated": load_generated,
}


def _nest(results: dict[str, float]) -> dict:
    """{"load_s.levels": x} -> {"load_s": {"levels": x}}."""
    nested: dict = {}
    for name, value in results.items():
        group, _, key = name.partition(".")
        nested.setdefault(group, {})[key] = value
    return nested


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("figures", nargs="*", metavar="FIGURE",
                        help=f"only these figures (default: all of {', '.join(FIGURES)})")
    args = parser.parse_args(argv)
    unknown = [name for name in args.figures if name not in FIGURES]
    if unknown:
        parser.error(f"unknown figure {unknown[0]!r}; known: {', '.join(FIGURES)}")
    results = {}
    for name in args.figures or FIGURES:
        results[name] = round(FIGURES[name](), 4)
        if not args.json:
            print(f"{name} {results[name]}", flush=True)
    if args.json:
        print(json.dumps(_nest(results), sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
