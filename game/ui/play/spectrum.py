"""Interpretation spectrum: place 3-5 voices along a labelled scale, then read why each
sits where it does.

Keys: 1-5 pick a card, Left/Right move the picked card along the scale, Enter submits.
Mouse: drag a card to its place; click Submit. After submitting, each card is marked
(out of place or not) and the pack's placements are listed with the historian's reason.
"""

from __future__ import annotations

import pygame

from game.rules.kinds import lead, prompt_text
from game.ui.core import input as keys
from game.ui.core.bindings import Binding, footer
from game.ui.play import flow
from game.ui.play.aids import Aids
from game.ui.play.base import LEAVE_BINDING, PlayScene
from game.ui.widgets.button import Button
from game.ui.widgets.frame import draw_footer, frame
from game.ui.widgets.hud import draw_hud
from game.ui.widgets.shapes import draw_focus, draw_panel

NAME = ("sans-bold", 20)
VIEW = ("serif", 16)
END = ("sans-bold", 18)
WHY = ("serif", 16)


class SpectrumScene(PlayScene):
    name = "spectrum"

    def __init__(self, ctx, match) -> None:
        super().__init__(ctx, match)
        self.order = list(self.prompt.cards)
        self.cursor = 0
        self.drag = None               # (index, grab offset, pointer pos)
        self.drop_at = None
        self.submit_button = Button("Submit placement", self.submit, primary=True)
        self.next_button = Button("Continue", lambda: flow.advance(self.ctx, self.match),
                                  primary=True)
        self.aids = Aids(ctx, match, on_hint=self._hinted)   # the Place hint and the timer

    @property
    def question(self):
        return self.prompt.question

    @property
    def button(self):
        return self.next_button if self.verdict else self.submit_button

    def submit(self) -> None:
        if self.verdict is not None:
            return
        self.verdict = self.match.move(list(self.order))
        self.aids.finish()
        self.ctx.play_sound("right" if self.verdict.correct else "wrong")
        self.invalidate_layout()

    def update(self, dt) -> None:
        if self.verdict is None:
            self.match.tick(dt)
            if self.aids.time_up():
                self.submit()            # scored as a time-out: 0 points

    @property
    def placed(self) -> tuple[str, ...]:
        """Voices the hint put in place (the prompt as it is now, not as it was dealt)."""
        prompt = self.match.prompt
        return prompt.placed if self.verdict is None and prompt is not None else ()

    def _hinted(self) -> None:
        """The Place hint: its voice moves to where it belongs and is marked."""
        for key in self.placed:
            self.order.remove(key)
            self.order.insert(self.match.prompt.true_index(key), key)
            self.cursor = self.order.index(key)
        self.invalidate_layout()

    # --- geometry ------------------------------------------------------------------------
    def layout(self, size) -> None:
        text = self.ctx.text
        self.fr = frame(size, text)
        self.reserve = self.aids.layout(self.fr.footer)
        body = self.fr.body
        n = len(self.order)
        self.gap = gap = text.px(12)
        self.lead_text = f"{lead(self.question)}: {prompt_text(self.question)}"
        self.lead_h = text.block_size(self.lead_text, "subheading", body.width)[1] + text.px(8)
        self.card_w = max(40, (body.width - gap * (n - 1)) // n)
        button_h = text.px(52)
        self.scale_y = body.y + self.lead_h + text.line_height(END) + text.px(8)
        self.row_y = self.scale_y + text.px(24)
        if self.verdict is None:
            want = max(self._card_h(k) for k in self.order)
            self.card_h = min(want, body.bottom - button_h - 2 * gap - self.row_y)
            self.why_rect = None
        else:
            inner = self.card_w - text.px(20)
            self.card_h = max(text.px(52) + text.block_size(self.prompt.name(k), NAME, inner)[1]
                              + text.px(10) for k in self.order)
            top = self.row_y + self.card_h + gap
            self.why_rect = pygame.Rect(body.x, top, body.width,
                                        max(0, body.bottom - button_h - gap - top))
        bw = min(body.width, text.px(260))
        self.button.rect = pygame.Rect(body.right - bw, body.bottom - button_h, bw, button_h)

    def _card_h(self, key: str) -> int:
        text = self.ctx.text
        inner = self.card_w - text.px(20)
        return (text.px(52) + text.block_size(self.prompt.name(key), NAME, inner)[1]
                + text.block_size(self.prompt.view(key), VIEW, inner)[1] + text.px(12))

    def slot(self, index: int) -> pygame.Rect:
        return pygame.Rect(self.fr.body.x + index * (self.card_w + self.gap), self.row_y,
                           self.card_w, self.card_h)

    def index_at(self, pos):
        return next((i for i in range(len(self.order)) if self.slot(i).collidepoint(pos)), None)

    def insertion(self, x: int) -> int:
        centre = x - self.fr.body.x + self.gap // 2
        return max(0, min(len(self.order) - 1, centre // (self.card_w + self.gap)))

    def move_card(self, src: int, dst: int) -> None:
        dst = max(0, min(len(self.order) - 1, dst))
        if dst == src:
            return
        self.order.insert(dst, self.order.pop(src))
        self.cursor = dst
        self.ctx.play_sound("place")

    # --- input: one table, from which the footer is drawn ---------------------------------
    BINDINGS = (
        Binding((keys.PICK,), "pick", "1-5: pick a card", when="placing"),
        Binding((keys.LEFT, keys.RIGHT), "step", "Left/Right: move it", when="placing"),
        Binding((keys.CONFIRM,), "submit", "Enter: submit", when="placing"),
        Binding(("h",), "hint", "H: hint", when="placing"),
        Binding((keys.POINTER_DOWN, keys.POINTER_UP), "aids", when="placing"),
        Binding((keys.POINTER_DOWN,), "grab", when="placing"),
        Binding((keys.DRAG_START, keys.DRAG), "carry", "drag with the mouse", when="placing"),
        Binding((keys.DROP, keys.POINTER_UP), "drop", when="placing"),
        Binding((keys.CONFIRM, keys.POINTER_UP), "next", "Enter: continue", when="judged"),
        LEAVE_BINDING,          # asks first, as every play screen does (review M1)
    )

    @property
    def placing(self) -> bool:
        return self.verdict is None

    def action_pick(self, action) -> None:
        if action.n <= len(self.order):
            self.cursor = action.n - 1

    def action_step(self, action) -> None:
        self.move_card(self.cursor, self.cursor + (-1 if action.kind == keys.LEFT else 1))

    def action_submit(self, action=None) -> None:
        self.submit()

    def action_next(self, action) -> None:
        if action.kind == keys.CONFIRM or self.button.rect.collidepoint(action.pos):
            self.button.press()

    def action_grab(self, action) -> None:
        hit = self.index_at(action.pos)
        if hit is not None:
            at = self.slot(hit)
            self.drag = (hit, (action.pos[0] - at.x, action.pos[1] - at.y), action.pos)
            self.cursor = hit

    def action_carry(self, action) -> None:
        if self.drag:
            index, grab, _ = self.drag
            self.drag = (index, grab, action.pos)
            self.drop_at = self.insertion(action.pos[0])

    def action_drop(self, action) -> None:
        drag, self.drag = self.drag, None
        drop, self.drop_at = self.drop_at, None
        if action.kind == keys.DROP and drag and drop is not None:
            self.move_card(drag[0], drop)
        elif action.kind == keys.POINTER_UP and self.button.rect.collidepoint(action.pos):
            self.submit()

    # --- drawing ---------------------------------------------------------------------------
    def draw(self, surface) -> None:
        ctx, text, palette = self.ctx, self.ctx.text, self.ctx.palette
        draw_hud(surface, ctx, self.fr, self.match,
                 f"question {self.position[0]} of {self.position[1]}")
        body = self.fr.body
        if self.verdict is None:
            head, colour = self.lead_text, palette.accent
        elif self.verdict.correct:
            head, colour = "Every voice in its place.", palette.good
        else:
            head = (f"{len(self.verdict.misplaced)} out of place \u2014 "
                    f"{round(self.verdict.credit * 100)}% of the pairs in the right order.")
            colour = palette.bad
        surface.blit(text.block(head, "subheading", colour, body.width), (body.x, body.y))
        self._draw_scale(surface)
        shown = self.order if self.verdict is None else list(self.verdict.order)
        carried = self.drag[0] if self.drag and self.drop_at is not None else None
        for i, key in enumerate(shown):
            if i == carried:
                continue
            self._draw_card(surface, self.slot(i), key, i)
        if carried is not None:
            marker = self.slot(self.drop_at).inflate(text.px(6), text.px(6))
            pygame.draw.rect(surface, palette.gold, marker, width=max(3, text.px(4)),
                             border_radius=text.px(10))
            _, grab, pos = self.drag
            rect = pygame.Rect(pos[0] - grab[0], pos[1] - grab[1], self.card_w, self.card_h)
            self._draw_card(surface, rect, self.order[carried], carried, lifted=True)
        if self.verdict is not None:
            self._draw_reasons(surface)
        self.button.draw(surface, ctx, focused=True)
        self.aids.draw(surface)
        draw_footer(surface, ctx, self.fr, footer(self), self.reserve)

    def _draw_scale(self, surface) -> None:
        text, palette, body = self.ctx.text, self.ctx.palette, self.fr.body
        left, right = self.prompt.scale
        y = self.scale_y
        label_y = y - text.line_height(END) - text.px(4)
        surface.blit(text.render(left, END, palette.accent), (body.x, label_y))
        right_img = text.render(right, END, palette.accent)
        surface.blit(right_img, (body.right - right_img.get_width(), label_y))
        thick = max(3, text.px(4))
        mid, head = y + text.px(8), text.px(10)
        pygame.draw.line(surface, palette.accent, (body.x + head, mid), (body.right - head, mid),
                         thick)
        for tip, back in ((body.x, body.x + head * 2), (body.right, body.right - head * 2)):
            pygame.draw.polygon(surface, palette.accent,
                                [(tip, mid), (back, mid - head), (back, mid + head)])
        for i in range(len(self.order)):
            x = self.slot(i).centerx
            pygame.draw.circle(surface, palette.accent, (x, y + text.px(8)), text.px(7))

    def _draw_card(self, surface, rect, key: str, index: int, lifted: bool = False) -> None:
        text, palette = self.ctx.text, self.ctx.palette
        state = ""
        if self.verdict is not None:
            state = "wrong" if key in self.verdict.misplaced else "right"
        focused = self.verdict is None and index == self.cursor and not lifted
        if focused:
            draw_focus(surface, rect, palette, text.px(10), gap=max(3, text.px(5)))
        hinted = key in self.placed
        border = {"right": palette.good, "wrong": palette.bad}.get(state) or \
            (palette.good if hinted else None)
        draw_panel(surface, rect, palette, radius=text.px(10),
                   fill=palette.card, border=border or (palette.gold if lifted else None))
        badge = pygame.Rect(rect.x + text.px(10), rect.y + text.px(10), text.px(34), text.px(34))
        pygame.draw.rect(surface, palette.accent, badge, border_radius=text.px(6))
        number = text.render(str(index + 1), NAME, palette.accent_ink)
        surface.blit(number, (badge.centerx - number.get_width() // 2,
                              badge.centery - number.get_height() // 2))
        inner = rect.width - text.px(20)
        y = badge.bottom + text.px(8)
        if state or hinted:
            note = ("in place" if state == "right" else "out of place" if state
                    else "placed by the hint")
            colour = palette.bad if state == "wrong" else palette.good
            mark = text.render(text.fit(note, ("sans-bold", 15), rect.right - badge.right - text.px(14)),
                               ("sans-bold", 15), colour)
            surface.blit(mark, (badge.right + text.px(10), badge.centery - mark.get_height() // 2))
        for content, style, colour in ((self.prompt.name(key), NAME, palette.ink),
                                       ("" if self.verdict else self.prompt.view(key), VIEW,
                                        palette.muted)):
            if not content or y >= rect.bottom - text.px(6):
                continue
            block = text.block(content, style, colour, inner)
            surface.blit(block, (rect.x + text.px(10), y),
                         pygame.Rect(0, 0, block.get_width(), max(0, rect.bottom - text.px(6) - y)))
            y += block.get_height() + text.px(4)

    def _draw_reasons(self, surface) -> None:
        """The pack's placements, left to right, each with the reason it sits there."""
        text, palette, area = self.ctx.text, self.ctx.palette, self.why_rect
        draw_panel(surface, area, palette, radius=text.px(10), fill=palette.card)
        pad = text.px(12)
        width = area.width - 2 * pad
        y = area.y + pad
        lines = [(f"Where the evidence puts them, from \u201c{self.prompt.scale[0]}\u201d to "
                  f"\u201c{self.prompt.scale[1]}\u201d:", "subheading", palette.ink)]
        for placement in self.verdict.true_order:
            lines.append((f"{placement.place}. {self.prompt.name(placement.perspective)} \u2014 "
                          f"{placement.why}", WHY, palette.ink))
        if self.question.explain:
            lines.append((self.question.explain, ("serif-italic", 16), palette.muted))
        for content, style, colour in lines:
            if y + text.line_height(style) > area.bottom - pad:
                break
            block = text.block(content, style, colour, width)
            surface.blit(block, (area.x + pad, y),
                         pygame.Rect(0, 0, block.get_width(), area.bottom - pad - y))
            y += block.get_height() + text.px(6)
