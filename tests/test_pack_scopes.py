"""Packs never change each other: ids are scoped per pack (issue 13, item 1).

A loaded item's id is 'pack-id:id as written'. A pack sees its own ids and those of the
packs it requires; a bare id that two required packs both define is an error naming both
places, and 'pack-id:id' says which one is meant.
"""

from __future__ import annotations

import random
from pathlib import Path

import game
from game.content.library import load_library
from game.content.loader import load_pack
from game.content.model import local_id, qualify
from game.content.problems import PackError
from game.rules.choices import choices_for
from game.rules.content import Content

from packhelp import marked_line

# The teacher's own chapter, as in the trial (teacher-trial-1.md): a Cuban Missile Crisis
# pack whose perspective `khrushchev` and event `berlin-wall` share ids with the bundled pack.
CHAPTER = """\
Chapter 7: The Cuban Missile Crisis, 1962

7.1 Berlin. On 13 August 1961 East German troops closed the border through Berlin.

Source B. In his letter to Kennedy of 26 October 1962, Khrushchev wrote that the two men
"ought not now to pull on the ends of the rope in which you have tied the knot of war".

Source A. In his address of 22 October 1962, Kennedy told Americans that the Soviet
missiles in Cuba were "a deliberately provocative and unjustified change in the status quo".
"""

TEACHER_PACK = """\
format: 1
pack: cuba-1962
title: "The Cuban Missile Crisis, 1962"
sources:
  - id: chapter7
    file: chapter7.txt
perspectives:
  - id: khrushchev
    name: Nikita Khrushchev
    role: "Author of the letter of 26 October 1962 (Source B)"
    view: "Both sides must step back before the knot of war cannot be untied."
  - id: kennedy
    name: John F. Kennedy
    role: "Author of the address of 22 October 1962 (Source A)"
    view: "The missiles in Cuba are a provocation the United States cannot accept."
events:
  - id: berlin-wall
    title: "The border through Berlin is closed"
    date: 1961-08-13
    summary: "East German troops close the border through Berlin."
    cite: {source: chapter7, excerpt: "On 13 August 1961 East German troops closed the border"}
questions:
  - id: q-rope
    quote: "ought not now to pull on the ends of the rope in which you have tied the knot of war"
    answer: khrushchev
    cite: {source: chapter7}
    explain: "Khrushchev's letter of 26 October 1962 (Source B)."
"""


def teacher_library(tmp_path: Path):
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "chapter7.txt").write_text(CHAPTER, encoding="utf-8")
    (folder / "cuba-1962.yaml").write_text(TEACHER_PACK, encoding="utf-8")
    return load_library([game.LEVELS_DIR, folder])


def test_the_trial_a_teacher_pack_beside_the_bundled_pack_keeps_its_own_perspective_and_event(tmp_path):
    library = teacher_library(tmp_path)
    assert library.broken == () and set(library.pack_ids()) == {"khrushchev-era", "cuba-1962"}
    content = Content.from_library(library)

    question = content.question("cuba-1962:q-rope")
    assert question is not None and question.answer == "cuba-1962:khrushchev"
    theirs = content.perspective(question.answer)
    assert theirs.pack == "cuba-1962" and theirs.role.startswith("Author of the letter")
    # What a player is offered: the teacher's Khrushchev, and never two of the same name.
    for seed in range(20):
        choices = choices_for(question, content, random.Random(seed))
        right = [c for c in choices if c.key == question.answer]
        assert len(right) == 1 and right[0].label == "Nikita Khrushchev"
        assert right[0].detail in (theirs.view, theirs.role)
        assert len({c.label for c in choices}) == len(choices)

    # The bundled pack keeps its own too.
    bundled = content.perspective("khrushchev-era:khrushchev")
    assert bundled.pack == "khrushchev-era" and "Secret Speech" in bundled.role
    assert content.event("cuba-1962:berlin-wall").title == "The border through Berlin is closed"
    assert content.event("khrushchev-era:berlin-wall").title == "The Berlin Wall goes up"
    assert any(q.answer == "khrushchev-era:khrushchev" for q in library.questions(["khrushchev-era"]))


def test_the_library_finds_an_item_by_its_qualified_id_or_by_an_id_only_one_pack_defines(tmp_path):
    library = teacher_library(tmp_path)
    assert library.perspective("cuba-1962:khrushchev").pack == "cuba-1962"
    assert library.perspective("khrushchev") is None          # two packs define it
    assert library.perspective("kennedy").id == "cuba-1962:kennedy"
    assert library.event("stalin-death").id == "khrushchev-era:stalin-death"


def test_qualify_and_local_id_are_inverse():
    assert qualify("cuba-1962", "khrushchev") == "cuba-1962:khrushchev"
    assert local_id("cuba-1962:khrushchev") == "khrushchev"
    assert qualify("", "khrushchev") == "khrushchev" == local_id("khrushchev")


# --- references that could mean two things --------------------------------------------

DOC = "The wall went up in August 1961. In October 1962 the crisis came.\n"


def small_pack(folder: Path, name: str, body: str) -> Path:
    path = folder / f"{name}.yaml"
    path.write_text(f"format: 1\npack: {name}\ntitle: {name.upper()}\n" + body, encoding="utf-8")
    return path


def two_packs_defining_wall(folder: Path) -> tuple[Path, Path]:
    (folder / "doc.txt").write_text(DOC, encoding="utf-8")
    events = """\
sources:
  - id: doc
    file: doc.txt
events:
  - id: wall #!
    title: The wall
    date: 1961-08
    summary: s
    cite: {source: doc, excerpt: "The wall went up in August 1961"}
"""
    a = small_pack(folder, "a", events + """\
  - id: crisis
    title: The crisis
    date: 1962-10
    summary: s
    cite: {source: doc, excerpt: "In October 1962 the crisis came"}
""")
    return a, small_pack(folder, "b", events)


def test_two_independent_packs_may_define_the_same_ids(tmp_path):
    two_packs_defining_wall(tmp_path)
    library = load_library([tmp_path])
    assert library.broken == ()
    assert {e.id for e in library.events()} == {"a:wall", "a:crisis", "b:wall"}


def test_a_bare_id_two_required_packs_define_is_an_error_naming_both_files_and_lines(tmp_path):
    a, b = two_packs_defining_wall(tmp_path)
    c = small_pack(tmp_path, "c", """\
requires: [a, b]
levels:
  - id: l
    title: L
    rounds:
      - timeline: [crisis, wall] #!!
""")
    library = load_library([tmp_path])
    [broken] = library.broken
    assert broken.path.name == "c.yaml"
    [problem] = broken.problems
    line = c.read_text().splitlines()[marked_line(c, "#!!") - 1]
    assert (problem.line, problem.column) == (marked_line(c, "#!!"), line.index("wall") + 1)
    assert f"a.yaml:{marked_line(a)}" in problem.message
    assert f"b.yaml:{marked_line(b)}" in problem.message
    assert "'a:wall'" in problem.message and "'b:wall'" in problem.message
    assert "pack-id:wall" in problem.message


def test_a_qualified_id_says_which_pack_is_meant(tmp_path):
    two_packs_defining_wall(tmp_path)
    small_pack(tmp_path, "c", """\
requires: [a, b]
levels:
  - id: l
    title: L
    rounds:
      - timeline: [crisis, b:wall]
""")
    library = load_library([tmp_path])
    assert library.broken == ()
    [level] = library.pack("c").levels
    assert level.rounds[0].event_ids == ("a:crisis", "b:wall")


def test_a_qualified_id_of_a_pack_not_required_is_an_error(tmp_path):
    a, _ = two_packs_defining_wall(tmp_path)
    path = small_pack(tmp_path, "c", """\
requires: a
levels:
  - id: l
    title: L
    rounds:
      - timeline: [crisis, b:wall] #!!
""")
    library = load_library([tmp_path])
    [broken] = library.broken
    [problem] = broken.problems
    assert problem.line == marked_line(path, "#!!")
    assert "'b:wall' names pack 'b', which is not this pack nor one it requires" in problem.message


def test_a_qualified_id_missing_from_its_pack_is_an_error_with_a_suggestion(tmp_path):
    a, _ = two_packs_defining_wall(tmp_path)
    base = load_pack(a)
    path = small_pack(tmp_path, "c", """\
requires: a
levels:
  - id: l
    title: L
    rounds:
      - timeline: [crisis, a:wal]
""")
    try:
        load_pack(path, {"a": base})
    except PackError as error:
        [problem] = error.problems
        assert "there is no event 'wal' in pack 'a' (did you mean 'wall'?)" in problem.message
    else:
        raise AssertionError("a reference to a missing event loaded")


def test_defining_an_id_a_required_pack_defines_says_how_to_refer_to_theirs(tmp_path):
    a, _ = two_packs_defining_wall(tmp_path)
    path = small_pack(tmp_path, "c", """\
requires: a
sources:
  - id: doc #!!
    file: doc.txt
""")
    try:
        load_pack(path, {"a": load_pack(a)})
    except PackError as error:
        [problem] = error.problems
        assert problem.line == marked_line(path, "#!!")
        assert "already used by required pack 'a'" in problem.message
        assert "write 'a:doc'" in problem.message
    else:
        raise AssertionError("a clash with a required pack loaded")


def test_a_whose_view_answer_may_name_a_required_perspective_by_its_qualified_id(tmp_path):
    (tmp_path / "doc.txt").write_text(DOC, encoding="utf-8")
    base = small_pack(tmp_path, "a", """\
perspectives:
  - {id: x, name: X, view: vx}
  - {id: y, name: Y, view: vy}
""")
    body = """\
requires: a
sources:
  - {id: doc, file: doc.txt}
questions:
  - id: q
    quote: "In October 1962 the crisis came"
    answer: a:x
    choices: CHOICES #!
    cite: {source: doc}
    explain: e
"""
    ok = small_pack(tmp_path, "c", body.replace("CHOICES", "[x, a:y]"))
    [question] = load_pack(ok, {"a": load_pack(base)}).questions
    assert (question.answer, question.choices) == ("a:x", ("a:x", "a:y"))
    twice = small_pack(tmp_path, "c", body.replace("CHOICES", "[x, a:x, y]"))
    try:
        load_pack(twice, {"a": load_pack(base)})
    except PackError as error:
        [problem] = error.problems
        assert problem.line == marked_line(twice)
        assert "two choices name the same perspective" in problem.message
    else:
        raise AssertionError("the same perspective offered twice loaded")
