"""A plain message with one button: a screen that is not in this build, a problem."""

from __future__ import annotations

import pygame

from game.ui.core import input as keys
from game.ui.core.bindings import ANY, Binding, footer
from game.ui.core.scene import Scene
from game.ui.widgets.button import Button
from game.ui.widgets.focus import FocusRing
from game.ui.widgets.frame import draw_footer, draw_header, frame
from game.ui.widgets.shapes import draw_panel


class NoticeScene(Scene):
    name = "notice"

    def __init__(self, ctx, title: str = "Notice", message: str = "") -> None:
        super().__init__(ctx)
        self.title = title
        self.message = message
        self.back = Button("Back", lambda: self.ctx.pop(), primary=True)
        self.focus = FocusRing([self.back])

    def layout(self, size) -> None:
        self.fr = frame(size, self.ctx.text)
        body = self.fr.body
        text = self.ctx.text
        self.panel = pygame.Rect(body.x, body.y, body.width, body.height * 2 // 3)
        bw = min(body.width, text.px(240))
        self.back.rect = pygame.Rect(body.x, self.panel.bottom + self.fr.gap, bw, text.px(52))

    BINDINGS = (Binding((keys.BACK,), "back", "Enter or Esc: back"),
                Binding((ANY,), "widgets"))

    def action_back(self, action) -> None:
        self.ctx.pop()

    def action_widgets(self, action) -> None:
        self.focus.handle(action)

    def draw(self, surface) -> None:
        ctx = self.ctx
        draw_header(surface, ctx, self.fr, self.title)
        draw_panel(surface, self.panel, ctx.palette)
        pad = self.fr.gap
        image = ctx.text.block(self.message, "body", ctx.palette.ink, self.panel.width - 2 * pad)
        surface.blit(image, (self.panel.x + pad, self.panel.y + pad),
                     pygame.Rect(0, 0, image.get_width(), max(0, self.panel.height - 2 * pad)))
        self.focus.draw(surface, ctx)
        draw_footer(surface, ctx, self.fr, footer(self))
