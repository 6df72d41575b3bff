"""Start-up does only what the first frame needs (what it costs is the bench's business)."""

import subprocess
import sys

from game.paths import user_data_dir
from game.store.settings import Settings, SettingsStore

from ui_helpers import button, make_app, press


def _modules_loaded_by(code: str) -> set:
    done = subprocess.run([sys.executable, "-c", code + "; import sys; print(' '.join(sys.modules))"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


def _modules_after(code: str) -> set:
    """The modules `code` brings in beyond what the bare interpreter already holds: an
    interpreter's own start-up (a site-packages .pth such as certifi's) is not ours to count."""
    return _modules_loaded_by(code) - _modules_loaded_by("pass")


def test_the_command_line_imports_only_the_subcommand_chosen():
    loaded = _modules_after("from game import cli; cli.build_parser(only='validate')")
    assert "game.commands.validate" in loaded
    assert not {"game.commands.play", "game.commands.extract", "game.commands.results"} & loaded


def test_the_game_window_module_imports_neither_pkg_resources_nor_the_rules_engine():
    loaded = _modules_after("import game.ui.app, pygame")
    assert "pygame" in loaded
    assert "pkg_resources" not in loaded
    assert "game.rules.game" not in loaded and "game.content.loader" not in loaded


def test_pygame_still_finds_its_default_font_without_pkg_resources():
    loaded = _modules_after("import game.ui.app, pygame; pygame.font.init(); "
                            "assert pygame.font.Font(None, 20).size('Thaw')[0] > 0")
    assert "pkg_resources" not in loaded


def test_a_returning_players_title_offers_continue_without_reading_the_packs():
    SettingsStore(user_data_dir()).save(Settings(last_mode="chronology"))
    app = make_app()
    assert app.scene.name == "title"
    # No game left in progress: the first button says what it does (review M1).
    assert button(app.scene, "Play again").enabled
    assert not app.ctx.library_loaded
    press(app, "1")                     # Play again: now the packs are read, the game starts
    assert app.ctx.library_loaded and app.scene.name == "board"


def test_the_sound_device_is_opened_on_the_first_sound_not_at_start():
    app = make_app()
    assert not app.ctx.sounds._opened
    app.ctx.sounds.play("right", True)
    assert app.ctx.sounds._opened and app.ctx.sounds.played == ["right"]


def test_the_light_mode_names_agree_with_the_full_table_of_modes():
    from game.rules import mode_names, modes
    from game.rules import game as rules
    from game.ui.play.names import MODE_TITLES
    assert mode_names.MODES == rules.MODES == tuple(modes.MODES)
    assert MODE_TITLES == {mode: modes.title(mode) for mode in MODE_TITLES}


def test_a_first_start_reads_its_progress_without_the_scheduler_or_the_content_model():
    """The title needs the settings, the progress and the era's years: not FSRS (imported on
    the first answer remembered), not the pack model, not importlib.resources."""
    loaded = _modules_after(
        "import game, game.ui.app; from game.store.progress import ProgressStore; "
        "import tempfile, pathlib; ProgressStore(pathlib.Path(tempfile.mkdtemp())).load(); "
        "from game.content.timeline import ERA_START, ERA_END")
    assert "game.store.progress" in loaded and "game.rules.memory" in loaded
    assert "fsrs" not in loaded
    assert "game.content.model" not in loaded
    assert "importlib.resources" not in loaded
    assert "secrets" not in loaded


def test_a_checkout_reads_its_data_folders_at_the_top_of_the_repository():
    import game
    assert not (game.PROJECT_ROOT / "game" / "data").exists()   # nothing built here
    assert game.DATA_ROOT == game.PROJECT_ROOT
    assert any(game.LEVELS_DIR.glob("*.yaml")) and game.FONTS_DIR.is_dir()


def _returning_player_with_answers(gone: str = "removed-pack:q-gone"):
    """Settings with a last mode, and a memory of two answers long ago: one about a bundled
    question, one about a question of a pack no longer installed. Both are due now."""
    from datetime import datetime, timezone
    import game as thaw
    from game.content.library import load_library
    from game.rules import memory as M
    from game.store.progress import Progress, ProgressStore
    bundled = load_library([thaw.LEVELS_DIR]).questions()[0].id
    long_ago = datetime(2020, 1, 1, tzinfo=timezone.utc)
    memory = M.remember({}, M.QUESTION, bundled, False, long_ago)
    memory = M.remember(memory, M.QUESTION, gone, False, long_ago)
    SettingsStore(user_data_dir()).save(Settings(last_mode="chronology"))
    ProgressStore(user_data_dir()).save(Progress(memory=memory))


def test_a_returning_player_with_answers_due_sees_the_title_before_any_pack_is_read():
    _returning_player_with_answers()
    app = make_app()
    assert app.scene.name == "title"
    assert not app.ctx.library_loaded
    # Counted from the memory alone: the item of the removed pack is still in it.
    assert button(app.scene, "Review (2 due)").enabled


def test_once_the_packs_are_read_the_title_counts_only_the_due_items_in_them():
    _returning_player_with_answers()
    app = make_app()
    app.ctx.library                      # read the packs (as any game does)
    app.scene.resume()                   # back on the title: its buttons are rebuilt
    assert button(app.scene, "Review (1 due)").enabled
