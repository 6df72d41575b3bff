"""Reading a pack file as plain YAML, safely, keeping the line and column of every value.

We build the tree from the parser's events ourselves instead of calling a loader, because
that is the one place where every hostile trick can be stopped before it costs anything:
anchors and aliases are refused where they are written (so an alias bomb never expands),
nesting depth is counted as it grows (so `[[[[...` never reaches a recursive composer),
explicit tags other than the plain YAML ones are refused (so `!!python/...` is never
constructed), and duplicate keys are caught at the key. The size, the encoding, control
characters and tab indentation are checked on the raw bytes and text before parsing.

The result is made of `YMap` (a dict) and `YList` (a list) that remember where each of
their keys, values and items was written, and plain scalars (str, int, float, bool, None,
datetime.date). A date that is not a calendar date (1956-02-30) stays the string it was
written as, so the loader can say which field is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from game.content import yamlhelp
from game.content.problems import Problem
from game.safefile import FileRefused, check_regular, read_regular, safe_resolve

try:  # libyaml's parser is several times faster; the pure-Python one gives the same events
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 2 * 1024 * 1024   # a hand-written pack is a few hundred kB at most
MAX_DEPTH = 50                # a pack nests five or six levels deep
MAX_PROBLEMS = 50             # past this, more messages would not help anyone

Position = tuple[int, int]    # 1-based (line, column)

_STD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_STD + name for name in ("str", "int", "float", "bool", "null", "timestamp")}
_ALLOWED_TAGS = _SCALAR_TAGS | {_STD + "map", _STD + "seq"}
# YAML 1.1 printable characters; anything else means binary data or a broken editor.
_NOT_PRINTABLE = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


class YMap(dict):
    """A mapping that remembers where it, each key and each value were written."""

    def __init__(self, position: Position):
        super().__init__()
        self.position = position
        self.key_positions: dict[Any, Position] = {}
        self.value_positions: dict[Any, Position] = {}

    def key_at(self, key: Any) -> Position:
        return self.key_positions.get(key, self.position)

    def value_at(self, key: Any) -> Position:
        return self.value_positions.get(key, self.key_at(key))


class YList(list):
    """A sequence that remembers where it and each item were written."""

    def __init__(self, position: Position):
        super().__init__()
        self.position = position
        self.item_positions: list[Position] = []

    def item_at(self, index: int) -> Position:
        if 0 <= index < len(self.item_positions):
            return self.item_positions[index]
        return self.position


@dataclass
class YamlFile:
    """What reading one file gave: the tree (None when unreadable), its text and problems."""
    path: Path
    display: str
    text: str = ""
    data: Any = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)


def display_path(path: Path | str) -> str:
    """Relative to the current folder when the file is under it, else as given."""
    given = Path(path)
    try:
        return str(safe_resolve(given).relative_to(safe_resolve(Path.cwd())))
    except (ValueError, OSError):
        return str(path)


def read_yaml(path: Path | str, display: Optional[str] = None, max_bytes: int = MAX_BYTES) -> YamlFile:
    """Read and parse one file. Never raises for bad content: problems are listed instead."""
    result = YamlFile(Path(path), display or display_path(path))
    data = _read_bytes(result, max_bytes)
    if data is None:
        return result
    text = _decode(result, data)
    if text is None:
        return result
    result.text = text
    if not _check_characters(result, text):
        return result
    _check_tabs(result, text)
    if not result.ok:
        return result
    result.data = _Builder(result).build(text)
    if not result.problems and result.data is None:
        _fail(result, 0, 0, "the file is empty; a pack starts with 'format: 1'")
    return result


def parse_yaml_text(text: str, display: str = "<text>") -> YamlFile:
    """The same checks on text already in memory (for tests and tools)."""
    result = YamlFile(Path(display), display, text)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        _fail(result, 0, 0, f"the text is larger than {MAX_BYTES // (1024 * 1024)} MB")
        return result
    if _check_characters(result, text):
        _check_tabs(result, text)
    if result.ok:
        result.data = _Builder(result).build(text)
    return result


# --- checks on the raw file ---------------------------------------------------------

def _fail(result: YamlFile, line: int, column: int, message: str) -> None:
    if len(result.problems) < MAX_PROBLEMS:
        result.problems.append(Problem(result.display, line, column, message))


def _read_bytes(result: YamlFile, max_bytes: int) -> Optional[bytes]:
    """Only a regular file is read (a FIFO would hang us, a link loop cannot be read),
    and its size is checked before reading: a 40 MB file is never parsed."""
    try:
        size = check_regular(result.path).st_size
        if size > max_bytes:
            _fail(result, 0, 0, f"the file is {size / (1024 * 1024):.1f} MB; a pack may be at "
                                f"most {max_bytes / (1024 * 1024):.0f} MB (split it into several packs)")
            return None
        return read_regular(result.path, max_bytes)
    except FileNotFoundError:
        _fail(result, 0, 0, "no such file")
    except FileRefused as refused:
        if refused.reason.startswith("is a folder"):
            _fail(result, 0, 0, "is a folder, not a pack file")
        else:
            _fail(result, 0, 0, f"this path {refused.reason}; a pack is a YAML text file")
    except OSError as error:
        _fail(result, 0, 0, f"cannot be read: {error.strerror or error}")
    return None


def _decode(result: YamlFile, data: bytes) -> Optional[str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        _fail(result, 1, 1, "the file is saved as UTF-16; save it as UTF-8 in your editor")
        return None
    if b"\x00" in data:
        where = data.index(b"\x00")
        line, column = _byte_position(data, where)
        _fail(result, line, column, "this is not a text file (it contains NUL bytes); "
                                    "a pack is a UTF-8 text file")
        return None
    try:
        text = data.decode("utf-8-sig")  # a UTF-8 byte-order mark is fine
    except UnicodeDecodeError as error:
        line, column = _byte_position(data, error.start)
        bad = data[error.start:error.start + 1].hex().upper()
        _fail(result, line, column, f"the file is not UTF-8 text (byte 0x{bad} cannot be read); "
                                    "save it as UTF-8 in your editor")
        return None
    return text


def _byte_position(data: bytes, offset: int) -> Position:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def _text_position(text: str, offset: int) -> Position:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _check_characters(result: YamlFile, text: str) -> bool:
    found = _NOT_PRINTABLE.search(text)
    if found is None:
        return True
    line, column = _text_position(text, found.start())
    _fail(result, line, column, f"character U+{ord(found.group()):04X} is a control character, "
                                "not allowed in a pack (is this really a text file?)")
    return False


def _check_tabs(result: YamlFile, text: str) -> None:
    """YAML forbids tabs in indentation; its own message for it is cryptic, ours is not."""
    if "\t" not in text:
        return
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[:len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            _fail(result, number, indent.index("\t") + 1,
                  "a tab is used for indentation; indent with spaces only")


# --- building the tree from parser events -------------------------------------------

class _Stop(Exception):
    """Parsing cannot usefully go on (the problem is already recorded)."""


_IMPLICIT = Resolver.yaml_implicit_resolvers   # first character -> [(tag, regexp)]
_WILDCARD = tuple(_IMPLICIT.get(None, ()))
_NO_KEY = object()  # a mapping frame waiting for its next key
_INT, _FLOAT = _STD + "int", _STD + "float"
_PLAIN_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_PLAIN_FLOAT = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
#: How YAML 1.1 would have read a number written in an unusual way (for messages).
ODD_NUMBER = re.compile(r"^[-+]?(?:0[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+"
                        r"(?:\.[0-9_]*)?|[0-9][0-9_]*_[0-9_]*|\.(?:inf|Inf|INF|nan|NaN|NAN))$")


class _Builder:
    """Builds YMap/YList/scalars from parser events in one tight loop (speed matters:
    a big pack has ~150,000 events)."""

    def __init__(self, result: YamlFile):
        self.result = result
        self.constructor = SafeConstructor()
        self.documents = 0
        self.text = ""

    def build(self, text: str) -> Any:
        self.text = text
        loader = _Loader(text)
        try:
            # Kept even when some values were refused, so the loader can report the rest too.
            return self._run(loader.get_event)
        except _Stop:
            return None
        except yaml.MarkedYAMLError as error:
            self._syntax_error(error)
            return None
        except yaml.YAMLError as error:  # a reader error: bad characters the checks missed
            _fail(self.result, 0, 0, f"YAML could not be read: {error}")
            return None
        except RecursionError:
            _fail(self.result, 0, 0, f"the YAML is nested too deeply (more than {MAX_DEPTH} levels)")
            return None
        finally:
            loader.dispose()

    def _syntax_error(self, error: yaml.MarkedYAMLError) -> None:
        # In plain words, with the likely cause and fix (game/content/yamlhelp.py).
        found = yamlhelp.diagnose(self.text, error)
        _fail(self.result, found.line, found.column, found.message)

    def _error(self, event, message: str) -> None:
        mark = event.start_mark
        _fail(self.result, mark.line + 1, mark.column + 1, message)

    def _run(self, get_event) -> Any:
        stack: list[list] = []  # frames: [container, is_mapping, pending key, key position]
        root = None
        scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
        mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
        mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        while True:
            event = get_event()
            if event is None:
                return root
            kind = type(event)
            if kind is scalar_event:
                if event.anchor is not None or event.tag is not None:
                    self._check_node(event)
                value = self._scalar(event) if event.tag is not None or event.implicit[0] else event.value
                mark = event.start_mark
                position = (mark.line + 1, mark.column + 1)
            elif kind is mapping_start or kind is sequence_start:
                if event.anchor is not None or event.tag is not None:
                    self._check_node(event)
                if len(stack) >= MAX_DEPTH:
                    self._error(event, f"the YAML is nested too deeply (more than {MAX_DEPTH} levels)")
                    raise _Stop
                mark = event.start_mark
                position = (mark.line + 1, mark.column + 1)
                if kind is mapping_start:
                    stack.append([YMap(position), True, _NO_KEY, None])
                else:
                    stack.append([YList(position), False, None, None])
                continue
            elif kind is mapping_end or kind is sequence_end:
                value = stack.pop()[0]
                position = value.position
            elif kind is alias_event:
                self._error(event, f"aliases (*{event.anchor}) are not allowed in a pack; "
                                   "write the value out in full")
                value = None
                position = (event.start_mark.line + 1, event.start_mark.column + 1)
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    self._error(event, "a pack file holds one YAML document; remove the second '---'")
                    raise _Stop
                continue
            else:
                continue
            # Put the value where it belongs: the root, a list item, a key or a key's value.
            if not stack:
                root = value
                continue
            frame = stack[-1]
            container = frame[0]
            if not frame[1]:
                container.append(value)
                container.item_positions.append(position)
                continue
            key = frame[2]
            if key is _NO_KEY:
                if type(value) is YMap or type(value) is YList:
                    _fail(self.result, *position, "a key must be a plain word, not a list or mapping")
                    value = _BadKey()
                elif value in container.key_positions:
                    first = container.key_positions[value][0]
                    _fail(self.result, *position, f"duplicate key '{value}' (already given at line {first})")
                    value = _BadKey()
                frame[2], frame[3] = value, position
                continue
            frame[2] = _NO_KEY
            if type(key) is not _BadKey:
                container[key] = value
                container.key_positions[key] = frame[3]
                container.value_positions[key] = position

    def _check_node(self, event) -> None:
        if event.anchor is not None:
            self._error(event, f"anchors (&{event.anchor}) are not allowed in a pack; "
                               "write each value out in full")
        tag = event.tag
        if tag is not None and tag != "!" and tag not in _ALLOWED_TAGS:
            shown = "!!" + tag[len(_STD):] if tag.startswith(_STD) else tag
            self._error(event, f"the tag '{shown}' is not allowed: a pack is plain YAML "
                               "(text, numbers, dates, lists and mappings)")

    def _scalar(self, event) -> Any:
        """A plain or explicitly tagged scalar as the value YAML's safe schema gives."""
        value = event.value
        tag = event.tag
        if tag is None:  # plain: resolve as PyYAML's Resolver does, without its overhead
            for tag, regexp in (*_IMPLICIT.get(value[0] if value else "", ()), *_WILDCARD):
                if regexp.match(value):
                    break
            else:
                return value
            # YAML 1.1 reads 010 as 8 (octal), 1:30 as 90 (base 60), 0x1F, 1_000 and .inf
            # as numbers: nobody writing a pack means that. Such a value stays the text
            # written; where a number is expected, the loader says what to write.
            if tag == _INT and not _PLAIN_INT.match(value):
                return value
            if tag == _FLOAT and not _PLAIN_FLOAT.match(value):
                return value
        if tag == _STD + "merge":
            self._error(event, "merge keys ('<<') are not allowed in a pack")
            return value
        if tag not in _SCALAR_TAGS or tag == _STD + "str":
            return value  # '!' means text; refused tags were reported already
        node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark)
        try:
            return self.constructor.yaml_constructors[tag](self.constructor, node)
        except (ValueError, OverflowError, yaml.YAMLError):
            # 1956-02-30 looks like a date but is none: keep the text, the loader says why.
            return value


class _BadKey:
    """Stands in for a key that was refused, so its value is skipped."""

    def __hash__(self) -> int:
        return id(self)

