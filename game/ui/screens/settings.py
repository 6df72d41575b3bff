"""Settings: text size, high contrast, fullscreen, sound, reduce motion, a turn timer.
Saved at once.

Rows that take a value from a list (text size, the timer) have a "−" and a "+" at their
ends, so the mouse goes both ways (review m11); Enter and Right step up, Left steps down.
Text size is the first row, so changing it never slides another row under the pointer.
"""

from __future__ import annotations

import pygame

from game.store.settings import TIMER_CHOICES
from game.ui.core import input as keys
from game.ui.core.bindings import ANY, Binding, footer
from game.ui.core.scene import Scene
from game.ui.core.theme import TEXT_SIZE_ORDER
from game.ui.widgets.button import Button
from game.ui.widgets.focus import FocusRing
from game.ui.widgets.frame import draw_footer, draw_header, frame

OPTIONS = (
    # (field, label, what it does)
    ("text_size", "Text size", "Small, medium, large or extra large, on top of the window size."),
    ("high_contrast", "High contrast", "Black on white, with stronger colours."),
    ("fullscreen", "Fullscreen", "Fill the whole screen (F11 switches at any time)."),
    ("sound", "Sound", "Short sounds for right and wrong answers."),
    ("reduce_motion", "Reduce motion", "Cards jump to their place instead of sliding."),
    ("turn_timer", "Turn timer", "Seconds for each answer in solo play; off by default."),
)
STEPPED = {"text_size": TEXT_SIZE_ORDER, "turn_timer": TIMER_CHOICES}


class StepRow(Button):
    """A setting with a list of values: "−" at the left end, "+" at the right end."""

    def ends(self, ctx) -> tuple[pygame.Rect, pygame.Rect]:
        side = min(self.rect.height, ctx.text.px(56))
        minus = pygame.Rect(self.rect.x, self.rect.y, side, self.rect.height)
        plus = pygame.Rect(self.rect.right - side, self.rect.y, side, self.rect.height)
        return minus, plus

    def draw(self, surface, ctx, focused: bool, hovered: bool = False) -> None:
        super().draw(surface, ctx, focused, hovered)
        text, palette = ctx.text, ctx.palette
        for rect, sign in zip(self.ends(ctx), ("\u2212", "+")):
            pygame.draw.line(surface, palette.line, (rect.right if sign != "+" else rect.x, rect.y + 4),
                             (rect.right if sign != "+" else rect.x, rect.bottom - 4), 1)
            label = text.render(sign, "heading", palette.accent)
            surface.blit(label, label.get_rect(center=rect.center))


class SettingsScene(Scene):
    name = "settings"

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.rows = [(StepRow if field in STEPPED else Button)(
                         "", lambda f=field: self.change(f, +1), hint=about)
                     for field, _label, about in OPTIONS]
        self.back = Button("Back", lambda: self.ctx.pop(), primary=True)
        self.focus = FocusRing(self.rows + [self.back])
        self._relabel()

    def _value(self, field: str) -> str:
        value = getattr(self.ctx.settings, field)
        if field == "text_size":
            return value.replace("-", " ").capitalize()
        if field == "turn_timer":
            return f"{value} s" if value else "Off"
        return "On" if value else "Off"

    def _relabel(self) -> None:
        for button, (field, label, _about) in zip(self.rows, OPTIONS):
            button.label = f"{label}: {self._value(field)}"

    def change(self, field: str, step: int) -> None:
        if field in STEPPED:
            order = STEPPED[field]
            now = getattr(self.ctx.settings, field)
            index = order.index(now) if now in order else 0
            self.ctx.change_settings(**{field: order[(index + step) % len(order)]})
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
        width = min(body.width, text.px(640))
        cols = 1
        if count * (row_h + gap) > body.height and body.width >= 2 * text.px(420) + gap:
            cols, width = 2, min((body.width - gap) // 2, text.px(640))
        per_col = -(-count // cols)
        if per_col * (row_h + gap) > body.height:
            row_h = max(text.line_height("button"), body.height // per_col - gap)
        # Rows too low for the explanation keep the label alone (never overlapping text).
        room = row_h >= text.line_height("button") + text.line_height("small") + text.px(6)
        for button, (_field, _label, about) in zip(self.rows, OPTIONS):
            button.hint = about if room else ""
        for index, button in enumerate(self.rows + [self.back]):
            col, row = divmod(index, per_col)
            button.rect = pygame.Rect(body.x + col * (width + gap), body.y + row * (row_h + gap),
                                      width, row_h)
        self.back.rect.width = min(width, text.px(240))

    BINDINGS = (Binding((keys.UP, keys.DOWN), "move", "Tab or arrows: move"),
                Binding((keys.LEFT, keys.RIGHT), "change", "Enter or Left/Right: change"),
                Binding((keys.POINTER_UP, keys.DROP), "step", "\u2212 / + with the mouse"),
                Binding((ANY,), "widgets"),
                Binding((keys.BACK,), "back", "Esc: back"))

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

    def action_step(self, action) -> bool:
        """A click on a list row: its "\u2212" end steps down, the rest steps up (m11)."""
        for button, (field, *_rest) in zip(self.rows, OPTIONS):
            if isinstance(button, StepRow) and button.rect.collidepoint(action.pos):
                minus, _plus = button.ends(self.ctx)
                self.focus.focus(button)
                self.change(field, -1 if minus.collidepoint(action.pos) else +1)
                return True
        return False

    def action_widgets(self, action) -> None:
        self.focus.handle(action)

    def draw(self, surface) -> None:
        ctx = self.ctx
        draw_header(surface, ctx, self.fr, "Settings", "kept between games")
        self.focus.draw(surface, ctx)
        draw_footer(surface, ctx, self.fr, footer(self))
