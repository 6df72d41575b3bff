"""A large generated pack, for the loading benchmark and for tests of scale.

Deterministic for a seed. Every event and question cites its own sentence of a generated
document written next to the pack, so the pack is valid and exercises every check.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

_WORDS = ("plenum", "tractor", "harvest", "congress", "reform", "sputnik", "virgin", "lands",
          "thaw", "speech", "missile", "treaty", "factory", "poet", "kolkhoz", "ministry",
          "delegate", "archive", "rocket", "corn", "housing", "committee", "border", "summit")
PERSPECTIVES = ("khrushchev", "historian", "forum-ml", "student-blog", "popular-blog", "explainer")
FIRST_DAY, LAST_DAY = dt.date(1953, 1, 1), dt.date(1964, 12, 31)


def _sentence(rng: random.Random, number: int) -> str:
    words = " ".join(rng.choice(_WORDS) for _ in range(5))
    return f"Passage {number}: the {words} changed \u201cthat year\u201d."


def write_synthetic_pack(folder: Path | str, events: int = 2000, questions: int = 5000,
                         seed: int = 1956, name: str = "synthetic") -> Path:
    """Write `<name>.yaml` and its document `<name>-source.txt` into `folder`."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    sentences = [_sentence(rng, n) for n in range(events + questions)]
    lines = []
    for start in range(0, len(sentences), 6):  # paragraphs of six sentences
        lines.append(" ".join(sentences[start:start + 6]))
    (folder / f"{name}-source.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")

    span = (LAST_DAY - FIRST_DAY).days + 1
    days = sorted(rng.sample(range(span), min(events, span)))
    out = ["format: 1", f"pack: {name}", 'title: "A generated pack"',
           "sources:", "  - id: generated", f"    file: {name}-source.txt",
           '    title: "A generated document"', "    kind: generated", "perspectives:"]
    for ident in PERSPECTIVES:
        out += [f"  - id: {ident}", f'    name: "{ident.replace("-", " ").title()}"',
                f'    view: "What {ident} thinks."']
    out.append("events:")
    for number in range(events):
        date = FIRST_DAY + dt.timedelta(days=days[number % len(days)])
        # Straight quotes in the excerpt, curly in the document: the folding is exercised.
        excerpt = sentences[number].replace("\u201c", '\\"').replace("\u201d", '\\"')
        out += [f"  - id: event-{number}", f'    title: "Event number {number}"',
                f"    date: {date.isoformat()}", f'    summary: "What happened in event {number}."',
                f'    cite: {{source: generated, excerpt: "{excerpt}"}}']
    out.append("questions:" if questions else "questions: []")
    for number in range(questions):
        quote = sentences[events + number].replace("\u201c", '\\"').replace("\u201d", '\\"')
        if number % 5 == 4:
            out += [f"  - id: question-{number}", "    kind: choice",
                    f'    prompt: "Which is right about question {number}?"',
                    f'    choices: ["Answer A{number}", "Answer B{number}", "Answer C{number}"]',
                    f'    answer: "Answer B{number}"',
                    f'    cite: {{source: generated, excerpt: "{quote}"}}',
                    '    explain: "Because the document says so."']
        else:
            answer = PERSPECTIVES[number % len(PERSPECTIVES)]
            others = [p for p in PERSPECTIVES if p != answer][:3]
            out += [f"  - id: question-{number}", f'    quote: "{quote}"',
                    f"    answer: {answer}", f"    choices: [{answer}, {', '.join(others)}]",
                    "    cite: {source: generated}", '    explain: "The wording gives it away."']
    starts = range(0, min(events, questions) - 5, 50)
    if starts:
        out.append("levels:")
    for number in starts:
        out += [f"  - id: level-{number}", f'    title: "Level {number}"', "    rounds:",
                f"      - timeline: [{', '.join(f'event-{n}' for n in range(number, number + 5))}]",
                f"      - questions: [{', '.join(f'question-{n}' for n in range(number, number + 5))}]",
                "      - timeline: {from: 1953, to: 1964, count: 5}"]
    path = folder / f"{name}.yaml"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def write_synthetic_packs(folder: Path | str, events: int, questions: int = 0,
                          per_pack: int = 2500) -> list[Path]:
    """As many packs as `events` needs, `per_pack` events each (a pack file is capped at
    2 MB), the questions spread over them. Each pack has its own id, document and seed."""
    count = max(1, -(-events // per_pack))
    paths = []
    for number in range(count):
        share_events = events // count + (1 if number < events % count else 0)
        share_questions = questions // count + (1 if number < questions % count else 0)
        paths.append(write_synthetic_pack(folder, share_events, share_questions,
                                          seed=1956 + number, name=f"synthetic-{number + 1}"))
    return paths
