"""`thaw play` (the default): open the game window, or play in the terminal with --text."""

from __future__ import annotations

import argparse
import importlib


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--text", action="store_true",
                        help="play in the terminal: numbers to choose, Enter to confirm")
    parser.add_argument("--mode", default=None,
                        help="chronology, sort, whose-view, campaign or mixed")
    parser.add_argument("--seed", type=int, default=None, help="replay the same deal")
    parser.add_argument("--pack", action="append", default=[], metavar="FILE",
                        help="also load this pack file, or an installed pack's id "
                             "(may be given more than once)")
    parser.add_argument("--only", action="store_true",
                        help="play only the packs given with --pack (and the packs they require)")
    parser.add_argument("--fullscreen", action="store_true", help="start in fullscreen")
    parser.add_argument("--window", default=None, metavar="WxH",
                        help="window size, e.g. 1280x720")


def run(args: argparse.Namespace) -> int:
    if getattr(args, "only", False) and not args.pack:
        print("thaw play: --only plays the packs given with --pack; give at least one "
              "(e.g. thaw play --pack my-pack.yaml --only)")
        return 2
    if args.text:
        return importlib.import_module("game.textplay").run(args)
    try:
        app = importlib.import_module("game.ui.app")
    except ModuleNotFoundError as error:
        if not (error.name or "").startswith("game.ui"):
            raise
        return _print_packs(args)
    return app.run(args)


def _print_packs(args: argparse.Namespace) -> int:
    """Until the screens exist: say what would be played."""
    from game.content.library import load_library

    library = load_library(extra=args.pack)
    for pack in library.packs:
        print(f"{pack.id}: {pack.title} ({len(pack.events)} events, "
              f"{len(pack.questions)} questions, {len(pack.levels)} levels)")
    for broken in library.broken:
        print(f"{broken.path}: broken: {broken.problems[0]}")
    print("The game window is not built yet; try `thaw play --text`.")
    return 0
