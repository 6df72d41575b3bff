"""Turning one pack file into a checked, frozen `Pack` (DESIGN.md section 3).

Every rule is checked and every problem collected before giving up, so a teacher sees all
the mistakes of a file at once, each as `path:line:col: error: ...`.

    pack = load_pack("levels/khrushchev-era.yaml")           # raises PackError
    checked = check_pack(read_yaml(path), available={...})   # pack or None, plus problems

The package's parts, each usable alone:
    schema.py     key tables and FieldReader: one mapping -> typed values, with problems
    ids.py        Namespace: the ids a pack sees (its own and its requirements'), claim/lookup
    documents.py  Documents: where a source's file is, reading it once, finding excerpts
    builders.py   PackBuilder: walks the file once, building sources ... levels
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Optional

from game.content.loader.builders import ERA, PackBuilder
from game.content.loader.documents import MAX_SOURCE_BYTES, DocumentCache
from game.content.loader.schema import FORMAT, ID_HINT, suggest
from game.content.model import Pack
from game.content.problems import PackError, Problem
from game.content import yamlhelp
from game.content.yamlsafe import Position, YamlFile, YList, YMap, parse_yaml_text, read_yaml

__all__ = ["load_pack", "check_pack", "CheckedPack", "peek_header", "suggest",
           "FORMAT", "ERA", "MAX_SOURCE_BYTES", "ID_HINT"]


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


def load_pack(path: Path | str, available: Optional[Mapping[str, Pack]] = None) -> Pack:
    """The pack in `path`, checked against the packs it may require; PackError lists all errors."""
    checked = check_pack(read_yaml(path), available)
    if checked.pack is None:
        raise PackError(checked.errors)
    return checked.pack


def check_pack(parsed: YamlFile, available: Optional[Mapping[str, Pack]] = None,
               documents: Optional[DocumentCache] = None) -> CheckedPack:
    """Check a parsed file; `documents` caches source texts across the packs of a library."""
    checked = CheckedPack(parsed.path, parsed.display, None, list(parsed.problems))
    if parsed.data is None:
        checked.problems.extend(_past_syntax_errors(parsed, available, documents))
        checked.problems.sort(key=lambda p: (p.line, p.column))
        return checked
    builder = PackBuilder(parsed, dict(available or {}),
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


TAB_PROBLEM = "a tab is used for indentation"  # yamlsafe's message (lines with tabs)


def _past_syntax_errors(parsed: YamlFile, available: Optional[Mapping[str, Pack]],
                        documents: Optional[DocumentCache]) -> list[Problem]:
    """After a YAML syntax error (or tabs in indentation), the file's other problems, where
    the parser allows: each syntax error's likely fix is applied in turn (yamlhelp.recover;
    tabs expanded at the width that parses) and the repaired text checked. Problems on the
    lines reported already are left out. The pack is never loaded from a repaired text."""
    tabs = any(p.message.startswith(TAB_PROBLEM) for p in parsed.problems)
    if not parsed.text or not (tabs or any(p.message.startswith("YAML syntax")
                                           for p in parsed.problems)):
        return []
    text = yamlhelp.untab(parsed.text) if tabs else parsed.text
    if text is None:
        return []
    found, repaired = yamlhelp.recover(text)
    known = {p.line for p in parsed.problems}
    more = [Problem(parsed.display, d.line, d.column, d.message)
            for d in found if d.line not in known]
    # Problems on a line a fix rewrote are the fix's guess, not the teacher's: left out.
    known |= {d.repaired_line for d in found}
    if repaired is None:
        return more
    again = parse_yaml_text(repaired, parsed.display)
    if again.data is None:
        return more
    again.path = parsed.path
    checked = check_pack(again, available, documents)
    known |= {p.line for p in more}
    return more + [p for p in checked.problems if p.line not in known]


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
