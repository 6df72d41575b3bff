"""Classroom results: one CSV (for a spreadsheet) and one JSON (the whole session) per session.

Both files are rewritten atomically after every round, so a crash or a closed laptop
loses at most the round being played. File names:
<YYYYmmdd-HHMMSS>-<tag>-<session id>.csv/.json in the results folder, where the tag is
random (and differs per process), and both files are created exclusively (O_EXCL), so two
sessions started in the same second never share a file. A row is one answer by one team (`ResultRow`); the classroom code
maps the rules' answer records to it.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import secrets
import socket
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from game.store.atomic import backup_path, read_with_fallback, write_atomic
from game.store.documents import DocumentError, Notice, decode, encode, save_failed_notice

RESULTS_KIND = "thaw-results"
RESULTS_FORMAT = 1
CSV_HEADER = ("time", "team", "round_type", "item_ids", "answer_given", "correct",
              "points", "seconds")
# Phones: a row per student answer names the student; team rows leave it empty. Older
# files have no such column, so it is read when present and never required.
OPTIONAL_COLUMNS = ("student",)
IN_PROGRESS, FINISHED, ABANDONED = "in progress", "finished", "abandoned"
_NAME = re.compile(r"^(\d{8}-\d{6})-(?:([0-9a-f]{8})-)?(.+)\.(csv|json)$")
# A spreadsheet runs a cell that starts like a formula, and it may split a cell of ours
# again on ';', tab or '|' (its own delimiter): so every place where a cell could start
# - the start, or after any of those delimiters or a line break - is guarded when what
# follows (after spaces or quotes) starts like a formula. A ' there makes it plain text;
# a ' already there gets another, so reading back removes exactly one.
_CELL_START = r"(?:^|(?<=[,;\t|\r\n]))"
_FORMULA_AHEAD = r"(?=[ \"]*[=+\-@\t\r'\uff1d\uff0b\uff0d\uff20])"
_GUARD = re.compile(_CELL_START + _FORMULA_AHEAD)
_UNGUARD = re.compile(_CELL_START + "'" + _FORMULA_AHEAD)


class ResultsError(ValueError):
    """A results file that cannot be read; str() is 'path[:line]: what is wrong'."""


@dataclass(frozen=True)
class ResultRow:
    """One answer in a classroom session.

    time: when it was answered, ISO 8601 local time ("2024-03-05T10:15:02"); left empty,
          the writer fills it in. team: the team's name. round_type: e.g. "timeline".
    item_ids: the event/question ids the answer was about. answer_given: what the team
    answered, as text. correct: right or wrong. points: points earned (may be negative).
    seconds: time taken, kept to 0.1 s.
    """

    team: str
    round_type: str
    item_ids: Tuple[str, ...]
    answer_given: str
    correct: bool
    points: int
    seconds: float
    time: str = ""
    student: str = ""

    def __post_init__(self) -> None:
        for name in ("team", "round_type", "answer_given", "time", "student"):
            if not isinstance(getattr(self, name), str):
                raise ValueError(f"result row: '{name}' must be text, not {getattr(self, name)!r}")
        ids = self.item_ids.split() if isinstance(self.item_ids, str) else self.item_ids
        if not isinstance(ids, (list, tuple)) or not all(isinstance(i, str) for i in ids):
            raise ValueError(f"result row: 'item_ids' must be a list of ids, not {self.item_ids!r}")
        object.__setattr__(self, "item_ids", tuple(ids))
        if not isinstance(self.correct, bool):
            raise ValueError(f"result row: 'correct' must be true or false, not {self.correct!r}")
        if isinstance(self.points, bool) or not isinstance(self.points, int):
            raise ValueError(f"result row: 'points' must be a whole number, not {self.points!r}")
        if (isinstance(self.seconds, bool) or not isinstance(self.seconds, (int, float))
                or not math.isfinite(self.seconds) or self.seconds < 0):
            raise ValueError(f"result row: 'seconds' must be a number >= 0, not {self.seconds!r}")
        object.__setattr__(self, "seconds", round(float(self.seconds), 1))

    def to_dict(self) -> Dict[str, Any]:
        """The JSON form, keys in CSV column order."""
        return {"time": self.time, "team": self.team, "round_type": self.round_type,
                "item_ids": list(self.item_ids), "answer_given": self.answer_given,
                "correct": self.correct, "points": self.points, "seconds": self.seconds,
                "student": self.student}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "ResultRow":
        """From to_dict() output (or a dict the classroom code builds); "time" is optional.
        Raises ValueError naming the missing or wrong field."""
        if not isinstance(data, Mapping):
            raise ValueError(f"a result row is a JSON object, not {type(data).__name__}")
        missing = [name for name in CSV_HEADER if name != "time" and name not in data]
        if missing:
            raise ValueError(f"result row: missing {', '.join(missing)}")
        return cls(team=data["team"], round_type=data["round_type"],
                   item_ids=data["item_ids"], answer_given=data["answer_given"],
                   correct=data["correct"], points=data["points"], seconds=data["seconds"],
                   time=data.get("time", ""), student=data.get("student", ""))

    def to_csv(self) -> List[str]:
        return [self.time, _cell(self.team), _cell(self.round_type), " ".join(self.item_ids),
                _cell(self.answer_given), "yes" if self.correct else "no", str(self.points),
                str(self.seconds), _cell(self.student)]


@dataclass(frozen=True)
class ResultsSession:
    """A results file as read back. From a CSV alone: settings {}, seed None, status
    "unknown", teams in order of first appearance."""

    path: Path
    session_id: str
    status: str
    rows: Tuple[ResultRow, ...]
    teams: Tuple[str, ...] = ()
    seed: Optional[int] = None
    settings: Mapping[str, Any] = field(default_factory=dict)
    rounds: int = 0
    started: str = ""
    updated: str = ""
    source: str = "json"
    writer_pid: int = 0      # the process writing it (0: unknown), to tell a crash from
    writer_host: str = ""    # a session still going on in another window
    read_from: Optional[Path] = None   # the file really read: its .bak when the main one was unreadable

    @property
    def from_backup(self) -> bool:
        return self.read_from is not None and Path(self.read_from) != Path(self.path)

    def totals(self) -> Dict[str, int]:
        """Points per team, teams in their playing order."""
        totals = {team: 0 for team in self.teams}
        for row in self.rows:
            totals[row.team] = totals.get(row.team, 0) + row.points
        return totals


class ResultsWriter:
    """Writes one classroom session. Call write_round(rows) after every round and
    finish() at the end; both return False (and queue one Notice) when the files cannot
    be written, and never raise for disk problems. All rows stay in memory, so a later
    successful write still holds every round."""

    def __init__(self, folder: Path, session_id: str, settings_dict: Mapping[str, Any], *,
                 teams: Optional[Iterable[str]] = None, seed: Optional[int] = None,
                 now: Callable[[], datetime] = datetime.now) -> None:
        self.folder = Path(folder)
        self.session_id = safe_session_id(session_id)
        # Only JSON values from here on: str() anything exotic rather than fail at save time.
        self.settings = json.loads(json.dumps(dict(settings_dict), default=str))
        self.teams = tuple(teams if teams is not None else self.settings.get("teams", ()))
        self.seed = seed if seed is not None else self.settings.get("seed")
        self.rows: List[ResultRow] = []
        self.rounds = 0
        self.status = IN_PROGRESS
        self.failed_saves = 0
        self._now = now
        self.started = now()
        self.updated = self.started
        self._notices: List[Notice] = []
        self._stamp = self.started.strftime('%Y%m%d-%H%M%S')
        self.csv_path, self.json_path = self._paths(_unique_tag())
        self._claimed = False

    def write_round(self, rows: Iterable[Union[ResultRow, Mapping[str, Any]]], *,
                    ends_round: bool = True) -> bool:
        """Add one round's rows and rewrite both files. Raises ValueError for a bad row
        (a bug in the caller), never for the disk. `ends_round=False` writes rows in the
        middle of a round (a teacher's points, saved at once) without counting a round."""
        self._stamp_rows(rows)
        self.rounds += 1 if ends_round else 0
        return self._write()

    def _stamp_rows(self, rows: Iterable[Union[ResultRow, Mapping[str, Any]]]) -> None:
        stamped = []
        for row in rows:
            row = row if isinstance(row, ResultRow) else ResultRow.from_dict(row)
            if not row.time:
                row = replace(row, time=self._now().isoformat(timespec="seconds"))
            stamped.append(row)
        self.rows.extend(stamped)

    def write_rows(self, rows: Iterable[Union[ResultRow, Mapping[str, Any]]]) -> bool:
        """Add rows of the round still in play and rewrite both files (the window is
        closing mid-round): like write_round, but the round is not counted as played."""
        return self.write_round(rows, ends_round=False)

    @classmethod
    def resume(cls, session: "ResultsSession", *,
               now: Callable[[], datetime] = datetime.now) -> "ResultsWriter":
        """Go on writing a session read back from its JSON (after a crash): the same
        files, every row and round already there kept."""
        writer = cls(session.path.parent, session.session_id, session.settings,
                     teams=session.teams, seed=session.seed, now=now)
        writer.csv_path = session.path.with_suffix(".csv")
        writer.json_path = session.path.with_suffix(".json")
        writer._claimed = True
        writer.rows = list(session.rows)
        writer.rounds = session.rounds
        try:
            writer.started = datetime.fromisoformat(session.started)
        except ValueError:
            pass
        return writer

    def abandon(self) -> bool:
        """Mark a session that will not be resumed (a new one was started instead)."""
        self.status = ABANDONED
        return self._write()

    def finish(self) -> bool:
        """Mark the session finished and write it; then drop the .bak copies."""
        self.status = FINISHED
        written = self._write()
        if written:
            for path in (self.csv_path, self.json_path):
                try:
                    backup_path(path).unlink()
                except OSError:
                    pass
        return written

    def session(self) -> ResultsSession:
        return ResultsSession(self.json_path, self.session_id, self.status, tuple(self.rows),
                              self.teams, self.seed, self.settings, self.rounds,
                              self.started.isoformat(timespec="seconds"),
                              self.updated.isoformat(timespec="seconds"))

    def take_notices(self) -> Tuple[Notice, ...]:
        notices, self._notices = tuple(self._notices), []
        return notices

    def _write(self) -> bool:
        self.updated = self._now()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            first = not self._claimed
            if first:
                self._claim()  # the claimed files are empty: no .bak of them
            write_atomic(self.csv_path, _csv_text(self.rows), keep_backup=not first)
            write_atomic(self.json_path, _json_bytes(self.session()), keep_backup=not first)
        except OSError as error:
            self.failed_saves += 1
            if self.failed_saves == 1:
                self._notices.append(save_failed_notice("results", error, self.json_path))
            return False
        return True

    def _paths(self, tag: str) -> Tuple[Path, Path]:
        name = f"{self._stamp}-{tag}-{self.session_id}"
        return self.folder / f"{name}.csv", self.folder / f"{name}.json"

    def _claim(self) -> None:
        """Create both files exclusively before the first write: another session (another
        window, another process) that picked the same names gets FileExistsError and
        we take new ones, so no session ever replaces another's file."""
        for _ in range(100):
            created = []
            try:
                for path in (self.csv_path, self.json_path):
                    if backup_path(path).exists():
                        raise FileExistsError(path)
                    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
                    created.append(path)
            except FileExistsError:
                for path in created:
                    path.unlink(missing_ok=True)
                self.csv_path, self.json_path = self._paths(_unique_tag())
                continue
            self._claimed = True
            return
        raise OSError(f"no free results file name in {self.folder}")


class ResultsStore:
    """The results folder: start sessions, list and read them."""

    def __init__(self, folder: Path, *, now: Callable[[], datetime] = datetime.now) -> None:
        self.folder = Path(folder)
        self._now = now
        self._writers: List[ResultsWriter] = []

    def start(self, session_id: str, settings_dict: Mapping[str, Any], *,
              teams: Optional[Iterable[str]] = None, seed: Optional[int] = None) -> ResultsWriter:
        writer = ResultsWriter(self.folder, session_id, settings_dict, teams=teams, seed=seed,
                               now=self._now)
        self._writers.append(writer)
        return writer

    def list(self) -> List[Path]:
        return list_results(self.folder)

    def read(self, path: Path) -> ResultsSession:
        return read_results(path)

    def take_notices(self) -> Tuple[Notice, ...]:
        return tuple(notice for writer in self._writers for notice in writer.take_notices())


def _unique_tag() -> str:
    """8 hex digits: 16 random bits and 16 bits of the process id."""
    return f"{secrets.randbits(16):04x}{os.getpid() & 0xFFFF:04x}"


def safe_session_id(session_id: str) -> str:
    """Letters, digits, '-' and '_' only (it becomes part of a file name), at most 40."""
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "-", str(session_id)).strip("-")[:40]
    return cleaned or "session"


def list_results(folder: Path) -> List[Path]:
    """Results files in `folder`, newest first: the JSON of each session, or its CSV when
    there is no JSON."""
    folder = Path(folder)
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    by_stem: Dict[str, Path] = {}
    for entry in entries:
        match = _NAME.match(entry.name)
        if not match or not entry.is_file():
            continue
        stem = entry.name[: -len(entry.suffix)]
        if entry.suffix == ".json" or stem not in by_stem:
            by_stem[stem] = entry

    def newest(path: Path) -> Tuple[str, float, str]:
        try:
            mtime = path.stat().st_mtime
        except OSError:
            mtime = 0.0
        return (_NAME.match(path.name).group(1), mtime, path.name)

    return sorted(by_stem.values(), key=newest, reverse=True)


def find_unfinished(folder: Path, *, max_age_hours: float = 12.0,
                    now: Callable[[], datetime] = datetime.now) -> Optional[ResultsSession]:
    """The newest session left "in progress" by a window that is gone (a crash, a power
    cut), started less than `max_age_hours` ago: one the teacher may resume. A session
    whose writing process still runs on this machine (another window) is not offered."""
    for path in list_results(folder):
        if path.suffix != ".json":
            continue
        try:
            session = _read_json(path)
        except ResultsError:
            continue
        if session.status != IN_PROGRESS or _still_running(session):
            continue
        try:
            age = now() - datetime.fromisoformat(session.updated or session.started)
        except ValueError:
            continue
        if age.total_seconds() <= max_age_hours * 3600:
            return session
    return None


def _still_running(session: ResultsSession) -> bool:
    if not session.writer_pid or session.writer_host != socket.gethostname():
        return False
    if session.writer_pid == os.getpid():
        return False   # this process wrote it and then lost it: a resume is fine
    try:
        os.kill(session.writer_pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True    # it exists but belongs to someone else
    return True


def read_results(path: Union[str, Path]) -> ResultsSession:
    """A results file read back. A .csv path uses the session's JSON next to it when
    there is a readable one, else the CSV itself. Raises ResultsError (path, line, what)."""
    path = Path(path)
    if path.suffix == ".json":
        return _read_json(path)
    if path.suffix == ".csv":
        twin = path.with_suffix(".json")
        if twin.exists() or backup_path(twin).exists():
            try:
                return _read_json(twin)
            except ResultsError:
                pass  # the CSV may still be fine
        return _read_csv(path)
    raise ResultsError(f"{path}: not a results file (expected .csv or .json)")


# --- writing ---

def _cell(text: str) -> str:
    """`text` safe in a spreadsheet whatever delimiter it splits on (see _GUARD)."""
    return _GUARD.sub("'", text)


def _uncell(text: str) -> str:
    return _UNGUARD.sub("", text)


def _csv_text(rows: Iterable[ResultRow]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER + OPTIONAL_COLUMNS)
    for row in rows:
        writer.writerow(row.to_csv())
    # utf-8-sig: spreadsheet programs then read team names in any script correctly.
    return buffer.getvalue().encode("utf-8-sig")


def _json_bytes(session: ResultsSession) -> bytes:
    return encode(RESULTS_KIND, RESULTS_FORMAT, {
        "session": session.session_id,
        "status": session.status,
        "started": session.started,
        "updated": session.updated,
        "seed": session.seed,
        "teams": list(session.teams),
        "settings": dict(session.settings),
        "rounds": session.rounds,
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "totals": session.totals(),
        "rows": [row.to_dict() for row in session.rows],
    })


# --- reading ---

def _read_json(path: Path) -> ResultsSession:
    def parse(raw: bytes) -> ResultsSession:
        body = decode(raw, RESULTS_KIND, RESULTS_FORMAT)
        rows = body.get("rows")
        if not isinstance(rows, list):
            raise DocumentError("'rows' is not a list")
        parsed = []
        for number, row in enumerate(rows, 1):
            try:
                parsed.append(ResultRow.from_dict(row))
            except ValueError as error:
                raise DocumentError(f"row {number}: {error}") from None
        teams = body.get("teams") or []
        settings = body.get("settings") or {}
        seed = body.get("seed")
        rounds = body.get("rounds", 0)
        if (not isinstance(teams, list) or not all(isinstance(t, str) for t in teams)
                or not isinstance(settings, dict)
                or not (seed is None or (isinstance(seed, int) and not isinstance(seed, bool)))
                or isinstance(rounds, bool) or not isinstance(rounds, int)):
            raise DocumentError("'teams', 'settings', 'seed' or 'rounds' has the wrong type")
        pid = body.get("pid", 0)
        return ResultsSession(path, str(body.get("session", "")), str(body.get("status", "")),
                              tuple(parsed), tuple(teams), seed, settings, rounds,
                              str(body.get("started", "")), str(body.get("updated", "")), "json",
                              pid if isinstance(pid, int) and not isinstance(pid, bool) else 0,
                              str(body.get("host", "")))

    try:
        session, used = read_with_fallback(path, parse)
        return replace(session, read_from=used)
    except FileNotFoundError:
        raise ResultsError(f"{path}: no such file") from None
    except DocumentError as error:
        raise ResultsError(f"{path}: {error.reason}") from None
    except OSError as error:
        raise ResultsError(f"{path}: cannot be read: {error.strerror or error}") from None


def _read_csv(path: Path) -> ResultsSession:
    def parse(raw: bytes) -> Tuple[ResultRow, ...]:
        text = _csv_decode(raw, path)
        lines = text.splitlines()
        first = lines[0] if lines else ""
        delimiter = _delimiter(first)
        if delimiter is None:
            raise ValueError(f"{path}:1: the header is not {','.join(CSV_HEADER)} "
                             "(columns separated by ',', ';' or tabs)")
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        next(reader, None)
        rows = []
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            rows.append(_row_from_csv(cells, f"{path}:{reader.line_num}", delimiter))
        return tuple(rows)

    try:
        rows, used = read_with_fallback(path, parse)
    except FileNotFoundError:
        raise ResultsError(f"{path}: no such file") from None
    except ValueError as error:
        raise ResultsError(str(error)) from None
    except OSError as error:
        raise ResultsError(f"{path}: cannot be read: {error.strerror or error}") from None
    match = _NAME.match(path.name)
    teams = tuple(dict.fromkeys(row.team for row in rows))
    return ResultsSession(path, match.group(3) if match else path.stem, "unknown", rows,
                          teams, source="csv", read_from=used)


def _csv_decode(raw: bytes, path: Path) -> str:
    """The text of a CSV as the game writes it (UTF-8 with a BOM) or as a spreadsheet may
    save it: UTF-8 without a BOM, UTF-16 (with a BOM, or without one but full of NULs),
    or Windows-1252 (Excel's "CSV" on Western Windows)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif raw.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif len(raw) >= 2 and raw[1:2] == b"\x00" and raw[:1] != b"\x00":
        encoding = "utf-16-le"
    elif len(raw) >= 2 and raw[:1] == b"\x00" and raw[1:2] != b"\x00":
        encoding = "utf-16-be"
    else:
        encoding = "utf-8"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as error:
        if encoding != "utf-8":
            raise ValueError(f"{path}: the file says it is {encoding.upper()} but byte "
                             f"{error.start} cannot be read as such") from None
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as again:
            bad = raw[again.start:again.start + 1].hex().upper()
            line = raw.count(b"\n", 0, again.start) + 1
            raise ValueError(f"{path}:{line}: byte 0x{bad} is neither UTF-8 nor Windows-1252 "
                             "text; save the file as 'CSV UTF-8' in your spreadsheet") from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ValueError(f"{path}:{line}: the file holds NUL characters; it is not a "
                         "CSV text file (save it as 'CSV UTF-8' in your spreadsheet)")
    return text


def _delimiter(header: str) -> Optional[str]:
    """The delimiter that splits `header` into the columns the game writes, if any."""
    for delimiter in (",", ";", "\t", "|"):
        try:
            cells = next(csv.reader([header], delimiter=delimiter))
        except (csv.Error, StopIteration):
            continue
        if [c.strip() for c in cells[:len(CSV_HEADER)]] == list(CSV_HEADER):
            return delimiter
    return None


def _number(text: str, delimiter: str) -> str:
    """A spreadsheet in a decimal-comma locale saves 2.5 as '2,5' (and then uses ';')."""
    text = text.strip()
    if delimiter != "," and "," in text and "." not in text:
        text = text.replace(",", ".")
    return text


def _row_from_csv(cells: List[str], where: str, delimiter: str = ",") -> ResultRow:
    if len(cells) < len(CSV_HEADER):
        raise ValueError(f"{where}: expected {len(CSV_HEADER)} columns, found {len(cells)}")
    values = dict(zip(CSV_HEADER + OPTIONAL_COLUMNS, cells))
    correct = values["correct"].strip().lower()
    if correct not in ("yes", "no", "true", "false", "1", "0"):
        raise ValueError(f"{where}: correct is {values['correct']!r}, not yes or no")
    try:
        number = float(_number(values["points"], delimiter))
        if not number.is_integer():
            raise ValueError
        points = int(number)
    except (ValueError, OverflowError):
        raise ValueError(f"{where}: points {values['points']!r} is not a whole number") from None
    try:
        seconds = float(_number(values["seconds"], delimiter))
    except ValueError:
        raise ValueError(f"{where}: seconds {values['seconds']!r} is not a number") from None
    try:
        return ResultRow(team=_uncell(values["team"]), round_type=_uncell(values["round_type"]),
                         item_ids=tuple(values["item_ids"].split()),
                         answer_given=_uncell(values["answer_given"]),
                         correct=correct in ("yes", "true", "1"), points=points,
                         seconds=seconds, time=values["time"],
                         student=_uncell(values.get("student", "")))
    except ValueError as error:
        raise ValueError(f"{where}: {error}") from None
