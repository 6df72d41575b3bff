"""What a timeline can be built from: dates, event cues and quotes found in a document.

`thaw extract` shows these to a teacher writing a pack. Everything here is pure: text in,
frozen dataclasses out; the command prints them. Every finding carries the sentence around
it, cut verbatim from its line, so it can be pasted into a pack as a cited excerpt.
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence

from game.content.dates import DateError, PartialDate
from game.content.text import fold

DATE, EVENT, QUOTE = "date", "event", "quote"
MAX_BYTES = 5_000_000  # a document, not a database dump: refuse before reading it all
MAX_SENTENCE = 600     # characters: a run-on "sentence" is cut around the finding
LOOK_BACK = 300        # characters before a quote searched for its speaker

# --- dates ----------------------------------------------------------------------------
_MONTHS = ("January February March April May June July August September October November "
           "December").split()
_MONTH = "(" + "|".join(_MONTHS) + ")"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_MONTH_YEAR = re.compile(r"\b" + _MONTH + r",?\s+(\d{4})\b")
# A day without a year ("On 24 October") takes the year of the last full date before it.
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"\b")
_MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?![,\s]*\d)")
_RELATIVE = re.compile(r"\b(?:on\s+)?(?:today|this\s+day)\s+in\s+(\d{4})\b", re.I)
_DECADE = re.compile(r"\b(?:(?:by|circa)\s+)?(?:the\s+)?(?:(early|mid|late)[-\s]+)?(19[56]0)s\b",
                     re.I)
_YEAR = re.compile(r"\b(19[56]\d)\b")
_YEAR_RANGE = re.compile(r"\b(1[89]\d\d|20\d\d)\s*[-–]\s*(1[89]\d\d|20\d\d)\b")  # a span
_DECADE_PART = {None: (0, 9), "early": (0, 3), "mid": (4, 6), "late": (7, 9)}
# A line that is nothing but a date is the dated header of a post ("Sunday, 25 February 2024").
_HEADER = re.compile(r"^\s*" + _WEEKDAY + r"(?:\d{1,2}\s+" + _MONTH + r"|" + _MONTH
                     + r"\s+\d{1,2}),?\s+\d{4}\s*$")

# --- quotes and who said them -----------------------------------------------------------
_QUOTE = re.compile(r'"([^"\n]+)"|“([^“”\n]+)”')
_CITATION_AFTER = re.compile(r"\s*\(([^()\n]*[A-Za-z][^()\n]*)\)")
_SPEAKER_BEFORE = re.compile(
    r"(?:in\s+the\s+words\s+of|according\s+to)\s+(?P<named>[^,;:()]+?)\s*[,:]?\s*$"
    r"|(?P<who>\b(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}|he|she|they))\s+(?:\w+ly\s+)?"
    r"(?:stated|states|said|says|writes|wrote|argued|argues|declared|declares|claimed|claims|"
    r"noted|notes|insisted|insists|warned|warns|put\s+it|told|tells|asked|asks|announced|"
    r"announces|replied|replies|answered|added|explained|promised|proclaimed|admitted|recalled|"
    r"called(?:\s+out)?|cried|shouted)\b(?P<gap>[^\"“”.!?]{0,60})$")
_PRONOUNS = {"he", "she", "they"}
_PEOPLE = re.compile(r"\b(Khrushchev|Khruschev|Kruschev|Khrushchov|Stalin|Lenin|Trotsky|Malenkov|"
                     r"Zhukov|Brezhnev|Mao|Beria|Molotov|Evtushenko|Yevtushenko|Kennedy|"
                     r"Eisenhower|Nixon|Tito)\b")
_LEADING_PHRASES = re.compile(r"^(?:in\s+the\s+words\s+of|according\s+to|see)\s+", re.I)

# --- who wrote a paragraph --------------------------------------------------------------
_COMMENTS_START = re.compile(r"^\s*\d+\s+(?:thoughts?|responses?|comments?|replies)\s+(?:on|to)\b",
                             re.I)
_COMMENTS_END = re.compile(r"^\s*leave\s+a\s+reply\s*$", re.I)
_NUMBERED = re.compile(r"^(?P<indent>\s*)(?P<n>\d+)\.\s+(?P<rest>\S.*)$")
_SAYS = re.compile(r"^(?P<name>\S.{0,40}?)\s+(?:says|said|writes|wrote):\s*$")

# --- sentences ----------------------------------------------------------------------------
_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s|$)")
_NOT_AN_END = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|etc|e\.g|i\.e|cf)|\b[A-Z])$")


class ExtractError(Exception):
    """A document that cannot be read; str() is one line naming the file."""


@dataclass(frozen=True)
class Finding:
    kind: str                          # DATE, EVENT or QUOTE
    document: Path
    line: int                          # 1-based
    text: str                          # what was matched, as written
    sentence: str                      # the sentence(s) around it, verbatim from the line
    date: Optional[str] = None         # YYYY[-MM[-DD]]: a date's value; an event's date
    note: str = ""                     # a date's span or role; an event's vaguer date
    event_id: Optional[str] = None     # event cues: suggested id and title
    title: Optional[str] = None
    attribution: Optional[str] = None  # quotes: who is quoted, where the text says
    author: Optional[str] = None       # who wrote this paragraph, where the document shows it


@dataclass(frozen=True)
class DocumentReport:
    path: Path
    title: str
    kind: str
    findings: tuple[Finding, ...]

    def of_kind(self, kind: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind == kind)


# --- reading ------------------------------------------------------------------------------
def read_document(path: Path) -> str:
    """The text of a UTF-8 document, or ExtractError with a one-line reason."""
    try:
        if path.is_dir():
            raise ExtractError(f"{path}: error: is a folder, not a document")
        if path.stat().st_size > MAX_BYTES:
            raise ExtractError(f"{path}: error: larger than {MAX_BYTES // 1_000_000} MB")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ExtractError(f"{path}: error: no such file") from None
    except OSError as error:
        raise ExtractError(f"{path}: error: cannot read ({error.strerror or error})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ExtractError(f"{path}: error: not UTF-8 text (byte 0x{data[error.start]:02x} at "
                           f"offset {error.start}); save it as UTF-8") from None


def extract_files(paths: Iterable[Path]) -> tuple[list[DocumentReport], list[ExtractError]]:
    """Reports for the readable documents and errors for the others, in the order given."""
    reports, errors = [], []
    for path in paths:
        try:
            reports.append(extract(path, read_document(path)))
        except ExtractError as error:
            errors.append(error)
    return reports, errors


def extract(path: Path, text: str) -> DocumentReport:
    lines = text.splitlines()
    headers = _dated_headers(lines)
    authors = _paragraph_authors(lines)
    findings: list[Finding] = []
    context: Optional[tuple[int, int]] = None  # (year, line) of the last full date seen
    for number, line in enumerate(lines, start=1):
        author = authors[number - 1]
        previous = lines[number - 2] if number > 1 else ""
        heading = next((l for l in reversed(lines[max(0, number - 4):number - 1]) if l.strip()), "")
        spans = sentence_spans(line)
        for start, end in spans:
            sentence = line[start:end]
            dates = list(_dates(sentence, number, headers, context))
            findings += [Finding(DATE, path, number, t, _cut(sentence, at, at + len(t)), d, n,
                                 author=author) for at, t, d, n in dates]
            findings += _events(path, number, sentence, dates, author)
            for _, _, iso, note in dates:
                if iso and note in ("", "post date") and number not in headers:
                    context = (int(iso[:4]), number)
        findings += _quotes(path, number, line, spans, previous, author, heading)
    return DocumentReport(path, document_title(lines), guess_kind(text), tuple(findings))


# --- sentences ----------------------------------------------------------------------------
def sentence_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in a line, without surrounding spaces or list numbers."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(line):
        head = line[start:match.start()]
        if head.strip().isdigit():  # "1. sowelld says:" is a numbered item, not a sentence
            start = match.end()
            continue
        if not head.strip() or _NOT_AN_END.search(head):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(line)))
    return [_strip(line, a, b) for a, b in spans if line[a:b].strip()]


def _strip(line: str, start: int, end: int) -> tuple[int, int]:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return start, end


def sentence_around(line: str, start: int, end: int, spans=None) -> str:
    """The whole sentences of `line` that the span start..end touches (cut if very long)."""
    spans = spans or sentence_spans(line)
    first = max(bisect.bisect_right(spans, (start, len(line))) - 1, 0)
    touched = [(a, b) for a, b in spans[first:bisect.bisect_left(spans, (end, 0))]
               if a < end and start < b]
    if not touched:
        return line[start:end]
    return _cut(line, start, end, touched[0][0], touched[-1][1])


def _cut(text: str, start: int, end: int, lo: int = 0, hi: Optional[int] = None,
         limit: int = MAX_SENTENCE) -> str:
    """text[lo:hi], or a window of whole words around start..end when that is very long.

    Always a verbatim piece of the line, so it still occurs in the document as an excerpt.
    """
    hi = len(text) if hi is None else hi
    if hi - lo <= limit:
        return text[lo:hi]
    margin = max(0, (limit - (end - start)) // 2)
    cut_lo, cut_hi = max(lo, start - margin), min(hi, end + margin)
    if cut_lo > lo and (space := text.find(" ", cut_lo, start)) >= 0:
        cut_lo = space + 1
    if cut_hi < hi and (space := text.rfind(" ", end, cut_hi)) >= 0:
        cut_hi = space
    return text[cut_lo:cut_hi].strip()


# --- dates ----------------------------------------------------------------------------------
def _dates(sentence: str, line: int, headers: dict[int, PartialDate],
           context: Optional[tuple[int, int]] = None) -> Iterator[tuple]:
    """(start, text, iso or None, note) per date expression, in order, never overlapping.

    `context` is the (year, line) of the last full date before: a day written without a
    year ("On 24 October") is dated in that year, and the note says so.
    """
    taken = bytearray(len(sentence))  # 1 where an earlier, more specific date matched
    found = []

    def claim(match):
        if any(taken[match.start():match.end()]):
            return False
        taken[match.start():match.end()] = b"\1" * (match.end() - match.start())
        return True

    for match in _RELATIVE.finditer(sentence):
        if claim(match):
            found.append((match.start(), match.group(0), *_resolve_relative(match, line, headers)))
    for pattern, order in ((_DAY_MONTH_YEAR, (3, 2, 1)), (_MONTH_DAY_YEAR, (3, 1, 2)),
                           (_MONTH_YEAR, (2, 1, None))):
        for match in pattern.finditer(sentence):
            if claim(match):
                year, month = match.group(order[0]), match.group(order[1])
                day = match.group(order[2]) if order[2] else None
                iso = _iso(int(year), _MONTHS.index(month) + 1, int(day) if day else None)
                note = "post date" if line in headers else ""
                found.append((match.start(), match.group(0), iso, note))
    if context is not None:
        year, where = context
        for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
            for match in pattern.finditer(sentence):
                if claim(match):
                    month = _MONTHS.index(match.group(month_group)) + 1
                    iso = _iso(year, month, int(match.group(day_group)))
                    found.append((match.start(), match.group(0), iso,
                                  f"the year {year} is from line {where}"))
    for match in _YEAR_RANGE.finditer(sentence):
        if claim(match):
            found.append((match.start(), match.group(0), None,
                          f"{match.group(1)}-{match.group(2)}"))
    for match in _DECADE.finditer(sentence):
        if claim(match):
            first, last = _DECADE_PART[(match.group(1) or "").lower() or None]
            decade = int(match.group(2))
            found.append((match.start(), match.group(0), None, f"{decade + first}-{decade + last}"))
    for match in _YEAR.finditer(sentence):
        if claim(match):
            found.append((match.start(), match.group(0), match.group(1), ""))
    for start, text, iso, note in sorted(found):
        if iso or note:
            yield start, text, iso, note


def _resolve_relative(match, line: int,
                      headers: dict[int, PartialDate]) -> tuple[Optional[str], str]:
    """'today in 1956' under a post dated 25 February 2024 means 1956-02-25."""
    year = int(match.group(1))
    before = [n for n in headers if n <= line]
    nearest = max(before) if before else min(headers, default=None)
    if nearest is None:
        return str(year), "no dated post header to resolve 'today'"
    header = headers[nearest]
    iso = _iso(year, header.month, header.day)
    return iso, f"the day of the post dated on line {nearest}, in {year}"


def _iso(year: int, month: Optional[int], day: Optional[int]) -> Optional[str]:
    try:
        return PartialDate(year, month, day).iso()
    except DateError:
        return None  # "February 30, 1953": not a date, so no finding


def _dated_headers(lines: Sequence[str]) -> dict[int, PartialDate]:
    """line number -> date, for lines that are only a date (a post's dated header)."""
    headers = {}
    for number, line in enumerate(lines, start=1):
        if _HEADER.match(line):
            for _, _, iso, _ in _dates(line, 0, {}):
                if iso:
                    headers[number] = PartialDate.parse(iso)
                    break
    return headers


# --- events: every dated sentence is a candidate ------------------------------------------
def _events(path: Path, line: int, sentence: str, dates: list, author) -> list[Finding]:
    """One candidate event per sentence with an exact date (the first one in it): its
    title is drawn from the sentence, its excerpt is the sentence."""
    exact = [(start, text, iso, note) for start, text, iso, note in dates
             if iso and note != "post date"]
    if not exact:
        return []
    start, text, iso, note = exact[0]
    others = [t for _, t, _, _ in exact[1:]]
    if others:
        note = "; ".join(filter(None, [note, "the sentence also names " + ", ".join(others)]))
    title = draft_title(sentence, text)
    return [Finding(EVENT, path, line, text, _cut(sentence, start, start + len(text)), iso,
                    note, event_id=slug(title) or "event", title=title, author=author)]


_LEAD_IN = re.compile(r"(?:\b(?:on|in|by|from|since|until|till|during|of|early|late|mid|"
                      r"the|about|around|circa|at\s+the\s+end\s+of|at)\s+)*$", re.I)
_TITLE_WORDS = 12


def draft_title(sentence: str, date_text: str) -> str:
    """'On 14 October 1962 an American U-2 spy plane photographed...' ->
    'An American U-2 spy plane photographed...': the sentence without its date, its first
    clause when that says enough, cut to a dozen words."""
    at = sentence.find(date_text)
    if at < 0:
        rest = sentence
    else:
        head = _LEAD_IN.sub("", sentence[:at])
        rest = head.rstrip(" ,") + sentence[at + len(date_text):]
    rest = re.sub(r"^\s*(?:\d+(?:\.\d+)*\s+)", "", rest)  # a section number "7.1"
    rest = " ".join(rest.split()).strip(" ,;:-–—")
    rest = re.sub(r"[.!?]+[\"”’')\]]*$", "", rest)
    for mark in ("; ", " – ", " — ", ": "):
        if mark in rest:
            rest = rest.split(mark, 1)[0]
    clauses = rest.split(", ")
    if len(clauses) > 1:  # the first clauses that say something: four words at least
        taken = 1
        while taken < len(clauses) and len(", ".join(clauses[:taken]).split()) < 4:
            taken += 1
        rest = ", ".join(clauses[:taken])
    words = rest.split()
    if len(words) > _TITLE_WORDS:
        words = words[:_TITLE_WORDS]
        while len(words) > 3 and words[-1].lower().strip(",;") in _STOPWORDS:
            words.pop()
        rest = " ".join(words).rstrip(",;:") + "…"
    rest = rest.strip()
    return (rest[:1].upper() + rest[1:]) if rest else f"Event of {date_text}"


# --- quotes ---------------------------------------------------------------------------------
def _quotes(path: Path, line_no: int, line: str, spans: list[tuple[int, int]], previous: str,
            author, heading: str = "") -> list[Finding]:
    found = []
    for match in _QUOTE.finditer(line):
        quote = (match.group(1) or match.group(2)).strip()
        after = _CITATION_AFTER.match(line, match.end())
        end = after.end() if after else match.end()
        attribution = _LEADING_PHRASES.sub("", after.group(1).strip()) if after else None
        if attribution is None:
            attribution = _speaker_before(line, match.start(), spans, previous)
        if attribution is None and match.start() < 3:  # the quote opens its line
            attribution = _heading_speaker(heading)
        if attribution is None and len(quote.split()) < 3:
            continue  # a scare-quoted word ("socialism") is not a passage
        sentence = sentence_around(line, match.start(), end, spans)
        found.append(Finding(QUOTE, path, line_no, quote, sentence,
                             attribution=attribution or author, author=author))
    return found


def _heading_speaker(heading: str) -> Optional[str]:
    """'Source A: from President Kennedy's televised address' above a quote: Kennedy.

    Only a short line (a heading) naming exactly one person counts.
    """
    if not heading or len(heading) > 150:
        return None
    people = set(_PEOPLE.findall(heading))
    return people.pop() if len(people) == 1 else None


def _speaker_before(line: str, quote_start: int, spans: list[tuple[int, int]],
                    previous: str) -> Optional[str]:
    """'He stated, "..."', 'Jones writes that the party "..."', 'in the words of the CPC'."""
    index = bisect.bisect_right(spans, (quote_start, len(line))) - 1
    sentence_start = spans[index][0] if index >= 0 else quote_start
    sentence_start = max(sentence_start, quote_start - LOOK_BACK)
    match = _SPEAKER_BEFORE.search(line[sentence_start:quote_start])
    if not match:
        return None
    if match.group("named"):
        return match.group("named")
    who = match.group("who")
    if who.lower() in _PRONOUNS:  # the last person named before the pronoun
        before = line[max(0, sentence_start - LOOK_BACK):sentence_start + match.start()]
        people = _PEOPLE.findall(previous[-LOOK_BACK:] + "\n" + before)
        return people[-1] if people else None
    return who


# --- who wrote each paragraph ---------------------------------------------------------------
def _paragraph_authors(lines: Sequence[str]) -> list[Optional[str]]:
    """Per line: the commenter it belongs to ('sowelld', 'comment 2', 'reply to comment 1')."""
    authors: list[Optional[str]] = []
    in_comments, author, top_indent, top_number = False, None, None, "?"
    for line in lines:
        if _COMMENTS_START.match(line):
            in_comments, author = True, None
        elif _COMMENTS_END.match(line):
            in_comments, author = False, None
        elif in_comments and (numbered := _NUMBERED.match(line)):
            indent, rest = len(numbered.group("indent")), numbered.group("rest")
            if top_indent is None or indent <= top_indent:
                top_indent, top_number = indent, numbered.group("n")
                reply = False
            else:
                reply = True
            says = _SAYS.match(rest)
            author = says.group("name") if says else (
                f"reply to comment {top_number}" if reply else f"comment {top_number}")
        authors.append(author)
    return authors


# --- about the document -----------------------------------------------------------------------
def document_title(lines: Sequence[str], limit: int = 80) -> str:
    """The first line that is not a dated header, cut at its first sentence and `limit`."""
    first = next((l.strip() for l in lines if l.strip() and not _HEADER.match(l)), "")
    spans = sentence_spans(first)
    title = first[:spans[0][1]] if spans else first
    if len(title) > limit:
        title = title[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return " ".join(title.split()) or "Untitled"  # no-break spaces and tabs become spaces


def guess_kind(text: str) -> str:
    """A guess from the page furniture: a teacher corrects it in the pack."""
    if re.search(r"^\s*(?:discussion\s+question\b|\d+\s+responses?\s+to\b)", text, re.M | re.I):
        return "course discussion"
    if re.search(r"^\s*\d+\s+thoughts?\s+on\b", text, re.M | re.I):
        return "student blog"
    if any(_HEADER.match(line) for line in text.splitlines()[:3]):
        return "blog post"
    if re.search(r"hexbear|reddit|\bforum\b|in\s+the\s+comments|^\s*(?:undefined)?>", text,
                 re.M | re.I):
        return "forum thread"
    return "article"


# --- a pack drafted from the findings -----------------------------------------------------------
_STOPWORDS = set("a an and are as at by for from in is it of on or that the this to was were "
                 "with".split())
# Capitalised words that start a sentence or date it, never part of a speaker's name.
_NOT_A_NAME = set(_MONTHS) | set("In On At The When Then But And So As After Before Later Source "
                                 "From Chapter Here There This That A An Yet Still Also Even "
                                 "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
MAX_LEVEL_EVENTS = 8
MAX_LEVEL_QUESTIONS = 6


@dataclass(frozen=True)
class SourceStub:
    id: str
    file: str          # relative to the pack's folder
    title: str
    kind: str
    path: Path
    reachable: bool = True  # False: outside the pack's folder and seeds/, the validator refuses it
    seed: Optional[str] = None  # a bundled document: cited as `seed: NAME`, valid from anywhere


@dataclass(frozen=True)
class PerspectiveStub:
    id: str
    name: str
    source_title: str  # where the first quote of this person was found


@dataclass(frozen=True)
class EventStub:
    id: str
    title: str
    source_id: str
    finding: Finding                 # the dated sentence
    checks: tuple[str, ...] = ()     # what the teacher should check (the bundled timeline...)


@dataclass(frozen=True)
class QuestionStub:
    id: str
    source_id: str
    finding: Finding
    answer: Optional[str] = None     # a perspective id; None: the speaker was not found


@dataclass(frozen=True)
class LevelStub:
    id: str
    title: str
    events: tuple[str, ...]
    questions: tuple[str, ...]


@dataclass(frozen=True)
class Skeleton:
    sources: tuple[SourceStub, ...]
    events: tuple[EventStub, ...]
    questions: tuple[QuestionStub, ...]
    perspectives: tuple[PerspectiveStub, ...] = ()
    levels: tuple[LevelStub, ...] = ()


def skeleton(reports: Sequence[DocumentReport], pack_folder: Path, bundled: Sequence = (),
             taken_ids: Iterable[str] = (), seeds_dir: Optional[Path] = None) -> Skeleton:
    """A pack drafted from the reports, for a pack file in `pack_folder`.

    `bundled` are the events of the packs already installed: a sentence about one of them
    with another date is flagged. Ids in `taken_ids` are not reused, so the draft never
    shadows another pack's event or perspective.
    """
    taken: set[str] = set(taken_ids)
    sources = tuple(_source_stub(r, pack_folder, seeds_dir, taken) for r in reports)
    source_of = {s.path: s for s in sources}

    events, seen = [], set()
    for report in reports:
        for finding in report.of_kind(EVENT):
            same = (finding.date, fold(finding.sentence))
            if same in seen:
                continue
            seen.add(same)
            events.append(EventStub(unique_id(finding.event_id or "event", taken),
                                    finding.title or finding.text,
                                    source_of[finding.document].id, finding,
                                    tuple(timeline_checks(finding, bundled))))
    events.sort(key=lambda e: PartialDate.parse(e.finding.date).sort_key())

    people: dict[str, PerspectiveStub] = {}
    questions = []
    for report in reports:
        for finding in report.of_kind(QUOTE):
            if not worth_a_question(finding):
                continue
            person = speaker(finding.attribution)
            answer = None
            if person is not None:
                key, name = person
                if key not in people:
                    people[key] = PerspectiveStub(unique_id(key, taken), name,
                                                  source_of[finding.document].title)
                answer = people[key].id
            questions.append(QuestionStub(unique_id("q-" + (slug(finding.text) or "quote"), taken),
                                          source_of[finding.document].id, finding, answer))
    perspectives = tuple(people.values())
    if len(perspectives) < 2:  # a whose-view question needs two perspectives to choose from
        questions = [replace(q, answer=None) for q in questions]
    levels = _levels(events, questions, sources, taken)
    return Skeleton(sources, tuple(events), tuple(questions), perspectives, levels)


def _source_stub(report: DocumentReport, pack_folder: Path, seeds_dir: Optional[Path],
                 taken: set[str]) -> SourceStub:
    path = report.path.resolve()
    folder = pack_folder.resolve()
    seed = path.name if seeds_dir is not None and path.parent == seeds_dir.resolve() else None
    return SourceStub(unique_id(slug(report.title) or slug(report.path.stem) or "source", taken),
                      _path_from(folder, path), report.title, report.kind, report.path,
                      seed is not None or path.is_relative_to(folder), seed)


def _levels(events, questions, sources, taken) -> tuple[LevelStub, ...]:
    """One level: a timeline of dated events that can be ordered, then the answered quotes."""
    chosen: list[EventStub] = []
    precise_first = sorted(events, key=lambda e: -len(e.finding.date or ""))  # days, months, years
    for event in precise_first:
        date = PartialDate.parse(event.finding.date)
        if all(date.can_order(PartialDate.parse(e.finding.date)) for e in chosen):
            chosen.append(event)
        if len(chosen) == MAX_LEVEL_EVENTS:
            break
    chosen.sort(key=lambda e: PartialDate.parse(e.finding.date).sort_key())
    asked = tuple(q.id for q in questions if q.answer)[:MAX_LEVEL_QUESTIONS]
    if len(chosen) < 3 and not asked:
        return ()
    title = sources[0].title if sources else "First level"
    return (LevelStub(unique_id("level-1", taken), title,
                      tuple(e.id for e in chosen) if len(chosen) >= 3 else (), asked),)


def speaker(attribution: Optional[str]) -> Optional[tuple[str, str]]:
    """(perspective id, name) for who is quoted: 'In September Kennedy' -> ('kennedy',
    'Kennedy'); 'Jones 42' -> ('jones', 'Jones'); None when no person can be told."""
    if not attribution:
        return None
    text = re.sub(r"\s+\d+(?:[-–]\d+)?$", "", " ".join(attribution.split()))  # page numbers
    known = _PEOPLE.findall(text)
    if known:
        name = known[-1]
        words = text.split()
        at = max(i for i, w in enumerate(words) if w.strip(",.;:") == name)
        lead = [w for w in words[max(0, at - 2):at] if w[:1].isupper() and w not in _NOT_A_NAME]
        return slug(name, 1), " ".join(lead + [name])
    words = text.split()
    while words and words[0] in _NOT_A_NAME:
        words.pop(0)
    if not words or len(words) > 4:
        return None
    name = " ".join(words)
    key = slug(name, 3)
    return (key, name[:1].upper() + name[1:]) if key else None


def timeline_checks(finding: Finding, bundled: Sequence) -> list[str]:
    """What a teacher should check about a dated sentence against the bundled timeline: a
    different date for the same event, or the same event already there."""
    words = _stems(finding.sentence)
    date = PartialDate.parse(finding.date)
    checks = []
    for event in bundled:
        title = _stems(event.title)
        shared = len(title & words)
        if shared < 2 or shared * 3 < len(title) * 2:
            continue
        theirs = event.date
        if ours_differs := _contradicts(date, theirs):
            # Another year is only claimed for a sentence that names the whole title.
            ours_differs = date.year == theirs.year or shared == len(title)
        if ours_differs:
            checks.append(f"the bundled pack dates '{event.title}' to {theirs.label()}; "
                          f"this sentence says {date.label()}: check which is right")
        elif date.year == theirs.year:
            checks.append(f"the bundled pack already has '{event.title}' ({theirs.label()}); "
                          "keep this event only if it adds something")
    return checks


def _contradicts(ours: PartialDate, theirs: PartialDate) -> bool:
    if ours.year != theirs.year:
        return abs(ours.year - theirs.year) <= 3  # further apart: another event of that name
    if ours.month and theirs.month and ours.month != theirs.month:
        return True
    return bool(ours.day and theirs.day and ours.month == theirs.month and ours.day != theirs.day)


def _stems(text: str) -> set[str]:
    plain = re.sub(r"[’']s\b", "", text.lower())
    return {w[:5] for w in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", plain)
            if w not in _STOPWORDS and (len(w) >= 3 or any(c.isdigit() for c in w))}


def worth_a_question(quote: Finding) -> bool:
    """A passage someone can be said to hold: attributed, or long enough to carry a view."""
    return quote.attribution is not None or len(quote.text.split()) >= 5


def slug(text: str, words: int = 4) -> str:
    """'Today Is...Nikita Khrushchev Denounces Stalin' -> 'today-nikita-khrushchev-denounces'."""
    plain = re.sub(r"[’']", "", text.lower())
    kept = [w for w in re.findall(r"[a-z0-9]+", plain) if w not in _STOPWORDS]
    return "-".join(kept[:words])


def unique_id(wanted: str, taken: set[str]) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`... whichever is not taken yet; it is taken now."""
    name, n = wanted, 2
    while name in taken:
        name, n = f"{wanted}-{n}", n + 1
    taken.add(name)
    return name


def _path_from(folder: Path, path: Path) -> str:
    try:
        return Path(os.path.relpath(path, folder)).as_posix()
    except ValueError:  # another drive on Windows: no relative path exists
        return path.as_posix()
