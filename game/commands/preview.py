"""`thaw preview PACK`: open the window on one pack alone, every level open, to try it out.

The pack (and the packs it requires) are all the window loads; the preview screen lists
its levels, events and questions to jump to any of them, and reads the file again each
time it is saved, showing its errors (file:line:column) while keeping the last good version.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("pack", metavar="PACK", help="the pack file (.yaml) to preview")
    parser.add_argument("--window", metavar="WxH", help="window size, e.g. 1280x720")


def run(args: argparse.Namespace) -> int:
    path = Path(args.pack)
    if not path.is_file():
        print(f"thaw preview: {path}: no such pack file (give the .yaml file)", file=sys.stderr)
        return 1
    from game.ui.app import preview
    return preview(path, getattr(args, "window", None))
