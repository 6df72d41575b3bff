"""Sort the hand: put the dealt events in order, earliest first, by dragging or with keys.

Keys: Left/Right choose a card; Enter picks it up, Left/Right carry it, Enter puts it
down; Tab reaches Submit (or press S). After submitting, cards out of place are marked and
the true order is shown with dates.
"""

from __future__ import annotations

import pygame

from game.ui.core import input as keys
from game.ui.core.bindings import Binding, footer
from game.ui.play import flow, leave
from game.ui.play.aids import Aids
from game.ui.play.base import REPORT_BINDINGS, PlayScene
from game.ui.play.report import report_button
from game.ui.widgets.button import Button
from game.ui.widgets.event_card import card_height, draw_event_card
from game.ui.widgets.frame import draw_footer, frame
from game.ui.widgets.hud import draw_hud, points_line, points_pop


class SortScene(PlayScene):
    name = "sort"

    def __init__(self, ctx, match) -> None:
        super().__init__(ctx, match)
        self.order = list(self.prompt.cards)
        self.cursor = 0
        self.held = False              # keyboard: the focused card is picked up
        self.zone = "cards"            # or "button"
        self.drag = None               # (index, grab offset, pointer pos, moved?)
        self.drop_at = None
        self.pop = 0.0               # seconds since the verdict: the points float up
        self.submit_button = Button("Submit order", self.submit, primary=True)
        self.next_button = Button("Continue", lambda: flow.advance(self.ctx, self.match),
                                  primary=True)
        self.aids = Aids(ctx, match, on_hint=self.invalidate_layout)
        self.report = None           # after the verdict: about the first card out of place

    @property
    def prompt_now(self):
        """The prompt as it is now (a hint may have revealed a year since it was dealt)."""
        return self.match.prompt if self.verdict is None else self.prompt

    @property
    def button(self):
        return self.next_button if self.verdict else self.submit_button

    def submit(self) -> None:
        if self.verdict is not None:
            return
        self.pop = 0.0
        self.verdict = self.match.move([e.id for e in self.order])
        self.aids.finish()
        wrong = [e for e in self.verdict.order if e.id in self.verdict.misplaced]
        self.report = report_button(self.ctx, (wrong or list(self.verdict.order))[0], "sort")
        self.ctx.play_sound("right" if self.verdict.correct else "wrong")
        self.zone = "button"
        self.held = False
        self.invalidate_layout()

    def update(self, dt) -> None:
        self.pop += dt
        if self.verdict is None:
            self.match.tick(dt)
            if self.aids.time_up():
                self.submit()            # scored as a time-out: 0 points

    # --- geometry ------------------------------------------------------------------------
    def layout(self, size) -> None:
        text = self.ctx.text
        self.fr = frame(size, text)
        self.reserve = self.aids.layout(self.fr.footer)
        body = self.fr.body
        n = len(self.order)
        gap = text.px(12)
        self.gap = gap
        # Room for the line above the cards plus a lifted card's rise (m15).
        self.lead_h = text.line_height("subheading") + text.px(26)
        self.card_w = max(20, min(text.px(240), (body.width - gap * (n - 1)) // n))
        row_w = n * self.card_w + (n - 1) * gap
        self.row_x = body.x + (body.width - row_w) // 2
        show = self.verdict is not None
        notes = "out of place" if show else ""
        self.card_h = max(card_height(self.ctx, e, self.card_w, show, notes) for e in self.order)
        self.row_y = body.y + self.lead_h
        button_h = text.px(52)
        self.truth_y = self.row_y + self.card_h + text.px(18) + text.line_height("subheading")
        self.points_y = self.row_y + self.card_h + text.px(8)
        if show and not self.verdict.correct:   # right: the row above already is the order
            self.truth_y += text.line_height("small")
            self.truth_h = max(card_height(self.ctx, e, self.card_w, True)
                               for e in self.verdict.true_order)
            bottom = self.truth_y + self.truth_h + gap
        elif show:
            bottom = self.points_y + text.line_height("small") + 2 * gap
        else:
            bottom = self.row_y + self.card_h + 2 * gap
        bw = min(body.width, text.px(240))
        self.button.rect = pygame.Rect(body.x + (body.width - bw) // 2,
                                       min(bottom, body.bottom - button_h), bw, button_h)
        if self.report is not None:
            rw = min(text.px(260), (body.width - bw) // 2 - gap)
            self.report.rect = pygame.Rect(self.button.rect.x - rw - gap, self.button.rect.y, rw, button_h)
        # Below the buttons: what each card out of place was, so a miss teaches (m15).
        top = self.button.rect.bottom + gap
        self.why_rect = pygame.Rect(body.x, top, body.width, max(0, body.bottom - top))

    def missed_explanations(self) -> list[str]:
        """One line per card out of place, in the true order: its title, date and summary."""
        if self.verdict is None:
            return []
        return [f"{e.title} ({e.when}): {e.summary}" for e in self.verdict.true_order
                if e.id in self.verdict.misplaced and e.summary]

    def slot(self, index: int, y: int = None) -> pygame.Rect:
        return pygame.Rect(self.row_x + index * (self.card_w + self.gap),
                           self.row_y if y is None else y, self.card_w, self.card_h)

    def index_at(self, pos):
        for i in range(len(self.order)):
            if self.slot(i).collidepoint(pos):
                return i
        return None

    def insertion(self, x: int) -> int:
        """Where a carried card would go, from the pointer's x."""
        centre = x - self.row_x + self.gap // 2
        return max(0, min(len(self.order) - 1, centre // (self.card_w + self.gap)))

    def move_card(self, src: int, dst: int) -> None:
        dst = max(0, min(len(self.order) - 1, dst))
        card = self.order.pop(src)
        self.order.insert(dst, card)
        self.cursor = dst
        self.ctx.play_sound("place")

    # --- input: one table, from which the footer is drawn ---------------------------------
    BINDINGS = (
        Binding((keys.LEFT, keys.RIGHT), "step", "Left/Right: choose", when="sorting"),
        Binding((keys.CONFIRM,), "confirm", "Enter: pick up / put down", when="sorting"),
        Binding((keys.POINTER_DOWN, keys.POINTER_UP), "aids", when="sorting"),
        Binding((keys.POINTER_DOWN,), "grab", when="sorting"),
        Binding((keys.DRAG_START, keys.DRAG), "carry", "drag with the mouse", when="sorting"),
        Binding((keys.DROP, keys.POINTER_UP), "drop", when="sorting"),
        Binding((keys.POINTER_MOVE,), "hover", when="sorting"),
        Binding((keys.NEXT, keys.PREV, keys.UP, keys.DOWN), "switch", when="sorting"),
        Binding(("s",), "submit", "S: submit", when="sorting"),
        Binding(("h",), "hint", "H: hint", when="sorting"),
        Binding((keys.PICK,), "pick", when="sorting"),
        Binding((keys.CONFIRM, keys.POINTER_UP), "next", "Enter: continue", when="judged"),
        *REPORT_BINDINGS,
        Binding((keys.BACK,), "back", "Esc: leave"),
    )

    @property
    def sorting(self) -> bool:
        return self.verdict is None

    def action_back(self, action) -> None:
        if self.held:
            self.held = False
        else:
            leave.ask(self)

    def action_next(self, action):
        if action.kind == keys.CONFIRM or self.button.rect.collidepoint(action.pos):
            self.button.press()
            return None
        return False                  # a click elsewhere: perhaps on Report

    def action_switch(self, action) -> None:
        if not self.held:
            self.zone = "button" if self.zone == "cards" else "cards"

    def action_submit(self, action=None) -> None:
        self.submit()

    def action_step(self, action) -> None:
        self.zone = "cards"
        step = -1 if action.kind == keys.LEFT else 1
        if self.held:
            self.move_card(self.cursor, self.cursor + step)
        else:
            self.cursor = max(0, min(len(self.order) - 1, self.cursor + step))

    def action_pick(self, action) -> None:
        if action.n <= len(self.order):
            self.zone, self.cursor = "cards", action.n - 1

    def action_confirm(self, action) -> None:
        if self.zone == "button":
            self.submit()
        else:
            self.held = not self.held

    def action_grab(self, action) -> None:
        hit = self.index_at(action.pos)
        if hit is not None:
            grab = (action.pos[0] - self.slot(hit).x, action.pos[1] - self.slot(hit).y)
            self.drag = (hit, grab, action.pos, False)
            self.cursor, self.zone, self.held = hit, "cards", False

    def action_carry(self, action) -> None:
        if self.drag:
            index, grab, _, _ = self.drag
            self.drag = (index, grab, action.pos, True)
            self.drop_at = self.insertion(action.pos[0])

    def action_hover(self, action) -> None:
        if self.button.rect.collidepoint(action.pos):
            self.zone = "button"

    def action_drop(self, action) -> None:
        drag, self.drag = self.drag, None
        drop, self.drop_at = self.drop_at, None
        if action.kind == keys.DROP and drag and drop is not None:
            self.move_card(drag[0], drop)
        elif not drag and self.button.rect.collidepoint(action.pos):
            self.submit()

    # --- drawing ---------------------------------------------------------------------------
    def draw(self, surface) -> None:
        ctx, text, palette = self.ctx, self.ctx.text, self.ctx.palette
        draw_hud(surface, ctx, self.fr, self.match, f"hand {self.position[0]} of {self.position[1]}",
                 pop=points_pop(self.verdict, self.pop))
        body = self.fr.body
        if self.verdict is None:
            lead = "Put these events in order, earliest on the left."
        elif self.verdict.correct:
            lead = "All in the right order."
        else:
            lead = (f"{len(self.verdict.misplaced)} out of place \u2014 "
                    f"{round(self.verdict.credit * 100)}% of the pairs in the right order.")
        colour = palette.accent if self.verdict is None else (palette.good if self.verdict.correct else palette.bad)
        surface.blit(text.render(text.fit(lead, "subheading", body.width), "subheading", colour),
                     (body.x, body.y))
        carried = self.drag[0] if self.drag and self.drag[3] else None
        shown = list(self.order) if self.verdict is None else list(self.verdict.order)
        place = list(range(len(shown)))
        if carried is not None and self.drop_at is not None:
            # The other cards make room where the carried one would land (m16).
            rest = [i for i in range(len(shown)) if i != carried]
            rest.insert(self.drop_at, carried)
            place = [rest.index(i) for i in range(len(shown))]
        for i, event in enumerate(shown):
            if i == carried:
                continue
            state = note = ""
            if self.verdict is not None:
                wrong = event.id in self.verdict.misplaced
                state, note = ("wrong", "out of place") if wrong else ("right", "")
            rect = self.slot(place[i])
            if self.held and i == self.cursor:
                rect = rect.move(0, -text.px(12))
            draw_event_card(surface, ctx, rect, event,
                      show_date=self.verdict is not None or event.id in self.prompt_now.revealed,
                      focused=(self.zone == "cards" and i == self.cursor and self.verdict is None),
                      state=state, note=note, lifted=self.held and i == self.cursor)
        if carried is not None and self.drop_at is not None:
            marker = self.slot(self.drop_at).inflate(text.px(6), text.px(6))
            pygame.draw.rect(surface, palette.gold, marker, width=max(3, text.px(4)),
                             border_radius=text.px(10))
            _, grab, pos, _ = self.drag
            rect = pygame.Rect(pos[0] - grab[0], pos[1] - grab[1], self.card_w, self.card_h)
            draw_event_card(surface, ctx, rect, self.order[carried], show_date=False, lifted=True)
        if self.verdict is not None:
            points = points_line(self.match.game.session.rules, self.verdict.record)
            surface.blit(text.render(text.fit(points, "small", body.width), "small", palette.muted),
                         (body.x, self.points_y))
        if self.verdict is not None and not self.verdict.correct:
            label_y = self.truth_y - text.line_height("subheading") - text.px(4)
            surface.blit(text.render("The true order", "subheading", palette.ink), (body.x, label_y))
            for i, event in enumerate(self.verdict.true_order):
                rect = pygame.Rect(self.slot(i).x, self.truth_y, self.card_w, self.truth_h)
                draw_event_card(surface, ctx, rect, event, show_date=True)
        self._draw_why(surface)
        focused = self.zone == "button" or self.verdict is not None
        self.button.draw(surface, ctx, focused=focused)
        if self.report is not None:
            self.report.draw(surface, ctx, focused=False)
        self.aids.draw(surface)
        draw_footer(surface, ctx, self.fr, footer(self), self.reserve)

    def _draw_why(self, surface) -> None:
        """Each explanation wrapped when all fit; else one cut line each, then how many more."""
        lines = self.missed_explanations()
        text, palette, area = self.ctx.text, self.ctx.palette, self.why_rect
        gap = text.px(6)
        images = [text.block(line, "small", palette.ink, area.width) for line in lines]
        if sum(image.get_height() + gap for image in images) > area.height:
            images = [text.render(text.fit(line, "small", area.width), "small", palette.ink)
                      for line in lines]
        y, line_h = area.y, text.line_height("small")
        for index, image in enumerate(images):
            left = len(images) - index - 1
            if y + image.get_height() + (line_h if left else 0) > area.bottom:
                rest = f"\u2026 and {len(images) - index} more out of place"
                if y + line_h <= area.bottom:
                    surface.blit(text.render(text.fit(rest, "small", area.width), "small",
                                             palette.muted), (area.x, y))
                return
            surface.blit(image, (area.x, y))
            y += image.get_height() + gap
