"""The phone room: who is in, which question is open, who answered what. Pure logic.

The room is owned by the game's (pygame) thread and decides everything; the network
thread only carries messages in and out. Each method takes what arrived (with the
connection it came on and its arrival time) and returns the messages to send, as
`Send`/`Close` values, so the whole protocol is testable without a socket.

    room = Room(code="KQTZ", teams=("Reds", "Blues"))
    out = room.join(conn=1, message={"type": "join", "code": "KQTZ", "name": "Ana"}, now=0.0)
    out = room.open_question(OpenQuestion("q1#1", CHOOSE, "Whose view?", choices, deadline=30.0))
    out = room.answer(conn=1, message={"type": "answer", "question": "q1#1", "value": "b"}, now=4.2)
    out = room.reveal(lambda value: 1.0 if value == "b" else 0.0, answer_label="…", explain="…")

Safety by construction: the right answer is never part of a question message (the room
does not know it before `reveal`); one answer per player per question, only for the open
question and only before the deadline (by arrival time); a kicked player's token is dead;
a second tab with the same token takes over and the first is told and closed.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence, Union

from game.lan.nicknames import NicknameError, check_nickname

STUDENTS = "students"     # one device per student; students are spread over the teams
TEAM_PADS = "team-pads"   # one device per team: the device answers for its team

CHOOSE = "choose"         # pick one of the choices (whose view, choice, sourcing, ...)
ORDER = "order"           # put the cards in order (a sort hand)

POINTS = 10               # a right answer; a sort hand earns POINTS x its pair credit
SPEED_BONUS = 5           # at most, when the speed bonus is on: for answering at once

# Letters that cannot be mistaken for one another when read off a projector.
CODE_LETTERS = "ACDEFHJKLMNPRTUVWXY"


def new_room_code(rng: random.Random) -> str:
    return "".join(rng.choice(CODE_LETTERS) for _ in range(4))


@dataclass(frozen=True)
class Send:
    conn: int
    message: dict


@dataclass(frozen=True)
class Close:
    conn: int
    reason: str


Out = Union[Send, Close]


@dataclass(frozen=True)
class PhoneChoice:
    key: str
    label: str
    detail: str = ""


@dataclass(frozen=True)
class OpenQuestion:
    """A question as the phones see it: never its answer."""
    id: str                                   # unique within the session (e.g. "q-id#3")
    kind: str                                 # CHOOSE or ORDER
    text: str                                 # the question (shown on phones if the teacher wants)
    choices: tuple[PhoneChoice, ...]          # CHOOSE: the options; ORDER: the cards
    deadline: Optional[float] = None          # room clock; None: no timer
    opened_at: float = 0.0


@dataclass
class Player:
    token: str
    name: str
    team: Optional[int]
    conn: Optional[int] = None
    score: float = 0.0
    answered: int = 0
    right: int = 0


@dataclass(frozen=True)
class StudentAnswer:
    """One row of the results file per student answer."""
    question: str
    token: str
    name: str
    team: Optional[int]
    value: object
    seconds: float
    credit: float = 0.0
    points: float = 0.0


@dataclass
class _Open:
    question: OpenQuestion
    answers: dict[str, StudentAnswer] = field(default_factory=dict)   # by token
    closed: bool = False
    revealed: bool = False


class Room:
    def __init__(self, code: str, *, teams: Sequence[str] = (), mode: str = STUDENTS,
                 show_question: bool = True, speed_bonus: bool = False,
                 new_token: Callable[[], str] = lambda: secrets.token_urlsafe(16)):
        if mode not in (STUDENTS, TEAM_PADS):
            raise ValueError(f"unknown room mode {mode!r}")
        self.code = code
        self.teams = tuple(teams)
        self.mode = mode
        self.show_question = show_question
        self.speed_bonus = speed_bonus
        self.locked = False
        self.players: dict[str, Player] = {}          # by token, in joining order
        self.kicked: set[str] = set()
        self.rows: list[StudentAnswer] = []           # every answer, in arrival order
        self._new_token = new_token
        self._by_conn: dict[int, str] = {}
        self._open: Optional[_Open] = None

    # -- who is in ---------------------------------------------------------------
    def player_on(self, conn: int) -> Optional[Player]:
        token = self._by_conn.get(conn)
        return self.players.get(token) if token else None

    @property
    def connected(self) -> list[Player]:
        return [p for p in self.players.values() if p.conn is not None]

    def welcome(self, conn: int) -> Send:
        """What a phone is told as it connects, before joining: the teams to pick from."""
        return Send(conn, {"type": "welcome", "teams": list(self.teams), "mode": self.mode,
                           "locked": self.locked})

    def join(self, conn: int, message: dict, now: float) -> list[Out]:
        """A phone asks to join (or to rejoin with its token)."""
        if str(message.get("code", "")).strip().upper() != self.code:
            return [_error(conn, "That room code is not right: check the projector.")]
        token = message.get("token")
        if isinstance(token, str) and token in self.kicked:
            return [_error(conn, "The teacher removed you from this room."), Close(conn, "kicked")]
        if isinstance(token, str) and token in self.players:
            return self._rejoin(conn, self.players[token])
        if self.locked:
            return [_error(conn, "The room is locked: ask the teacher to let you in.")]
        team = self._team_for_join(message.get("team"))
        if self.mode == TEAM_PADS:
            if team is None:
                return [_error(conn, "Pick your team.")]
            if any(p.team == team for p in self.players.values()):
                return [_error(conn, f"{self.teams[team]} already has a device in the room.")]
            name = self.teams[team]
        else:
            try:
                name = check_nickname(message.get("name"), (p.name for p in self.players.values()))
            except NicknameError as error:
                return [_error(conn, str(error))]
        player = Player(token=self._new_token(), name=name, team=team)
        self.players[player.token] = player
        return self._attach(conn, player)

    def _team_for_join(self, asked: object) -> Optional[int]:
        if not self.teams:
            return None
        if isinstance(asked, int) and not isinstance(asked, bool) and 0 <= asked < len(self.teams):
            return asked
        if self.mode == TEAM_PADS:
            return None
        # Students who do not pick go to the smallest team, so teams stay even.
        sizes = [sum(1 for p in self.players.values() if p.team == t) for t in range(len(self.teams))]
        return sizes.index(min(sizes))

    def _rejoin(self, conn: int, player: Player) -> list[Out]:
        out: list[Out] = []
        if player.conn is not None and player.conn != conn:
            # A second tab (or a reloaded page) takes over; the old one is told why it stops.
            old = player.conn
            out.append(Send(old, {"type": "replaced",
                                  "message": "You opened the game in another tab or device."}))
            out.append(Close(old, "replaced"))
            self._by_conn.pop(old, None)
        return out + self._attach(conn, player)

    def _attach(self, conn: int, player: Player) -> list[Out]:
        player.conn = conn
        self._by_conn[conn] = player.token
        out: list[Out] = [Send(conn, {"type": "joined", "token": player.token, "name": player.name,
                                      "team": self.team_name(player.team), "room": self.code})]
        out.extend(self._current_state_for(player))
        return out

    def disconnect(self, conn: int) -> None:
        token = self._by_conn.pop(conn, None)
        if token and token in self.players and self.players[token].conn == conn:
            self.players[token].conn = None

    def kick(self, token: str) -> list[Out]:
        player = self.players.pop(token, None)
        if player is None:
            return []
        self.kicked.add(token)
        if player.conn is None:
            return []
        self._by_conn.pop(player.conn, None)
        return [Send(player.conn, {"type": "kicked", "message": "The teacher removed you from this room."}),
                Close(player.conn, "kicked")]

    def rename(self, token: str, new_name: str) -> list[Out]:
        """The teacher renames a player (an unsuitable nickname); raises NicknameError."""
        player = self.players[token]
        others = (p.name for p in self.players.values() if p.token != token)
        player.name = check_nickname(new_name, others, own=player.name)
        if player.conn is None:
            return []
        return [Send(player.conn, {"type": "renamed", "name": player.name})]

    def lock(self, locked: bool) -> None:
        self.locked = locked

    def team_name(self, team: Optional[int]) -> Optional[str]:
        return self.teams[team] if team is not None and 0 <= team < len(self.teams) else None

    # -- the open question ---------------------------------------------------------
    @property
    def question(self) -> Optional[OpenQuestion]:
        return self._open.question if self._open else None

    @property
    def answer_count(self) -> int:
        return len(self._open.answers) if self._open else 0

    @property
    def expected_answers(self) -> int:
        return len(self.connected)

    def open_question(self, question: OpenQuestion) -> list[Out]:
        if question.kind not in (CHOOSE, ORDER):
            raise ValueError(f"unknown question kind {question.kind!r}")
        if not question.choices:
            raise ValueError("a question needs choices")
        self._open = _Open(question)
        return [Send(p.conn, self._question_message(question)) for p in self.connected
                if p.conn is not None]

    def _question_message(self, question: OpenQuestion) -> dict:
        return {"type": "question", "id": question.id, "kind": question.kind,
                "text": question.text if self.show_question else None,
                "choices": [{"key": c.key, "label": c.label, "detail": c.detail}
                            for c in question.choices],
                "deadline_in": None if question.deadline is None
                else max(0.0, question.deadline - question.opened_at)}

    def answer(self, conn: int, message: dict, now: float) -> list[Out]:
        player = self.player_on(conn)
        if player is None:
            return [_error(conn, "Join the room first.")]
        current = self._open
        if current is None or message.get("question") != current.question.id or current.revealed:
            return [_error(conn, "That question is not open any more.")]
        if current.closed or (current.question.deadline is not None
                              and now > current.question.deadline):
            return [_error(conn, "Time is up: your answer came too late.")]
        key = player.token   # in team-pad mode the device is the team: one answer per team
        if key in current.answers:
            return [_error(conn, "You have already answered this question.")]
        value = _valid_value(current.question, message.get("value"))
        if value is None:
            return [_error(conn, "That answer is not one of the choices.")]
        record = StudentAnswer(current.question.id, player.token, player.name, player.team, value,
                               seconds=max(0.0, now - current.question.opened_at))
        current.answers[key] = record
        return [Send(conn, {"type": "answered", "id": current.question.id})]

    def close(self) -> list[Out]:
        """Time is up (or the teacher closed answering): no more answers are taken."""
        if self._open is None or self._open.closed:
            return []
        self._open.closed = True
        return [Send(p.conn, {"type": "closed", "id": self._open.question.id})
                for p in self.connected if p.conn is not None]

    def reveal(self, judge: Callable[[object], float], *, answer_label: str,
               explain: str) -> list[Out]:
        """Score every answer with `judge` (value -> credit 0..1) and tell each phone why."""
        current = self._open
        if current is None or current.revealed:
            return []
        current.closed = current.revealed = True
        question = current.question
        out: list[Out] = []
        for token, player in self.players.items():
            record = current.answers.get(token)
            if record is not None:
                credit = max(0.0, min(1.0, float(judge(record.value))))
                points = POINTS * credit + self._speed_bonus(question, record, credit)
                record = StudentAnswer(**{**record.__dict__, "credit": credit, "points": points})
                self.rows.append(record)
                player.answered += 1
                player.right += credit >= 1.0
                player.score += points
            if player.conn is None:
                continue
            out.append(Send(player.conn, {
                "type": "result", "id": question.id,
                "answered": record is not None,
                "correct": bool(record and record.credit >= 1.0),
                "credit": round(record.credit, 3) if record else 0.0,
                "points": round(record.points, 1) if record else 0,
                "answer": answer_label, "explain": explain, "score": round(player.score, 1)}))
        return out

    def _speed_bonus(self, question: OpenQuestion, record: StudentAnswer, credit: float) -> float:
        if not self.speed_bonus or credit <= 0 or question.deadline is None:
            return 0.0
        window = max(0.001, question.deadline - question.opened_at)
        return round(SPEED_BONUS * credit * max(0.0, 1.0 - record.seconds / window), 1)

    def _current_state_for(self, player: Player) -> list[Out]:
        """What a (re)joining phone needs to catch up: the open question or the lobby."""
        assert player.conn is not None
        current = self._open
        if current is None or current.revealed:
            return [Send(player.conn, {"type": "lobby", "locked": self.locked,
                                       "score": round(player.score, 1)})]
        out: list[Out] = [Send(player.conn, self._question_message(current.question))]
        if player.token in current.answers:
            out.append(Send(player.conn, {"type": "answered", "id": current.question.id}))
        if current.closed:
            out.append(Send(player.conn, {"type": "closed", "id": current.question.id}))
        return out

    # -- results -------------------------------------------------------------------
    def standings(self) -> list[Player]:
        """Players by score (accuracy first), then name."""
        return sorted(self.players.values(), key=lambda p: (-p.score, -p.right, p.name.casefold()))

    def team_scores(self) -> list[tuple[str, float, int]]:
        """(team, mean points per member, members): a mean, so team size does not decide."""
        out = []
        for index, team in enumerate(self.teams):
            members = [p for p in self.players.values() if p.team == index]
            mean = sum(p.score for p in members) / len(members) if members else 0.0
            out.append((team, round(mean, 1), len(members)))
        return out


def _valid_value(question: OpenQuestion, value: object) -> object:
    keys = [c.key for c in question.choices]
    if question.kind == CHOOSE:
        return value if isinstance(value, str) and value in keys else None
    if (isinstance(value, list) and len(value) == len(keys)
            and all(isinstance(v, str) for v in value) and sorted(value) == sorted(keys)):
        return tuple(value)
    return None


def _error(conn: int, text: str) -> Send:
    return Send(conn, {"type": "error", "message": text})
