"""Choose what to play: a mode, and the packs to play it with; the campaign's levels."""

from __future__ import annotations

import pygame

from game.rules import campaign, game as rules, modes
from game.rules.filters import PERIODS
from game.ui.core import input as keys
from game.ui.core.bindings import ANY, Binding, footer
from game.ui.core.registry import make_scene
from game.ui.core.scene import Scene
from game.ui.play import flow
from game.ui.play.match import campaign_packs, default_pack_ids, level_stars
from game.ui.widgets.button import Button, Toggle
from game.ui.widgets.focus import FocusRing
from game.ui.widgets.frame import draw_footer, draw_header, frame
from game.ui.widgets.shapes import draw_stars

KINDS = (("whose-view", "whose view"), ("choice", "multiple choice"))
MODES = tuple(modes.MODES)      # in the table's order: the number keys 1-5


def _counts(pack) -> str:
    return (f"{len(pack.events)} events, {len(pack.questions)} questions"
            + (f", {len(pack.levels)} levels" if pack.levels else ""))


class ChooseScene(Scene):
    name = "choose"

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.selected = set(default_pack_ids(ctx))
        self.mode_buttons = [Button(modes.TITLES[m], lambda m=m: self.pick(m),
                                    hint=modes.ABOUT[m], key=str(i + 1))
                             for i, m in enumerate(MODES)]
        self.pack_toggles = [Toggle(p.title, p.id in self.selected,
                                    lambda on, pid=p.id: self.toggle(pid, on), hint=_counts(p))
                             for p in ctx.library.packs]
        self.back = Button("Back", lambda: self.ctx.pop())
        # Filters: which years and which kinds of question a game deals from (all by default).
        self.period = 0                 # 0 = every period, else PERIODS[period - 1]
        self.kind = 0                   # 0 = every kind, else KINDS[kind - 1]
        self.period_button = Button("", lambda: self.cycle("period"), hint="which years")
        self.kind_button = Button("", lambda: self.cycle("kind"), hint="which questions")
        self._relabel()
        self.focus = FocusRing(self.mode_buttons + self.pack_toggles +
                               [self.period_button, self.kind_button, self.back])
        last = ctx.settings.last_mode if ctx.settings else None
        if last in MODES:
            self.focus.index = MODES.index(last)
        self.message = ""

    def cycle(self, which: str) -> None:
        if which == "period":
            self.period = (self.period + 1) % (len(PERIODS) + 1)
        else:
            self.kind = (self.kind + 1) % (len(KINDS) + 1)
        self._relabel()

    def _relabel(self) -> None:
        self.period_button.label = "Years: " + (PERIODS[self.period - 1].label if self.period
                                                else "the whole era")
        self.kind_button.label = "Questions: " + (KINDS[self.kind - 1][1] if self.kind
                                                  else "every kind")

    def filters(self) -> tuple:
        periods = (PERIODS[self.period - 1],) if self.period else ()
        kinds = (KINDS[self.kind - 1][0],) if self.kind else ()
        return periods, kinds

    def toggle(self, pack_id: str, on: bool) -> None:
        (self.selected.add if on else self.selected.discard)(pack_id)
        self.message = "" if self.selected else "Choose at least one pack."

    def pack_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.ctx.library.packs if p.id in self.selected)

    def pick(self, mode: str) -> None:
        if not self.selected:
            self.message = "Choose at least one pack first."
            return
        if mode == rules.MODE_CAMPAIGN:
            self.ctx.push(make_scene("campaign", self.ctx, pack_ids=self.pack_ids()))
            return
        flow.start(self.ctx, mode, self.pack_ids(), filters=self.filters())

    def layout(self, size) -> None:
        text = self.ctx.text
        self.fr = frame(size, text)
        body = self.fr.body
        gap = text.px(12)
        col_gap = text.px(32)
        wide = body.width > text.px(900)
        left_w = (body.width - col_gap) * 11 // 20 if wide else body.width
        row_h = max(text.px(64), max(b.height_for(left_w, self.ctx) for b in self.mode_buttons))
        rows = len(self.mode_buttons) + 1
        avail = body.height if wide else body.height * 2 // 3
        if rows * (row_h + gap) > avail:
            row_h = max(text.line_height("button") + 4, avail // rows - gap)
        self.modes_label_y = body.y
        y = body.y + text.line_height("subheading") + text.px(6)
        for button in self.mode_buttons:
            button.rect = pygame.Rect(body.x, y, left_w, row_h)
            y += row_h + gap
        self.back.rect = pygame.Rect(body.x, y, min(left_w, text.px(200)), row_h)
        if wide:
            px, py, pw = body.x + left_w + col_gap, body.y, body.width - left_w - col_gap
        else:
            px, py, pw = body.x, y + row_h + gap, body.width
        self.packs_label = (px, py)
        y = py + text.line_height("subheading") + text.px(6)
        for toggle in self.pack_toggles:
            toggle.rect = pygame.Rect(px, y, pw, row_h)
            y += row_h + gap
        self.filters_label = (px, y)
        y += text.line_height("subheading") + text.px(6)
        half = (pw - gap) // 2
        self.period_button.rect = pygame.Rect(px, y, half, row_h)
        self.kind_button.rect = pygame.Rect(px + half + gap, y, half, row_h)
        y += row_h + gap
        self.message_pos = (px, y)
        self.message_w = pw

    BINDINGS = (Binding((keys.PICK,), "pick_mode", "1-5 or Enter: start a mode"),
                Binding((ANY,), "widgets", "Tab/arrows: move   Enter: tick a pack"),
                Binding((keys.BACK,), "back", "Esc: back"))

    def action_back(self, action) -> None:
        self.ctx.pop()

    def action_pick_mode(self, action) -> None:
        if action.n <= len(MODES):
            self.focus.index = action.n - 1
            self.pick(MODES[action.n - 1])

    def action_widgets(self, action) -> None:
        self.focus.handle(action)

    def draw(self, surface) -> None:
        ctx, text, palette = self.ctx, self.ctx.text, self.ctx.palette
        draw_header(surface, ctx, self.fr, "Play", "choose a mode")
        surface.blit(text.render("Mode", "subheading", palette.muted),
                     (self.fr.body.x, self.modes_label_y))
        surface.blit(text.render("Packs", "subheading", palette.muted), self.packs_label)
        surface.blit(text.render("Filters (not the campaign)", "subheading", palette.muted),
                     self.filters_label)
        self.focus.draw(surface, ctx)
        if self.message:
            surface.blit(text.block(self.message, "body", palette.bad, self.message_w),
                         self.message_pos)
        draw_footer(surface, ctx, self.fr, footer(self))


class CampaignScene(Scene):
    """The levels of the packs in play, with the stars earned; locked levels are greyed."""

    name = "campaign"

    def __init__(self, ctx, pack_ids) -> None:
        super().__init__(ctx)
        self.pack_ids = tuple(pack_ids)
        self.back = Button("Back", lambda: self.ctx.pop())
        self.rows: list[tuple] = []
        self.focus = FocusRing([])
        self._build()

    def _build(self) -> None:
        self.rows = []   # (button, pack, level, stars)
        wanted = set(self.pack_ids)
        for pack in campaign_packs(self.ctx):
            if pack.id not in wanted:
                continue
            stars = level_stars(self.ctx, pack.id)
            open_ids = campaign.unlocked(pack, stars)
            for level in pack.levels:
                button = Button(level.title, lambda p=pack, lv=level: self.play(p, lv),
                                hint=level.intro if level.id in open_ids
                                else "Pass the level before to open this one.",
                                enabled=level.id in open_ids)
                self.rows.append((button, pack, level, stars.get(level.id, 0)))
        self.focus.set_items([r[0] for r in self.rows] + [self.back])
        next_open = next((i for i, r in enumerate(self.rows) if r[0].enabled and r[3] == 0), 0)
        self.focus.index = next_open

    def resume(self, result=None) -> None:
        self._build()
        self.invalidate_layout()

    def play(self, pack, level) -> None:
        self.ctx.push(make_scene("level-intro", self.ctx, pack=pack, level=level))

    def layout(self, size) -> None:
        text = self.ctx.text
        self.fr = frame(size, text)
        body = self.fr.body
        gap = text.px(10)
        count = len(self.rows) + 1
        self.star_r = max(4, text.px(12))
        stars_w = int(3 * self.star_r * 2.4) + text.px(20)
        width = max(1, body.width - stars_w)
        heights = [max(text.px(60), b.height_for(width, self.ctx)) for b, *_ in self.rows]
        total = sum(heights) + count * gap + text.px(60)
        if total > body.height:   # a small window: squeeze (long intros fall back to one line)
            short = max(text.line_height("button") + 4, body.height // count - gap)
            heights = [min(h, short) for h in heights]
        y = body.y
        for (button, *_), h in zip(self.rows, heights):
            button.rect = pygame.Rect(body.x + stars_w, y, width, h)
            y += h + gap
        row_h = max(text.px(52), text.line_height("button") + text.px(16))
        self.back.rect = pygame.Rect(body.x + stars_w, y, min(body.width, text.px(200)), row_h)

    BINDINGS = (Binding((keys.PICK,), "pick_level"),
                Binding((ANY,), "widgets", "Enter: play the level   Tab/arrows: move"),
                Binding((keys.BACK,), "back", "Esc: back"))

    def action_back(self, action) -> None:
        self.ctx.pop()

    def action_pick_level(self, action) -> None:
        if action.n <= len(self.rows):
            button = self.rows[action.n - 1][0]
            if button.enabled:
                self.focus.index = action.n - 1
                button.press()

    def action_widgets(self, action) -> None:
        self.focus.handle(action)

    def draw(self, surface) -> None:
        ctx, text, palette = self.ctx, self.ctx.text, self.ctx.palette
        draw_header(surface, ctx, self.fr, "Campaign", "pass a level to open the next")
        for button, pack, level, stars in self.rows:
            draw_stars(surface, (self.fr.body.x, button.rect.centery - self.star_r),
                       self.star_r, stars, palette)
        if not self.rows:
            surface.blit(text.block("None of the packs chosen has levels.", "body", palette.ink,
                                    self.fr.body.width), self.fr.body.topleft)
        self.focus.draw(surface, ctx)
        draw_footer(surface, ctx, self.fr, footer(self))
