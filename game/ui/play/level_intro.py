"""A campaign level's intro: its title, the intro text from the pack, how many steps it
has and the stars earned so far, then Start. Shown before every level (review: the intro
text existed but only showed in the level list)."""

from __future__ import annotations

import pygame

from game.rules import game as rules
from game.ui.core import input as keys
from game.ui.core.bindings import ANY, Binding, footer
from game.ui.core.scene import Scene
from game.ui.play import flow
from game.ui.play.match import level_stars
from game.ui.widgets.button import Button
from game.ui.widgets.focus import FocusRing
from game.ui.widgets.frame import draw_footer, draw_header, frame
from game.ui.widgets.shapes import draw_stars


class LevelIntroScene(Scene):
    name = "level-intro"

    def __init__(self, ctx, pack, level) -> None:
        super().__init__(ctx)
        self.pack = pack
        self.level = level
        self.stars = level_stars(ctx, pack.id).get(level.id, 0)
        self.steps = len(rules.level_steps(level))
        self.start = Button("Start the level", self.begin, primary=True, key="Enter")
        self.back = Button("Back", lambda: self.ctx.pop(), key="Esc")
        self.focus = FocusRing([self.start, self.back])

    def begin(self) -> None:
        self.ctx.pop()
        flow.start(self.ctx, rules.MODE_CAMPAIGN, (self.pack.id,), level=self.level,
                   pack_id=self.pack.id)

    def layout(self, size) -> None:
        text = self.ctx.text
        self.fr = frame(size, text)
        body = self.fr.body
        bh = text.line_height("button") + text.px(22)
        w = min(text.px(280), (body.width - text.px(12)) // 2)
        self.start.rect = pygame.Rect(body.x, body.bottom - bh, w, bh)
        self.back.rect = pygame.Rect(body.x + w + text.px(12), body.bottom - bh, min(w, text.px(160)), bh)
        self.text_w = min(body.width, text.px(900))

    BINDINGS = (Binding((ANY,), "widgets", "Enter: start"),
                Binding((keys.BACK,), "back", "Esc: back to the levels"))

    def action_back(self, action) -> None:
        self.ctx.pop()

    def action_widgets(self, action) -> None:
        self.focus.handle(action)

    def draw(self, surface) -> None:
        ctx, text, palette = self.ctx, self.ctx.text, self.ctx.palette
        draw_header(surface, ctx, self.fr, "Campaign", self.pack.title)
        x, y = self.fr.body.topleft
        title = text.block(self.level.title, "heading", palette.accent, self.text_w)
        surface.blit(title, (x, y))
        y += title.get_height() + text.px(8)
        r = text.px(12)
        draw_stars(surface, (x, y), r, self.stars, palette)
        note = text.render(f"{self.steps} steps   \u00b7   best so far: {self.stars} of 3 stars"
                           if self.stars else f"{self.steps} steps   \u00b7   not passed yet",
                           "small", palette.muted)
        surface.blit(note, (x + 3 * 2 * r + text.px(16), y + r - note.get_height() // 2))
        y += 2 * r + text.px(16)
        intro = text.block(self.level.intro or "", ("serif", 24), palette.ink, self.text_w)
        room = self.start.rect.y - text.px(16) - y
        surface.blit(intro, (x, y), pygame.Rect(0, 0, intro.get_width(), max(0, room)))
        self.focus.draw(surface, ctx)
        draw_footer(surface, ctx, self.fr, footer(self))
