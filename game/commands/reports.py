"""`thaw reports`: the "report a problem with this card" notes players left, for the
teacher or the pack's author: each with its pack, item id, file and line, and the note.

Reads reports.json in the user folder (THAW_HOME in tests). Exit status 0, also when
there are none yet (it says so); 1 with a one-line reason when the file cannot be read.
Text from the file is printed with control characters escaped, so nothing in it can
drive the terminal.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from typing import Optional, TextIO


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pack", metavar="ID", default=None,
                        help="only the reports on this pack's cards")


def shown(text: object) -> str:
    """Text safe for a terminal: control and format characters escaped (\\x1b, \\u202e)."""
    out = []
    for char in str(text):
        if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
            out.append(char.encode("unicode_escape").decode("ascii"))
        else:
            out.append(char)
    return "".join(out)


def run(args: argparse.Namespace, out: Optional[TextIO] = None,
        err: Optional[TextIO] = None) -> int:
    from game.paths import user_data_dir
    from game.store.reports import ReportsStore
    out, err = out or sys.stdout, err or sys.stderr
    store = ReportsStore(user_data_dir())
    reports = store.load()
    for notice in store.take_notices():
        print(f"thaw reports: {shown(notice)}", file=err)
    if store.path.exists() and not store.path.is_file():
        print(f"thaw reports: {shown(store.path)} is not a file", file=err)
        return 1
    wanted = getattr(args, "pack", None)
    if wanted:
        reports = tuple(r for r in reports if r.pack == wanted)
    if not reports:
        which = f" on pack {shown(wanted)}" if wanted else ""
        print(f"No reports{which} yet ({shown(store.path)}). Players add one with "
              "\"Report a problem with this card\" on a verdict.", file=out)
        return 0
    plural = "report" if len(reports) == 1 else "reports"
    print(f"{len(reports)} {plural} in {shown(store.path)} (oldest first):", file=out)
    for number, report in enumerate(reports, 1):
        where = shown(report.location) or "(file not found)"
        print(f"\n{number}. {shown(report.pack)}  {report.kind} {shown(report.item_id)}  "
              f"{where}", file=out)
        context = f", during {shown(report.where)}" if report.where else ""
        print(f"   reported {shown(report.time)}{context}", file=out)
        print(f"   {shown(report.note) or '(no note)'}", file=out)
    return 0
