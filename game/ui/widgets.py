"""Buttons with a visible keyboard focus, panels, and scrollable text.

Widgets keep their rectangles (set by the scene's layout) and their little state
(pressed, scroll offset); drawing reads that state and changes nothing.
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence

import pygame

from game.ui import input as keys
from game.ui.input import Action
from game.ui.theme import Palette


# --- drawing helpers ------------------------------------------------------------------
def draw_panel(surface, rect, palette: Palette, radius: int = 10, fill=None,
               border=None, shadow: bool = True) -> None:
    rect = pygame.Rect(rect)
    if rect.width <= 0 or rect.height <= 0:
        return
    if shadow:
        shade = pygame.Rect(rect).move(0, max(2, radius // 3))
        pygame.draw.rect(surface, _darker(palette.background, 22), shade, border_radius=radius)
    pygame.draw.rect(surface, fill or palette.panel, rect, border_radius=radius)
    pygame.draw.rect(surface, border or palette.line, rect, width=1, border_radius=radius)


def draw_focus(surface, rect, palette: Palette, radius: int = 10, gap: int = 4) -> None:
    """The focus ring: thick, outside the widget, in a colour used for nothing else."""
    ring = pygame.Rect(rect).inflate(gap * 2, gap * 2)
    pygame.draw.rect(surface, palette.focus, ring, width=max(3, gap - 1),
                     border_radius=radius + gap)


def shade(surface, palette: Palette) -> None:
    """Dim everything drawn so far (behind a modal panel)."""
    veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    veil.fill(palette.shade)
    surface.blit(veil, (0, 0))


def blit_clipped(surface, image, pos, clip) -> None:
    previous = surface.get_clip()
    surface.set_clip(pygame.Rect(clip).clip(previous))
    surface.blit(image, pos)
    surface.set_clip(previous)


def _darker(colour, amount):
    return tuple(max(0, c - amount) for c in colour[:3])


# --- buttons and focus ----------------------------------------------------------------
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
            fill = _darker(fill, 12)
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


class FocusRing:
    """Which of a scene's widgets has the keyboard focus; pointer and keys agree.

    Tab/Shift-Tab always move; arrows move too when `arrows` is set (menus). Hovering a
    widget focuses it, so there is one highlight, never two.
    """

    def __init__(self, items: Sequence = (), arrows: bool = True) -> None:
        self.items: list = list(items)
        self.index = 0
        self.arrows = arrows
        self._pressed: Optional[int] = None

    def set_items(self, items: Sequence, keep: bool = True) -> None:
        self.items = list(items)
        if not keep or self.index >= len(self.items):
            self.index = 0

    @property
    def focused(self):
        return self.items[self.index] if self.items else None

    def focus(self, item) -> None:
        if item in self.items:
            self.index = self.items.index(item)

    def move(self, step: int) -> None:
        if not self.items:
            return
        for _ in range(len(self.items)):
            self.index = (self.index + step) % len(self.items)
            if getattr(self.items[self.index], "enabled", True):
                return

    def at(self, pos) -> Optional[int]:
        for index, item in enumerate(self.items):
            if item.rect.collidepoint(pos):
                return index
        return None

    def handle(self, action: Action) -> bool:
        """True when the action was used (moved focus or pressed a widget)."""
        kind = action.kind
        if kind in (keys.NEXT, keys.PREV):
            self.move(1 if kind == keys.NEXT else -1)
            return True
        if self.arrows and kind in (keys.UP, keys.LEFT, keys.DOWN, keys.RIGHT):
            self.move(-1 if kind in (keys.UP, keys.LEFT) else 1)
            return True
        if kind == keys.CONFIRM and self.focused is not None:
            self.focused.press()
            return True
        if kind == keys.POINTER_MOVE:
            hit = self.at(action.pos)
            if hit is not None and getattr(self.items[hit], "enabled", True):
                self.index = hit
            return False
        if kind == keys.POINTER_DOWN:
            self._pressed = self.at(action.pos)
            return self._pressed is not None
        if kind == keys.POINTER_UP:
            pressed, self._pressed = self._pressed, None
            hit = self.at(action.pos)
            if hit is not None and hit == pressed:
                self.index = hit
                self.items[hit].press()
                return True
        return False

    def draw(self, surface, ctx) -> None:
        for index, item in enumerate(self.items):
            item.draw(surface, ctx, focused=(index == self.index))


# --- scrollable content ---------------------------------------------------------------
class ScrollView:
    """A viewport onto content taller than it; wheel, arrows and page keys scroll it."""

    def __init__(self) -> None:
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.content_height = 0
        self.offset = 0
        self.step = 40

    def set_geometry(self, rect, content_height: int, step: int = 40) -> None:
        self.rect = pygame.Rect(rect)
        self.content_height = content_height
        self.step = max(8, step)
        self.offset = max(0, min(self.offset, self.max_offset))

    @property
    def max_offset(self) -> int:
        return max(0, self.content_height - self.rect.height)

    def scroll(self, pixels: int) -> None:
        self.offset = max(0, min(self.max_offset, self.offset + pixels))

    def handle(self, action: Action, keyboard: bool = True) -> bool:
        if action.kind == keys.WHEEL and self.rect.collidepoint(action.pos):
            self.scroll(-action.dy * self.step)
            return True
        if not keyboard:
            return False
        moves = {keys.UP: -self.step, keys.DOWN: self.step,
                 keys.PAGE_UP: -self.rect.height + self.step,
                 keys.PAGE_DOWN: self.rect.height - self.step,
                 keys.HOME: -10**9, keys.END: 10**9}
        if action.kind in moves and self.max_offset > 0:
            self.scroll(moves[action.kind])
            return True
        return False

    def draw(self, surface, content: pygame.Surface, palette: Palette) -> None:
        if self.rect.width <= 0 or self.rect.height <= 0:
            return
        area = pygame.Rect(0, self.offset, self.rect.width, self.rect.height)
        area = area.clip(content.get_rect())
        if area.width > 0 and area.height > 0:
            surface.blit(content, self.rect.topleft, area)
        self.draw_bar(surface, palette)

    def draw_bar(self, surface, palette: Palette) -> None:
        if self.max_offset > 0:  # a slim scroll bar shows there is more
            bar_w = max(3, self.rect.width // 120)
            track = pygame.Rect(self.rect.right + bar_w, self.rect.y, bar_w, self.rect.height)
            pygame.draw.rect(surface, palette.line, track, border_radius=bar_w)
            knob_h = max(bar_w * 4, self.rect.height * self.rect.height // self.content_height)
            knob_y = self.rect.y + (self.rect.height - knob_h) * self.offset // self.max_offset
            pygame.draw.rect(surface, palette.ink, (track.x, knob_y, bar_w, knob_h),
                             border_radius=bar_w)


# --- small shapes (the bundled fonts have no star or heart glyphs) ---------------------
def draw_star(surface, center, radius: int, colour, filled: bool = True) -> None:
    import math
    cx, cy = center
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.45
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    pygame.draw.polygon(surface, colour, points, 0 if filled else max(1, radius // 6))


def draw_stars(surface, topleft, radius: int, earned: int, palette: Palette, total: int = 3) -> int:
    """`earned` gold stars of `total`; returns the width used."""
    x, y = topleft
    for i in range(total):
        draw_star(surface, (x + radius + i * radius * 2.4, y + radius), radius,
                  palette.gold if i < earned else palette.line, filled=i < earned)
    return int(total * radius * 2.4)


def draw_lives(surface, topleft, radius: int, lives: int, total: int, palette: Palette) -> int:
    x, y = topleft
    for i in range(total):
        center = (x + radius + i * radius * 3, y + radius)
        if i < lives:
            pygame.draw.circle(surface, palette.accent, center, radius)
        else:
            pygame.draw.circle(surface, palette.line, center, radius, max(1, radius // 4))
    return total * radius * 3


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
        if not draw_card(surface, ctx, rect, focused, palette.line):
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
        radius = draw_card(surface, ctx, rect, focused, border)
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


def draw_card(surface, ctx, rect, focused: bool, border) -> int:
    """The flat card under a toggle or an answer, with the focus ring when focused.
    Returns its corner radius, or 0 when the rect is too small to draw anything in."""
    if rect.width <= 4 or rect.height <= 4:
        return 0
    text, palette = ctx.text, ctx.palette
    radius = max(4, text.px(8))
    if focused:
        draw_focus(surface, rect, palette, radius, gap=max(3, text.px(4)))
    draw_panel(surface, rect, palette, radius, fill=palette.card, border=border, shadow=False)
    return radius
