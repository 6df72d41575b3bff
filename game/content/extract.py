"""What a timeline can be built from: dates, event cues and quotes found in a document.

`thaw extract` shows these to a teacher writing a pack. Everything here is pure: text in,
frozen dataclasses out; the command prints them. Every finding carries the sentence around
it, cut verbatim from its line, so it can be pasted into a pack as a cited excerpt.
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence

from game.content.dates import DateError, PartialDate

DATE, EVENT, QUOTE = "date", "event", "quote"
MAX_BYTES = 5_000_000  # a document, not a database dump: refuse before reading it all
MAX_SENTENCE = 600     # characters: a run-on "sentence" is cut around the finding
LOOK_BACK = 300        # characters before a quote searched for its speaker

# (suggested id, suggested title, pattern); matched case-insensitively within one sentence.
EVENT_CUES = (
    ("stalin-death", "Death of Stalin",
     r"stalin\s+died|death\s+of\s+(?:joseph\s+)?stalin|stalin[’']s\s+death"),
    ("stalin-funeral", "Stalin's funeral", r"\bfuneral"),
    ("secret-speech", "Khrushchev's Secret Speech", r"secret\s+speech"),
    ("twentieth-congress", "The 20th Party Congress",
     r"(?:20th|twentieth)\s+(?:party\s+)?congress"),
    ("cult-of-personality", "Khrushchev condemns the cult of personality",
     r"cult\s+of\s+(?:the\s+)?(?:personality|individual)|personality\s+cult"),
    ("de-stalinization", "De-Stalinization begins", r"de-?stalini[sz]ation"),
    ("gulag", "The GULAG camps are emptied", r"\bgulag"),
    ("purges", "Stalin's purges", r"\bpurg(?:e|es|ed|ing)\b"),
    ("lenin-mausoleum", "Stalin's body is removed from the Lenin Mausoleum", r"\bmausoleum"),
    ("state-anthem", "Stalin is dropped from the state anthem", r"\banthem"),
    ("arms-race", "The arms race", r"arms\s+race"),
    ("peaceful-coexistence", "Peaceful coexistence with the West", r"peaceful\s+co-?existence"),
    ("virgin-lands", "The Virgin Lands campaign", r"virgin\s+lands?|grain\s+fields"),
    ("eastern-europe-uprisings", "Uprisings in Eastern Europe",
     r"\buprisings?|hungarian\s+revolution|\bpozna[nń]"),
    ("cuban-missile-crisis", "The Cuban Missile Crisis",
     r"cuban\s+missile\s+crisis|\bmissiles?\b[^.!?]{0,60}?\bcuba\b"),
    ("khrushchev-ousted", "Khrushchev is ousted",
     r"\bouste[dr]\b|\blose\s+power|pensioned\s+off|outed\s+from\s+his\s+position"),
    ("the-thaw", "The Thaw", r"\bthaw(?:ing)?\b"),
    ("sino-soviet-split", "The Sino-Soviet split",
     r"\bmao\b|\bcpc\b|sino-soviet|rift\s+in\s+the\s+world\s+communist"),
    ("malenkov", "Malenkov succeeds Stalin", r"\bmalenkov"),
    ("zhukov", "Marshal Zhukov", r"\bzhukov"),
    ("brezhnev", "Brezhnev replaces Khrushchev", r"\bbrezhnev"),
    ("trotsky", "Trotsky stays condemned", r"\btrotsk(?:y|ii)\b"),
    ("time-cover", "Khrushchev on the cover of Time", r"\btimes?\s+magazine"),
    ("sputnik", "Sputnik", r"\bsputnik"),
    ("u2-incident", "The U-2 incident", r"\bu-?2\b"),
    ("berlin-wall", "The Berlin Wall", r"berlin\s+wall"),
    ("kitchen-debate", "The Kitchen Debate", r"kitchen\s+debate"),
)
_CUES = tuple((cue_id, title, re.compile(pattern, re.I)) for cue_id, title, pattern in EVENT_CUES)

# --- dates ----------------------------------------------------------------------------
_MONTHS = ("January February March April May June July August September October November "
           "December").split()
_MONTH = "(" + "|".join(_MONTHS) + ")"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_MONTH_YEAR = re.compile(r"\b" + _MONTH + r",?\s+(\d{4})\b")
_RELATIVE = re.compile(r"\b(?:on\s+)?(?:today|this\s+day)\s+in\s+(\d{4})\b", re.I)
_DECADE = re.compile(r"\b(?:(?:by|circa)\s+)?(?:the\s+)?(?:(early|mid|late)[-\s]+)?(19[56]0)s\b",
                     re.I)
_YEAR = re.compile(r"\b(19[56]\d)\b")
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
    r"noted|notes|insisted|insists|warned|warns|put\s+it)\b(?P<gap>[^\"“”.!?]{0,60})$")
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
    for number, line in enumerate(lines, start=1):
        author = authors[number - 1]
        previous = lines[number - 2] if number > 1 else ""
        spans = sentence_spans(line)
        for start, end in spans:
            sentence = line[start:end]
            dates = list(_dates(sentence, number, headers))
            findings += [Finding(DATE, path, number, t, _cut(sentence, at, at + len(t)), d, n,
                                 author=author) for at, t, d, n in dates]
            findings += _events(path, number, sentence, dates, author)
        findings += _quotes(path, number, line, spans, previous, author)
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
def _dates(sentence: str, line: int, headers: dict[int, PartialDate]) -> Iterator[tuple]:
    """(start, text, iso or None, note) per date expression, in order, never overlapping."""
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


# --- events ---------------------------------------------------------------------------------
def _events(path: Path, line: int, sentence: str, dates: list, author) -> list[Finding]:
    """Each cue once per sentence, dated by the nearest date in that sentence, if any."""
    exact = [(start, iso) for start, _, iso, note in dates if iso and note != "post date"]
    vague = [(start, f"{text} ({note})") for start, text, iso, note in dates if not iso]
    found = []
    for cue_id, title, pattern in _CUES:
        match = pattern.search(sentence)
        if match:
            date, note = _nearest(exact, match.start()), _nearest(vague, match.start())
            excerpt = _cut(sentence, match.start(), match.end())
            found.append(Finding(EVENT, path, line, match.group(0), excerpt, date, note or "",
                                 event_id=cue_id, title=title, author=author))
    return found


def _nearest(candidates: list[tuple[int, str]], where: int) -> Optional[str]:
    return min(candidates, key=lambda c: abs(c[0] - where), default=(0, None))[1]


# --- quotes ---------------------------------------------------------------------------------
def _quotes(path: Path, line_no: int, line: str, spans: list[tuple[int, int]], previous: str,
            author) -> list[Finding]:
    found = []
    for match in _QUOTE.finditer(line):
        quote = (match.group(1) or match.group(2)).strip()
        after = _CITATION_AFTER.match(line, match.end())
        end = after.end() if after else match.end()
        attribution = _LEADING_PHRASES.sub("", after.group(1).strip()) if after else None
        if attribution is None:
            attribution = _speaker_before(line, match.start(), spans, previous)
        if attribution is None and len(quote.split()) < 3:
            continue  # a scare-quoted word ("socialism") is not a passage
        sentence = sentence_around(line, match.start(), end, spans)
        found.append(Finding(QUOTE, path, line_no, quote, sentence,
                             attribution=attribution or author, author=author))
    return found


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


# --- a pack skeleton: one source per document, one event per cue, one question per quote ------
_STOPWORDS = set("a an and are as at by for from in is it of on or that the this to was were "
                 "with".split())


@dataclass(frozen=True)
class SourceStub:
    id: str
    file: str          # relative to the levels folder, as a pack there would write it
    title: str
    kind: str
    path: Path


@dataclass(frozen=True)
class EventStub:
    id: str
    title: str
    source_id: str
    finding: Finding                 # the occurrence cited: a dated one when there is one
    also: tuple[Finding, ...] = ()   # the other occurrences, for the teacher to compare


@dataclass(frozen=True)
class QuestionStub:
    id: str
    source_id: str
    finding: Finding


@dataclass(frozen=True)
class Skeleton:
    sources: tuple[SourceStub, ...]
    events: tuple[EventStub, ...]
    questions: tuple[QuestionStub, ...]


def skeleton(reports: Sequence[DocumentReport], levels_dir: Path) -> Skeleton:
    taken: set[str] = set()
    sources = tuple(SourceStub(_unique(slug(r.title) or slug(r.path.stem) or "source", taken),
                               _path_from(levels_dir, r.path), r.title, r.kind, r.path)
                    for r in reports)
    source_of = {s.path: s.id for s in sources}
    by_cue: dict[str, list[Finding]] = {}
    for report in reports:
        for finding in report.of_kind(EVENT):
            if finding.event_id:  # always, for an event cue
                by_cue.setdefault(finding.event_id, []).append(finding)
    events = []
    for cue_id, found in by_cue.items():
        cited = next((f for f in found if f.date), found[0])
        events.append(EventStub(_unique(cue_id, taken), cited.title or cue_id, source_of[cited.document],
                                cited, tuple(f for f in found if f is not cited)))
    # Dated events first, in date order, so the skeleton reads like the timeline it suggests.
    events.sort(key=lambda e: (e.finding.date is None, e.finding.date or ""))
    questions = tuple(
        QuestionStub(_unique("q-" + (slug(f.text) or "quote"), taken), source_of[f.document], f)
        for report in reports for f in report.of_kind(QUOTE) if worth_a_question(f))
    return Skeleton(sources, tuple(events), questions)


def worth_a_question(quote: Finding) -> bool:
    """A passage someone can be said to hold: attributed, or long enough to carry a view."""
    return quote.attribution is not None or len(quote.text.split()) >= 5


def slug(text: str, words: int = 4) -> str:
    """'Today Is...Nikita Khrushchev Denounces Stalin' -> 'today-nikita-khrushchev-denounces'."""
    plain = re.sub(r"[’']", "", text.lower())
    kept = [w for w in re.findall(r"[a-z0-9]+", plain) if w not in _STOPWORDS]
    return "-".join(kept[:words])


def _unique(wanted: str, taken: set[str]) -> str:
    name, n = wanted, 2
    while name in taken:
        name, n = f"{wanted}-{n}", n + 1
    taken.add(name)
    return name


def _path_from(levels_dir: Path, path: Path) -> str:
    try:
        return Path(os.path.relpath(path.resolve(), levels_dir.resolve())).as_posix()
    except ValueError:  # another drive on Windows: no relative path exists
        return path.resolve().as_posix()
