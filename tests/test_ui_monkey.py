"""A seeded monkey: 20,000 random keys, clicks, drags, wheel turns and resizes (down to
320x200 and up to 3840x2160) through every screen, without an exception."""

import random

import pygame

from game.ui.app import App

KEYS = ([pygame.K_RETURN] * 6 + [pygame.K_ESCAPE] * 2 + [pygame.K_TAB, pygame.K_UP, pygame.K_DOWN,
        pygame.K_LEFT, pygame.K_RIGHT, pygame.K_SPACE, pygame.K_PAGEUP, pygame.K_PAGEDOWN,
        pygame.K_HOME, pygame.K_END, pygame.K_EQUALS, pygame.K_MINUS, pygame.K_BACKSPACE,
        pygame.K_s, pygame.K_r, pygame.K_F11]
        + [getattr(pygame, f"K_{n}") for n in range(1, 10)] * 2)
SIZES = [(320, 200), (3840, 2160), (1024, 640), (1920, 1080), (800, 600), (1366, 768)]
EVENTS = 20_000


def _random_event(rng: random.Random, size):
    w, h = size
    roll = rng.random()
    pos = (rng.randrange(w), rng.randrange(h))
    if roll < 0.45:
        mod = pygame.KMOD_SHIFT if rng.random() < 0.1 else 0
        return [pygame.event.Event(pygame.KEYDOWN, key=rng.choice(KEYS), mod=mod, unicode="",
                                   scancode=0)]
    if roll < 0.65:
        return [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
                pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
                pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1)]
    if roll < 0.8:
        end = (rng.randrange(w), rng.randrange(h))
        return [pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
                pygame.event.Event(pygame.MOUSEMOTION, pos=end, rel=(0, 0), buttons=(1, 0, 0)),
                pygame.event.Event(pygame.MOUSEBUTTONUP, pos=end, button=1)]
    if roll < 0.95:
        return [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice([-2, -1, 1, 2]),
                                   flipped=False)]
    if roll < 0.997:
        return [pygame.event.Event(pygame.TEXTINPUT, text=rng.choice("abc1 "))]
    new = rng.choice(SIZES)
    return [pygame.event.Event(pygame.VIDEORESIZE, w=new[0], h=new[1], size=new)]


def test_twenty_thousand_random_events_through_every_screen_raise_nothing():
    rng = random.Random(20240601)
    app = App(size=(1024, 640), seed=1)
    seen = set()
    sent = 0
    frame = 0
    while sent < EVENTS:
        if not app.running:             # the monkey found Quit: start again
            app = App(size=(1024, 640), seed=rng.randrange(1000))
        batch = _random_event(rng, app.surface.get_size())
        app.post(batch)
        sent += len(batch)
        frame += 1
        # Drawing every frame at 4K would make this slow; draw often enough to matter.
        app.step(dt=1 / 30, draw=(frame % 7 == 0 or app.surface.get_width() <= 1024))
        seen.update(scene.name for scene in app.stack.scenes)
    # The monkey really went through the game, not just the title screen.
    assert {"title", "choose", "settings", "packs", "explore"} <= seen
    assert seen & {"board", "sort", "ask"}
