"""The classroom's spectrum turn: the scale at projector size, the voices as cards to click
from the left end to the right (or press their numbers), Backspace takes the last one
back, Enter sends. Geometry is worked out in layout, never while drawing."""

from __future__ import annotations

from types import SimpleNamespace

import pygame

from game.rules.kinds import lead, prompt_text
from game.ui.classroom.draw import BODY, CHOICE, LABEL, SMALL, fit_style
from game.ui.widgets.shapes import draw_focus, draw_panel

NAME_STYLES = (("sans-bold", 30), ("sans-bold", 26), ("sans-bold", 22))
VIEW_STYLES = (("serif", 24), ("serif", 20), ("serif", 17))


def scale_geometry(scene, prompt) -> SimpleNamespace:
    text = scene.ctx.text
    g = SimpleNamespace(area=scene._prompt_area())
    g.lead = (f"{lead(prompt.question)}: {prompt_text(prompt.question)} Click the voices "
              "(or press their numbers) from the left end of the scale to the right.")
    lead_h = text.block_size(g.lead, BODY, g.area.width)[1]
    g.gap = gap = text.px(16)
    g.scale_y = g.area.y + lead_h + gap + text.line_height(LABEL)
    if scene.clock_r:               # the scale runs the full width: keep it below the clock
        g.scale_y = max(g.scale_y, scene.clock_c[1] + scene.clock_r + gap
                        + text.line_height(LABEL))
    n = len(prompt.cards)
    top = g.scale_y + text.px(28)
    card_w = (scene.body.width - gap * (n - 1)) // n
    order_h = text.line_height(LABEL) * 2 + gap
    card_h = max(text.px(110), min(scene.body.bottom - top - order_h - text.px(70),
                                   text.px(330)))
    g.cards = [pygame.Rect(scene.body.x + i * (card_w + gap), top, card_w, card_h)
               for i in range(n)]
    g.order_y = top + card_h + gap
    g.send = pygame.Rect(scene.body.right - text.px(300), scene.body.bottom - text.px(56),
                         text.px(300), text.px(56))
    return g


def draw_scale_hand(scene, surface, prompt) -> None:
    ctx, text, palette, g = scene.ctx, scene.ctx.text, scene.ctx.palette, scene.geo
    area = g.area
    surface.blit(text.block(g.lead, BODY, palette.accent, area.width), (area.x, area.y))
    left, right = prompt.scale
    body = scene.body
    label_y = g.scale_y - text.line_height(LABEL) - text.px(2)
    surface.blit(text.render(left, LABEL, palette.ink), (body.x, label_y))
    right_img = text.render(right, LABEL, palette.ink)
    surface.blit(right_img, (body.right - right_img.get_width(), label_y))
    mid, head = g.scale_y + text.px(10), text.px(12)
    pygame.draw.line(surface, palette.accent, (body.x + head, mid), (body.right - head, mid),
                     max(4, text.px(5)))
    for tip, back in ((body.x, body.x + 2 * head), (body.right, body.right - 2 * head)):
        pygame.draw.polygon(surface, palette.accent, [(tip, mid), (back, mid - head),
                                                      (back, mid + head)])
    order = scene.order
    for i, (key, rect) in enumerate(zip(prompt.cards, g.cards)):
        picked = key in order
        if i == scene.focus and scene.view == "turn":
            draw_focus(surface, rect, palette, text.px(10), gap=max(3, text.px(5)))
        draw_panel(surface, rect, palette, radius=text.px(10),
                   fill=palette.panel if picked else palette.card,
                   border=palette.gold if picked else palette.line, shadow=not picked)
        badge = pygame.Rect(rect.x + text.px(10), rect.y + text.px(10), text.px(44), text.px(44))
        pygame.draw.rect(surface, palette.gold if picked else palette.accent, badge,
                         border_radius=text.px(6))
        number = text.render(str(order.index(key) + 1) if picked else str(i + 1), CHOICE,
                             palette.accent_ink)
        surface.blit(number, (badge.centerx - number.get_width() // 2,
                              badge.centery - number.get_height() // 2))
        inner = rect.width - text.px(24)
        y = badge.bottom + text.px(8)
        room = rect.bottom - y - text.px(10)
        name, view = prompt.name(key), prompt.view(key)
        name_style = fit_style(ctx, name, NAME_STYLES, inner, room // 2)
        name_img = text.block(name, name_style, palette.muted if picked else palette.ink, inner)
        surface.blit(name_img, (rect.x + text.px(12), y))
        y += name_img.get_height() + text.px(6)
        view_style = fit_style(ctx, view, VIEW_STYLES, inner, rect.bottom - y - text.px(10))
        view_img = text.block(view, view_style, palette.muted, inner)
        surface.blit(view_img, (rect.x + text.px(12), y),
                     pygame.Rect(0, 0, view_img.get_width(), max(0, rect.bottom - y - text.px(10))))
    chosen = [prompt.name(k) for k in order]
    line = (f"From \u201c{left}\u201d: " + "   ".join(f"{i}. {n}" for i, n in enumerate(chosen, 1))
            if chosen else f"(click the voice nearest \u201c{left}\u201d first)")
    block = text.block(line, LABEL, palette.ink, body.width)
    room = max(0, body.bottom - g.order_y - text.px(64))
    surface.blit(block, (body.x, g.order_y), pygame.Rect(0, 0, block.get_width(), room))
    n = len(prompt.cards)
    ready = len(order) == n
    draw_panel(surface, g.send, palette, radius=text.px(10),
               fill=palette.accent if ready else palette.card, shadow=False)
    label = text.render("Enter: send the order" if ready else f"{len(order)} of {n} placed",
                        LABEL, palette.accent_ink if ready else palette.muted)
    surface.blit(label, (g.send.centerx - label.get_width() // 2,
                         g.send.centery - label.get_height() // 2))


def scale_truth(verdict) -> list[str]:
    """The placements in sentences, for the whole room."""
    question = verdict.question
    left, right = (tuple(question.scale) + ("", ""))[:2]
    out = [f"From \u201c{left}\u201d to \u201c{right}\u201d:"]
    out += [f"{p.place}. {verdict.name(p.perspective)}: {p.why}" for p in verdict.true_order]
    if question.explain:
        out.append(question.explain)
    return out


__all__ = ["scale_geometry", "draw_scale_hand", "scale_truth", "SMALL"]
