"""`thaw extract`: dates, event cues and quotes found in the real seed documents."""

from pathlib import Path

import pytest
import yaml

from game import SEEDS_DIR, cli
from game.content.extract import (DATE, EVENT, QUOTE, ExtractError, draft_title, extract,
                                  read_document, sentence_spans, speaker, timeline_checks)
from game.content.text import occurs
from teacherpack import CHAPTER


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


# --- candidate events: every dated sentence --------------------------------------------------
def test_every_dated_sentence_is_a_candidate_event_titled_from_the_sentence(tmp_path):
    report = extract(tmp_path / "ch.txt", CHAPTER)
    events = {e.date: e for e in report.of_kind(EVENT)}
    u2 = events["1962-10-14"]
    assert u2.title == "An American U-2 spy plane photographed Soviet missile sites in western Cuba"
    assert "incident" not in u2.title.lower()  # 1962's photo flight is not 1960's shoot-down
    assert u2.sentence.startswith("On 14 October 1962 an American U-2")
    assert events["1959-01"].title == "Fidel Castro took power in Cuba"
    assert {"1961-04-17", "1961-08-13", "1962-10-22", "1962-10-28", "1963-08-05"} <= set(events)


def test_a_day_written_without_a_year_takes_the_year_of_the_last_full_date(tmp_path):
    text = ("On 22 October 1962 Kennedy spoke on television.\n"
            "The quarantine began on 24 October. On the morning of 28 October the crisis ended.")
    events = extract(tmp_path / "d.txt", text).of_kind(EVENT)
    assert [e.date for e in events] == ["1962-10-22", "1962-10-24", "1962-10-28"]
    assert "the year 1962 is from line 1" in events[1].note


def test_a_long_sentence_gives_a_title_of_a_dozen_words_at_most():
    title = draft_title("In 1956 the party, its leaders and its members across the whole Soviet "
                        "Union read the speech aloud in meetings for weeks.", "1956")
    assert len(title.split()) <= 12 and title.startswith("The party")


def test_a_sentence_with_a_date_that_contradicts_the_bundled_timeline_is_flagged(capsys):
    cli.main(["extract", str(seed("004"))])
    out = capsys.readouterr().out
    assert ("# check: the bundled pack dates 'Death of Joseph Stalin' to 5 March 1953; "
            "this sentence says 3 March 1953") in out


def test_a_bundled_event_with_the_same_date_is_pointed_out_not_called_a_contradiction(tmp_path):
    from game.content.library import load_library
    finding = extract(tmp_path / "ch.txt", CHAPTER).of_kind(EVENT)[-1]
    checks = timeline_checks(finding, load_library().events())
    assert checks == ["the bundled pack already has 'The Partial Test Ban Treaty' (5 August "
                      "1963); keep this event only if it adds something"]


def test_a_u2_flight_in_1962_is_not_matched_to_the_u2_incident_of_1960(tmp_path):
    from game.content.library import load_library
    u2 = [e for e in extract(tmp_path / "ch.txt", CHAPTER).of_kind(EVENT) if "U-2" in e.title]
    assert timeline_checks(u2[0], load_library().events()) == []


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
    from game.content.extract import _paragraph_authors
    authors = _paragraph_authors(seed("004").read_text(encoding="utf-8").splitlines())
    by_line = dict(enumerate(authors, start=1))
    assert by_line[line_containing("004", "stagnancy of the Brezhnev period")] == "ianfries"
    assert by_line[line_containing("004", "the ultimate goal of both Lenin and Trotsky")] \
        == "lernerm"
    assert by_line[line_containing("004", "When Joseph Stalin died")] is None  # the post itself


def test_unnamed_numbered_comments_are_told_apart_from_replies():
    from game.content.extract import _paragraph_authors
    lines = seed("002").read_text(encoding="utf-8").splitlines()
    authors = dict(enumerate(_paragraph_authors(lines), start=1))
    assert authors[line_containing("002", "dismantle the GULAG")] == "comment 1"
    assert authors[line_containing("002", "Freeze, writes about")] == "reply to comment 1"


def test_document_kinds_are_guessed_from_the_page():
    kinds = [report_of(p).kind for p in ("000", "001", "004")]
    assert kinds == ["forum thread", "blog post", "course discussion"]


def test_a_list_number_is_not_a_sentence_of_its_own():
    assert sentence_spans("  1. sowelld says:") == [(5, 18)]


# --- who is quoted ---------------------------------------------------------------------------------
def test_a_speaker_is_the_person_without_the_words_that_start_the_sentence():
    assert speaker("In September Kennedy") == ("kennedy", "Kennedy")
    assert speaker("President Kennedy") == ("kennedy", "President Kennedy")
    assert speaker("Jones 42") == ("jones", "Jones")
    assert speaker(None) is None


# --- the drafted pack --------------------------------------------------------------------------------
def draft_in(folder: Path, *documents: Path, name: str = "draft.yaml"):
    target = folder / name
    assert cli.main(["extract", "--out", str(target), *map(str, documents)]) == 0
    return target


def test_the_draft_of_a_teachers_chapter_validates_as_it_stands(tmp_path, capsys):
    (tmp_path / "ch.txt").write_text(CHAPTER, encoding="utf-8")
    target = draft_in(tmp_path, tmp_path / "ch.txt")
    capsys.readouterr()
    assert cli.main(["validate", str(target)]) == 0, capsys.readouterr().out
    pack = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert pack["sources"][0]["file"] == "ch.txt"  # next to the pack, as the validator wants
    assert {q["answer"] for q in pack["questions"]} == {
        p["id"] for p in pack["perspectives"]}  # Kennedy and Khrushchev, found as speakers
    assert pack["levels"][0]["rounds"][0]["timeline"]


def test_the_draft_never_reuses_an_id_of_the_bundled_pack(tmp_path):
    from game.content.library import load_library
    (tmp_path / "ch.txt").write_text(CHAPTER, encoding="utf-8")
    pack = yaml.safe_load(draft_in(tmp_path, tmp_path / "ch.txt").read_text(encoding="utf-8"))
    library = load_library()
    bundled = {x.id.rpartition(":")[2]  # as written in its pack
               for x in library.events() + library.perspectives() + library.questions()}
    drafted = {x["id"] for key in ("events", "perspectives", "questions") for x in pack[key]}
    assert drafted and not drafted & bundled
    names = {p["name"] for p in pack["perspectives"]}
    assert names == {"Kennedy", "Khrushchev"}


def test_the_draft_of_every_seed_validates_and_every_excerpt_occurs(tmp_path, capsys):
    target = draft_in(tmp_path, *sorted(SEEDS_DIR.glob("*.txt")))
    capsys.readouterr()
    assert cli.main(["validate", str(target)]) == 0, capsys.readouterr().out
    pack = yaml.safe_load(target.read_text(encoding="utf-8"))
    files = {s["id"]: SEEDS_DIR / s["seed"] for s in pack["sources"]}  # bundled: seed: NAME
    assert sorted(files.values()) == sorted(p.resolve() for p in SEEDS_DIR.glob("*.txt"))
    texts = {sid: path.read_text(encoding="utf-8") for sid, path in files.items()}
    for event in pack["events"]:
        assert occurs(texts[event["cite"]["source"]], event["cite"]["excerpt"]), event["id"]
    for question in pack["questions"]:
        assert occurs(texts[question["cite"]["source"]], question["quote"]), question["id"]


def test_a_quote_whose_speaker_is_unknown_is_drafted_commented_out(tmp_path):
    doc = tmp_path / "d.txt"
    doc.write_text('In 1956 a poster read "the cult of the individual is over now".\n',
                   encoding="utf-8")
    text = draft_in(tmp_path, doc).read_text(encoding="utf-8")
    assert '  #   quote: "the cult of the individual is over now"' in text
    assert "questions: []" in text


def test_a_document_outside_the_pack_folder_is_flagged_for_copying(tmp_path):
    (tmp_path / "docs").mkdir()
    doc = tmp_path / "docs" / "ch.txt"
    doc.write_text(CHAPTER, encoding="utf-8")
    (tmp_path / "pack").mkdir()
    text = draft_in(tmp_path / "pack", doc).read_text(encoding="utf-8")
    assert "# check: copy ch.txt next to this pack and write file: ch.txt" in text


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
    text = target.read_text(encoding="utf-8")
    assert yaml.safe_load(text)["pack"] == "skeleton"  # the id comes from the file name
    # One speaker only (Khrushchev): the question waits, commented out, for a second one.
    assert '#   quote: "Stalin acted not through persuasion' in text
    assert str(target) in capsys.readouterr().out


def test_a_missing_file_exits_1_naming_it_while_the_others_are_processed(tmp_path, capsys):
    missing = tmp_path / "no-such-doc.txt"
    assert cli.main(["extract", str(missing), str(seed("001"))]) == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == f"{missing}: error: no such file"
    assert "Traceback" not in captured.err
    sources = yaml.safe_load(captured.out)["sources"]
    assert [s["seed"] for s in sources] == [seed("001").name]  # a bundled document


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
    assert "October 1957 = 1957-10" in out and "Sputnik went up (1957-10) -> sputnik-went-up" in out
    assert "notes.md" not in out


def test_a_run_on_sentence_is_cut_around_the_finding_and_still_occurs(tmp_path):
    text = "word " * 2000 + "the Secret Speech of 1956 " + "word " * 2000
    report = extract(tmp_path / "long.txt", text)
    cue = found(report, EVENT, "1956")
    assert "Secret Speech" in cue.sentence and len(cue.sentence) <= 600
    assert occurs(text, cue.sentence) and cue.date == "1956"


def test_an_empty_document_has_no_findings_and_a_placeholder_title(tmp_path):
    report = extract(tmp_path / "empty.txt", "")
    assert (report.findings, report.title) == ((), "Untitled")


def test_a_range_of_years_is_a_span_and_not_a_candidate_event(tmp_path):
    report = extract(tmp_path / "h.txt", "The Space Race, 1957-1961\n")
    (date,) = report.of_kind(DATE)
    assert (date.text, date.date, date.note) == ("1957-1961", None, "1957-1961")
    assert report.of_kind(EVENT) == ()


def test_told_and_called_out_name_the_speaker_of_a_quote(tmp_path):
    text = ('On 25 May 1961 Kennedy told Congress: "this nation should commit itself".\n'
            'As the rocket lifted off, Gagarin called out: "Poyekhali! Let\'s go!"\n')
    quotes = extract(tmp_path / "s.txt", text).of_kind(QUOTE)
    assert [q.attribution for q in quotes] == ["Kennedy", "Gagarin"]


def test_a_short_first_clause_keeps_the_clause_after_it_in_the_title():
    assert draft_title("A month later, on 3 November, Sputnik 2 carried the dog Laika into "
                       "orbit.", "3 November") == \
        "A month later, Sputnik 2 carried the dog Laika into orbit"


def test_a_quote_under_a_source_heading_is_attributed_to_the_person_it_names(tmp_path):
    text = ("Source A: from President Kennedy's televised address, 22 October 1962\n\n"
            "“unmistakable evidence has established the fact”\n")
    (quote,) = extract(tmp_path / "s.txt", text).of_kind(QUOTE)
    assert quote.attribution == "Kennedy"


def test_a_draft_citing_bundled_documents_validates_in_the_user_pack_folder(tmp_path, capsys):
    from game.paths import user_packs_dir
    folder = user_packs_dir()
    folder.mkdir(parents=True)
    target = draft_in(folder, seed("004"), name="from-seeds.yaml")
    capsys.readouterr()
    assert "seed: \"004_" in target.read_text(encoding="utf-8")
    assert cli.main(["validate", str(target)]) == 0, capsys.readouterr().out
