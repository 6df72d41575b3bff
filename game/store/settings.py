"""The player's settings and what the set-up screens remember, kept in settings.json.

Reading is tolerant field by field: an unknown key is ignored (a newer Thaw may have
written it), a value of the wrong type or out of range falls back to that field's
default and is named in one Notice. Only a file that is not a settings document at all
is set aside (see documents.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

from game.ids import ID_PATTERN
from game.store.documents import DocumentStore, Notice

SETTINGS_FILE = "settings.json"
SETTINGS_KIND = "thaw-settings"
SETTINGS_FORMAT = 1

TEXT_SIZES = ("small", "medium", "large", "extra-large")
TIMER_CHOICES = (0, 20, 30, 60)  # seconds per turn; 0 = no timer
MIN_TEAMS, MAX_TEAMS = 2, 6
MAX_TEAM_NAME = 40
MAX_ROUNDS = 50
MIN_WINDOW, MAX_WINDOW = (320, 200), (16384, 16384)


@dataclass(frozen=True)
class ClassroomSettings:
    """What the classroom set-up screen remembers. Round types are the rules' names for
    kinds of rounds (e.g. "timeline", "whose-view"); the store only checks they are ids."""

    teams: Tuple[str, ...] = ("Team 1", "Team 2")
    rounds: int = 6
    round_types: Tuple[str, ...] = ("timeline", "whose-view")
    timer: int = 30
    steal: bool = True
    seed: Optional[int] = None
    packs: Tuple[str, ...] = ()     # pack ids; () = every pack
    levels: Tuple[str, ...] = ()    # level ids; () = whole packs
    phone_question: bool = True     # phone sessions: the question's text on the phones
    speed_bonus: bool = False       # phone sessions: points for answering early

    def to_dict(self) -> Dict[str, Any]:
        return {"teams": list(self.teams), "rounds": self.rounds,
                "round_types": list(self.round_types), "timer": self.timer,
                "steal": self.steal, "seed": self.seed, "packs": list(self.packs),
                "levels": list(self.levels), "phone_question": self.phone_question,
                "speed_bonus": self.speed_bonus}

    @classmethod
    def read(cls, data: Any, prefix: str = "classroom.") -> Tuple["ClassroomSettings", Tuple[str, ...]]:
        """(settings, problems); every unusable field is replaced by its default."""
        return _read_fields(cls, data, _CLASSROOM_READERS, prefix)


@dataclass(frozen=True)
class Settings:
    """Everything the player or teacher chose, passed down as one object."""

    fullscreen: bool = False
    text_size: str = "medium"
    high_contrast: bool = False
    sound: bool = True
    reduce_motion: bool = False
    turn_timer: int = 0                # seconds per solo turn; 0 = no timer (the default)
    window: Tuple[int, int] = (1280, 720)
    last_packs: Tuple[str, ...] = ()
    last_mode: Optional[str] = None
    classroom: ClassroomSettings = field(default_factory=ClassroomSettings)

    def to_dict(self) -> Dict[str, Any]:
        return {"fullscreen": self.fullscreen, "text_size": self.text_size,
                "high_contrast": self.high_contrast, "sound": self.sound,
                "reduce_motion": self.reduce_motion, "turn_timer": self.turn_timer,
                "window": list(self.window),
                "last_packs": list(self.last_packs), "last_mode": self.last_mode,
                "classroom": self.classroom.to_dict()}

    @classmethod
    def from_dict(cls, data: Any) -> "Settings":
        """Settings from a dict, using the default for every unusable field."""
        return cls.read(data)[0]

    @classmethod
    def read(cls, data: Any) -> Tuple["Settings", Tuple[str, ...]]:
        """(settings, problems): each problem names the field and what was wrong,
        e.g. "text_size: 'huge' is not one of small, medium, large"."""
        return _read_fields(cls, data, _SETTINGS_READERS, "")


class SettingsStore(DocumentStore):
    """settings.json in `folder`. load() and save() never raise for disk problems."""

    FILE, KIND, FORMAT, LABEL = SETTINGS_FILE, SETTINGS_KIND, SETTINGS_FORMAT, "settings file"

    def load(self) -> Settings:
        problems: List[str] = []

        def validate(body: Dict[str, Any]) -> Settings:
            settings, found = Settings.read(body)
            problems.extend(found)
            return settings

        settings = self.file.load(validate, Settings())
        if problems:
            self.file.add_notice(Notice(
                "Some settings could not be read and were set back to their defaults: "
                + "; ".join(problems) + ".", kind="fixed"))
        return settings

    def save(self, settings: Settings) -> bool:
        return self.file.save(settings.to_dict())


# --- field readers: each returns the value or raises ValueError with a short reason ---

def _show(value: Any) -> str:
    """A value in a message, cut short: a damaged file may hold megabytes in one field."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{_show(value)} is not true or false")
    return value


def _int(value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{_show(value)} is not a whole number")
    if not low <= value <= high:
        raise ValueError(f"{value} is not between {low} and {high}")
    return value


def _choice(options: Tuple[Any, ...]) -> Callable[[Any], Any]:
    def read(value: Any) -> Any:
        if isinstance(value, bool) or value not in options:
            raise ValueError(f"{_show(value)} is not one of {', '.join(map(str, options))}")
        return value
    return read


def _window(value: Any) -> Tuple[int, int]:
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise ValueError(f"{_show(value)} is not [width, height]")
    return (_int(value[0], MIN_WINDOW[0], MAX_WINDOW[0]),
            _int(value[1], MIN_WINDOW[1], MAX_WINDOW[1]))


def _ids(value: Any, at_least: int = 0) -> Tuple[str, ...]:
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"{_show(value)} is not a list")
    if len(value) < at_least:
        raise ValueError(f"needs at least {at_least}")
    for item in value:
        if not isinstance(item, str) or not ID_PATTERN.match(item):
            raise ValueError(f"{_show(item)} is not an id (lowercase letters, digits, dashes)")
    return tuple(value)


def _optional_id(value: Any) -> Optional[str]:
    return None if value is None else _ids([value])[0]


def _teams(value: Any) -> Tuple[str, ...]:
    if not isinstance(value, (list, tuple)) or not MIN_TEAMS <= len(value) <= MAX_TEAMS:
        raise ValueError(f"needs a list of {MIN_TEAMS} to {MAX_TEAMS} team names")
    names = []
    for item in value:
        if not isinstance(item, str) or not item.strip() or len(item.strip()) > MAX_TEAM_NAME:
            raise ValueError(f"{_show(item)} is not a team name of 1 to {MAX_TEAM_NAME} characters")
        names.append(item.strip())
    return tuple(names)


def _seed(value: Any) -> Optional[int]:
    return None if value is None else _int(value, 0, 2 ** 63 - 1)


def _classroom(value: Any) -> Tuple[ClassroomSettings, Tuple[str, ...]]:
    return ClassroomSettings.read(value)


_SETTINGS_READERS: Mapping[str, Callable[[Any], Any]] = {
    "fullscreen": _bool,
    "text_size": _choice(TEXT_SIZES),
    "high_contrast": _bool,
    "sound": _bool,
    "reduce_motion": _bool,
    "turn_timer": _choice(TIMER_CHOICES),
    "window": _window,
    "last_packs": _ids,
    "last_mode": _optional_id,
    "classroom": _classroom,  # nested: returns (value, problems)
}

_CLASSROOM_READERS: Mapping[str, Callable[[Any], Any]] = {
    "teams": _teams,
    "rounds": lambda value: _int(value, 1, MAX_ROUNDS),
    "round_types": lambda value: _ids(value, at_least=1),
    "timer": _choice(TIMER_CHOICES),
    "steal": _bool,
    "seed": _seed,
    "packs": _ids,
    "levels": _ids,
    "phone_question": _bool,
    "speed_bonus": _bool,
}


def _read_fields(cls, data: Any, readers: Mapping[str, Callable[[Any], Any]],
                 prefix: str):
    if not isinstance(data, Mapping):
        return cls(), (f"{prefix.rstrip('.') or 'settings'}: not a JSON object",)
    values: Dict[str, Any] = {}
    problems: List[str] = []
    for item in fields(cls):
        if item.name not in data:
            continue  # missing: the default (a file from an older Thaw)
        try:
            value = readers[item.name](data[item.name])
        except ValueError as error:
            problems.append(f"{prefix}{item.name}: {error}")
            continue
        if item.name == "classroom":
            value, nested = value
            problems.extend(nested)
        values[item.name] = value
    return cls(**values), tuple(problems)
