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
    # Imported here, not at the top: `thaw play --text` must not load pygame.
    if args.text:
        return importlib.import_module("game.textplay").run(args)
    return importlib.import_module("game.ui.app").run(args)
