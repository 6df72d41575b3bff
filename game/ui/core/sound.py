"""Short sounds for right, wrong and placing a card; silent when there is no audio device."""

from __future__ import annotations

import pygame

from game import SOUNDS_DIR

NAMES = ("right", "wrong", "place")


class Sounds:
    def __init__(self, enabled: bool = True) -> None:
        self._sounds: dict[str, "pygame.mixer.Sound"] = {}
        self.available = False
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init()
            for name in NAMES:
                path = SOUNDS_DIR / f"{name}.wav"
                if path.exists():
                    self._sounds[name] = pygame.mixer.Sound(str(path))
            self.available = True
        except (pygame.error, OSError):
            self.available = False  # no sound card: play silently
        self.played: list[str] = []  # what was asked for (tests read it)

    def play(self, name: str, enabled: bool) -> None:
        if not enabled:
            return
        self.played.append(name)
        del self.played[:-50]
        sound = self._sounds.get(name)
        if sound is not None and self.available:
            try:
                sound.play()
            except pygame.error:
                pass
