"""The classroom play screen: whose turn it is (a band in the team's colour), the prompt
at projector size, a big countdown, the steal offer, and the teacher's controls.

Teacher controls, as keys and as the toolbar at the bottom (mouse, touch board): P pause,
S skip, U undo, + / - a point for the picked team (T picks, or click a team's score),
H help, Esc end (asks first; Enter there means "carry on"). A presenter remote works too:
PageDown carries on, PageUp undoes, B or . pauses (and blanks the question).

A missed question that can be stolen shows only "Not quite": the next team sees the
question again with the wrong answer struck out; the answer and its explanation come
after the steal is taken or declined (`room.reveal`, review B1).
"""

from __future__ import annotations

import pygame

from game.classroom.session import PLAYING, ROUND_OVER, STEAL_OFFER, ClassroomError
from game.classroom.setup import ROUND_TITLES
from game.rules.kinds import ScaleHand
from game.rules.prompts import READING_RULE, Ask, SortHand
from game.ui.classroom.draw import (BODY, LABEL, SMALL, band_height, draw_countdown,
                                    draw_overlay_panel, draw_score_strip, draw_team_band,
                                    overlay_panel_rect, score_chips)
from game.ui.classroom.prompt_view import draw_ask, draw_hand, draw_offer, draw_outcome
from game.ui.classroom.scale_view import draw_scale_hand, scale_geometry
from game.ui.core import input as keys
from game.ui.core.bindings import ANY, Binding
from game.ui.core.registry import make_scene
from game.ui.core.scene import Scene
from game.ui.widgets.button import Button
from game.ui.widgets.focus import grid_move
from game.ui.widgets.toolbar import Toolbar

HELP_LINES = (
    ("1-4 or click: answer.   Timeline: click the cards (or press 1-4) earliest first, "
     "Backspace takes the last one back, Enter sends the order.", BODY),
    ("P (or B, or . on a presenter remote)  pause / resume; the question is hidden", LABEL),
    ("S  skip this turn (no points; the turn passes)", LABEL),
    ("+ / -  give or take a point (T or a click on a score picks the team)", LABEL),
    ("U (or PageUp)  undo the last decision (back to the start of the round)", LABEL),
    ("Y / N  take or decline a steal", LABEL),
    ("Enter (or PageDown)  carry on after a verdict", LABEL),
    ("Esc  end the session (asks first)", LABEL),
    ("H  show or hide this help.   Every control is also a button at the bottom.", LABEL),
    ("Every change is written to the results file.", SMALL),
    ("Whose view? " + READING_RULE, SMALL),
)
FLASH_SECONDS = 3.0
PAUSE_KEYS = ("p", "b", ".")


class ClassroomPlayScene(Scene):
    name = "classroom-play"

    def __init__(self, ctx, room) -> None:
        super().__init__(ctx)
        self.room = room
        self.showing = None          # the Outcome on screen until the teacher carries on
        self.order: list[str] = []   # timeline: ids picked so far, earliest first
        self.focus = 0               # keyboard focus among choices / cards
        self.geo = None              # a spectrum's geometry (set by layout)
        self.help = False
        self.confirm_end = False
        self.picked = None           # team for +/-; None = the current team
        self.flash = ""
        self.flash_left = 0.0
        self.chips: list = []
        self.targets: list = []      # (rect, what) for clicks, set by draw
        self.tools = Toolbar([
            Button("Pause", self._pause, key="P"), Button("Skip", self._skip, key="S"),
            Button("Undo", self._undo, key="U"), Button("\u22121 point", lambda: self._points(-1)),
            Button("+1 point", lambda: self._points(+1)),
            Button("Help", self._toggle_help, key="H"), Button("End", self._ask_end, key="Esc")])
        self.carry_on = Button("Carry on", self._continue, primary=True, key="Enter")
        self.steal_yes = Button("Steal it", self._take_steal, primary=True, key="Y")
        self.steal_no = Button("No thanks", self._decline_steal, key="N")

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

    def _buttons(self) -> list:
        """The buttons a click can press now (the dialogs' first)."""
        out = list(self.tools.buttons)
        if self.view == "verdict":
            out.append(self.carry_on)
        elif self.view == "offer" and not self.room.paused:
            out += [self.steal_yes, self.steal_no]
        return out

    # --- moves ----------------------------------------------------------------------------
    def _answer(self, move) -> None:
        try:
            self.room.answer(move)
        except ClassroomError as error:
            self._say(str(error))
            return
        if self.room.phase == STEAL_OFFER:
            self.ctx.play_sound("wrong")     # only "Not quite": the answer stays hidden
            self.order, self.focus, self.picked = [], 0, None
            self.invalidate_layout()
            return
        self._after_decision(self.room.reveal)

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

    def _take_steal(self) -> None:
        if self.room.phase == STEAL_OFFER and not self.room.paused:
            self.room.take_steal()
            self.invalidate_layout()

    def _decline_steal(self) -> None:
        if self.room.phase != STEAL_OFFER or self.room.paused:
            return
        self.room.decline_steal()
        self._after_decision(self.room.reveal)   # now the room may see the answer

    def _pause(self) -> None:
        paused = self.room.toggle_pause()
        self._say("Paused" if paused else "Resumed")

    def _skip(self) -> None:
        if self.room.paused or self.view == "verdict" or self.room.phase not in (PLAYING, STEAL_OFFER):
            return
        self.room.skip()
        self._after_decision(self.room.reveal)
        self._say("Turn skipped")

    def _points(self, delta: int) -> None:
        self.room.adjust(self.target_team, delta)
        self._say(f"{delta:+d} point for {self.room.teams[self.target_team]}")

    def _toggle_help(self) -> None:
        self.help = True
        self.ctx.push(make_scene("overlay", self.ctx, title="Teacher keys", lines=HELP_LINES,
                                 panel=draw_overlay_panel, width_share=0.8, close_key="h"))

    def _ask_end(self) -> None:
        """Asks first; Enter there means carry on: ending is never the default (m13)."""
        self.confirm_end = True
        self.ctx.push(make_scene(
            "confirm", self.ctx, title="End the session?",
            lines=(("Y or End now: show the final standings. Enter, Esc or N: carry on.", BODY),
                   ("Everything so far is already saved.", SMALL)),
            panel=draw_overlay_panel, panel_rect=overlay_panel_rect, width_share=0.6,
            yes="End now", no="Carry on", enter_says_no=True))

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

    # --- input: one table (the help overlay lists the teacher's lines) ----------------------
    BINDINGS = (
        Binding((keys.POINTER_MOVE, keys.POINTER_DOWN, keys.POINTER_UP, keys.DROP), "click"),
        Binding((keys.BACK,), "end"),
        Binding(("h",), "help"),
        Binding(PAUSE_KEYS, "pause"),
        Binding(("u",), "undo"),
        Binding((keys.PAGE_UP,), "undo"),
        Binding(("t",), "pick_team"),
        Binding((keys.PLUS, keys.MINUS), "points"),
        Binding(("s",), "skip", when="live"),
        Binding((keys.CONFIRM, keys.PAGE_DOWN), "carry_on", when="showing_verdict"),
        Binding(("y",), "steal", when="offering"),
        Binding(("n",), "decline", when="offering"),
        Binding((ANY,), "turn", when="taking_turn"),
    )

    @property
    def live(self) -> bool:
        return not self.room.paused

    @property
    def showing_verdict(self) -> bool:
        return self.live and self.view == "verdict"

    @property
    def offering(self) -> bool:
        return self.live and self.view == "offer"

    @property
    def taking_turn(self) -> bool:
        return self.live and self.view == "turn"

    def resume(self, result=None) -> None:
        if self.confirm_end:
            self.confirm_end = False
            if result is True:
                self._end()
        self.help = False

    def action_click(self, action):
        return self._click(action) or False

    def action_end(self, action) -> None:
        self._ask_end()

    def action_help(self, action) -> None:
        self._toggle_help()

    def action_pause(self, action) -> None:
        self._pause()

    def action_undo(self, action) -> None:
        self._undo()

    def action_pick_team(self, action) -> None:
        self.picked = (self.target_team + 1) % len(self.room.teams)

    def action_points(self, action) -> None:
        self._points(1 if action.kind == keys.PLUS else -1)

    def action_skip(self, action) -> None:
        self._skip()

    def action_carry_on(self, action) -> None:
        self._continue()

    def action_steal(self, action) -> None:
        self._take_steal()

    def action_decline(self, action) -> None:
        self._decline_steal()

    def action_turn(self, action) -> None:
        self._handle_turn(action)

    def _click(self, action) -> bool:
        """Buttons and score chips; True when the click was theirs."""
        hovered = None
        for button in self._buttons():
            if button.rect.collidepoint(action.pos):
                hovered = button
        self.tools.hovered = hovered
        if action.kind == keys.POINTER_MOVE:
            return False
        if hovered is not None:
            if action.kind in (keys.POINTER_UP, keys.DROP):
                hovered.press()
            return True
        if action.kind == keys.POINTER_UP:
            for index, chip in enumerate(self.chips):
                if chip.collidepoint(action.pos):
                    self.picked = index
                    return True
        return False

    def _handle_turn(self, action) -> None:
        prompt, kind = self.room.prompt, action.kind
        if isinstance(prompt, Ask):
            live = prompt.live_choices
            if kind == keys.PICK and action.n <= len(live):
                self._answer(live[action.n - 1].key)
            elif kind in (keys.NEXT, keys.PREV):
                self.focus = (self.focus + (1 if kind == keys.NEXT else -1)) % len(live)
            elif kind in (keys.UP, keys.DOWN, keys.LEFT, keys.RIGHT):
                self.focus = grid_move(self.focus, kind, len(live), 2 if len(prompt.choices) > 2 else 1)
            elif kind == keys.CONFIRM:
                self._answer(live[self.focus].key)
            elif kind == keys.POINTER_UP:
                for rect, what in self.targets:
                    if rect.collidepoint(action.pos) and isinstance(what, int):
                        self._answer(live[what].key)
                        return
        elif isinstance(prompt, (SortHand, ScaleHand)):
            # A spectrum's cards are voices (ids), a hand's are events: both go in order.
            ids = [c if isinstance(prompt, ScaleHand) else c.id for c in prompt.cards]
            self._handle_order(action, ids)

    def _handle_order(self, action, ids) -> None:
        """Click the cards (or press 1-5) in order; Backspace takes one back; Enter sends."""
        kind = action.kind
        cards = ids
        if kind == keys.PICK and action.n <= len(cards):
            self._toggle(cards[action.n - 1])
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
                self._toggle(cards[self.focus])
        elif kind == keys.POINTER_UP:
            for rect, what in self.targets:
                if rect.collidepoint(action.pos):
                    if what == "send" and len(self.order) == len(cards):
                        self._answer(list(self.order))
                    elif isinstance(what, int):
                        self._toggle(cards[what])
                    return

    def _toggle(self, card_id: str) -> None:
        if card_id in self.order:
            self.order.remove(card_id)
        else:
            self.order.append(card_id)

    def update(self, dt) -> None:
        if self.flash_left > 0:
            self.flash_left = max(0.0, self.flash_left - dt)
        self.tools.buttons[0].label = "Resume" if self.room.paused else "Pause"
        if self.room.phase == ROUND_OVER and self.showing is None:
            self._continue()        # nothing left to show in this round: the scoreboard
            return
        if self.view == "turn":
            outcome = self.room.tick(dt)
            if outcome is not None:
                if self.room.phase == STEAL_OFFER:
                    self.ctx.play_sound("wrong")
                    self.order, self.focus = [], 0
                    self.invalidate_layout()
                else:
                    self._after_decision(self.room.reveal)

    # --- layout ----------------------------------------------------------------------------
    def layout(self, size) -> None:
        w, h = size
        text = self.ctx.text
        self.pad = text.px(28)
        self.band_h = band_height(self.ctx)
        strip_h = text.line_height(LABEL) + text.px(20)
        foot_h = text.line_height("button") + text.px(14)
        self.foot = pygame.Rect(self.pad, h - foot_h - text.px(6), w - 2 * self.pad, foot_h)
        self.strip = pygame.Rect(self.pad, self.foot.y - strip_h - text.px(10), w - 2 * self.pad, strip_h)
        self.body = pygame.Rect(self.pad, self.band_h + text.px(18), w - 2 * self.pad,
                                self.strip.y - self.band_h - text.px(36))
        self.tools.layout(pygame.Rect(self.foot.x + self.foot.width // 3, self.foot.y,
                                      self.foot.width * 2 // 3, self.foot.height), self.ctx)
        bw = min(text.px(260), self.body.width // 3)
        bh = text.line_height("button") + text.px(22)
        self.carry_on.rect = pygame.Rect(self.body.right - bw, self.body.bottom - bh, bw, bh)
        self.offer_h = text.line_height(("serif-bold", 40)) + text.line_height(BODY) + text.px(12)
        self.steal_no.rect = pygame.Rect(self.body.right - bw, self.body.y, bw, bh)
        self.steal_yes.rect = pygame.Rect(self.body.right - 2 * bw - text.px(12), self.body.y, bw, bh)
        self.clock_r = 0
        if self.room.timer.on:
            self.clock_r = min(self.body.height // 4, text.px(84))
            self.clock_c = (self.body.right - self.clock_r, self.body.y + self.clock_r)
        self.chips = score_chips(self.ctx, self.strip, len(self.room.teams))
        # Where the prompt's choices and cards are, for clicks: the drawing functions say
        # where they put things, so they run once onto a 1x1 scratch surface (everything
        # clipped away, no window-sized buffer) and draw() sets nothing.
        self.targets = []
        prompt = self.room.prompt
        self.geo = (scale_geometry(self, prompt)
                    if self.view in ("turn", "offer") and isinstance(prompt, ScaleHand) else None)
        if self.view in ("turn", "offer") and prompt is not None:
            self.targets = self._draw_prompt(pygame.Surface((1, 1)))

    def _prompt_area(self) -> pygame.Rect:
        area = pygame.Rect(self.body)
        if self.clock_r and self.view == "turn":
            area.width -= 2 * self.clock_r + self.pad
        if self.view == "offer":
            area.y += self.offer_h
            area.height -= self.offer_h
        return area

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
        if room.paused and self.view != "verdict":
            pass    # a pause hides the question: no free thinking time (review m22)
        elif self.view == "verdict":
            draw_outcome(surface, ctx, pygame.Rect(self.body.x, self.body.y, self.body.width,
                                                   self.carry_on.rect.y - self.body.y - text.px(8)),
                         self.showing, room.teams, room.session.rules)
            self.carry_on.draw(surface, ctx, focused=True)
        else:
            self._draw_prompt(surface)
            if self.view == "offer":
                rules = room.session.rules
                missed = room.teams[room.last.team] if room.last else "The last team"
                draw_offer(surface, ctx, self.body, missed, room.team_name,
                           round(rules.points * rules.steal_share))
                self.steal_yes.draw(surface, ctx, focused=True)
                self.steal_no.draw(surface, ctx, focused=False)
            elif self.clock_r:
                timer = room.timer
                draw_countdown(surface, ctx, self.clock_c, self.clock_r, timer.shown,
                               timer.remaining / timer.limit, paused=room.paused)
        hint = self.flash if self.flash_left > 0 else "H: teacher keys"
        foot = text.render(text.fit(hint, SMALL, self.foot.width // 3 - text.px(8)), SMALL,
                           palette.accent if self.flash_left > 0 else palette.muted)
        surface.blit(foot, (self.foot.x, self.foot.centery - foot.get_height() // 2))
        self.tools.draw(surface, ctx)
        if room.paused:
            draw_overlay_panel(surface, ctx, "Paused", [("P (or B): carry on.   The clock has stopped.",
                                                         BODY)], 0.5)

    def _draw_prompt(self, surface) -> list:
        """Draw the prompt; the click targets it has (rect, what)."""
        prompt = self.room.prompt
        area = self._prompt_area()
        show = self.view == "turn"
        if isinstance(prompt, Ask):
            return draw_ask(surface, self.ctx, area, self.body, prompt, self.focus, show)
        if isinstance(prompt, SortHand):
            return draw_hand(surface, self.ctx, area, self.body, prompt, self.order, self.focus, show)
        if isinstance(prompt, ScaleHand) and self.geo is not None:
            draw_scale_hand(self, surface, prompt)
            return [(rect, i) for i, rect in enumerate(self.geo.cards)] + [(self.geo.send, "send")]
        return []
