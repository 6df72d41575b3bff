"""The library: every pack the game can play, with broken packs isolated and listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.dates import PartialDate
from game.content.library import load_library
from game.content.model import local_id
from game.content.timeline import build_timeline
from game.paths import user_packs_dir

from packhelp import marked_line, write_pack

WHOSE_VIEW_Q = """\
questions:
  - id: q-cardboard
    quote: "Khrushchev leaves the bland taste of cardboard in my mouth"
    answer: forum-ml
    cite: {{source: hexbear}}
    explain: e
"""


def extension(folder: Path, name: str, pack_id: str, requires: str, body: str = "") -> Path:
    return write_pack(folder, f"format: 1\npack: {pack_id}\ntitle: {pack_id}\n"
                              f"requires: [{requires}] #!\n" + body, name=name, header=False)


def broken_pack(folder: Path, name: str = "broken.yaml") -> Path:
    return write_pack(folder, "format: 1\npack: broken\ntitle: Broken\nevents:\n"
                              "  - id: x\n    date: 1956-02-30 #!\n", name=name, header=False)


def test_a_folder_gives_its_pack_files_in_name_order(tmp_path):
    write_pack(tmp_path, "", name="b.yaml")
    write_pack(tmp_path, "", name="a.yaml", header=False) \
        .write_text("format: 1\npack: first\ntitle: First\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a pack", encoding="utf-8")
    library = load_library([tmp_path])
    assert [p.id for p in library.packs] == ["first", "test-pack"]
    assert library.broken == ()


def test_a_broken_pack_is_listed_and_the_others_still_load(tmp_path):
    write_pack(tmp_path, "", name="good.yaml", events=True)
    bad = broken_pack(tmp_path)
    library = load_library([tmp_path])
    assert [p.id for p in library.packs] == ["test-pack"]
    [broken] = library.broken
    assert broken.path.resolve() == bad.resolve()
    assert any(p.line == marked_line(bad) and "calendar date" in p.message for p in broken.problems)
    assert len(library.events()) == 2


def test_missing_default_folders_are_fine(tmp_path, monkeypatch):
    monkeypatch.setattr("game.LEVELS_DIR", tmp_path / "no-levels")
    library = load_library()
    assert library.packs == () and library.broken == ()


def test_the_default_paths_include_the_user_pack_folder(tmp_path, monkeypatch):
    monkeypatch.setattr("game.LEVELS_DIR", tmp_path / "no-levels")
    folder = user_packs_dir()
    folder.mkdir(parents=True)
    write_pack(folder, "", name="mine.yaml")
    assert [p.id for p in load_library().packs] == ["test-pack"]


def test_extra_pack_files_are_loaded_too(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    write_pack(tmp_path / "a", "", name="one.yaml")
    extra = write_pack(tmp_path / "b", "", name="two.yaml", header=False)
    extra.write_text("format: 1\npack: two\ntitle: Two\n", encoding="utf-8")
    library = load_library([tmp_path / "a"], extra=[extra])
    assert [p.id for p in library.packs] == ["test-pack", "two"]


def test_an_explicit_path_that_does_not_exist_is_listed_as_broken(tmp_path):
    library = load_library([tmp_path / "ghost.yaml"])
    [broken] = library.broken
    assert "no such file" in broken.problems[0].message


def test_requires_are_loaded_first_whatever_the_file_order(tmp_path):
    # "a-ext.yaml" sorts before "z-base.yaml" but needs it.
    extension(tmp_path, "a-ext.yaml", "ext", "test-pack", """\
levels:
  - id: l
    title: L
    rounds:
      - timeline: [stalin-death, secret-speech]
""")
    write_pack(tmp_path, "", name="z-base.yaml", events=True)
    library = load_library([tmp_path])
    assert library.broken == ()
    assert [p.id for p in library.packs] == ["ext", "test-pack"]
    assert library.pack("ext").requires == ("test-pack",)


def test_asking_for_a_pack_gives_its_required_content_too(tmp_path):
    extension(tmp_path, "ext.yaml", "ext", "test-pack")
    write_pack(tmp_path, WHOSE_VIEW_Q, name="base.yaml", events=True)
    library = load_library([tmp_path])
    assert {e.id for e in library.events(["ext"])} == {"test-pack:secret-speech",
                                                       "test-pack:stalin-death"}
    assert [q.id for q in library.questions(["ext"])] == ["test-pack:q-cardboard"]
    assert library.perspective("khrushchev").name == "Nikita Khrushchev"
    assert library.perspective("nobody") is None


def test_a_pack_requiring_a_broken_pack_is_broken_with_a_clear_error(tmp_path):
    ext = extension(tmp_path, "ext.yaml", "ext", "broken")
    broken_pack(tmp_path)
    library = load_library([tmp_path])
    assert library.packs == ()
    problems = {b.path.name: b.problems for b in library.broken}
    [problem] = problems["ext.yaml"]
    assert problem.line == marked_line(ext)
    assert "requires pack 'broken', which has errors; fix" in problem.message


def test_a_pack_requiring_a_missing_pack_is_broken(tmp_path):
    ext = extension(tmp_path, "ext.yaml", "ext", "nowhere")
    [broken] = load_library([tmp_path]).broken
    assert broken.problems[0].line == marked_line(ext)
    assert "requires pack 'nowhere', which is not loaded" in broken.problems[0].message


def test_a_cycle_of_requires_is_reported_for_each_pack_in_it(tmp_path):
    extension(tmp_path, "a.yaml", "pack-a", "pack-b")
    extension(tmp_path, "b.yaml", "pack-b", "pack-a")
    write_pack(tmp_path, "", name="c.yaml")
    library = load_library([tmp_path])
    assert [p.id for p in library.packs] == ["test-pack"]
    assert len(library.broken) == 2
    for broken in library.broken:
        assert "requires form a cycle" in broken.problems[0].message


def test_two_unrelated_packs_may_not_share_a_pack_id(tmp_path):
    write_pack(tmp_path, "", name="a.yaml")
    write_pack(tmp_path, "", name="b.yaml")
    library = load_library([tmp_path])
    assert [p.path.name for p in library.packs] == ["a.yaml"]
    [broken] = library.broken
    assert broken.path.name == "b.yaml"
    assert "pack id 'test-pack' is already used by" in broken.problems[0].message


def test_ids_must_be_unique_across_a_pack_and_what_it_requires(tmp_path):
    ext = extension(tmp_path, "ext.yaml", "ext", "test-pack", """\
events:
  - id: secret-speech #!!
    title: Again
    date: 1956
    summary: s
    cite: {{source: today-is, excerpt: "he denounced Joseph Stalin"}}
""")
    write_pack(tmp_path, "", name="base.yaml", events=True)
    [broken] = load_library([tmp_path]).broken
    [problem] = broken.problems
    assert problem.line == marked_line(ext, "#!!")
    assert "event id 'secret-speech' is already used by required pack 'test-pack'" in problem.message


def test_reloading_a_fixed_pack_gives_its_new_version(tmp_path):
    path = write_pack(tmp_path, "", name="pack.yaml")
    library = load_library([tmp_path])
    path.write_text(path.read_text(encoding="utf-8").replace("A test pack", "Edited"),
                    encoding="utf-8")
    reloaded = library.reload(path)
    assert reloaded.pack("test-pack").title == "Edited"
    assert reloaded.broken == ()
    assert library.pack("test-pack").title == "A test pack"  # the old library is unchanged


def test_reloading_a_pack_broken_mid_game_keeps_its_last_good_version(tmp_path):
    path = write_pack(tmp_path, "", name="pack.yaml", events=True)
    library = load_library([tmp_path])
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("date: 1956-02-25", "date: 1956-02-30"), encoding="utf-8")
    reloaded = library.reload(path)
    [broken] = reloaded.broken
    assert "calendar date" in broken.problems[0].message
    assert reloaded.pack("test-pack").events[0].date == PartialDate(1956, 2, 25)
    # Fixed again: the error goes away.
    path.write_text(text.replace("date: 1956-02-25", "date: 1956-02-26"), encoding="utf-8")
    again = reloaded.reload(path)
    assert again.broken == ()
    assert again.pack("test-pack").events[0].date == PartialDate(1956, 2, 26)


def test_a_pack_that_depends_on_a_reloaded_broken_pack_keeps_working(tmp_path):
    base = write_pack(tmp_path, "", name="base.yaml", events=True)
    extension(tmp_path, "ext.yaml", "ext", "test-pack", """\
levels:
  - id: l
    title: L
    rounds:
      - timeline: [stalin-death, secret-speech]
""")
    library = load_library([tmp_path])
    base.write_text("format: 1\npack: test-pack\n", encoding="utf-8")
    reloaded = library.reload(base)
    assert [b.path.name for b in reloaded.broken] == ["base.yaml"]
    assert {p.id for p in reloaded.packs} == {"test-pack", "ext"}


def test_reloading_a_file_not_yet_in_the_library_adds_it(tmp_path):
    (tmp_path / "a").mkdir()
    library = load_library([tmp_path / "a"])
    path = write_pack(tmp_path, "", name="new.yaml")
    assert [p.id for p in library.reload(path).packs] == ["test-pack"]


def test_asking_for_a_pack_that_is_not_loaded_names_it(tmp_path):
    with pytest.raises(KeyError, match="no pack 'ghost'"):
        load_library([tmp_path]).pack("ghost")


def test_the_timeline_is_the_era_in_date_order_with_citations(tmp_path):
    write_pack(tmp_path, """\
  - id: war-ends
    title: The war ends
    date: 1945
    summary: s
    cite: {{source: today-is, excerpt: "he denounced Joseph Stalin"}}
  - id: year-of-speech
    title: A year
    date: 1956
    summary: s
    cite: {{source: today-is, excerpt: "he denounced Joseph Stalin"}}
""", events=True)
    library = load_library([tmp_path])
    timeline = build_timeline(library.packs)
    assert [local_id(e.id) for e in timeline] == ["stalin-death", "year-of-speech", "secret-speech"]
    passage = timeline[0].cite.passage()
    assert passage.excerpt == "When Joseph Stalin died on March 3, 1953"
    assert any("outside 1953-1964" in w.message for w in library.warnings)


def test_the_timeline_gives_each_event_once_even_when_a_pack_is_listed_twice(tmp_path):
    write_pack(tmp_path, "", events=True)
    pack = load_library([tmp_path]).packs[0]
    assert len(build_timeline([pack, pack])) == 2
