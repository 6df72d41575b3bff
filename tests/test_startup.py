"""Start-up does only what the first frame needs (what it costs is the bench's business)."""

import subprocess
import sys

from game.paths import user_data_dir
from game.store.settings import Settings, SettingsStore

from ui_helpers import button, make_app, press


def _modules_after(code: str) -> set:
    done = subprocess.run([sys.executable, "-c", code + "; import sys; print(' '.join(sys.modules))"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


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
    assert button(app.scene, "Continue").enabled
    assert not app.ctx.library_loaded
    press(app, "1")                     # Continue: now the packs are read, the game starts
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
