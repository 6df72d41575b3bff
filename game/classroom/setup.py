"""What the teacher chose on the set-up screen, and the content each round type plays.

ClassroomSetup is one frozen value. It is remembered through the store's
ClassroomSettings (teams, rounds, round types, timer, steal, packs, levels). The seed is
fresh for every session, so the next class never gets the same deal by accident; the
last session's seed is kept (previous_seed) so a teacher can replay a deal on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Optional, Sequence

from game.content.limits import first_control, has_visible
from game.content.model import Pack
from game.rules import modes
from game.rules.content import Content
from game.rules.game import MODE_SORT, MODE_WHOSE_VIEW, Game, NotEnoughContent
from game.rules.settings import Rules
# The limits of a classroom have one home, the store that remembers them.
from game.store.settings import MAX_ROUNDS, MAX_TEAM_NAME, MAX_TEAMS, MIN_TEAMS, TIMER_CHOICES

TIMELINE, WHOSE_VIEW, CHOICE = "timeline", "whose-view", "choice"
ROUND_TYPES = (TIMELINE, WHOSE_VIEW, CHOICE)
# Titles from the one table of modes (game.rules.modes): a timeline round sorts a hand.
ROUND_TITLES = {TIMELINE: f"Timeline: {modes.TITLES[MODE_SORT].lower()}",
                WHOSE_VIEW: modes.TITLES[MODE_WHOSE_VIEW], CHOICE: "Question"}
DEFAULT_TEAMS = ("Red", "Blue", "Green", "Gold", "Purple", "Orange")
HAND_SIZE = 4                               # cards per timeline turn: readable on a wall


@dataclass(frozen=True)
class ClassroomSetup:
    teams: tuple[str, ...] = DEFAULT_TEAMS[:3]
    pack_ids: tuple[str, ...] = ()         # () = every pack loaded
    level_ids: tuple[str, ...] = ()        # () = the whole packs; else only these levels
    rounds: int = 6                        # each round gives every team one turn
    round_types: tuple[str, ...] = (TIMELINE, WHOSE_VIEW)
    timer: int = 30                        # seconds per turn; 0 = off
    steal: bool = True
    seed: int = 1
    hand_size: int = HAND_SIZE
    # Phone sessions only: the question's text on each phone (off: read it on the projector),
    # and extra points for answering early (it needs the timer: no deadline, no bonus).
    phone_question: bool = True
    speed_bonus: bool = False

    def problems(self) -> list[str]:
        """What stops this set-up from starting, in words for the teacher."""
        out = []
        names = [n.strip() for n in self.teams]
        if not MIN_TEAMS <= len(names) <= MAX_TEAMS:
            out.append(f"choose {MIN_TEAMS} to {MAX_TEAMS} teams")
        if any(not n for n in names):
            out.append("every team needs a name")
        elif any(not has_visible(n) for n in names):
            # U+200B alone is not empty, yet shows nothing (and once crashed the screens).
            out.append("every team needs a name you can see (not only invisible characters)")
        if any(first_control(n) for n in names):
            out.append("team names cannot hold control characters")
        if any(len(n) > MAX_TEAM_NAME for n in names):
            out.append(f"team names are at most {MAX_TEAM_NAME} characters")
        if len({n.casefold() for n in names}) != len(names):
            out.append("two teams have the same name")
        if not 1 <= self.rounds <= MAX_ROUNDS:
            out.append(f"choose 1 to {MAX_ROUNDS} rounds")
        if not self.round_types:
            out.append("choose at least one round type")
        unknown = [t for t in self.round_types if t not in ROUND_TYPES]
        if unknown:
            out.append(f"unknown round type {unknown[0]!r}")
        if self.timer not in TIMER_CHOICES:
            out.append(f"the timer is one of {', '.join(map(str, TIMER_CHOICES))} seconds")
        return out

    def rules(self) -> Rules:
        return Rules(time_limit=float(self.timer) if self.timer else None)

    def round_type(self, index: int) -> str:
        """Round `index` (0-based) cycles through the chosen types."""
        return self.round_types[index % len(self.round_types)]

    def to_dict(self) -> dict:
        """The settings written into the results file (JSON)."""
        return {"teams": list(self.teams), "packs": list(self.pack_ids),
                "levels": list(self.level_ids), "rounds": self.rounds,
                "round_types": list(self.round_types), "timer": self.timer,
                "steal": self.steal, "seed": self.seed, "hand_size": self.hand_size,
                "phone_question": self.phone_question, "speed_bonus": self.speed_bonus}

    # --- remembered through the store ---------------------------------------------------
    @classmethod
    def from_settings(cls, remembered, seed: int) -> "ClassroomSetup":
        """From store.settings.ClassroomSettings; store defaults like 'Team 1' become
        colour names. The seed is always the fresh `seed` (review m17): the remembered
        one is only offered through previous_seed(remembered)."""
        teams = tuple(remembered.teams)
        if all(t.lower().startswith("team ") for t in teams):
            teams = DEFAULT_TEAMS[:max(MIN_TEAMS, min(MAX_TEAMS, len(teams)))]
        types = tuple(t for t in remembered.round_types if t in ROUND_TYPES) or cls.round_types
        timer = remembered.timer if remembered.timer in TIMER_CHOICES else cls.timer
        return cls(teams=teams, rounds=remembered.rounds, round_types=types, timer=timer,
                   steal=remembered.steal, seed=seed,
                   pack_ids=tuple(remembered.packs),
                   level_ids=tuple(remembered.levels),
                   phone_question=remembered.phone_question,
                   speed_bonus=remembered.speed_bonus)

    def to_settings(self, remembered):
        """The store's ClassroomSettings updated with this set-up."""
        return replace(remembered, teams=tuple(n.strip() for n in self.teams),
                       rounds=self.rounds, round_types=tuple(self.round_types),
                       timer=self.timer, steal=self.steal, seed=self.seed,
                       packs=tuple(self.pack_ids), levels=tuple(self.level_ids),
                       phone_question=self.phone_question, speed_bonus=self.speed_bonus)


def previous_seed(remembered) -> Optional[int]:
    """The seed of the last session set up (None: none yet), to replay its deal on purpose."""
    seed = getattr(remembered, "seed", None) if remembered is not None else None
    return seed if isinstance(seed, int) and not isinstance(seed, bool) else None


def default_team_name(index: int, taken: Iterable[str] = ()) -> str:
    """The next colour name not taken (then 'Team 7', ...)."""
    taken = {t.casefold() for t in taken}
    for name in DEFAULT_TEAMS[index:] + DEFAULT_TEAMS[:index]:
        if name.casefold() not in taken:
            return name
    number = index + 1
    while f"team {number}" in taken:
        number += 1
    return f"Team {number}"


# --- content ---------------------------------------------------------------------------
def level_content(packs: Sequence[Pack], level_ids: Iterable[str]) -> Content:
    """Only what the chosen levels play: their fixed events, the events their drawn
    timelines may deal, and their questions. Perspectives stay whole (answer choices)."""
    wanted = set(level_ids)
    every = Content.from_packs(packs)
    events: list = []
    questions: list = []
    for pack in packs:
        for level in pack.levels:
            if level.id not in wanted:
                continue
            for round_ in level.rounds:
                events.extend(e for e in map(every.event, round_.event_ids) if e)
                if round_.draw is not None:
                    d = round_.draw
                    events.extend(e for e in every.events
                                  if d.from_year <= e.date.year <= d.to_year)
                questions.extend(q for q in map(every.question, round_.question_ids) if q)
    return Content(tuple(events), tuple(questions), every.perspectives)


def select_content(packs: Sequence[Pack], level_ids: Iterable[str] = ()) -> Content:
    level_ids = tuple(level_ids)
    return level_content(packs, level_ids) if level_ids else Content.from_packs(packs)


def content_for_round(content: Content, round_type: str) -> Content:
    """The part of `content` one round type plays."""
    if round_type == TIMELINE:
        return Content(content.events, (), content.perspectives)
    want_view = round_type == WHOSE_VIEW
    return Content((), tuple(q for q in content.questions if q.is_whose_view == want_view),
                   content.perspectives)


def playable_types(content: Content, round_types: Iterable[str]) -> tuple[str, ...]:
    """The chosen round types the content can fill (a timeline needs two events)."""
    out = []
    for kind in round_types:
        part = content_for_round(content, kind)
        if (kind == TIMELINE and len(part.events) >= 2) or (kind != TIMELINE and part.questions):
            out.append(kind)
    return tuple(out)


def deal_round(setup: ClassroomSetup, content: Content, types: Sequence[str], session,
               index: int) -> Optional[tuple[Game, str]]:
    """Round `index` dealt through the modes table: (its game, its round type).

    The round type is the set-up's for that round, or the next one the packs can fill;
    None when none can. The team classroom and the phone review both deal with this.
    """
    first = setup.round_type(index)
    order = tuple(types[types.index(first):]) + tuple(types[:types.index(first)]) if first in types \
        else tuple(types)
    for kind in order:
        part = content_for_round(content, kind)
        try:
            if kind == TIMELINE:
                game = modes.start(MODE_SORT, part, session, rounds=1, hand_size=setup.hand_size)
            else:
                game = modes.start(MODE_WHOSE_VIEW, part, session, rounds=1)
        except NotEnoughContent:
            continue
        if not game.over:
            return game, kind
    return None


def check_content(setup: ClassroomSetup, content: Content) -> list[str]:
    """Set-up problems plus round types the packs cannot fill."""
    out = setup.problems()
    for kind in setup.round_types:
        if kind in ROUND_TYPES and kind not in playable_types(content, (kind,)):
            out.append(f"the packs chosen have nothing for {ROUND_TITLES[kind]!r} rounds")
    return out


def choose_packs(library, pack_ids: Sequence[str]) -> tuple[Pack, ...]:
    """The packs named (and what they require); every pack when none is named."""
    return tuple(library.with_requirements(tuple(pack_ids) or None))


def optional_seed(text: str) -> Optional[int]:
    """A seed typed by the teacher: digits only, else None."""
    text = text.strip()
    return int(text) if text.isdigit() and len(text) <= 18 else None
