"""Short sounds for right, wrong and placing a card; silent when there is no audio device."""

from __future__ import annotations

import pygame

from game import SOUNDS_DIR

NAMES = ("right", "wrong", "place")


class Sounds:
    """The mixer and the WAVs are opened on the first sound played, not at start-up: the
    title screen appears without waiting for the audio device."""

    def __init__(self, enabled: bool = True) -> None:
        self._sounds: dict[str, "pygame.mixer.Sound"] = {}
        self._opened = False
        self._available = False
        self.played: list[str] = []  # what was asked for (tests read it)

    @property
    def available(self) -> bool:
        self._open()
        return self._available

    def _open(self) -> None:
        if self._opened:
            return
        self._opened = True
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init()
            for name in NAMES:
                path = SOUNDS_DIR / f"{name}.wav"
                if path.exists():
                    self._sounds[name] = pygame.mixer.Sound(str(path))
            self._available = True
        except (pygame.error, OSError):
            self._available = False  # no sound card: play silently

    def play(self, name: str, enabled: bool) -> None:
        if not enabled:
            return
        self.played.append(name)
        del self.played[:-50]
        self._open()
        sound = self._sounds.get(name)
        if sound is not None and self._available:
            try:
                sound.play()
            except pygame.error:
                pass
