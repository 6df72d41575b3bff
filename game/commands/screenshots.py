"""`thaw screenshots OUTDIR`: render every screen and state to PNG files, headless.

The screens are driven through the same events a player makes (keys, clicks, drags),
never by setting their state. A temporary user folder is used, so the player's own
settings and progress are neither read nor changed.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from pathlib import Path

DEFAULT_SIZES = ("1024x640", "1920x1080")

BROKEN_PACK = """\
format: 1
pack: broken-example
title: "A deliberately broken pack"
events:
  - id: bad-date
    title: "An event on a day that never was"
    date: 1956-02-30
    summary: "February has no 30th."
    cite: {source: nowhere, excerpt: "nothing"}
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("outdir", help="folder for the PNG files (created if missing)")
    parser.add_argument("--size", action="append", default=None, metavar="WxH",
                        help="window size (may be repeated; default 1024x640 and 1920x1080)")
    parser.add_argument("--seed", type=int, default=7, help="the deal to show (default 7)")
    parser.add_argument("--home", default=None, metavar="DIR",
                        help="keep the user folders in DIR/<size> (new or empty) instead of temporary "
                             "ones; paths shown on screen then stay the same from run to run")


def run(args: argparse.Namespace) -> int:
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.ui.app import parse_size
    try:
        sizes = [parse_size(s) for s in (args.size or DEFAULT_SIZES)]
    except ValueError as error:
        print(f"thaw screenshots: {error}", file=sys.stderr)
        return 2
    home = getattr(args, "home", None)
    used = [Path(home, f"{w}x{h}") for w, h in sizes] if home else []
    if any(p.exists() and (not p.is_dir() or any(p.iterdir())) for p in used):
        print(f"thaw screenshots: --home {home}: its size folders must be new or empty", file=sys.stderr)
        return 2
    outdir = Path(args.outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    from game.tools.classroom_tour import classroom_shots
    from game.tools.kinds_tour import kinds_shots
    from game.tools.phones_tour import phones_shots
    from game.tools.tour import take_all
    written = []
    for size in sizes:
        # A fresh user folder per size, so every size shows the same states (a played
        # mode would otherwise be remembered and move the focus in the next size's shots).
        with _fresh_thaw_home(home, size) as home:
            broken = Path(home) / "broken-example.yaml"
            broken.write_text(BROKEN_PACK, encoding="utf-8")
            written += take_all(outdir, size, args.seed, extra_packs=[str(broken)])
            written += classroom_shots(outdir, size, args.seed, extra_packs=[str(broken)])
            written += phones_shots(outdir, size, args.seed, extra_packs=[str(broken)])
            written += kinds_shots(outdir, size, args.seed)
    for path in written:
        print(path)
    return 0


@contextlib.contextmanager
def _fresh_thaw_home(base=None, size=(0, 0)):
    """A temporary THAW_HOME (or base/WxH, which must be new or empty), so the tour never
    touches the player's own settings."""
    previous = os.environ.get("THAW_HOME")
    with contextlib.ExitStack() as stack:
        if base is None:
            home = stack.enter_context(tempfile.TemporaryDirectory(prefix="thaw-shots-"))
        else:
            home = os.path.join(base, f"{size[0]}x{size[1]}")
            os.makedirs(home, exist_ok=True)
        os.environ["THAW_HOME"] = home
        try:
            yield home
        finally:
            if previous is None:
                os.environ.pop("THAW_HOME", None)
            else:
                os.environ["THAW_HOME"] = previous
