"""`thaw play --pack FILE --only`: the teacher's packs alone, in the terminal."""

import itertools
import re
from types import SimpleNamespace

from game import cli, textplay
from game.content.selection import load_only
from teacherpack import write_teacher_pack


def answers_first_choice():
    """A player who always picks 1 (or the first order offered); the input ends after 60."""
    count = itertools.count()

    def read(prompt: str) -> str:
        if next(count) > 60:
            raise EOFError
        top = int(re.search(r"(\d+)-(\d+)", prompt).group(2))
        if prompt.startswith("Numbers"):
            return " ".join(str(n) for n in range(1, top + 1))
        return "1" if not prompt.startswith("Gap") else "0"
    return read


def play_text(pack, mode, only=True, seed=3):
    out = []
    args = SimpleNamespace(mode=mode, seed=seed, pack=[str(pack)], only=only)
    code = textplay.run(args, read=answers_first_choice(), write=out.append,
                        clock=itertools.count().__next__)
    return code, "\n".join(out)


def test_the_text_campaign_with_only_plays_the_teachers_levels_and_not_the_bundled_ones(tmp_path):
    pack = write_teacher_pack(tmp_path / "work")
    code, printed = play_text(pack, "campaign")
    assert code == 0
    assert "== The Cuban Missile Crisis, 1962: October 1962: thirteen days ==" in printed
    assert "After Stalin" not in printed


def test_without_only_the_text_campaign_starts_with_the_bundled_pack(tmp_path):
    pack = write_teacher_pack(tmp_path / "work")
    code, printed = play_text(pack, "campaign", only=False)
    assert "After Stalin" in printed


def test_whose_view_with_only_asks_the_teachers_questions_with_the_teachers_khrushchev(tmp_path):
    pack = write_teacher_pack(tmp_path / "work")
    code, printed = play_text(pack, "whose-view")
    assert code == 0
    quotes = set(re.findall(r'^"(.*)"$', printed, re.M))
    assert quotes and quotes <= {"we and you ought not now to pull on the ends of the rope",
                                 "unmistakable evidence has established the fact"}
    assert "Secret Speech" not in printed  # the bundled pack's Khrushchev never answers


def test_the_working_copy_given_with_only_wins_over_a_stale_installed_copy(tmp_path, monkeypatch):
    installed = write_teacher_pack(tmp_path / "home" / "packs" / "cuba-1962")
    stale = installed.read_text(encoding="utf-8").replace(
        "October 1962: thirteen days", "A stale title")
    installed.write_text(stale, encoding="utf-8")
    monkeypatch.setenv("THAW_HOME", str(tmp_path / "home"))
    working = write_teacher_pack(tmp_path / "work")
    library, chosen = load_only([working])
    assert chosen == ("cuba-1962",)
    assert not library.broken
    assert [p.path.resolve() for p in library.packs] == [working.resolve()]
    code, printed = play_text(working, "campaign")
    assert "thirteen days" in printed and "A stale title" not in printed
    assert "skipped" not in printed


def test_an_installed_pack_can_be_named_by_its_id(tmp_path, monkeypatch):
    write_teacher_pack(tmp_path / "home" / "packs" / "cuba-1962")
    monkeypatch.setenv("THAW_HOME", str(tmp_path / "home"))
    library, chosen = load_only(["cuba-1962"])
    assert chosen == ("cuba-1962",)
    assert [p.id for p in library.packs] == ["cuba-1962"]


def test_only_keeps_the_packs_a_chosen_pack_requires(tmp_path):
    text = (write_teacher_pack(tmp_path / "work").read_text(encoding="utf-8")
            .replace("pack: cuba-1962\n", "pack: cuba-1962\nrequires: [khrushchev-era]\n")
            .replace("id: khrushchev\n", "id: nikita\n").replace("answer: khrushchev", "answer: nikita")
            .replace("id: berlin-wall", "id: border-closed").replace("[berlin-wall,", "[border-closed,"))
    pack = tmp_path / "work" / "cuba-1962.yaml"
    pack.write_text(text, encoding="utf-8")
    library, chosen = load_only([pack])
    assert chosen == ("cuba-1962",)
    assert sorted(p.id for p in library.packs) == ["cuba-1962", "khrushchev-era"]
    code, printed = play_text(pack, "campaign")
    assert "thirteen days" in printed and "After Stalin" not in printed


def test_only_without_a_pack_says_what_to_give(capsys):
    assert cli.main(["play", "--text", "--only"]) == 2
    assert "--pack" in capsys.readouterr().out


def test_only_with_a_broken_pack_names_its_error_and_plays_nothing(tmp_path):
    pack = write_teacher_pack(tmp_path / "work")
    pack.write_text(pack.read_text(encoding="utf-8").replace("1962-10-14", "1962-10-34"),
                    encoding="utf-8")
    code, printed = play_text(pack, "mixed")
    assert code == 1
    assert "1962-10-34" in printed and "could be loaded" in printed


# --- the window: the library the scenes choose from holds only the given packs -------------------
def test_the_window_with_only_offers_just_the_teachers_pack_and_its_levels(tmp_path):
    from game.ui.play.match import default_pack_ids
    from ui_helpers import make_app

    pack = write_teacher_pack(tmp_path / "work")
    app = make_app(mode="campaign", extra_packs=[str(pack)], only=True)
    assert app.ctx.library.pack_ids() == ("cuba-1962",)
    assert default_pack_ids(app.ctx) == ("cuba-1962",)
    scene = app.stack.top
    assert scene.name == "campaign"
    assert [(p.id, level.title) for _, p, level, _ in scene.rows] == [
        ("cuba-1962", "October 1962: thirteen days")]
    khrushchev = next(v for v in app.ctx.library.perspectives()
                      if v.id.rpartition(":")[2] == "khrushchev")
    assert khrushchev.role.startswith("Soviet leader, in his letters")


def test_the_window_without_only_still_offers_the_bundled_pack_too(tmp_path):
    from ui_helpers import make_app

    pack = write_teacher_pack(tmp_path / "work")
    app = make_app(extra_packs=[str(pack)])
    assert set(app.ctx.library.pack_ids()) == {"khrushchev-era", "cuba-1962"}


def test_the_window_with_only_does_not_pick_up_other_packs_on_reload(tmp_path, monkeypatch):
    from ui_helpers import make_app

    monkeypatch.setenv("THAW_HOME", str(tmp_path / "home"))
    pack = write_teacher_pack(tmp_path / "work")
    app = make_app(extra_packs=[str(pack)], only=True)
    assert app.ctx.library.pack_ids() == ("cuba-1962",)  # loaded before the new pack comes
    write_teacher_pack(tmp_path / "home" / "packs", name="other.yaml",
                       pack=pack.read_text(encoding="utf-8").replace("pack: cuba-1962",
                                                                     "pack: other"))
    assert app.ctx.reload_changed() == []
    assert app.ctx.library.pack_ids() == ("cuba-1962",)


def test_the_classroom_set_up_with_only_offers_just_the_teachers_pack(tmp_path):
    from ui_helpers import make_app

    pack = write_teacher_pack(tmp_path / "work")
    app = make_app(extra_packs=[str(pack)], only=True, start="classroom")
    scene = app.stack.top
    assert scene.name == "classroom"
    assert [p.id for p in scene.packs] == ["cuba-1962"]


def test_the_title_with_only_names_the_packs_it_plays_and_without_only_says_nothing_extra(tmp_path):
    from ui_helpers import make_app

    pack = write_teacher_pack(tmp_path / "work")
    app = make_app(extra_packs=[str(pack)], only=True)
    title = app.ctx.library.pack("cuba-1962").title
    assert app.scene.name == "title" and app.scene.only == f"Playing only: {title}"
    assert make_app(extra_packs=[str(pack)]).scene.only == ""
