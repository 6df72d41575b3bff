"""`thaw extract`: dates, event cues and quotes found in the real seed documents."""

import shutil
from pathlib import Path

import pytest
import yaml

from game import LEVELS_DIR, SEEDS_DIR, cli
from game.content.extract import (DATE, EVENT, QUOTE, ExtractError, extract, read_document,
                                  sentence_spans)
from game.content.text import occurs


def seed(prefix: str) -> Path:
    (path,) = SEEDS_DIR.glob(f"{prefix}_*.txt")
    return path


def report_of(prefix: str):
    path = seed(prefix)
    return extract(path, path.read_text(encoding="utf-8"))


def line_containing(prefix: str, text: str) -> int:
    """The 1-based line of `text` in a seed, found independently of the extractor."""
    lines = seed(prefix).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if text in line)


def found(report, kind: str, text: str):
    matches = [f for f in report.of_kind(kind) if text.lower() in f.text.lower()]
    assert matches, f"no {kind} finding containing {text!r}"
    return matches[0]


# --- dates ------------------------------------------------------------------------------------
def test_a_full_date_is_found_on_its_line_and_normalised():
    date = found(report_of("004"), DATE, "March 3, 1953")
    assert date.line == line_containing("004", "March 3, 1953")
    assert date.date == "1953-03-03"
    assert "When Joseph Stalin died on March 3, 1953" in date.sentence


def test_today_in_a_year_is_resolved_against_the_dated_post_header():
    date = found(report_of("001"), DATE, "today in 1956")
    assert date.date == "1956-02-25"  # the post is dated Sunday, 25 February 2024


def test_the_post_header_itself_is_a_date_marked_as_the_post_date():
    date = found(report_of("001"), DATE, "25 February 2024")
    assert (date.line, date.date, date.note) == (1, "2024-02-25", "post date")


def test_decades_and_their_parts_are_found_as_spans_of_years():
    report = report_of("001")
    early = found(report, DATE, "the early 1960s")
    fifties = found(report, DATE, "1950s")
    assert early.date is None and early.note == "1960-1963"
    assert fifties.date is None and fifties.note == "1950-1959"
    mid = found(report_of("004"), DATE, "mid-1950s")
    assert mid.text == "circa mid-1950s"


def test_a_bare_year_of_the_era_is_found_but_not_inside_a_longer_date():
    texts = [f.text for f in report_of("004").of_kind(DATE)]
    assert "1956" in texts
    assert "1953" not in texts  # it belongs to "March 3, 1953"


def test_an_impossible_calendar_date_is_not_reported(tmp_path):
    path = tmp_path / "bad.txt"
    report = extract(path, "He died on February 30, 1953 or so.")
    assert [f.date for f in report.of_kind(DATE)] == []


# --- event cues -------------------------------------------------------------------------------
def test_congress_and_secret_speech_are_found_with_their_sentence_and_year():
    report = report_of("004")
    congress = found(report, EVENT, "20th Congress")
    speech = [f for f in report.of_kind(EVENT) if f.event_id == "secret-speech"
              and f.line == congress.line][0]
    for cue in (congress, speech):
        assert cue.sentence.startswith("With his “Secret Speech” at the 20th Congress")
        assert cue.date == "1956"
    assert congress.event_id == "twentieth-congress"


def test_the_cuban_missile_crisis_is_cued_with_the_vague_date_beside_it():
    cue = found(report_of("001"), EVENT, "Cuban Missile Crisis")
    assert cue.event_id == "cuban-missile-crisis"
    assert cue.date is None and "early 1960s" in cue.note


def test_every_spelling_of_destalinization_suggests_the_same_event():
    spellings = {f.text for r in (report_of("000"), report_of("001"), report_of("004"))
                 for f in r.of_kind(EVENT) if f.event_id == "de-stalinization"}
    assert {"destalinization", "de-Stalinisation", "De-Stalinization"} <= spellings


def test_missiles_placed_in_cuba_is_a_cue_for_the_missile_crisis():
    cue = found(report_of("002"), EVENT, "missiles be placed in Cuba")
    assert cue.event_id == "cuban-missile-crisis"


# --- quotes -------------------------------------------------------------------------------------
def test_a_parenthetical_citation_after_a_quote_is_its_attribution():
    report = report_of("004")
    assert found(report, QUOTE, "distress, outrage and confusion").attribution == "Jones 42"
    assert found(report, QUOTE, "whirlpool of the crowd").attribution == "Evtushenko"


def test_a_pronoun_speaker_is_resolved_to_the_person_named_before_it():
    quote = found(report_of("003"), QUOTE, "Stalin acted not through persuasion")
    assert quote.attribution == "Khrushchev"
    assert quote.text.endswith("absolute submission to his opinion.")
    assert quote.sentence.startswith('He stated, "Stalin acted')


def test_a_named_speaker_before_the_quote_and_the_comment_author_are_both_kept():
    quote = found(report_of("004"), QUOTE, "learned its lesson")
    assert quote.attribution == "Jones"
    assert quote.author == "sowelld"


def test_in_the_words_of_names_the_speaker_without_the_phrase():
    assert found(report_of("000"), QUOTE, "historical nihilism").attribution == "the CPC"


def test_a_scare_quoted_word_is_not_reported_as_a_quote():
    assert not [f for f in report_of("000").of_kind(QUOTE) if f.text == "socialism"]


def test_each_comment_paragraph_knows_its_commenter():
    report = report_of("004")
    by_line = {f.line: f.author for f in report.findings}
    assert by_line[line_containing("004", "stagnancy of the Brezhnev period")] == "ianfries"
    assert by_line[line_containing("004", "the ultimate goal of both Lenin and Trotsky")] \
        == "lernerm"
    assert by_line[line_containing("004", "When Joseph Stalin died")] is None  # the post itself


def test_unnamed_numbered_comments_are_told_apart_from_replies():
    authors = {f.line: f.author for f in report_of("002").findings}
    assert authors[line_containing("002", "dismantle the GULAG")] == "comment 1"
    assert authors[line_containing("002", "Freeze, writes about")] == "reply to comment 1"


def test_document_kinds_are_guessed_from_the_page():
    kinds = [report_of(p).kind for p in ("000", "001", "004")]
    assert kinds == ["forum thread", "blog post", "course discussion"]


def test_a_list_number_is_not_a_sentence_of_its_own():
    assert sentence_spans("  1. sowelld says:") == [(5, 18)]


# --- the command ---------------------------------------------------------------------------------
def test_the_yaml_skeleton_parses_and_every_excerpt_occurs_in_its_source(capsys):
    assert cli.main(["extract"]) == 0
    pack = yaml.safe_load(capsys.readouterr().out)
    files = {s["id"]: (LEVELS_DIR / s["file"]).resolve() for s in pack["sources"]}
    assert sorted(files.values()) == sorted(p.resolve() for p in SEEDS_DIR.glob("*.txt"))
    texts = {sid: path.read_text(encoding="utf-8") for sid, path in files.items()}
    assert pack["events"] and pack["questions"]
    for event in pack["events"]:
        assert occurs(texts[event["cite"]["source"]], event["cite"]["excerpt"]), event["id"]
        assert event["summary"] == "TODO"
    for question in pack["questions"]:
        assert occurs(texts[question["cite"]["source"]], question["quote"]), question["id"]
    ids = [e["id"] for e in pack["events"]] + [q["id"] for q in pack["questions"]]
    assert len(ids) == len(set(ids))


def test_the_skeleton_dates_an_event_from_its_sentence(capsys):
    cli.main(["extract", str(seed("004"))])
    events = {e["id"]: e for e in yaml.safe_load(capsys.readouterr().out)["events"]}
    assert str(events["stalin-death"]["date"]) == "1953-03-03"
    assert events["twentieth-congress"]["date"] == 1956
    assert "date" not in events["stalin-funeral"]  # its sentence gives none


def test_the_skeleton_comments_give_document_and_line(capsys):
    cli.main(["extract", str(seed("004"))])
    out = capsys.readouterr().out
    line = line_containing("004", "distress, outrage and confusion")
    assert f"# {seed('004').name}:{line} attributed to Jones 42" in out


def test_text_format_lists_findings_by_document_with_line_and_kind(capsys):
    assert cli.main(["extract", "--format", "text", str(seed("004"))]) == 0
    out = capsys.readouterr().out
    line = line_containing("004", "March 3, 1953")
    assert out.startswith(str(seed("004")))
    assert f"{line:6}  date   March 3, 1953 = 1953-03-03" in out


def test_out_writes_the_skeleton_to_a_file_and_says_so(tmp_path, capsys):
    target = tmp_path / "skeleton.yaml"
    assert cli.main(["extract", "--out", str(target), str(seed("003"))]) == 0
    questions = yaml.safe_load(target.read_text(encoding="utf-8"))["questions"]
    assert any(q["quote"].startswith("Stalin acted not through persuasion") for q in questions)
    assert str(target) in capsys.readouterr().out


def test_a_missing_file_exits_1_naming_it_while_the_others_are_processed(tmp_path, capsys):
    missing = tmp_path / "no-such-doc.txt"
    assert cli.main(["extract", str(missing), str(seed("001"))]) == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == f"{missing}: error: no such file"
    assert "Traceback" not in captured.err
    sources = yaml.safe_load(captured.out)["sources"]
    assert [s["file"] for s in sources] == [f"../seeds/{seed('001').name}"]


def test_non_utf8_bytes_give_a_one_line_message_naming_the_file(tmp_path, capsys):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Khrushchev’s 1956 speech".encode("utf-8") + b"\xe9t\xe9\n")
    assert cli.main(["extract", "--format", "text", str(bad), str(seed("004"))]) == 1
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1
    assert captured.err.startswith(f"{bad}: error: not UTF-8 text (byte 0xe9")
    assert "March 3, 1953" in captured.out


def test_a_folder_given_as_a_document_is_refused_with_a_message(tmp_path):
    with pytest.raises(ExtractError, match="is a folder"):
        read_document(tmp_path)


def test_a_folder_on_the_command_line_stands_for_its_text_files(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Sputnik went up in October 1957.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("Stalin died in 1953.", encoding="utf-8")
    assert cli.main(["extract", "--format", "text", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "October 1957 = 1957-10" in out and "sputnik" in out
    assert "notes.md" not in out


def test_a_run_on_sentence_is_cut_around_the_finding_and_still_occurs(tmp_path):
    text = "word " * 2000 + "the Secret Speech of 1956 " + "word " * 2000
    report = extract(tmp_path / "long.txt", text)
    cue = found(report, EVENT, "Secret Speech")
    assert "Secret Speech" in cue.sentence and len(cue.sentence) <= 600
    assert occurs(text, cue.sentence) and cue.date == "1956"


def test_an_empty_document_has_no_findings_and_a_placeholder_title(tmp_path):
    report = extract(tmp_path / "empty.txt", "")
    assert (report.findings, report.title) == ((), "Untitled")


def test_the_skeleton_loads_as_a_pack_once_its_todos_are_filled(tmp_path, capsys):
    from game.content.loader import load_pack

    cli.main(["extract"])
    skeleton = capsys.readouterr().out
    filled = (skeleton.replace('"../seeds/', '"docs/')  # the documents beside the pack
              .replace("answer: TODO", "answer: teacher")
              .replace("    # date: TODO", "    date: 1960  #"))
    header = ('format: 1\npack: from-extract\ntitle: "Extracted"\nperspectives:\n'
              '  - {id: teacher, name: "A teacher", view: "x"}\n'
              '  - {id: student, name: "A student", view: "y"}\n')
    shutil.copytree(SEEDS_DIR, tmp_path / "docs")
    path = tmp_path / "from-extract.yaml"
    path.write_text(header + filled, encoding="utf-8")
    pack = load_pack(path)
    assert len(pack.sources) == len(list(SEEDS_DIR.glob("*.txt")))
    assert {"stalin-death", "secret-speech", "cuban-missile-crisis"} <= {
        e.id.partition(":")[2] for e in pack.events}
    assert any(q.quote.startswith("distress, outrage") for q in pack.questions)
