"""The scoreboard between rounds and at the end (bars drawn in the game); after the last
round it opens the review of what the class missed (game/ui/classroom/review.py).

At the end the standings are the fair ones (`room.final_standings()`): a session ended
early says so and compares every team on the same number of turns (review M7). Every
choice is a button as well as a key; a click beside them does nothing (review m13)."""

from __future__ import annotations

import pygame

from game.classroom.session import OVER, ClassroomError
from game.classroom.setup import ROUND_TITLES
from game.ui.classroom.draw import BIG, BODY, LABEL, draw_bar_chart
from game.ui.core import input as keys
from game.ui.core.bindings import ANY, Binding
from game.ui.core.registry import make_scene
from game.ui.core.scene import Scene
from game.ui.widgets.button import Button
from game.ui.widgets.focus import FocusRing
from game.ui.widgets.frame import draw_footer, draw_header, frame


class ClassroomBoardScene(Scene):
    name = "classroom-board"

    def __init__(self, ctx, room) -> None:
        super().__init__(ctx)
        self.room = room
        self.saved_note = ""
        if self.final:
            self.buttons = [Button("Review what the class missed", self.review, primary=True,
                                   key="Enter"),
                            Button("Back to the title", self.done, key="Esc")]
        else:
            kind = room.setup.round_type(room.round_number)   # 0-based: the next round
            self.buttons = [Button(f"Round {room.round_number + 1}: "
                                   f"{ROUND_TITLES.get(kind, kind)}", self.next_round,
                                   primary=True, key="Enter")]
        if room.phase != OVER:
            self.buttons.append(Button("Undo", self.undo, key="U"))
        self.focus = FocusRing(self.buttons)

    @property
    def final(self) -> bool:
        return self.room.phase == OVER or self.room.last_round

    # --- what the buttons do ---------------------------------------------------------------
    def review(self) -> None:
        self.room.end()
        self.ctx.replace(make_scene("classroom-review", self.ctx, room=self.room))

    def done(self) -> None:
        self.room.end()
        self.ctx.home()

    def next_round(self) -> None:
        try:
            self.room.next_round()
        except ClassroomError as error:
            self.saved_note = str(error)
            return
        self.ctx.replace(make_scene("classroom-play", self.ctx, room=self.room))

    def undo(self) -> None:
        if self.room.phase != OVER and self.room.undo() is not None:
            self.ctx.replace(make_scene("classroom-play", self.ctx, room=self.room))

    BINDINGS = (
        Binding(("u",), "undo", when="not_over"),
        Binding((keys.PAGE_DOWN,), "first"),               # a presenter remote's "next"
        Binding((keys.BACK,), "leave", when="final"),
        Binding((ANY,), "widgets"),                        # the buttons: keys and clicks
    )

    def not_over(self) -> bool:
        return self.room.phase != OVER

    def action_undo(self, action) -> None:
        self.undo()

    def action_first(self, action) -> None:
        self.buttons[0].press()

    def action_leave(self, action) -> None:
        self.done()

    def action_widgets(self, action) -> None:
        self.focus.handle(action)      # a click beside the buttons does nothing (m13)

    def layout(self, size) -> None:
        text = self.ctx.text
        self.fr = frame(size, text)
        body = self.fr.body
        bh = text.line_height("button") + text.px(22)
        gap = text.px(12)
        widths = [text.width(b.label, "button") + text.px(60) + text.width(b.key, "button")
                  for b in self.buttons]
        x = body.x
        for button, w in zip(self.buttons, widths):
            w = min(w, (body.width - gap * (len(self.buttons) - 1)) // len(self.buttons))
            button.rect = pygame.Rect(x, body.bottom - bh, w, bh)
            x += w + gap
        self.button_top = body.bottom - bh

    def _rows_and_headline(self):
        room = self.room
        if not self.final:
            rows = [(s.player, s.name, s.score) for s in room.standings()]
            leader = rows[0][1]
            head = "A tie at the top!" if len(rows) > 1 and rows[1][2] == rows[0][2] else f"{leader} leads"
            return rows, head, ""
        final = room.final_standings()
        index = {name: i for i, name in enumerate(room.teams)}
        rows = [(index.get(t.team, i), t.team, t.points) for i, t in enumerate(final.teams)]
        note = final.note
        if final.ended_early:
            turns = ", ".join(f"{t.team} {t.turns}" for t in final.teams)
            note = f"{note}  Turns compared: {turns}." if note else f"Turns compared: {turns}."
        return rows, final.headline, note

    def draw(self, surface) -> None:
        ctx, room, text, palette = self.ctx, self.room, self.ctx.text, self.ctx.palette
        fr = self.fr
        title = "Final standings" if self.final else f"After round {room.round_number} of {room.rounds}"
        draw_header(surface, ctx, fr, title, "" if room.unsaved else room.results_note)
        body = fr.body
        rows, headline, note = self._rows_and_headline()
        head = text.render(text.fit(headline, BIG, body.width), BIG, palette.accent)
        surface.blit(head, (body.x, body.y))
        y = body.y + head.get_height() + text.px(8)
        if note:
            block = text.block(note, BODY, palette.bad, body.width)
            surface.blit(block, (body.x, y))
            y += block.get_height()
        problem = self.saved_note or (room.results_note if room.unsaved else "")
        bottom = self.button_top - text.px(12)
        if problem:
            label = text.render(text.fit(problem, LABEL, body.width), LABEL, palette.bad)
            bottom -= label.get_height()
            surface.blit(label, (body.x, bottom))
        chart = pygame.Rect(body.x, y + text.px(12), body.width, max(1, bottom - y - text.px(24)))
        draw_bar_chart(surface, ctx, chart, rows)
        self.focus.draw(surface, ctx)
        draw_footer(surface, ctx, fr, "Results: one CSV and one JSON file per session "
                    "(thaw results prints a summary)")
