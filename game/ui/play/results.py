"""Results: the score, the stars (campaign), and what was missed with the right answers."""

from __future__ import annotations

import pygame

from game.rules.kinds import prompt_text
from game.rules.review import REVIEW, miss_detail
from game.rules.session import missed
from game.ui.core import input as keys
from game.ui.core.bindings import ANY, Binding, dispatch, footer
from game.ui.core.scene import Scene
from game.ui.play import flow
from game.ui.play.match import finish, level_result, new_match, review_match
from game.ui.widgets.button import Button
from game.ui.widgets.focus import FocusRing
from game.ui.widgets.frame import draw_footer, draw_header, frame
from game.ui.widgets.scroll import ScrollView
from game.ui.widgets.shapes import draw_panel, draw_stars


def describe_miss(miss, content) -> tuple[str, str]:
    """(what was asked, the right answer) in words, for the list of misses."""
    detail = miss_detail(miss, content)
    if detail.is_question:
        question = detail.question
        if question is None:
            return miss.item_id, ""
        asked = (f"\u201c{question.quote}\u201d" if question.is_whose_view
                 else prompt_text(question))
        return asked, f"Answer: {detail.answer}"
    event = detail.event
    if event is None:
        return miss.item_id, ""
    where = ""
    if detail.before is not None:
        where = f", after {detail.before.title} ({detail.before.date.label()})"
    elif detail.after is not None:
        where = f", before {detail.after.title} ({detail.after.date.label()})"
    return event.title, f"{event.date.label()}{where}"


class ResultsScene(Scene):
    name = "results"

    def __init__(self, ctx, match) -> None:
        super().__init__(ctx)
        self.match = match
        self.level_result = level_result(match)
        self.misses = missed(match.game.session)
        content = match.game.content
        self.rows = [describe_miss(m, content) for m in self.misses]
        self.again = Button("Play again", self.play_again, primary=True)
        self.review = Button("Review missed", self.review_missed, enabled=bool(self.misses),
                             hint=f"{len(self.misses)} to review" if self.misses else "nothing missed")
        self.menu = Button("Menu", self.ctx.home)
        self.focus = FocusRing([self.again, self.review, self.menu])
        self.scroll = ScrollView()

    def enter(self) -> None:
        finish(self.ctx, self.match)        # saved once, when the results are shown

    def play_again(self) -> None:
        match = self.match
        try:
            fresh = new_match(self.ctx, match.mode, match.pack_ids, match.level, match.pack_id) \
                if match.mode != REVIEW else review_match(self.ctx, match)
        except Exception:   # noqa: BLE001 - the packs may have been reloaded meanwhile
            fresh = None
        if fresh is None:
            self.ctx.home()
        else:
            flow.start_match(self.ctx, fresh)

    def review_missed(self) -> None:
        flow.start_match(self.ctx, review_match(self.ctx, self.match))

    # --- what is shown ---------------------------------------------------------------------
    def summary_lines(self) -> list[str]:
        game = self.match.game
        answers = [r for r in game.records if r.is_answer]
        right = sum(r.correct for r in answers)
        lines = [f"{right} of {len(answers)} right"]
        if self.level_result is not None:
            share = round(self.level_result.share * 100)
            lines.append(f"{share}% of the level \u2014 " +
                         ("passed" if self.level_result.passed else
                          f"{round(game.session.rules.pass_mark * 100)}% needed to pass"))
        best = self.ctx.progress.best_score(self.match.mode, _key(self.match)) if self.ctx.progress else None
        if best is not None:
            lines.append(f"Best score with these packs: {best}")
        return lines

    def layout(self, size) -> None:
        text = self.ctx.text
        self.fr = frame(size, text)
        body = self.fr.body
        gap = text.px(12)
        wide = body.width > text.px(800)
        left_w = (body.width - 2 * gap) * 2 // 5 if wide else body.width
        button_h = max(text.px(56), text.line_height("button") + text.line_height("small") + 10)
        self.left = pygame.Rect(body.x, body.y, left_w, body.height)
        if wide:
            y = body.bottom - 3 * button_h - 2 * gap
            for button in (self.again, self.review, self.menu):
                button.rect = pygame.Rect(body.x, y, min(left_w, text.px(300)), button_h)
                y += button_h + gap
            list_rect = pygame.Rect(body.x + left_w + 2 * gap, body.y + text.line_height("subheading") + gap,
                                    body.width - left_w - 2 * gap,
                                    body.height - text.line_height("subheading") - gap)
        else:
            bw = (body.width - 2 * gap) // 3
            for i, button in enumerate((self.again, self.review, self.menu)):
                button.rect = pygame.Rect(body.x + i * (bw + gap), body.bottom - button_h, bw, button_h)
            top = body.y + self._summary_height(left_w) + gap
            list_rect = pygame.Rect(body.x, top + text.line_height("subheading") + gap, body.width,
                                    max(1, body.bottom - button_h - gap - top - text.line_height("subheading") - gap))
        self.list_title = (list_rect.x, list_rect.y - text.line_height("subheading") - text.px(4))
        pad = text.px(12)
        inner = max(1, list_rect.width - 2 * pad - text.px(10))
        self.cards = []
        y = 0
        for asked, answer in self.rows:
            h = (text.block_size(asked, ("serif", 18), inner)[1]
                 + text.block_size(answer, "subheading", inner)[1] + 2 * pad)
            self.cards.append((pygame.Rect(0, y, list_rect.width - text.px(10), h), asked, answer))
            y += h + gap
        self.scroll.set_geometry(list_rect, y, step=text.line_height("body") * 2)

    def _summary_height(self, width) -> int:
        text = self.ctx.text
        h = text.line_height("display") + text.px(8)
        if self.level_result is not None:
            h += text.px(40)
        for line in self.summary_lines():
            h += text.block_size(line, "body", width)[1] + text.px(4)
        return h

    BINDINGS = (Binding((ANY,), "widgets", "Tab/arrows + Enter: choose   wheel or "
                        "PageUp/PageDown: scroll the list"),
                Binding((keys.BACK,), "menu", "Esc: menu"))

    def handle(self, action) -> None:
        dispatch(self, action)

    def action_menu(self, action) -> None:
        self.ctx.home()

    def action_widgets(self, action) -> None:
        if not self.scroll.handle(action, keyboard=action.kind in (keys.PAGE_UP, keys.PAGE_DOWN)):
            self.focus.handle(action)

    def draw(self, surface) -> None:
        ctx, text, palette = self.ctx, self.ctx.text, self.ctx.palette
        draw_header(surface, ctx, self.fr, f"Results \u2014 {self.match.title}")
        x, y = self.left.topleft
        label = text.render("Score", "subheading", palette.muted)
        surface.blit(label, (x, y))
        y += label.get_height()
        score = text.render(str(self.match.score), "display", palette.accent)
        surface.blit(score, (x, y))
        y += score.get_height() + text.px(8)
        if self.level_result is not None:
            r = text.px(16)
            draw_stars(surface, (x, y), r, self.level_result.stars, palette)
            y += 2 * r + text.px(8)
        for line in self.summary_lines():
            block = text.block(line, "body", palette.ink, self.left.width)
            surface.blit(block, (x, y))
            y += block.get_height() + text.px(4)
        title = ("What you missed" if self.rows else "Nothing missed \u2014 well done.")
        surface.blit(text.render(title, "subheading", palette.accent), self.list_title)
        view = self.scroll.rect
        clip = surface.get_clip()
        surface.set_clip(view.clip(clip))
        pad = text.px(12)
        for rect, asked, answer in self.cards:
            card = rect.move(view.x, view.y - self.scroll.offset)
            if card.bottom < view.top or card.top > view.bottom:
                continue
            draw_panel(surface, card, palette, radius=text.px(8), fill=palette.card, shadow=False)
            inner = max(1, card.width - 2 * pad)
            a = text.block(asked, ("serif", 18), palette.ink, inner)
            surface.blit(a, (card.x + pad, card.y + pad))
            b = text.block(answer, "subheading", palette.good, inner)
            surface.blit(b, (card.x + pad, card.y + pad + a.get_height()))
        surface.set_clip(clip)
        self.scroll.draw_bar(surface, palette)
        self.focus.draw(surface, ctx)
        draw_footer(surface, ctx, self.fr, footer(self))


def _key(match) -> str:
    from game.store.progress import packs_key
    return packs_key(match.pack_ids)
