"""`thaw results`: the standings and the most-missed questions with their right answers."""

import pytest

from classroom_helpers import Clock, right_move, wrong_move
from game.classroom.session import Classroom, open_writer
from game.classroom.setup import ClassroomSetup
from game.cli import main
from game.content.library import load_library
from game.paths import results_dir
from game.rules.content import Content


@pytest.fixture(scope="module")
def library():
    return load_library()


def play_real_pack(library, folder):
    """Three teams on the bundled pack: Red misses its question, Blue answers right,
    Green misses; then Red gets a manual point."""
    setup = ClassroomSetup(teams=("Red", "Blue", "Green"), rounds=1,
                           round_types=("whose-view",), timer=0, steal=False, seed=3)
    clock = Clock()
    room = Classroom(setup, Content.from_library(library),
                     writer=open_writer(setup, folder, now=clock), now=clock)
    missed = []
    for move in (wrong_move, right_move, wrong_move):
        if move is wrong_move:
            missed.append(room.prompt.question)
        room.answer(move(room.prompt))
    room.adjust(0, 2)
    room.end()
    return room, missed


def test_results_prints_the_standings_best_first(library, capsys):
    room, _ = play_real_pack(library, results_dir())
    assert main(["results", str(room.writer.json_path)]) == 0
    out = capsys.readouterr().out
    standings = out.split("Standings")[1].split("Most missed")[0]
    assert standings.index("Blue") < standings.index("Red") < standings.index("Green")
    assert "10 points" in standings and "2 points" in standings


def test_results_lists_the_missed_questions_with_their_right_answers(library, capsys):
    room, missed = play_real_pack(library, results_dir())
    assert main(["results", str(room.writer.csv_path)]) == 0
    out = capsys.readouterr().out.split("Most missed")[1]
    for question in missed:
        assert question.id in out
        right = library.perspective(question.answer).name if question.is_whose_view \
            else question.answer
        assert f"Right answer: {right}" in out


def test_results_without_a_file_reads_the_newest_in_the_results_folder(library, capsys):
    play_real_pack(library, results_dir())
    newest, _ = play_real_pack(library, results_dir())
    assert main(["results"]) == 0
    assert newest.writer.json_path.name in capsys.readouterr().out


def test_results_with_no_results_yet_says_so_and_fails(capsys):
    assert main(["results"]) == 1
    captured = capsys.readouterr()
    assert "no results files" in captured.err and "Traceback" not in captured.err


def test_results_on_an_unreadable_file_names_it_and_fails(tmp_path, capsys):
    bad = tmp_path / "20240305-100000-7B.json"
    bad.write_text("{ this is not json", encoding="utf-8")
    assert main(["results", str(bad)]) == 1
    captured = capsys.readouterr()
    assert str(bad) in captured.err and "Traceback" not in captured.err


def test_results_on_a_missing_file_fails_with_a_message(tmp_path, capsys):
    assert main(["results", str(tmp_path / "nothing.csv")]) == 1
    assert "no such file" in capsys.readouterr().err
