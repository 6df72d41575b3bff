"""`thaw import FILE.csv -o PACK.yaml`: a spreadsheet to a pack, checked like any pack.

The rows are turned into YAML by game.content.csv_import; the pack is then validated where
it is written, so a teacher sees at once whether the excerpts occur in the documents.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from game.content.csv_import import CsvError, csv_to_pack, decode
from game.content.extract import document_title, slug

MAX_BYTES = 5_000_000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("csv", metavar="FILE.csv", help="the spreadsheet, saved as CSV")
    parser.add_argument("-o", "--out", required=True, metavar="PACK.yaml",
                        help="the pack to write (its documents go in the same folder)")
    parser.add_argument("--pack-id", metavar="ID", help="the pack id (default: from PACK.yaml)")
    parser.add_argument("--title", help="the pack's title (default: from PACK.yaml)")
    parser.add_argument("--force", action="store_true", help="overwrite PACK.yaml if it exists")


def _document_title(file: str, *folders: Path) -> str | None:
    """The title a cited document gives itself (its first line), read from the pack's folder
    or the spreadsheet's; None when it is not there yet (the file name stands in)."""
    for folder in folders:
        path = folder / file
        try:
            if path.is_file() and path.stat().st_size <= MAX_BYTES:
                lines = path.read_text(encoding="utf-8", errors="replace").splitlines()[:40]
                title = document_title(lines)
                return title if title != "Untitled" else None
        except OSError:
            continue
    return None


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    source, target = Path(args.csv), Path(args.out)
    try:
        if source.stat().st_size > MAX_BYTES:
            print(f"{source}: error: larger than {MAX_BYTES // 1_000_000} MB", file=out)
            return 1
        data = source.read_bytes()
    except OSError as error:
        print(f"{source}: error: {error.strerror or error}", file=out)
        return 1
    if target.suffix.lower() not in (".yaml", ".yml"):
        print(f"{target}: error: the pack file must end in .yaml", file=out)
        return 2
    if target.exists() and not args.force:
        print(f"{target}: error: already exists; add --force to overwrite it", file=out)
        return 1
    pack_id = args.pack_id or slug(target.stem, 6) or "my-pack"
    title = args.title or target.stem.replace("-", " ").replace("_", " ").capitalize()
    try:
        text = csv_to_pack(decode(data, str(source)), str(source), pack_id, title,
                           title_of=lambda file: _document_title(file, target.parent, source.parent))
    except CsvError as error:
        for problem in error.problems:
            print(problem, file=out)
        print(f"Not written: {len(error.problems)} problem"
              f"{'s' if len(error.problems) != 1 else ''} in {source}.", file=out)
        return 1
    target.write_text(text, encoding="utf-8")
    print(f"Wrote {target} from {source}.", file=out)
    from game.commands.validate import run as validate
    return validate(argparse.Namespace(paths=[str(target)]), out)
