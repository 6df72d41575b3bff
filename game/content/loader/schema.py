"""What each mapping of a pack may hold, and reading a mapping against its key table.

Nothing here knows about ids across entries or about documents: `FieldReader.fields` turns
one YAML mapping into a dict of typed values and reports every key it cannot use.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Iterable, Optional

from game.content import limits
from game.content.dates import DateError, PartialDate
from game.content.problems import Problem
from game.ids import ID_HINT, ID_PATTERN
from game.content.yamlsafe import ODD_NUMBER, Position, YList, YMap

FORMAT = 1
# ID_PATTERN and ID_HINT live in game/ids.py (the settings store checks ids with them too).
#: A reference: an id, or 'pack-id:id' for the item of that id in a given pack.
REF_PATTERN = re.compile(r"^(?:[a-z0-9]+(?:-+[a-z0-9]+)*:)?[a-z0-9]+(?:-+[a-z0-9]+)*$")
REF_HINT = ID_HINT + ", or 'pack-id:id' for the one of a given pack"

#: key -> (expected type, required). Types: text, id, ids, ref, refs, texts, int, date,
#: map, list, any. A ref names something defined elsewhere: 'id' or 'pack-id:id'.
KeyTable = dict[str, tuple[str, bool]]

TOP_KEYS: KeyTable = {
    "format": ("int", True), "pack": ("id", True), "title": ("text", True),
    "description": ("text", False), "requires": ("ids", False),
    "sources": ("list", False), "perspectives": ("list", False),
    "events": ("list", False), "questions": ("list", False), "levels": ("list", False)}
# A source gives exactly one of `file` (relative to the pack) and `seed` (a bundled document).
SOURCE_KEYS: KeyTable = {"id": ("id", True), "file": ("text", False), "seed": ("text", False),
                         "title": ("text", False), "kind": ("text", False)}
PERSPECTIVE_KEYS: KeyTable = {"id": ("id", True), "name": ("text", True), "view": ("text", True),
                              "role": ("text", False)}
EVENT_KEYS: KeyTable = {"id": ("id", True), "title": ("text", True), "date": ("date", True),
                        "end": ("date", False), "summary": ("text", True), "cite": ("map", True),
                        "source_says": ("text", False)}
QUESTION_KEYS: KeyTable = {"id": ("id", True), "kind": ("text", False), "quote": ("text", False),
                           "prompt": ("text", False), "answer": ("text", True),
                           "choices": ("texts", False), "cite": ("map", False),
                           "explain": ("text", True)}
CITE_KEYS: KeyTable = {"source": ("ref", True), "excerpt": ("text", False)}
LEVEL_KEYS: KeyTable = {"id": ("id", True), "title": ("text", True), "intro": ("text", False),
                        "rounds": ("list", True)}
ROUND_KEYS: KeyTable = {"timeline": ("any", False), "questions": ("refs", False)}
DRAW_KEYS: KeyTable = {"from": ("int", True), "to": ("int", True), "count": ("int", True)}

EXPECTED = {"text": "text", "id": "an id", "ids": "a list of ids", "ref": "an id",
            "refs": "a list of ids", "texts": "a list of texts",
            "int": "a whole number", "date": "a date", "map": "a mapping (key: value lines)",
            "list": "a list ('- ' items)", "any": "a value"}


class Reporter:
    """Collects the problems of one file, each at a (line, column)."""

    def __init__(self, display: str, problems: list[Problem]):
        self.display = display
        self.problems = problems

    def error(self, at: Position, message: str) -> None:
        self.problems.append(Problem(self.display, at[0], at[1], message))

    def warn(self, at: Position, message: str) -> None:
        self.problems.append(Problem(self.display, at[0], at[1], message, "warning"))

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)


class FieldReader:
    """Reads mappings against key tables, reporting unknown, missing and mistyped keys."""

    def __init__(self, report: Reporter):
        self.report = report

    def fields(self, node: Any, at: Position, what: str, keys: KeyTable) -> Optional[dict]:
        """Known keys of `node` converted to their types; problems reported for the rest."""
        if not isinstance(node, YMap):
            self.report.error(at, f"{what} must be a mapping of 'key: value' lines, not {describe(node)}")
            return None
        values: dict[str, Any] = {}
        for key in node:
            name = str(key)
            if name not in keys:
                hint = suggest(name, keys) or f" (expected one of: {', '.join(keys)})"
                self.report.error(node.key_at(key), f"{what}: unknown key '{name}'{hint}")
                continue
            converted = self.convert(node[key], keys[name][0], node.value_at(key), what, name)
            if converted is not None:
                values[name] = converted
        for name, (_, required) in keys.items():
            if required and name not in node:
                self.report.error(node.position, f"{what}: missing required key '{name}'")
        return values

    def convert(self, value: Any, kind: str, at: Position, what: str, key: str) -> Any:
        """The value as `kind`, or None after reporting why it is not one."""
        def wrong() -> None:
            self.report.error(at, f"{what}: '{key}' must be {EXPECTED[kind]}, not {describe(value)}")

        if value is None or value == "":
            self.report.error(at, f"{what}: '{key}' is empty")
            return None
        if kind == "any":
            return value
        if kind in ("text", "id", "ref"):
            text = as_text(value)
            if text is None:
                return wrong()
            if kind == "id" and not ID_PATTERN.match(text):
                self.report.error(at, f"{what}: {key} '{short(text, 60)}' is not a valid id ({ID_HINT})")
                return None
            refused = limits.id_problem(text) if kind == "id" else limits.text_problem(key, text)
            if refused:
                self.report.error(at, f"{what}: '{key}' {refused}")
                return None
            if kind == "ref" and not REF_PATTERN.match(text):
                self.report.error(at, f"{what}: {key} '{text}' is not a valid id ({REF_HINT})")
                return None
            return text
        if (isinstance(value, YList) and (kind in ("ids", "refs", "texts") or key == "rounds")
                and limits.list_problem(key, len(value))):
            self.report.error(at, f"{what}: '{key}' {limits.list_problem(key, len(value))}")
            return None
        if kind in ("ids", "refs", "texts"):
            if isinstance(value, str) and kind != "texts":
                value, positions = [value], [at]  # `requires: other-pack` is a list of one
            elif isinstance(value, YList):
                positions = [value.item_at(i) for i in range(len(value))]
            else:
                return wrong()
            items = []
            one = {"ids": "id", "refs": "ref", "texts": "text"}[kind]
            for item, where in zip(value, positions):
                text = self.convert(item, one, where, what, key)
                if text is not None:
                    items.append((text, where))
            return items
        if kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                return wrong()
            if key == "count" and value > limits.MAX_ROUND_ITEMS:
                self.report.error(at, f"{what}: 'count' is {value:,}; a round deals at most "
                                      f"{limits.MAX_ROUND_ITEMS} cards ({limits.LIMITS_HINT})")
                return None
            return value
        if kind == "date":
            try:
                return PartialDate.parse(value)
            except DateError as error:
                self.report.error(at, f"{what}: {key} {error}")
                return None
        if kind == "map":
            return value if isinstance(value, YMap) else wrong()
        if kind == "list":
            return value if isinstance(value, YList) else wrong()
        raise AssertionError(kind)

    @staticmethod
    def items(data: YMap, key: str) -> list[tuple[int, Any, Position]]:
        """(index, node, position) of each entry of the list under `key`; [] if it is no list
        (a wrong type was reported by fields())."""
        section = data.get(key)
        if not isinstance(section, YList):
            return []
        # Past limits.MAX_ITEMS (an error, see check_section_sizes) nothing more is built.
        return [(index, section[index], section.item_at(index))
                for index in range(min(len(section), limits.MAX_ITEMS))]

    def check_section_sizes(self, data: Any, keys: Iterable[str]) -> None:
        """A section (sources, events, ...) longer than limits.MAX_ITEMS is an error."""
        if not isinstance(data, YMap):
            return
        for key in keys:
            section = data.get(key)
            if isinstance(section, YList):
                refused = limits.count_problem(key, len(section), limits.MAX_ITEMS)
                if refused:
                    self.report.error(data.value_at(key), f"pack file: '{key}' {refused}")


# --- small helpers -------------------------------------------------------------------

def suggest(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' when a choice is close to `word`, else ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def as_text(value: Any) -> Optional[str]:
    """Text, numbers and dates read as text (`choices: [1953, 1956]`); lists, maps, yes/no not."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or isinstance(value, (YMap, YList)) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return None


def describe(value: Any) -> str:
    """How a message names a value of the wrong type."""
    if isinstance(value, YMap) or isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (yes/no/true/false are read as a truth value; put text in quotes)"
    if value is None:
        return "empty"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if hasattr(value, "isoformat"):
        return f"the date {value.isoformat()}"
    if isinstance(value, str) and ODD_NUMBER.match(value):
        return (f"'{value}' (a number with a leading 0, a ':', '_', 0x or 0b is read as text; "
                "write a plain number like 8 or 90)")
    return f"'{short(str(value), 40)}'"


def item_name(kind: str, node: Any, index: int) -> str:
    """How messages name an item: `event 'secret-speech'`, or `event #3` before its id."""
    ident = node.get("id") if isinstance(node, YMap) else None
    text = as_text(ident) if ident is not None else None
    return f"{kind} '{text}'" if text else f"{kind} #{index + 1}"


def short(text: str, limit: int = 50) -> str:
    """`text` on one line in double quotes, cut to `limit` characters."""
    flat = " ".join(text.split())
    return f'"{flat}"' if len(flat) <= limit else f'"{flat[:limit - 3]}..."'
