"""Classroom results: both files are rewritten after every round and always agree."""

import csv
import json
import os
import re
from datetime import datetime, timedelta

import pytest

from game.store import (CSV_HEADER, ResultRow, ResultsError, ResultsWriter, Store,
                        list_results, read_results)
from game.store.atomic import backup_path
from game.store.results import OPTIONAL_COLUMNS


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start=datetime(1961, 4, 12, 9, 7, 0)):
        self.now = start

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += timedelta(seconds=seconds)


SETTINGS = {"teams": ["Reds", "Blues"], "rounds": 2, "timer": 30, "steal": True, "seed": 7}


def round_one():
    return [ResultRow("Reds", "timeline", ("stalin-death", "secret-speech"),
                      "stalin-death secret-speech", True, 3, 12.34),
            {"team": "Blues", "round_type": "timeline", "item_ids": ["sputnik"],
             "answer_given": "=1+1", "correct": False, "points": 0, "seconds": 30}]


def round_two():
    return [ResultRow("Blues", "whose-view", ("q-cardboard",), "khrushchev", True, 2, 8.0,
                      time="1961-04-12T09:30:00"),
            ResultRow("Reds", "whose-view", ("q-cardboard",), "'quoted", False, -1, 3.05)]


def test_each_round_rewrites_both_files_with_every_row_so_far(tmp_path):
    clock = Clock()
    writer = ResultsWriter(tmp_path, "7B", SETTINGS, now=clock)
    assert re.fullmatch(r"19610412-090700-[0-9a-f]{8}-7B\.csv", writer.csv_path.name)
    assert writer.json_path.name == writer.csv_path.name[:-4] + ".json"

    assert writer.write_round(round_one())
    session = read_results(writer.json_path)
    assert (len(session.rows), session.rounds, session.status) == (2, 1, "in progress")
    assert len(read_results_csv_only(writer.csv_path, tmp_path).rows) == 2

    clock.advance(60)
    assert writer.write_round(round_two())
    session = read_results(writer.json_path)
    assert (len(session.rows), session.rounds) == (4, 2)
    assert session.teams == ("Reds", "Blues") and session.seed == 7
    assert session.settings == SETTINGS
    assert session.totals() == {"Reds": 2, "Blues": 2}

    assert writer.finish()
    assert read_results(writer.json_path).status == "finished"


def read_results_csv_only(csv_path, tmp_path):
    """Read a CSV as if its JSON were not there."""
    alone = tmp_path / "alone"
    alone.mkdir(exist_ok=True)
    copy = alone / csv_path.name
    copy.write_bytes(csv_path.read_bytes())
    return read_results(copy)


def test_the_csv_and_the_json_hold_the_same_rows(tmp_path):
    writer = ResultsWriter(tmp_path, "7B", SETTINGS, now=Clock())
    writer.write_round(round_one())
    writer.write_round(round_two())
    from_json = read_results(writer.json_path)
    from_csv = read_results_csv_only(writer.csv_path, tmp_path)
    assert from_csv.source == "csv" and from_json.source == "json"
    assert from_csv.rows == from_json.rows
    assert from_csv.rows[1].answer_given == "=1+1" and from_csv.rows[3].answer_given == "'quoted"
    assert from_csv.teams == ("Reds", "Blues")


def test_the_csv_has_the_documented_header_and_one_line_per_answer(tmp_path):
    writer = ResultsWriter(tmp_path, "7B", SETTINGS, now=Clock())
    writer.write_round(round_one())
    with open(writer.csv_path, encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert tuple(lines[0]) == CSV_HEADER + OPTIONAL_COLUMNS == (
        "time", "team", "round_type", "item_ids", "answer_given", "correct", "points", "seconds",
        "student")
    assert lines[1] == ["1961-04-12T09:07:00", "Reds", "timeline",
                        "stalin-death secret-speech", "stalin-death secret-speech", "yes", "3",
                        "12.3", ""]
    # A spreadsheet must not run a team's answer as a formula.
    assert lines[2][4] == "'=1+1"


def test_the_json_is_a_versioned_document_of_the_whole_session(tmp_path):
    writer = ResultsWriter(tmp_path, "7B", SETTINGS, now=Clock())
    writer.write_round(round_one())
    document = json.loads(writer.json_path.read_text(encoding="utf-8"))
    assert (document["format"], document["kind"]) == (1, "thaw-results")
    assert document["status"] == "in progress" and document["session"] == "7B"
    assert document["rows"][0]["item_ids"] == ["stalin-death", "secret-speech"]


def test_a_row_is_a_documented_value_that_round_trips():
    row = ResultRow("Reds", "timeline", ("a", "b"), "b a", False, 0, 4.26, time="t")
    assert row.seconds == 4.3
    assert ResultRow.from_dict(row.to_dict()) == row
    assert list(row.to_dict()) == list(CSV_HEADER + OPTIONAL_COLUMNS)


@pytest.mark.parametrize("change", [{"correct": "yes"}, {"points": 1.5}, {"seconds": -1},
                                    {"team": None}, {"item_ids": [1, 2]}])
def test_a_malformed_row_is_refused_with_the_field_named(change):
    data = dict(ResultRow("Reds", "timeline", ("a",), "a", True, 1, 1.0).to_dict(), **change)
    with pytest.raises(ValueError, match=next(iter(change))):
        ResultRow.from_dict(data)


def test_a_session_with_nothing_written_yet_has_no_files(tmp_path):
    ResultsWriter(tmp_path / "results", "7B", SETTINGS, now=Clock())
    assert list_results(tmp_path / "results") == []


def test_two_sessions_started_in_the_same_second_get_their_own_files(tmp_path):
    clock = Clock()
    first = ResultsWriter(tmp_path, "7B", SETTINGS, now=clock)
    first.write_round(round_one())
    second = ResultsWriter(tmp_path, "7B", SETTINGS, now=clock)
    second.write_round(round_two())
    assert first.json_path != second.json_path
    assert len(read_results(first.json_path).rows) == 2
    assert len(read_results(second.json_path).rows) == 2


def test_results_are_listed_newest_first_one_entry_per_session(tmp_path):
    clock = Clock()
    names = []
    for session in ("monday", "tuesday", "wednesday"):
        writer = ResultsWriter(tmp_path, session, SETTINGS, now=clock)
        writer.write_round(round_one())
        names.append(writer.json_path.name)
        clock.advance(86400)
    (tmp_path / "notes.txt").write_text("not results")
    assert [p.name for p in list_results(tmp_path)] == list(reversed(names))


def test_a_session_id_becomes_a_safe_file_name(tmp_path):
    writer = ResultsWriter(tmp_path, "../../etc/7B class!", SETTINGS, now=Clock())
    writer.write_round(round_one())
    assert writer.json_path.parent == tmp_path
    assert writer.session_id == "etc-7B-class"


def test_finishing_removes_the_backup_copies(tmp_path):
    writer = ResultsWriter(tmp_path, "7B", SETTINGS, now=Clock())
    writer.write_round(round_one())
    writer.write_round(round_two())
    assert backup_path(writer.json_path).exists()
    writer.finish()
    assert not backup_path(writer.json_path).exists() and not backup_path(writer.csv_path).exists()


def test_reading_a_csv_that_is_not_results_names_the_file_and_line(tmp_path):
    bad = tmp_path / "19610412-090700-x.csv"
    bad.write_text("time,team\n")
    with pytest.raises(ResultsError, match=r"19610412-090700-x.csv:1: the header"):
        read_results(bad)
    bad.write_text(",".join(CSV_HEADER) + "\nt,Reds,timeline,a,a,maybe,1,1\n")
    with pytest.raises(ResultsError, match=r"x.csv:2: correct is 'maybe'"):
        read_results(bad)


def test_reading_a_missing_or_foreign_file_is_a_clear_error(tmp_path):
    with pytest.raises(ResultsError, match="no such file"):
        read_results(tmp_path / "nothing.json")
    (tmp_path / "other.json").write_text('{"format": 1, "kind": "thaw-progress"}')
    with pytest.raises(ResultsError, match="'thaw-progress' data"):
        read_results(tmp_path / "other.json")
    with pytest.raises(ResultsError, match="expected .csv or .json"):
        read_results(tmp_path / "x.txt")


def test_a_failing_disk_during_a_session_is_reported_once_and_the_rows_are_kept(
        tmp_path, monkeypatch):
    store = Store(tmp_path, now=Clock())
    writer = store.results.start("7B", SETTINGS)

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    assert writer.write_round(round_one()) is False
    assert writer.write_round(round_two()) is False
    monkeypatch.undo()
    (notice,) = store.notices()
    assert notice.message == "Results cannot be saved: the disk is full. The game goes on."
    assert writer.finish() is True  # the disk has room again: every round is written
    session = read_results(writer.json_path)
    assert (len(session.rows), session.rounds, session.status) == (4, 2, "finished")
    assert store.results.list() == [writer.json_path]


def test_a_results_file_read_from_its_backup_says_so(tmp_path):
    import argparse
    import io
    from game.commands import results as command
    writer = ResultsWriter(tmp_path, "7B", SETTINGS, now=Clock())
    writer.write_round(round_one())
    writer.write_round(round_one())          # the second save leaves the first as .bak
    assert backup_path(writer.json_path).exists()
    assert not read_results(writer.csv_path).from_backup      # before the damage
    writer.json_path.write_bytes(b"{ torn write")
    session = read_results(writer.json_path)
    assert session.from_backup and session.read_from == backup_path(writer.json_path)
    out = io.StringIO()
    assert command.run(argparse.Namespace(file=str(writer.json_path), limit=3), out, io.StringIO()) == 0
    assert "its backup" in out.getvalue()
