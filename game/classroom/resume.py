"""Going on with a classroom session after a crash or a power cut.

The results file of a session is rewritten after every round (and when the window
closes mid-round), with the set-up, the seed and every row. From it a session is rebuilt:
the same teams and settings, each team's points so far, the items already dealt kept out
of the next deals, and play going on at the first round not finished. The same files go on
being written, so the results stay one session.

    unfinished = find_unfinished(results_dir())         # game.store.results
    room = resume(unfinished, library)                   # a Classroom, or ResumeError
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any, Callable, Mapping, Optional

from game.classroom.session import Classroom, ClassroomError
from game.classroom.setup import (HAND_SIZE, ROUND_TYPES, ClassroomSetup, choose_packs,
                                  select_content)
from game.rules.session import adjust, new_session
from game.store.results import ResultsSession, ResultsWriter

RESUMED = "points before the break"


class ResumeError(ValueError):
    """A session that cannot be resumed; str() says why, for the teacher."""


def setup_from(settings: Mapping[str, Any], teams, seed: Optional[int]) -> ClassroomSetup:
    """The set-up written into a results file (ClassroomSetup.to_dict), read leniently."""
    def texts(key: str) -> tuple[str, ...]:
        value = settings.get(key) or ()
        return tuple(str(v) for v in value) if isinstance(value, (list, tuple)) else ()

    def number(key: str, default: int) -> int:
        value = settings.get(key, default)
        return value if isinstance(value, int) and not isinstance(value, bool) else default

    defaults = ClassroomSetup()
    setup = ClassroomSetup(
        teams=tuple(teams) or texts("teams"), pack_ids=texts("packs"),
        level_ids=texts("levels"), rounds=number("rounds", defaults.rounds),
        round_types=tuple(t for t in texts("round_types") if t in ROUND_TYPES)
        or defaults.round_types,
        timer=number("timer", defaults.timer), steal=bool(settings.get("steal", True)),
        seed=seed if seed is not None else number("seed", defaults.seed),
        hand_size=number("hand_size", HAND_SIZE))
    problems = setup.problems()
    if problems:
        raise ResumeError("the saved set-up is not valid: " + "; ".join(problems))
    return setup


def resume(results: ResultsSession, library, *,
           now: Optional[Callable[[], datetime]] = None,
           writer_now: Callable[[], datetime] = datetime.now) -> Classroom:
    """The session of `results` going on where it stopped."""
    setup = setup_from(results.settings, results.teams, results.seed)
    if results.rounds >= setup.rounds:
        raise ResumeError(f"all {setup.rounds} rounds were played; nothing is left to resume")
    try:
        packs = choose_packs(library, setup.pack_ids)
    except KeyError as error:
        raise ResumeError(f"a pack of that session is not loaded now ({error.args[0]})") from None
    content = select_content(packs, setup.level_ids)
    session = new_session([t.strip() for t in setup.teams], seed=setup.seed,
                          rules=setup.rules())
    totals = results.totals()
    for index, team in enumerate(session.players):
        if totals.get(team.name):
            session = adjust(session, index, totals[team.name], RESUMED)
    dealt = {item for row in results.rows for item in row.item_ids}
    session = _with_seen(session, content, dealt)
    writer = ResultsWriter.resume(results, now=writer_now)
    try:
        return Classroom.resumed(setup, content, session, results.rounds, results.rows,
                                 writer=writer, now=now)
    except ClassroomError as error:
        raise ResumeError(str(error)) from None


def _with_seen(session, content, dealt: set):
    events = frozenset(e.id for e in content.events if e.id in dealt)
    questions = frozenset(q.id for q in content.questions if q.id in dealt)
    return replace(session, seen_events=session.seen_events | events,
                   seen_questions=session.seen_questions | questions)
