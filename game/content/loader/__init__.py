"""Turning one pack file into a checked, frozen `Pack` (DESIGN.md section 3).

Every rule is checked and every problem collected before giving up, so a teacher sees all
the mistakes of a file at once, each as `path:line:col: error: ...`.

    pack = load_pack("levels/khrushchev-era.yaml")           # raises PackError
    checked = check_pack(read_yaml(path), available={...})   # pack or None, plus problems
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional

import game
from game.content.dates import DateError, PartialDate, can_order_all
from game.content.model import (CHOICE, WHOSE_VIEW, Citation, Event, Level, Pack, Perspective,
                                Question, Round, Source, TimelineDraw)
from game.content.problems import PackError, Problem
from game.content.text import fold
from game.content.yamlsafe import Position, YamlFile, YList, YMap, read_yaml

FORMAT = 1
ERA = (1953, 1964)
MAX_SOURCE_BYTES = 10 * 1024 * 1024
_ID = re.compile(r"^[a-z0-9]+(?:-+[a-z0-9]+)*$")
ID_HINT = "lowercase letters, digits and dashes, like 'secret-speech'"


# --- what each kind of mapping may hold ----------------------------------------------
# key -> (expected type, required). Types: text, id, ids, texts, int, date, map, list, any.
TOP_KEYS = {"format": ("int", True), "pack": ("id", True), "title": ("text", True),
            "description": ("text", False), "requires": ("ids", False),
            "sources": ("list", False), "perspectives": ("list", False),
            "events": ("list", False), "questions": ("list", False), "levels": ("list", False)}
SOURCE_KEYS = {"id": ("id", True), "file": ("text", True), "title": ("text", False),
               "kind": ("text", False)}
PERSPECTIVE_KEYS = {"id": ("id", True), "name": ("text", True), "view": ("text", True),
                    "role": ("text", False)}
EVENT_KEYS = {"id": ("id", True), "title": ("text", True), "date": ("date", True),
              "end": ("date", False), "summary": ("text", True), "cite": ("map", True),
              "source_says": ("text", False)}
QUESTION_KEYS = {"id": ("id", True), "kind": ("text", False), "quote": ("text", False),
                 "prompt": ("text", False), "answer": ("text", True), "choices": ("texts", False),
                 "cite": ("map", False), "explain": ("text", True)}
CITE_KEYS = {"source": ("id", True), "excerpt": ("text", False)}
LEVEL_KEYS = {"id": ("id", True), "title": ("text", True), "intro": ("text", False),
              "rounds": ("list", True)}
ROUND_KEYS = {"timeline": ("any", False), "questions": ("ids", False)}
DRAW_KEYS = {"from": ("int", True), "to": ("int", True), "count": ("int", True)}

_EXPECTED = {"text": "text", "id": "an id", "ids": "a list of ids", "texts": "a list of texts",
             "int": "a whole number", "date": "a date", "map": "a mapping (key: value lines)",
             "list": "a list ('- ' items)", "any": "a value"}


@dataclass
class CheckedPack:
    """The outcome of checking one file: the pack when it has no errors, and all problems."""
    path: Path
    display: str
    pack: Optional[Pack]
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


@dataclass
class _Document:
    """A source document read once per load, with its folded text for fast excerpt checks."""
    text: str
    folded: str


def load_pack(path: Path | str, available: Optional[Mapping[str, Pack]] = None) -> Pack:
    """The pack in `path`, checked against the packs it may require; PackError lists all errors."""
    checked = check_pack(read_yaml(path), available)
    if checked.pack is None:
        raise PackError(checked.errors)
    return checked.pack


def check_pack(parsed: YamlFile, available: Optional[Mapping[str, Pack]] = None,
               documents: Optional[dict[Path, Any]] = None) -> CheckedPack:
    """Check a parsed file; `documents` caches source texts across the packs of a library."""
    checked = CheckedPack(parsed.path, parsed.display, None, list(parsed.problems))
    if parsed.data is None:
        return checked
    builder = _PackBuilder(parsed, dict(available or {}),
                           documents if documents is not None else {}, checked.problems)
    pack = builder.build()
    # A value refused while reading (a tag, an alias) is not reported a second time
    # for its type: keep only the first problem at each spot.
    refused_at = {(p.line, p.column) for p in parsed.problems}
    checked.problems[len(parsed.problems):] = [
        p for p in checked.problems[len(parsed.problems):] if (p.line, p.column) not in refused_at]
    checked.problems.sort(key=lambda p: (p.line, p.column))
    if pack is not None and not checked.errors:
        checked.pack = pack
    return checked


def peek_header(data: Any) -> tuple[Optional[str], list[tuple[str, Position]]]:
    """The pack id and required pack ids of a parsed file, for ordering a library's loads."""
    if not isinstance(data, YMap):
        return None, []
    pack_id = data.get("pack")
    pack_id = str(pack_id) if isinstance(pack_id, (str, int)) and not isinstance(pack_id, bool) else None
    requires = data.get("requires")
    found: list[tuple[str, Position]] = []
    if isinstance(requires, YList):
        for index, item in enumerate(requires):
            if isinstance(item, str):
                found.append((item, requires.item_at(index)))
    elif isinstance(requires, str):
        found.append((requires, data.value_at("requires")))
    return pack_id, found


def suggest(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' when a choice is close to `word`, else ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class _PackBuilder:
    """Walks a parsed pack once, building frozen objects and recording every problem."""

    def __init__(self, parsed: YamlFile, available: dict[str, Pack],
                 documents: dict[Path, Any], problems: list[Problem]):
        self.parsed = parsed
        self.display = parsed.display
        self.folder = parsed.path.resolve().parent
        self.available = available
        self.documents = documents
        self.problems = problems
        self.pack_id = ""
        # What this pack can see: its own ids and those of the packs it requires.
        self.seen: dict[str, dict[str, tuple[Any, str]]] = {
            kind: {} for kind in ("source", "perspective", "event", "question", "level")}

    # --- reporting --------------------------------------------------------------------
    def error(self, at: Position, message: str) -> None:
        self.problems.append(Problem(self.display, at[0], at[1], message))

    def warn(self, at: Position, message: str) -> None:
        self.problems.append(Problem(self.display, at[0], at[1], message, "warning"))

    # --- reading a mapping against its key table ----------------------------------------
    def fields(self, node: Any, at: Position, what: str, keys: dict) -> Optional[dict]:
        """Known keys of `node` converted to their types; problems reported for the rest."""
        if not isinstance(node, YMap):
            self.error(at, f"{what} must be a mapping of 'key: value' lines, not {_describe(node)}")
            return None
        values: dict[str, Any] = {}
        for key in node:
            name = str(key)
            if name not in keys:
                hint = suggest(name, keys) or f" (expected one of: {', '.join(keys)})"
                self.error(node.key_at(key), f"{what}: unknown key '{name}'{hint}")
                continue
            converted = self.convert(node[key], keys[name][0], node.value_at(key), what, name)
            if converted is not None:
                values[name] = converted
        for name, (_, required) in keys.items():
            if required and name not in node:
                self.error(node.position, f"{what}: missing required key '{name}'")
        return values

    def convert(self, value: Any, kind: str, at: Position, what: str, key: str) -> Any:
        """The value as `kind`, or None after reporting why it is not one."""
        def wrong() -> None:
            self.error(at, f"{what}: '{key}' must be {_EXPECTED[kind]}, not {_describe(value)}")

        if value is None or value == "":
            self.error(at, f"{what}: '{key}' is empty")
            return None
        if kind == "any":
            return value
        if kind in ("text", "id"):
            text = _as_text(value)
            if text is None:
                return wrong()
            if kind == "id" and not _ID.match(text):
                self.error(at, f"{what}: {key} '{text}' is not a valid id ({ID_HINT})")
                return None
            return text
        if kind in ("ids", "texts"):
            if isinstance(value, str) and kind == "ids":
                value, positions = [value], [at]  # `requires: other-pack` is a list of one
            elif isinstance(value, YList):
                positions = [value.item_at(i) for i in range(len(value))]
            else:
                return wrong()
            items = []
            for item, where in zip(value, positions):
                text = self.convert(item, "id" if kind == "ids" else "text", where, what, key)
                if text is not None:
                    items.append((text, where))
            return items
        if kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                return wrong()
            return value
        if kind == "date":
            try:
                return PartialDate.parse(value)
            except DateError as error:
                self.error(at, f"{what}: {key} {error}")
                return None
        if kind == "map":
            return value if isinstance(value, YMap) else wrong()
        if kind == "list":
            return value if isinstance(value, YList) else wrong()
        raise AssertionError(kind)

    def items(self, data: YMap, key: str) -> Iterable[tuple[int, Any, Position]]:
        section = data.get(key)
        if not isinstance(section, YList):
            return []  # a wrong type was reported by fields()
        return [(index, item, section.item_at(index)) for index, item in enumerate(section)]

    # --- ids -------------------------------------------------------------------------
    def claim(self, kind: str, ident: str, at: Position, what: str, thing: Any) -> bool:
        known = self.seen[kind]
        if ident in known:
            _, owner = known[ident]
            where = (f"at line {owner[5:]}" if owner.startswith("line ")
                     else f"by required pack '{owner}'")
            self.error(at, f"{what}: {kind} id '{ident}' is already used {where}")
            return False
        known[ident] = (thing, f"line {at[0]}")
        return True

    def lookup(self, kind: str, ident: str, at: Position, what: str) -> Any:
        found = self.seen[kind].get(ident)
        if found is None or found[0] is None:
            if found is None:
                self.error(at, f"{what}: there is no {kind} '{ident}'{suggest(ident, self.seen[kind])}")
            return None
        return found[0]

    # --- the pack ------------------------------------------------------------------
    def build(self) -> Optional[Pack]:
        data = self.parsed.data
        top = self.fields(data, (1, 1), "pack file", TOP_KEYS)
        if top is None:
            return None
        if "format" in top and top["format"] != FORMAT:
            self.error(data.value_at("format"), f"format {top['format']} is not supported by this "
                                                f"version of Thaw (write 'format: {FORMAT}')")
        self.pack_id = top.get("pack", "")
        requires = self.requirements(top.get("requires", []))
        sources = self.sources(data)
        perspectives = self.perspectives(data)
        events = self.events(data)
        questions = self.questions(data)
        levels = self.levels(data)
        if any(p.is_error for p in self.problems) or "pack" not in top or "title" not in top:
            return None
        return Pack(id=self.pack_id, title=top["title"], path=self.parsed.path.resolve(),
                    format=FORMAT, description=top.get("description", ""),
                    requires=tuple(requires), sources=tuple(sources),
                    perspectives=tuple(perspectives), events=tuple(events),
                    questions=tuple(questions), levels=tuple(levels))

    def requirements(self, wanted: list[tuple[str, Position]]) -> list[str]:
        required: list[str] = []
        for pack_id, at in wanted:
            if pack_id == self.pack_id:
                self.error(at, f"pack '{pack_id}' cannot require itself")
                continue
            if pack_id not in self.available:
                self.error(at, f"requires pack '{pack_id}', which is not loaded (put its file in "
                               f"levels/ or your pack folder){suggest(pack_id, self.available)}")
                continue
            if pack_id not in required:
                required.append(pack_id)
        for pack in self._closure(required):
            for kind, things in (("source", pack.sources), ("perspective", pack.perspectives),
                                 ("event", pack.events), ("question", pack.questions),
                                 ("level", pack.levels)):
                for thing in things:
                    self.seen[kind].setdefault(thing.id, (thing, pack.id))
        return required

    def _closure(self, required: list[str]) -> list[Pack]:
        """The required packs and the packs they require, each once."""
        order: list[Pack] = []
        todo = list(required)
        while todo:
            pack_id = todo.pop(0)
            pack = self.available.get(pack_id)
            if pack is None or pack in order:
                continue
            order.append(pack)
            todo.extend(pack.requires)
        return order

    # --- sources ---------------------------------------------------------------------
    def section(self, data: YMap, key: str, kind: str, keys, build) -> list:
        """Every entry of the list under `key`: its fields checked, then built by
        `build(node, at, what, values)` (None when it has errors). Its id is claimed either
        way, so references to a broken entry are not reported a second time."""
        built = []
        for index, node, at in self.items(data, key):
            what = _name(kind, node, index)
            values = self.fields(node, at, what, keys)
            if not values or "id" not in values:
                continue
            item = build(node, at, what, values)
            if item is not None:
                built.append(item)
            self.claim(kind, values["id"], node.key_at("id"), what, item)
        return built

    def sources(self, data: YMap) -> list[Source]:
        return self.section(data, "sources", "source", SOURCE_KEYS, self.source)

    def source(self, node: YMap, at: Position, what: str, values: dict) -> Optional[Source]:
        if "file" not in values:
            return None
        file_at = node.value_at("file")
        path = self.source_path(values["file"], file_at, what)
        document = self.document(path, values["file"], file_at, what) if path else None
        if document is None:
            return None
        return Source(values["id"], path, values.get("title") or path.stem,
                      values.get("kind", ""), document.text)

    def source_path(self, name: str, at: Position, what: str) -> Optional[Path]:
        given = Path(name)
        if given.is_absolute() or given.drive:
            self.error(at, f"{what}: file '{name}' must be a path relative to the pack file, "
                           "like '../seeds/001_a8f04e5286436081.txt' or 'my-document.txt'")
            return None
        try:
            path = (self.folder / given).resolve()
        except (OSError, RuntimeError):
            self.error(at, f"{what}: file '{name}' cannot be resolved")
            return None
        roots = (self.folder, game.SEEDS_DIR.resolve())
        if not any(path.is_relative_to(root) for root in roots):
            self.error(at, f"{what}: file '{name}' is outside the pack's folder and the project's "
                           "seeds/ folder; put the document next to the pack (or in a folder below it)")
            return None
        return path

    def document(self, path: Path, name: str, at: Position, what: str) -> Optional[_Document]:
        cached = self.documents.get(path)
        if isinstance(cached, _Document):
            return cached
        if cached is not None:  # an earlier pack found this file unreadable: say why again
            self.error(at, f"{what}: file '{name}' {cached}")
            return None
        reason = None
        if not path.exists():
            nearby = [p.name for p in path.parent.glob("*")] if path.parent.is_dir() else []
            reason = f"does not exist (looked for {path}){suggest(path.name, nearby)}"
        elif not path.is_file():
            reason = "is not a file"
        else:
            try:
                data = path.read_bytes() if path.stat().st_size <= MAX_SOURCE_BYTES else None
                if data is None:
                    reason = f"is larger than {MAX_SOURCE_BYTES // (1024 * 1024)} MB"
                else:
                    text = data.decode("utf-8-sig").replace("\r\n", "\n")
                    document = _Document(text, fold(text))
                    self.documents[path] = document
                    return document
            except UnicodeDecodeError:
                reason = "is not UTF-8 text; save it as UTF-8 in your editor"
            except OSError as error:
                reason = f"cannot be read: {error.strerror or error}"
        self.documents[path] = reason
        self.error(at, f"{what}: file '{name}' {reason}")
        return None

    def citation(self, node: Any, at: Position, what: str, default_excerpt: str = "",
                 default_at: Optional[Position] = None) -> Optional[Citation]:
        values = self.fields(node, at, f"{what}: cite", CITE_KEYS)
        if not values or "source" not in values:
            return None
        source = self.lookup("source", values["source"], node.value_at("source"), f"{what}: cite")
        excerpt = values.get("excerpt", default_excerpt)
        excerpt_at = node.value_at("excerpt") if "excerpt" in values else (default_at or at)
        if not excerpt:
            if "excerpt" not in node:
                self.error(at, f"{what}: cite needs an 'excerpt': the passage of the source it rests on")
            return None
        if source is None:
            return None
        if not self.occurs(source, excerpt):
            self.error(excerpt_at, f"{what}: the excerpt does not occur in source '{source.id}' "
                                   f"({_short(excerpt)}); copy it exactly from {source.path.name}")
            return None
        return Citation(source, excerpt)

    def occurs(self, source: Source, excerpt: str) -> bool:
        needle = fold(excerpt)
        document = self.documents.get(source.path)
        folded = document.folded if isinstance(document, _Document) else fold(source.text)
        return bool(needle) and needle in folded

    # --- perspectives, events, questions ----------------------------------------------
    def perspectives(self, data: YMap) -> list[Perspective]:
        return self.section(data, "perspectives", "perspective", PERSPECTIVE_KEYS,
                            self.perspective)

    def perspective(self, node: YMap, at: Position, what: str,
                    values: dict) -> Optional[Perspective]:
        if not {"name", "view"} <= values.keys():
            return None
        return Perspective(values["id"], values["name"], values["view"], values.get("role", ""))

    def events(self, data: YMap) -> list[Event]:
        return self.section(data, "events", "event", EVENT_KEYS, self.event)

    def event(self, node: YMap, at: Position, what: str, values: dict) -> Optional[Event]:
        cite = self.citation(values["cite"], node.value_at("cite"), what) if "cite" in values else None
        date, end = values.get("date"), values.get("end")
        if date is not None and end is not None and end.before(date):
            self.error(node.value_at("end"), f"{what}: end {end.iso()} is before date {date.iso()}")
        if date is not None and not ERA[0] <= date.year <= ERA[1]:
            self.warn(node.value_at("date"), f"{what}: date {date.iso()} is outside "
                                             f"{ERA[0]}-{ERA[1]}; it is left out of timeline rounds")
        if cite is None or date is None or not {"title", "summary"} <= values.keys():
            return None
        return Event(values["id"], values["title"], date, values["summary"], cite,
                     end, values.get("source_says", ""), self.pack_id)

    def questions(self, data: YMap) -> list[Question]:
        return self.section(data, "questions", "question", QUESTION_KEYS, self.question)

    def question(self, node: YMap, at: Position, what: str, values: dict) -> Optional[Question]:
        kind = values.get("kind", WHOSE_VIEW)
        if kind not in (WHOSE_VIEW, CHOICE):
            self.error(node.value_at("kind"), f"{what}: kind '{kind}' is not "
                       f"'{WHOSE_VIEW}' or '{CHOICE}'{suggest(kind, (WHOSE_VIEW, CHOICE))}")
            return None
        if kind == WHOSE_VIEW:
            return self.whose_view(node, at, what, values)
        return self.choice(node, at, what, values)

    def whose_view(self, node: YMap, at: Position, what: str, values: dict) -> Optional[Question]:
        ok = True
        for key in ("quote", "cite"):
            if key not in node:
                self.error(at, f"{what}: missing required key '{key}' (a whose-view question "
                               "quotes a passage and cites its source)")
                ok = False
        choices = values.get("choices", [])
        chosen = [text for text, _ in choices]
        for text, where in choices:
            ok &= self.lookup("perspective", text, where, f"{what}: choices") is not None
        ok &= self.distinct(choices, what)
        if "choices" in values and len(chosen) < 2:
            self.error(node.value_at("choices"), f"{what}: give at least 2 choices "
                                                 "(or leave 'choices' out to use every perspective)")
            ok = False
        if "choices" not in node and len(self.seen["perspective"]) < 2:
            self.error(at, f"{what}: a whose-view question needs at least 2 perspectives "
                           "to choose from; add them under 'perspectives'")
            ok = False
        answer = values.get("answer")
        if answer is not None:
            answer_at = node.value_at("answer")
            ok &= self.lookup("perspective", answer, answer_at, f"{what}: answer") is not None
            if chosen and answer not in chosen:
                self.error(answer_at, f"{what}: the answer '{answer}' is not among its choices")
                ok = False
        cite = None
        if "cite" in values:
            quote = values.get("quote", "")
            cite = self.citation(values["cite"], node.value_at("cite"), what, quote,
                                 node.value_at("quote") if quote else None)
            # An explicit excerpt is checked above; the quote shown must occur too.
            if cite is not None and quote and "excerpt" in values["cite"] \
                    and not self.occurs(cite.source, quote):
                self.error(node.value_at("quote"), f"{what}: the quote does not occur in source "
                           f"'{cite.source.id}' ({_short(quote)}); copy it exactly from {cite.source.path.name}")
                ok = False
        if not ok or cite is None or answer is None or "quote" not in values or "explain" not in values:
            return None
        return Question(values["id"], WHOSE_VIEW, answer, values["explain"], values["quote"],
                        values.get("prompt", ""), tuple(chosen), cite, self.pack_id)

    def choice(self, node: YMap, at: Position, what: str, values: dict) -> Optional[Question]:
        ok = True
        for key in ("prompt", "choices"):
            if key not in node:
                self.error(at, f"{what}: missing required key '{key}' (a choice question "
                               "asks a prompt and lists its choices)")
                ok = False
        choices = values.get("choices", [])
        chosen = [text for text, _ in choices]
        ok &= self.distinct(choices, what)
        if "choices" in values and len(chosen) < 2:
            self.error(node.value_at("choices"), f"{what}: give at least 2 choices")
            ok = False
        answer = values.get("answer")
        if answer is not None and chosen and answer not in chosen:
            close = suggest(answer, chosen)
            self.error(node.value_at("answer"), f"{what}: the answer {_short(answer, 60)} is not "
                       f"one of its choices (copy the text of the right choice){close}")
            ok = False
        cite = None
        if "cite" in values:
            quote = values.get("quote", "")
            cite = self.citation(values["cite"], node.value_at("cite"), what, quote,
                                 node.value_at("quote") if quote else None)
            ok &= cite is not None
        if not ok or answer is None or "explain" not in values or "prompt" not in values:
            return None
        return Question(values["id"], CHOICE, answer, values["explain"], values.get("quote", ""),
                        values["prompt"], tuple(chosen), cite, self.pack_id)

    def distinct(self, choices: list[tuple[str, Position]], what: str, noun: str = "choice") -> bool:
        seen: set[str] = set()
        ok = True
        for text, where in choices:
            if text in seen:
                self.error(where, f"{what}: the {noun} {_short(text, 60)} is listed twice")
                ok = False
            seen.add(text)
        return ok

    # --- levels ----------------------------------------------------------------------
    def levels(self, data: YMap) -> list[Level]:
        return self.section(data, "levels", "level", LEVEL_KEYS, self.level)

    def level(self, node: YMap, at: Position, what: str, values: dict) -> Optional[Level]:
        rounds = []
        ok = True
        if "rounds" in values:
            section = values["rounds"]
            if not section:
                self.error(node.value_at("rounds"), f"{what}: 'rounds' is empty; give at least one round")
                ok = False
            for number, item in enumerate(section, start=1):
                built_round = self.round(item, section.item_at(number - 1), f"{what}, round {number}")
                ok &= built_round is not None
                if built_round is not None:
                    rounds.append(built_round)
        if not (ok and "rounds" in values and "title" in values):
            return None
        return Level(values["id"], values["title"], tuple(rounds), values.get("intro", ""))

    def round(self, node: Any, at: Position, what: str) -> Optional[Round]:
        values = self.fields(node, at, what, ROUND_KEYS)
        if values is None:
            return None
        given = [key for key in ROUND_KEYS if key in node]
        if len(given) != 1:
            if not given and not node:
                self.error(at, f"{what}: a round is 'timeline: [event ids]', "
                               "'timeline: {from: YEAR, to: YEAR, count: N}' or 'questions: [question ids]'")
            elif len(given) > 1:
                self.error(at, f"{what}: a round is either a timeline or questions, not both")
            return None
        if "questions" in node:
            ids = values.get("questions")
            if ids is None:
                return None
            if not ids:
                self.error(node.value_at("questions"), f"{what}: list at least one question")
                return None
            found = [self.lookup("question", q, where, what) for q, where in ids]
            if None in found or not self.distinct(ids, what, "question"):
                return None
            return Round("questions", question_ids=tuple(q for q, _ in ids))
        timeline = values.get("timeline")
        where = node.value_at("timeline")
        if isinstance(timeline, YMap):
            draw = self.fields(timeline, where, f"{what}: timeline", DRAW_KEYS)
            if not draw or len(draw) < 3:
                return None
            if draw["from"] > draw["to"]:
                self.error(timeline.value_at("to"), f"{what}: timeline 'to' {draw['to']} is before 'from' {draw['from']}")
                return None
            if draw["count"] < 2:
                self.error(timeline.value_at("count"), f"{what}: timeline 'count' must be at least 2")
                return None
            return Round("timeline", draw=TimelineDraw(draw["from"], draw["to"], draw["count"]))
        if timeline is None:
            return None
        ids = self.convert(timeline, "ids", where, what, "timeline")
        if ids is None:
            return None
        if isinstance(timeline, str):
            self.error(where, f"{what}: a timeline round lists at least 2 events")
            return None
        events = [self.lookup("event", e, at_e, what) for e, at_e in ids]
        if None in events or not self.distinct(ids, what, "event"):
            return None
        if len(events) < 2:
            self.error(where, f"{what}: a timeline round lists at least 2 events")
            return None
        self.warn_unorderable(events, where, what)
        return Round("timeline", event_ids=tuple(e for e, _ in ids))

    def warn_unorderable(self, events: list[Event], at: Position, what: str) -> None:
        if can_order_all(e.date for e in events):
            return
        for i, first in enumerate(events):
            for second in events[i + 1:]:
                if not first.can_order(second):
                    self.warn(at, f"{what}: events '{first.id}' ({first.date.iso()}) and "
                                  f"'{second.id}' ({second.date.iso()}) cannot be ordered at their "
                                  "dates' precision; give a more exact date or drop one")
                    return


# --- small helpers -------------------------------------------------------------------

def _as_text(value: Any) -> Optional[str]:
    """Text, numbers and dates read as text (`choices: [1953, 1956]`); lists, maps, yes/no not."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or isinstance(value, (YMap, YList)) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return None


def _describe(value: Any) -> str:
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
    return f"'{_short(str(value), 40)}'"


def _name(kind: str, node: Any, index: int) -> str:
    """How messages name an item: `event 'secret-speech'`, or `event #3` before its id."""
    ident = node.get("id") if isinstance(node, YMap) else None
    text = _as_text(ident) if ident is not None else None
    return f"{kind} '{text}'" if text else f"{kind} #{index + 1}"


def _short(text: str, limit: int = 50) -> str:
    flat = " ".join(text.split())
    return f'"{flat}"' if len(flat) <= limit else f'"{flat[:limit - 3]}..."'
