"""YAML syntax errors in plain words: the likely cause and its fix (issue 13, item 3).

The parser says "mapping values are not allowed here"; a teacher needs "the value of
'title' contains ': '; put it in quotes". `diagnose` reads the offending line and the one
it belongs to and recognises the common slips:

- a ': ' inside an unquoted value            -> quote the value
- a straight " inside a "double-quoted" text  -> write \\" (or ' inside '...' -> '')
- a quote or a [ ] list never closed          -> close it
- `key: []` with items on the lines below     -> drop the `[]`
- a list item without its '- '                -> add the dash
- a line indented unlike its neighbours        -> line it up

Each diagnosis also carries the text with that one line repaired, so `recover` can go on
and find the other errors of the file (line numbers never change: only one line is
rewritten each time). Nothing here imports pygame or touches files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Optional

import yaml

# `  - key: value` (dash and value optional); a key is a plain word without ': '.
_KEY_LINE = re.compile(r"^(?P<indent> *)(?P<dash>(?:- +)*)(?P<key>[^\s:#'\"\[\]{}&*!|>%@`,-][^:#]*?|"
                       r"-[^\s:#][^:#]*?):(?:[ ]+(?P<value>.*?))?[ ]*$")
_MAX_REPAIRS = 50


@dataclass(frozen=True)
class Diagnosis:
    line: int                 # 1-based, 0 when unknown
    column: int               # 1-based, 0 when unknown
    message: str              # starts with "YAML syntax: "
    repaired: Optional[str]   # the whole text with the likely fix applied, if there is one
    repaired_line: int = 0    # the 1-based line that fix rewrites


def diagnose(text: str, error: Any) -> Diagnosis:
    """Plain words for a yaml.MarkedYAMLError met while parsing `text`."""
    lines = text.split("\n")
    mark = error.problem_mark or error.context_mark
    line0, col0 = (mark.line, mark.column) if mark is not None else (-1, -1)
    problem = error.problem or ""
    context = error.context or ""
    context_mark = error.context_mark
    for check in (_empty_then_items, _inner_quote, _unclosed_quote, _colon_in_value, _missing_dash,
                  _unclosed_bracket, _indentation):
        found = check(lines, line0, col0, problem, context, context_mark)
        if found is not None:
            return found
    message = f"YAML syntax: {problem or 'cannot be parsed'}"
    if context:
        message += f" ({context}"
        if context_mark is not None and context_mark is not mark:
            message += f" at line {context_mark.line + 1}"
        message += ")"
    if "\t" in problem:
        message += "; indent with spaces, not tabs"
    message += ("; look at this line and the one before it: a quote or bracket not closed, "
                "a ': ' inside unquoted text, or indentation that does not line up")
    return Diagnosis(line0 + 1, col0 + 1, message, None)


def recover(text: str) -> tuple[list[Diagnosis], Optional[str]]:
    """Every syntax error found by repairing one at a time, and the repaired text when the
    repairs made it parse (None when some error has no likely fix)."""
    found: list[Diagnosis] = []
    for _ in range(_MAX_REPAIRS):
        try:
            for _event in yaml.parse(text, Loader=yaml.SafeLoader):
                pass
            return found, text
        except yaml.MarkedYAMLError as error:
            diagnosis = diagnose(text, error)
            found.append(diagnosis)
            if diagnosis.repaired is None or diagnosis.repaired == text:
                return found, None
            text = diagnosis.repaired
        except yaml.YAMLError:
            return found, None
    return found, None


def untab(text: str) -> Optional[str]:
    """The text with tabs in indentation expanded, at the tab width (2, 4 or 8) that makes it
    parse with the fewest syntax errors, all of them fixable (None when no width does)."""
    best: Optional[tuple[int, str]] = None
    for width in (2, 4, 8):
        expanded = "\n".join(_expand_indent(line, width) for line in text.split("\n"))
        found, repaired = recover(expanded)
        if repaired is not None and (best is None or len(found) < best[0]):
            best = (len(found), expanded)
    return best[1] if best else None


def _expand_indent(line: str, width: int) -> str:
    body = line.lstrip(" \t")
    return line[:len(line) - len(body)].expandtabs(width) + body


# --- the slips ---------------------------------------------------------------------

_EMPTY_VALUE = re.compile(r"^(?P<head> *(?:- +)?[^\s:#][^:#]*?:)\s*(?P<empty>\[\s*\]|\{\s*\})\s*(?:#.*)?$")


def _empty_then_items(lines, line0, col0, problem, context, context_mark) -> Optional[Diagnosis]:
    """`events: []` and then `- id: ...` below it: the [] already closed the list."""
    if not 0 <= line0 < len(lines) or not lines[line0].lstrip().startswith("- "):
        return None
    above = line0 - 1
    while above >= 0 and (not lines[above].strip() or lines[above].lstrip().startswith("#")):
        above -= 1
    match = _EMPTY_VALUE.match(lines[above]) if above >= 0 else None
    if match is None:
        return None
    key = match["head"].strip().lstrip("- ").rstrip(":")
    empty = match["empty"]
    message = (f"YAML syntax: '{key}: {empty}' on line {above + 1} says '{key}' is empty, yet "
               f"items follow; write '{key}:' alone (remove the {empty}) and keep the items "
               "below it")
    return _fixed(line0 + 1, col0 + 1, message, lines, above, match["head"])



def _replace(lines: list[str], index: int, new: str) -> str:
    return "\n".join(lines[:index] + [new] + lines[index + 1:])


def _fixed(line: int, column: int, message: str, lines: list[str], index: int,
           new: Optional[str]) -> Diagnosis:
    """A diagnosis whose fix rewrites line `index` (0-based) as `new` (None: no fix)."""
    if new is None:
        return Diagnosis(line, column, message, None)
    return Diagnosis(line, column, message, _replace(lines, index, new), index + 1)


def _split_value(line: str) -> Optional[tuple[str, str]]:
    """(everything before the value, the value) of a `key: value` or `- value` line."""
    match = _KEY_LINE.match(line)
    if match and match["value"]:
        return line[:match.start("value")], line[match.start("value"):].rstrip()
    item = re.match(r"^( *- +)(\S.*?)\s*$", line)
    if item:
        return item[1], item[2]
    return None


def _close_of(value: str, quote: str) -> int:
    """Index of the quote closing the quoted text that starts `value`, or -1."""
    index = 1
    while index < len(value):
        char = value[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and value[index + 1:index + 2] == "'":
                index += 2  # '' is a quote inside '...'
                continue
            return index
        index += 1
    return -1


def _inner_quote(lines, line0, col0, problem, context, context_mark) -> Optional[Diagnosis]:
    """`summary: "known as "Black Saturday"."`: the inner quote closed the text early."""
    if "quoted scalar" in context:
        return None
    for index in (line0, line0 - 1):
        if not 0 <= index < len(lines):
            continue
        split = _split_value(lines[index])
        if split is None or not split[1] or split[1][0] not in "\"'":
            continue
        before, value = split
        quote = value[0]
        close = _close_of(value, quote)
        rest = value[close + 1:].strip() if close > 0 else ""
        if close < 0 or not rest or rest.startswith("#"):
            continue
        last = value.rfind(quote)
        if last <= close:
            continue
        inner = value[1:last]
        if quote == '"':
            inner = re.sub(r'(?<!\\)"', r'\\"', inner)
            how = 'write each quote inside it as \\" , or put the whole text in single quotes'
        else:
            inner = re.sub(r"(?<!')'(?!')", "''", inner)
            how = "write each ' inside it as '' (two single quotes), or put the whole text in double quotes"
        fixed = quote + inner + quote + value[last + 1:]
        what = "double" if quote == '"' else "single"
        column = len(before) + close + 1
        return _fixed(index + 1, column,
                      f"YAML syntax: the {what} quote at column {column} ends the quoted text "
                      f"early, so the rest of the line is left over; inside a text in {what} "
                      f"quotes, {how}: {_example(before, fixed)}",
                      lines, index, before + fixed)
    return None


def _unclosed_quote(lines, line0, col0, problem, context, context_mark) -> Optional[Diagnosis]:
    """`title: "The Thaw` and nothing closes it."""
    if "quoted scalar" not in context or context_mark is None:
        return None
    index, column = context_mark.line, context_mark.column
    if not 0 <= index < len(lines):
        return None
    quote = lines[index][column:column + 1] or '"'
    return _fixed(index + 1, column + 1,
                  f"YAML syntax: the quote {quote} opened here is never closed; add the closing "
                  f"{quote} at the end of the text (a text in quotes may not run on unclosed)",
                  lines, index, lines[index].rstrip() + quote)


def _colon_in_value(lines, line0, col0, problem, context, context_mark) -> Optional[Diagnosis]:
    """`title: Chapter 7: The Cuban Missile Crisis`: the second ': ' reads as a new key."""
    if not problem.startswith("mapping values are not allowed") or not 0 <= line0 < len(lines):
        return None
    line = lines[line0]
    match = _KEY_LINE.match(line)
    split = _split_value(line)
    if split is None:
        return None
    before, value = split
    if col0 < len(before):      # the colon is the line's own key: an indentation slip
        return None
    comment = re.search(r"\s#", value)
    plain = value[:comment.start()] if comment else value
    tail = value[comment.start():] if comment else ""
    quoted = '"' + plain.replace("\\", "\\\\").replace('"', '\\"') + '"'
    name = f"the value of '{match['key']}'" if match and match["value"] else "this list item"
    return _fixed(line0 + 1, col0 + 1,
                  f"YAML syntax: {name} contains ': ' (a colon and a space), which YAML reads as "
                  f"the start of another key; put the whole value in quotes: "
                  f"{_example(before, quoted)}",
                  lines, line0, before + quoted + tail)


def _missing_dash(lines, line0, col0, problem, context, context_mark) -> Optional[Diagnosis]:
    """A list item written without its '- ' at the level of the other items."""
    if "expected '-' indicator" not in problem or context_mark is None:
        return None
    if not 0 <= line0 < len(lines):
        return None
    line = lines[line0]
    indent = len(line) - len(line.lstrip(" "))
    dash_column = context_mark.column
    if indent != dash_column or line.lstrip(" ").startswith("-"):
        return None
    return _fixed(line0 + 1, indent + 1,
                  f"YAML syntax: this line is at the level of the list's items (each starts "
                  f"with '- ' at column {dash_column + 1}, as on line {context_mark.line + 1}) but "
                  f"has no '- '; if it starts a new item write '- ' before it, otherwise indent "
                  f"it like the lines of the item above",
                  lines, line0, line[:indent] + "- " + line[indent:])


def _unclosed_bracket(lines, line0, col0, problem, context, context_mark) -> Optional[Diagnosis]:
    """`choices: [a, b` with no `]`, or a `[ ]` list holding an unquoted ': '."""
    if "flow" not in context or context_mark is None or not 0 <= context_mark.line < len(lines):
        return None
    index = context_mark.line
    opening = lines[index][context_mark.column:context_mark.column + 1]
    closing = {"[": "]", "{": "}"}.get(opening)
    if closing is None:
        return None
    line = lines[index]
    closed = line.rstrip() + closing if line.count(opening) > line.count(closing) else None
    kind = "list" if opening == "[" else "mapping"
    return _fixed(line0 + 1, col0 + 1,
                  f"YAML syntax: the {kind} opened with '{opening}' on line {index + 1} (column "
                  f"{context_mark.column + 1}) is not closed; end it with '{closing}' on that line, "
                  f"and put any item holding ', ', ': ' or a quote in quotes "
                  f"(like [\"Kennedy: the speech\", other])", lines, index, closed)


def _indentation(lines, line0, col0, problem, context, context_mark) -> Optional[Diagnosis]:
    """A line indented more or less than the keys it sits among."""
    if not 0 <= line0 < len(lines):
        return None
    line = lines[line0]
    if not line.strip():
        return None
    indent = len(line) - len(line.lstrip(" "))
    previous = _previous_key_line(lines, line0)
    if previous is None:
        return None
    index, key_column, key = previous
    if indent == key_column:
        return None
    own = _KEY_LINE.match(line)
    name = f"'{own['key']}:'" if own else "this line"
    spaces = "space" if indent == 1 else "spaces"
    if indent > key_column:
        why = f"so YAML reads it as more of the value of '{key}'"
    else:
        why = "so YAML cannot tell which item it belongs to"
    return _fixed(line0 + 1, indent + 1,
                  f"YAML syntax: this line is indented by {indent} {spaces} but '{key}:' on line "
                  f"{index + 1} by {key_column}, {why}; line {name} up with '{key}:' "
                  f"(keys of one item start in the same column)",
                  lines, line0, " " * key_column + line.lstrip(" "))


def _previous_key_line(lines: list[str], line0: int) -> Optional[tuple[int, int, str]]:
    """(index, column of its key, key) of the nearest `key:` line above line0."""
    for index in range(line0 - 1, -1, -1):
        text = lines[index]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        match = _KEY_LINE.match(text)
        if match is None:
            return None
        return index, len(match["indent"]) + len(match["dash"]), match["key"].strip()
    return None


def _example(before: str, value: str, limit: int = 90) -> str:
    """The fixed line, shortened for a message."""
    line = (before + value).strip()
    return line if len(line) <= limit else line[:limit - 3] + "..."
