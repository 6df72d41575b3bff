"""The game starts and plays on when every file in the user folder is damaged."""

import random

from game.ui.app import App
from test_ui_monkey import _random_event

GARBAGE = b"\x00\xff{not json at all"


def _corrupt_home(home):
    (home / "settings.json").write_bytes(GARBAGE)
    (home / "progress.json").write_text('{"format": 1, "kind": "settings"}', encoding="utf-8")
    (home / "packs").mkdir()
    (home / "packs" / "broken.yaml").write_bytes(b"format: 1\npack: [unclosed\n\t- tab")
    (home / "results").mkdir()
    (home / "results" / "20260101-120000-x.json").write_bytes(GARBAGE)


def test_corrupt_saves_are_kept_aside_and_the_player_is_told(_isolated_user_folder):
    home = _isolated_user_folder
    _corrupt_home(home)
    app = App(size=(1024, 640), seed=3)
    app.run_until_idle()
    assert app.scene.name == "title"
    kept = sorted(p.name for p in home.iterdir() if ".corrupt-" in p.name)
    assert any(name.startswith("settings.json.corrupt-") for name in kept)
    assert any(name.startswith("progress.json.corrupt-") for name in kept)
    told = " ".join(app.ctx.notices)
    for name in kept:  # every file set aside is named to the player
        assert name in told


def test_random_play_with_a_corrupt_user_folder_raises_nothing(_isolated_user_folder):
    _corrupt_home(_isolated_user_folder)
    rng = random.Random(7)
    app = App(size=(1024, 640), seed=5)
    for frame in range(2500):
        if not app.running:
            app = App(size=(1024, 640), seed=rng.randrange(100))
        app.post(_random_event(rng, app.surface.get_size()))
        app.step(dt=1 / 30, draw=frame % 5 == 0)
    # The broken teacher pack is listed, not hidden, and the bundled pack still plays.
    assert [b.path.name for b in app.ctx.library.broken] == ["broken.yaml"]
    assert app.ctx.library.packs
