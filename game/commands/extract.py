"""`thaw extract [DOC...]`: what a timeline can be built from, as a pack skeleton or a list.

The finding is done by game.content.extract; this module only turns the findings into text.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from game import SEEDS_DIR
from game.content.extract import (DATE, EVENT, QUOTE, DocumentReport, Finding, Skeleton,
                                  extract_files, skeleton, slug)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("documents", nargs="*", metavar="DOC",
                        help="text documents or folders of *.txt (default: seeds/*.txt)")
    parser.add_argument("--format", choices=("yaml", "text"), default="yaml",
                        help="yaml: a drafted pack that validates as it is (default); "
                             "text: a list of findings per document")
    parser.add_argument("--out", metavar="FILE",
                        help="write to FILE instead of the terminal; document paths are "
                             "written relative to FILE's folder (else to the current folder)")
    parser.add_argument("--pack-id", metavar="ID", help="the drafted pack's id "
                        "(default: from the file name of --out, or 'my-pack')")
    parser.add_argument("--title", help="the drafted pack's title")


def run(args: argparse.Namespace) -> int:
    paths = _documents(args.documents)
    reports, errors = extract_files(paths)
    for error in errors:
        print(error, file=sys.stderr)
    if not paths:
        print("thaw extract: error: no documents found", file=sys.stderr)
        return 1
    if reports:
        if args.format == "yaml":
            folder = Path(args.out).parent if args.out else Path.cwd()
            pack_id = args.pack_id or (slug(Path(args.out).stem, 6) if args.out else "") \
                or "my-pack"
            output = draft_pack(pack_id, args.title or reports[0].title, reports, folder)
        else:
            output = render_text(reports)
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


def draft_pack(pack_id: str, title: str, reports: list[DocumentReport], folder: Path) -> str:
    """A whole pack drafted from the documents, for a pack file in `folder`; it validates
    as it stands next to the installed packs (their ids are not reused)."""
    from game.content.library import load_library

    library = load_library()
    taken = {pack_id}
    for kind in ("events", "questions", "perspectives", "sources"):
        # Loaded ids may be qualified ('khrushchev-era:khrushchev'); the pack writes them bare.
        taken |= {item.id.rpartition(":")[2] for item in getattr(library, kind)()}
    taken |= {level.id for pack in library.packs for level in pack.levels}
    plan = skeleton(reports, folder, library.events(), taken, SEEDS_DIR)
    return render_yaml(plan, pack_id, title)


# --- YAML: a drafted pack -----------------------------------------------------------------------
def render_yaml(plan: Skeleton, pack_id: str = "my-pack", title: str = "My pack") -> str:
    names = ", ".join(s.path.name for s in plan.sources) or "no documents"
    out = [f"# Drafted by `thaw extract` from {_comment(names)}. It is a valid pack as it",
           "# stands, but every value is a draft: read each '# check' comment, put titles,",
           "# summaries and explanations in your own words, then run `thaw validate`.",
           "format: 1",
           f"pack: {pack_id}",
           f"title: {_q(title)}",
           "",
           "sources:" if plan.sources else "sources: []"]
    for source in plan.sources:
        out.append(f"  # {_comment(str(source.path))}")
        if not source.reachable:
            out.append(f"  # check: copy {_comment(source.path.name)} next to this pack and "
                       f"write file: {_comment(source.path.name)} (documents must be in the "
                       "pack's folder)")
        out += [f"  - id: {source.id}",
                f"    seed: {_q(source.seed)}  # bundled with the game" if source.seed
                else f"    file: {_q(source.file)}",
                f"    title: {_q(source.title)}",
                f"    kind: {_q(source.kind)}  # a guess"]
    out += ["", "perspectives:" if plan.perspectives else "perspectives: []"]
    for person in plan.perspectives:
        out += [f"  # check: is '{_comment(person.name)}' the right name? Write their view in "
                "one sentence (shown after each answer).",
                f"  - id: {person.id}",
                f"    name: {_q(person.name)}",
                f"    view: {_q(f'{person.name}, as quoted in {person.source_title}.')}"]
    out += ["", "events:" if plan.events else "events: []"]
    for event in plan.events:
        found = event.finding
        out.append(f"  # {_where(found)} {_q(found.text)}"
                   + (f" ({_comment(found.note)})" if found.note else ""))
        out += [f"  # check: {_comment(check)}" for check in event.checks]
        out += [f"  - id: {event.id}",
                f"    title: {_q(event.title)}  # check: a short title",
                f"    date: {found.date}",
                f"    summary: {_q(_shorten(found.sentence))}  # check: in your own words",
                "    cite:",
                f"      source: {event.source_id}",
                f"      excerpt: {_q(found.sentence)}"]
    out += ["", "questions:" if any(q.answer for q in plan.questions) else "questions: []"]
    for question in plan.questions:
        found = question.finding
        said = f"attributed to {found.attribution}" if found.attribution else "no speaker found"
        by = f"; paragraph by {found.author}" if found.author else ""
        lines = [f"- id: {question.id}",
                 "  kind: whose-view",
                 f"  quote: {_q(found.text)}",
                 f"  answer: {question.answer or '???'}" + ("  # check" if question.answer else
                                                           "  # a perspective id"),
                 f"  cite: {{source: {question.source_id}}}",
                 f"  explain: {_q(_explain(found, plan, question))}  # check: why this person"]
        out += [f"  # {_where(found)} {_comment(said + by)}",
                f"  #   in: {_comment(found.sentence)}"]
        if question.answer:
            out += ["  " + line for line in lines]
        else:
            out.append("  # To use it: uncomment, and give the answer (a perspective id"
                       + (", after adding at least two perspectives)" if len(plan.perspectives) < 2
                          else ")"))
            out += ["  # " + line for line in lines]
    if plan.levels:
        out += ["", "levels:"]
        for level in plan.levels:
            out += [f"  - id: {level.id}",
                    f"    title: {_q(level.title)}  # check",
                    "    rounds:"]
            if level.events:
                out.append(f"      - timeline: [{', '.join(level.events)}]")
            if level.questions:
                out.append(f"      - questions: [{', '.join(level.questions)}]")
    return "\n".join(out) + "\n"


def _shorten(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _explain(found: Finding, plan: Skeleton, question) -> str:
    person = next((p.name for p in plan.perspectives if p.id == question.answer), None)
    where = f"{found.document.name}, line {found.line}"
    return f"{where}: the document quotes {person} here." if person else f"{where}."


def _q(text: str) -> str:
    """A double-quoted YAML scalar on one line, whatever the text holds."""
    return yaml.safe_dump(text, default_style='"', allow_unicode=True,
                          width=float("inf")).strip()


def _comment(text: str) -> str:
    return " ".join(text.split())  # a line break would end the comment


def _where(finding: Finding) -> str:
    return f"{finding.document.name}:{finding.line}"


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
        note = f"; {found.note}" if found.note else ""
        return f"{found.title} ({found.date}{note}) -> {found.event_id}" + by
    if found.kind == QUOTE:
        said = f" -- {found.attribution}" if found.attribution else ""
        return f"“{found.text}”{said}{by}"
    return found.text
