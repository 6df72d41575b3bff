"""A symbolic-link loop or a FIFO given with --pack, or lying in the user pack folder, is a
broken pack in the window (listed on the Packs screen), never a RuntimeError or a hang."""

import os

import pytest

from game.ui.app import App
from game.ui.core.registry import make_scene

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX links and FIFOs")


def test_a_link_loop_and_a_fifo_given_with_pack_are_listed_as_broken(tmp_path):
    loop, fifo = tmp_path / "loop.yaml", tmp_path / "pipe.yaml"
    os.symlink(loop.name, loop)
    os.mkfifo(fifo)
    app = App(size=(1024, 640), seed=3, extra_packs=[str(loop), str(fifo)])
    app.run_until_idle()
    broken = {b.path.name: b.problems[0].message for b in app.ctx.library.broken}
    assert "symbolic link loop" in broken["loop.yaml"] and "FIFO" in broken["pipe.yaml"]
    app.ctx.push(make_scene("packs", app.ctx))
    app.run_until_idle()
    assert app.scene.name == "packs"
    app.draw()
    app.step(dt=3.0)          # the pack watcher looks at the files again: no RuntimeError


def test_a_link_loop_in_the_user_pack_folder_is_listed_as_broken(_isolated_user_folder):
    folder = _isolated_user_folder / "packs"
    folder.mkdir()
    os.symlink("loop.yaml", folder / "loop.yaml")
    app = App(size=(800, 600), seed=3)
    app.run_until_idle()
    assert [b.path.name for b in app.ctx.library.broken] == ["loop.yaml"]
    app.ctx.push(make_scene("packs", app.ctx))
    app.run_until_idle()
    app.draw()
