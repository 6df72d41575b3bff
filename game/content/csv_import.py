"""A spreadsheet (CSV) to a pack: one row per event, question or perspective.

Accepts what spreadsheets save: UTF-8 with or without a byte-order mark, comma, semicolon
or tab between cells, CRLF line ends, quoted cells holding line breaks. Headers may come in
any case and order. Every problem names the row and the column as the spreadsheet shows
them ("row 5, column D (date)"), and all of them are listed at once. Pure: text in, the
pack's YAML text out; the command reads and writes the files.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Callable, Optional

import yaml

from game.content.dates import read_loosely as parse_date
from game.content.extract import slug, unique_id
from game.content.loader.schema import suggest
from game.ids import ID_PATTERN

COLUMNS = ("type", "id", "date", "end", "title", "summary", "quote", "prompt", "answer",
           "choices", "explain", "source", "excerpt", "name", "view", "role")
TYPES = {"event": "event", "whose-view": "whose-view", "whose view": "whose-view",
         "choice": "choice", "perspective": "perspective"}
REQUIRED = {"event": ("title", "date", "summary", "source", "excerpt"),
            "whose-view": ("quote", "answer", "source", "explain"),
            "choice": ("prompt", "choices", "answer", "explain"),
            "perspective": ("name", "view")}
ALLOWED = {"event": {"type", "id", "date", "end", "title", "summary", "source", "excerpt"},
           "whose-view": {"type", "id", "quote", "answer", "choices", "explain", "source",
                          "excerpt"},
           "choice": {"type", "id", "prompt", "quote", "choices", "answer", "explain",
                      "source", "excerpt"},
           "perspective": {"type", "id", "name", "view", "role"}}


class CsvError(Exception):
    """Every problem of the spreadsheet, one per line (str() is the list)."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class _Row:
    number: int                       # as the spreadsheet numbers it (the header is row 1)
    cells: dict[str, str]             # column -> text
    letters: dict[str, str]           # column -> its letter (A, B, ...)
    kind: str = ""
    id: str = ""
    extra: dict = field(default_factory=dict)


def decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CsvError([f"{name}: not UTF-8 text (byte 0x{data[error.start]:02x} at offset "
                            f"{error.start}); in your spreadsheet choose 'Save as' > "
                            "'CSV UTF-8 (comma delimited)'"]) from None


def delimiter(text: str) -> str:
    """The cell separator the header line uses: the most frequent of ; , and tab."""
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else ","


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def csv_to_pack(text: str, name: str, pack_id: str, title: str,
                title_of: Callable[[str], Optional[str]] = lambda file: None) -> str:
    """The YAML text of a pack built from the CSV text; CsvError lists every problem.

    `title_of(file)` gives a cited document's title (its first line, when the command can
    read it); None falls back to the file's name."""
    rows, problems = _read(text, name)
    if not problems:
        _check_rows(rows, name, problems)
    if problems:
        raise CsvError(problems)
    return _render(rows, pack_id, title, name, title_of)


# --- reading ---------------------------------------------------------------------------------
def _read(text: str, name: str) -> tuple[list[_Row], list[str]]:
    problems: list[str] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text))
    try:
        records = list(reader)
    except csv.Error as error:
        return [], [f"{name}: row {reader.line_num}: cannot be read as CSV ({error})"]
    if not records or not any(cell.strip() for cell in records[0]):
        return [], [f"{name}: row 1: no header row; the first row names the columns, e.g. "
                    "type, id, date, title, summary, quote, answer, explain, source, excerpt"]
    header: dict[int, str] = {}
    for index, cell in enumerate(records[0]):
        column = " ".join(cell.strip().lower().replace("_", " ").split())
        column = {"kind": "type"}.get(column, column)
        if not column:
            continue
        if column not in COLUMNS:
            close = suggest(column, COLUMNS)
            problems.append(f"{name}: row 1, column {column_letter(index)}: unknown column "
                            f"'{cell.strip()}'{close}; the columns are {', '.join(COLUMNS)}")
        elif column in header.values():
            problems.append(f"{name}: row 1, column {column_letter(index)}: the column "
                            f"'{column}' is given twice")
        else:
            header[index] = column
    if "type" not in header.values():
        problems.append(f"{name}: row 1: no 'type' column (event, whose-view, choice or "
                        "perspective on every row)")
    rows = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue  # a blank row
        cells = {}
        letters = {column: column_letter(index) for index, column in header.items()}
        for index, cell in enumerate(record):
            if index in header and cell.strip():
                cells[header[index]] = cell.replace("\r\n", "\n").replace("\r", "\n").strip()
            elif index not in header and cell.strip() and index >= len(records[0]):
                problems.append(f"{name}: row {number}, column {column_letter(index)}: a cell "
                                "beyond the last named column (a stray separator?)")
        rows.append(_Row(number, cells, letters))
    return rows, problems


# --- checking ----------------------------------------------------------------------------------
def _check_rows(rows: list[_Row], name: str, problems: list[str]) -> None:
    taken: set[str] = set()
    columns = {c for row in rows for c in row.letters} | {"type"}

    def where(row: _Row, column: str) -> str:
        letter = row.letters.get(column)
        return (f"{name}: row {row.number}, column {letter} ({column})" if letter
                else f"{name}: row {row.number} ({column})")

    for row in rows:
        kind = row.cells.get("type", "").lower().replace("_", "-")
        row.kind = TYPES.get(kind) or TYPES.get(kind.replace("-", " "), "")
        if not row.kind:
            problems.append(f"{where(row, 'type')}: type '{row.cells.get('type', '')}' is not "
                            "one of event, whose-view, choice, perspective")
            continue
        for column in REQUIRED[row.kind]:
            if column == "prompt" and "quote" in row.cells:
                continue
            if column not in row.cells:
                problems.append(f"{where(row, column)}: a {row.kind} row needs '{column}'"
                                + ("" if column in columns else f" (add a '{column}' column)"))
        for column in row.cells:
            if column not in ALLOWED[row.kind]:
                problems.append(f"{where(row, column)}: a {row.kind} row has no '{column}'; "
                                f"leave this cell empty")
        for column in ("date", "end"):
            if column in row.cells and row.kind == "event":
                iso, error = parse_date(row.cells[column])
                if error:
                    problems.append(f"{where(row, column)}: {error}")
                else:
                    row.extra[column] = iso
        wanted = row.cells.get("id", "")
        if wanted:
            if not ID_PATTERN.match(wanted):
                problems.append(f"{where(row, 'id')}: id '{wanted}' must be lowercase letters, "
                                "digits and dashes, like 'bay-of-pigs' (or leave it empty)")
            elif wanted in taken:
                problems.append(f"{where(row, 'id')}: id '{wanted}' is used by an earlier row")
            taken.add(wanted)
            row.id = wanted
    for row in rows:  # made-up ids after the given ones, so they never take a given one
        if row.kind and not row.id:
            text = (row.cells.get("title") or row.cells.get("name") or row.cells.get("quote")
                    or row.cells.get("prompt") or row.kind)
            prefix = "q-" if row.kind in ("whose-view", "choice") else ""
            row.id = unique_id(prefix + (slug(text) or row.kind), taken)
    _check_answers(rows, where, problems)


def _check_answers(rows, where, problems: list[str]) -> None:
    people = [r for r in rows if r.kind == "perspective"]
    by_key = {}
    for person in people:
        by_key[person.id] = person.id
        by_key.setdefault(person.cells.get("name", "").lower(), person.id)
    for row in rows:
        if row.kind == "whose-view":
            choices = _split(row.cells.get("choices", ""))
            for column, values in (("answer", [row.cells.get("answer", "")]), ("choices", choices)):
                resolved = []
                for value in values:
                    if not value:
                        continue
                    person = by_key.get(value.lower()) or by_key.get(slug(value, 6))
                    if person is None:
                        known = ", ".join(p.id for p in people) or "none yet"
                        problems.append(f"{where(row, column)}: '{value}' is not a perspective "
                                        f"of this spreadsheet (their ids: {known}); add a "
                                        "perspective row or use one of those")
                    resolved.append(person)
                row.extra[column] = resolved
            answer = row.extra["answer"]
            if choices and answer and answer[0] not in row.extra["choices"]:
                problems.append(f"{where(row, 'answer')}: the answer is not among the choices")
        elif row.kind == "choice":
            choices = _split(row.cells.get("choices", ""))
            row.extra["choices"] = choices
            if choices and len(choices) < 2:
                problems.append(f"{where(row, 'choices')}: give at least 2 choices, separated "
                                "by |")
            answer = row.cells.get("answer", "")
            if answer and choices and answer not in choices:
                close = suggest(answer, choices)
                problems.append(f"{where(row, 'answer')}: the answer '{answer}' is not one of "
                                f"the choices{close}")
    if any(r.kind == "whose-view" for r in rows) and len(people) < 2:
        first = next(r for r in rows if r.kind == "whose-view")
        problems.append(f"{where(first, 'answer')}: whose-view questions need at least 2 "
                        "perspective rows to choose from")


# --- writing -------------------------------------------------------------------------------------
def _render(rows: list[_Row], pack_id: str, title: str, name: str,
            title_of: Callable[[str], Optional[str]]) -> str:
    sources: dict[str, str] = {}
    for row in rows:
        file = row.cells.get("source")
        if file and file not in sources:
            sources[file] = unique_id(slug(file.rsplit(".", 1)[0]) or "source", set(sources.values()))
    out = [f"# Made by `thaw import` from {name}; each item says which row it came from.",
           "format: 1", f"pack: {pack_id}", f"title: {_q(title)}", "",
           "sources:" if sources else "sources: []"]
    for file, source_id in sources.items():
        out += [f"  - id: {source_id}", f"    file: {_q(file)}",
                f"    title: {_q(title_of(file) or file.rsplit('.', 1)[0])}"]
    sections = (("perspectives", ("perspective",)), ("events", ("event",)),
                ("questions", ("whose-view", "choice")))
    for section, kinds in sections:
        chosen = [r for r in rows if r.kind in kinds]
        out += ["", f"{section}:" if chosen else f"{section}: []"]
        for row in chosen:
            out.append(f"  # row {row.number}")
            out += ["  " + line for line in _item(row, sources)]
    return "\n".join(out) + "\n"


def _item(row: _Row, sources: dict[str, str]) -> list[str]:
    cells = row.cells
    lines = [f"- id: {row.id}"]
    if row.kind == "perspective":
        lines += [f"  name: {_q(cells['name'])}"]
        if "role" in cells:
            lines.append(f"  role: {_q(cells['role'])}")
        lines.append(f"  view: {_q(cells['view'])}")
        return lines
    if row.kind == "event":
        lines += [f"  title: {_q(cells['title'])}", f"  date: {_q(row.extra['date'])}"]
        if "end" in row.extra:
            lines.append(f"  end: {_q(row.extra['end'])}")
        lines.append(f"  summary: {_q(cells['summary'])}")
    elif row.kind == "whose-view":
        lines += ["  kind: whose-view", f"  quote: {_q(cells['quote'])}",
                  f"  answer: {row.extra['answer'][0]}"]
        if row.extra.get("choices"):
            lines.append(f"  choices: [{', '.join(row.extra['choices'])}]")
    else:
        lines += ["  kind: choice", f"  prompt: {_q(cells.get('prompt') or cells['quote'])}",
                  "  choices:"] + [f"    - {_q(c)}" for c in row.extra["choices"]]
        lines.append(f"  answer: {_q(cells['answer'])}")
    if "source" in cells:
        cite = f"  cite: {{source: {sources[cells['source']]}"
        if "excerpt" in cells:
            cite += f", excerpt: {_q(cells['excerpt'])}"
        lines.append(cite + "}")
    if "explain" in cells:
        lines.append(f"  explain: {_q(cells['explain'])}")
    return lines


def _q(text: str) -> str:
    """A double-quoted YAML scalar: any text, line breaks included, stays as written."""
    return yaml.safe_dump(text, default_style='"', allow_unicode=True,
                          width=float("inf")).strip()


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split("|") if part.strip()]
