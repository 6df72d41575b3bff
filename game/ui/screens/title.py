"""The title screen: the name and the era, and the way into every part of the game."""

from __future__ import annotations

import pygame

from game.content.timeline import ERA_END, ERA_START
from game.ui.core import input as keys
from game.ui.core.bindings import ANY, Binding
from game.ui.core.registry import make_scene
from game.ui.core.scene import Scene
from game.ui.core.theme import spacing
from game.ui.play import leave
from game.ui.play.resume import can_continue, continue_label
from game.ui.widgets.button import Button
from game.ui.widgets.focus import FocusRing

TAGLINE = ("Put the events of the Khrushchev years in order, sort a hand of them, and tell "
           "whose view a quotation gives \u2014 with the source passage for every answer.")


def _continue_game(ctx) -> None:
    from game.ui.play import flow     # the rules engine loads on first use, not for the title
    flow.continue_game(ctx)


def _only_packs(ctx) -> str:
    """`thaw play --only`: which packs this window plays, so the title does not promise
    the bundled pack ('' when every pack plays)."""
    if ctx.watch_new_packs:
        return ""
    try:
        titles = [pack.title for pack in ctx.library.packs]
    except Exception:  # noqa: BLE001 - a broken pack is reported where packs are listed
        return ""
    return "Playing only: " + "; ".join(titles) if titles else "Playing only: no pack loaded"


def _due_count(ctx) -> int:
    """Items due for spaced review; the rules load only once something was ever answered
    (a first start stays as quick as before). Until the packs have been read, the due items
    of the player's memory are counted as they are: reading every pack (seconds, with a
    large one) just to leave out the items of packs since removed would hold back a
    returning player's first frame. Once the packs are loaded (after a game, on every
    return here, or when playing only some packs), only the items in them are counted."""
    if ctx.progress is None or not ctx.progress.memory:
        return 0
    if not ctx.library_loaded and ctx.watch_new_packs:
        from game.rules.memory import due_count as memory_due_count
        return memory_due_count(ctx.progress.memory, ctx.now())
    from game.ui.play.match import due_count
    return due_count(ctx)


class TitleScene(Scene):
    name = "title"

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.only = _only_packs(ctx)
        self._build()

    def _build(self) -> None:
        """The buttons, from what there is to continue (a game left with Esc) and to review."""
        ctx = self.ctx
        self.due = _due_count(ctx)
        paused = getattr(ctx, "paused_match", None)
        self.can_continue = paused is not None or can_continue(ctx)
        if paused is not None:     # a game left with Esc: Continue resumes it (review M1)
            first = Button("Continue", self._resume, primary=True,
                           hint=f"{paused.title}: {paused.progress_label}, score {paused.score}")
        else:                      # nothing in progress: say what it really does
            first = Button("Play again", lambda: _continue_game(self.ctx), primary=True,
                           enabled=self.can_continue, hint=continue_label(ctx))
        self.buttons = [
            first,
            Button("Play", lambda: self.ctx.push(make_scene("choose", self.ctx)),
                   primary=not self.can_continue, hint="choose a mode and packs"),
            Button(f"Review ({self.due} due)" if self.due else "Review",
                   self._review, enabled=self.due > 0,
                   hint="what you are due to see again" if self.due else "nothing due now"),
            Button("Progress", lambda: self.ctx.push(make_scene("progress", self.ctx)),
                   hint="what you know, what you miss"),
            Button("Classroom", lambda: self.ctx.push(make_scene("classroom", self.ctx)),
                   hint="teams, turns and a scoreboard"),
            Button("Explore", lambda: self.ctx.push(make_scene("explore", self.ctx)),
                   hint="the timeline and its sources"),
            Button("Packs", lambda: self.ctx.push(make_scene("packs", self.ctx)),
                   hint="what is loaded; reload"),
            Button("Settings", lambda: self.ctx.push(make_scene("settings", self.ctx))),
            Button("Quit", self.ctx.quit),
        ]
        self.focus = FocusRing(self.buttons)
        if not self.can_continue:
            self.focus.index = 1

    def _review(self) -> None:
        """Spaced review: the items due now, unseen ones never (they are not due)."""
        from game.rules.game import NotEnoughContent
        from game.ui.play import flow
        from game.ui.play.match import spaced_review_match
        try:
            match = spaced_review_match(self.ctx)
        except (NotEnoughContent, ValueError) as error:
            self.ctx.push(make_scene("notice", self.ctx, title="Nothing to review",
                                     message=f"{error}."))
            return
        self.ctx.push(flow.scene_for(self.ctx, match))

    def _resume(self) -> None:
        if not leave.resume_paused(self.ctx):
            _continue_game(self.ctx)

    def resume(self, result=None) -> None:
        self._build()          # a game may have been left (Continue) or answers become due
        self.invalidate_layout()

    def layout(self, size) -> None:
        w, h = size
        text = self.ctx.text
        margin = max(8, min(spacing(text.scale, 6), w // 14))
        gap = spacing(text.scale, 1.25)
        self.axis_y = h - max(text.px(70), h // 9)
        button_h = max(text.line_height("button") + text.line_height("small") + text.px(10),
                       text.px(56))
        column_w = min(text.px(400), max(120, w // 3))
        total = len(self.buttons) * button_h + (len(self.buttons) - 1) * gap
        room = self.axis_y - text.px(20) - 2 * gap
        if total > room:  # a small window: squeeze the buttons, never overlap them
            button_h = max(text.line_height("button") + 4,
                           (room - (len(self.buttons) - 1) * gap) // len(self.buttons))
            total = len(self.buttons) * button_h + (len(self.buttons) - 1) * gap
        top = max(gap, (self.axis_y - total) // 2)
        x = w - margin - column_w
        for index, button in enumerate(self.buttons):
            button.rect = pygame.Rect(x, top + index * (button_h + gap), column_w, button_h)
            button.hint = button.hint if button_h >= text.px(50) else ""
        self.left = pygame.Rect(margin, top, max(1, x - 2 * margin), max(1, self.axis_y - top))
        self.margin = margin

    BINDINGS = (Binding((keys.PICK,), "press"),
                Binding((keys.BACK,), "point_at_quit"),
                Binding((ANY,), "widgets"))

    def action_point_at_quit(self, action) -> None:
        self.focus.index = len(self.buttons) - 1  # Esc on the title points at Quit

    def action_press(self, action) -> None:
        if action.n <= len(self.buttons):
            self.focus.index = action.n - 1
            self.buttons[action.n - 1].press()

    def action_widgets(self, action) -> None:
        self.focus.handle(action)

    def draw(self, surface) -> None:
        ctx, text, palette = self.ctx, self.ctx.text, self.ctx.palette
        w, h = surface.get_size()
        surface.fill(palette.accent, (0, 0, w, max(4, text.px(10))))
        # The name, the era, what it is.
        y = self.left.y
        name = text.render("Thaw", "display", palette.accent)
        surface.blit(name, (self.left.x, y))
        y += name.get_height()
        rule_w = min(self.left.width, text.px(220))
        pygame.draw.line(surface, palette.gold, (self.left.x, y), (self.left.x + rule_w, y),
                         max(2, text.px(3)))
        y += text.px(14)
        era = text.block("The Soviet Union under Khrushchev, 1953\u20131964", "heading",
                         palette.ink, self.left.width)
        surface.blit(era, (self.left.x, y))
        y += era.get_height() + text.px(14)
        if self.only:
            only = text.block(self.only, "body", palette.accent, self.left.width)
            surface.blit(only, (self.left.x, y))
            y += only.get_height() + text.px(14)
        if y + text.line_height("body") < self.axis_y - text.px(30):
            tag = text.block(TAGLINE, "body", palette.muted, min(self.left.width, text.px(560)))
            clip = pygame.Rect(0, 0, tag.get_width(), max(0, self.axis_y - text.px(30) - y))
            surface.blit(tag, (self.left.x, y), clip)
            y += tag.get_height() + text.px(16)
        for notice in ctx.notices[-2:]:
            if y + text.line_height("small") * 2 > self.axis_y - text.px(30):
                break
            block = text.block(notice, "small", palette.bad, min(self.left.width, text.px(560)))
            surface.blit(block, (self.left.x, y))
            y += block.get_height() + text.px(6)
        self.focus.draw(surface, ctx)
        self._draw_axis(surface)

    def _draw_axis(self, surface) -> None:
        text, palette = self.ctx.text, self.ctx.palette
        w = surface.get_width()
        x0, x1 = self.margin, w - self.margin
        y = self.axis_y
        pygame.draw.line(surface, palette.line, (x0, y), (x1, y), max(1, text.px(2)))
        years = ERA_END - ERA_START
        label_w = text.width("1953", "small")
        every = 1 if (x1 - x0) / years > label_w * 1.6 else 2
        for i in range(years + 1):
            x = x0 + (x1 - x0) * i // years
            pygame.draw.line(surface, palette.line, (x, y - text.px(6)), (x, y + text.px(6)),
                             max(1, text.px(2)))
            if i % every == 0:
                label = text.render(str(ERA_START + i), "small", palette.muted)
                surface.blit(label, (x - label.get_width() // 2, y + text.px(10)))
