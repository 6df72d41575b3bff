"""Progress: what the player knows, by period and by whose view, as bar charts; the items
missed most often, and a button that reviews exactly those (spaced review keys)."""

from __future__ import annotations

import pygame

from game.rules.game import NotEnoughContent
from game.rules.mastery import mastery_by_period, mastery_by_perspective, most_missed, review_these
from game.ui.core import input as keys
from game.ui.core.bindings import ANY, Binding, footer
from game.ui.core.registry import make_scene
from game.ui.core.scene import Scene
from game.ui.play import flow
from game.ui.play.match import content_for, spaced_review_match
from game.ui.widgets.bars import bars_height, draw_share_bars
from game.ui.widgets.button import Button
from game.ui.widgets.focus import FocusRing
from game.ui.widgets.frame import draw_footer, draw_header, frame
from game.ui.widgets.shapes import draw_panel

MISSED_SHOWN = 8


def _rows(groups) -> list:
    return [(g.label, g.share, f"{g.known} of {g.items} known") for g in groups]


class ProgressScene(Scene):
    name = "progress"

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        memory = ctx.progress.memory if ctx.progress is not None else {}
        content = content_for(ctx, ())
        self.periods = _rows(mastery_by_period(content, memory))
        self.views = _rows(mastery_by_perspective(content, memory))
        self.missed = most_missed(content, memory, limit=MISSED_SHOWN)
        self.seen = len(memory)
        self.review = Button("Review these", self.review_missed, primary=True,
                             enabled=bool(self.missed), key="R",
                             hint=f"{len(self.missed)} you missed" if self.missed else "nothing missed yet")
        self.back = Button("Back", lambda: self.ctx.pop(), key="Esc")
        self.focus = FocusRing([self.review, self.back])

    def review_missed(self) -> None:
        try:
            match = spaced_review_match(self.ctx, keys=review_these(self.missed))
        except (NotEnoughContent, ValueError) as error:
            self.ctx.push(make_scene("notice", self.ctx, title="Nothing to review", message=f"{error}."))
            return
        self.ctx.push(flow.scene_for(self.ctx, match))

    def layout(self, size) -> None:
        text = self.ctx.text
        self.fr = frame(size, text)
        body = self.fr.body
        gap = text.px(24)
        wide = body.width > text.px(900)
        left_w = (body.width - gap) * 11 // 20 if wide else body.width
        bh = text.line_height("button") + text.line_height("small") + text.px(14)
        self.left = pygame.Rect(body.x, body.y, left_w, body.height - (0 if wide else body.height // 3))
        if wide:
            self.right = pygame.Rect(body.x + left_w + gap, body.y, body.width - left_w - gap,
                                     body.height - bh - text.px(12))
            by = body.bottom - bh
            bx = self.right.x
        else:
            self.right = pygame.Rect(body.x, self.left.bottom + text.px(8), body.width,
                                     body.bottom - self.left.bottom - bh - text.px(20))
            by, bx = body.bottom - bh, body.x
        w = min(text.px(260), (body.width - text.px(12)) // 2)
        self.review.rect = pygame.Rect(bx, by, w, bh)
        self.back.rect = pygame.Rect(bx + w + text.px(12), by, min(w, text.px(160)), bh)

    BINDINGS = (Binding(("r",), "review", "R: review what you missed most"),
                Binding((ANY,), "widgets", "Tab + Enter: choose"),
                Binding((keys.BACK,), "back", "Esc: back"))

    def action_review(self, action) -> None:
        self.review.press()

    def action_back(self, action) -> None:
        self.ctx.pop()

    def action_widgets(self, action) -> None:
        self.focus.handle(action)

    def draw(self, surface) -> None:
        ctx, text, palette = self.ctx, self.ctx.text, self.ctx.palette
        draw_header(surface, ctx, self.fr, "Progress", f"{self.seen} items seen so far")
        x, y = self.left.topleft
        head = text.line_height("subheading") + text.px(4)
        surface.blit(text.render("By period", "subheading", palette.accent), (x, y))
        y += head
        draw_share_bars(surface, ctx, pygame.Rect(x, y, self.left.width, bars_height(ctx, len(self.periods))),
                        self.periods)
        y += bars_height(ctx, len(self.periods)) + text.px(10)
        surface.blit(text.render("By whose view", "subheading", palette.accent), (x, y))
        y += head
        shown = draw_share_bars(surface, ctx, pygame.Rect(x, y, self.left.width, self.left.bottom - y),
                                self.views)
        if shown < len(self.views):
            more = text.render(f"(and {len(self.views) - shown} more)", "small", palette.muted)
            surface.blit(more, (x, min(self.left.bottom, y + bars_height(ctx, shown))))
        self._draw_missed(surface)
        self.focus.draw(surface, ctx)
        draw_footer(surface, ctx, self.fr, footer(self))

    def _draw_missed(self, surface) -> None:
        text, palette = self.ctx.text, self.ctx.palette
        x, y = self.right.topleft
        surface.blit(text.render("Missed most often", "subheading", palette.accent), (x, y))
        y += text.line_height("subheading") + text.px(6)
        if not self.missed:
            block = text.block("Nothing missed yet. Play a game and what you miss will show "
                               "here, to review.", "body", palette.muted, self.right.width)
            surface.blit(block, (x, y))
            return
        pad = text.px(8)
        for item in self.missed:
            line = f"{item.title}"
            note = f"missed {item.wrong} of {item.seen}" + ("" if item.last_right else ", still missed")
            h = text.block_size(line, ("serif", 18), self.right.width - 2 * pad)[1] + text.line_height("small") + 2 * pad
            if y + h > self.right.bottom:
                break
            card = pygame.Rect(x, y, self.right.width, h)
            draw_panel(surface, card, palette, radius=text.px(6), fill=palette.card, shadow=False)
            block = text.block(line, ("serif", 18), palette.ink, self.right.width - 2 * pad)
            surface.blit(block, (x + pad, y + pad))
            surface.blit(text.render(note, "small", palette.bad), (x + pad, y + pad + block.get_height()))
            y += h + text.px(6)
