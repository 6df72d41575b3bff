"""Building a pack's frozen objects from its checked fields: one method per kind of entry."""

from __future__ import annotations

from typing import Any, Callable, Mapping, Optional

from game.content.dates import can_order_all
from game.content.timeline import ERA_END, ERA_START
from game.content.loader.documents import DocumentCache, Documents
from game.content.loader.ids import Namespace
from game.content.loader.kinds import ALL_QUESTION_KEYS, KindBuilders
from game.content.loader.mismatch import where_it_differs
from game.content.loader.schema import (CITE_KEYS, DRAW_KEYS, EVENT_KEYS, FORMAT, LEVEL_KEYS,
                                        PERSPECTIVE_KEYS, ROUND_KEYS, SOURCE_KEYS,
                                        TOP_KEYS, FieldReader, KeyTable, Reporter, item_name,
                                        short, suggest)
from game.content.model import (CHOICE, CLAIM, CORROBORATION, QUESTION_KINDS, SOURCING,
                                SPECTRUM, WHOSE_VIEW, Citation, Event, Level, Pack, Perspective,
                                Question, Round, Source, TimelineDraw, qualify)
from game.content.problems import Problem
from game.content.yamlsafe import Position, YamlFile, YMap

ERA = (ERA_START, ERA_END)   # one home: game.content.timeline


class PackBuilder(KindBuilders):
    """Walks a parsed pack once, building frozen objects and recording every problem."""

    def __init__(self, parsed: YamlFile, available: Mapping[str, Pack],
                 documents: DocumentCache, problems: list[Problem]):
        self.parsed = parsed
        self.report = Reporter(parsed.display, problems)
        self.reader = FieldReader(self.report)
        self.ids = Namespace(self.report, available)
        self.documents = Documents(self.report, parsed.path.resolve().parent, documents)
        self.pack_id = ""

    # --- the pack ------------------------------------------------------------------
    def build(self) -> Optional[Pack]:
        data = self.parsed.data
        top = self.reader.fields(data, (1, 1), "pack file", TOP_KEYS)
        if top is None:
            return None
        if "format" in top and top["format"] != FORMAT:
            self.report.error(data.value_at("format"), f"format {top['format']} is not supported "
                              f"by this version of Thaw (write 'format: {FORMAT}')")
        self.reader.check_section_sizes(data, ("sources", "perspectives", "events",
                                               "questions", "levels"))
        self.pack_id = self.ids.pack_id = top.get("pack", "")
        requires = self.ids.require(top.get("requires", []))
        sources = self.sources(data)
        perspectives = self.perspectives(data)
        events = self.events(data)
        questions = self.questions(data)
        levels = self.levels(data)
        if self.report.has_errors or "pack" not in top or "title" not in top:
            return None
        return Pack(id=self.pack_id, title=top["title"], path=self.parsed.path.resolve(),
                    format=FORMAT, description=top.get("description", ""),
                    requires=tuple(requires), sources=tuple(sources),
                    perspectives=tuple(perspectives), events=tuple(events),
                    questions=tuple(questions), levels=tuple(levels), marks=dict(self.ids.marks))

    # --- every section -----------------------------------------------------------------
    def section(self, data: YMap, key: str, kind: str, keys: KeyTable,
                build: Callable[[YMap, Position, str, dict], Any]) -> list:
        """Every entry of the list under `key`: its fields checked, then built by
        `build(node, at, what, values)` (None when it has errors). Its id is claimed either
        way, so references to a broken entry are not reported a second time."""
        built = []
        for index, node, at in self.reader.items(data, key):
            what = item_name(kind, node, index)
            values = self.reader.fields(node, at, what, keys)
            if not values or "id" not in values:
                continue
            item = build(node, at, what, values)
            if item is not None:
                built.append(item)
            self.ids.claim(kind, values["id"], node.key_at("id"), what, item)
        return built

    # --- sources ---------------------------------------------------------------------
    def sources(self, data: YMap) -> list[Source]:
        return self.section(data, "sources", "source", SOURCE_KEYS, self.source)

    def source(self, node: YMap, at: Position, what: str, values: dict) -> Optional[Source]:
        given = [key for key in ("file", "seed") if key in node]
        if not given:
            self.report.error(node.position, f"{what}: missing required key 'file' (a document "
                              "next to the pack) or 'seed' (a document bundled with the game, in seeds/)")
            return None
        if len(given) > 1:
            self.report.error(node.key_at("seed"), f"{what}: give either 'file' or 'seed', not both")
            return None
        key = given[0]
        if key not in values:
            return None  # its value was refused already
        key_at = node.value_at(key)
        path = (self.documents.source_path(values[key], key_at, what) if key == "file"
                else self.documents.seed_path(values[key], key_at, what))
        if path is None:
            return None
        document = self.documents.read(path, values[key], key_at, what, key)
        if document is None:
            return None
        return Source(qualify(self.pack_id, values["id"]), path, values.get("title") or path.stem,
                      values.get("kind", ""), document.text, self.pack_id, document.folded)

    def citation(self, node: Any, at: Position, what: str, default_excerpt: str = "",
                 default_at: Optional[Position] = None) -> Optional[Citation]:
        values = self.reader.fields(node, at, f"{what}: cite", CITE_KEYS)
        if not values or "source" not in values:
            return None
        source = self.ids.lookup("source", values["source"], node.value_at("source"), f"{what}: cite")
        excerpt = values.get("excerpt", default_excerpt)
        excerpt_at = node.value_at("excerpt") if "excerpt" in values else (default_at or at)
        if not excerpt:
            if "excerpt" not in node:
                self.report.error(at, f"{what}: cite needs an 'excerpt': the passage of the source it rests on")
            return None
        if source is None:
            return None
        if not self.documents.occurs(source, excerpt):
            noun = "excerpt" if "excerpt" in values or not default_at else "quote"
            self.report.error(excerpt_at, f"{what}: the {noun} does not occur in source "
                              f"'{self.ids.shown(source.id)}' ({short(excerpt)}); copy it exactly "
                              f"from {source.path.name}"
                              + where_it_differs(source.text, excerpt, source.path.name))
            return None
        return Citation(source, excerpt)

    # --- perspectives, events, questions ----------------------------------------------
    def perspectives(self, data: YMap) -> list[Perspective]:
        return self.section(data, "perspectives", "perspective", PERSPECTIVE_KEYS,
                            self.perspective)

    def perspective(self, node: YMap, at: Position, what: str,
                    values: dict) -> Optional[Perspective]:
        if not {"name", "view"} <= values.keys():
            return None
        return Perspective(qualify(self.pack_id, values["id"]), values["name"], values["view"],
                           values.get("role", ""), self.pack_id)

    def events(self, data: YMap) -> list[Event]:
        return self.section(data, "events", "event", EVENT_KEYS, self.event)

    def event(self, node: YMap, at: Position, what: str, values: dict) -> Optional[Event]:
        cite = self.citation(values["cite"], node.value_at("cite"), what) if "cite" in values else None
        date, end = values.get("date"), values.get("end")
        if date is not None and end is not None and end.before(date):
            self.report.error(node.value_at("end"), f"{what}: end {end.iso()} is before date {date.iso()}")
        if date is not None and not ERA[0] <= date.year <= ERA[1]:
            self.report.warn(node.value_at("date"), f"{what}: date {date.iso()} is outside "
                                             f"{ERA[0]}-{ERA[1]}; it is left out of timeline rounds")
        if cite is None or date is None or not {"title", "summary"} <= values.keys():
            return None
        return Event(qualify(self.pack_id, values["id"]), values["title"], date, values["summary"],
                     cite, end, values.get("source_says", ""), self.pack_id)

    def questions(self, data: YMap) -> list[Question]:
        return self.section(data, "questions", "question", ALL_QUESTION_KEYS, self.question)

    def question(self, node: YMap, at: Position, what: str, values: dict) -> Optional[Question]:
        kind = values.get("kind", WHOSE_VIEW)
        if kind not in QUESTION_KINDS:
            self.report.error(node.value_at("kind"), f"{what}: kind '{kind}' is not one of "
                       f"{', '.join(QUESTION_KINDS)}{suggest(kind, QUESTION_KINDS)}")
            return None
        keys_ok = self.kind_keys_ok(node, at, what, kind)
        build = {WHOSE_VIEW: self.whose_view, CHOICE: self.choice, SOURCING: self.sourcing,
                 CORROBORATION: self.corroboration, SPECTRUM: self.spectrum,
                 CLAIM: self.claim_evidence}[kind]
        built = build(node, at, what, values)
        return built if keys_ok else None

    def required(self, node: YMap, at: Position, what: str, keys: tuple[str, ...],
                 why: str) -> bool:
        """Each of `keys` present; else one error per missing key, with `why` it is needed."""
        ok = True
        for key in keys:
            if key not in node:
                self.report.error(at, f"{what}: missing required key '{key}' ({why})")
                ok = False
        return ok

    def whose_view(self, node: YMap, at: Position, what: str, values: dict) -> Optional[Question]:
        ok = self.required(node, at, what, ("quote", "cite"),
                           "a whose-view question quotes a passage and cites its source")
        choices = values.get("choices", [])
        chosen = [text for text, _ in choices]
        chosen_ids = []  # as qualified ids
        for text, where in choices:
            view = self.ids.lookup("perspective", text, where, f"{what}: choices")
            ok &= view is not None
            if view is not None:
                chosen_ids.append(view.id)
        ok &= self.distinct(choices, what)
        if ok and len(set(chosen_ids)) < len(chosen_ids):
            self.report.error(node.value_at("choices"),
                              f"{what}: two choices name the same perspective")
            ok = False
        if "choices" in values and len(chosen) < 2:
            self.report.error(node.value_at("choices"), f"{what}: give at least 2 choices "
                                                 "(or leave 'choices' out to use every perspective)")
            ok = False
        if "choices" not in node and self.ids.count("perspective") < 2:
            self.report.error(at, f"{what}: a whose-view question needs at least 2 perspectives "
                           "to choose from; add them under 'perspectives'")
            ok = False
        answer = values.get("answer")
        answer_id = None
        if answer is not None:
            answer_at = node.value_at("answer")
            answer_view = self.ids.lookup("perspective", answer, answer_at, f"{what}: answer")
            ok &= answer_view is not None
            answer_id = answer_view.id if answer_view is not None else None
            if chosen and answer not in chosen and answer_id not in chosen_ids:
                self.report.error(answer_at, f"{what}: the answer '{answer}' is not among its choices")
                ok = False
        cite = self._cite_quote(node, what, values)
        if not ok or cite is None or answer_id is None or "quote" not in values \
                or "explain" not in values:
            return None
        return Question(qualify(self.pack_id, values["id"]), WHOSE_VIEW, answer_id,
                        values["explain"], values["quote"], values.get("prompt", ""),
                        tuple(chosen_ids), cite, self.pack_id)

    def choice(self, node: YMap, at: Position, what: str, values: dict) -> Optional[Question]:
        ok = self.required(node, at, what, ("prompt", "choices"),
                           "a choice question asks a prompt and lists its choices")
        choices = values.get("choices", [])
        chosen = [text for text, _ in choices]
        ok &= self.distinct(choices, what)
        if "choices" in values and len(chosen) < 2:
            self.report.error(node.value_at("choices"), f"{what}: give at least 2 choices")
            ok = False
        answer = values.get("answer")
        ok &= self._answer_among(node, what, answer, chosen)
        cite = self._cite_quote(node, what, values, quote_must_occur=False)
        ok &= "cite" not in values or cite is not None
        if not ok or answer is None or "explain" not in values or "prompt" not in values:
            return None
        return Question(qualify(self.pack_id, values["id"]), CHOICE, answer, values["explain"], values.get("quote", ""),
                        values["prompt"], tuple(chosen), cite, self.pack_id)

    def distinct(self, choices: list[tuple[str, Position]], what: str, noun: str = "choice") -> bool:
        seen: set[str] = set()
        ok = True
        for text, where in choices:
            if text in seen:
                self.report.error(where, f"{what}: the {noun} {short(text, 60)} is listed twice")
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
                self.report.error(node.value_at("rounds"), f"{what}: 'rounds' is empty; give at least one round")
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
        values = self.reader.fields(node, at, what, ROUND_KEYS)
        if values is None:
            return None
        given = [key for key in ROUND_KEYS if key in node]
        if len(given) != 1:
            if not given and not node:
                self.report.error(at, f"{what}: a round is 'timeline: [event ids]', "
                               "'timeline: {from: YEAR, to: YEAR, count: N}' or 'questions: [question ids]'")
            elif len(given) > 1:
                self.report.error(at, f"{what}: a round is either a timeline or questions, not both")
            return None
        if "questions" in node:
            ids = values.get("questions")
            if ids is None:
                return None
            if not ids:
                self.report.error(node.value_at("questions"), f"{what}: list at least one question")
                return None
            found = [self.ids.lookup("question", q, where, what) for q, where in ids]
            questions = [question for question in found if question is not None]
            if len(questions) < len(found) or not self.distinct(ids, what, "question"):
                return None
            return Round("questions", question_ids=tuple(q.id for q in questions))
        timeline = values.get("timeline")
        where = node.value_at("timeline")
        if isinstance(timeline, YMap):
            draw = self.reader.fields(timeline, where, f"{what}: timeline", DRAW_KEYS)
            if not draw or len(draw) < 3:
                return None
            if draw["from"] > draw["to"]:
                self.report.error(timeline.value_at("to"), f"{what}: timeline 'to' {draw['to']} is before 'from' {draw['from']}")
                return None
            if draw["count"] < 2:
                self.report.error(timeline.value_at("count"), f"{what}: timeline 'count' must be at least 2")
                return None
            self.check_dealable(self.visible_events(draw["from"], draw["to"]), where, what,
                                f"the events from {draw['from']} to {draw['to']} this pack can see",
                                in_order=False)
            return Round("timeline", draw=TimelineDraw(draw["from"], draw["to"], draw["count"]))
        if timeline is None:
            return None
        ids = self.reader.convert(timeline, "refs", where, what, "timeline")
        if ids is None:
            return None
        if isinstance(timeline, str):
            self.report.error(where, f"{what}: a timeline round lists at least 2 events")
            return None
        found = [self.ids.lookup("event", e, at_e, what) for e, at_e in ids]
        events = [event for event in found if event is not None]
        if len(events) < len(found) or not self.distinct(ids, what, "event"):
            return None
        if len(events) < 2:
            self.report.error(where, f"{what}: a timeline round lists at least 2 events")
            return None
        self.warn_unorderable(events, where, what)
        self.check_dealable(events, where, what, "its events")
        return Round("timeline", event_ids=tuple(e.id for e in events))

    def visible_events(self, first_year: int, last_year: int) -> list[Event]:
        """This pack's events (built so far) and its required packs', within the years."""
        entries = [*self.ids.own["event"].values(),
                   *(e for found in self.ids.required["event"].values() for e in found)]
        return [e.thing for e in entries
                if isinstance(e.thing, Event) and first_year <= e.thing.date.year <= last_year]

    def check_dealable(self, events: list[Event], at: Position, what: str, which: str,
                       in_order: bool = True) -> None:
        """A timeline round deals a hand of at least 2 events that can be ordered: a fixed
        hand is picked as the rules pick it (greedily, in the order given), a drawn one
        needs some pair that can be ordered. A round that would deal nothing is an error
        here rather than an empty round ("0 of 0 right ... well done") in the game."""
        if in_order:
            hand: list[Event] = []
            for event in events:
                if all(event.can_order(other) for other in hand):
                    hand.append(event)
            dealable = len(hand) >= 2
        else:
            dealable = any(first.can_order(second) for i, first in enumerate(events)
                           for second in events[i + 1:])
        if not dealable:
            found = f"only {len(events)} event" + ("" if len(events) == 1 else "s")
            reason = (f"{found} can be dealt" if len(events) < 2
                      else "no two of them can be ordered (their dates are too alike)")
            self.report.error(at, f"{what}: this round cannot be dealt: {which}: {reason}; "
                                  "a timeline round needs at least 2 events with different dates")

    def warn_unorderable(self, events: list[Event], at: Position, what: str) -> None:
        if can_order_all(e.date for e in events):
            return
        for i, first in enumerate(events):
            for second in events[i + 1:]:
                if not first.can_order(second):
                    self.report.warn(at, f"{what}: events '{self.ids.shown(first.id)}' ({first.date.iso()}) and "
                                  f"'{self.ids.shown(second.id)}' ({second.date.iso()}) cannot be ordered at their "
                                  "dates' precision; give a more exact date or drop one")
                    return
