"""Results: the score, the stars (campaign), and what was missed with the right answers."""

from __future__ import annotations

import pygame

from game.rules.kinds import prompt_text
from game.rules.review import REVIEW, miss_detail
from game.rules.session import missed, summary
from game.ui.core.registry import make_scene
from game.ui.core import input as keys
from game.ui.core.bindings import ANY, Binding, footer
from game.ui.core.scene import Scene
from game.ui.play import flow
from game.ui.play.match import finish, level_result, level_stars, new_match, review_match
from game.ui.widgets.button import Button
from game.ui.widgets.focus import FocusRing
from game.ui.widgets.frame import draw_footer, draw_header, frame
from game.ui.widgets.scroll import ScrollView
from game.ui.widgets.shapes import draw_panel, draw_star


def _said(miss, content) -> str:
    """What the player chose, in words (review m8)."""
    if not miss.chosen:
        return ""
    if miss.kind in ("whose-view", "choice"):
        key = miss.chosen[0]
        who = content.perspective(key) if miss.kind == "whose-view" else None
        return f"You said: {who.name if who else key}"    # a choice's key is its text
    order = list(miss.chosen)
    if miss.item_id in order:
        i = order.index(miss.item_id)
        near = content.event(order[i - 1]) if i > 0 else (content.event(order[i + 1]) if i + 1 < len(order) else None)
        if near is not None:
            return f"You put it {'after' if i > 0 else 'before'} {near.title}"
    return ""


def describe_miss(miss, content) -> tuple[str, str, str]:
    """(what was asked, the right answer, what the player said) in words (m8)."""
    asked, answer = _describe(miss, content)
    return asked, answer, _said(miss, content)


def _describe(miss, content) -> tuple[str, str]:
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
        where = f", after {detail.before.title} ({detail.before.when})"
    elif detail.after is not None:
        where = f", before {detail.after.title} ({detail.after.when})"
    return event.title, f"{event.when}{where}"


class ResultsScene(Scene):
    name = "results"

    def __init__(self, ctx, match) -> None:
        super().__init__(ctx)
        self.match = match
        key = _key(match)
        before = ctx.progress.best_score(match.mode, key) if ctx.progress else None
        self.level_result = level_result(match)
        # A celebration for a new best (beating an earlier one) or a level's three stars.
        self.new_best = before is not None and match.score > before
        self.celebrate = ("Three stars!" if self.level_result is not None and self.level_result.stars == 3
                          else "New best score!" if self.new_best
                          else "Level passed!" if self.level_result is not None and self.level_result.passed
                          else "")
        self.anim = 1.0 if ctx.reduce_motion or not self.celebrate else 0.0
        self.misses = missed(match.game.session)
        content = match.game.content
        self.rows = [describe_miss(m, content) for m in self.misses]
        self.next_level = self._next_level()
        again_label = "Play the level again" if match.level is not None else "New deal"
        self.again = Button(again_label, self.play_again, primary=self.next_level is None,
                            hint="same mode and packs, new cards" if match.level is None else "")
        self.next = (Button("Next level", self.play_next, primary=True, hint=self.next_level[1].title)
                     if self.next_level else None)
        self.review = Button("Review missed", self.review_missed, enabled=bool(self.misses),
                             hint=f"{len(self.misses)} to review" if self.misses else "nothing missed")
        self.menu = Button("Menu", self.ctx.home)
        self.buttons = [b for b in (self.next, self.again, self.review, self.menu) if b]
        self.focus = FocusRing(self.buttons)
        self.scroll = ScrollView()

    def enter(self) -> None:
        finish(self.ctx, self.match)        # saved once, when the results are shown

    def play_again(self) -> None:
        match = self.match
        try:
            fresh = new_match(self.ctx, match.mode, match.pack_ids, match.level, match.pack_id,
                              match.filters) \
                if match.mode != REVIEW else review_match(self.ctx, match)
        except Exception:   # noqa: BLE001 - the packs may have been reloaded meanwhile
            fresh = None
        if fresh is None:
            self.ctx.home()
        else:
            flow.start_match(self.ctx, fresh)

    def _next_level(self):
        """(pack, level) to play next after a level passed; None otherwise."""
        result, match = self.level_result, self.match
        if result is None or not result.passed or not match.pack_id:
            return None
        pack = next((p for p in self.ctx.library.packs if p.id == match.pack_id), None)
        if pack is None:
            return None
        from game.rules import campaign
        stars = dict(level_stars(self.ctx, pack.id))     # with this level's result counted
        stars[match.level.id] = max(stars.get(match.level.id, 0), result.stars)
        level = campaign.next_level(pack, stars)
        return (pack, level) if level is not None and level.id != match.level.id else None

    def play_next(self) -> None:
        pack, level = self.next_level
        self.ctx.replace(make_scene("level-intro", self.ctx, pack=pack, level=level))

    def update(self, dt) -> None:
        if self.anim < 1.0:
            self.anim = min(1.0, self.anim + dt / 0.8)

    def busy(self) -> bool:
        return self.anim < 1.0

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
        mine = next(iter(summary(game.session)), None)
        if mine is not None:
            extras = [f"best streak {mine.best_streak}"] if mine.best_streak >= 2 else []
            extras += [f"{mine.hints} hint{'s' if mine.hints != 1 else ''} used"] if mine.hints else []
            extras += [f"{mine.timeouts} timed out"] if mine.timeouts else []
            if extras:
                lines.append(", ".join(extras).capitalize())
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
            n = len(self.buttons)
            y = body.bottom - n * button_h - (n - 1) * gap
            for button in self.buttons:
                button.rect = pygame.Rect(body.x, y, min(left_w, text.px(300)), button_h)
                y += button_h + gap
            list_rect = pygame.Rect(body.x + left_w + 2 * gap, body.y + text.line_height("subheading") + gap,
                                    body.width - left_w - 2 * gap,
                                    body.height - text.line_height("subheading") - gap)
        else:
            n = len(self.buttons)
            bw = (body.width - (n - 1) * gap) // n
            for i, button in enumerate(self.buttons):
                button.rect = pygame.Rect(body.x + i * (bw + gap), body.bottom - button_h, bw, button_h)
            top = body.y + self._summary_height(left_w) + gap
            list_rect = pygame.Rect(body.x, top + text.line_height("subheading") + gap, body.width,
                                    max(1, body.bottom - button_h - gap - top - text.line_height("subheading") - gap))
        self.list_title = (list_rect.x, list_rect.y - text.line_height("subheading") - text.px(4))
        pad = text.px(12)
        inner = max(1, list_rect.width - 2 * pad - text.px(10))
        self.cards = []
        y = 0
        for asked, right, said in self.rows:
            h = (text.block_size(asked, ("serif", 18), inner)[1]
                 + text.block_size(right, "subheading", inner)[1] + 2 * pad
                 + (text.block_size(said, "small", inner)[1] if said else 0))
            self.cards.append((pygame.Rect(0, y, list_rect.width - text.px(10), h), asked, right, said))
            y += h + gap
        self.scroll.set_geometry(list_rect, y, step=text.line_height("body") * 2)

    def _summary_height(self, width) -> int:
        text = self.ctx.text
        h = text.line_height("display") + text.px(8)
        if self.level_result is not None:
            h += text.px(40)
        for line in self.summary_lines():
            h += text.block_size(line, "body", width)[1] + text.px(4)
        if self.celebrate:
            h += text.line_height("heading")
        return h

    BINDINGS = (Binding((ANY,), "widgets", "Tab/arrows + Enter: choose   wheel or "
                        "PageUp/PageDown: scroll the list"),
                Binding((keys.BACK,), "menu", "Esc: title"))

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
            # Stars grow in one after another (at once when motion is reduced).
            r = text.px(16)
            earned = self.level_result.stars
            for i in range(3):
                grow = max(0.0, min(1.0, self.anim * 3 - i)) if i < earned else 1.0
                size = max(2, round(r * (0.4 + 0.6 * grow)))
                centre = (x + r + i * (2 * r + text.px(6)), y + r)
                draw_star(surface, centre, size, palette.gold, filled=i < earned)
            y += 2 * r + text.px(8)
        if self.celebrate:
            shown = self.celebrate[:max(1, round(len(self.celebrate) * min(1.0, self.anim * 1.5)))]
            banner = text.render(shown, "heading", palette.gold if palette.name != "high-contrast" else palette.good)
            surface.blit(banner, (x, y))
            y += banner.get_height()
        for line in self.summary_lines():
            block = text.block(line, "body", palette.ink, self.left.width)
            surface.blit(block, (x, y))
            y += block.get_height() + text.px(4)
        title = ("What you missed" if self.rows else "Nothing missed \u2014 well done.")
        surface.blit(text.render(title, "subheading", palette.accent if self.rows else palette.good),
                     self.list_title)
        view = self.scroll.rect
        clip = surface.get_clip()
        surface.set_clip(view.clip(clip))
        pad = text.px(12)
        for rect, asked, right, said in self.cards:
            card = rect.move(view.x, view.y - self.scroll.offset)
            if card.bottom < view.top or card.top > view.bottom:
                continue
            draw_panel(surface, card, palette, radius=text.px(8), fill=palette.card, shadow=False)
            inner = max(1, card.width - 2 * pad)
            a = text.block(asked, ("serif", 18), palette.ink, inner)
            surface.blit(a, (card.x + pad, card.y + pad))
            b = text.block(right, "subheading", palette.good, inner)
            surface.blit(b, (card.x + pad, card.y + pad + a.get_height()))
            if said:
                c = text.block(said, "small", palette.bad, inner)
                surface.blit(c, (card.x + pad, card.y + pad + a.get_height() + b.get_height()))
        surface.set_clip(clip)
        self.scroll.draw_bar(surface, palette)
        self.focus.draw(surface, ctx)
        draw_footer(surface, ctx, self.fr, footer(self))


def _key(match) -> str:
    from game.store.progress import packs_key
    return packs_key(match.pack_ids)
