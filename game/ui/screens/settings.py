"""Settings: fullscreen, text size, high contrast, sound, reduce motion. Saved at once."""

from __future__ import annotations

import pygame

from game.ui.core import input as keys
from game.ui.core.bindings import ANY, Binding, dispatch, footer
from game.ui.core.scene import Scene
from game.ui.core.theme import TEXT_SIZE_ORDER
from game.ui.widgets.button import Button
from game.ui.widgets.focus import FocusRing
from game.ui.widgets.frame import draw_footer, draw_header, frame

OPTIONS = (
    # (field, label, what it does)
    ("fullscreen", "Fullscreen", "Fill the whole screen (F11 switches at any time)."),
    ("text_size", "Text size", "Small, medium or large type, on top of the window size."),
    ("high_contrast", "High contrast", "Black on white, with stronger colours."),
    ("sound", "Sound", "Short sounds for right and wrong answers."),
    ("reduce_motion", "Reduce motion", "Cards jump to their place instead of sliding."),
)


class SettingsScene(Scene):
    name = "settings"

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.rows = [Button("", lambda f=field: self.change(f, +1), hint=about)
                     for field, _label, about in OPTIONS]
        self.back = Button("Back", lambda: self.ctx.pop(), primary=True)
        self.focus = FocusRing(self.rows + [self.back])
        self._relabel()

    def _value(self, field: str) -> str:
        value = getattr(self.ctx.settings, field)
        if field == "text_size":
            return value.capitalize()
        return "On" if value else "Off"

    def _relabel(self) -> None:
        for button, (field, label, _about) in zip(self.rows, OPTIONS):
            button.label = f"{label}: {self._value(field)}"

    def change(self, field: str, step: int) -> None:
        if field == "text_size":
            order = TEXT_SIZE_ORDER
            index = order.index(self.ctx.settings.text_size) if self.ctx.settings.text_size in order else 1
            self.ctx.change_settings(text_size=order[(index + step) % len(order)])
        elif field == "fullscreen":
            self.ctx.toggle_fullscreen()   # the app switches and records the setting
        else:
            self.ctx.change_settings(**{field: not getattr(self.ctx.settings, field)})
        self._relabel()

    def update(self, dt) -> None:
        self._relabel()   # fullscreen may have been switched by the app (F11)

    def layout(self, size) -> None:
        text = self.ctx.text
        self.fr = frame(size, text)
        body = self.fr.body
        gap = text.px(12)
        row_h = max(text.line_height("button") + text.line_height("small") + text.px(14),
                    text.px(60))
        count = len(self.rows) + 1
        if count * (row_h + gap) > body.height:
            row_h = max(text.line_height("button"), body.height // count - gap)
        width = min(body.width, text.px(640))
        for index, button in enumerate(self.rows + [self.back]):
            button.rect = pygame.Rect(body.x, body.y + index * (row_h + gap), width, row_h)
        self.back.rect.width = min(width, text.px(240))

    BINDINGS = (Binding((keys.UP, keys.DOWN), "move", "Tab or arrows: move"),
                Binding((keys.LEFT, keys.RIGHT), "change", "Enter or Left/Right: change"),
                Binding((ANY,), "widgets"),
                Binding((keys.BACK,), "back", "Esc: back"))

    def handle(self, action) -> None:
        dispatch(self, action)

    def action_back(self, action) -> None:
        self.ctx.pop()

    def action_move(self, action) -> None:
        self.focus.move(-1 if action.kind == keys.UP else 1)

    def action_change(self, action) -> bool:
        focused = self.focus.focused
        if focused not in self.rows:
            return False
        self.change(OPTIONS[self.rows.index(focused)][0], -1 if action.kind == keys.LEFT else 1)
        return True

    def action_widgets(self, action) -> None:
        self.focus.handle(action)

    def draw(self, surface) -> None:
        ctx = self.ctx
        draw_header(surface, ctx, self.fr, "Settings", "kept between games")
        self.focus.draw(surface, ctx)
        draw_footer(surface, ctx, self.fr, footer(self))
