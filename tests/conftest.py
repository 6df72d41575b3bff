"""Shared test set-up: no display, no sound device, and never the real user folder."""

import os

# Before anything imports pygame: CI has no display and no sound card.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pytest


@pytest.fixture(autouse=True)
def _isolated_user_folder(tmp_path_factory, monkeypatch):
    """Every test gets its own THAW_HOME, so no test reads or writes the real user data."""
    home = tmp_path_factory.mktemp("thaw-home")
    monkeypatch.setenv("THAW_HOME", str(home))
    return home
