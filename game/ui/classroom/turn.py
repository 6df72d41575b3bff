"""The classroom play screen: whose turn it is (a band in the team's colour), the prompt
at projector size, a big countdown, the steal offer, and the teacher's keys.

Teacher keys (H shows them): P pause, S skip, + / - a point for the picked team (T picks,
or click a team's score), U undo, Esc end (with a confirmation).
"""

from __future__ import annotations

from types import SimpleNamespace

import pygame

from game.classroom.session import ROUND_OVER, STEAL_OFFER, ClassroomError
from game.classroom.setup import ROUND_TITLES
from game.rules.kinds import ScaleHand, ScaleVerdict, is_source_work, prompt_text
from game.rules.prompts import READING_RULE, Ask, SortHand, lead_for
from game.ui.classroom.draw import (BODY, CARD, CHOICE, CHOICE_SMALL, LABEL, PROMPT, QUOTE, SMALL,
                                    band_height, draw_countdown, draw_overlay_panel,
                                    draw_score_strip, draw_team_band, fit_style, overlay_panel_rect,
                                    score_chips, team_colour)
from game.ui.classroom.scale_view import draw_scale_hand, scale_geometry, scale_truth
from game.ui.core import input as keys
from game.ui.core.bindings import Binding, dispatch, footer, help_lines
from game.ui.core.registry import make_scene
from game.ui.core.scene import Scene
from game.ui.widgets.shapes import draw_focus, draw_panel

ANSWER_HELP = ("1-4 or click: answer.   Timeline: click the cards (or press 1-4) earliest "
               "first, Backspace takes the last one back, Enter sends the order.")
SAVED_HELP = "Every change is written to the results file."
FLASH_SECONDS = 3.0


class ClassroomPlayScene(Scene):
    name = "classroom-play"

    def __init__(self, ctx, room) -> None:
        super().__init__(ctx)
        self.room = room
        self.showing = None          # the Outcome on screen until Enter
        self.order: list[str] = []   # timeline: ids picked so far, earliest first
        self.focus = 0               # keyboard focus among choices / cards
        self.picked = None           # team for +/-; None = the current team
        self.flash = ""
        self.flash_left = 0.0
        self.chips: list = []        # the score chips' rects (set by layout)
        self.targets: list = []      # (rect, what) for clicks (set by layout)
        self.geo = None              # the prompt's geometry (set by layout)

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

    def closing(self) -> None:
        """The window closes mid-round: the round's answers and points so far are saved."""
        if not self.room.over:
            self.room.save_now()

    def _end(self) -> None:
        self.room.end(early=True)
        self.ctx.replace(make_scene("classroom-board", self.ctx, room=self.room))

    def _undo(self) -> None:
        label = self.room.undo()
        self.showing = None
        self.order, self.focus, self.picked = [], 0, None
        self._say(f"Undone: {label}" if label else "Nothing to undo in this round")
        self.invalidate_layout()

    # --- input: the teacher's keys, then the turn's, as one table -------------------------
    BINDINGS = (
        Binding(("p",), "pause", "P: pause", "P  pause / resume the game and the clock"),
        Binding(("s",), "skip", "S: skip", "S  skip this turn (no points; the turn passes)"),
        Binding((keys.PLUS, keys.MINUS), "points", "+/-: points",
                "+ / -  give or take a point (T or a click on a score picks the team)"),
        Binding(("u",), "undo", "U: undo",
                "U  undo the last decision (back to the start of the round)"),
        Binding((keys.CONFIRM, "y", keys.POINTER_UP), "steal",
                help="Y / N  take or decline a steal", when="offer_live"),
        Binding(("n", keys.POINTER_UP), "decline", when="offer_live"),
        Binding((keys.BACK,), "end", "Esc: end", "Esc  end the session (asks first)"),
        Binding(("h",), "help", "H: teacher keys", "H  show or hide this help", lead=True),
        Binding(("t",), "pick_team"),
        Binding((keys.POINTER_UP,), "click_score"),
        Binding((keys.CONFIRM, keys.POINTER_UP), "carry_on", when="verdict_live"),
        Binding((keys.PICK,), "pick", when="turn_live"),
        Binding((keys.NEXT, keys.DOWN, keys.RIGHT), "focus_next", when="turn_live"),
        Binding((keys.PREV, keys.UP, keys.LEFT), "focus_prev", when="turn_live"),
        Binding((keys.ERASE,), "take_back", when="turn_live"),
        Binding((keys.CONFIRM,), "choose", when="turn_live"),
        Binding((keys.POINTER_UP,), "click", when="turn_live"),
    )

    @property
    def live(self) -> bool:
        return not self.room.paused

    @property
    def offer_live(self) -> bool:
        return self.view == "offer" and self.live

    @property
    def verdict_live(self) -> bool:
        return self.view == "verdict" and self.live

    @property
    def turn_live(self) -> bool:
        return self.view == "turn" and self.live

    def handle(self, action) -> None:
        dispatch(self, action)

    def resume(self, result=None) -> None:
        if result is True:           # the confirmation said: end the session now
            self._end()

    def action_end(self, action) -> None:
        self.ctx.push(make_scene(
            "confirm", self.ctx, title="End the session?", panel=draw_overlay_panel,
            lines=[("Enter or Y: end now and show the final standings. Esc or N: carry on.",
                    BODY), ("Everything so far is already saved.", SMALL)], width_share=0.6))

    def action_help(self, action) -> None:
        lines = ([(ANSWER_HELP, BODY)] + [(line, LABEL) for line in help_lines(self.BINDINGS)]
                 + [(SAVED_HELP, SMALL), ("Whose view? " + READING_RULE, SMALL)])
        self.ctx.push(make_scene("overlay", self.ctx, title="Teacher keys", lines=lines,
                                 panel=draw_overlay_panel, width_share=0.8, close_key="h"))

    def action_pause(self, action) -> None:
        self._say("Paused" if self.room.toggle_pause() else "Resumed")

    def action_undo(self, action) -> None:
        self._undo()

    def action_pick_team(self, action) -> None:
        self.picked = (self.target_team + 1) % len(self.room.teams)

    def action_points(self, action) -> None:
        delta = 1 if action.kind == keys.PLUS else -1
        self.room.adjust(self.target_team, delta)
        self._say(f"{delta:+d} point for {self.room.teams[self.target_team]}")

    def action_click_score(self, action) -> bool:
        for index, chip in enumerate(self.chips):
            if chip.collidepoint(action.pos):
                self.picked = index
                return True
        return False

    def action_skip(self, action) -> None:
        if not self.live or self.view == "verdict":
            return
        self.room.skip()
        self._after_decision(self.room.last if self.room.phase != STEAL_OFFER else None)
        self._say("Turn skipped")
        if self.room.phase == ROUND_OVER:
            self.showing = self.showing or self.room.last

    def action_carry_on(self, action) -> None:
        self._continue()

    def action_steal(self, action) -> bool:
        if action.kind == keys.POINTER_UP and not self._clicked(action, "steal"):
            return False
        self.room.take_steal()
        self.invalidate_layout()
        return True

    def action_decline(self, action) -> bool:
        if action.kind == keys.POINTER_UP and not self._clicked(action, "decline"):
            return False
        self.room.decline_steal()
        self._after_decision(None)
        if self.room.phase == ROUND_OVER:
            self._continue()
        return True

    def _clicked(self, action, what) -> bool:
        return any(rect.collidepoint(action.pos) and w == what for rect, w in self.targets)

    def _items(self) -> list:
        prompt = self.room.prompt
        return list(prompt.live_choices if isinstance(prompt, Ask) else prompt.cards)

    def action_pick(self, action) -> None:
        items = self._items()
        if action.n <= len(items):
            self._use(action.n - 1)

    def action_focus_next(self, action) -> None:
        self.focus = (self.focus + 1) % len(self._items())

    def action_focus_prev(self, action) -> None:
        self.focus = (self.focus - 1) % len(self._items())

    def action_take_back(self, action) -> None:
        if isinstance(self.room.prompt, (SortHand, ScaleHand)) and self.order:
            self.order.pop()

    def action_choose(self, action) -> None:
        if self._complete():
            self._answer(list(self.order))
        else:
            self._use(self.focus)

    def action_click(self, action) -> None:
        for rect, what in self.targets:
            if rect.collidepoint(action.pos):
                if what == "send" and self._complete():
                    self._answer(list(self.order))
                elif isinstance(what, int):
                    self._use(what)
                if isinstance(self.room.prompt, (SortHand, ScaleHand)) or isinstance(what, int):
                    return

    def _complete(self) -> bool:
        """A timeline hand with every card placed in the order."""
        prompt = self.room.prompt
        return (isinstance(prompt, (SortHand, ScaleHand))
                and len(self.order) == len(prompt.cards))

    def _use(self, index: int) -> None:
        """Choice `index` answers a question; card `index` goes in (or out of) the order."""
        prompt = self.room.prompt
        if isinstance(prompt, Ask):
            self._answer(prompt.live_choices[index].key)
        elif isinstance(prompt, ScaleHand):
            self._toggle(prompt.cards[index])
        else:
            self._toggle(prompt.cards[index].id)

    def _toggle(self, card_id: str) -> None:
        if card_id in self.order:
            self.order.remove(card_id)
        else:
            self.order.append(card_id)

    def update(self, dt) -> None:
        if self.flash_left > 0:
            self.flash_left = max(0.0, self.flash_left - dt)
        if self.view == "turn":         # a help or confirmation on top stops the clock
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
        # Click targets are worked out here, never while drawing.
        self.chips = score_chips(self.ctx, self.strip, len(self.room.teams))
        self.geo, self.targets = None, []
        prompt = self.room.prompt
        if self.view in ("turn", "offer") and isinstance(prompt, Ask):
            self.geo = self._ask_geometry(prompt)
            self.targets = [(rect, i) for i, rect in enumerate(self.geo.choices)]
        elif self.view in ("turn", "offer") and isinstance(prompt, ScaleHand):
            self.geo = scale_geometry(self, prompt)
            self.targets = [(rect, i) for i, rect in enumerate(self.geo.cards)]
            self.targets.append((self.geo.send, "send"))
        elif self.view in ("turn", "offer") and isinstance(prompt, SortHand):
            self.geo = self._hand_geometry(prompt)
            self.targets = [(rect, i) for i, rect in enumerate(self.geo.cards)]
            self.targets.append((self.geo.send, "send"))
        if self.view == "offer":
            panel = overlay_panel_rect(self.ctx, size, *self._offer_text(), 0.7)
            half = panel.width // 2
            self.targets.append((pygame.Rect(panel.x, panel.y, half, panel.height), "steal"))
            self.targets.append((pygame.Rect(panel.x + half, panel.y, half, panel.height),
                                 "decline"))

    # --- drawing ---------------------------------------------------------------------------
    def draw(self, surface) -> None:
        ctx, room, text, palette = self.ctx, self.room, self.ctx.text, self.ctx.palette
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
        draw_score_strip(surface, ctx, self.strip, room.teams, room.scores,
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
        hints = footer(self)
        if self.flash_left > 0:
            hints = self.flash
        foot = text.render(text.fit(hints, SMALL, surface.get_width() - 2 * self.pad), SMALL,
                           palette.accent if self.flash_left > 0 else palette.muted)
        surface.blit(foot, (self.pad, self.foot_y))
        if room.paused:
            draw_overlay_panel(surface, ctx, "Paused", [("P: carry on.   The clock has stopped.",
                                                         BODY)], 0.5)

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
        elif isinstance(prompt, ScaleHand):
            draw_scale_hand(self, surface, prompt)

    def _ask_geometry(self, prompt) -> SimpleNamespace:
        ctx, text = self.ctx, self.ctx.text
        g = SimpleNamespace(area=self._prompt_area())
        question = prompt.question
        g.lead = lead_for(question)     # the question's own prompt, or the default
        lead_h = text.block_size(g.lead, LABEL, g.area.width)[1]
        live = prompt.live_choices
        gap = text.px(14)
        cols = 2 if len(live) > 2 else 1
        rows = (len(live) + cols - 1) // cols
        col_w = (self.body.width - gap * (cols - 1)) // cols
        g.choice_style = CHOICE
        g.label_w = col_w - text.px(84)
        longest = max((text.block_size(c.label, CHOICE, g.label_w)[1] for c in live), default=0)
        if longest > text.line_height(CHOICE) * 2:
            g.choice_style = CHOICE_SMALL
        # A perspective's view goes under its name: teams choose by what a voice argues.
        row_h = max(text.block_size(c.label, g.choice_style, g.label_w)[1]
                    + (text.block_size(c.detail, SMALL, g.label_w)[1] if c.detail else 0)
                    for c in live)
        row_h = max(row_h + text.px(24), text.px(72))
        choices_h = rows * row_h + (rows - 1) * gap
        top = g.area.y + lead_h + text.px(8)
        g.quote_box = pygame.Rect(g.area.x, top, g.area.width,
                                  max(text.px(40), self.body.bottom - choices_h - gap * 2 - top))
        g.content = (f"\u201c{question.quote}\u201d" if question.is_whose_view
                     else prompt_text(question))
        if is_source_work(question) and question.quote:
            g.content = f"\u201c{question.quote}\u201d\n{prompt_text(question)}"
        styles = QUOTE if question.is_whose_view or question.quote else PROMPT
        g.inner = g.quote_box.width - 2 * gap
        g.style = fit_style(ctx, g.content, styles, g.inner, g.quote_box.height - 2 * gap)
        block_h = text.block_size(g.content, g.style, g.inner)[1]
        g.quote_box.height = min(g.quote_box.height, block_h + 2 * gap)
        g.gap = gap
        y0 = self.body.bottom - choices_h
        g.choices = []
        for i in range(len(live)):
            r, c = divmod(i, cols)
            g.choices.append(pygame.Rect(self.body.x + c * (col_w + gap), y0 + r * (row_h + gap),
                                         col_w, row_h))
        return g

    def _draw_ask(self, surface, prompt, dim: bool) -> None:
        text, palette, g = self.ctx.text, self.ctx.palette, self.geo
        lead_img = text.block(g.lead, LABEL, palette.accent, g.area.width)
        surface.blit(lead_img, (g.area.x, g.area.y))
        gap, quote_box = g.gap, g.quote_box
        block = text.block(g.content, g.style, palette.muted if dim else palette.ink, g.inner)
        draw_panel(surface, quote_box, palette, radius=text.px(10), fill=palette.card)
        surface.blit(block, (quote_box.x + gap, quote_box.y + gap),
                     pygame.Rect(0, 0, block.get_width(), quote_box.height - 2 * gap))
        for i, (choice, rect) in enumerate(zip(prompt.live_choices, g.choices)):
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
            label = text.block(choice.label, g.choice_style, palette.ink, g.label_w)
            detail = (text.block(choice.detail, SMALL, palette.muted, g.label_w)
                      if choice.detail else None)
            top = rect.centery - (label.get_height() + (detail.get_height() if detail else 0)) // 2
            surface.blit(label, (badge.right + text.px(16), top))
            if detail is not None:
                surface.blit(detail, (badge.right + text.px(16), top + label.get_height()))

    def _hand_geometry(self, prompt) -> SimpleNamespace:
        text = self.ctx.text
        g = SimpleNamespace(area=self._prompt_area())
        g.lead = ("Put these events in order, earliest first: click them "
                  "(or press their numbers) from the earliest to the latest.")
        lead_h = text.block_size(g.lead, BODY, g.area.width)[1]
        g.gap = gap = text.px(16)
        n = len(prompt.cards)
        top = g.area.y + lead_h + gap
        card_w = (g.area.width - gap * (n - 1)) // n
        slot_label_h = text.line_height(LABEL) + text.px(6)
        avail = self.body.bottom - top - slot_label_h - gap - text.px(60)
        card_h = max(text.px(90), min(avail, text.px(260)))
        g.cards = [pygame.Rect(self.body.x + i * (card_w + gap), top, card_w, card_h)
                   for i in range(n)]
        g.order_y = top + card_h + gap
        g.send = pygame.Rect(self.body.right - text.px(300), self.body.bottom - text.px(56),
                             text.px(300), text.px(56))
        return g

    def _draw_hand(self, surface, prompt) -> None:
        ctx, text, palette, g = self.ctx, self.ctx.text, self.ctx.palette, self.geo
        area = g.area
        cards = prompt.cards
        lead = text.block(g.lead, BODY, palette.accent, area.width)
        surface.blit(lead, (area.x, area.y))
        n = len(cards)
        for i, (card, rect) in enumerate(zip(cards, g.cards)):
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
        # The order so far, and the send button.
        y = g.order_y
        chosen = [next(c for c in cards if c.id == cid) for cid in self.order]
        line = "Your order: " + ("   ".join(f"{i}. {c.title}" for i, c in enumerate(chosen, 1))
                                 if chosen
                                 else "(click the earliest event first)")
        block = text.block(line, LABEL, palette.ink, self.body.width)
        room = max(0, self.body.bottom - y - text.px(64))
        surface.blit(block, (self.body.x, y), pygame.Rect(0, 0, block.get_width(), room))
        ready = len(self.order) == n
        send = g.send
        draw_panel(surface, send, palette, radius=text.px(10),
                   fill=palette.accent if ready else palette.card, shadow=False)
        label = text.render("Enter: send the order" if ready else f"{len(self.order)} of {n} placed",
                            LABEL, palette.accent_ink if ready else palette.muted)
        surface.blit(label, (send.centerx - label.get_width() // 2,
                             send.centery - label.get_height() // 2))

    def _offer_text(self):
        room = self.room
        points = round(room.session.rules.points * room.session.rules.steal_share)
        return (f"{room.team_name}: steal it?",
                [(f"The last team missed this question. {room.team_name} may answer it now "
                  f"for {points} points, then play its own turn.", BODY),
                 ("Y or Enter: steal      N: no thanks", LABEL)])

    def _draw_offer(self, surface) -> None:
        draw_overlay_panel(surface, self.ctx, *self._offer_text(), 0.7)

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
    if isinstance(verdict, ScaleVerdict):
        return scale_truth(verdict)
    also = getattr(verdict, "also", None)
    if also is not None and verdict.citation is not None:   # corroboration: both passages
        claim = verdict.citation
        out = [f"The claim ({claim.source.title}): \u201c{claim.excerpt}\u201d",
               f"The answer ({also.source.title}): \u201c{also.excerpt}\u201d"]
        return out + ([verdict.explain] if verdict.explain else [])
    if hasattr(verdict, "question"):
        out = [f"The answer: {verdict.answer.label}."]
        if verdict.explain:
            out.append(verdict.explain)
        return out
    if hasattr(verdict, "true_order"):
        return ["The order:"] + [f"{i}. {e.title} ({e.date.label()})"
                                 for i, e in enumerate(verdict.true_order, 1)]
    return []
