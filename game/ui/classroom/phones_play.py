"""The projector while phones answer: the question, the live count and the timer; then the
answer with its explanation, the source and how the class answered; at the end, the
standings by student and by team.

The teacher reveals (Enter, or the button) when ready; the reveal also comes by itself
when the timer runs out or every connected phone has answered. Esc ends the session after
a confirmation. Every answer is written to the classroom results file as it is revealed,
one row per student.
"""

from __future__ import annotations

import time
from collections import Counter
from typing import Callable, Optional

import pygame

from game.classroom.session import open_writer
from game.lan.host import PhoneHost
from game.lan.quiz import PhoneQuiz, Reveal
from game.lan.room import ORDER, PhoneChoice
from game.store.results import ResultRow
from game.ui.classroom.draw import team_colour
from game.ui.core import input as keys
from game.ui.core.bindings import ANY, Binding, footer
from game.ui.core.scene import Scene
from game.ui.widgets.button import Button
from game.ui.widgets.focus import FocusRing
from game.ui.widgets.frame import draw_footer, draw_header, frame
from game.ui.widgets.shapes import draw_panel
from game.ui.widgets.source_view import SourceView

ASKING, REVEALED, OVER = "asking", "revealed", "over"
COUNT_STYLE = ("sans-bold", 56)
CHOICE_STYLE = ("sans-bold", 28)
QUOTE_STYLE = ("serif", 30)


class PhonesPlayScene(Scene):
    name = "classroom-phones-play"

    def __init__(self, ctx, *, host: PhoneHost, quiz: PhoneQuiz,
                 clock: Callable[[], float] = time.monotonic, **_options) -> None:
        super().__init__(ctx)
        self.host, self.quiz, self.clock = host, quiz, clock
        self.phase = ASKING
        self.reveal: Optional[Reveal] = None
        self.tally: Counter = Counter()
        self.confirm_end = False
        self.saved_note = ""
        self.writer = open_writer(quiz.setup, session_id="phones")
        self.source: Optional[SourceView] = None
        self.main_button = Button("Reveal the answer", self.advance, primary=True, hint="Enter")
        self.end_button = Button("End", self.ask_end, hint="Esc")
        self.focus = FocusRing([self.end_button, self.main_button], arrows=False)
        self.focus.index = 1
        self._next_question()

    # -- the flow ---------------------------------------------------------------------------
    def _next_question(self) -> None:
        question = self.quiz.next_question(now=self.clock())
        if question is None:
            self._finish()
            return
        self.question = question
        self.phase = ASKING
        self.reveal, self.source = None, None
        self.tally = Counter()
        self.right_keys: set = set()
        self.main_button.label = "Reveal the answer"
        self.host.open_question(question)
        self.host.flush()
        self.invalidate_layout()

    def advance(self) -> None:
        if self.phase == ASKING:
            self._reveal()
        elif self.phase == REVEALED:
            self._next_question()
        else:
            self.host.stop()
            self.ctx.home()

    def _reveal(self) -> None:
        answers = [a.value for a in self.host.room._open.answers.values()] if self.host.room._open else []
        self.tally = Counter(tuple(v) if isinstance(v, (list, tuple)) else v for v in answers)
        self.reveal = self.quiz.reveal()
        before = len(self.host.room.rows)
        self.host.reveal(self.quiz.judge, answer_label=self.reveal.answer_label,
                         explain=self.reveal.explain)
        self.host.flush()
        self._save(self.host.room.rows[before:])
        prompt = self.quiz.prompt
        citation = getattr(getattr(prompt, "question", None), "cite", None)
        self.source = SourceView(citation) if citation is not None else None
        self.right_keys = ({c.key for c in self.question.choices if self.quiz.judge(c.key) >= 1.0}
                           if self.question.kind != ORDER else set())
        self.quiz.settle(answers)
        self.phase = REVEALED
        self.main_button.label = ("See the standings" if self.quiz.round_index + 1 >= self.quiz.rounds
                                  else "Next question")
        self.invalidate_layout()

    def _save(self, rows) -> None:
        room = self.host.room
        out = [ResultRow(team=room.team_name(r.team) or "", round_type=self.quiz.round_type,
                         item_ids=(self.question.id,), answer_given=_describe(self.question, r.value),
                         correct=r.credit >= 1.0, points=int(round(r.points)), seconds=round(r.seconds, 1),
                         student=r.name)
               for r in rows]
        try:
            saved = self.writer.write_round(out)
        except Exception as error:  # noqa: BLE001 - a full disk must not stop the lesson
            saved = False
            self.saved_note = f"Results not saved: {error}"
        if saved:
            self.saved_note = ""

    def _finish(self) -> None:
        self.phase = OVER
        self.main_button.label = "Back to the title"
        self.focus.set_items([self.main_button], keep=False)
        if self.writer.finish() and not self.saved_note:
            self.saved_note = f"Results saved in {self.writer.csv_path.parent} (thaw results)"
        self.host.room.lock(True)
        self.invalidate_layout()

    def ask_end(self) -> None:
        if self.phase == OVER:
            self.advance()
        else:
            self.confirm_end = True

    # -- life -----------------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        self.host.pump()
        if self.phase != ASKING:
            return
        room = self.host.room
        deadline = self.question.deadline
        everyone = room.connected and room.answer_count >= len(room.connected)
        if (deadline is not None and self.clock() >= deadline) or everyone:
            self._reveal()

    BINDINGS = (
        Binding(("y",), "end_now", when="confirming"),
        Binding((keys.BACK, keys.CONFIRM, "n"), "keep_playing",     # Enter must not end a
                "End the session now?   Y: end   N or Esc: keep playing",  # lesson by accident
                when="confirming"),
        Binding((ANY,), "nothing", when="confirming"),
        Binding((keys.CONFIRM, "b"), "advance", "Enter or B: reveal / next",  # presenter
                when="running"),                                          # remotes send B
        Binding((keys.CONFIRM, "b"), "advance", "Enter: back to the title", when="finished"),
        Binding((keys.WHEEL, keys.PAGE_UP, keys.PAGE_DOWN), "scroll",
                "PageUp/PageDown: scroll the source", when="running"),
        Binding((keys.BACK,), "ask_end", "Esc: end", when="running"),
        Binding((keys.BACK,), "ask_end", when="finished"),
        Binding((ANY,), "widgets"),
    )

    def confirming(self) -> bool:
        return self.confirm_end

    def running(self) -> bool:
        return not self.confirm_end and self.phase != OVER

    def finished(self) -> bool:
        return not self.confirm_end and self.phase == OVER

    def action_end_now(self, action) -> None:
        self.confirm_end = False
        self.quiz.round_index = self.quiz.rounds
        self._finish()

    def action_keep_playing(self, action) -> None:
        self.confirm_end = False

    def action_nothing(self, action) -> None:
        pass

    def action_advance(self, action) -> None:
        self.advance()

    def action_ask_end(self, action) -> None:
        self.ask_end()

    def action_scroll(self, action) -> bool:
        if self.source is None:
            return False
        self.source.handle(action)
        return True

    def action_widgets(self, action) -> None:
        self.focus.handle(action)

    # -- drawing ----------------------------------------------------------------------------------
    def layout(self, size) -> None:
        text = self.ctx.text
        self.fr = fr = frame(size, text)
        body, gap = fr.body, fr.gap
        button_h = text.px(60)
        bw = min(text.px(360), body.width // 3)
        self.main_button.rect = pygame.Rect(body.right - bw, body.bottom - button_h, bw, button_h)
        self.end_button.rect = pygame.Rect(body.x, body.bottom - button_h, text.px(160), button_h)
        self.content_rect = pygame.Rect(body.x, body.y, body.width, body.height - button_h - gap)
        side = self.content_rect.width // 3
        self.side_rect = pygame.Rect(self.content_rect.right - side, self.content_rect.y, side,
                                     self.content_rect.height)
        self.main_rect = pygame.Rect(self.content_rect.x, self.content_rect.y,
                                     self.content_rect.width - side - gap, self.content_rect.height)
        if self.source is not None:
            self.source.layout(self.side_rect.inflate(-text.px(20), -text.px(20)), self.ctx)

    def draw(self, surface) -> None:
        ctx, text = self.ctx, self.ctx.text
        room = self.host.room
        if self.phase == OVER:
            draw_header(surface, ctx, self.fr, "Final standings", f"room {room.code}")
            self._draw_standings(surface)
        else:
            number = f"question {self.quiz.round_index + 1} of {self.quiz.rounds}"
            draw_header(surface, ctx, self.fr, "Everyone answers", f"{number}  ·  room {room.code}")
            self._draw_question(surface)
            if self.phase == ASKING:
                self._draw_count(surface)
            else:
                self._draw_source(surface)
        self.focus.draw(surface, ctx)
        if self.saved_note:
            x = self.fr.body.x if self.phase == OVER else self.end_button.rect.right + self.fr.gap
            room_w = self.main_button.rect.x - x - self.fr.gap
            colour = ctx.palette.muted if self.saved_note.startswith("Results saved") else ctx.palette.bad
            note = text.render(text.fit(self.saved_note, "small", room_w), "small", colour)
            surface.blit(note, (x, self.main_button.rect.centery - note.get_height() // 2))
        draw_footer(surface, ctx, self.fr, footer(self))

    def _draw_question(self, surface) -> None:
        text, palette = self.ctx.text, self.ctx.palette
        rect = self.main_rect
        pad = text.px(12)
        y = rect.y
        quote = text.block(self.question.text, QUOTE_STYLE, palette.ink, rect.width)
        clip = pygame.Rect(rect.x, y, rect.width, min(quote.get_height(), rect.height // 2))
        surface.blit(quote, clip.topleft, pygame.Rect(0, 0, clip.width, clip.height))
        y = clip.bottom + pad
        choices = self.question.choices
        if self.phase == REVEALED and self.reveal is not None and self.reveal.order:
            # A sort hand: the cards in their true order, with their dates.
            choices = tuple(PhoneChoice(str(i), title, date)
                            for i, (title, date) in enumerate(self.reveal.order))
        total = max(1, sum(self.tally.values()))
        right = self.right_keys
        row_h = max(text.line_height(CHOICE_STYLE) + text.px(12),
                    min(text.px(88), (rect.bottom - y) // max(1, len(choices)) - pad))
        for i, choice in enumerate(choices):
            row = pygame.Rect(rect.x, y + i * (row_h + pad), rect.width, row_h)
            if row.bottom > rect.bottom:
                break
            fill = palette.card
            if self.phase == REVEALED and (choice.key in right or self.reveal.order):
                fill = palette.good
            draw_panel(surface, row, palette, text.px(8), fill=fill, shadow=False)
            if self.phase == REVEALED and self.question.kind != ORDER:
                share = self.tally.get(choice.key, 0) / total
                bar = pygame.Rect(row.x, row.bottom - text.px(8), int(row.width * share), text.px(8))
                surface.fill(palette.accent, bar)
            label = f"{i + 1}  {choice.label}"
            if self.phase == REVEALED and self.question.kind != ORDER:
                label += f"   ({self.tally.get(choice.key, 0)})"
            ink = palette.accent_ink if fill == palette.good else palette.ink
            image = text.render(text.fit(label, CHOICE_STYLE, row.width - 2 * pad), CHOICE_STYLE, ink)
            detail = None
            if choice.detail and row.height >= image.get_height() + text.line_height("small") + pad:
                detail = text.render(text.fit(choice.detail, "small", row.width - 2 * pad), "small",
                                     ink if fill == palette.good else palette.muted)
            top = row.centery - (image.get_height() + (detail.get_height() if detail else 0)) // 2
            surface.blit(image, (row.x + pad, top))
            if detail is not None:
                surface.blit(detail, (row.x + pad, top + image.get_height()))

    def _draw_count(self, surface) -> None:
        text, palette = self.ctx.text, self.ctx.palette
        rect = self.side_rect
        draw_panel(surface, rect, palette, text.px(10))
        room = self.host.room
        count = text.render(f"{room.answer_count} / {len(room.connected)}", COUNT_STYLE, palette.accent)
        surface.blit(count, (rect.centerx - count.get_width() // 2, rect.y + text.px(20)))
        label = text.render("answered", "body", palette.muted)
        surface.blit(label, (rect.centerx - label.get_width() // 2, rect.y + text.px(24) + count.get_height()))
        deadline = self.question.deadline
        if deadline is not None:
            left = max(0.0, deadline - self.clock())
            span = max(0.001, deadline - self.question.opened_at)
            bar = pygame.Rect(rect.x + text.px(16), rect.bottom - text.px(40), rect.width - text.px(32), text.px(16))
            pygame.draw.rect(surface, palette.line, bar, border_radius=text.px(8))
            filled = bar.copy()
            filled.width = int(bar.width * left / span)
            pygame.draw.rect(surface, palette.accent, filled, border_radius=text.px(8))
            secs = text.render(f"{int(left + 0.999)} s", "subheading", palette.ink)
            surface.blit(secs, (rect.centerx - secs.get_width() // 2, bar.y - secs.get_height() - text.px(4)))

    def _draw_source(self, surface) -> None:
        text, palette = self.ctx.text, self.ctx.palette
        rect = self.side_rect
        draw_panel(surface, rect, palette, text.px(10))
        inner = rect.inflate(-text.px(20), -text.px(20))
        reveal = self.reveal
        if reveal is None:
            return
        y = inner.y
        heading = f"Answer: {reveal.answer_label}" if not reveal.order else "The true order is on the left."
        answer = text.block(heading, "subheading", palette.good, inner.width)
        surface.blit(answer, (inner.x, y))
        y += answer.get_height() + text.px(6)
        explain = text.block(self.class_line() + "\n\n" + (reveal.explain if not reveal.order else ""),
                             "body", palette.ink, inner.width)
        room_h = inner.bottom - y if self.source is None else (inner.bottom - y) // 2
        surface.blit(explain, (inner.x, y), pygame.Rect(0, 0, inner.width, max(0, room_h)))
        if self.source is not None:
            top = y + min(explain.get_height(), room_h) + text.px(8)
            self.source.layout(pygame.Rect(inner.x, top, inner.width, max(1, inner.bottom - top)), self.ctx)
            self.source.draw(surface, self.ctx)

    def class_line(self) -> str:
        """How the class did on the question just revealed."""
        revealed = [r for r in self.host.room.rows if r.question == self.question.id]
        if not revealed:
            return "No phone answered this one."
        right = sum(1 for r in revealed if r.credit >= 1.0)
        line = f"{right} of {len(revealed)} answers right"
        if self.question.kind == ORDER:
            mean = round(100 * sum(r.credit for r in revealed) / len(revealed))
            line += f"; on average {mean}% of the pairs in order"
        return line + "."

    def _draw_standings(self, surface) -> None:
        text, palette = self.ctx.text, self.ctx.palette
        rect = self.content_rect
        half = rect.width // 2 - self.fr.gap
        left = pygame.Rect(rect.x, rect.y, half, rect.height)
        right = pygame.Rect(rect.right - half, rect.y, half, rect.height)
        for panel in (left, right):
            draw_panel(surface, panel, palette, text.px(10))
        pad = text.px(14)
        room = self.host.room
        y = left.y + pad
        surface.blit(text.render("Students", "subheading", palette.ink), (left.x + pad, y))
        y += text.line_height("subheading") + pad
        row_h = text.line_height("body") + text.px(6)
        for place, player in enumerate(room.standings(), start=1):
            if y + row_h > left.bottom - pad:
                break
            line = (f"{place}. {player.name}  —  {player.right} of {player.answered} right"
                    f"  ·  {player.score:g} pts")
            surface.blit(text.render(text.fit(line, "body", left.width - 2 * pad), "body", palette.ink),
                         (left.x + pad, y))
            y += row_h
        y = right.y + pad
        surface.blit(text.render("Teams (mean per student)", "subheading", palette.ink), (right.x + pad, y))
        y += text.line_height("subheading") + pad
        for index, (team, mean, members) in enumerate(sorted(room.team_scores(), key=lambda t: -t[1])):
            colour = team_colour(self.quiz.setup.teams.index(team)) if team in self.quiz.setup.teams else palette.muted
            pygame.draw.circle(surface, colour, (right.x + pad + text.px(8), y + row_h // 2), text.px(7))
            who = "no students" if not members else f"{members} student{'s' if members != 1 else ''}"
            line = f"{team}  —  {mean:g} pts a student  ({who})"
            surface.blit(text.render(text.fit(line, "body", right.width - 3 * pad), "body", palette.ink),
                         (right.x + pad + text.px(24), y))
            y += row_h


def _describe(question, value) -> str:
    """An answer as text for the results file: the labels, never the opaque keys."""
    labels = {c.key: c.label for c in question.choices}
    if isinstance(value, (list, tuple)):
        return " < ".join(labels.get(v, "?") for v in value)
    return labels.get(value, "?")
