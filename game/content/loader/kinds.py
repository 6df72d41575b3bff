"""The source-work question kinds (issue 12): sourcing, corroboration, spectrum, claim-evidence.

Each kind has its own key table (which keys it takes, which it needs) and one builder
method. `KindBuilders` is mixed into PackBuilder, which dispatches on `kind`.
"""

from __future__ import annotations

from typing import Any, Optional

from game.content.loader.documents import Documents
from game.content.loader.ids import Namespace
from game.content.loader.mismatch import where_it_differs
from game.content.loader.schema import (QUESTION_KEYS, FieldReader, KeyTable, Reporter, short,
                                        suggest)
from game.content.model import (CHOICE, CLAIM, CORROBORATION, SOURCING, SPECTRUM, WHOSE_VIEW,
                                Citation, Placement, Question, qualify)
from game.content.text import fold
from game.content.yamlsafe import Position, YList, YMap

FACETS = ("author", "date", "audience", "purpose", "evidence")
RELATIONS = ("supports", "contradicts")
NONE = "none"   # claim-evidence: the record bears out every statement
SCALE_SIZE = (3, 5)

_COMMON: KeyTable = {"id": ("id", True), "kind": ("text", False), "prompt": ("text", False),
                     "explain": ("text", True)}
#: kind -> the keys a question of that kind takes (type, required).
KIND_KEYS: dict[str, KeyTable] = {
    WHOSE_VIEW: dict(QUESTION_KEYS),
    CHOICE: dict(QUESTION_KEYS),
    SOURCING: {**_COMMON, "facet": ("text", True), "quote": ("text", False),
               "cite": ("map", True), "choices": ("texts", True), "answer": ("text", True)},
    CORROBORATION: {**_COMMON, "quote": ("text", True), "cite": ("map", True),
                    "relation": ("text", True), "passages": ("list", True),
                    "answer": ("id", True)},
    SPECTRUM: {**_COMMON, "scale": ("texts", True), "placements": ("list", True)},
    CLAIM: {**_COMMON, "quote": ("text", True), "cite": ("map", True),
            "statements": ("texts", True), "answer": ("text", True)},
}
#: Every key any kind takes, for the first reading of a question (types as loose as needed).
ALL_QUESTION_KEYS: KeyTable = {}
for _table in KIND_KEYS.values():
    for _key, (_type, _) in _table.items():
        ALL_QUESTION_KEYS.setdefault(_key, (_type, False))
ALL_QUESTION_KEYS["answer"] = ("text", False)   # an id is text too; checked per kind
ALL_QUESTION_KEYS["id"] = ("id", True)
ALL_QUESTION_KEYS["explain"] = ("text", True)

PLACEMENT_KEYS: KeyTable = {"perspective": ("id", True), "place": ("int", False),
                            "why": ("text", True), "quote": ("text", False),
                            "cite": ("map", False)}


class KindBuilders:
    """Builders for the source-work kinds; needs PackBuilder's report, reader, ids, documents."""

    # Provided by PackBuilder, which mixes this class in.
    report: Reporter
    reader: FieldReader
    ids: Namespace
    documents: Documents
    pack_id: str

    def citation(self, node: Any, at: Position, what: str, default_excerpt: str = "",
                 default_at: Optional[Position] = None) -> Optional[Citation]:
        raise NotImplementedError

    def distinct(self, choices: list[tuple[str, Position]], what: str,
                 noun: str = "choice") -> bool:
        raise NotImplementedError

    def kind_keys_ok(self, node: YMap, at: Position, what: str, kind: str) -> bool:
        """Report keys the kind does not take and keys it needs but lacks."""
        table = KIND_KEYS[kind]
        ok = True
        for key in node:
            name = str(key)
            if name in ALL_QUESTION_KEYS and name not in table:
                self.report.error(node.key_at(key), f"{what}: a {kind} question does not take "
                                  f"'{name}' (it takes: {', '.join(k for k in table if k != 'id')})")
                ok = False
        for name, (_, required) in table.items():
            if required and name not in node and name not in ("id", "explain"):
                self.report.error(at, f"{what}: missing required key '{name}' for a {kind} question")
                ok = False
        return ok

    def _cite_quote(self, node: YMap, what: str, values: dict,
                    quote_must_occur: bool = True) -> Optional[Citation]:
        """The question's citation (None when absent or wrong); an explicit excerpt is
        checked in citation(), and the quote shown (if any) must occur in the source too."""
        if "cite" not in values:
            return None
        quote = values.get("quote", "")
        cite = self.citation(values["cite"], node.value_at("cite"), what, quote,
                             node.value_at("quote") if quote else None)
        if cite is not None and quote_must_occur and quote and "excerpt" in values["cite"] \
                and not self.documents.occurs(cite.source, quote):
            self.report.error(node.value_at("quote"), f"{what}: the quote does not occur in source "
                              f"'{self.ids.shown(cite.source.id)}' ({short(quote)}); copy it exactly from "
                              f"{cite.source.path.name}"
                              + where_it_differs(cite.source.text, quote, cite.source.path.name))
            return None
        return cite

    def _answer_among(self, node: YMap, what: str, answer, chosen) -> bool:
        """A choice question's answer is the text of one of its choices (when both are there)."""
        if answer is None or not chosen or answer in chosen:
            return True
        self.report.error(node.value_at("answer"), f"{what}: the answer {short(answer, 60)} is "
                          f"not one of its choices (copy the text of the right choice)"
                          f"{suggest(answer, chosen)}")
        return False

    def _choices(self, node: YMap, what: str, values: dict, key: str = "choices",
                 least: int = 2) -> Optional[list[str]]:
        items = values.get(key)
        if items is None:
            return None
        if not self.distinct(items, what):
            return None
        if len(items) < least:
            self.report.error(node.value_at(key), f"{what}: give at least {least} {key}")
            return None
        return [text for text, _ in items]

    def _one_of(self, node: YMap, what: str, key: str, value, allowed) -> bool:
        """False (and the error reported, with a close name) when `value` is given but is
        none of `allowed`."""
        if value is None or value in allowed:
            return True
        self.report.error(node.value_at(key), f"{what}: {key} '{value}' is not one of "
                          f"{', '.join(allowed)}{suggest(value, allowed)}")
        return False

    # --- sourcing ----------------------------------------------------------------------
    def sourcing(self, node: YMap, at: Position, what: str, values: dict) -> Optional[Question]:
        facet = values.get("facet")
        ok = self._one_of(node, what, "facet", facet, FACETS)
        chosen = self._choices(node, what, values)
        answer = values.get("answer")
        ok &= self._answer_among(node, what, answer, chosen)
        cite = self._cite_quote(node, what, values)
        if not ok or chosen is None or answer is None or cite is None or facet is None:
            return None
        return Question(qualify(self.pack_id, values["id"]), SOURCING, answer, values["explain"], values.get("quote", ""),
                        values.get("prompt", ""), tuple(chosen), cite, self.pack_id, facet=facet)

    # --- corroboration -----------------------------------------------------------------
    def corroboration(self, node: YMap, at: Position, what: str,
                      values: dict) -> Optional[Question]:
        relation = values.get("relation")
        ok = self._one_of(node, what, "relation", relation, RELATIONS)
        cite = self._cite_quote(node, what, values)
        passages: list[Citation] = []
        section = values.get("passages")
        if isinstance(section, YList):
            seen: set[str] = set()
            for index, item in enumerate(section):
                where = section.item_at(index)
                passage = self.citation(item, where, f"{what}: passage {index + 1}")
                if passage is None:
                    ok = False
                    continue
                if passage.source.id in seen:
                    self.report.error(where, f"{what}: passage {index + 1}: source "
                                      f"'{self.ids.shown(passage.source.id)}' is offered twice; offer one "
                                      "passage per document")
                    ok = False
                elif cite is not None and passage.source.id == cite.source.id:
                    self.report.error(where, f"{what}: passage {index + 1} is from the claim's own "
                                      f"source '{self.ids.shown(cite.source.id)}'; offer other documents")
                    ok = False
                seen.add(passage.source.id)
                passages.append(passage)
            if len(section) < 2:
                self.report.error(node.value_at("passages"), f"{what}: offer at least 2 passages")
                ok = False
        answer = values.get("answer")
        keys = [p.source.id for p in passages]
        if answer is not None and ok:
            shown = [self.ids.shown(k) for k in keys]
            found = self.ids.lookup("source", answer, node.value_at("answer"), f"{what}: answer")
            if found is None:
                ok = False
            elif found.id not in keys:
                self.report.error(node.value_at("answer"), f"{what}: the answer '{answer}' is not "
                                  f"the source of one of its passages ({', '.join(shown)})"
                                  f"{suggest(answer, shown)}")
                ok = False
            else:
                answer = found.id
        if not ok or cite is None or answer is None or relation is None or not passages:
            return None
        return Question(qualify(self.pack_id, values["id"]), CORROBORATION, answer, values["explain"], values["quote"],
                        values.get("prompt", ""), tuple(keys), cite, self.pack_id,
                        relation=relation, passages=tuple(passages))

    # --- claim and evidence ------------------------------------------------------------
    def claim_evidence(self, node: YMap, at: Position, what: str,
                       values: dict) -> Optional[Question]:
        ok = True
        cite = self._cite_quote(node, what, values)
        quote = fold(values.get("quote", ""))
        items = values.get("statements") or []
        for text, where in items:
            if quote and fold(text) not in quote:
                self.report.error(where, f"{what}: the statement {short(text)} does not occur in the "
                                  "quote; copy it exactly from the quote")
                ok = False
        chosen = self._choices(node, what, values, "statements", least=2)
        answer = values.get("answer")
        if chosen is not None and answer is not None and answer != NONE and answer not in chosen:
            self.report.error(node.value_at("answer"), f"{what}: the answer {short(answer, 60)} is "
                              f"not one of its statements, nor '{NONE}' (when the record bears "
                              f"out every statement){suggest(answer, chosen)}")
            ok = False
        if not ok or cite is None or chosen is None or answer is None:
            return None
        return Question(qualify(self.pack_id, values["id"]), CLAIM, answer, values["explain"], values["quote"],
                        values.get("prompt", ""), tuple(chosen) + (NONE,), cite, self.pack_id,
                        statements=tuple(chosen))

    # --- spectrum ----------------------------------------------------------------------
    def spectrum(self, node: YMap, at: Position, what: str, values: dict) -> Optional[Question]:
        ok = True
        scale = values.get("scale")
        if scale is not None and len(scale) != 2:
            self.report.error(node.value_at("scale"), f"{what}: a scale has 2 ends, "
                              f"[left, right]; this one has {len(scale)}")
            ok = False
        placements: list[Placement] = []
        section = values.get("placements")
        if isinstance(section, YList):
            low, high = SCALE_SIZE
            if not low <= len(section) <= high:
                self.report.error(node.value_at("placements"), f"{what}: place {low} to {high} "
                                  f"voices on the scale, not {len(section)}")
                ok = False
            seen: set[str] = set()
            for index, item in enumerate(section):
                built = self.placement(item, section.item_at(index), f"{what}: placement {index + 1}",
                                       index + 1)
                if built is None:
                    ok = False
                    continue
                if built.perspective in seen:
                    self.report.error(section.item_at(index), f"{what}: "
                                      f"'{self.ids.shown(built.perspective)}' is placed twice")
                    ok = False
                seen.add(built.perspective)
                placements.append(built)
            if ok and len({p.place for p in placements}) < 2:
                self.report.error(node.value_at("placements"), f"{what}: every voice has the same "
                                  "place; nothing is left to order")
                ok = False
        if not ok or scale is None or not placements:
            return None
        ordered = tuple(sorted(placements, key=lambda p: p.place))
        return Question(qualify(self.pack_id, values["id"]), SPECTRUM, "", values["explain"], "",
                        values.get("prompt", ""), tuple(p.perspective for p in ordered), None,
                        self.pack_id, scale=tuple(text for text, _ in scale), placements=ordered)

    def placement(self, node: Any, at: Position, what: str, default: int) -> Optional[Placement]:
        values = self.reader.fields(node, at, what, PLACEMENT_KEYS)
        if not values or not {"perspective", "why"} <= values.keys():
            return None
        found = self.ids.lookup("perspective", values["perspective"],
                                node.value_at("perspective"), what)
        place = values.get("place", default)
        if "place" in values and place < 1:
            self.report.error(node.value_at("place"), f"{what}: place must be 1 or more "
                              "(1 is the left end of the scale)")
            return None
        cite = None
        if "quote" in values and "cite" not in values:
            self.report.error(node.value_at("quote"), f"{what}: a quote needs a 'cite' naming its source")
            return None
        if "cite" in values:
            quote = values.get("quote", "")
            cite = self.citation(values["cite"], node.value_at("cite"), what, quote,
                                 node.value_at("quote") if quote else None)
            if cite is None:
                return None
        if found is None:
            return None
        return Placement(found.id, place, values["why"], cite)
