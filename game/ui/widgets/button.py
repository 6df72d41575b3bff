"""Buttons: a plain or primary button, a toggle with a check box, and an answer with a
number key. Each keeps its rectangle (set by the scene's layout); drawing changes nothing."""

from __future__ import annotations

from typing import Callable

import pygame

from game.ui.widgets.shapes import darker, draw_flat_card, draw_focus, draw_panel


class Button:
    def __init__(self, label: str, on_press: Callable[[], None], *, primary: bool = False,
                 enabled: bool = True, hint: str = "", key: str = "") -> None:
        self.label = label
        self.on_press = on_press
        self.primary = primary
        self.enabled = enabled
        self.hint = hint          # a second, smaller line under the label
        self.key = key            # a shortcut shown at the left, e.g. "1"
        self.rect = pygame.Rect(0, 0, 0, 0)

    def press(self) -> None:
        if self.enabled:
            self.on_press()

    def draw(self, surface, ctx, focused: bool, hovered: bool = False) -> None:
        palette, text = ctx.palette, ctx.text
        rect = self.rect
        if rect.width <= 4 or rect.height <= 4:
            return
        radius = max(4, rect.height // 5)
        if self.primary and self.enabled:
            fill, ink, border = palette.accent, palette.accent_ink, palette.accent
        else:
            fill, ink, border = palette.card, palette.ink, palette.line
        if hovered and self.enabled:
            fill = darker(fill, 12)
        if not self.enabled:
            ink = palette.muted
        if focused:
            draw_focus(surface, rect, palette, radius, gap=max(3, text.px(4)))
        draw_panel(surface, rect, palette, radius, fill=fill, border=border, shadow=False)
        pad = text.px(14)
        x = rect.x + pad
        inner = rect.width - 2 * pad
        if self.key:
            badge = text.render(self.key, "button", ink)
            surface.blit(badge, (x, rect.centery - badge.get_height() // 2))
            x += badge.get_width() + text.px(12)
            inner -= badge.get_width() + text.px(12)
        label = text.render(text.fit(self.label, "button", inner), "button", ink)
        if self.hint:
            # The hint wraps (never cut) when the button was made tall enough for it.
            hint_colour = ink if self.primary else palette.muted
            lines = text.wrap(self.hint, "small", inner)
            room = (rect.height - label.get_height() - text.px(8)) // text.line_height("small")
            if len(lines) > max(1, room):
                lines = (text.fit(self.hint, "small", inner),)
            hint = text.block("\n".join(lines), "small", hint_colour, inner,
                              align="left" if self.key else "center")
            total = label.get_height() + hint.get_height()
            top = rect.centery - total // 2
            lx = x if self.key else rect.centerx - label.get_width() // 2
            hx = x if self.key else rect.centerx - inner // 2
            surface.blit(label, (lx, top))
            surface.blit(hint, (hx, top + label.get_height()))
        else:
            lx = x if self.key else rect.centerx - label.get_width() // 2
            surface.blit(label, (lx, rect.centery - label.get_height() // 2))

    def height_for(self, width: int, ctx) -> int:
        """The height that shows the label and the whole hint at this width."""
        text = ctx.text
        inner = width - 2 * text.px(14)
        if self.key:
            inner -= text.width(self.key, "button") + text.px(12)
        h = text.line_height("button") + text.px(16)
        if self.hint:
            h += len(text.wrap(self.hint, "small", max(1, inner))) * text.line_height("small")
        return h


class Toggle(Button):
    """A button with a check box: on or off."""

    def __init__(self, label: str, on: bool, on_change, hint: str = "") -> None:
        super().__init__(label, self._flip, hint=hint)
        self.on = on
        self.on_change = on_change

    def _flip(self) -> None:
        self.on = not self.on
        self.on_change(self.on)

    def draw(self, surface, ctx, focused: bool, hovered: bool = False) -> None:
        palette, text = ctx.palette, ctx.text
        rect = self.rect
        if not draw_flat_card(surface, ctx, rect, focused, palette.line):
            return
        box = text.px(22)
        bx = rect.x + text.px(14)
        by = rect.centery - box // 2
        pygame.draw.rect(surface, palette.ink, (bx, by, box, box), width=max(2, text.px(2)),
                         border_radius=text.px(3))
        if self.on:
            pygame.draw.lines(surface, palette.accent, False,
                              [(bx + box * 0.2, by + box * 0.5), (bx + box * 0.42, by + box * 0.75),
                               (bx + box * 0.82, by + box * 0.25)], max(2, text.px(4)))
        x = bx + box + text.px(12)
        inner = max(1, rect.right - x - text.px(10))
        label = text.render(text.fit(self.label, "button", inner), "button", palette.ink)
        if self.hint:
            hint = text.render(text.fit(self.hint, "small", inner), "small", palette.muted)
            top = rect.centery - (label.get_height() + hint.get_height()) // 2
            surface.blit(label, (x, top))
            surface.blit(hint, (x, top + label.get_height()))
        else:
            surface.blit(label, (x, rect.centery - label.get_height() // 2))


class ChoiceButton(Button):
    """An answer: a number key at the left and a label that wraps (never cut off)."""

    def __init__(self, label: str, on_press, key: str, detail: str = "") -> None:
        super().__init__(label, on_press, key=key)
        self.detail = detail
        self.mark = ""     # "right" / "wrong" after the verdict

    def height_for(self, width: int, ctx) -> int:
        text = ctx.text
        inner = self._inner(width, text)
        h = text.block_size(self.label, "button", inner)[1]
        if self.detail:
            h += text.block_size(self.detail, "small", inner)[1]
        return h + text.px(18)

    def _inner(self, width: int, text) -> int:
        return max(1, width - text.px(28) - text.width("8", "button") - text.px(14))

    def draw(self, surface, ctx, focused: bool, hovered: bool = False) -> None:
        palette, text = ctx.palette, ctx.text
        rect = self.rect
        border = {"right": palette.good, "wrong": palette.bad}.get(self.mark, palette.line)
        radius = draw_flat_card(surface, ctx, rect, focused, border)
        if not radius:
            return
        if self.mark:
            pygame.draw.rect(surface, border, rect, width=max(2, text.px(3)), border_radius=radius)
        pad = text.px(14)
        badge_w = text.width("8", "button") + text.px(14)
        badge = pygame.Rect(rect.x + pad // 2, rect.y + text.px(8), badge_w, text.line_height("button"))
        pygame.draw.rect(surface, palette.accent, badge, border_radius=text.px(4))
        key = text.render(self.key, "button", palette.accent_ink)
        surface.blit(key, (badge.centerx - key.get_width() // 2, badge.centery - key.get_height() // 2))
        x = badge.right + pad // 2 + text.px(4)
        inner = self._inner(rect.width, text)
        label = text.block(self.label, "button", palette.ink, inner)
        surface.blit(label, (x, rect.y + text.px(9)))
        if self.detail:
            detail = text.block(self.detail, "small", palette.muted, inner)
            surface.blit(detail, (x, rect.y + text.px(9) + label.get_height()))
