"""Settings: remembered between runs, and a damaged field never costs the other fields."""

import json
from dataclasses import replace

from game.store import ClassroomSettings, Settings, SettingsStore, Store


def chosen_settings():
    return Settings(fullscreen=True, text_size="large", high_contrast=True, sound=False,
                    reduce_motion=True, window=(1920, 1080),
                    last_packs=("khrushchev-era", "teacher-extra"), last_mode="whose-view",
                    classroom=ClassroomSettings(teams=("Reds", "Хрущёвцы", "Blues"), rounds=8,
                                                round_types=("timeline",), timer=60,
                                                steal=False, seed=1956, phone_question=False,
                                                speed_bonus=True))


def test_the_defaults_are_what_a_first_run_shows():
    settings = Settings()
    assert (settings.fullscreen, settings.text_size, settings.high_contrast, settings.sound,
            settings.reduce_motion, settings.window) == (False, "medium", False, True, False,
                                                         (1280, 720))
    assert settings.classroom.steal is True and settings.classroom.timer in (0, 20, 30, 60)


def test_settings_saved_are_the_settings_loaded(tmp_path):
    store = SettingsStore(tmp_path)
    assert store.save(chosen_settings())
    assert SettingsStore(tmp_path).load() == chosen_settings()
    assert store.take_notices() == ()


def test_the_dict_form_round_trips():
    assert Settings.from_dict(chosen_settings().to_dict()) == chosen_settings()
    assert Settings.read(chosen_settings().to_dict()) == (chosen_settings(), ())


def test_unknown_keys_are_ignored_quietly():
    data = dict(chosen_settings().to_dict(), volume_from_the_future=11)
    data["classroom"]["music"] = "loud"
    assert Settings.read(data) == (chosen_settings(), ())


def test_missing_keys_take_their_defaults_quietly():
    assert Settings.read({"sound": False}) == (Settings(sound=False), ())


def test_each_bad_field_falls_back_to_its_own_default_and_is_named():
    data = chosen_settings().to_dict()
    data.update(text_size="huge", fullscreen="yes", window=[10, 10], last_packs=["Bad Id"])
    data["classroom"].update(timer=45, rounds=True, teams=["Only one"], seed=-1)
    settings, problems = Settings.read(data)
    expected = replace(chosen_settings(), text_size="medium", fullscreen=False,
                       window=(1280, 720), last_packs=(),
                       classroom=replace(chosen_settings().classroom, timer=30, rounds=6,
                                         teams=("Team 1", "Team 2"), seed=None))
    assert settings == expected
    named = {problem.split(":")[0] for problem in problems}
    assert named == {"text_size", "fullscreen", "window", "last_packs", "classroom.timer",
                     "classroom.rounds", "classroom.teams", "classroom.seed"}
    assert any("'huge' is not one of small, medium, large" in p for p in problems)


def test_a_classroom_entry_that_is_not_an_object_gives_classroom_defaults():
    settings, problems = Settings.read({"classroom": [1, 2], "sound": False})
    assert settings == Settings(sound=False)
    assert problems == ("classroom: not a JSON object",)


def test_a_huge_bad_value_is_cut_short_in_the_message():
    _, (problem,) = Settings.read({"text_size": "x" * 1_000_000})
    assert len(problem) < 200


def test_a_partly_bad_settings_file_keeps_the_good_fields_and_tells_the_player_once(tmp_path):
    data = dict(chosen_settings().to_dict(), format=1, kind="thaw-settings", text_size=3)
    (tmp_path / "settings.json").write_text(json.dumps(data), encoding="utf-8")
    store = Store(tmp_path)
    assert store.settings.load() == replace(chosen_settings(), text_size="medium")
    (notice,) = store.notices()
    assert notice.kind == "fixed" and "text_size" in notice.message
    assert store.notices() == ()
    assert not list(tmp_path.glob("*.corrupt-*"))  # the file was usable: nothing set aside
