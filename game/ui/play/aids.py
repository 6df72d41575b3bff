"""What a play screen offers beside the prompt: a hint (50/50 on a question, a card's
year on a timeline) with its cost shown, and a per-turn countdown when the Settings turn
it on (off by default). One object per prompt screen; the scene lays it out in the footer
row, passes actions to it first, and asks it each frame whether time is up.

Keys: H takes the hint. The button does the same with the mouse.
"""

from __future__ import annotations

import math

import pygame

from game.rules.hints import hint_options
from game.ui.core import input as keys
from game.ui.widgets.button import Button

SHORT = {"fifty": "50/50", "year": "Year", "place": "Place one"}


class Aids:
    def __init__(self, ctx, match, on_hint=None) -> None:
        self.ctx = ctx
        self.match = match
        self.on_hint = on_hint          # called after a hint was used (the scene redraws)
        self.done = False               # the prompt has been answered: no hint, no clock
        self.button = Button("", self.use, key="H")
        self.option = None
        self._refresh()
        self.clock = pygame.Rect(0, 0, 0, 0)

    # --- state ---------------------------------------------------------------------------
    def _refresh(self) -> None:
        options = hint_options(self.match.game)
        self.option = options[0] if options else None
        if self.option is None:
            self.button.label, self.button.enabled = "", False
            return
        cost = f" (\u2212{self.option.cost})" if self.option.cost else ""
        used = self.match.prompt is not None and bool(self.match.prompt.hint)
        self.button.label = ("Hint used" if used else f"Hint: {SHORT.get(self.option.kind, self.option.kind)}{cost}")
        self.button.enabled = self.option.available and not self.done

    @property
    def limit(self):
        return self.match.game.session.rules.time_limit

    @property
    def remaining(self):
        if self.limit is None:
            return None
        return max(0.0, self.limit - self.match.seconds)

    def time_up(self) -> bool:
        return not self.done and self.limit is not None and self.match.seconds >= self.limit

    def timed_out_seconds(self) -> float:
        return float(self.limit) + 0.05

    def use(self) -> None:
        if self.done or self.option is None or not self.option.available:
            return
        if self.match.hint(self.option.kind):
            self._refresh()
            if self.on_hint:
                self.on_hint()

    def finish(self) -> None:
        self.done = True
        self._refresh()

    # --- input, layout, drawing ----------------------------------------------------------
    def handle(self, action) -> bool:
        if self.done:
            return False
        if action.kind == keys.KEY and action.name == "h":
            self.use()
            return True
        if action.kind == keys.POINTER_UP and self.button.label and self.button.rect.collidepoint(action.pos):
            self.use()
            return True
        return action.kind == keys.POINTER_DOWN and bool(self.button.label) and \
            self.button.rect.collidepoint(action.pos)

    def layout(self, footer: pygame.Rect) -> int:
        """Place the hint button and the clock at the right of the footer row; the width
        they take (the footer's hints get the rest)."""
        text = self.ctx.text
        h = footer.height
        x = footer.right
        if self.limit is not None:
            w = text.width("0:00", "subheading") + text.px(20)
            self.clock = pygame.Rect(x - w, footer.centery - h // 2, w, h)
            x -= w + text.px(10)
        if self.button.label:
            w = text.width(f"H   {self.button.label}", "small") + text.px(24)
            self.button.rect = pygame.Rect(x - w, footer.centery - h // 2, w, h)
            x -= w + text.px(10)
        return footer.right - x

    def draw(self, surface) -> None:
        text, palette = self.ctx.text, self.ctx.palette
        if self.button.label:
            rect, on = self.button.rect, self.button.enabled
            pygame.draw.rect(surface, palette.card, rect, border_radius=text.px(6))
            pygame.draw.rect(surface, palette.accent if on else palette.line, rect,
                             max(1, text.px(2)), border_radius=text.px(6))
            label = text.render(f"H   {self.button.label}", "small", palette.ink if on else palette.muted)
            surface.blit(label, label.get_rect(center=rect.center))
        remaining = self.remaining
        if remaining is not None:
            urgent = remaining <= 5 and not self.done
            shown = int(math.ceil(remaining - 1e-9))
            pygame.draw.rect(surface, palette.bad if urgent else palette.card, self.clock,
                             border_radius=text.px(6))
            pygame.draw.rect(surface, palette.line, self.clock, 1, border_radius=text.px(6))
            label = text.render(f"{shown // 60}:{shown % 60:02d}", "subheading",
                                palette.accent_ink if urgent else palette.ink)
            surface.blit(label, label.get_rect(center=self.clock.center))
