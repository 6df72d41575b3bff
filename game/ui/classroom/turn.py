"""The classroom play screen: whose turn it is (a band in the team's colour), the prompt
at projector size, a big countdown, the steal offer, and the teacher's keys.

Teacher keys (H shows them): P pause, S skip, + / - a point for the picked team (T picks,
or click a team's score), U undo, Esc end (with a confirmation).
"""

from __future__ import annotations

import pygame

from game.classroom.session import ROUND_OVER, STEAL_OFFER, ClassroomError
from game.classroom.setup import ROUND_TITLES
from game.rules.prompts import Ask, SortHand
from game.ui.classroom.draw import (BODY, CARD, CHOICE, CHOICE_SMALL, LABEL, PROMPT, QUOTE, SMALL,
                                    band_height, draw_countdown, draw_overlay_panel,
                                    draw_score_strip, draw_team_band, fit_style, team_colour)
from game.ui.core import input as keys
from game.ui.core.registry import make_scene
from game.ui.core.scene import Scene
from game.ui.widgets.shapes import draw_focus, draw_panel

HELP_LINES = (
    ("1-4 or click: answer.   Timeline: click the cards (or press 1-4) earliest first, "
     "Backspace takes the last one back, Enter sends the order.", BODY),
    ("P  pause / resume the game and the clock", LABEL),
    ("S  skip this turn (no points; the turn passes)", LABEL),
    ("+ / -  give or take a point (T or a click on a score picks the team)", LABEL),
    ("U  undo the last decision (back to the start of the round)", LABEL),
    ("Y / N  take or decline a steal", LABEL),
    ("Esc  end the session (asks first)", LABEL),
    ("H  show or hide this help", LABEL),
    ("Every change is written to the results file.", SMALL),
)
FLASH_SECONDS = 3.0


class ClassroomPlayScene(Scene):
    name = "classroom-play"

    def __init__(self, ctx, room) -> None:
        super().__init__(ctx)
        self.room = room
        self.showing = None          # the Outcome on screen until Enter
        self.order: list[str] = []   # timeline: ids picked so far, earliest first
        self.focus = 0               # keyboard focus among choices / cards
        self.help = False
        self.confirm_end = False
        self.picked = None           # team for +/-; None = the current team
        self.flash = ""
        self.flash_left = 0.0
        self.chips: list = []
        self.targets: list = []      # (rect, what) for clicks

    # --- what is on screen -----------------------------------------------------------------
    @property
    def view(self) -> str:
        if self.showing is not None:
            return "verdict"
        return "offer" if self.room.phase == STEAL_OFFER else "turn"

    @property
    def target_team(self) -> int:
        return self.room.team if self.picked is None else self.picked

    def _say(self, message: str) -> None:
        self.flash, self.flash_left = message, FLASH_SECONDS

    # --- moves ----------------------------------------------------------------------------
    def _answer(self, move) -> None:
        try:
            self.room.answer(move)
        except ClassroomError as error:
            self._say(str(error))
            return
        self._after_decision(self.room.last)

    def _after_decision(self, outcome) -> None:
        self.showing = outcome
        self.order, self.focus, self.picked = [], 0, None
        if outcome is not None and outcome.verdict is not None:
            self.ctx.play_sound("right" if outcome.verdict.correct else "wrong")
        self.invalidate_layout()

    def _continue(self) -> None:
        self.showing = None
        self.invalidate_layout()
        if self.room.phase == ROUND_OVER:
            self.ctx.replace(make_scene("classroom-board", self.ctx, room=self.room))

    def _end(self) -> None:
        self.room.end(early=True)
        self.ctx.replace(make_scene("classroom-board", self.ctx, room=self.room))

    def _undo(self) -> None:
        label = self.room.undo()
        self.showing = None
        self.order, self.focus, self.picked = [], 0, None
        self._say(f"Undone: {label}" if label else "Nothing to undo in this round")
        self.invalidate_layout()

    # --- input ----------------------------------------------------------------------------
    def handle(self, action) -> None:
        kind, name = action.kind, action.name if action.kind == keys.KEY else ""
        if self.confirm_end:
            if kind == keys.CONFIRM or name == "y":
                self._end()
            elif kind == keys.BACK or name == "n":
                self.confirm_end = False
            return
        if self.help:
            if kind in (keys.BACK, keys.CONFIRM, keys.POINTER_UP) or name == "h":
                self.help = False
            return
        if kind == keys.BACK:
            self.confirm_end = True
            return
        if name == "h":
            self.help = True
            return
        if name == "p":
            paused = self.room.toggle_pause()
            self._say("Paused" if paused else "Resumed")
            return
        if name == "u":
            self._undo()
            return
        if name == "t":
            self.picked = (self.target_team + 1) % len(self.room.teams)
            return
        if kind in (keys.ZOOM_IN, keys.ZOOM_OUT):
            delta = 1 if kind == keys.ZOOM_IN else -1
            self.room.adjust(self.target_team, delta)
            self._say(f"{delta:+d} point for {self.room.teams[self.target_team]}")
            return
        if kind == keys.POINTER_UP:
            for index, chip in enumerate(self.chips):
                if chip.collidepoint(action.pos):
                    self.picked = index
                    return
        if self.room.paused:
            return
        if name == "s":
            if self.view == "verdict":
                return
            self.room.skip()
            self._after_decision(self.room.last if self.room.phase != STEAL_OFFER else None)
            self._say("Turn skipped")
            if self.room.phase == ROUND_OVER:
                self.showing = self.showing or self.room.last
            return
        if self.view == "verdict":
            if kind == keys.CONFIRM or kind == keys.POINTER_UP:
                self._continue()
            return
        if self.view == "offer":
            if kind == keys.CONFIRM or name == "y" or self._clicked(action, "steal"):
                self.room.take_steal()
                self.invalidate_layout()
            elif name == "n" or self._clicked(action, "decline"):
                self.room.decline_steal()
                self._after_decision(None)
                if self.room.phase == ROUND_OVER:
                    self._continue()
            return
        self._handle_turn(action)

    def _clicked(self, action, what) -> bool:
        return action.kind == keys.POINTER_UP and any(
            rect.collidepoint(action.pos) and w == what for rect, w in self.targets)

    def _handle_turn(self, action) -> None:
        prompt, kind = self.room.prompt, action.kind
        if isinstance(prompt, Ask):
            live = prompt.live_choices
            if kind == keys.PICK and action.n <= len(live):
                self._answer(live[action.n - 1].key)
            elif kind in (keys.NEXT, keys.DOWN, keys.RIGHT):
                self.focus = (self.focus + 1) % len(live)
            elif kind in (keys.PREV, keys.UP, keys.LEFT):
                self.focus = (self.focus - 1) % len(live)
            elif kind == keys.CONFIRM:
                self._answer(live[self.focus].key)
            elif kind == keys.POINTER_UP:
                for rect, what in self.targets:
                    if rect.collidepoint(action.pos) and isinstance(what, int):
                        self._answer(live[what].key)
                        return
        elif isinstance(prompt, SortHand):
            cards = prompt.cards
            if kind == keys.PICK and action.n <= len(cards):
                self._toggle(cards[action.n - 1].id)
            elif kind == keys.ERASE and self.order:
                self.order.pop()
            elif kind in (keys.NEXT, keys.RIGHT, keys.DOWN):
                self.focus = (self.focus + 1) % len(cards)
            elif kind in (keys.PREV, keys.LEFT, keys.UP):
                self.focus = (self.focus - 1) % len(cards)
            elif kind == keys.CONFIRM:
                if len(self.order) == len(cards):
                    self._answer(list(self.order))
                else:
                    self._toggle(cards[self.focus].id)
            elif kind == keys.POINTER_UP:
                for rect, what in self.targets:
                    if rect.collidepoint(action.pos):
                        if what == "send" and len(self.order) == len(cards):
                            self._answer(list(self.order))
                        elif isinstance(what, int):
                            self._toggle(cards[what].id)
                        return

    def _toggle(self, card_id: str) -> None:
        if card_id in self.order:
            self.order.remove(card_id)
        else:
            self.order.append(card_id)

    def update(self, dt) -> None:
        if self.flash_left > 0:
            self.flash_left = max(0.0, self.flash_left - dt)
        if self.view == "turn" and not (self.help or self.confirm_end):
            outcome = self.room.tick(dt)
            if outcome is not None:
                self._after_decision(outcome)

    # --- layout ----------------------------------------------------------------------------
    def layout(self, size) -> None:
        w, h = size
        text = self.ctx.text
        self.pad = text.px(28)
        self.band_h = band_height(self.ctx)
        strip_h = text.line_height(LABEL) + text.px(20)
        foot_h = text.line_height(SMALL) + text.px(12)
        self.strip = pygame.Rect(self.pad, h - foot_h - strip_h - text.px(8),
                                 w - 2 * self.pad, strip_h)
        self.foot_y = h - foot_h
        self.body = pygame.Rect(self.pad, self.band_h + text.px(18), w - 2 * self.pad,
                                self.strip.y - self.band_h - text.px(36))
        self.clock_r = 0
        if self.room.timer.on:
            self.clock_r = min(self.body.height // 4, text.px(84))
            self.clock_c = (self.body.right - self.clock_r, self.body.y + self.clock_r)

    # --- drawing ---------------------------------------------------------------------------
    def draw(self, surface) -> None:
        ctx, room, text, palette = self.ctx, self.room, self.ctx.text, self.ctx.palette
        self.targets = []
        kind = ROUND_TITLES.get(room.round_type, room.round_type)
        right = f"Round {room.round_number} of {room.rounds}  \u00b7  {kind}"
        team = room.team
        if self.view == "offer":
            title = f"{room.team_name}: steal?"
        elif room.stealing:
            title = f"{room.team_name} \u2014 steal for half points"
        elif self.view == "verdict" and self.showing is not None:
            team = self.showing.team
            title = room.teams[team]
        else:
            title = f"{room.team_name}\u2019s turn"
        draw_team_band(surface, ctx, team, title, right)
        self.chips = draw_score_strip(surface, ctx, self.strip, room.teams, room.scores,
                                      current=room.team, picked=self.target_team
                                      if self.picked is not None else -1)
        if self.view == "verdict":
            self._draw_verdict(surface)
        elif self.view == "offer":
            self._draw_prompt(surface, dim=True)
            self._draw_offer(surface)
        else:
            self._draw_prompt(surface)
            if self.clock_r:
                timer = room.timer
                draw_countdown(surface, ctx, self.clock_c, self.clock_r, timer.shown,
                               timer.remaining / timer.limit, paused=room.paused)
        hints = "H: teacher keys   P: pause   S: skip   +/-: points   U: undo   Esc: end"
        if self.flash_left > 0:
            hints = self.flash
        foot = text.render(text.fit(hints, SMALL, surface.get_width() - 2 * self.pad), SMALL,
                           palette.accent if self.flash_left > 0 else palette.muted)
        surface.blit(foot, (self.pad, self.foot_y))
        if room.paused and not self.help:
            draw_overlay_panel(surface, ctx, "Paused", [("P: carry on.   The clock has stopped.",
                                                         BODY)], 0.5)
        if self.help:
            draw_overlay_panel(surface, ctx, "Teacher keys", HELP_LINES, 0.8)
        if self.confirm_end:
            draw_overlay_panel(surface, ctx, "End the session?",
                               [("Enter or Y: end now and show the final standings. "
                                 "Esc or N: carry on.", BODY),
                                ("Everything so far is already saved.", SMALL)], 0.6)

    def _prompt_area(self) -> pygame.Rect:
        area = pygame.Rect(self.body)
        if self.clock_r:
            area.width -= 2 * self.clock_r + self.pad
        return area

    def _draw_prompt(self, surface, dim: bool = False) -> None:
        prompt = self.room.prompt
        if isinstance(prompt, Ask):
            self._draw_ask(surface, prompt, dim)
        elif isinstance(prompt, SortHand):
            self._draw_hand(surface, prompt)

    def _draw_ask(self, surface, prompt, dim: bool) -> None:
        ctx, text, palette = self.ctx, self.ctx.text, self.ctx.palette
        area = self._prompt_area()
        question = prompt.question
        lead = "Whose view is this?" if question.is_whose_view else "Question"
        lead_img = text.render(lead, LABEL, palette.accent)
        surface.blit(lead_img, (area.x, area.y))
        live = prompt.live_choices
        gap = text.px(14)
        cols = 2 if len(live) > 2 else 1
        rows = (len(live) + cols - 1) // cols
        col_w = (self.body.width - gap * (cols - 1)) // cols
        choice_style = CHOICE
        label_w = col_w - text.px(84)
        longest = max((text.block_size(c.label, CHOICE, label_w)[1] for c in live), default=0)
        if longest > text.line_height(CHOICE) * 2:
            choice_style = CHOICE_SMALL
        row_h = max(text.block_size(c.label, choice_style, label_w)[1] for c in live)
        row_h = max(row_h + text.px(24), text.px(72))
        choices_h = rows * row_h + (rows - 1) * gap
        top = area.y + lead_img.get_height() + text.px(8)
        quote_box = pygame.Rect(area.x, top, area.width,
                                max(text.px(40), self.body.bottom - choices_h - gap * 2 - top))
        content = (f"\u201c{question.quote}\u201d" if question.is_whose_view
                   else question.prompt)
        styles = QUOTE if question.is_whose_view else PROMPT
        inner = quote_box.width - 2 * gap
        style = fit_style(ctx, content, styles, inner, quote_box.height - 2 * gap)
        block = text.block(content, style, palette.muted if dim else palette.ink, inner)
        quote_box.height = min(quote_box.height, block.get_height() + 2 * gap)
        draw_panel(surface, quote_box, palette, radius=text.px(10), fill=palette.card)
        surface.blit(block, (quote_box.x + gap, quote_box.y + gap),
                     pygame.Rect(0, 0, block.get_width(), quote_box.height - 2 * gap))
        y0 = self.body.bottom - choices_h
        for i, choice in enumerate(live):
            r, c = divmod(i, cols)
            rect = pygame.Rect(self.body.x + c * (col_w + gap), y0 + r * (row_h + gap),
                               col_w, row_h)
            if i == self.focus and not dim and self.view == "turn":
                draw_focus(surface, rect, palette, text.px(10), gap=max(3, text.px(5)))
            draw_panel(surface, rect, palette, radius=text.px(10), fill=palette.card,
                       shadow=False)
            badge = pygame.Rect(rect.x + text.px(12), rect.centery - text.px(24), text.px(48),
                                text.px(48))
            pygame.draw.rect(surface, palette.accent, badge, border_radius=text.px(6))
            key = text.render(str(i + 1), CHOICE, palette.accent_ink)
            surface.blit(key, (badge.centerx - key.get_width() // 2,
                               badge.centery - key.get_height() // 2))
            label = text.block(choice.label, choice_style, palette.ink, label_w)
            surface.blit(label, (badge.right + text.px(16), rect.centery - label.get_height() // 2))
            self.targets.append((rect, i))

    def _draw_hand(self, surface, prompt) -> None:
        ctx, text, palette = self.ctx, self.ctx.text, self.ctx.palette
        area = self._prompt_area()
        cards = prompt.cards
        lead = text.block("Put these events in order, earliest first: click them "
                          "(or press their numbers) from the earliest to the latest.",
                          BODY, palette.accent, area.width)
        surface.blit(lead, (area.x, area.y))
        gap = text.px(16)
        n = len(cards)
        top = area.y + lead.get_height() + gap
        card_w = (area.width - gap * (n - 1)) // n
        slot_label_h = text.line_height(LABEL) + text.px(6)
        avail = self.body.bottom - top - slot_label_h - gap - text.px(60)
        card_h = max(text.px(90), min(avail, text.px(260)))
        for i, card in enumerate(cards):
            rect = pygame.Rect(self.body.x + i * (card_w + gap), top, card_w, card_h)
            picked = card.id in self.order
            if i == self.focus and self.view == "turn":
                draw_focus(surface, rect, palette, text.px(10), gap=max(3, text.px(5)))
            draw_panel(surface, rect, palette, radius=text.px(10),
                       fill=palette.panel if picked else palette.card,
                       border=palette.gold if picked else palette.line, shadow=not picked)
            badge_text = str(self.order.index(card.id) + 1) if picked else str(i + 1)
            badge = pygame.Rect(rect.x + text.px(10), rect.y + text.px(10), text.px(44),
                                text.px(44))
            pygame.draw.rect(surface, palette.gold if picked else palette.accent, badge,
                             border_radius=text.px(6))
            number = text.render(badge_text, CHOICE, palette.accent_ink)
            surface.blit(number, (badge.centerx - number.get_width() // 2,
                                  badge.centery - number.get_height() // 2))
            inner = rect.width - text.px(24)
            style = fit_style(ctx, card.title, (CARD, ("serif-bold", 24), ("serif-bold", 20)),
                              inner, rect.height - badge.height - text.px(30))
            title = text.block(card.title, style, palette.muted if picked else palette.ink,
                               inner)
            surface.blit(title, (rect.x + text.px(12), badge.bottom + text.px(10)),
                         pygame.Rect(0, 0, title.get_width(),
                                     max(0, rect.bottom - badge.bottom - text.px(16))))
            self.targets.append((rect, i))
        # The order so far, and the send button.
        y = top + card_h + gap
        chosen = [next(c for c in cards if c.id == cid) for cid in self.order]
        line = "Your order: " + ("   ".join(f"{i}. {c.title}" for i, c in enumerate(chosen, 1))
                                 if chosen
                                 else "(click the earliest event first)")
        block = text.block(line, LABEL, palette.ink, self.body.width)
        room = max(0, self.body.bottom - y - text.px(64))
        surface.blit(block, (self.body.x, y), pygame.Rect(0, 0, block.get_width(), room))
        ready = len(self.order) == n
        send = pygame.Rect(self.body.right - text.px(300), self.body.bottom - text.px(56),
                           text.px(300), text.px(56))
        draw_panel(surface, send, palette, radius=text.px(10),
                   fill=palette.accent if ready else palette.card, shadow=False)
        label = text.render("Enter: send the order" if ready else f"{len(self.order)} of {n} placed",
                            LABEL, palette.accent_ink if ready else palette.muted)
        surface.blit(label, (send.centerx - label.get_width() // 2,
                             send.centery - label.get_height() // 2))
        self.targets.append((send, "send"))

    def _draw_offer(self, surface) -> None:
        room = self.room
        points = round(room.session.rules.points * room.session.rules.steal_share)
        panel = draw_overlay_panel(
            surface, self.ctx, f"{room.team_name}: steal it?",
            [(f"The last team missed this question. {room.team_name} may answer it now "
              f"for {points} points, then play its own turn.", BODY),
             ("Y or Enter: steal      N: no thanks", LABEL)], 0.7)
        half = panel.width // 2
        self.targets.append((pygame.Rect(panel.x, panel.y, half, panel.height), "steal"))
        self.targets.append((pygame.Rect(panel.x + half, panel.y, half, panel.height), "decline"))

    def _draw_verdict(self, surface) -> None:
        text, palette = self.ctx.text, self.ctx.palette
        outcome = self.showing
        verdict = outcome.verdict
        area = self.body
        y = area.y
        team = self.room.teams[outcome.team]
        if outcome.kind == "skip":
            head, colour, lines = f"{team}: turn skipped", palette.muted, [
                "No points. The turn passes to the next team."]
        elif outcome.kind == "timeout":
            head, colour = "Time is up!", palette.bad
            lines = [f"{team} scores nothing this turn."] + _truth(verdict)
        elif verdict.correct:
            head, colour = f"Right! +{verdict.record.points}", palette.good
            lines = _truth(verdict)
        else:
            points = verdict.record.points
            head = f"Not quite{f' (+{points} for order)' if points else ''}"
            colour = palette.bad
            lines = _truth(verdict)
        big = text.render(text.fit(head, ("serif-bold", 64), area.width), ("serif-bold", 64),
                          colour)
        surface.blit(big, (area.x, y))
        y += big.get_height() + text.px(10)
        pygame.draw.rect(surface, team_colour(outcome.team),
                         (area.x, y, min(area.width, text.px(260)), text.px(8)))
        y += text.px(24)
        for line in lines:
            block = text.block(line, BODY, palette.ink, area.width)
            if y + text.line_height(BODY) > area.bottom - text.px(40):
                break
            surface.blit(block, (area.x, y),
                         pygame.Rect(0, 0, block.get_width(), area.bottom - text.px(40) - y))
            y += block.get_height() + text.px(12)
        more = text.render("Enter: carry on", LABEL, palette.accent)
        surface.blit(more, (area.right - more.get_width(), area.bottom - more.get_height()))


def _truth(verdict) -> list[str]:
    """The right answer in a sentence or two, for the whole room."""
    if verdict is None:
        return []
    if hasattr(verdict, "question"):
        out = [f"The answer: {verdict.answer.label}."]
        if verdict.explain:
            out.append(verdict.explain)
        return out
    if hasattr(verdict, "true_order"):
        return ["The order:"] + [f"{i}. {e.title} ({e.date.label()})"
                                 for i, e in enumerate(verdict.true_order, 1)]
    return []
