"""`thaw import FILE.csv -o PACK.yaml`: what spreadsheets save becomes a pack that validates."""

import io

import pytest
import yaml

from game import cli
from game.content.csv_import import CsvError, csv_to_pack, delimiter, parse_date
from teacherpack import CHAPTER, CHAPTER_NAME

HEADER = ["Type", "ID", "Date", "Title", "Summary", "Quote", "Answer", "Choices", "Explain",
          "Source", "Excerpt", "Name", "View"]
ROWS = [
    ["perspective", "kennedy", "", "", "", "", "", "", "", "", "", "John F. Kennedy",
     "The missiles in Cuba\nhad to go."],
    ["Perspective", "", "", "", "", "", "", "", "", "", "", "Nikita Khrushchev",
     "Both sides had to step back; \"the knot of war\" had to be untied."],
    ["event", "", "14/10/1962", "A U-2 photographs missile sites", "A spy plane finds them.",
     "", "", "", "", CHAPTER_NAME, "an American U-2 spy plane photographed Soviet missile sites"],
    ["event", "radio-moscow", "1962-10-28", "Radio Moscow: the missiles will go",
     "Moscow gives way.", "", "", "", "", CHAPTER_NAME,
     "Radio Moscow announced that the missiles would be removed"],
    ["whose-view", "", "", "", "", "we and you ought not now to pull on the ends of the rope",
     "Nikita Khrushchev", "kennedy|nikita-khrushchev", "Source B; his letter.", CHAPTER_NAME, ""],
    ["choice", "", "", "", "", "In which month of 1962 did the crisis take place?", "October",
     "August|October|December", "Thirteen days in October.", "", ""],
]


def spreadsheet_csv(rows=ROWS, header=HEADER, sep=";") -> bytes:
    """What a spreadsheet saves as 'CSV UTF-8' in a semicolon locale: BOM, CRLF, quoting."""
    out = io.StringIO()
    for row in [header] + rows:
        cells = []
        for cell in row:
            if any(c in cell for c in (sep, '"', "\n")):
                cell = '"' + cell.replace('"', '""') + '"'
            cells.append(cell.replace("\n", "\r\n"))
        out.write(sep.join(cells) + "\r\n")
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def write_csv(folder, data: bytes, name="cuba.csv"):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / CHAPTER_NAME).write_text(CHAPTER, encoding="utf-8")
    path = folder / name
    path.write_bytes(data)
    return path


def test_a_csv_saved_by_a_spreadsheet_becomes_a_pack_that_validates(tmp_path, capsys):
    source = write_csv(tmp_path, spreadsheet_csv())
    target = tmp_path / "cuba-1962.yaml"
    assert cli.main(["import", str(source), "-o", str(target)]) == 0, capsys.readouterr().out
    assert "1 pack checked: 1 OK" in capsys.readouterr().out
    pack = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert pack["pack"] == "cuba-1962"
    people = {p["id"]: p for p in pack["perspectives"]}
    assert people["kennedy"]["view"] == "The missiles in Cuba\nhad to go."  # CRLF in a cell
    assert "nikita-khrushchev" in people
    events = {e["id"]: e for e in pack["events"]}
    assert str(events["u-2-photographs-missile"]["date"]) == "1962-10-14"
    assert "radio-moscow" in events
    view, choice = pack["questions"]
    assert view["answer"] == "nikita-khrushchev" and view["choices"] == ["kennedy",
                                                                         "nikita-khrushchev"]
    assert choice["choices"] == ["August", "October", "December"]
    assert choice["answer"] == "October"


def test_comma_separated_without_bom_and_columns_in_another_order_work_too(tmp_path, capsys):
    order = [12, 11, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    header = [HEADER[i].upper() for i in order]
    rows = [[row[i] if i < len(row) else "" for i in order] for row in ROWS]
    data = spreadsheet_csv(rows, header, sep=",")[3:]
    source = write_csv(tmp_path, data)
    assert cli.main(["import", str(source), "-o", str(tmp_path / "p.yaml")]) == 0, \
        capsys.readouterr().out


def test_the_separator_is_read_from_the_header_line():
    assert delimiter("type;id;title\n") == ";"
    assert delimiter("type,id,title\n") == ","
    assert delimiter("type\tid\ttitle\n") == "\t"


def problems(rows, header=HEADER):
    data = spreadsheet_csv(rows, header).decode("utf-8-sig")
    with pytest.raises(CsvError) as caught:
        csv_to_pack(data, "cuba.csv", "p", "P")
    return caught.value.problems


def test_an_unreadable_date_names_its_row_and_column_and_how_to_write_it():
    rows = ROWS[:2] + [ROWS[2][:2] + ["24th of Oct"] + ROWS[2][3:]]
    assert problems(rows) == ["cuba.csv: row 4, column C (date): '24th of Oct' is not a date; "
                              "write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 1962-10-24)"]


def test_an_ambiguous_day_and_month_is_refused_with_both_readings():
    rows = ROWS[:2] + [ROWS[2][:2] + ["05/08/1963"] + ROWS[2][3:]]
    (problem,) = problems(rows)
    assert problem.startswith("cuba.csv: row 4, column C (date): '05/08/1963' could be "
                              "day/month or month/day")
    assert "1963-08-05" in problem and "1963-05-08" in problem


def test_dates_in_words_and_unambiguous_slashes_are_read():
    assert parse_date("24 October 1962") == ("1962-10-24", None)
    assert parse_date("October 24, 1962") == ("1962-10-24", None)
    assert parse_date("10/24/1962") == ("1962-10-24", None)
    assert parse_date("1962-10") == ("1962-10", None)
    assert parse_date("1962") == ("1962", None)
    assert parse_date("31/06/1963")[1] == "'31/06/1963' is not a calendar date"


def test_a_missing_cell_and_an_unknown_answer_are_all_listed_with_rows():
    rows = [ROWS[0], ROWS[1],
            ["event", "", "1962-10-22", "", "Kennedy speaks.", "", "", "", "", CHAPTER_NAME, "x"],
            ["whose-view", "", "", "", "", "a quote", "Castro", "", "Why.", CHAPTER_NAME, ""]]
    found = problems(rows)
    assert "cuba.csv: row 4, column D (title): a event row needs 'title'" in found
    assert any(p.startswith("cuba.csv: row 5, column G (answer): 'Castro' is not a perspective")
               for p in found)


def test_an_unknown_column_is_named_with_a_suggestion():
    (problem,) = problems(ROWS, HEADER[:4] + ["Sumary"] + HEADER[5:])
    assert problem.startswith("cuba.csv: row 1, column E: unknown column 'Sumary' "
                              "(did you mean 'summary'?)")


def test_a_choice_answer_that_is_not_a_choice_is_refused():
    rows = ROWS[:5] + [ROWS[5][:6] + ["Octobre"] + ROWS[5][7:]]
    (problem,) = problems(rows)
    assert problem == ("cuba.csv: row 7, column G (answer): the answer 'Octobre' is not one of "
                       "the choices (did you mean 'October'?)")


def test_a_file_not_in_utf8_is_refused_with_how_to_save_it(tmp_path, capsys):
    source = tmp_path / "latin.csv"
    source.write_bytes("type;title\nevent;Caf\xe9\n".encode("latin-1"))
    assert cli.main(["import", str(source), "-o", str(tmp_path / "p.yaml")]) == 1
    out = capsys.readouterr().out
    assert "not UTF-8 text" in out and "CSV UTF-8" in out
    assert not (tmp_path / "p.yaml").exists()


def test_an_excerpt_not_in_the_document_is_reported_by_the_validator_after_writing(tmp_path,
                                                                                   capsys):
    rows = ROWS[:2] + [ROWS[2][:10] + ["a sentence the chapter does not have"]]
    source = write_csv(tmp_path, spreadsheet_csv(rows))
    target = tmp_path / "p.yaml"
    assert cli.main(["import", str(source), "-o", str(target)]) == 1
    out = capsys.readouterr().out
    assert "does not occur" in out
    assert "# row 4" in target.read_text(encoding="utf-8")  # to find the row it came from


def test_an_existing_pack_is_not_overwritten_without_force(tmp_path, capsys):
    source = write_csv(tmp_path, spreadsheet_csv())
    target = tmp_path / "p.yaml"
    target.write_text("keep me", encoding="utf-8")
    assert cli.main(["import", str(source), "-o", str(target)]) == 1
    assert target.read_text(encoding="utf-8") == "keep me"
    assert cli.main(["import", str(source), "-o", str(target), "--force"]) == 0


def test_a_cited_document_is_titled_by_its_first_line_and_a_missing_one_by_its_file_name(
        tmp_path, capsys):
    from game.content.extract import document_title
    source = write_csv(tmp_path, spreadsheet_csv())
    target = tmp_path / "cuba-1962.yaml"
    assert cli.main(["import", str(source), "-o", str(target)]) == 0, capsys.readouterr().out
    [document] = yaml.safe_load(target.read_text(encoding="utf-8"))["sources"]
    assert document["title"] == document_title(CHAPTER.splitlines())
    assert document["title"] != CHAPTER_NAME.rsplit(".", 1)[0]
    # Not there (yet): the file's name stands in, as before.
    text = csv_to_pack(spreadsheet_csv().decode("utf-8-sig"), "x.csv", "p", "P")
    [document] = yaml.safe_load(text)["sources"]
    assert document["title"] == CHAPTER_NAME.rsplit(".", 1)[0]
