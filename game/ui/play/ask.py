"""Whose view? (and plain multiple choice): the quote large, four choices, then the verdict
with its explanation and the source passage, the quote highlighted."""

from __future__ import annotations

import pygame

from game.rules.kinds import is_source_work, prompt_text
from game.rules.prompts import READING_RULE, lead_for
from game.ui.core import input as keys
from game.ui.core.bindings import ANY, Binding, footer
from game.ui.core.wording import full_stop, mid_sentence
from game.ui.play import flow
from game.ui.play.aids import Aids
from game.ui.play.base import LEAVE_BINDING, PlayScene
from game.ui.play.report import report_button
from game.ui.widgets.button import Button, ChoiceButton
from game.ui.widgets.focus import FocusRing, grid_move
from game.ui.widgets.frame import draw_footer, frame
from game.ui.widgets.hud import draw_hud, points_line, points_pop
from game.ui.widgets.shapes import draw_panel
from game.ui.widgets.source_view import SourceView

QUOTE_STYLES = (("serif-italic", 34), ("serif-italic", 29), ("serif-italic", 25),
                ("serif-italic", 22), ("serif-italic", 19), ("serif-italic", 16))
PROMPT_STYLES = (("serif", 28), ("serif", 25), ("serif", 22), ("serif", 19), ("serif", 16))


class AskScene(PlayScene):
    name = "ask"

    def __init__(self, ctx, match) -> None:
        super().__init__(ctx, match)
        self.pop = 0.0               # seconds since the verdict: the points float up
        self._deal_choices()
        self.aids = Aids(ctx, match, on_hint=self._hinted)
        self.next_button = Button("Continue", self.advance, primary=True)
        self.source = None
        self.columns = 1

    def _deal_choices(self) -> None:
        self.choices = [ChoiceButton(c.label, lambda key=c.key: self.answer(key), str(i + 1),
                                     c.detail)
                        for i, c in enumerate(self.prompt.live_choices)]
        self.keys = [c.key for c in self.prompt.live_choices]
        self.focus = FocusRing(self.choices)

    def _hinted(self) -> None:
        """The 50/50 took a wrong answer away: the choices left, numbered again."""
        self.prompt = self.match.prompt
        self._deal_choices()
        self.invalidate_layout()

    @property
    def question(self):
        return self.prompt.question

    def answer(self, key: str) -> None:
        if self.verdict is not None:
            return
        self.pop = 0.0
        self.verdict = self.match.move(key)
        self.aids.finish()
        for button, k in zip(self.choices, self.keys):
            button.mark = ("right" if k == self.verdict.answer.key else
                           "wrong" if k == key else "")
        self.ctx.play_sound("right" if self.verdict.correct else "wrong")
        self.source = SourceView(self.verdict.citation)
        self.report = report_button(self.ctx, self.question, "whose view" if self.question.is_whose_view else "question")
        self.focus = FocusRing([self.next_button, self.report])
        self.invalidate_layout()

    def advance(self) -> None:
        flow.advance(self.ctx, self.match)

    def update(self, dt) -> None:
        self.pop += dt
        if self.verdict is None:
            self.match.tick(dt)
            if self.aids.time_up():
                self.answer(self.keys[self.focus.index])   # scored as a time-out: 0 points

    # --- layout --------------------------------------------------------------------------
    def _ask_text(self) -> tuple[str, tuple]:
        if self.question.is_whose_view:
            return f"\u201c{self.question.quote}\u201d", QUOTE_STYLES
        if is_source_work(self.question) and self.question.quote:
            return (f"\u201c{self.question.quote}\u201d\n\n{prompt_text(self.question)}",
                    QUOTE_STYLES)
        return prompt_text(self.question), PROMPT_STYLES

    def layout(self, size) -> None:
        text = self.ctx.text
        self.fr = frame(size, text)
        body = self.fr.body
        self.reserve = self.aids.layout(self.fr.footer)
        if self.verdict is None:
            self._layout_ask(body)
        else:
            self._layout_verdict(body)

    def _layout_ask(self, body) -> None:
        text = self.ctx.text
        gap = text.px(12)
        self.lead = lead_for(self.question)
        self.rule = READING_RULE if self.question.is_whose_view else ""
        self.lead_h = text.block_size(self.lead, "subheading", body.width)[1]
        rule_h = text.block_size(self.rule, "small", body.width)[1] if self.rule else 0
        lead_h = self.lead_h + rule_h + text.px(6)
        two_cols = body.width > text.px(860) and len(self.choices) > 2
        self.columns = 2 if two_cols else 1
        col_w = (body.width - gap) // 2 if two_cols else body.width
        heights = [c.height_for(col_w, self.ctx) for c in self.choices]
        if two_cols:
            rows = [max(heights[i:i + 2]) for i in range(0, len(heights), 2)]
        else:
            rows = heights
        choices_h = sum(rows) + gap * max(0, len(rows) - 1)
        quote_room = max(text.line_height("small"), body.height - choices_h - lead_h - 3 * gap)
        quote, styles = self._ask_text()
        self.quote_style = styles[-1]
        self.quote_w = body.width
        for style in styles:
            if text.block_size(quote, style, self.quote_w - 2 * gap)[1] <= quote_room - 2 * gap:
                self.quote_style = style
                break
        quote_h = text.block_size(quote, self.quote_style, self.quote_w - 2 * gap)[1] + 2 * gap
        self.quote_rect = pygame.Rect(body.x, body.y + lead_h, self.quote_w, min(quote_h, quote_room))
        slack = body.height - (lead_h + self.quote_rect.height + 2 * gap + choices_h)
        self.lead_y = body.y + max(0, slack // 3)
        self.quote_rect.y += max(0, slack // 3)
        y = self.quote_rect.bottom + 2 * gap
        for i, button in enumerate(self.choices):
            if two_cols:
                row, col = divmod(i, 2)
                top = y + sum(rows[:row]) + gap * row
                button.rect = pygame.Rect(body.x + col * (col_w + gap), top, col_w, rows[row])
            else:
                top = y + sum(rows[:i]) + gap * i
                button.rect = pygame.Rect(body.x, top, col_w, rows[i])

    def _layout_verdict(self, body) -> None:
        text = self.ctx.text
        gap = text.px(16)
        wide = body.width > text.px(760)
        button_h = text.px(52)
        rw = min(body.width // 3, text.px(260))
        self.report.rect = pygame.Rect(body.right - min(body.width, text.px(220)) - rw - text.px(12),
                                       body.bottom - button_h, rw, button_h)
        self.next_button.rect = pygame.Rect(body.right - min(body.width, text.px(220)),
                                            body.bottom - button_h, min(body.width, text.px(220)),
                                            button_h)
        usable = body.height - button_h - gap
        if wide:
            left_w = (body.width - gap) * 9 // 20
            self.left = pygame.Rect(body.x, body.y, left_w, usable)
            self.source_rect = pygame.Rect(body.x + left_w + gap, body.y,
                                           body.width - left_w - gap, usable)
        else:
            self.left = pygame.Rect(body.x, body.y, body.width, usable * 11 // 20)
            self.source_rect = pygame.Rect(body.x, self.left.bottom + gap, body.width,
                                           max(1, usable - self.left.height - gap))
        pad = text.px(12)
        self.source.layout(self.source_rect.inflate(-2 * pad, -2 * pad), self.ctx)
        view = self.source.scroll
        if view.max_offset == 0:
            # The whole passage fits: the panel ends under it rather than as a tall empty
            # card (at 4K, half a panel of flat colour cost 0.7 ms a frame).
            needed = view.rect.y + view.content_height + pad - self.source_rect.y
            if needed < self.source_rect.height:
                self.source_rect.height = needed
                self.source.layout(self.source_rect.inflate(-2 * pad, -2 * pad), self.ctx)
        self.left_parts = self._verdict_parts(self.left.width)

    def _verdict_parts(self, width) -> list:
        """(text, style, colour, height) blocks of the verdict column, top to bottom."""
        text, palette, verdict = self.ctx.text, self.ctx.palette, self.verdict
        right = verdict.correct
        head = ("Right." if right else "Time is up." if verdict.record.timed_out else "Not quite.")
        parts = [(head, "title", palette.good if right else palette.bad)]
        parts.append((points_line(self.match.game.session.rules, verdict.record),
                      "small", palette.muted))
        if self.question.is_whose_view:
            parts.append((full_stop(f"It is {mid_sentence(verdict.answer.label)}") if right else
                          full_stop(f"You said {mid_sentence(verdict.chosen.label)}; it is "
                                    f"{mid_sentence(verdict.answer.label)}"),
                          "subheading", palette.ink))
            parts.append((f"\u201c{self.question.quote}\u201d", ("serif-italic", 19), palette.muted))
            if verdict.answer.detail:    # the teacher's words for this voice, now it is named
                parts.append((f"{verdict.answer.label}: {verdict.answer.detail}", "small", palette.muted))
        else:
            parts.append((prompt_text(self.question), ("serif", 18), palette.muted))
            parts.append(("The answer: " + verdict.answer.label, "subheading", palette.ink))
            also = getattr(verdict, "also", None)
            if also is not None:        # corroboration: where the other passage comes from
                found = also.passage(0)
                where = f", line {found.line}" if found else ""
                parts.append((f"\u2014 {also.source.title}{where}", "small", palette.muted))
            if not right:
                parts.append(("You chose: " + verdict.chosen.label, "small", palette.bad))
        parts.append((verdict.explain, "body", palette.ink))
        out = []
        for content, style, colour in parts:
            if not content:
                continue
            h = text.block_size(content, style, width)[1] + text.px(10)
            out.append((content, style, colour, h))
        return out

    # --- input ---------------------------------------------------------------------------
    BINDINGS = (Binding((keys.PICK,), "pick", "1-4 or click: answer", when="asking"),
                Binding((keys.UP, keys.DOWN, keys.LEFT, keys.RIGHT), "grid",
                        "arrows + Enter: answer", when="asking"),
                Binding(("h",), "hint", "H: hint", when="asking"),
                Binding(("r",), "report", "R: report a problem", when="can_report"),
                LEAVE_BINDING,
                Binding((ANY,), "aids", when="asking"),      # a click on the hint button
                Binding((ANY,), "choices", when="asking"),
                Binding((ANY,), "read", "Enter: continue   Up/Down or wheel: scroll the source",
                        when="judged", lead=True))

    @property
    def asking(self) -> bool:
        return self.verdict is None

    def action_pick(self, action) -> None:
        if action.n <= len(self.choices):
            self.focus.index = action.n - 1
            self.choices[action.n - 1].press()

    def action_grid(self, action) -> None:
        """Arrows follow the 2x2 grid: Down from the top right is the bottom right (M2)."""
        self.focus.index = grid_move(self.focus.index, action.kind, len(self.choices), self.columns)

    def action_choices(self, action) -> None:
        self.focus.handle(action)

    def action_read(self, action) -> None:
        kind = action.kind
        if not self.source.handle(action, keyboard=kind in (keys.UP, keys.DOWN, keys.PAGE_UP,
                                                            keys.PAGE_DOWN, keys.HOME, keys.END)):
            self.focus.handle(action)

    # --- drawing ---------------------------------------------------------------------------
    def draw(self, surface) -> None:
        ctx, text, palette = self.ctx, self.ctx.text, self.ctx.palette
        draw_hud(surface, ctx, self.fr, self.match, f"question {self.position[0]} of {self.position[1]}",
                 pop=points_pop(self.verdict, self.pop))
        if self.verdict is None:
            width = self.fr.body.width
            surface.blit(text.block(self.lead, "subheading", palette.accent, width),
                         (self.fr.body.x, self.lead_y))
            if self.rule:
                surface.blit(text.block(self.rule, "small", palette.muted, width),
                             (self.fr.body.x, self.lead_y + self.lead_h))
            draw_panel(surface, self.quote_rect, palette, radius=text.px(10), fill=palette.card)
            quote, _ = self._ask_text()
            gap = text.px(12)
            block = text.block(quote, self.quote_style, palette.ink, self.quote_w - 2 * gap)
            surface.blit(block, (self.quote_rect.x + gap, self.quote_rect.y + gap),
                         pygame.Rect(0, 0, block.get_width(), max(0, self.quote_rect.height - 2 * gap)))
            self.focus.draw(surface, ctx)
            self.aids.draw(surface)
            draw_footer(surface, ctx, self.fr, footer(self), self.reserve)
            return
        y = self.left.y
        for content, style, colour, h in self.left_parts:
            if y + text.line_height(style) > self.left.bottom:
                break
            # Opaque on the window's own colour: copied, not blended, every frame.
            block = text.block(content, style, colour, self.left.width,
                               background=palette.background)
            used = text.block_size(content, style, self.left.width)[0]   # not the empty right
            surface.blit(block, (self.left.x, y), pygame.Rect(0, 0, used, self.left.bottom - y))
            y += h
        draw_panel(surface, self.source_rect, palette, radius=text.px(10), fill=palette.card,
                   covered=self.source.covered)
        self.source.draw(surface, ctx, background=palette.card)
        self.focus.draw(surface, ctx)
        draw_footer(surface, ctx, self.fr, footer(self))
