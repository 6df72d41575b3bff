"""`thaw preview PACK`: the pack alone, every level and item one key away, reloaded on save."""

import os
import time

import pygame
import pytest
from teacherpack import write_teacher_pack
from ui_helpers import press

from game.ui.app import App
from game.ui.core.input import click_events


@pytest.fixture
def preview(tmp_path):
    path = write_teacher_pack(tmp_path / "mine")
    app = App(size=(1024, 640), seed=3, extra_packs=(str(path),), only=True, start="preview",
              start_options={"path": str(path)})
    app.run_until_idle()
    yield app, path
    pygame.quit()


def save(path, text):
    """Write the file as an editor would, with a modification time the watcher will see."""
    path.write_text(text, encoding="utf-8")
    stamp = time.time() + 5
    os.utime(path, (stamp, stamp))


def test_the_preview_shows_only_that_pack_with_its_levels_events_and_questions(preview):
    app, _ = preview
    scene = app.scene
    assert scene.name == "preview" and scene.pack.title == "The Cuban Missile Crisis, 1962"
    assert [p.title for p in app.ctx.library.packs] == ["The Cuban Missile Crisis, 1962"]
    assert [len(scene.items(t)) for t in range(3)] == [1, 4, 2]


def test_a_question_is_asked_on_its_own_from_the_list(preview):
    app, _ = preview
    press(app, "3")                                  # the Questions list
    press(app, "DOWN", "RETURN")                     # q-evidence
    assert app.scene.name == "ask"
    assert app.scene.match.prompt.question.id.endswith("q-evidence")


def test_a_level_plays_from_the_list_and_an_event_opens_with_a_click(preview):
    app, _ = preview
    press(app, "RETURN")
    assert app.scene.name == "sort" and app.scene.match.level.title == "October 1962: thirteen days"
    press(app, "ESCAPE")
    while app.scene.name != "preview":               # a leave confirmation may come first
        press(app, "RETURN")
    scene = app.scene
    app.send(click_events(scene.tab_rects[1].center))
    app.send(click_events(scene.rows[0][0].center))
    assert app.scene.name == "explore-event"


def test_a_saved_change_is_read_again_and_an_error_keeps_the_last_good_version(preview):
    app, path = preview
    good = path.read_text(encoding="utf-8")
    save(path, good.replace("October 1962: thirteen days", "Thirteen days in October"))
    app.step(dt=1.0)
    assert app.scene.pack.levels[0].title == "Thirteen days in October"
    save(path, good.replace("date: 1962-10-22", "date: 1962-10-32"))
    app.step(dt=1.0)
    scene = app.scene
    assert scene.pack.levels[0].title == "Thirteen days in October"    # the last good version
    assert any("1962-10-32" in p and ":" in p for p in scene.problems)
    lines, is_error = scene.message
    assert is_error and "errors" in lines[0]


def test_thaw_preview_refuses_a_file_that_is_not_there(tmp_path, capsys):
    from game.cli import main
    assert main(["preview", str(tmp_path / "nowhere.yaml")]) == 1
    assert "no such pack file" in capsys.readouterr().err
