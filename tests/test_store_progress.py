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
