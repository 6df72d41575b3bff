"""Helpers for the UI tests: an app on the real bundled pack, and real pygame events."""

from __future__ import annotations

import pygame

from game.ui.app import App
from game.ui.core.input import click_events, drag_events, key_event

SIZES = [(1024, 640), (1920, 1080)]


def make_app(size=(1024, 640), seed=11, **options) -> App:
    app = App(size=size, seed=seed, **options)
    app.run_until_idle()
    return app


def press(app: App, *names: str) -> None:
    """Press keys by pygame name ("RETURN", "ESCAPE", "1", "s") through the real loop."""
    app.send([key_event(getattr(pygame, f"K_{name}")) for name in names])


def click(app: App, rect) -> None:
    app.send(click_events(pygame.Rect(rect).center))


def drag(app: App, start, end) -> None:
    app.send(drag_events(start, end))


def button(scene, label: str):
    for widget in getattr(scene, "buttons", []) + getattr(getattr(scene, "focus", None), "items", []):
        if getattr(widget, "label", None) == label:
            return widget
    raise LookupError(f"no button {label!r} on {scene.name}")


def texts_drawn(app: App, methods=("block", "render")) -> list:
    """Every string the screen passes to the text helper's `methods` in one frame."""
    text, drawn = app.ctx.text, []
    originals = {name: getattr(text, name) for name in methods}

    def spy(original):
        def call(content, *args, **kwargs):
            drawn.append(content)
            return original(content, *args, **kwargs)
        return call
    for name, original in originals.items():
        setattr(text, name, spy(original))
    try:
        app.draw()
    finally:
        for name, original in originals.items():
            setattr(text, name, original)
    return drawn


def open_classroom_setup(app: App):
    """From the title, click Classroom; the set-up scene."""
    app.send(click_events(button(app.scene, "Classroom").rect.center))
    assert app.scene.name == "classroom"
    return app.scene
