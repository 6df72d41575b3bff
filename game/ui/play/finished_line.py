"""The finished chronology line, shown whole before the results (review M4): every card
in date order, wrapped into rows that fit the window, each with its date; the cards the
player first put in the wrong place are marked."""

from __future__ import annotations

import pygame

from game.ui.core import input as keys
from game.ui.core.bindings import Binding, footer
from game.ui.core.registry import make_scene
from game.ui.core.scene import Scene
from game.ui.widgets.button import Button
from game.ui.widgets.event_card import card_height, draw_event_card, title_style
from game.ui.widgets.frame import draw_footer, draw_header, frame


class FinishedLineScene(Scene):
    name = "finished-line"

    def __init__(self, ctx, match, line=()) -> None:
        super().__init__(ctx)
        self.match = match
        self.line = tuple(line)
        self.missed = {i for r in match.game.records if r.kind == "chronology" and not r.correct
                       for i in r.wrong_ids}
        self.button = Button("See the results", self.results, primary=True, key="Enter")

    def results(self) -> None:
        self.ctx.replace(make_scene("results", self.ctx, match=self.match))

    def layout(self, size) -> None:
        text = self.ctx.text
        self.fr = frame(size, text)
        body = self.fr.body
        bh = text.line_height("button") + text.px(20)
        bw = min(body.width, text.px(300))
        self.button.rect = pygame.Rect(body.right - bw, body.bottom - bh, bw, bh)
        area = pygame.Rect(body.x, body.y + text.line_height("subheading") + text.px(10),
                           body.width, body.height - bh - text.line_height("subheading") - text.px(24))
        self.rects = self._fit(area)

    def _fit(self, area) -> list:
        """The widest cards for which every row fits the area (more rows as needed)."""
        text, n = self.ctx.text, max(1, len(self.line))
        gap = text.px(10)
        for per_row in range(min(n, 6), n + 1):
            w = (area.width - gap * (per_row - 1)) // per_row
            rows = -(-n // per_row)
            style = title_style(self.ctx, self.line, w)
            h = max((card_height(self.ctx, e, w, True, "first placed wrong" if e.id in self.missed else "",
                                 style=style) for e in self.line), default=0)
            if rows * h + (rows - 1) * gap <= area.height or w < text.px(70):
                break
        self.style = style
        rects = []
        for i in range(len(self.line)):
            r, c = divmod(i, per_row)
            rects.append(pygame.Rect(area.x + c * (w + gap), area.y + r * (h + gap), w,
                                     min(h, max(1, area.bottom - (area.y + r * (h + gap))))))
        return rects

    BINDINGS = (Binding((keys.CONFIRM, keys.BACK), "results", "Enter: see the results"),
                Binding((keys.POINTER_UP,), "click"))

    def action_results(self, action) -> None:
        self.results()

    def action_click(self, action) -> None:
        if self.button.rect.collidepoint(action.pos):
            self.results()

    def draw(self, surface) -> None:
        ctx, text, palette = self.ctx, self.ctx.text, self.ctx.palette
        draw_header(surface, ctx, self.fr, "Your timeline", f"Score {self.match.score}")
        body = self.fr.body
        right = len(self.line) - len(self.missed)
        lead = f"{len(self.line)} events in order \u2014 {right} placed right first time."
        surface.blit(text.render(text.fit(lead, "subheading", body.width), "subheading", palette.accent),
                     body.topleft)
        for rect, event in zip(self.rects, self.line):
            wrong = event.id in self.missed
            draw_event_card(surface, ctx, rect, event, show_date=True,
                            state="wrong" if wrong else "right",
                            note="first placed wrong" if wrong else "", style=self.style)
        self.button.draw(surface, ctx, focused=True)
        draw_footer(surface, ctx, self.fr, footer(self))
