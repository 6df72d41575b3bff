"""Nothing lost in a classroom (issue 14): the round in play is written when the window
closes, a save that recovers clears the alarm, a crashed session can be resumed, and a
team name nobody can see is refused at set-up."""

import json
import subprocess
import sys
from datetime import timedelta

import pytest

from classroom_helpers import Clock, right_move, wrong_move
from game.classroom.resume import ResumeError, resume, setup_from
from game.classroom.session import PLAYING, ROUND_OVER, STEAL_OFFER, Classroom, open_writer
from game.classroom.setup import ClassroomSetup, check_content, select_content
from game.content.library import load_library
from game.store.results import find_unfinished, read_results

TEAMS = ("Red", "Blue", "Green")


@pytest.fixture(scope="module")
def library():
    return load_library()


def make_room(tmp_path, library, clock=None, **changes):
    fields = dict(teams=TEAMS, rounds=3, round_types=("whose-view", "timeline"), timer=30,
                  steal=False, seed=7, pack_ids=("khrushchev-era",))
    fields.update(changes)
    setup = ClassroomSetup(**fields)
    clock = clock or Clock()
    writer = open_writer(setup, tmp_path / "results", now=clock)
    content = select_content(library.with_requirements(setup.pack_ids))
    return Classroom(setup, content, writer=writer, now=clock)


def play_round(room, move=right_move):
    while room.phase != ROUND_OVER:
        if room.phase == STEAL_OFFER:
            room.decline_steal()
            continue
        room.tick(2)
        room.answer(move(room.prompt))


# --- team names ------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["\u200b", "\u200d", "\ufeff", "\ufe0f", " \u200b "])
def test_a_team_name_of_only_an_invisible_character_is_refused_at_set_up(name, library):
    setup = ClassroomSetup(teams=("Red", name))
    problems = check_content(setup, select_content(library.packs))
    assert any("a name you can see" in p for p in problems)


def test_a_team_name_with_an_escape_code_is_refused_at_set_up():
    assert "team names cannot hold control characters" in \
        ClassroomSetup(teams=("Red", "Blue\x1b[2J")).problems()


# --- the round in play --------------------------------------------------------------------

def test_closing_mid_round_writes_that_rounds_answers_and_the_teachers_points(tmp_path, library):
    room = make_room(tmp_path, library)
    room.tick(3)
    room.answer(right_move(room.prompt))
    room.adjust(2, +2)
    assert room.phase == PLAYING, "the round is not over"
    assert room.save_now()
    saved = read_results(room.writer.json_path)
    assert [r.team for r in saved.rows] == ["Red", "Green"]
    assert saved.totals()["Green"] == 2 and saved.rounds == 0
    assert saved.status == "in progress"
    # The round then ends normally: counted once, no row twice.
    play_round(room)
    saved = read_results(room.writer.json_path)
    assert saved.rounds == 1 and len(saved.rows) == len(room.rows)


def test_results_not_saved_goes_away_once_a_save_recovers(tmp_path, library):
    (tmp_path / "results").write_text("in the way", encoding="utf-8")
    room = make_room(tmp_path, library)
    play_round(room)
    assert room.results_note.startswith("RESULTS NOT SAVED")
    (tmp_path / "results").unlink()        # the teacher frees the disk
    room.next_round()
    play_round(room)
    assert not room.results_note.startswith("RESULTS NOT SAVED")
    assert "everything is saved now" in room.results_note
    saved = read_results(room.writer.json_path)
    assert saved.rounds == 2 and len(saved.rows) == len(room.rows), "round 1 was caught up"


# --- resuming after a crash ------------------------------------------------------------------

def test_a_crashed_session_is_found_and_resumed_with_its_scores(tmp_path, library):
    clock = Clock()
    room = make_room(tmp_path, library, clock)
    play_round(room, wrong_move)
    room.next_round()
    room.tick(2)
    room.answer(right_move(room.prompt))
    room.adjust(0, +1)
    room.save_now()                       # the window closed (or crashed after a round)
    scores, path = room.scores, room.writer.json_path
    del room

    found = find_unfinished(tmp_path / "results", now=lambda: clock.now)
    assert found is not None and found.path == path
    again = resume(found, library, now=clock, writer_now=clock)
    assert again.scores == scores
    assert again.round_number == 2 and again.phase == PLAYING
    assert again.writer.json_path == path, "the same files go on"
    play_round(again)
    again.next_round()
    play_round(again)
    again.end()
    final = read_results(path)
    assert final.status == "finished" and final.rounds == 3
    assert final.totals() == dict(zip(TEAMS, again.scores))
    assert find_unfinished(tmp_path / "results", now=lambda: clock.now) is None


def test_a_finished_or_old_session_is_not_offered(tmp_path, library):
    clock = Clock()
    room = make_room(tmp_path, library, clock, rounds=1)
    play_round(room)
    assert find_unfinished(tmp_path / "results", now=lambda: clock.now) is not None
    later = clock.now + timedelta(hours=13)
    assert find_unfinished(tmp_path / "results", now=lambda: later) is None
    room.end()
    assert find_unfinished(tmp_path / "results", now=lambda: clock.now) is None


def test_a_session_still_running_in_another_window_is_not_offered(tmp_path, library):
    clock = Clock()
    room = make_room(tmp_path, library, clock)
    play_round(room)
    other = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"],
                             stdin=subprocess.PIPE)
    try:
        body = json.loads(room.writer.json_path.read_text(encoding="utf-8"))
        body["pid"] = other.pid
        room.writer.json_path.write_text(json.dumps(body), encoding="utf-8")
        assert find_unfinished(tmp_path / "results", now=lambda: clock.now) is None
    finally:
        other.communicate(b"")
    assert find_unfinished(tmp_path / "results", now=lambda: clock.now) is not None


def test_a_session_whose_rounds_are_all_played_cannot_be_resumed(tmp_path, library):
    clock = Clock()
    room = make_room(tmp_path, library, clock, rounds=1)
    play_round(room)
    found = find_unfinished(tmp_path / "results", now=lambda: clock.now)
    with pytest.raises(ResumeError, match="all 1 rounds were played"):
        resume(found, library)


def test_a_saved_set_up_that_makes_no_sense_is_a_resume_error():
    with pytest.raises(ResumeError, match="not valid"):
        setup_from({"rounds": 1}, ("Solo",), 1)
