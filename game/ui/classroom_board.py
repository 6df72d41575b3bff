"""The scoreboard between rounds and at the end (bars drawn in the game), and the review
of what the class missed, with explanations and the source passage highlighted."""

from __future__ import annotations

import pygame

from game.classroom.session import OVER, ClassroomError
from game.ui import input as keys
from game.ui.classroom_draw import (BIG, BODY, LABEL, QUOTE, SMALL, draw_bar_chart)
from game.ui.frame import draw_footer, draw_header, frame
from game.ui.scene import Scene
from game.ui.source_panel import SourceView
from game.ui.widgets import draw_panel


class ClassroomBoardScene(Scene):
    name = "classroom-board"

    def __init__(self, ctx, room) -> None:
        super().__init__(ctx)
        self.room = room
        self.saved_note = ""

    @property
    def final(self) -> bool:
        return self.room.phase == OVER or self.room.last_round

    def handle(self, action) -> None:
        kind = action.kind
        name = action.name if kind == keys.KEY else ""
        room = self.room
        if room.phase != OVER and name == "u":
            if room.undo() is not None:
                from game.ui.classroom_play import ClassroomPlayScene
                self.ctx.replace(ClassroomPlayScene(self.ctx, room))
            return
        if kind in (keys.CONFIRM, keys.POINTER_UP):
            if room.phase == OVER or room.last_round:
                room.end()
                self.ctx.replace(ClassroomReviewScene(self.ctx, room))
                return
            try:
                room.next_round()
            except ClassroomError as error:
                self.saved_note = str(error)
                return
            from game.ui.classroom_play import ClassroomPlayScene
            self.ctx.replace(ClassroomPlayScene(self.ctx, room))
        elif kind == keys.BACK and self.final:
            room.end()
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
        draw_header(surface, ctx, fr, title, "" if room.failed_saves else room.results_note)
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
            from game.classroom.setup import ROUND_TITLES
            what = (f"Enter: round {room.round_number + 1} ({ROUND_TITLES.get(kind, kind)})"
                    "      U: undo the last decision")
        if room.phase != OVER and self.final:
            what += "      U: undo"
        problem = room.results_note if room.failed_saves else ""
        label = text.render(text.fit(self.saved_note or problem or what, LABEL, body.width),
                            LABEL, palette.bad if (self.saved_note or problem) else palette.ink)
        surface.blit(label, (body.x, body.bottom - label.get_height()))
        draw_footer(surface, ctx, fr, "Results: one CSV and one JSON file per session "
                    "(thaw results prints a summary)")


class ClassroomReviewScene(Scene):
    """One missed item per page: what was asked, the right answer, why, and the source."""
    name = "classroom-review"

    def __init__(self, ctx, room) -> None:
        super().__init__(ctx)
        self.room = room
        self.items = list(room.missed())
        self.index = 0
        self.source = None
        self._pick()

    def _pick(self) -> None:
        item = self.current
        self.source = SourceView(self._citation(item)) if item else None
        self.invalidate_layout()

    @property
    def current(self):
        return self.items[self.index] if self.items else None

    def _citation(self, item):
        content = self.room.content
        question = content.question(item.item_id)
        if question is not None:
            return question.cite
        event = content.event(item.item_id)
        return event.cite if event is not None else None

    def handle(self, action) -> None:
        kind = action.kind
        if kind == keys.BACK or (kind == keys.CONFIRM and self.index >= len(self.items) - 1):
            self.ctx.home()
            return
        if kind in (keys.CONFIRM, keys.RIGHT, keys.NEXT, keys.PAGE_DOWN):
            self.index = min(len(self.items) - 1, self.index + 1)
            self._pick()
        elif kind in (keys.LEFT, keys.PREV, keys.PAGE_UP):
            self.index = max(0, self.index - 1)
            self._pick()
        elif kind == keys.POINTER_UP:
            self.index = (self.index + 1) % max(1, len(self.items))
            self._pick()
        elif self.source is not None:
            self.source.handle(action)

    def layout(self, size) -> None:
        text = self.ctx.text
        self.fr = frame(size, text)
        body = self.fr.body
        gap = text.px(24)
        left_w = (body.width - gap) * 11 // 20
        self.left = pygame.Rect(body.x, body.y, left_w, body.height)
        self.right = pygame.Rect(body.x + left_w + gap, body.y, body.width - left_w - gap,
                                 body.height)
        if self.source is not None:
            pad = text.px(14)
            self.source.layout(self.right.inflate(-2 * pad, -2 * pad), self.ctx)

    def _parts(self) -> list:
        item, content, palette = self.current, self.room.content, self.ctx.palette
        teams = self.room.teams
        who = f"Missed by {teams[item.player]}"
        question = content.question(item.item_id)
        if question is not None:
            if question.is_whose_view:
                view = content.perspective(question.answer)
                asked = (f"\u201c{question.quote}\u201d", QUOTE[3], palette.ink)
                answer = f"It is {view.name if view else question.answer}."
            else:
                asked = (question.prompt, ("serif", 27), palette.ink)
                answer = f"The answer: {question.answer}."
            return [asked, (answer, BIG, palette.good), (question.explain, BODY, palette.ink),
                    (who, SMALL, palette.muted)]
        event = content.event(item.item_id)
        if event is None:
            return [(item.item_id, BIG, palette.ink), (who, SMALL, palette.muted)]
        return [(event.title, BIG, palette.ink), (event.date.label(), LABEL, palette.good),
                (event.summary, BODY, palette.ink),
                (f"{who}: it was out of place in a timeline hand.", SMALL, palette.muted)]

    def draw(self, surface) -> None:
        ctx, text, palette = self.ctx, self.ctx.text, self.ctx.palette
        fr = self.fr
        count = len(self.items)
        right = f"{self.index + 1} of {count}" if count else ""
        draw_header(surface, ctx, fr, "What the class missed", right)
        if not count:
            block = text.block("Nothing was missed \u2014 well done, everyone.", BIG,
                               palette.good, fr.body.width)
            surface.blit(block, fr.body.topleft)
            draw_footer(surface, ctx, fr, "Enter or Esc: back to the title")
            return
        y = self.left.y
        for content, style, colour in self._parts():
            block = text.block(content, style, colour, self.left.width)
            if y + text.line_height(style) > self.left.bottom:
                break
            surface.blit(block, (self.left.x, y),
                         pygame.Rect(0, 0, block.get_width(), self.left.bottom - y))
            y += block.get_height() + text.px(14)
        draw_panel(surface, self.right, palette, radius=text.px(10), fill=palette.card)
        self.source.draw(surface, ctx)
        draw_footer(surface, ctx, fr, "Right/Enter: next   Left: back   Up/Down: scroll "
                    "the source   Esc: title")
