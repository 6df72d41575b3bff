"""`thaw extract [DOC...]`: what a timeline can be built from, as a pack skeleton or a list.

The finding is done by game.content.extract; this module only turns the findings into text.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from game import LEVELS_DIR, SEEDS_DIR
from game.content.extract import (DATE, EVENT, QUOTE, DocumentReport, Finding, Skeleton,
                                  extract_files, skeleton)

SHOWN_OCCURRENCES = 6  # an event's other occurrences listed in its comment


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("documents", nargs="*", metavar="DOC",
                        help="text documents or folders of *.txt (default: seeds/*.txt)")
    parser.add_argument("--format", choices=("yaml", "text"), default="yaml",
                        help="yaml: a skeleton to paste into a pack (default); "
                             "text: a list of findings per document")
    parser.add_argument("--out", metavar="FILE", help="write to FILE instead of the terminal")


def run(args: argparse.Namespace) -> int:
    paths = _documents(args.documents)
    reports, errors = extract_files(paths)
    for error in errors:
        print(error, file=sys.stderr)
    if not paths:
        print("thaw extract: error: no documents found", file=sys.stderr)
        return 1
    if reports:
        output = render_yaml(skeleton(reports, LEVELS_DIR)) if args.format == "yaml" \
            else render_text(reports)
        if args.out:
            try:
                Path(args.out).write_text(output, encoding="utf-8")
            except OSError as error:
                print(f"{args.out}: error: cannot write ({error.strerror or error})",
                      file=sys.stderr)
                return 1
            print(f"wrote {args.out} ({len(reports)} documents)")
        else:
            sys.stdout.write(output)
    return 1 if errors else 0


def _documents(given: list[str]) -> list[Path]:
    """The paths as given, a folder standing for its *.txt; by default the seeds, shortened."""
    if not given:
        return [_shorter(p) for p in sorted(SEEDS_DIR.glob("*.txt"))]
    paths: list[Path] = []
    for name in given:
        path = Path(name)
        paths += sorted(path.glob("*.txt")) if path.is_dir() else [path]
    return paths


def _shorter(path: Path) -> Path:
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


# --- YAML: a skeleton to paste into a pack ------------------------------------------------------
def render_yaml(plan: Skeleton) -> str:
    out = ["# Pack skeleton from `thaw extract`. Paste into a pack (format: 1), replace every",
           "# TODO, check each date against the source, then run `thaw validate`.",
           "sources:" if plan.sources else "sources: []"]
    for source in plan.sources:
        out += [f"  # {_comment(str(source.path))}",
                f"  - id: {source.id}",
                f"    file: {_q(source.file)}",
                f"    title: {_q(source.title)}",
                f"    kind: {_q(source.kind)}  # a guess"]
    out += ["", "events:" if plan.events else "events: []"]
    for event in plan.events:
        found = event.finding
        out += [f"  # {_where(found)} {_q(found.text)}{_also(event.also)}",
                f"  - id: {event.id}",
                f"    title: {_q(event.title)}"]
        if found.date:
            out.append(f"    date: {found.date}")
        else:
            vague = f"the source says {_q(found.note)}" if found.note else "none in this sentence"
            out.append(f"    # date: TODO ({_comment(vague)})")
        out += ['    summary: "TODO"',
                "    cite:",
                f"      source: {event.source_id}",
                f"      excerpt: {_q(found.sentence)}"]
    out += ["", "questions:" if plan.questions else "questions: []"]
    for question in plan.questions:
        found = question.finding
        said = f"attributed to {found.attribution}" if found.attribution else "no attribution"
        by = f"; paragraph by {found.author}" if found.author else ""
        out += [f"  # {_where(found)} {_comment(said + by)}",
                f"  #   in: {_comment(found.sentence)}",
                f"  - id: {question.id}",
                "    kind: whose-view",
                f"    quote: {_q(found.text)}",
                "    answer: TODO  # a perspective id",
                f"    cite: {{source: {question.source_id}}}",
                '    explain: "TODO"']
    return "\n".join(out) + "\n"


def _q(text: str) -> str:
    """A double-quoted YAML scalar on one line, whatever the text holds."""
    return yaml.safe_dump(text, default_style='"', allow_unicode=True,
                          width=float("inf")).strip()


def _comment(text: str) -> str:
    return " ".join(text.split())  # a line break would end the comment


def _where(finding: Finding) -> str:
    return f"{finding.document.name}:{finding.line}"


def _also(others: tuple[Finding, ...]) -> str:
    """'; also 004_x.txt:23,35 002_y.txt:9' -- lines grouped by document, the list capped."""
    if not others:
        return ""
    lines: dict[str, list[str]] = {}
    for found in others[:SHOWN_OCCURRENCES]:
        lines.setdefault(found.document.name, []).append(str(found.line))
    shown = " ".join(f"{name}:{','.join(numbers)}" for name, numbers in lines.items())
    more = f" and {len(others) - SHOWN_OCCURRENCES} more" if len(others) > SHOWN_OCCURRENCES else ""
    return f"; also {shown}{more}"


# --- text: the findings, document by document --------------------------------------------------
def render_text(reports: list[DocumentReport], width: int = 160) -> str:
    out = []
    for report in reports:
        out.append(f"{report.path}: {report.title} ({report.kind})")
        if not report.findings:
            out.append("     (nothing found)")
        previous = None
        for found in report.findings:
            out.append(f"  {found.line:4}  {found.kind:5}  {_describe(found)}")
            if (found.line, found.sentence) != previous:  # each sentence once, under its first
                sentence = _comment(found.sentence)
                if len(sentence) > width:
                    sentence = sentence[:width].rsplit(" ", 1)[0] + " …"
                out.append(f"               {sentence}")
            previous = (found.line, found.sentence)
        out.append("")
    return "\n".join(out)


def _describe(found: Finding) -> str:
    by = f" [paragraph by {found.author}]" if found.author else ""
    if found.kind == DATE:
        if not found.date:
            return f"{found.text} = {found.note} (a span of years)" + by
        return f"{found.text} = {found.date}" + (f" ({found.note})" if found.note else "") + by
    if found.kind == EVENT:
        when = found.date or found.note
        return f"{found.text} -> {found.event_id}" + (f" ({when})" if when else "") + by
    if found.kind == QUOTE:
        said = f" -- {found.attribution}" if found.attribution else ""
        return f"“{found.text}”{said}{by}"
    return found.text
