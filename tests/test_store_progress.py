"""Progress keeps the most stars and the best score ever reached; it survives a reload."""

import pytest

from game.store import (Progress, ProgressStore, packs_key, record_count, record_level,
                        record_score)

PACK = "khrushchev-era"


def test_a_level_keeps_the_most_stars_ever_earned():
    progress = record_level(Progress(), PACK, "after-stalin", 2)
    progress = record_level(progress, PACK, "after-stalin", 1)
    assert progress.stars_for(PACK, "after-stalin") == 2
    progress = record_level(progress, PACK, "after-stalin", 3)
    assert progress.stars_for(PACK, "after-stalin") == 3


def test_a_level_never_played_has_no_stars_and_a_played_one_is_remembered_even_at_zero():
    progress = record_level(Progress(), PACK, "thaw", 0)
    assert progress.stars_for(PACK, "never-played") == 0
    assert (PACK, "thaw") in progress.stars and (PACK, "never-played") not in progress.stars


def test_the_same_level_id_in_two_packs_is_two_levels():
    progress = record_level(Progress(), PACK, "intro", 3)
    assert record_level(progress, "teacher-extra", "intro", 1).stars_for(PACK, "intro") == 3


def test_the_best_score_is_kept_per_mode_and_set_of_packs():
    key = packs_key([PACK])
    progress = record_score(Progress(), "chronology", key, 40)
    progress = record_score(progress, "chronology", key, 25)
    progress = record_score(progress, "whose-view", key, 10)
    assert progress.best_score("chronology", key) == 40
    assert progress.best_score("whose-view", key) == 10
    assert progress.best_score("chronology", packs_key([PACK, "extra"])) is None
    assert record_score(progress, "chronology", key, 41).best_score("chronology", key) == 41


def test_the_packs_key_ignores_order_and_repeats():
    assert packs_key(["b", "a", "b"]) == packs_key(["a", "b"]) == "a+b"


def test_updates_return_a_new_value_and_leave_the_old_one_alone():
    before = Progress()
    after = record_count(record_level(before, PACK, "l", 1), "games")
    assert before == Progress() and after != before
    with pytest.raises(TypeError):
        after.stars[(PACK, "x")] = 3  # read-only


def test_counts_add_up():
    progress = record_count(record_count(Progress(), "answers", 5), "answers", 2)
    assert progress.count("answers") == 7 and progress.count("games") == 0


@pytest.mark.parametrize("stars", [-1, 4, True, 2.5])
def test_stars_outside_zero_to_three_are_refused(stars):
    with pytest.raises(ValueError):
        record_level(Progress(), PACK, "l", stars)


def test_progress_saved_is_progress_loaded(tmp_path):
    progress = record_level(Progress(), PACK, "after-stalin", 3)
    progress = record_score(progress, "mixed", packs_key([PACK, "extra"]), 120)
    progress = record_count(progress, "games", 4)
    store = ProgressStore(tmp_path)
    assert store.save(progress)
    assert ProgressStore(tmp_path).load() == progress
    assert Progress.from_dict(progress.to_dict()) == progress


# --- the memory of every item (spaced review) and two windows saving --------------------------
from datetime import datetime, timedelta, timezone  # noqa: E402

from game.rules import memory as M  # noqa: E402
from game.store.progress import merge_progress  # noqa: E402

TODAY = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


def test_a_progress_file_from_before_the_memory_still_loads_with_an_empty_memory(tmp_path):
    (tmp_path / "progress.json").write_text(
        '{"format": 1, "kind": "thaw-progress", "stars": [{"pack": "p", "level": "l", '
        '"stars": 2}], "best": [], "counts": {"games": 4}}', encoding="utf-8")
    store = ProgressStore(tmp_path)
    progress = store.load()
    assert store.take_notices() == ()
    assert progress.stars_for("p", "l") == 2 and progress.count("games") == 4
    assert dict(progress.memory) == {}
    progress = Progress(progress.stars, progress.best, progress.counts,
                        M.remember({}, M.EVENT, "thaw", True, TODAY))
    assert store.save(progress)
    again = ProgressStore(tmp_path).load()
    assert again.memory[(M.EVENT, "thaw")].last_right and again.count("games") == 4


def test_the_memory_is_saved_and_loaded_whole(tmp_path):
    memory = M.remember({}, M.QUESTION, "q", False, TODAY)
    memory = M.remember(memory, M.EVENT, "e", True, TODAY)
    ProgressStore(tmp_path).save(Progress(memory=memory))
    assert dict(ProgressStore(tmp_path).load().memory) == memory


def test_two_windows_saving_progress_merge_rather_than_overwrite(tmp_path):
    first, second = ProgressStore(tmp_path), ProgressStore(tmp_path)
    one, two = first.load(), second.load()
    one = record_count(record_level(one, PACK, "after-stalin", 2), "games")
    one = Progress(one.stars, one.best, one.counts,
                   M.remember({}, M.QUESTION, "q-a", True, TODAY))
    assert first.save(one)
    two = record_count(record_score(two, "chronology", PACK, 30), "games", 2)
    two = Progress(two.stars, two.best, two.counts,
                   M.remember({}, M.QUESTION, "q-b", False, TODAY))
    assert second.save(two)
    on_disk = ProgressStore(tmp_path).load()
    assert on_disk.stars_for(PACK, "after-stalin") == 2
    assert on_disk.best_score("chronology", PACK) == 30
    assert on_disk.count("games") == 3
    assert set(on_disk.memory) == {(M.QUESTION, "q-a"), (M.QUESTION, "q-b")}
    assert second.merged == on_disk


def test_the_item_seen_latest_wins_when_two_windows_remember_it(tmp_path):
    first, second = ProgressStore(tmp_path), ProgressStore(tmp_path)
    first.load(), second.load()
    later = M.remember({}, M.QUESTION, "q", False, TODAY + timedelta(hours=2))
    earlier = M.remember({}, M.QUESTION, "q", True, TODAY)
    first.save(Progress(memory=later))
    second.save(Progress(memory=earlier))
    assert not ProgressStore(tmp_path).load().memory[(M.QUESTION, "q")].last_right


def test_saving_twice_from_one_window_does_not_count_twice(tmp_path):
    store = ProgressStore(tmp_path)
    progress = record_count(store.load(), "games")
    store.save(progress)
    store.save(record_count(progress, "games"))
    assert ProgressStore(tmp_path).load().count("games") == 2
    assert merge_progress(Progress(), Progress()).to_dict() == Progress().to_dict()
