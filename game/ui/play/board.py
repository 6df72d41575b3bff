"""Chronology: the timeline board. Place each drawn card in a gap of the line.

Mouse: drag the card to a gap (the gap under the pointer lights up) and let go.
Keys: Left/Right choose the gap (the card hovers below it), Enter drops it.
Or click a gap (the card moves under it) and click it again, or click the card, to place.
A wrong card slides to its true place (jumps there when reduce motion is on); the
dates of placed cards are shown, and lives and score are always in the header.

The verdict and the event's summary stay until the player continues (review m2), right
below the line, in a smaller type when they need it but never dropped (M3). A long line
squeezes its cards, then scrolls, with "more" hints at the edges that say how many cards
are out of view (M4); the finished line is shown before the results.
"""

from __future__ import annotations

import pygame

from game.content.timeline import ERA_START
from game.ui.core import input as keys
from game.ui.core.bindings import Binding, footer
from game.ui.core.registry import make_scene
from game.ui.play import flow
from game.ui.play.aids import Aids
from game.ui.play.base import LEAVE_BINDING, REPORT_BINDINGS, PlayScene
from game.ui.play.report import report_button
from game.ui.widgets.button import Button
from game.ui.widgets.event_card import card_height, draw_event_card, title_style
from game.ui.widgets.frame import draw_footer, frame
from game.ui.widgets.hud import draw_hud, points_line, points_pop
from game.ui.widgets.timeline_axis import YEARS, year_fraction

SLIDE_SECONDS = 0.7
SUMMARY_STYLES = ("body", "small", ("sans", 15), ("sans", 13))


def settle(t: float) -> float:
    """Ease out with a small overshoot: the card lands a touch past its place and settles."""
    c1 = 1.2
    c3 = c1 + 1
    return 1 + c3 * (t - 1) ** 3 + c1 * (t - 1) ** 2


class BoardScene(PlayScene):
    name = "board"

    def __init__(self, ctx, match) -> None:
        super().__init__(ctx, match)
        self.line = list(self.prompt.line)
        self.card = self.prompt.card
        self.gap_cursor = len(self.line) // 2 + (len(self.line) % 2)
        self.drag = None            # (grab offset, pointer pos, moved?)
        self.hover_gap = None
        self.anim = 0.0             # 0..1 of the slide to the true place
        self.pop = 9.0              # seconds since the verdict: the points float up
        self.scroll = 0             # the line scrolls sideways when it is long
        self.next_button = Button("Continue", self.advance, primary=True)
        # Cards still to place, this one included: fixed for the screen (review m6).
        self.cards_left = len(match.game.plan) + 1
        self.aids = Aids(ctx, match, on_hint=self.invalidate_layout)
        self.report = report_button(ctx, self.card, "chronology")

    def advance(self) -> None:
        if self.match.prompt is None:       # the last card: the whole line, then results
            self.ctx.replace(make_scene("finished-line", self.ctx, match=self.match,
                                        line=tuple(self.line)))
            return
        flow.advance(self.ctx, self.match)

    def left_label(self) -> str:
        left = self.cards_left - (self.verdict is not None)
        return "last card" if left == 1 and self.verdict is None else \
            f"{left} card{'' if left == 1 else 's'} left"

    def drop(self, gap: int) -> None:
        if self.verdict is not None:
            return
        self.verdict = self.match.move(gap)
        self.line = list(self.verdict.line)
        self.ctx.play_sound("right" if self.verdict.correct else "wrong")
        # Every card slides from the hand into its place and settles (a wrong one to its
        # true place); reduce motion puts it there at once.
        self.anim = 1.0 if self.ctx.reduce_motion else 0.0
        self.pop = 0.0
        self.aids.finish()
        self.invalidate_layout()

    def update(self, dt) -> None:
        if self.verdict is None:
            self.match.tick(dt)
            if self.aids.time_up():
                self.drop(self.gap_cursor)      # scored as a time-out: 0 points
            return
        if self.anim < 1.0:
            self.anim = min(1.0, self.anim + dt / SLIDE_SECONDS)
        self.pop += dt

    def busy(self) -> bool:
        return self.verdict is not None and self.anim < 1.0

    # --- geometry ------------------------------------------------------------------------
    def layout(self, size) -> None:
        text = self.ctx.text
        self.fr = frame(size, text)
        body = self.fr.body
        self.reserve = self.aids.layout(self.fr.footer)
        n = len(self.line)
        self.gap = text.px(22) if n < 8 else text.px(12)     # a long line: squeeze first
        self.axis_y = body.y + text.line_height("small") + text.px(8)
        self.card_w = max(40, min(text.px(250), (body.width - self.gap * (n + 1)) // max(1, n)))
        self.card_w = max(self.card_w, min(text.px(130), body.width // 3))
        shown = self.line + [self.card]
        self.style = title_style(self.ctx, shown, self.card_w)
        self.card_h = max(card_height(self.ctx, e, self.card_w, True, style=self.style) for e in shown)
        self.row_y = self.axis_y + max(text.px(44), min(body.height // 6, text.px(90)))
        self.row_w = n * self.card_w + (n + 1) * self.gap
        self.row_x0 = body.x + max(0, (body.width - self.row_w) // 2)
        self.hand_y = self.row_y + self.card_h + text.px(56)
        self.hand_h = card_height(self.ctx, self.card, self.card_w, self.verdict is not None,
                                  style=self.style)
        bh = text.px(52)
        bw = min(body.width, text.px(220))
        self.next_button.rect = pygame.Rect(body.right - bw, body.bottom - bh, bw, bh)
        self.report.rect = self.next_button.rect.move(0, -bh - text.px(10))
        self.focus_gap(self.gap_cursor if self.verdict is None else self.verdict.placed_at)

    def message_y(self) -> int:
        """Right under the line: once placed, the card needs no room below it (M3)."""
        return self.row_y + self.card_h + self.ctx.text.px(26)

    def hidden_counts(self) -> tuple[int, int]:
        """How many cards are scrolled out of view (left, right)."""
        body = self.fr.body
        left = sum(1 for i in range(len(self.line)) if self.slot_x(i) + self.card_w // 2 < body.x)
        right = sum(1 for i in range(len(self.line)) if self.slot_x(i) + self.card_w // 2 > body.right)
        return left, right

    def slot_x(self, index: int) -> int:
        return self.row_x0 - self.scroll + self.gap + index * (self.card_w + self.gap)

    def gap_x(self, gap: int) -> int:
        """Screen x of the middle of gap `gap` (0 = before the first card)."""
        return self.row_x0 - self.scroll + self.gap // 2 + gap * (self.card_w + self.gap)

    def focus_gap(self, gap: int) -> None:
        """Scroll the line so gap `gap` is in view."""
        body = self.fr.body
        if self.row_w <= body.width:
            self.scroll = 0
            return
        x = self.gap_x(gap) + self.scroll - self.row_x0
        margin = self.card_w
        if x - self.scroll < margin:
            self.scroll = max(0, x - margin)
        elif x - self.scroll > body.width - margin:
            self.scroll = min(self.row_w - body.width, x - body.width + margin)

    def gap_at(self, x: int) -> int:
        best = min(range(len(self.line) + 1), key=lambda g: abs(self.gap_x(g) - x))
        return best

    def hand_rect(self) -> pygame.Rect:
        if self.drag and self.drag[2]:
            (gx, gy), pos, _ = self.drag
            return pygame.Rect(pos[0] - gx, pos[1] - gy, self.card_w, self.hand_h)
        x = self.gap_x(self.gap_cursor) - self.card_w // 2
        body = self.fr.body
        x = max(body.x, min(body.right - self.card_w, x))
        return pygame.Rect(x, self.hand_y, self.card_w, self.hand_h)

    def axis_x(self, date) -> int:
        body = self.fr.body
        return body.x + round(year_fraction(date) / YEARS * body.width)

    # --- input ---------------------------------------------------------------------------
    BINDINGS = (
        Binding((keys.LEFT, keys.RIGHT, keys.NEXT, keys.PREV), "step",
                "Left/Right or click: choose a gap", when="placing"),
        Binding((keys.HOME, keys.END), "ends", when="placing"),
        Binding((keys.PICK,), "pick", when="placing"),
        Binding((keys.CONFIRM,), "place", "Enter or click again: place", when="placing"),
        Binding(("h",), "hint", "H: hint", when="placing"),
        Binding((keys.POINTER_DOWN, keys.POINTER_UP), "aids", when="placing"),
        Binding((keys.POINTER_DOWN,), "grab", when="placing"),
        Binding((keys.DRAG_START, keys.DRAG), "carry", "or drag the card to a gap",
                when="placing"),
        Binding((keys.DROP, keys.POINTER_UP), "drop_card", when="placing"),
        Binding((keys.CONFIRM, keys.POINTER_UP), "next", "Enter: continue", when="judged"),
        *REPORT_BINDINGS,
        Binding((keys.WHEEL,), "wheel"),
        LEAVE_BINDING,
    )

    @property
    def placing(self) -> bool:
        return self.verdict is None

    def action_next(self, action):
        if action.kind == keys.CONFIRM or self.next_button.rect.collidepoint(action.pos):
            self.advance()
            return None
        return False                  # a click elsewhere: perhaps on Report

    def action_wheel(self, action) -> None:
        self._wheel(action)

    def action_step(self, action) -> None:
        step = -1 if action.kind in (keys.LEFT, keys.PREV) else 1
        self.gap_cursor = max(0, min(len(self.line), self.gap_cursor + step))
        self.focus_gap(self.gap_cursor)

    def action_ends(self, action) -> None:
        self.gap_cursor = 0 if action.kind == keys.HOME else len(self.line)
        self.focus_gap(self.gap_cursor)

    def action_pick(self, action) -> None:
        if action.n <= len(self.line) + 1:
            self.gap_cursor = action.n - 1
            self.focus_gap(self.gap_cursor)

    def action_place(self, action) -> None:
        self.drop(self.gap_cursor)

    def action_grab(self, action) -> None:
        hand = self.hand_rect()
        if hand.collidepoint(action.pos):
            self.drag = ((action.pos[0] - hand.x, action.pos[1] - hand.y), action.pos, False)

    def action_carry(self, action) -> None:
        if self.drag:
            self.drag = (self.drag[0], action.pos, True)
            self.hover_gap = self.gap_at(action.pos[0])
            self.gap_cursor = self.hover_gap
            self._edge_scroll(action.pos[0])

    def action_drop_card(self, action) -> None:
        drag, self.drag = self.drag, None
        gap, self.hover_gap = self.hover_gap, None
        if action.kind == keys.DROP and drag and gap is not None and \
                action.pos[1] < self.hand_y + self.hand_h:
            self.drop(gap)
        elif action.kind == keys.POINTER_UP:
            self.click(action.pos)

    def click(self, pos) -> None:
        """Tap to place (review m16): a click on a gap moves the card under it; a second
        click on the same gap, or a click on the card, places it."""
        if self.hand_rect().collidepoint(pos):
            self.drop(self.gap_cursor)
            return
        band = pygame.Rect(self.fr.body.x, self.row_y - self.ctx.text.px(16), self.fr.body.width,
                           self.card_h + self.ctx.text.px(32))
        if band.collidepoint(pos):
            gap = self.gap_at(pos[0])
            if gap == self.gap_cursor:
                self.drop(gap)
            else:
                self.gap_cursor = gap
                self.focus_gap(gap)

    def _wheel(self, action) -> None:
        if self.row_w > self.fr.body.width:
            step = self.card_w // 2
            self.scroll = max(0, min(self.row_w - self.fr.body.width,
                                     self.scroll - (action.dy or action.dx) * step))

    def _edge_scroll(self, x: int) -> None:
        body = self.fr.body
        if self.row_w <= body.width:
            return
        if x < body.x + self.card_w // 2:
            self.scroll = max(0, self.scroll - self.card_w // 3)
        elif x > body.right - self.card_w // 2:
            self.scroll = min(self.row_w - body.width, self.scroll + self.card_w // 3)

    # --- drawing ---------------------------------------------------------------------------
    def draw(self, surface) -> None:
        ctx, text, palette = self.ctx, self.ctx.text, self.ctx.palette
        draw_hud(surface, ctx, self.fr, self.match, self.left_label(),
                 pop=points_pop(self.verdict, self.pop))
        body = self.fr.body
        self._draw_axis(surface)
        clip = surface.get_clip()
        surface.set_clip(pygame.Rect(body.x - text.px(8), body.y, body.width + text.px(16),
                                     body.height).clip(clip))
        moving = None
        if self.verdict is not None and self.anim < 1.0:
            moving = self.verdict.placed_at
        for i, event in enumerate(self.line):
            rect = pygame.Rect(self.slot_x(i), self.row_y, self.card_w, self.card_h)
            ax = self.axis_x(event.date.first_day)
            if i != moving:
                pygame.draw.line(surface, palette.gold, (ax, self.axis_y), (rect.centerx, rect.y),
                                 max(1, text.px(2)))
                pygame.draw.circle(surface, palette.accent, (ax, self.axis_y), max(3, text.px(4)))
            state = ""
            if self.verdict is not None and event.id == self.card.id:
                state = "right" if self.verdict.correct else "wrong"
            if i == moving:
                continue
            draw_event_card(surface, ctx, rect, event, show_date=True, state=state, style=self.style)
        dragging = bool(self.drag and self.drag[2])
        if self.verdict is None:
            self._draw_drop_target(surface)
        else:
            self._draw_verdict(surface, moving)
        self._draw_more_hints(surface)
        surface.set_clip(clip)
        if self.verdict is None:      # after the clip: a dragged card is never cut (m16)
            draw_event_card(surface, ctx, self.hand_rect(), self.card,
                            show_date=self.card.id in self.match.prompt.revealed,
                            focused=not dragging, lifted=dragging, style=self.style)
        else:
            self.next_button.draw(surface, ctx, focused=True)
            self.report.draw(surface, ctx, focused=False)
        self.aids.draw(surface)
        draw_footer(surface, ctx, self.fr, footer(self), self.reserve)

    def _draw_more_hints(self, surface) -> None:
        """"< 3 more" / "2 more >" at the ends of a line wider than the window (M4)."""
        text, palette, body = self.ctx.text, self.ctx.palette, self.fr.body
        left, right = self.hidden_counts()
        y = self.row_y + self.card_h // 2
        for count, at_left in ((left, True), (right, False)):
            if not count:
                continue
            label = text.render(f"{count} more", "small", palette.accent_ink)
            arrow = label.get_height() // 2
            box = label.get_rect().inflate(text.px(14) + arrow + text.px(6), text.px(8))
            box.centery = y
            if at_left:
                box.x = body.x
            else:
                box.right = body.right
            pygame.draw.rect(surface, palette.accent, box, border_radius=text.px(6))
            # The bundled fonts have no arrow glyphs: a drawn triangle points the way.
            ax = box.x + text.px(7) if at_left else box.right - text.px(7) - arrow
            tip, back = (ax, ax + arrow) if at_left else (ax + arrow, ax)
            pygame.draw.polygon(surface, palette.accent_ink,
                                [(tip, y), (back, y - arrow // 2 - 2), (back, y + arrow // 2 + 2)])
            lx = ax + arrow + text.px(6) if at_left else box.x + text.px(7)
            surface.blit(label, (lx, y - label.get_height() // 2))

    def _draw_axis(self, surface) -> None:
        text, palette, body = self.ctx.text, self.ctx.palette, self.fr.body
        y = self.axis_y
        pygame.draw.line(surface, palette.ink, (body.x, y), (body.right, y), max(1, text.px(2)))
        label_w = text.width("1953", "small")
        every = 1 if body.width / YEARS > label_w * 1.4 else 2
        for i in range(YEARS + 1):
            x = body.x + body.width * i // YEARS
            pygame.draw.line(surface, palette.ink, (x, y - text.px(5)), (x, y + text.px(5)),
                             max(1, text.px(2)))
            if i < YEARS and i % every == 0:
                label = text.render(str(ERA_START + i), "small", palette.muted)
                surface.blit(label, (x + (body.width // YEARS - label.get_width()) // 2,
                                     y - text.px(6) - label.get_height()))

    def _draw_drop_target(self, surface) -> None:
        text, palette = self.ctx.text, self.ctx.palette
        gap = self.hover_gap if self.hover_gap is not None else self.gap_cursor
        x = self.gap_x(gap)
        w = max(4, text.px(8))
        bar = pygame.Rect(x - w // 2, self.row_y - text.px(10), w, self.card_h + text.px(20))
        pygame.draw.rect(surface, palette.gold, bar, border_radius=w // 2)
        label = "drop here" if self.drag else "place here"
        image = text.render(label, "small", palette.gold)
        lx = max(self.fr.body.x, min(self.fr.body.right - image.get_width(), x - image.get_width() // 2))
        surface.blit(image, (lx, bar.bottom + text.px(2)))
        if not self.drag:   # an arrow from the hand card up to the gap
            hand = self.hand_rect()
            pygame.draw.line(surface, palette.gold, (x, bar.bottom + text.px(4) + image.get_height()),
                             (hand.centerx, hand.y - text.px(4)), max(2, text.px(2)))

    def _draw_verdict(self, surface, moving) -> None:
        text, palette, body = self.ctx.text, self.ctx.palette, self.fr.body
        verdict = self.verdict
        if moving is not None:
            # Slide from where it was dropped (below the gap chosen) to its true place.
            start = pygame.Rect(self.gap_x(verdict.gap) - self.card_w // 2, self.hand_y,
                                self.card_w, self.card_h)
            end = pygame.Rect(self.slot_x(moving), self.row_y, self.card_w, self.card_h)
            t = settle(self.anim)
            rect = pygame.Rect(round(start.x + (end.x - start.x) * t),
                               round(start.y + (end.y - start.y) * t), self.card_w, self.card_h)
            draw_event_card(surface, self.ctx, rect, self.card, show_date=True,
                            state="right" if verdict.correct else "wrong", lifted=True,
                            style=self.style)
        card = self.card
        if verdict.correct:
            message = f"Right: {card.title}, {card.when}."
            colour = palette.good
        else:
            neighbours = verdict.line
            i = verdict.placed_at
            where = (f"after {neighbours[i - 1].title}" if i > 0 else
                     f"before {neighbours[i + 1].title}")
            message = f"Not there: {card.title} was {card.when}, {where}."
            colour = palette.bad
            if verdict.lives <= 0:
                message += " No lives left."
        width = body.width - self.next_button.rect.width - text.px(20)
        top = self.message_y()
        block = text.block(message, "subheading", colour, width)
        surface.blit(block, (body.x, top))
        top += block.get_height() + text.px(4)
        points = points_line(self.match.game.session.rules, verdict.record)
        if points:
            line = text.render(text.fit(points, "small", width), "small", palette.muted)
            surface.blit(line, (body.x, top))
            top += line.get_height() + text.px(6)
        room = body.bottom - top
        # The summary is the history lesson: a smaller type when needed, never dropped (M3).
        style = next((s for s in SUMMARY_STYLES
                      if text.block_size(card.summary, s, width)[1] <= room), SUMMARY_STYLES[-1])
        summary = text.block(card.summary, style, palette.ink, width)
        surface.blit(summary, (body.x, top), pygame.Rect(0, 0, summary.get_width(), max(0, room)))
