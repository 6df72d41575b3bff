"""Drawing a classroom prompt and its outcome at projector size. Functions, no state:
the play screen (turn.py) passes what is focused and picked, and gets back the rectangles
that clicks can hit, as (rect, what) pairs (what: a choice index, or "send")."""

from __future__ import annotations

import pygame

from game.rules.kinds import ScaleVerdict, is_source_work, prompt_text
from game.rules.prompts import lead_for
from game.rules.scoring import explain_points
from game.ui.core.wording import full_stop
from game.ui.classroom.draw import (BIG, BODY, CARD, CHOICE, CHOICE_SMALL, LABEL, PROMPT, QUOTE,
                                    SMALL, fit_style, team_colour)
from game.ui.classroom.scale_view import scale_truth
from game.ui.widgets.shapes import draw_focus, draw_panel

VERDICT = ("serif-bold", 64)


def draw_ask(surface, ctx, area, body, prompt, focus: int, show_focus: bool) -> list:
    """The question large, every choice in a 2x2 grid; a choice taken away (the one a team
    missed, on a steal) is struck out and has no number. Returns the click targets."""
    text, palette = ctx.text, ctx.palette
    targets = []
    question = prompt.question
    lead_img = text.block(lead_for(question), LABEL, palette.accent, area.width)
    surface.blit(lead_img, (area.x, area.y))
    shown = prompt.choices
    live = [c.key for c in prompt.live_choices]
    gap = text.px(14)
    cols = 2 if len(shown) > 2 else 1
    rows = (len(shown) + cols - 1) // cols
    col_w = (body.width - gap * (cols - 1)) // cols
    label_w = col_w - text.px(84)
    longest = max((text.block_size(c.label, CHOICE, label_w)[1] for c in shown), default=0)
    style = CHOICE_SMALL if longest > text.line_height(CHOICE) * 2 else CHOICE
    heights = [text.block_size(c.label, style, label_w)[1] +
               (text.block_size(c.detail, SMALL, label_w)[1] if c.detail else 0) for c in shown]
    row_h = max(max(heights, default=0) + text.px(24), text.px(72))
    choices_h = rows * row_h + (rows - 1) * gap
    if choices_h > body.height * 3 // 5:    # descriptions do not fit: the labels alone
        heights = [text.block_size(c.label, style, label_w)[1] for c in shown]
        row_h = max(max(heights, default=0) + text.px(24), text.px(72))
        choices_h = rows * row_h + (rows - 1) * gap
        details = False
    else:
        details = True
    top = area.y + lead_img.get_height() + text.px(8)
    box = pygame.Rect(area.x, top, area.width, max(text.px(40), body.bottom - choices_h - gap * 2 - top))
    content = f"\u201c{question.quote}\u201d" if question.is_whose_view else prompt_text(question)
    if is_source_work(question) and question.quote:     # the passage, then what is asked of it
        content = f"\u201c{question.quote}\u201d\n{prompt_text(question)}"
    inner = box.width - 2 * gap
    quote_style = fit_style(ctx, content, QUOTE if question.is_whose_view or question.quote else PROMPT, inner,
                            box.height - 2 * gap)
    block = text.block(content, quote_style, palette.ink, inner)
    box.height = min(box.height, block.get_height() + 2 * gap)
    draw_panel(surface, box, palette, radius=text.px(10), fill=palette.card)
    surface.blit(block, (box.x + gap, box.y + gap),
                 pygame.Rect(0, 0, block.get_width(), box.height - 2 * gap))
    y0 = body.bottom - choices_h
    number = 0
    for i, choice in enumerate(shown):
        r, c = divmod(i, cols)
        rect = pygame.Rect(body.x + c * (col_w + gap), y0 + r * (row_h + gap), col_w, row_h)
        struck = choice.key not in live
        if not struck and number == focus and show_focus:
            draw_focus(surface, rect, palette, text.px(10), gap=max(3, text.px(5)))
        draw_panel(surface, rect, palette, radius=text.px(10),
                   fill=palette.panel if struck else palette.card, shadow=False)
        badge = pygame.Rect(rect.x + text.px(12), rect.centery - text.px(24), text.px(48), text.px(48))
        ink = palette.muted if struck else palette.ink
        if not struck:
            number += 1
            pygame.draw.rect(surface, palette.accent, badge, border_radius=text.px(6))
            key = text.render(str(number), CHOICE, palette.accent_ink)
            surface.blit(key, (badge.centerx - key.get_width() // 2, badge.centery - key.get_height() // 2))
        label = text.block(choice.label, style, ink, label_w)
        detail = (text.block(choice.detail, SMALL, palette.muted, label_w)
                  if details and choice.detail else None)
        h = label.get_height() + (detail.get_height() if detail else 0)
        ly = rect.centery - h // 2
        surface.blit(label, (badge.right + text.px(16), ly))
        if detail:
            surface.blit(detail, (badge.right + text.px(16), ly + label.get_height()))
        if struck:
            y = ly + label.get_height() // 2
            pygame.draw.line(surface, palette.bad, (badge.right + text.px(10), y),
                             (badge.right + text.px(22) + min(label_w, label.get_width()), y),
                             max(2, text.px(4)))
        else:
            targets.append((rect, number - 1))
    return targets


def draw_hand(surface, ctx, area, body, prompt, order, focus: int, show_focus: bool) -> list:
    text, palette = ctx.text, ctx.palette
    targets = []
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
    avail = body.bottom - top - slot_label_h - gap - text.px(60)
    card_h = max(text.px(90), min(avail, text.px(260)))
    for i, card in enumerate(cards):
        rect = pygame.Rect(body.x + i * (card_w + gap), top, card_w, card_h)
        picked = card.id in order
        if i == focus and show_focus:
            draw_focus(surface, rect, palette, text.px(10), gap=max(3, text.px(5)))
        draw_panel(surface, rect, palette, radius=text.px(10),
                   fill=palette.panel if picked else palette.card,
                   border=palette.gold if picked else palette.line, shadow=not picked)
        badge_text = str(order.index(card.id) + 1) if picked else str(i + 1)
        badge = pygame.Rect(rect.x + text.px(10), rect.y + text.px(10), text.px(44), text.px(44))
        pygame.draw.rect(surface, palette.gold if picked else palette.accent, badge,
                         border_radius=text.px(6))
        number = text.render(badge_text, CHOICE, palette.accent_ink)
        surface.blit(number, (badge.centerx - number.get_width() // 2,
                              badge.centery - number.get_height() // 2))
        inner = rect.width - text.px(24)
        style = fit_style(ctx, card.title, (CARD, ("serif-bold", 24), ("serif-bold", 20)),
                          inner, rect.height - badge.height - text.px(30))
        title = text.block(card.title, style, palette.muted if picked else palette.ink, inner)
        surface.blit(title, (rect.x + text.px(12), badge.bottom + text.px(10)),
                     pygame.Rect(0, 0, title.get_width(), max(0, rect.bottom - badge.bottom - text.px(16))))
        targets.append((rect, i))
    y = top + card_h + gap
    chosen = [next(c for c in cards if c.id == cid) for cid in order]
    line = "Your order: " + ("   ".join(f"{i}. {c.title}" for i, c in enumerate(chosen, 1))
                             if chosen else "(click the earliest event first)")
    block = text.block(line, LABEL, palette.ink, body.width)
    room = max(0, body.bottom - y - text.px(64))
    surface.blit(block, (body.x, y), pygame.Rect(0, 0, block.get_width(), room))
    ready = len(order) == n
    send = pygame.Rect(body.right - text.px(300), body.bottom - text.px(56), text.px(300), text.px(56))
    draw_panel(surface, send, palette, radius=text.px(10),
               fill=palette.accent if ready else palette.card, shadow=False)
    label = text.render("Enter: send the order" if ready else f"{len(order)} of {n} placed",
                        LABEL, palette.accent_ink if ready else palette.muted)
    surface.blit(label, (send.centerx - label.get_width() // 2, send.centery - label.get_height() // 2))
    targets.append((send, "send"))
    return targets


def outcome_lines(ctx, outcome, teams, rules) -> tuple[str, tuple, list]:
    """(headline, colour, [(text, style, colour)]) for what the room sees after a turn."""
    palette = ctx.palette
    verdict = outcome.verdict
    team = teams[outcome.team]
    lines: list = []
    if outcome.kind == "skip":
        return f"{team}: turn skipped", palette.muted, [
            ("No points. The turn passes to the next team.", BODY, palette.ink)]
    if outcome.stolen:
        lead = f"{team} stole it: " if verdict.correct else f"{team} missed the steal too. "
    else:
        lead = ""
    if outcome.kind == "timeout":
        head, colour = "Time is up!", palette.bad
        lines.append((f"{team} scores nothing this turn.", BODY, palette.ink))
    elif verdict.correct:
        head, colour = f"{lead}Right! +{verdict.record.points}", palette.good
    else:
        points = verdict.record.points
        head = f"{lead}Not quite{f' (+{points} for order)' if points else ''}"
        colour = palette.bad
    if verdict is not None and outcome.kind != "timeout" and verdict.record.points:
        lines.append(("   ".join(explain_points(rules, verdict.record)), SMALL, palette.muted))
    lines.extend(_truth(ctx, verdict))
    return head, colour, lines


def _truth(ctx, verdict) -> list:
    palette = ctx.palette
    if verdict is None:
        return []
    if isinstance(verdict, ScaleVerdict):
        return [(line, BODY, palette.ink) for line in scale_truth(verdict)]
    also = getattr(verdict, "also", None)
    if also is not None and getattr(verdict, "citation", None) is not None:   # corroboration
        claim = verdict.citation
        out = [(f"The claim ({claim.source.title}): \u201c{claim.excerpt}\u201d", BODY, palette.ink),
               (f"The answer ({also.source.title}): \u201c{also.excerpt}\u201d", LABEL, palette.good)]
        return out + ([(verdict.explain, BODY, palette.ink)] if verdict.explain else [])
    if hasattr(verdict, "question"):
        out = [(full_stop(f"The answer: {verdict.answer.label}"), LABEL, palette.good)]
        if getattr(verdict.answer, "detail", ""):      # the voice's view, now it is named
            out.append((f"{verdict.answer.label}: {verdict.answer.detail}", SMALL, palette.muted))
        if verdict.explain:
            out.append((verdict.explain, BODY, palette.ink))
        return out
    return []


def draw_outcome(surface, ctx, area, outcome, teams, rules) -> None:
    """The verdict for the whole room: the headline, where the points came from, the right
    answer and why; for a hand the team's own order (out-of-place cards marked) beside the
    true order (review m12)."""
    text = ctx.text
    head, colour, lines = outcome_lines(ctx, outcome, teams, rules)
    big = text.render(text.fit(head, VERDICT, area.width), VERDICT, colour)
    y = area.y
    surface.blit(big, (area.x, y))
    y += big.get_height() + text.px(10)
    pygame.draw.rect(surface, team_colour(outcome.team), (area.x, y, min(area.width, text.px(260)), text.px(8)))
    y += text.px(24)
    for line, style, ink in lines:
        if y + text.line_height(style) > area.bottom:
            break
        block = text.block(line, style, ink, area.width)
        surface.blit(block, (area.x, y), pygame.Rect(0, 0, block.get_width(), area.bottom - y))
        y += block.get_height() + text.px(12)
    verdict = outcome.verdict
    if (verdict is not None and hasattr(verdict, "true_order") and outcome.kind != "skip"
            and not isinstance(verdict, ScaleVerdict)):   # a spectrum says its placements in lines
        _draw_orders(surface, ctx, pygame.Rect(area.x, y, area.width, area.bottom - y), verdict)


def _draw_orders(surface, ctx, rect, verdict) -> None:
    text, palette = ctx.text, ctx.palette
    gap = text.px(24)
    col_w = (rect.width - gap) // 2
    columns = (("Their order", verdict.order, True), ("The true order", verdict.true_order, False))
    for c, (title, events, mark) in enumerate(columns):
        x = rect.x + c * (col_w + gap)
        y = rect.y
        head = text.render(title, LABEL, palette.accent)
        surface.blit(head, (x, y))
        y += head.get_height() + text.px(6)
        for i, event in enumerate(events, 1):
            wrong = mark and event.id in verdict.misplaced
            line = f"{i}. {event.title} ({event.when})" + (" \u2014 out of place" if wrong else "")
            block = text.block(line, LABEL, palette.bad if wrong else palette.ink, col_w)
            if y + block.get_height() > rect.bottom:
                break
            surface.blit(block, (x, y))
            y += block.get_height() + text.px(6)


def draw_offer(surface, ctx, rect, missed_team: str, team: str, points: int) -> pygame.Rect:
    """The steal offer's line at the top: who missed, who may steal; returns the free space
    right of the text (for the Steal / No thanks buttons)."""
    text, palette = ctx.text, ctx.palette
    head = text.render("Not quite.", BIG, palette.bad)
    surface.blit(head, (rect.x, rect.y))
    line = text.render(text.fit(f"{team} may steal it for {points} points: the wrong answer is struck out.",
                                BODY, rect.width), BODY, palette.ink)
    surface.blit(line, (rect.x, rect.y + head.get_height()))
    return rect
