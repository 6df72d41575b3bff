"""Explore: the whole 1953-1964 timeline, zoomable and scrollable; each event opens its source.

Keys: Left/Right pick the previous/next event (the view follows), +/- zoom, Up/Down and
PageUp/PageDown scroll, Enter opens. Mouse: wheel zooms about the pointer, drag pans,
click opens. Events are stacked in lanes so their labels never overlap.
"""

from __future__ import annotations

import datetime as dt

import pygame

from game.content.timeline import ERA_START, build_timeline
from game.ui.core import input as keys
from game.ui.core.bindings import ANY, Binding, dispatch, footer
from game.ui.core.registry import make_scene
from game.ui.core.scene import Scene
from game.ui.widgets.button import Button
from game.ui.widgets.focus import FocusRing
from game.ui.widgets.frame import draw_footer, draw_header, frame
from game.ui.widgets.shapes import draw_focus, draw_panel, shade
from game.ui.widgets.source_view import SourceView
from game.ui.widgets.timeline_axis import YEARS, year_fraction

ZOOM_STEP = 1.4
# The label layer is cached as one surface while it is at most this many times the
# view's area (the whole era, a little zoomed); further in, labels are drawn directly.
CANVAS_LIMIT = 2.5


class ExploreScene(Scene):
    name = "explore"

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.events = build_timeline(ctx.library.packs)
        self.selected = 0
        self.zoom = 1.0          # 1 = the whole era fits the width
        self.pan_x = 0.0         # content pixels left of the view
        self.pan_y = 0           # content pixels above the view (lanes)
        self._press = None       # (pan_x, pan_y) while the button is down
        self.hover = None
        self.placed: list[tuple] = []
        self._placed_version = 0     # bumped by _place(): the cached label layer is stale
        self._canvas_cache = None    # (key, surface)

    # --- geometry --------------------------------------------------------------------
    def layout(self, size) -> None:
        text = self.ctx.text
        self.fr = frame(size, text)
        body = self.fr.body
        self.axis_h = text.line_height("small") + text.px(22)
        self.view = pygame.Rect(body.x, body.y + self.axis_h, body.width,
                                max(1, body.height - self.axis_h))
        self._place()

    @property
    def px_per_year(self) -> float:
        room = max(self.fr.body.width / 2, self.fr.body.width - self.ctx.text.px(160))
        return room / YEARS * self.zoom

    @property
    def max_zoom(self) -> float:
        return YEARS * 1.5   # about eight months fill the width

    @property
    def detailed(self) -> bool:
        return self.px_per_year >= self.ctx.text.px(260)

    def x_of(self, date: dt.date) -> float:
        return year_fraction(date) * self.px_per_year

    def _place(self) -> None:
        """Each event's label rectangle in content coordinates, none overlapping.

        A label starts at its date and is as tall as its wrapped title needs (titles are
        never cut); it goes in the highest free spot below the axis (a greedy masonry).
        """
        text = self.ctx.text
        self.label_w = text.px(230) if self.detailed else text.px(160)
        gap = text.px(8)
        self._placed_version += 1
        self.placed = []
        placed_rects: list[pygame.Rect] = []
        for index, event in enumerate(self.events):
            x = round(self.x_of(event.date.first_day))
            h = self._label_height(event)
            rect = pygame.Rect(x, gap, self.label_w, h)
            # Candidate tops: the first row, or just under any label this one would overlap.
            overlapping = [r for r in placed_rects if r.x < x + self.label_w + gap and r.right + gap > x]
            for top in sorted([gap] + [r.bottom + gap for r in overlapping]):
                rect.y = top
                if not any(rect.inflate(gap, gap).colliderect(r) for r in overlapping):
                    break
            placed_rects.append(rect.copy())
            self.placed.append((index, rect))
        self.content_h = max((r.bottom for r in placed_rects), default=0) + gap
        self._clamp()

    def _label_height(self, event) -> int:
        text = self.ctx.text
        if self.detailed:
            lines = len(text.wrap(event.title, "card", self.label_w - text.px(16)))
            return (lines * text.line_height("card") + text.line_height("card-date")
                    + text.px(14))
        dot = max(3, text.px(5))
        lines = len(text.wrap(event.title, "small", self.label_w - dot * 3))
        return lines * text.line_height("small") + text.px(6)

    def _clamp(self) -> None:
        width = YEARS * self.px_per_year
        self.pan_x = max(-self.label_w * 0.2,
                         min(self.pan_x, width + self.label_w - self.view.width * 0.5))
        if width + self.label_w <= self.view.width:
            self.pan_x = 0
        self.pan_y = max(0, min(self.pan_y, self.content_h - self.view.height))

    def screen_rect(self, rect) -> pygame.Rect:
        return rect.move(self.view.x - round(self.pan_x), self.view.y - self.pan_y)

    def event_at(self, pos):
        if not self.view.collidepoint(pos):
            return None
        for index, rect in self.placed:
            if self.screen_rect(rect).collidepoint(pos):
                return index
        return None

    # --- changing the view -------------------------------------------------------------
    def set_zoom(self, zoom: float, anchor_x: float) -> None:
        """Zoom keeping the date under screen x `anchor_x` in place."""
        zoom = max(1.0, min(self.max_zoom, zoom))
        years_at = (anchor_x - self.view.x + self.pan_x) / self.px_per_year
        self.zoom = zoom
        self.pan_x = years_at * self.px_per_year - (anchor_x - self.view.x)
        self._place()

    def select(self, index: int) -> None:
        if not self.events:
            return
        self.selected = max(0, min(len(self.events) - 1, index))
        self.show_selected()

    def show_selected(self) -> None:
        rect = dict(self.placed).get(self.selected)
        if rect is None:
            return
        margin = self.ctx.text.px(40)
        if rect.x - self.pan_x < margin:
            self.pan_x = rect.x - margin
        elif rect.right - self.pan_x > self.view.width - margin:
            self.pan_x = rect.right - self.view.width + margin
        if rect.y - self.pan_y < 0:
            self.pan_y = rect.y
        elif rect.bottom - self.pan_y > self.view.height:
            self.pan_y = rect.bottom - self.view.height
        self._clamp()

    def open(self, index: int) -> None:
        self.selected = index
        self.ctx.push(make_scene("explore-event", self.ctx, event=self.events[index]))

    BINDINGS = (
        Binding((keys.LEFT, keys.RIGHT, keys.NEXT, keys.PREV), "step", "Left/Right: event"),
        Binding((keys.HOME, keys.END), "ends"),
        Binding((keys.PLUS, keys.MINUS), "zoom", "+/\u2212 or wheel: zoom"),
        Binding((keys.WHEEL,), "wheel"),
        Binding((keys.UP, keys.DOWN, keys.PAGE_UP, keys.PAGE_DOWN), "scroll",
                "drag or Up/Down: scroll"),
        Binding((keys.CONFIRM,), "open_selected", "Enter: open"),
        Binding((keys.POINTER_DOWN,), "press"),
        Binding((keys.POINTER_MOVE,), "hover"),
        Binding((keys.DRAG_START, keys.DRAG), "pan"),
        Binding((keys.DROP,), "drop"),
        Binding((keys.POINTER_UP,), "click"),
        Binding((keys.BACK,), "back", "Esc: back"),
    )

    def handle(self, action) -> None:
        dispatch(self, action)

    def action_back(self, action) -> None:
        self.ctx.pop()

    def action_step(self, action) -> None:
        self.select(self.selected + (1 if action.kind in (keys.RIGHT, keys.NEXT) else -1))

    def action_ends(self, action) -> None:
        self.select(0 if action.kind == keys.HOME else len(self.events) - 1)

    def action_zoom(self, action) -> None:
        rect = dict(self.placed).get(self.selected)
        anchor = (self.screen_rect(rect).x if rect is not None else self.view.centerx)
        anchor = max(self.view.x, min(self.view.right, anchor))
        self.set_zoom(self.zoom * (ZOOM_STEP if action.kind == keys.PLUS else 1 / ZOOM_STEP),
                      anchor)
        self.show_selected()

    def action_scroll(self, action) -> None:
        kind = action.kind
        step = (self.ctx.text.line_height("small") * 3 if kind in (keys.UP, keys.DOWN)
                else self.view.height // 2)
        self.pan_y += -step if kind in (keys.UP, keys.PAGE_UP) else step
        self._clamp()

    def action_open_selected(self, action) -> None:
        if self.events:
            self.open(self.selected)

    def action_wheel(self, action) -> None:
        if action.dx:
            self.pan_x -= action.dx * self.ctx.text.px(60)
            self._clamp()
        if action.dy:
            anchor = action.pos[0] if self.view.collidepoint(action.pos) else self.view.centerx
            self.set_zoom(self.zoom * (ZOOM_STEP ** action.dy), anchor)

    def action_press(self, action) -> None:
        self._press = (self.pan_x, self.pan_y)

    def action_hover(self, action) -> None:
        self.hover = self.event_at(action.pos)

    def action_pan(self, action) -> None:
        self.hover = self.event_at(action.pos)
        if self._press:
            pan_x, pan_y = self._press
            self.pan_x = pan_x - (action.pos[0] - action.start[0])
            self.pan_y = pan_y - (action.pos[1] - action.start[1])
            self._clamp()

    def action_drop(self, action) -> None:
        self._press = None

    def action_click(self, action) -> None:
        self._press = None
        hit = self.event_at(action.pos)
        if hit is not None:
            self.open(hit)

    # --- drawing ---------------------------------------------------------------------
    def draw(self, surface) -> None:
        ctx, text, palette = self.ctx, self.ctx.text, self.ctx.palette
        zoom_label = "whole era" if self.zoom <= 1.0 else f"zoom \u00d7{self.zoom:.1f}"
        draw_header(surface, ctx, self.fr, "Explore the timeline",
                    f"{len(self.events)} events, 1953\u20131964 \u00b7 {zoom_label}")
        if not self.events:
            msg = text.block("No events are loaded. See Packs for what went wrong.", "body",
                             palette.ink, self.fr.body.width)
            surface.blit(msg, self.fr.body.topleft)
            return
        clip = surface.get_clip()
        surface.set_clip(self.fr.body.clip(clip))
        self._draw_axis(surface)
        surface.set_clip(self.view.clip(clip))
        canvas = self._canvas()
        if canvas is not None:
            # The labels do not change while the view pans: one blit of the cached layer.
            image, x0 = canvas
            surface.blit(image, (self.view.x + x0 - round(self.pan_x), self.view.y - self.pan_y))
        else:
            self._draw_labels(surface)
        surface.set_clip(clip)
        self._draw_scrollbar(surface)
        event = self.events[self.selected]
        draw_footer(surface, ctx, self.fr,
                    f"{event.date.label()}: {event.title}   \u2014   {footer(self)}")

    def _draw_labels(self, surface) -> None:
        """Stems and labels straight onto the screen (zoomed in: only the visible ones)."""
        top = self.fr.body.y + self.axis_h - self.ctx.text.px(8)
        for index, rect in self.placed:
            screen = self.screen_rect(rect)
            if screen.right < self.view.x or screen.x > self.view.right:
                continue
            self._draw_stem(surface, screen, top)
        for index, rect in self.placed:
            screen = self.screen_rect(rect)
            if screen.right < self.view.x or screen.x > self.view.right:
                continue
            if screen.bottom < self.view.y or screen.y > self.view.bottom:
                continue
            self._draw_label(surface, index, screen)

    def _canvas(self):
        """(surface, content x of its left edge): every stem and label drawn once, in
        content coordinates, re-drawn only when the placement, the selection, the hover
        or the palette changes. None when the content is too big to keep (zoomed in),
        where drawing the few visible labels directly is cheap anyway."""
        text, palette = self.ctx.text, self.ctx.palette
        margin = text.px(16)
        x0 = -(self.label_w + margin)
        x1 = max(round(YEARS * self.px_per_year) + self.label_w + margin,
                 round(self.pan_x) + self.view.width + margin)
        size = (x1 - x0, max(self.content_h, self.view.height) + margin)
        if size[0] * size[1] > CANVAS_LIMIT * self.view.width * self.view.height:
            self._canvas_cache = None
            return None
        key = (self._placed_version, size, x0, self.selected, self.hover, palette)
        cached = self._canvas_cache
        if cached is not None and cached[0] == key:
            return cached[1], x0
        image = cached[1] if cached is not None and cached[1].get_size() == size else None
        if image is None:
            image = pygame.Surface(size)
            if pygame.display.get_surface() is not None:
                image = image.convert()
        image.fill(palette.background)
        for index, rect in self.placed:
            self._draw_stem(image, rect.move(-x0, 0), 0)
        for index, rect in self.placed:
            self._draw_label(image, index, rect.move(-x0, 0))
        self._canvas_cache = (key, image)
        return image, x0

    def _draw_axis(self, surface) -> None:
        text, palette = self.ctx.text, self.ctx.palette
        y = self.fr.body.y + self.axis_h - text.px(8)
        left = self.view.x - round(self.pan_x)
        pygame.draw.line(surface, palette.line, (self.view.x, y), (self.view.right, y),
                         max(1, text.px(2)))
        ppy = self.px_per_year
        for i in range(YEARS + 1):
            x = left + round(i * ppy)
            pygame.draw.line(surface, palette.ink, (x, y - text.px(8)), (x, y + text.px(4)),
                             max(1, text.px(2)))
            if i < YEARS:
                label = text.render(str(ERA_START + i), "subheading" if self.detailed else "small",
                                    palette.ink)
                lx = x + text.px(4) if (ppy > label.get_width() * 2.2 or i == 0) else x - label.get_width() // 2
                surface.blit(label, (lx, y - text.px(10) - label.get_height()))
            if ppy > text.px(240) and i < YEARS:   # months when there is room
                for month in range(1, 12):
                    mx = x + round(ppy * month / 12)
                    pygame.draw.line(surface, palette.line, (mx, y - text.px(4)), (mx, y),
                                     max(1, text.px(1)))

    def _draw_stem(self, surface, screen, top: int) -> None:
        text, palette = self.ctx.text, self.ctx.palette
        pygame.draw.line(surface, palette.gold, (screen.x, top), (screen.x, screen.y + 2),
                         max(1, text.px(1)))

    def _draw_label(self, surface, index, screen) -> None:
        text, palette = self.ctx.text, self.ctx.palette
        event = self.events[index]
        selected = index == self.selected
        if self.detailed:
            if selected:
                draw_focus(surface, screen, palette, radius=text.px(6), gap=text.px(4))
            fill = palette.card if index != self.hover else palette.panel
            draw_panel(surface, screen, palette, radius=text.px(6), fill=fill, shadow=False)
            pygame.draw.rect(surface, palette.accent, (screen.x, screen.y, max(2, text.px(4)),
                                                       screen.height))
            pad = text.px(8)
            title = text.block(event.title, "card", palette.ink, screen.width - 2 * pad)
            surface.blit(title, (screen.x + pad, screen.y + text.px(5)))
            date = text.render(event.date.label(), "card-date", palette.muted)
            surface.blit(date, (screen.x + pad, screen.bottom - text.px(5) - date.get_height()))
        else:
            dot = max(3, text.px(5))
            colour = palette.accent if selected else palette.ink
            label = text.block(event.title, "small", colour, screen.width - dot * 3)
            lines = text.wrap(event.title, "small", screen.width - dot * 3)
            widest = max(text.width(line, "small") for line in lines)
            box = pygame.Rect(screen.x + dot * 2, screen.y + text.px(3), widest, label.get_height())
            back = box.inflate(text.px(6), text.px(2))
            pygame.draw.rect(surface, palette.highlight if index == self.hover else palette.background,
                             back, border_radius=text.px(4))
            if selected:
                draw_focus(surface, back, palette, radius=text.px(4), gap=text.px(3))
            pygame.draw.circle(surface, palette.accent,
                               (screen.x, screen.y + text.px(3) + text.line_height("small") // 2), dot)
            surface.blit(label, box.topleft)

    def _draw_scrollbar(self, surface) -> None:
        if self.content_h <= self.view.height:
            return
        palette, text = self.ctx.palette, self.ctx.text
        bar_w = max(3, text.px(5))
        track = pygame.Rect(self.view.right + bar_w, self.view.y, bar_w, self.view.height)
        pygame.draw.rect(surface, palette.line, track, border_radius=bar_w)
        knob_h = max(bar_w * 4, self.view.height * self.view.height // self.content_h)
        span = max(1, self.content_h - self.view.height)
        knob_y = self.view.y + (self.view.height - knob_h) * self.pan_y // span
        pygame.draw.rect(surface, palette.ink, (track.x, knob_y, bar_w, knob_h),
                         border_radius=bar_w)


class EventPanel(Scene):
    """One event over the timeline: its date, summary, and the source passage it cites."""

    opaque = False
    name = "explore-event"

    def __init__(self, ctx, event) -> None:
        super().__init__(ctx)
        self.event = event
        self.source = SourceView(event.cite)
        self.close = Button("Close", lambda: self.ctx.pop(), primary=True)
        self.focus = FocusRing([self.close])

    def layout(self, size) -> None:
        text = self.ctx.text
        w, h = size
        margin = max(8, min(text.px(48), w // 16))
        self.panel = pygame.Rect(margin, margin, w - 2 * margin, h - 2 * margin)
        pad = text.px(20)
        inner = pygame.Rect(self.panel.x + pad, self.panel.y + pad,
                            max(1, self.panel.width - 2 * pad), max(1, self.panel.height - 2 * pad))
        button_h = text.px(48)
        self.close.rect = pygame.Rect(inner.right - min(inner.width, text.px(180)),
                                      inner.bottom - button_h, min(inner.width, text.px(180)),
                                      button_h)
        self.inner = inner
        wide = inner.width > text.px(760)
        head_h = (text.block_size(self.event.title, "heading", inner.width)[1]
                  + text.line_height("subheading") + text.px(10))
        self.head = pygame.Rect(inner.x, inner.y, inner.width, head_h)
        rest_top = inner.y + head_h + text.px(10)
        rest_h = max(1, self.close.rect.top - text.px(12) - rest_top)
        if wide:   # summary on the left, the source on the right
            col = (inner.width - text.px(24)) * 2 // 5
            self.summary_rect = pygame.Rect(inner.x, rest_top, col, rest_h)
            self.source_rect = pygame.Rect(inner.x + col + text.px(24), rest_top,
                                           inner.width - col - text.px(24), rest_h)
        else:
            summary_h = min(rest_h // 2, self._summary_height(inner.width))
            self.summary_rect = pygame.Rect(inner.x, rest_top, inner.width, summary_h)
            self.source_rect = pygame.Rect(inner.x, rest_top + summary_h + text.px(10),
                                           inner.width, max(1, rest_h - summary_h - text.px(10)))
        self.source.layout(self.source_rect.inflate(-text.px(16), -text.px(16)), self.ctx)

    def _summary_height(self, width) -> int:
        text = self.ctx.text
        h = text.block_size(self.event.summary, "body", width)[1]
        if self.event.source_says:
            h += text.px(10) + text.block_size(self._source_says(), "small", width)[1]
        return h

    def _source_says(self) -> str:
        return f"What the source says: {self.event.source_says}"

    BINDINGS = (Binding((keys.BACK, keys.CONFIRM), "back"),
                Binding((ANY,), "widgets"))

    def handle(self, action) -> None:
        dispatch(self, action)

    def action_back(self, action) -> None:
        self.ctx.pop()

    def action_widgets(self, action) -> None:
        if not self.source.handle(action):
            self.focus.handle(action)

    def draw(self, surface) -> None:
        ctx, text, palette = self.ctx, self.ctx.text, self.ctx.palette
        shade(surface, palette)
        draw_panel(surface, self.panel, palette, radius=text.px(12))
        event = self.event
        title = text.block(event.title, "heading", palette.accent, self.head.width)
        surface.blit(title, self.head.topleft)
        when = event.date.label() + (f" \u2013 {event.end.label()}" if event.end else "")
        surface.blit(text.render(when, "subheading", palette.ink),
                     (self.head.x, self.head.y + title.get_height() + text.px(4)))
        summary = text.block(event.summary, "body", palette.ink, self.summary_rect.width)
        area = pygame.Rect(0, 0, summary.get_width(), self.summary_rect.height)
        surface.blit(summary, self.summary_rect.topleft, area)
        if event.source_says and summary.get_height() + text.px(10) < self.summary_rect.height:
            says = text.block(self._source_says(), "small", palette.bad, self.summary_rect.width)
            y = self.summary_rect.y + summary.get_height() + text.px(10)
            surface.blit(says, (self.summary_rect.x, y),
                         pygame.Rect(0, 0, says.get_width(), self.summary_rect.bottom - y))
        draw_panel(surface, self.source_rect, palette, radius=text.px(8), fill=palette.card,
                   shadow=False)
        self.source.draw(surface, ctx)
        self.focus.draw(surface, ctx)
        hint = text.render(text.fit("Up/Down or wheel: scroll the source   Enter/Esc: close",
                                    "small", max(1, self.close.rect.x - self.inner.x - text.px(10))),
                           "small", palette.muted)
        surface.blit(hint, (self.inner.x, self.close.rect.centery - hint.get_height() // 2))
