"""Partial dates: known to a year, a month or a day.

Two dates can be ordered only when the spans of days they may stand for do not overlap
(1956 vs 1956-02-25 cannot be ordered; 1955 vs 1956-02-25 can). See DESIGN.md section 4.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass
from typing import Optional

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_MONTHS = [None, "January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December"]
FORMAT_HINT = "use YYYY, YYYY-MM or YYYY-MM-DD"


class DateError(ValueError):
    """A value that is not a partial date; the message says why, without a location."""


@dataclass(frozen=True, order=False)
class PartialDate:
    year: int
    month: Optional[int] = None
    day: Optional[int] = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise DateError("a day needs a month")
        if not 1 <= self.year <= 9999:
            raise DateError(f"year {self.year} is out of range")
        if self.month is not None and not 1 <= self.month <= 12:
            raise DateError(f"month {self.month} is not 1-12")
        if self.day is not None and self.month is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise DateError(f"{_MONTHS[self.month]} {self.year} has no day {self.day}")

    # --- parsing -------------------------------------------------------------------
    @classmethod
    def parse(cls, value: object) -> "PartialDate":
        """From what PyYAML gives: int (1956), datetime.date, or str ('1956-02')."""
        if isinstance(value, bool):
            raise DateError(f"'{value}' is not a date ({FORMAT_HINT})")
        if isinstance(value, _dt.datetime):
            raise DateError(f"'{value}' has a time of day ({FORMAT_HINT})")
        if isinstance(value, _dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int):
            if not 1000 <= value <= 9999:
                raise DateError(f"'{value}' is not a four-digit year ({FORMAT_HINT})")
            return cls(value)
        if isinstance(value, str):
            match = _PATTERN.match(value.strip())
            if not match:
                meant, _ = read_loosely(value)       # '3 November 1957': say how to write it
                if meant is not None:
                    raise DateError(f"'{value}' is not a date the packs read; write it as "
                                    f"{meant} ({FORMAT_HINT})")
                raise DateError(f"'{value}' is not a date ({FORMAT_HINT})")
            year, month, day = match.groups()
            try:
                return cls(int(year), int(month) if month else None, int(day) if day else None)
            except DateError:
                raise DateError(f"'{value}' is not a calendar date ({FORMAT_HINT})") from None
        raise DateError(f"'{value}' is not a date ({FORMAT_HINT})")

    # --- what the date stands for ---------------------------------------------------
    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def first_day(self) -> _dt.date:
        return _dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> _dt.date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return _dt.date(self.year, month, day)

    def sort_key(self) -> tuple:
        """Sorts by first possible day, then by last (1956-01-01 before 1956, which spans the year)."""
        return (self.first_day, self.last_day)

    def can_order(self, other: "PartialDate") -> bool:
        """True when the dates alone decide which came first."""
        return self.last_day < other.first_day or other.last_day < self.first_day

    def before(self, other: "PartialDate") -> bool:
        """Certainly earlier than `other` (False when the dates cannot decide)."""
        return self.last_day < other.first_day

    # --- showing it -----------------------------------------------------------------
    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def label(self) -> str:
        """For people: '5 March 1953', 'March 1953', '1953'."""
        if self.day and self.month:
            return f"{self.day} {_MONTHS[self.month]} {self.year}"
        if self.month:
            return f"{_MONTHS[self.month]} {self.year}"
        return str(self.year)

    def __str__(self) -> str:
        return self.iso()


def span_label(start: PartialDate, end: Optional[PartialDate]) -> str:
    """For people, a date or a span: '25 February 1956', '14–25 February 1956',
    '5 March – 10 April 1956', 'August 1961 – 1962'. The part both ends share is said once."""
    if end is None or end == start:
        return start.label()
    if (start.year == end.year and start.day and end.day and start.month
            and start.month == end.month):
        return f"{start.day}–{end.day} {_MONTHS[start.month]} {start.year}"
    if start.year == end.year and start.month and end.month:
        first = start.label().rsplit(" ", 1)[0]
        return f"{first} – {end.label()}"
    if start.year == end.year and not start.month and not end.month:
        return str(start.year)
    return f"{start.label()} – {end.label()}"


def can_order_all(dates) -> bool:
    """True when every pair among `dates` can be ordered."""
    ordered = sorted(dates, key=PartialDate.sort_key)
    # Sorted by first day, a date overlaps an earlier one exactly when it starts on or
    # before the latest last day seen so far (a year can overlap several later days).
    latest = None
    for date in ordered:
        if latest is not None and date.first_day <= latest:
            return False
        latest = date.last_day if latest is None else max(latest, date.last_day)
    return True


# --- dates as people write them ------------------------------------------------------
_NAMES = [str(m).lower() for m in _MONTHS[1:]]
_SLASHED = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_WORDY = re.compile(r"^(?:(\d{1,2})\s+([A-Za-z]+)\.?|([A-Za-z]+)\.?\s+(\d{1,2}),?)\s+(\d{4})$")
_MONTH_YEAR = re.compile(r"^([A-Za-z]+)\.?,?\s+(\d{4})$")


def read_loosely(text: str) -> tuple[Optional[str], Optional[str]]:
    """(YYYY[-MM[-DD]], None) or (None, what is wrong and how to write it).

    Reads what a spreadsheet or a person writes: '3 November 1957', 'Nov 3, 1957',
    'November 1957', '14/10/1962' (refused with both readings when day and month could
    swap). `thaw import` converts with it; the pack loader uses it to suggest the ISO form.
    """
    text = " ".join(str(text).split())
    strict = _PATTERN.match(text)
    if strict:
        year, month, day = strict.groups()
        return _checked(text, int(year), int(month) if month else None, int(day) if day else None)
    slashed = _SLASHED.match(text)
    if slashed:
        a, b, year = (int(g) for g in slashed.groups())
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            day, month = b, a
        elif a == b:
            day = month = a
        else:
            return None, (f"'{text}' could be day/month or month/day; write it as YYYY-MM-DD "
                          f"(e.g. {year}-{b:02d}-{a:02d} or {year}-{a:02d}-{b:02d}), and format "
                          "the column as text so the spreadsheet keeps it")
        return _checked(text, year, month, day)
    wordy = _WORDY.match(text)
    if wordy:
        month = _month_named(wordy.group(2) or wordy.group(3))
        if month:
            return _checked(text, int(wordy.group(5)), month, int(wordy.group(1) or wordy.group(4)))
    month_year = _MONTH_YEAR.match(text)
    if month_year and _month_named(month_year.group(1)):
        return _checked(text, int(month_year.group(2)), _month_named(month_year.group(1)), None)
    return None, (f"'{text}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD "
                  "(e.g. 1962-10-24)")


def _month_named(name: str) -> Optional[int]:
    """1-12 for a month's name or its first three letters or more, else None."""
    name = name.lower()
    found = [i for i, m in enumerate(_NAMES, 1) if len(name) >= 3 and m.startswith(name)]
    return found[0] if len(found) == 1 else None


def _checked(text: str, year: int, month: Optional[int], day: Optional[int]):
    try:
        return PartialDate(year, month, day).iso(), None
    except DateError:
        return None, f"'{text}' is not a calendar date"
