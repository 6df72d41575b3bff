"""Safe output (issue 14): results files that a spreadsheet cannot turn into formulas, that
two sessions never share, that `thaw results` reads back however a spreadsheet saved them;
and pack text that reaches a terminal with its control characters shown, never obeyed."""

import argparse
import csv
import io
import os
import re
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.commands import results as results_command
from game.content.safetext import terminal
from game.store.results import (CSV_HEADER, ResultRow, ResultsError, ResultsWriter, _cell,
                                read_results)

FORMULA_START = "=+-@"


def fixed_clock():
    return datetime(1961, 4, 12, 9, 7, 0)


def csv_alone(writer, tmp_path):
    """The CSV a writer wrote, copied where there is no JSON next to it."""
    alone = tmp_path / "alone"
    alone.mkdir(exist_ok=True)
    copy = alone / writer.csv_path.name
    copy.write_bytes(writer.csv_path.read_bytes())
    return copy


def row(team="Reds", answer="khrushchev", points=2, seconds=3.5):
    return ResultRow(team, "whose-view", ("q-cardboard",), answer, True, points, seconds)


# --- formulas ------------------------------------------------------------------------

def spreadsheet_cells(text: str) -> list[str]:
    """Every cell a spreadsheet could see in `text`, whatever delimiter it splits on."""
    return [cell.strip(' "') for cell in re.split(r"[,;\t|\r\n]", text)]


def test_a_team_name_hiding_a_formula_after_a_semicolon_is_made_inert(tmp_path):
    team = "Reds;=cmd|' /C calc'!A0;"
    writer = ResultsWriter(tmp_path, "7B", {}, now=fixed_clock)
    writer.write_round([row(team=team)])
    text = writer.csv_path.read_bytes().decode("utf-8-sig")
    for delimiter in (",", ";", "\t", "|"):
        for line in text.splitlines():
            for cell in line.split(delimiter):
                assert not cell.strip(' "').startswith(tuple(FORMULA_START)), (delimiter, cell)
    assert read_results(csv_alone(writer, tmp_path)).rows[0].team == team


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab =+-@';,\t|\"\r\n"), max_size=24))
def test_no_guarded_cell_starts_a_formula_under_any_delimiter(text):
    guarded = _cell(text)
    for cell in spreadsheet_cells(guarded):
        assert not cell or cell[0] not in FORMULA_START, (text, guarded, cell)


@settings(max_examples=200, deadline=None)
@given(team=st.text(max_size=30).filter(lambda t: "\x00" not in t),
       answer=st.text(max_size=30).filter(lambda t: "\x00" not in t))
def test_every_cell_the_game_writes_it_reads_back(tmp_path_factory, team, answer):
    folder = tmp_path_factory.mktemp("results")
    writer = ResultsWriter(folder, "7B", {}, now=fixed_clock)
    writer.write_round([row(team=team, answer=answer)])
    back = read_results(csv_alone(writer, folder)).rows[0]
    assert (back.team, back.answer_given) == (team, answer)


# --- names -----------------------------------------------------------------------------

def test_two_sessions_started_in_the_same_second_write_different_files(tmp_path):
    first = ResultsWriter(tmp_path, "7B", {}, now=fixed_clock)
    second = ResultsWriter(tmp_path, "7B", {}, now=fixed_clock)
    assert first.write_round([row(team="Reds")]) and second.write_round([row(team="Blues")])
    assert first.json_path != second.json_path
    assert read_results(first.json_path).rows[0].team == "Reds"
    assert read_results(second.json_path).rows[0].team == "Blues"


def test_a_results_file_name_already_taken_is_never_overwritten(tmp_path):
    first = ResultsWriter(tmp_path, "7B", {}, now=fixed_clock)
    first.write_round([row(team="Reds")])
    second = ResultsWriter(tmp_path, "7B", {}, now=fixed_clock)
    # The worst case: the random part repeats too. The exclusive create notices.
    second.csv_path, second.json_path = first.csv_path, first.json_path
    second.write_round([row(team="Blues")])
    assert second.json_path != first.json_path
    assert read_results(first.json_path).rows[0].team == "Reds"


def test_the_name_holds_the_time_a_unique_part_and_the_session(tmp_path):
    writer = ResultsWriter(tmp_path, "7B", {}, now=fixed_clock)
    assert re.fullmatch(r"19610412-090700-[0-9a-f]{8}-7B\.json", writer.json_path.name)
    assert f"{os.getpid() & 0xFFFF:04x}" in writer.json_path.name


# --- reading back what a spreadsheet saved -------------------------------------------

ROWS = [["1961-04-12T09:07:00", "Équipe Rouge", "timeline", "a b", "a b", "yes", "3", "12.5"],
        ["1961-04-12T09:08:00", "Blues", "whose-view", "q1", "'=1+1", "no", "-1", "8"]]


def spreadsheet_file(tmp_path, encoding, delimiter, newline="\r\n", decimal="."):
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    writer.writerow(CSV_HEADER)
    for cells in ROWS:
        writer.writerow(cells[:-1] + [cells[-1].replace(".", decimal)])
    path = tmp_path / "20240305-101500-7B.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


@pytest.mark.parametrize("encoding,delimiter,newline,decimal", [
    ("utf-8-sig", ",", "\r\n", "."),        # what the game writes
    ("utf-8", ";", "\n", ","),              # LibreOffice, German locale
    ("cp1252", ";", "\r\n", ","),           # Excel "CSV (semicolon)" on Western Windows
    ("cp1252", ",", "\r\n", "."),           # Excel "CSV (comma delimited)"
    ("utf-16", "\t", "\r\n", "."),          # Excel "Unicode text"
    ("utf-16-le", "\t", "\r\n", "."),       # the same without a byte-order mark
])
def test_results_saved_by_a_spreadsheet_read_back(tmp_path, encoding, delimiter, newline, decimal):
    path = spreadsheet_file(tmp_path, encoding, delimiter, newline, decimal)
    session = read_results(path)
    assert [r.team for r in session.rows] == ["Équipe Rouge", "Blues"]
    assert [r.seconds for r in session.rows] == [12.5, 8.0]
    assert session.rows[1].answer_given == "=1+1" and session.rows[1].points == -1


def test_a_results_file_that_cannot_be_read_says_exactly_why(tmp_path):
    path = tmp_path / "20240305-101500-7B.csv"
    path.write_bytes(",".join(CSV_HEADER).encode() + b"\r\n1,\x81\x8d,x\r\n")
    with pytest.raises(ResultsError, match=r":2: byte 0x81 is neither UTF-8 nor Windows-1252"):
        read_results(path)
    path.write_text("when,who,what\n", encoding="utf-8")
    with pytest.raises(ResultsError, match=r":1: the header is not time,team"):
        read_results(path)


# --- terminals -------------------------------------------------------------------------

def test_terminal_shows_escape_codes_and_keeps_ordinary_text():
    assert terminal("Khrushchev \u2014 1956") == "Khrushchev \u2014 1956"
    assert terminal("line one\nline two\ttab") == "line one\nline two\ttab"
    assert terminal("\x1b[2J\rAll packs OK") == "\\x1b[2J\\rAll packs OK"
    assert terminal("\u202eKO") == "\\u202eKO"
    assert "\x1b" not in terminal("\x9b2J\x07\x00")


def test_thaw_results_prints_team_names_with_escape_codes_escaped(tmp_path):
    writer = ResultsWriter(tmp_path, "7B", {}, now=fixed_clock)
    writer.write_round([row(team="\x1b[2JReds\rAll fine")])
    out, err = io.StringIO(), io.StringIO()
    code = results_command.run(argparse.Namespace(file=str(writer.json_path), limit=10),
                               out, err, library=None)
    assert code == 0
    assert "\x1b" not in out.getvalue() and "\r" not in out.getvalue()
    assert "\\x1b[2JReds\\rAll fine" in out.getvalue()


def test_thaw_play_text_prints_escape_codes_from_packs_escaped(tmp_path):
    from game import textplay
    evil = tmp_path / "evil\x1b[2J\rAll packs OK.yaml"
    evil.write_text('format: 1\npack: evil\ntitle: "x"\nquestions: [\x1b]\n', encoding="utf-8")
    printed = []
    args = argparse.Namespace(mode="whose-view", seed=1, pack=[str(evil)])
    textplay.run(args, read=lambda prompt: "q", write=printed.append)
    text = "\n".join(printed)
    assert "evil\\x1b[2J\\rAll packs OK.yaml" in text
    assert "\x1b" not in text and "\r" not in text
