"""The classroom's review after the last round: one missed item per page."""

from __future__ import annotations

import pygame

from game.ui.classroom.draw import BIG, BODY, LABEL, QUOTE, SMALL
from game.ui.core import input as keys
from game.ui.core.bindings import ANY, Binding, footer
from game.ui.core.scene import Scene
from game.ui.core.wording import full_stop, mid_sentence
from game.ui.widgets.button import Button
from game.ui.widgets.frame import draw_footer, draw_header, frame
from game.ui.widgets.shapes import draw_panel
from game.ui.widgets.source_view import SourceView


class ClassroomReviewScene(Scene):
    """One missed item per page: what was asked, the right answer, why, and the source."""
    name = "classroom-review"

    def __init__(self, ctx, room) -> None:
        super().__init__(ctx)
        self.room = room
        self.items = list(room.missed())
        self.index = 0
        self.source = None
        # Clickable ways on and out (review M6): a mouse-only teacher is never stuck.
        self.back = Button("Previous", self.previous, key="\u2190")
        self.next = Button("Next", self.forward, primary=True, key="\u2192")
        self.done = Button("Done: back to the title", self.ctx.home, key="Esc")
        self.buttons = [self.back, self.next, self.done] if len(self.items) > 1 else [self.done]
        self._pick()

    def previous(self) -> None:
        self.index = max(0, self.index - 1)
        self._pick()

    def forward(self) -> None:
        self.index = min(len(self.items) - 1, self.index + 1)
        self._pick()

    def _pick(self) -> None:
        item = self.current
        self.source = SourceView(self._citation(item)) if item else None
        self.invalidate_layout()

    @property
    def current(self):
        return self.items[self.index] if self.items else None

    def _citation(self, item):
        content = self.room.content
        question = content.question(item.item_id)
        if question is not None:
            return question.cite
        event = content.event(item.item_id)
        return event.cite if event is not None else None

    BINDINGS = (
        Binding((keys.BACK, keys.CONFIRM), "home", "Enter or Esc: back to the title",
                when="empty"),
        Binding((keys.CONFIRM,), "home", when="at_last"),
        Binding((keys.CONFIRM, keys.RIGHT, keys.NEXT, keys.PAGE_DOWN), "next",
                "Right/Enter: next", when="items"),
        Binding((keys.LEFT, keys.PREV, keys.PAGE_UP), "back", "Left: back", when="items"),
        Binding((keys.POINTER_UP,), "click"),
        Binding((ANY,), "source", "Up/Down: scroll the source", when="items"),
        Binding((keys.BACK,), "home", "Esc: title", when="items"),
    )

    def empty(self) -> bool:
        return not self.items

    def at_last(self) -> bool:
        return self.index >= len(self.items) - 1

    def action_home(self, action) -> None:
        self.ctx.home()

    def action_next(self, action) -> None:
        self.index = min(len(self.items) - 1, self.index + 1)
        self._pick()

    def action_back(self, action) -> None:
        self.index = max(0, self.index - 1)
        self._pick()

    def action_click(self, action) -> None:
        for button in self.buttons:     # a click elsewhere does nothing (review m13)
            if button.rect.collidepoint(action.pos):
                button.press()
                return

    def action_source(self, action) -> None:
        if self.source is not None:
            self.source.handle(action)

    def layout(self, size) -> None:
        text = self.ctx.text
        self.fr = frame(size, text)
        body = pygame.Rect(self.fr.body)
        bh = text.line_height("button") + text.px(20)
        x = body.x
        for button in self.buttons:
            w = min(text.width(button.label, "button") + text.width(button.key, "button")
                    + text.px(64), body.width // len(self.buttons))
            button.rect = pygame.Rect(x, body.bottom - bh, w, bh)
            x += w + text.px(12)
        self.next.enabled = self.index < len(self.items) - 1
        self.back.enabled = self.index > 0
        body.height -= bh + text.px(16)
        gap = text.px(24)
        left_w = (body.width - gap) * 11 // 20
        self.left = pygame.Rect(body.x, body.y, left_w, body.height)
        self.right = pygame.Rect(body.x + left_w + gap, body.y, body.width - left_w - gap,
                                 body.height)
        if self.source is not None:
            pad = text.px(14)
            self.source.layout(self.right.inflate(-2 * pad, -2 * pad), self.ctx)

    def _parts(self) -> list:
        item, content, palette = self.current, self.room.content, self.ctx.palette
        teams = self.room.teams
        who = f"Missed by {teams[item.player]}"
        question = content.question(item.item_id)
        if question is not None:
            if question.is_whose_view:
                view = content.perspective(question.answer)
                asked = (f"\u201c{question.quote}\u201d", QUOTE[3], palette.ink)
                answer = full_stop(f"It is {mid_sentence(view.name) if view else question.answer}")
            else:
                asked = (question.prompt, ("serif", 27), palette.ink)
                answer = full_stop(f"The answer: {question.answer}")
            return [asked, (answer, BIG, palette.good), (question.explain, BODY, palette.ink),
                    (who, SMALL, palette.muted)]
        event = content.event(item.item_id)
        if event is None:
            return [(item.item_id, BIG, palette.ink), (who, SMALL, palette.muted)]
        return [(event.title, BIG, palette.ink), (event.when, LABEL, palette.good),
                (event.summary, BODY, palette.ink),
                (f"{who}: it was out of place in a timeline hand.", SMALL, palette.muted)]

    def draw(self, surface) -> None:
        ctx, text, palette = self.ctx, self.ctx.text, self.ctx.palette
        fr = self.fr
        count = len(self.items)
        right = f"{self.index + 1} of {count}" if count else ""
        draw_header(surface, ctx, fr, "What the class missed", right)
        if not count:
            block = text.block("Nothing was missed \u2014 well done, everyone.", BIG,
                               palette.good, fr.body.width)
            surface.blit(block, fr.body.topleft)
            for button in self.buttons:
                button.draw(surface, ctx, focused=button is self.done)
            draw_footer(surface, ctx, fr, footer(self))
            return
        y = self.left.y
        for content, style, colour in self._parts():
            block = text.block(content, style, colour, self.left.width)
            if y + text.line_height(style) > self.left.bottom:
                break
            surface.blit(block, (self.left.x, y),
                         pygame.Rect(0, 0, block.get_width(), self.left.bottom - y))
            y += block.get_height() + text.px(14)
        draw_panel(surface, self.right, palette, radius=text.px(10), fill=palette.card)
        self.source.draw(surface, ctx, background=palette.card)
        for button in self.buttons:
            focused = button is (self.next if self.next.enabled and len(self.buttons) > 1 else self.done)
            button.draw(surface, ctx, focused=focused)
        draw_footer(surface, ctx, fr, footer(self))
