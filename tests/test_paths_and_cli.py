"""The user-data folder and the `thaw` command's dispatch."""

from pathlib import Path

import pytest

from game import cli
from game.paths import results_dir, user_data_dir, user_packs_dir


def test_thaw_home_overrides_the_platform_folder():
    assert user_data_dir({"THAW_HOME": "/srv/class"}, "linux") == Path("/srv/class")


def test_linux_uses_xdg_data_home_when_set():
    env = {"HOME": "/home/ana", "XDG_DATA_HOME": "/data"}
    assert user_data_dir(env, "linux") == Path("/data/thaw")


def test_linux_falls_back_to_local_share():
    assert user_data_dir({"HOME": "/home/ana"}, "linux") == Path("/home/ana/.local/share/thaw")


def test_macos_uses_application_support():
    assert user_data_dir({"HOME": "/Users/ana"}, "darwin") == \
        Path("/Users/ana/Library/Application Support/Thaw")


def test_windows_uses_appdata():
    env = {"HOME": "C:/Users/ana", "APPDATA": "C:/Users/ana/AppData/Roaming"}
    assert user_data_dir(env, "win32") == Path("C:/Users/ana/AppData/Roaming/Thaw")


def test_packs_and_results_live_inside_the_user_folder():
    env = {"THAW_HOME": "/t"}
    assert user_packs_dir(env) == Path("/t/packs")
    assert results_dir(env) == Path("/t/results")


def test_every_command_is_registered_with_a_handler():
    parser = cli.build_parser()
    for name in cli.COMMANDS:
        needed = {"screenshots": ["out"], "import": ["in.csv", "-o", "out.yaml"], "preview": ["pack.yaml"]}
        args = parser.parse_args([name] + needed.get(name, []))
        assert callable(getattr(args, "handler", None)), name


def test_options_without_a_command_mean_play(monkeypatch):
    seen = {}
    monkeypatch.setattr("game.commands.play.run", lambda args: seen.setdefault("seed", args.seed) and 0)
    # The handler was bound when the parser was built, so patch before main builds it.
    assert cli.main(["--seed", "7"]) == 0
    assert seen["seed"] == 7


def test_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for name in cli.COMMANDS:
        assert name in out
