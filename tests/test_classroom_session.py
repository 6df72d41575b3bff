"""A classroom session through the pure logic: turns, the timer, steals, the teacher's
controls, and the results file written after every round."""

import pytest

from classroom_helpers import Clock, right_move, wrong_move
from rules_fixtures import ORDERABLE_EVENTS, content
from game.classroom.rows import TIME_RAN_OUT
from game.classroom.session import (OVER, PLAYING, ROUND_OVER, STEAL_OFFER, Classroom,
                                    ClassroomError, open_writer)
from game.classroom.setup import ClassroomSetup
from game.classroom.summary import summarize
from game.rules.prompts import Ask, SortHand
from game.store.results import read_results

TEAMS = ("Red", "Blue", "Green")


def make_room(tmp_path, **changes):
    fields = dict(teams=TEAMS, rounds=2, round_types=("whose-view", "timeline"), timer=30,
                  steal=True, seed=7)
    fields.update(changes)
    setup = ClassroomSetup(**fields)
    clock = Clock()
    writer = open_writer(setup, tmp_path / "results", now=clock)
    return Classroom(setup, content(events=ORDERABLE_EVENTS), writer=writer, now=clock)


def play_scripted_session(tmp_path):
    """Round 1 (questions): Red misses, Blue steals it; the teacher gives Blue +1 and takes
    it back; Blue times out, Green declines that steal and answers its own question.
    Round 2 (timeline): every team sorts its hand right."""
    room = make_room(tmp_path)
    assert (room.round_type, room.team_name) == ("whose-view", "Red")
    room.tick(4)
    room.answer(wrong_move(room.prompt))
    assert (room.phase, room.team_name) == (STEAL_OFFER, "Blue")
    room.take_steal()
    assert room.stealing
    room.tick(3)
    room.answer(right_move(room.prompt))
    assert (room.phase, room.team_name, room.stealing) == (PLAYING, "Blue", False)
    room.adjust(1, +1)
    assert room.undo() == "+1 for Blue"
    assert room.tick(29.0) is None
    outcome = room.tick(1.5)
    assert outcome.kind == "timeout"
    assert (room.phase, room.team_name) == (STEAL_OFFER, "Green")
    room.decline_steal()
    room.tick(2)
    room.answer(right_move(room.prompt))
    assert room.phase == ROUND_OVER
    after_round_one = read_results(room.writer.json_path)
    room.next_round()
    assert room.round_type == "timeline"
    for _ in TEAMS:
        room.tick(6)
        room.answer(right_move(room.prompt))
    assert room.phase == ROUND_OVER and room.last_round
    room.end()
    return room, after_round_one


def test_a_scripted_three_team_session_is_written_row_by_row_as_it_happened(tmp_path):
    room, _ = play_scripted_session(tmp_path)
    saved = read_results(room.writer.json_path)
    summary = [(r.team, r.round_type, r.correct, r.points) for r in saved.rows]
    assert summary[:6] == [
        ("Red", "whose-view", False, 0),
        ("Blue", "whose-view", True, 5),       # the steal: half of 10
        ("Blue", "manual", False, 1),
        ("Blue", "undo", False, -1),
        ("Blue", "whose-view", False, 0),      # the time-out
        ("Green", "whose-view", True, 10),
    ]
    assert [(r.round_type, r.correct) for r in saved.rows[6:]] == [("timeline", True)] * 3
    assert saved.rows[1].answer_given.startswith("steal: ")
    assert saved.rows[4].answer_given == TIME_RAN_OUT and saved.rows[4].seconds >= 30
    assert saved.rows[0].seconds == 4.0 and saved.rows[5].seconds == 2.0
    assert saved.status == "finished" and saved.seed == 7
    assert saved.settings["teams"] == list(TEAMS) and saved.settings["timer"] == 30
    assert saved.totals() == dict(zip(TEAMS, room.scores))


def test_the_csv_holds_the_same_rows_as_the_json(tmp_path):
    room, _ = play_scripted_session(tmp_path)
    from_json = read_results(room.writer.json_path)
    room.writer.json_path.unlink()
    from_csv = read_results(room.writer.csv_path)
    assert from_csv.source == "csv"
    assert [r.to_dict() for r in from_csv.rows] == [r.to_dict() for r in from_json.rows]


def test_the_first_round_is_on_disk_as_soon_as_it_ends(tmp_path):
    room, after_round_one = play_scripted_session(tmp_path)
    assert after_round_one.status == "in progress"
    assert len(after_round_one.rows) == 6
    assert after_round_one.rows == read_results(room.writer.json_path).rows[:6]


def test_the_scores_in_the_rows_always_add_up_to_the_scoreboard(tmp_path):
    room, _ = play_scripted_session(tmp_path)
    table = {t.team: t.points for t in summarize(room.rows, room.teams).standings}
    assert table == dict(zip(TEAMS, room.scores))


def test_undo_takes_back_an_answer_and_gives_the_same_team_the_same_prompt(tmp_path):
    room = make_room(tmp_path, steal=False)
    prompt = room.prompt
    room.answer(right_move(prompt))
    assert room.scores[0] == 10 and room.team_name == "Blue"
    assert room.undo().startswith("Red answered")
    assert room.scores == (0, 0, 0) and room.team_name == "Red" and room.prompt == prompt
    assert room.rows[-1].round_type == "undo" and room.rows[-1].points == -10
    assert summarize(room.rows, room.teams).answers == 0


def test_undo_reaches_back_beyond_the_start_of_a_round_into_the_previous_one(tmp_path):
    room = make_room(tmp_path, steal=False)
    for _ in TEAMS:
        room.answer(right_move(room.prompt))
    room.next_round()
    assert room.can_undo
    assert room.undo() == "Green answered " + room.rows[2].item_ids[0]
    assert room.round_number == 1 and room.phase == PLAYING and room.team_name == "Green"
    assert room.scores == (10, 10, 0)
    room.answer(right_move(room.prompt))
    assert room.phase == ROUND_OVER and room.round_number == 1


def test_a_missed_question_is_not_offered_for_a_steal_when_steal_is_off(tmp_path):
    room = make_room(tmp_path, steal=False)
    room.answer(wrong_move(room.prompt))
    assert room.phase == PLAYING and room.team_name == "Blue"
    with pytest.raises(ClassroomError):
        room.take_steal()


def test_a_pause_stops_the_clock_and_the_answers_and_is_recorded(tmp_path):
    room = make_room(tmp_path)
    room.tick(10)
    assert room.toggle_pause() is True
    assert room.tick(100) is None and room.timer.elapsed == 10
    with pytest.raises(ClassroomError):
        room.answer(right_move(room.prompt))
    assert room.toggle_pause() is False
    assert [r.round_type for r in room.rows] == ["pause", "resume"]
    assert room.timer.shown == 20


def test_a_skip_passes_the_turn_with_no_points_and_is_recorded(tmp_path):
    room = make_room(tmp_path, steal=False)
    room.skip()
    assert room.team_name == "Blue" and room.scores == (0, 0, 0)
    assert room.rows[-1].round_type == "skip" and room.rows[-1].team == "Red"


def test_a_skip_does_not_hand_the_skipped_question_to_the_next_team(tmp_path):
    room = make_room(tmp_path, steal=False)
    skipped = room.prompt.question.id
    room.skip()
    assert room.team_name == "Blue" and room.prompt.question.id != skipped
    room.answer(right_move(room.prompt))
    room.answer(right_move(room.prompt))
    assert room.phase == ROUND_OVER            # every team had exactly one turn


def test_with_no_timer_the_turn_never_times_out(tmp_path):
    room = make_room(tmp_path, timer=0)
    assert room.tick(10_000) is None and room.phase == PLAYING
    assert room.timer.shown is None


def test_a_timeline_turn_that_times_out_scores_nothing(tmp_path):
    room = make_room(tmp_path, round_types=("timeline",), timer=20)
    assert isinstance(room.prompt, SortHand)
    outcome = room.tick(21)
    assert outcome.kind == "timeout" and outcome.row.points == 0
    assert room.phase == PLAYING and room.team_name == "Blue"   # no steal on a hand


def test_ending_early_is_recorded_and_marks_the_file_finished(tmp_path):
    room = make_room(tmp_path)
    room.answer(right_move(room.prompt))
    assert room.end(early=True)
    assert room.phase == OVER
    saved = read_results(room.writer.json_path)
    assert saved.status == "finished"
    assert [r.round_type for r in saved.rows] == ["whose-view", "end"]
    assert "ended by the teacher" in room.writer.json_path.read_text(encoding="utf-8")


def test_the_same_seed_deals_the_same_session(tmp_path):
    first, second = make_room(tmp_path / "a"), make_room(tmp_path / "b")
    for _ in range(3):
        assert first.prompt == second.prompt
        move = right_move(first.prompt)
        first.answer(move)
        second.answer(move)


def test_a_set_up_with_a_round_type_the_packs_cannot_fill_is_refused(tmp_path):
    setup = ClassroomSetup(teams=TEAMS, round_types=("choice",), seed=1)
    with pytest.raises(ClassroomError, match="nothing for"):
        Classroom(setup, content(events=ORDERABLE_EVENTS, questions=()))


def test_a_set_up_with_two_teams_of_the_same_name_is_refused():
    setup = ClassroomSetup(teams=("Red", "red"))
    assert "two teams have the same name" in setup.problems()


def test_manual_points_go_to_the_team_chosen_not_only_the_current_one(tmp_path):
    room = make_room(tmp_path)
    room.adjust(2, -1)
    assert room.scores == (0, 0, -1)
    with pytest.raises(ClassroomError):
        room.adjust(5, 1)


def test_questions_alternate_with_timeline_hands_round_by_round(tmp_path):
    room = make_room(tmp_path, rounds=3, steal=False)
    seen = []
    for _ in range(3):
        seen.append(type(room.prompt))
        for _ in TEAMS:
            room.answer(right_move(room.prompt))
        if not room.last_round:
            room.next_round()
    assert seen == [Ask, SortHand, Ask]


def test_a_results_folder_that_cannot_be_written_is_shown_and_the_session_goes_on(tmp_path):
    # A file where the results folder should be: every save fails, as on a read-only disk.
    (tmp_path / "results").write_text("in the way", encoding="utf-8")
    room = make_room(tmp_path)
    assert room.results_note.startswith("saved to ")
    for _ in TEAMS:
        room.tick(2)
        room.answer(right_move(room.prompt))
        if room.phase == STEAL_OFFER:
            room.decline_steal()
    assert room.phase == ROUND_OVER
    assert room.failed_saves == 1
    assert room.results_note.startswith("RESULTS NOT SAVED")
    room.next_round()            # the teacher carries on; the game did not stop
    assert room.phase == PLAYING


# --- review B1: the steal comes before any reveal -------------------------------------------
def test_a_miss_open_to_a_steal_reveals_nothing_until_the_steal_is_settled(tmp_path):
    room = make_room(tmp_path)
    wrong = wrong_move(room.prompt)
    room.answer(wrong)
    assert room.phase == STEAL_OFFER and room.reveal is None
    offer = room.prompt
    assert offer.steal and wrong in offer.removed            # the wrong option struck out
    assert wrong not in [c.key for c in offer.live_choices]
    room.decline_steal()
    assert room.reveal is not None and room.reveal.team == 0
    assert room.reveal.verdict.answer.key == offer.question.answer


def test_a_steal_answered_reveals_the_answer_with_the_miss_it_stole(tmp_path):
    room = make_room(tmp_path)
    room.answer(wrong_move(room.prompt))
    room.take_steal()
    assert room.reveal is None or not room.reveal.stolen
    room.answer(right_move(room.prompt))
    shown = room.reveal
    assert shown.stolen and shown.team == 1 and shown.missed.team == 0
    assert shown.verdict.correct and shown.row.points == 5


def test_a_steal_does_not_feed_the_streak_bonus(tmp_path):
    """Blue steals twice and answers its own two turns right: without steals counted,
    that is a run of 2, never the 3-in-a-row bonus."""
    room = make_room(tmp_path, teams=("Red", "Blue"), rounds=3, round_types=("whose-view",),
                     timer=0)
    points = []
    for _ in range(3):
        room.answer(wrong_move(room.prompt))      # Red misses
        if room.phase == STEAL_OFFER:
            room.take_steal()
            room.answer(right_move(room.prompt))  # Blue steals
        room.answer(right_move(room.prompt))      # Blue's own turn
        points.append(room.scores[1])
        if not room.last_round:
            room.next_round()
    own_rows = [r.points for r in room.rows if r.team == "Blue"
                and not r.answer_given.startswith("steal: ")]
    assert own_rows == [10, 10, 15]               # the bonus only on the 3rd own right answer
    assert room.session.players[1].streak == 3


# --- review M7: an early end says so and compares fairly --------------------------------------
def test_ending_early_mid_round_compares_teams_on_equal_turns(tmp_path):
    room = make_room(tmp_path, teams=("Sputnik", "Thaw Crew"), steal=False)
    room.answer(right_move(room.prompt))          # Sputnik's turn: 10 points
    room.end(early=True)
    final = room.final_standings()
    assert final.ended_early and final.rounds_compared == 0 and final.unfinished_round == 1
    assert final.winners == () and final.headline.startswith("No winner")
    assert [(t.team, t.points, t.total, t.turns) for t in final.teams] == [
        ("Sputnik", 0, 10, 0), ("Thaw Crew", 0, 0, 0)]
    assert "ended early" in final.note


def test_ending_early_after_full_rounds_counts_only_them_and_keeps_teacher_points(tmp_path):
    room = make_room(tmp_path, teams=("Red", "Blue"), rounds=4, steal=False)
    room.answer(wrong_move(room.prompt))          # round 1: Red misses, Blue right
    room.answer(right_move(room.prompt))
    room.next_round()
    room.answer(right_move(room.prompt))          # round 2: Red right ... then the bell
    room.adjust(0, +2)
    room.end(early=True)
    final = room.final_standings()
    assert final.rounds_compared == 1 and final.unfinished_round == 2
    assert [(t.team, t.points, t.turns) for t in final.teams] == [("Blue", 10, 1),
                                                                   ("Red", 2, 1)]
    assert final.headline == "Blue wins!"
    assert "Round 2 was not finished" in final.note


def test_a_session_played_to_the_end_is_not_marked_early(tmp_path):
    room = make_room(tmp_path, rounds=1, steal=False)
    for _ in TEAMS:
        room.answer(right_move(room.prompt))
    room.end(early=True)                          # Esc on the last scoreboard
    final = room.final_standings()
    assert not final.ended_early and final.note == ""
    assert final.headline == "Red, Blue and Green tie!"


# --- teacher points are saved at once; the seed is fresh ----------------------------------------
def test_teacher_points_are_on_disk_at_once_not_with_the_next_round(tmp_path):
    room = make_room(tmp_path)
    room.adjust(1, +3)
    saved = read_results(room.writer.json_path)
    assert [(r.team, r.round_type, r.points) for r in saved.rows] == [("Blue", "manual", 3)]
    assert saved.rounds == 0
    room.undo()
    assert [r.round_type for r in read_results(room.writer.json_path).rows] == ["manual",
                                                                               "undo"]


def test_each_session_set_up_gets_a_fresh_seed_and_the_last_one_can_be_replayed():
    from game.classroom.setup import previous_seed
    from game.store.settings import ClassroomSettings
    remembered = ClassroomSettings(seed=42)
    setup = ClassroomSetup.from_settings(remembered, seed=9001)
    assert setup.seed == 9001
    assert previous_seed(remembered) == 42
    assert previous_seed(ClassroomSettings()) is None


def test_each_row_carries_the_time_of_its_own_decision_not_of_the_save(tmp_path):
    from datetime import datetime
    moments = iter(datetime(2024, 3, 5, 10, 0, s) for s in range(0, 60, 7))
    setup = ClassroomSetup(teams=TEAMS, rounds=1, round_types=("whose-view",), timer=0,
                           steal=False, seed=7)
    room = Classroom(setup, content(events=ORDERABLE_EVENTS),
                     writer=open_writer(setup, tmp_path, now=lambda: datetime(2024, 3, 5, 11)),
                     now=lambda: next(moments))
    for _ in TEAMS:
        room.answer(right_move(room.prompt))
    times = [r.time for r in read_results(room.writer.json_path).rows]
    assert len(set(times)) == 3


def test_a_room_without_a_clock_given_still_stamps_each_row():
    setup = ClassroomSetup(teams=TEAMS, rounds=1, round_types=("whose-view",), timer=0,
                           steal=False, seed=7)
    room = Classroom(setup, content(events=ORDERABLE_EVENTS))
    room.answer(right_move(room.prompt))
    assert room.rows[0].time != ""
