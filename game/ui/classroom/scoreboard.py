"""The scoreboard between rounds and at the end (bars drawn in the game); after the last
round it opens the review of what the class missed (game/ui/classroom/review.py)."""

from __future__ import annotations

import pygame

from game.classroom.session import OVER, ClassroomError
from game.classroom.setup import ROUND_TITLES
from game.ui.classroom.draw import BIG, LABEL, draw_bar_chart
from game.ui.core import input as keys
from game.ui.core.bindings import Binding, dispatch
from game.ui.core.registry import make_scene
from game.ui.core.scene import Scene
from game.ui.widgets.frame import draw_footer, draw_header, frame


class ClassroomBoardScene(Scene):
    name = "classroom-board"

    def __init__(self, ctx, room) -> None:
        super().__init__(ctx)
        self.room = room
        self.saved_note = ""

    @property
    def final(self) -> bool:
        return self.room.phase == OVER or self.room.last_round

    # The key hints are drawn in the body (they name the next round), not in the footer.
    BINDINGS = (
        Binding(("u",), "undo", when="not_over"),
        Binding((keys.CONFIRM, keys.POINTER_UP), "carry_on"),
        Binding((keys.BACK,), "leave", when="final"),
    )

    def not_over(self) -> bool:
        return self.room.phase != OVER

    def handle(self, action) -> None:
        dispatch(self, action)

    def action_undo(self, action) -> None:
        if self.room.undo() is not None:
            self.ctx.replace(make_scene("classroom-play", self.ctx, room=self.room))

    def action_carry_on(self, action) -> None:
        room = self.room
        if room.phase == OVER or room.last_round:
            room.end()
            self.ctx.replace(make_scene("classroom-review", self.ctx, room=room))
            return
        try:
            room.next_round()
        except ClassroomError as error:
            self.saved_note = str(error)
            return
        self.ctx.replace(make_scene("classroom-play", self.ctx, room=room))

    def action_leave(self, action) -> None:
        self.room.end()
        self.ctx.home()

    def layout(self, size) -> None:
        self.fr = frame(size, self.ctx.text)

    def draw(self, surface) -> None:
        ctx, room, text, palette = self.ctx, self.room, self.ctx.text, self.ctx.palette
        fr = self.fr
        if self.final:
            title = "Final standings"
        else:
            title = f"After round {room.round_number} of {room.rounds}"
        draw_header(surface, ctx, fr, title, "" if room.unsaved else room.results_note)
        body = fr.body
        rows = [(s.player, s.name, s.score) for s in room.standings()]
        leader = rows[0]
        lead_text = (f"{leader[1]} win{'s' if not leader[1].endswith('s') else ''}!"
                     if self.final else f"{leader[1]} lead{'s' if not leader[1].endswith('s') else ''}")
        if len(rows) > 1 and rows[1][2] == leader[2]:
            lead_text = "A tie at the top!"
        head = text.render(text.fit(lead_text, BIG, body.width), BIG, palette.accent)
        surface.blit(head, (body.x, body.y))
        next_h = text.line_height(LABEL) + text.px(16)
        chart = pygame.Rect(body.x, body.y + head.get_height() + text.px(20), body.width,
                            body.height - head.get_height() - text.px(20) - next_h)
        draw_bar_chart(surface, ctx, chart, rows)
        if self.final:
            what = "Enter: review what the class missed      Esc: back to the title"
        else:
            kind = room.setup.round_type(room.round_number)
            what = (f"Enter: round {room.round_number + 1} ({ROUND_TITLES.get(kind, kind)})"
                    "      U: undo the last decision")
        if room.phase != OVER and self.final:
            what += "      U: undo"
        problem = room.results_note if room.unsaved else ""
        label = text.render(text.fit(self.saved_note or problem or what, LABEL, body.width),
                            LABEL, palette.bad if (self.saved_note or problem) else palette.ink)
        surface.blit(label, (body.x, body.bottom - label.get_height()))
        draw_footer(surface, ctx, fr, "Results: one CSV and one JSON file per session "
                    "(thaw results prints a summary)")
