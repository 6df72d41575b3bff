"""`thaw results [FILE]`: what a classroom session says, for the next lesson.

Prints the standings and the questions (and timeline events) most teams got wrong, with
their right answers and why, taken from the packs loaded here. FILE defaults to the newest
results file in the results folder. Exit status 1, with a one-line reason and no
traceback, when there is no file or it cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Optional, TextIO

from game.classroom.summary import (StudentResult, Summary, most_missed, student_standings,
                                    summarize, team_means)
from game.content.safetext import TerminalWriter

BAR_WIDTH = 30


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", metavar="FILE",
                        help="a results file (.json or .csv); default: the newest one")
    parser.add_argument("--limit", type=int, default=10, metavar="N",
                        help="how many missed items to list (default 10)")


def run(args: argparse.Namespace, out: Optional[TextIO] = None,
        err: Optional[TextIO] = None, library=None) -> int:
    # Team names and pack text come from files others wrote: escape control characters.
    out, err = TerminalWriter(out or sys.stdout), TerminalWriter(err or sys.stderr)
    try:
        return _run(args, out, err, library)
    except Exception as error:  # never a traceback, whatever the file holds
        print(f"thaw results: unexpected error ({type(error).__name__}: {error}); "
              "please report it", file=err)
        return 1


def _run(args, out: TextIO, err: TextIO, library) -> int:
    from game.paths import results_dir
    from game.store.results import ResultsError, list_results, read_results
    if getattr(args, "file", None):
        path = Path(args.file)
    else:
        folder = results_dir()
        found = list_results(folder)
        if not found:
            print(f"thaw results: no results files in {folder} yet "
                  "(a classroom session writes one after every round)", file=err)
            return 1
        path = found[0]
    try:
        results = read_results(path)
    except ResultsError as error:
        print(f"thaw results: {error}", file=err)
        return 1
    summary = summarize(results.rows, results.teams)
    _print_header(results, out)
    students = student_standings(results.rows)
    if students:
        _print_students(students, out)
    else:
        _print_standings(summary, out)
    _print_missed(summary, max(0, int(getattr(args, "limit", 10) or 0)),
                  _answer_key(library), out)
    return 0


def _print_header(results, out: TextIO) -> None:
    print(f"Classroom results: {results.path}", file=out)
    if getattr(results, "from_backup", False):
        print(f"  Note: this file could not be read, so its backup from the save before "
              f"({results.read_from}) is shown; the last round may be missing.", file=out)
    settings = results.settings or {}
    facts = [f"status: {results.status}"]
    if results.started:
        facts.append(f"started {results.started}")
    if results.seed is not None:
        facts.append(f"seed {results.seed}")
    if settings.get("round_types"):
        facts.append("rounds: " + ", ".join(map(str, settings["round_types"])))
    if "timer" in settings:
        facts.append(f"timer {settings['timer']} s" if settings["timer"] else "no timer")
    print("  " + "; ".join(facts), file=out)
    print(file=out)


def _print_standings(summary: Summary, out: TextIO) -> None:
    print("Standings", file=out)
    if not summary.standings:
        print("  (no answers yet)", file=out)
        return
    top = max((t.points for t in summary.standings), default=0)
    name_w = max(len(t.team) for t in summary.standings)
    for place, team in enumerate(summary.standings, 1):
        bar = "#" * (round(BAR_WIDTH * team.points / top) if top > 0 and team.points > 0 else 0)
        print(f"  {place}. {team.team:<{name_w}}  {team.points:>4} points  "
              f"{team.right}/{team.answered} right  {bar}", file=out)
    share = f"{100 * summary.right // summary.answers}%" if summary.answers else "-"
    print(f"  The class: {summary.right} of {summary.answers} answers right ({share}).",
          file=out)
    print(file=out)


def _print_students(students: "tuple[StudentResult, ...]", out: TextIO) -> None:
    """A phone session: every student, then the teams by their mean per student."""
    print("Students (by share right, then points)", file=out)
    name_w = max(len(s.student) for s in students)
    for place, s in enumerate(students, 1):
        team = f"  ({s.team})" if s.team else ""
        print(f"  {place}. {s.student:<{name_w}}  {s.right}/{s.answered} right  "
              f"{round(100 * s.accuracy)}%  {s.points} points{team}", file=out)
    means = [m for m in team_means(students) if m[0]]
    if means:
        print("Teams (mean points per student)", file=out)
        for team, mean, count in means:
            print(f"  {team}: {mean:g} ({count} student{'s' if count != 1 else ''})", file=out)
    print(file=out)


def _print_missed(summary: Summary, limit: int, key, out: TextIO) -> None:
    items = most_missed(summary, limit)
    print("Most missed (re-teach these first)", file=out)
    if not items:
        print("  Nothing was missed.", file=out)
        return
    for number, item in enumerate(items, 1):
        teams = len(item.teams)
        who = ", ".join(item.teams)
        print(f"  {number}. [{item.round_type}] {item.item_id} -- missed by {teams} "
              f"team{'s' if teams != 1 else ''} ({who})", file=out)
        what, answer, why = key(item.item_id)
        if what:
            print(f"     {what}", file=out)
        print(f"     Right answer: {answer}", file=out)
        if why:
            print(f"     Why: {why}", file=out)
        if item.right_by:
            print(f"     Got right by: {', '.join(item.right_by)}", file=out)


def _answer_key(library):
    """id -> (what was asked, the right answer, why) from the packs loaded here."""
    if library is None:
        try:
            from game.content.library import load_library
            library = load_library()
        except Exception:   # noqa: BLE001 - the summary still prints without the packs
            library = None

    def look_up(item_id: str) -> tuple[str, str, str]:
        question = library.question(item_id) if library is not None else None
        if question is not None:
            if question.is_whose_view:
                view = library.perspective(question.answer)
                answer = view.name if view else question.answer
                asked = f"Whose view: \u201c{_short(question.quote)}\u201d"
            else:
                answer, asked = question.answer, _short(question.prompt)
            return asked, answer, _short(question.explain, 240)
        event = library.event(item_id) if library is not None else None
        if event is not None:
            return event.title, event.date.label(), _short(event.summary, 240)
        return "", "(not in the packs loaded here)", ""

    return look_up


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"
