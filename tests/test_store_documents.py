"""Damaged, foreign or future save files are kept aside and reported once; saving never
raises, whatever the disk does."""

import errno
import json
import os
from datetime import datetime

import pytest

from game.store import Notice, Progress, Store, record_level
from game.store.atomic import backup_path
from game.store.documents import DocumentFile, decode, encode, load


def fixed_clock():
    return datetime(1956, 2, 25, 10, 0, 0)


def store_at(folder):
    return Store(folder, now=fixed_clock)


def some_progress():
    return record_level(Progress(), "khrushchev-era", "after-stalin", 2)


def corrupt_files(folder, name):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(name + ".corrupt-"))


def test_every_document_carries_its_format_and_kind(tmp_path):
    store = store_at(tmp_path)
    store.progress.save(some_progress())
    store.settings.save(store.settings.load())
    for name, kind in (("progress.json", "thaw-progress"), ("settings.json", "thaw-settings")):
        document = json.loads((tmp_path / name).read_text(encoding="utf-8"))
        assert document["format"] == 1 and document["kind"] == kind


def test_no_file_yet_gives_the_defaults_and_no_notice(tmp_path):
    store = store_at(tmp_path)
    assert store.progress.load() == Progress()
    assert store.notices() == ()


def test_a_corrupt_save_is_kept_aside_reported_once_and_the_game_can_save_again(tmp_path):
    store = store_at(tmp_path)
    (tmp_path / "progress.json").write_bytes(b'{"format": 1, "kind": "thaw-progr')

    assert store.progress.load() == Progress()
    notices = store.notices()
    assert len(notices) == 1 and notices[0].kind == "reset"
    kept = tmp_path / "progress.json.corrupt-19560225-100000"
    assert notices[0].kept == kept
    assert kept.read_bytes() == b'{"format": 1, "kind": "thaw-progr'
    assert "could not be read" in notices[0].message and str(kept) in notices[0].message
    assert store.notices() == ()  # told once

    assert store.progress.save(some_progress())
    assert store.progress.load() == some_progress()
    assert store.notices() == ()
    assert kept.exists()  # never deleted


@pytest.mark.parametrize("content, reason", [
    (b"[1, 2, 3]", "not a Thaw file"),
    (json.dumps({"format": 1, "kind": "thaw-settings"}).encode(), "'thaw-settings' data"),
    (json.dumps({"format": 1, "stars": []}).encode(), "no 'kind'"),
    (json.dumps({"kind": "thaw-progress", "stars": []}).encode(), "no valid 'format'"),
    (json.dumps({"format": 99, "kind": "thaw-progress"}).encode(), "newer version of Thaw"),
    (json.dumps({"format": 1, "kind": "thaw-progress", "stars": {"a": 1}}).encode(),
     "not valid"),
    (json.dumps({"format": 1, "kind": "thaw-progress",
                 "stars": [{"pack": "p", "level": "l", "stars": 7}]}).encode(), "out of range"),
    (b"\xff\xfe not text", "not UTF-8"),
    (b"[" * 100_000, "not valid JSON"),
])
def test_a_file_of_the_wrong_shape_kind_or_format_is_handled_like_a_corrupt_one(
        tmp_path, content, reason):
    store = store_at(tmp_path)
    (tmp_path / "progress.json").write_bytes(content)
    assert store.progress.load() == Progress()
    (notice,) = store.notices()
    assert reason in notice.message
    assert notice.kept.read_bytes() == content
    assert not (tmp_path / "progress.json").exists()
    assert store.progress.save(some_progress())


def test_a_corrupt_save_falls_back_to_the_previous_copy(tmp_path):
    store = store_at(tmp_path)
    older = some_progress()
    store.progress.save(older)
    store.progress.save(record_level(older, "khrushchev-era", "thaw", 3))
    (tmp_path / "progress.json").write_text("garbage")

    assert store.progress.load() == older
    (notice,) = store.notices()
    assert notice.kind == "restored" and "previous copy" in notice.message
    assert notice.kept.read_text() == "garbage"


def test_a_missing_save_with_a_previous_copy_uses_that_copy(tmp_path):
    store = store_at(tmp_path)
    store.progress.save(some_progress())
    store.progress.save(Progress())
    (tmp_path / "progress.json").unlink()
    assert store.progress.load() == some_progress()
    assert [n.kind for n in store.notices()] == ["restored"]


def test_when_the_save_and_its_copy_are_both_bad_both_are_kept_aside(tmp_path):
    store = store_at(tmp_path)
    (tmp_path / "progress.json").write_text("bad main")
    backup_path(tmp_path / "progress.json").write_text("bad copy")
    assert store.progress.load() == Progress()
    assert [n.kind for n in store.notices()] == ["reset"]
    kept = {p.read_text() for p in tmp_path.iterdir() if ".corrupt-" in p.name}
    assert kept == {"bad main", "bad copy"}


def test_corrupt_files_set_aside_in_the_same_second_never_overwrite_each_other(tmp_path):
    store = store_at(tmp_path)
    for n in range(3):
        (tmp_path / "progress.json").write_text(f"garbage {n}")
        store.progress.load()
    kept = corrupt_files(tmp_path, "progress.json")
    assert len(kept) == 3
    assert {(tmp_path / name).read_text() for name in kept} == {"garbage 0", "garbage 1",
                                                                 "garbage 2"}
    assert len(store.notices()) == 3


def test_a_folder_that_is_a_file_makes_saving_fail_with_one_notice_and_no_exception(tmp_path):
    not_a_folder = tmp_path / "thaw"
    not_a_folder.write_text("I am a file")
    store = store_at(not_a_folder)
    assert store.progress.load() == Progress()
    assert store.progress.save(some_progress()) is False
    assert store.progress.save(some_progress()) is False
    (notice,) = store.notices()
    assert notice.kind == "save-failed"
    assert notice.message.startswith("Progress cannot be saved: ")
    assert notice.message.endswith("The game goes on.")
    assert store.progress.failed_saves == 2


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "the disk is full"),
                                         (errno.EROFS, "is read-only"),
                                         (errno.EACCES, "no permission")])
def test_a_failing_disk_gives_one_notice_per_store_and_later_failures_are_only_counted(
        tmp_path, monkeypatch, code, words):
    store = store_at(tmp_path)
    store.progress.save(some_progress())

    def failing_replace(source, target):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", failing_replace)
    for _ in range(4):
        assert store.progress.save(Progress()) is False
        assert store.settings.save(store.settings.load()) is False
    notices = store.notices()
    assert [n.message.split(":")[0] for n in notices] == ["Settings cannot be saved",
                                                          "Progress cannot be saved"]
    assert all(words in n.message for n in notices)
    assert store.progress.failed_saves == 4 and store.settings.failed_saves == 4
    monkeypatch.undo()

    # The old save is untouched, no temp files are left, and the disk recovering means saves work.
    assert store.progress.load() == some_progress()
    assert not list(tmp_path.glob(".*.tmp"))
    better = record_level(some_progress(), "khrushchev-era", "thaw", 3)
    assert store.progress.save(better) is True
    assert store.progress.load() == better
    assert store.notices() == ()


def test_the_disk_filling_up_during_the_write_is_reported_not_raised(tmp_path, monkeypatch):
    store = store_at(tmp_path)

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    assert store.progress.save(some_progress()) is False
    monkeypatch.undo()
    (notice,) = store.notices()
    assert "the disk is full" in notice.message
    assert not (tmp_path / "progress.json").exists()


def test_an_unreadable_save_that_is_a_folder_is_moved_aside(tmp_path):
    (tmp_path / "progress.json").mkdir()
    store = store_at(tmp_path)
    assert store.progress.load() == Progress()
    (notice,) = store.notices()
    assert notice.kept is not None and notice.kept.is_dir()
    assert store.progress.save(some_progress())


def test_load_returns_the_notice_alongside_the_data(tmp_path):
    path = tmp_path / "thing.json"
    path.write_text("nope")
    data, notice = load(path, "thaw-thing", dict, {"default": True}, label="thing file",
                        now=fixed_clock)
    assert data == {"default": True}
    assert isinstance(notice, Notice) and notice.message.startswith("Your thing file could not")
    assert load(path, "thaw-thing", dict, {"default": True}) == ({"default": True}, None)


def test_encode_and_decode_round_trip_the_body(tmp_path):
    body = {"name": "Хрущёв", "list": [1, 2]}
    assert decode(encode("thaw-thing", 2, body), "thaw-thing", 2) == body
    # An older format number is still readable by a newer reader.
    assert decode(encode("thaw-thing", 1, body), "thaw-thing", 2) == body


def test_a_body_that_is_not_json_is_a_bug_and_raises(tmp_path):
    document = DocumentFile(tmp_path / "x.json", "thaw-x", 1, "x file")
    with pytest.raises(TypeError):
        document.save({"when": object()})


def test_the_store_lives_in_the_user_data_folder_by_default(tmp_path, monkeypatch):
    monkeypatch.setenv("THAW_HOME", str(tmp_path / "home"))
    store = Store()
    assert store.progress.save(some_progress())
    assert (tmp_path / "home" / "progress.json").exists()
    assert store.results.folder == tmp_path / "home" / "results"


def test_the_store_imports_no_pygame():
    import subprocess
    import sys
    code = "import sys, game.store; print('pygame' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
