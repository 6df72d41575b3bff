"""write_atomic and read_with_fallback: the building blocks every save uses."""

import errno
import json
import os
import time

import pytest

from game.store import atomic
from game.store.atomic import backup_path, read_with_fallback, remove_stale_temps, write_atomic


def test_written_content_reads_back_exactly(tmp_path):
    target = tmp_path / "save.json"
    write_atomic(target, b"\x00binary\xff")
    assert target.read_bytes() == b"\x00binary\xff"
    write_atomic(target, "Хрущёв, 1956")
    assert target.read_text(encoding="utf-8") == "Хрущёв, 1956"


def test_the_previous_version_is_kept_as_bak(tmp_path):
    target = tmp_path / "save.json"
    write_atomic(target, "one")
    assert not backup_path(target).exists()  # nothing to keep on the first save
    write_atomic(target, "two")
    write_atomic(target, "three")
    assert target.read_text() == "three"
    assert backup_path(target).read_text() == "two"


def test_the_bak_is_a_separate_file_not_changed_by_the_next_save(tmp_path):
    target = tmp_path / "save.json"
    write_atomic(target, "one")
    write_atomic(target, "two")
    write_atomic(target, "three")
    write_atomic(target, "four")
    assert backup_path(target).read_text() == "three"
    assert target.read_text() == "four"


def test_a_save_leaves_no_temp_files_behind(tmp_path):
    target = tmp_path / "save.json"
    for n in range(5):
        write_atomic(target, str(n))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["save.json", "save.json.bak"]


def test_without_hard_links_the_bak_is_a_copy(tmp_path, monkeypatch):
    def no_links(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(atomic.os, "link", no_links)
    target = tmp_path / "save.json"
    write_atomic(target, "old")
    write_atomic(target, "new")
    assert (target.read_text(), backup_path(target).read_text()) == ("new", "old")
    assert len(list(tmp_path.iterdir())) == 2


def test_a_failed_write_keeps_the_old_file_and_removes_its_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "save.json"
    write_atomic(target, "good")

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    with pytest.raises(OSError) as raised:
        write_atomic(target, "never")
    assert raised.value.errno == errno.ENOSPC
    assert target.read_text() == "good"
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))


def test_reading_falls_back_to_the_bak_when_the_main_file_is_garbage(tmp_path):
    target = tmp_path / "save.json"
    write_atomic(target, json.dumps({"n": 1}))
    write_atomic(target, json.dumps({"n": 2}))
    target.write_bytes(b"\x00\x00 half a fi")
    value, used = read_with_fallback(target, json.loads)
    assert value == {"n": 1}
    assert used == backup_path(target)


def test_reading_falls_back_to_the_bak_when_the_main_file_is_missing(tmp_path):
    target = tmp_path / "save.json"
    write_atomic(target, "one")
    write_atomic(target, "two")
    target.unlink()  # what a non-atomic replace on Windows can leave behind
    assert read_with_fallback(target) == (b"one", backup_path(target))


def test_reading_prefers_the_main_file(tmp_path):
    target = tmp_path / "save.json"
    write_atomic(target, "one")
    write_atomic(target, "two")
    assert read_with_fallback(target) == (b"two", target)


def test_reading_with_neither_file_says_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_with_fallback(tmp_path / "none.json")


def test_reading_reports_the_main_files_error_when_both_are_garbage(tmp_path):
    target = tmp_path / "save.json"
    target.write_text("{main")
    backup_path(target).write_text("{bak")
    with pytest.raises(ValueError):
        read_with_fallback(target, json.loads)


def test_temp_files_of_killed_saves_are_removed_only_when_old(tmp_path):
    target = tmp_path / "save.json"
    old = tmp_path / ".save.json.abc123.tmp"
    fresh = tmp_path / ".save.json.def456.tmp"
    other = tmp_path / ".other.json.zzz.tmp"
    for path in (old, fresh, other):
        path.write_text("partial")
    long_ago = time.time() - 7200
    os.utime(old, (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))
    assert remove_stale_temps(target) == 1
    assert not old.exists() and fresh.exists() and other.exists()
