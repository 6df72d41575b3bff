"""Small modal scenes drawn over the scene beneath: a confirmation that returns its answer,
and an overlay of lines (help) that any key closes.

Both return through the stack: `ctx.pop(result)` hands `result` to the scene beneath's
`resume(result)` (True or False for a confirmation, None for an overlay). The opener may
give `panel(surface, ctx, title, lines, width_share)` to draw in its own style (the
classroom's projector panel); lines are (text, style) pairs.
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence

import pygame

from game.ui.core import input as keys
from game.ui.core.bindings import Binding
from game.ui.core.scene import Scene
from game.ui.widgets.shapes import draw_panel, shade


def dialog_rect(ctx, size, title: str, lines, width_share: float = 0.6) -> pygame.Rect:
    """Where draw_dialog puts its panel in a window of `size`."""
    return _dialog(ctx, size, title, lines, width_share)[0]


def _dialog(ctx, size, title, lines, width_share):
    text, palette = ctx.text, ctx.palette
    w, h = size
    pad = text.px(24)
    width = int(w * width_share)
    inner = width - 2 * pad
    blocks = [text.block(title, "subheading", palette.accent, inner)]
    blocks += [text.block(line, style, palette.ink, inner) for line, style in lines]
    height = min(h, sum(b.get_height() for b in blocks) + 2 * pad + text.px(8) * len(blocks))
    return pygame.Rect((w - width) // 2, (h - height) // 2, width, height), blocks, pad


def draw_dialog(surface, ctx, title: str, lines, width_share: float = 0.6) -> pygame.Rect:
    """A plain centred panel: a title and lines (text, style); the scene beneath dimmed."""
    text, palette = ctx.text, ctx.palette
    shade(surface, palette)
    panel, blocks, pad = _dialog(ctx, surface.get_size(), title, lines, width_share)
    draw_panel(surface, panel, palette, radius=text.px(12))
    y = panel.y + pad
    for block in blocks:
        surface.blit(block, (panel.x + pad, y))
        y += block.get_height() + text.px(8)
    return panel


class _Modal(Scene):
    opaque = False

    def __init__(self, ctx, title: str = "", lines: Sequence = (),
                 panel: Optional[Callable] = None, width_share: float = 0.6) -> None:
        super().__init__(ctx)
        self.title = title
        self.lines = tuple(lines)
        self.panel = panel or draw_dialog
        self.width_share = width_share

    def draw(self, surface) -> None:
        self.panel(surface, self.ctx, self.title, self.lines, self.width_share)


class ConfirmScene(_Modal):
    """Yes (Enter or Y) or no (Esc or N): pops with True or False. Two buttons under the
    panel answer with the mouse too (`yes` and `no` name them). With `enter_says_no` Enter
    keeps things as they are (ending a classroom session is never the default, m13).
    `panel_rect(ctx, size, title, lines, width_share)` says where `panel` draws."""
    name = "confirm"
    BINDINGS = (Binding((keys.CONFIRM, "y"), "yes", "Enter or Y: yes"),
                Binding((keys.BACK, "n"), "no", "Esc or N: no"),
                Binding((keys.POINTER_UP, keys.DROP), "click"))

    def __init__(self, ctx, title: str = "", lines: Sequence = (),
                 panel: Optional[Callable] = None, width_share: float = 0.6,
                 yes: str = "Yes", no: str = "No", enter_says_no: bool = False,
                 panel_rect: Optional[Callable] = None) -> None:
        super().__init__(ctx, title, lines, panel, width_share)
        from game.ui.widgets.button import Button
        self.enter_says_no = enter_says_no
        self.panel_rect = panel_rect or dialog_rect
        self.yes = Button(yes, lambda: self.ctx.pop(True), primary=not enter_says_no,
                          key="Y" if enter_says_no else "Enter")
        self.no = Button(no, lambda: self.ctx.pop(False), primary=enter_says_no,
                         key="Enter" if enter_says_no else "Esc")
        if enter_says_no:
            self.BINDINGS = (Binding(("y",), "yes", "Y: yes"),
                             Binding((keys.BACK, keys.CONFIRM, "n"), "no", "Enter, Esc or N: no"),
                             Binding((keys.POINTER_UP, keys.DROP), "click"))

    def layout(self, size) -> None:
        text = self.ctx.text
        panel = self.panel_rect(self.ctx, size, self.title, self.lines, self.width_share)
        bh = text.line_height("button") + text.px(18)
        gap = text.px(12)
        w = min((panel.width - 3 * gap) // 2, text.px(300))
        y = min(panel.bottom + gap, size[1] - bh - gap)
        self.no.rect = pygame.Rect(panel.right - w, y, w, bh)
        self.yes.rect = pygame.Rect(panel.right - 2 * w - gap, y, w, bh)

    def action_click(self, action):
        for button in (self.yes, self.no):
            if button.rect.collidepoint(action.pos):
                button.press()
                return True
        return False

    def draw(self, surface) -> None:
        self.panel(surface, self.ctx, self.title, self.lines, self.width_share)
        self.yes.draw(surface, self.ctx, focused=not self.enter_says_no)
        self.no.draw(surface, self.ctx, focused=self.enter_says_no)

    def action_yes(self, action) -> None:
        self.ctx.pop(True)

    def action_no(self, action) -> None:
        self.ctx.pop(False)


class OverlayScene(_Modal):
    """Lines to read (help): Esc, Enter, a click or the key that opened it closes it."""
    name = "overlay"

    def __init__(self, ctx, title: str = "", lines: Sequence = (),
                 panel: Optional[Callable] = None, width_share: float = 0.6,
                 close_key: str = "") -> None:
        super().__init__(ctx, title, lines, panel, width_share)
        triggers = (keys.BACK, keys.CONFIRM, keys.POINTER_UP) + ((close_key,) if close_key else ())
        self.BINDINGS = (Binding(triggers, "close", "Esc: close"),)

    def action_close(self, action) -> None:
        self.ctx.pop(None)
