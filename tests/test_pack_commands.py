"""`thaw pack new|install|export|list`: from a document to a colleague's machine."""

import itertools
import stat
import zipfile
from types import SimpleNamespace

import pytest

from game import cli, textplay
from teacherpack import CHAPTER, CHAPTER_NAME, write_teacher_pack


def thaw(capsys, *argv):
    code = cli.main(list(argv))
    return code, capsys.readouterr().out


def end_of_input(prompt):
    raise EOFError


@pytest.fixture
def home(tmp_path, monkeypatch):
    folder = tmp_path / "home"
    monkeypatch.setenv("THAW_HOME", str(folder))
    return folder


# --- new ---------------------------------------------------------------------------------------
def test_pack_new_makes_a_folder_with_the_document_and_a_draft_that_validates(tmp_path, home,
                                                                               capsys):
    document = tmp_path / "desk" / CHAPTER_NAME
    document.parent.mkdir()
    document.write_text(CHAPTER, encoding="utf-8")
    code, out = thaw(capsys, "pack", "new", "cuba-1962", str(document))
    assert code == 0, out
    folder = home / "packs" / "cuba-1962"
    assert (folder / CHAPTER_NAME).read_text(encoding="utf-8") == CHAPTER
    assert (folder / "cuba-1962.yaml").is_file()
    for step in ("thaw validate", "thaw preview", "thaw play --pack cuba-1962 --only",
                 "thaw pack export cuba-1962"):
        assert step in out
    code, out = thaw(capsys, "validate")
    assert code == 0 and "cuba-1962.yaml: cuba-1962" in out and "2 packs checked: 2 OK" in out


def test_pack_new_refuses_a_name_that_is_not_an_id(home, capsys):
    code, out = thaw(capsys, "pack", "new", "Cuba 1962")
    assert code == 1 and "cannot be a pack id" in out
    assert not (home / "packs").exists()


def test_pack_new_refuses_the_bundled_packs_id(home, capsys):
    code, out = thaw(capsys, "pack", "new", "khrushchev-era")
    assert code == 1 and "bundled pack" in out


def test_pack_new_refuses_a_missing_document_and_leaves_nothing_behind(tmp_path, home, capsys):
    code, out = thaw(capsys, "pack", "new", "cuba-1962", str(tmp_path / "nowhere.txt"))
    assert code == 1 and "no such document" in out
    assert not (home / "packs" / "cuba-1962").exists()


def test_pack_new_without_documents_gives_an_empty_pack_that_validates(home, capsys):
    code, out = thaw(capsys, "pack", "new", "empty-pack")
    assert code == 0, out
    assert thaw(capsys, "validate")[0] == 0


# --- export, then install on a colleague's machine -------------------------------------------------
def test_export_then_install_into_a_fresh_user_folder(tmp_path, home, capsys, monkeypatch):
    write_teacher_pack(home / "packs" / "cuba-1962")
    archive = tmp_path / "cuba-1962.zip"
    code, out = thaw(capsys, "pack", "export", "cuba-1962", "-o", str(archive))
    assert code == 0, out
    with zipfile.ZipFile(archive) as opened:
        assert sorted(opened.namelist()) == sorted(
            [f"cuba-1962/{CHAPTER_NAME}", "cuba-1962/cuba-1962.yaml"])

    colleague = tmp_path / "colleague"
    monkeypatch.setenv("THAW_HOME", str(colleague))
    code, out = thaw(capsys, "pack", "install", str(archive))
    assert code == 0, out
    assert (colleague / "packs" / "cuba-1962" / CHAPTER_NAME).is_file()
    code, out = thaw(capsys, "validate")
    assert code == 0 and "2 packs checked: 2 OK" in out
    printed = []
    textplay.run(SimpleNamespace(mode="campaign", seed=1, pack=["cuba-1962"], only=True),
                 read=end_of_input, write=printed.append,
                 clock=itertools.count().__next__)
    assert any("thirteen days" in line for line in printed)


def test_install_refuses_a_pack_id_already_installed_and_replace_replaces_it(tmp_path, home,
                                                                              capsys):
    write_teacher_pack(home / "packs" / "cuba-1962")
    newer = write_teacher_pack(tmp_path / "newer",
                               pack=write_teacher_pack(tmp_path / "x").read_text(encoding="utf-8")
                               .replace("thirteen days", "13 days"))
    code, out = thaw(capsys, "pack", "install", str(newer))
    assert code == 1
    assert "a pack with the id 'cuba-1962' is already installed" in out and "--replace" in out
    code, out = thaw(capsys, "pack", "install", str(newer), "--replace")
    assert code == 0, out
    installed = (home / "packs" / "cuba-1962" / "cuba-1962.yaml").read_text(encoding="utf-8")
    assert "13 days" in installed


def test_install_refuses_a_pack_with_the_bundled_packs_id(tmp_path, home, capsys):
    pack = write_teacher_pack(tmp_path / "w", pack=write_teacher_pack(tmp_path / "x")
                              .read_text(encoding="utf-8")
                              .replace("pack: cuba-1962", "pack: khrushchev-era"))
    code, out = thaw(capsys, "pack", "install", str(pack))
    assert code == 1 and "is the id of the bundled pack" in out


def test_install_of_a_folder_copies_the_pack_and_its_documents(tmp_path, home, capsys):
    write_teacher_pack(tmp_path / "cuba-1962")
    code, out = thaw(capsys, "pack", "install", str(tmp_path / "cuba-1962"))
    assert code == 0, out
    assert sorted(p.name for p in (home / "packs" / "cuba-1962").iterdir()) == sorted(
        [CHAPTER_NAME, "cuba-1962.yaml"])


def test_install_refuses_a_pack_with_errors_and_lists_them(tmp_path, home, capsys):
    pack = write_teacher_pack(tmp_path / "w")
    pack.write_text(pack.read_text(encoding="utf-8").replace("1962-10-14", "1962-10-34"),
                    encoding="utf-8")
    code, out = thaw(capsys, "pack", "install", str(pack))
    assert code == 1
    assert "1962-10-34" in out and "Not installed" in out
    assert not (home / "packs" / "cuba-1962").exists()


def test_a_pack_id_shared_with_no_installed_pack_needs_no_replace(tmp_path, home, capsys):
    write_teacher_pack(tmp_path / "w")
    assert thaw(capsys, "pack", "install", str(tmp_path / "w" / "cuba-1962.yaml"))[0] == 0
    code, out = thaw(capsys, "pack", "list")
    assert code == 0
    assert "khrushchev-era" in out and "bundled" in out
    assert "cuba-1962" in out and "yours" in out


def test_export_of_an_unknown_pack_names_the_installed_ones(tmp_path, home, capsys):
    code, out = thaw(capsys, "pack", "export", "nope", "-o", str(tmp_path / "x.zip"))
    assert code == 1 and "no pack 'nope' is installed" in out and "khrushchev-era" in out


def test_export_refuses_a_document_outside_the_packs_folder(tmp_path, home, capsys):
    pack = write_teacher_pack(home / "packs" / "cuba-1962")
    (home / "packs" / "elsewhere.txt").write_text(CHAPTER, encoding="utf-8")
    pack.write_text(pack.read_text(encoding="utf-8").replace(
        f"file: {CHAPTER_NAME}", "file: ../elsewhere.txt"), encoding="utf-8")
    code, out = thaw(capsys, "pack", "export", "cuba-1962", "-o", str(tmp_path / "k.zip"))
    assert code == 1 and "document '../elsewhere.txt' is outside the pack's folder" in out
    assert not (tmp_path / "k.zip").exists()


# --- hostile zips ------------------------------------------------------------------------------------
def hostile_zip(path, name, data=b"x", mode=None):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("p/p.yaml", "format: 1\npack: p\ntitle: P\n")
        info = zipfile.ZipInfo(name)
        if mode is not None:
            info.external_attr = mode << 16
        archive.writestr(info, data)
    return path


@pytest.mark.parametrize("name", ["../evil.txt", "p/../../evil.txt", "/tmp/evil.txt",
                                  "C:/evil.txt", "..\\evil.txt"])
def test_a_zip_that_would_write_outside_its_folder_is_refused(tmp_path, home, capsys, name):
    archive = hostile_zip(tmp_path / "bad.zip", name)
    code, out = thaw(capsys, "pack", "install", str(archive))
    assert code == 1 and "outside the pack's folder" in out
    assert not (tmp_path / "evil.txt").exists() and not (home / "packs").exists()


def test_a_zip_holding_a_link_is_refused(tmp_path, home, capsys):
    archive = hostile_zip(tmp_path / "link.zip", "p/doc.txt", b"/etc/passwd",
                          mode=stat.S_IFLNK | 0o777)
    code, out = thaw(capsys, "pack", "install", str(archive))
    assert code == 1 and "a link or special file" in out


def test_a_zip_bomb_is_refused_before_unpacking(tmp_path, home, capsys):
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as opened:
        opened.writestr("p/p.yaml", "format: 1\npack: p\ntitle: P\n")
        opened.writestr("p/big.txt", b"\0" * (20 * 1024 * 1024))
    code, out = thaw(capsys, "pack", "install", str(archive))
    assert code == 1 and "too much data" in out


def test_a_file_that_is_not_a_zip_is_named(tmp_path, home, capsys):
    fake = tmp_path / "fake.zip"
    fake.write_text("not a zip", encoding="utf-8")
    code, out = thaw(capsys, "pack", "install", str(fake))
    assert code == 1 and "not a zip file" in out


def test_installing_a_pack_from_inside_the_pack_folder_says_it_is_installed(home, capsys):
    pack = write_teacher_pack(home / "packs" / "cuba-1962")
    code, out = thaw(capsys, "pack", "install", str(pack), "--replace")
    assert code == 1 and "already in your pack folder" in out
    assert pack.is_file()  # never removed by its own --replace


def test_the_pack_and_import_commands_never_load_pygame():
    import subprocess
    import sys
    code = ("import sys, game.commands.pack, game.commands.import_csv, game.content.selection, "
            "game.content.packfiles, game.content.csv_import; "
            "sys.exit('pygame' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_export_refuses_a_pack_with_errors_and_lists_them(tmp_path, home, capsys):
    pack = write_teacher_pack(home / "packs" / "cuba-1962")
    pack.write_text(pack.read_text(encoding="utf-8").replace("1962-10-14", "1962-10-34"),
                    encoding="utf-8")
    code, out = thaw(capsys, "pack", "export", "cuba-1962", "-o", str(tmp_path / "c.zip"))
    assert code == 1 and "1962-10-34" in out and "Not exported" in out
    assert not (tmp_path / "c.zip").exists()


def test_a_pack_citing_a_bundled_document_travels_without_it(tmp_path, home, capsys, monkeypatch):
    folder = home / "packs" / "from-seeds"
    folder.mkdir(parents=True)
    (folder / "from-seeds.yaml").write_text(
        "format: 1\npack: from-seeds\ntitle: From the seeds\nsources:\n"
        "  - {id: today, seed: 001_a8f04e5286436081.txt}\n", encoding="utf-8")
    archive = tmp_path / "s.zip"
    code, out = thaw(capsys, "pack", "export", "from-seeds", "-o", str(archive))
    assert code == 0, out
    with zipfile.ZipFile(archive) as opened:
        assert opened.namelist() == ["from-seeds/from-seeds.yaml"]
    monkeypatch.setenv("THAW_HOME", str(tmp_path / "colleague"))
    code, out = thaw(capsys, "pack", "install", str(archive))
    assert code == 0, out
