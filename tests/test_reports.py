""""Report a problem with this card": notes kept in the user folder, and `thaw reports`
listing them with pack, item id, file and line."""

from datetime import datetime
from pathlib import Path

import pytest

from game.cli import main
from game.content.library import load_library
from game.paths import user_data_dir
from game.store.reports import MAX_NOTE, Report, ReportsStore, locate, make_report

WHEN = datetime(2026, 11, 23, 10, 30)


@pytest.fixture(scope="module")
def packs():
    return tuple(load_library().packs)


def _first(packs, kind):
    for pack in packs:
        items = pack.questions if kind == "question" else pack.events
        if items:
            return pack, items[-1]
    raise AssertionError(f"no {kind} in the bundled packs")


def test_a_report_names_the_pack_item_file_and_the_line_of_its_id(packs):
    pack, question = _first(packs, "question")
    report = make_report(question, packs, "  two answers\nare defensible ", WHEN, "whose-view")
    assert (report.pack, report.kind, report.item_id) == (pack.id, "question", question.id)
    assert Path(report.file) == pack.path and report.note == "two answers are defensible"
    line = Path(report.file).read_text(encoding="utf-8").splitlines()[report.line - 1]
    assert "id:" in line and question.id.rpartition(":")[2] in line  # ids are pack-id:id


def test_thaw_reports_lists_every_report_with_pack_item_and_file_line(packs, capsys):
    _, question = _first(packs, "question")
    epack, event = _first(packs, "event")
    store = ReportsStore(user_data_dir())
    assert store.add(make_report(question, packs, "the explanation is weak", WHEN))
    assert store.add(make_report(event, packs, "wrong date?", WHEN, "chronology"))
    assert main(["reports"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 reports in ")
    assert f"question {question.id}" in out and "the explanation is weak" in out
    event_report = ReportsStore(user_data_dir()).load()[1]
    assert f"{epack.id}  event {event.id}  {event_report.file}:{event_report.line}" in out
    assert "during chronology" in out


def test_thaw_reports_can_keep_to_one_pack_and_says_when_there_are_none(packs, capsys):
    assert main(["reports"]) == 0
    assert "No reports yet" in capsys.readouterr().out
    _, question = _first(packs, "question")
    ReportsStore(user_data_dir()).add(make_report(question, packs, "x", WHEN))
    assert main(["reports", "--pack", "no-such-pack"]) == 0
    assert "No reports on pack no-such-pack yet" in capsys.readouterr().out


def test_two_windows_adding_reports_keep_both(tmp_path):
    first, second = ReportsStore(tmp_path), ReportsStore(tmp_path)
    first.load(), second.load()
    one = Report(WHEN.isoformat(), "p", "event", "e1", "one")
    two = Report(WHEN.isoformat(), "p", "question", "q1", "two")
    assert first.add(one) and second.add(two)
    assert ReportsStore(tmp_path).load() == (one, two)


def test_control_characters_in_a_report_never_reach_the_terminal(tmp_path, capsys):
    report = Report(WHEN.isoformat(), "p\x1b[2J", "event", "e1", "note", file="a\x1b]0;x\x07")
    ReportsStore(user_data_dir()).add(report)
    assert main(["reports"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\x1b[2J" in out


def test_a_long_note_is_cut_and_a_missing_id_has_no_line(tmp_path):
    pack_file = tmp_path / "p.yaml"
    pack_file.write_text("events:\n  - id: other\n  - id: \"wanted\"  # here\n",
                         encoding="utf-8")
    assert locate(pack_file, "wanted") == 3 and locate(pack_file, "want") is None
    assert locate(tmp_path / "missing.yaml", "wanted") is None
    from game.store.reports import clean_note
    assert len(clean_note("x" * 5000)) == MAX_NOTE


def test_a_damaged_reports_file_is_set_aside_and_reporting_goes_on(tmp_path):
    (tmp_path / "reports.json").write_text("{not json", encoding="utf-8")
    store = ReportsStore(tmp_path)
    report = Report(WHEN.isoformat(), "p", "event", "e1", "still kept")
    assert store.add(report)
    assert ReportsStore(tmp_path).load() == (report,)
    assert any("could not be read" in str(n) for n in store.take_notices())
