"""Explore: the whole 1953-1964 timeline, zoomable and scrollable; each event opens its source.

Keys: Left/Right pick the previous/next event (the view follows), +/- zoom, Up/Down and
PageUp/PageDown scroll, Enter opens. Mouse: wheel zooms about the pointer, drag pans,
click opens. Events are stacked in lanes so their labels never overlap.

Sized for any number of events: labels are placed by a sweep (screens/placement.py), each
title is wrapped once per label width, drawing and hit-testing look only at the grid
cells that meet the view or the pointer, and the label layer is kept as tiles a third of
the view each way (only those in view are kept, so its memory is bounded by the window).
The hovered and the selected label are drawn over the tiles, so moving the pointer never
re-draws a tile.
"""

from __future__ import annotations

import datetime as dt

import pygame

from game.content.timeline import ERA_START, build_timeline
from game.ui.core import input as keys
from game.ui.core.bindings import ANY, Binding, dispatch, footer
from game.ui.core.registry import make_scene
from game.ui.core.scene import Scene
from game.ui.screens.placement import GridIndex, columns_between, place_labels, stem_extents
from game.ui.widgets.button import Button
from game.ui.widgets.focus import FocusRing
from game.ui.widgets.frame import draw_footer, draw_header, frame
from game.ui.widgets.shapes import draw_focus, draw_panel, shade
from game.ui.widgets.source_view import SourceView
from game.ui.widgets.timeline_axis import YEARS, year_fraction

ZOOM_STEP = 1.4
TILES_PER_VIEW = 3       # the label layer's tiles are this many times smaller than the view
# With at most this many labels in a view of at most this many pixels, the labels are
# drawn straight onto the screen (cheaper than copying a view's worth of tiles, and no
# memory held); with more labels, or a bigger view (4K), the tiles are worth keeping.
DIRECT_LABELS = 80
DIRECT_VIEW_PIXELS = 3_000_000


class _Tiles:
    """Explore's label layer as tiles: (column, row) -> surface, for one placement and
    palette (`check` drops them all when either changed)."""

    def __init__(self) -> None:
        self.key = None
        self.tiles: dict = {}

    def drop(self) -> None:
        self.tiles = {}

    def check(self, key, caching: bool) -> None:
        if key != self.key or not caching:
            self.tiles, self.key = {}, key

    def get(self, where, make):
        tile = self.tiles.get(where)
        if tile is None:
            tile = self.tiles[where] = make(*where)
        return tile

    def keep_only(self, wanted) -> None:
        self.tiles = {where: self.tiles[where] for where in wanted if where in self.tiles}


class ExploreScene(Scene):
    name = "explore"

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.events = build_timeline(ctx.library.packs)
        fractions: dict = {}     # many events share a day: each day's fraction once
        self._years = [fractions.get(day) or fractions.setdefault(day, year_fraction(day))
                       for day in (event.date.first_day for event in self.events)]
        self.selected = 0
        self.zoom = 1.0          # 1 = the whole era fits the width
        self.pan_x = 0.0         # content pixels left of the view
        self.pan_y = 0           # content pixels above the view (lanes)
        self._press = None       # (pan_x, pan_y) while the button is down
        self.hover = None
        self.rects: list[tuple[int, int, int, int]] = []   # per event: content x, y, w, h
        self.content_h = 0
        self._heights: dict = {}     # (detailed, label width, scale) -> height of each label
        self._placed_version = 0     # bumped by _place(): every tile is stale
        self._tiles = _Tiles()
        self._caching = True
        self.spans: list[tuple[int, int, int, int]] = []

    # --- geometry --------------------------------------------------------------------
    def layout(self, size) -> None:
        text = self.ctx.text
        self.fr = frame(size, text)
        body = self.fr.body
        self.axis_h = text.line_height("small") + text.px(22)
        if any(e.end is not None for e in self.events):
            self.axis_h += 3 * (max(2, text.px(4)) + 2) + text.px(4)   # room for the span bars
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
        """Each event's label rectangle in content coordinates, none overlapping: a label
        starts at its date, is as tall as its wrapped title needs (titles are never cut)
        and goes in the highest free spot below the axis."""
        text = self.ctx.text
        self.label_w = text.px(230) if self.detailed else text.px(160)
        gap = text.px(8)
        heights = self._label_heights()
        ppy = self.px_per_year
        xs = [round(years * ppy) for years in self._years]
        tops = place_labels(xs, heights, self.label_w, gap)
        width = self.label_w
        self.rects = [(x, top, width, h) for x, top, h in zip(xs, tops, heights)]
        self.content_h = max((top + h for top, h in zip(tops, heights)), default=0) + gap
        self._columns, self._lowest = stem_extents(xs, tops)
        self._tile_size = (max(64, -(-self.view.width // TILES_PER_VIEW)),
                           max(64, -(-self.view.height // TILES_PER_VIEW)))
        self.index = GridIndex(self.rects, *self._tile_size)
        self._place_spans(ppy)
        self._placed_version += 1
        self._tiles.drop()

    def _place_spans(self, ppy: float) -> None:
        """Events with an `end` as bars under the axis, in as few lanes as keep them apart:
        (content x from, content x to, lane, event index), by start."""
        spans = sorted((round(year_fraction(e.date.first_day) * ppy),
                        round(year_fraction(e.end.last_day) * ppy), i)
                       for i, e in enumerate(self.events) if e.end is not None)
        lane_ends: list[int] = []
        self.spans = []
        for x0, x1, i in spans:
            lane = next((n for n, end in enumerate(lane_ends) if end < x0), len(lane_ends))
            if lane == len(lane_ends):
                lane_ends.append(x1)
            lane_ends[lane] = x1 + self.ctx.text.px(4)
            self.spans.append((x0, max(x1, x0 + 2), lane, i))
        self._widest: dict[int, int] = {}    # event index -> its title's widest line (plain labels)
        self._clamp()

    def _label_heights(self) -> list[int]:
        """Every label's height, wrapped once per label width and text scale (zooming
        within the same kind of label wraps nothing)."""
        text = self.ctx.text
        key = (self.detailed, self.label_w, text.px(100), text.line_height("small"))
        heights = self._heights.get(key)
        if heights is None:
            if self.detailed:
                width = self.label_w - text.px(16)
                line, extra = text.line_height("card"), text.line_height("card-date") + text.px(14)
                style = "card"
            else:
                width = self.label_w - max(3, text.px(5)) * 3
                line, extra = text.line_height("small"), text.px(6)
                style = "small"
            font = text.font(style)
            # A title that fits on one line needs no wrapping (one measurement, not many).
            heights = [(line if font.size(event.title)[0] <= width
                        else len(text.wrap(event.title, style, width)) * line) + extra
                       for event in self.events]
            self._heights = {key: heights}      # only the current kind is kept
        return heights

    def _clamp(self) -> None:
        width = YEARS * self.px_per_year
        self.pan_x = max(-self.label_w * 0.2,
                         min(self.pan_x, width + self.label_w - self.view.width * 0.5))
        if width + self.label_w <= self.view.width:
            self.pan_x = 0
        self.pan_y = max(0, min(self.pan_y, self.content_h - self.view.height))

    def screen_rect(self, rect) -> pygame.Rect:
        x, y, w, h = rect
        return pygame.Rect(x + self.view.x - round(self.pan_x), y + self.view.y - self.pan_y, w, h)

    def event_at(self, pos):
        if not self.view.collidepoint(pos):
            return None
        return self.index.at(pos[0] - self.view.x + round(self.pan_x),
                             pos[1] - self.view.y + self.pan_y)

    def visible_labels(self) -> list:
        """(event index, screen rect) of every label in the view."""
        left, top = round(self.pan_x), self.pan_y
        found = self.index.query(left, top, left + self.view.width, top + self.view.height)
        return [(i, self.screen_rect(self.rects[i])) for i in found]

    def set_caching(self, on: bool) -> None:
        """Keep the label tiles (the default) or draw them afresh every frame (the bench)."""
        self._caching = on
        self._tiles.drop()

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
        if not self.events:
            return
        rect = pygame.Rect(self.rects[self.selected])
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
        anchor = (self.screen_rect(self.rects[self.selected]).x if self.events
                  else self.view.centerx)
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
        left, top = round(self.pan_x), self.pan_y
        in_view = self.index.query(left, top, left + self.view.width, top + self.view.height)
        if (len(in_view) <= DIRECT_LABELS and self._caching
                and self.view.width * self.view.height <= DIRECT_VIEW_PIXELS):
            self._tiles.drop()
            self._draw_layer(surface, left - self.view.x, top - self.view.y,
                             self.view.width, self.view.height, in_view)
        else:
            self._draw_tiles(surface)
        for index in {self.selected, self.hover} - {None}:   # drawn over the layer
            screen = self.screen_rect(self.rects[index])
            if screen.colliderect(self.view):
                self._draw_label(surface, index, screen, hover=index == self.hover,
                                 selected=index == self.selected)
        surface.set_clip(clip)
        self._draw_scrollbar(surface)
        event = self.events[self.selected]
        draw_footer(surface, ctx, self.fr,
                    f"{event.when}: {event.title}   \u2014   {footer(self)}")

    def _draw_tiles(self, surface) -> None:
        """The label layer: the tiles meeting the view, each drawn once and kept while in
        view (the others are dropped: memory stays about twice the view's pixels)."""
        self._tiles.check((self._placed_version, self.ctx.palette), self._caching)
        tw, th = self._tile_size
        left, top = round(self.pan_x), self.pan_y
        view = self.view
        wanted = [(column, row)
                  for column in range(left // tw, (left + view.width - 1) // tw + 1)
                  for row in range(top // th, (top + view.height - 1) // th + 1)]
        # The tiles that left the view go before new ones are drawn: a far pan would
        # otherwise hold both sets at once (at 4K, another 1.8 windows of pixels).
        self._tiles.keep_only(wanted if self._caching else ())
        for column, row in wanted:
            tile = self._tiles.get((column, row), self._draw_tile)
            surface.blit(tile, (view.x + column * tw - left, view.y + row * th - top))

    def _draw_tile(self, column: int, row: int) -> pygame.Surface:
        """Stems and labels (neither hovered nor selected) of one tile of content."""
        tw, th = self._tile_size
        x0, y0 = column * tw, row * th
        image = pygame.Surface((tw, th))
        if pygame.display.get_surface() is not None:
            image = image.convert()
        image.fill(self.ctx.palette.background)
        self._draw_layer(image, x0, y0, tw, th, self.index.query(x0, y0, x0 + tw, y0 + th))
        return image

    def _draw_layer(self, surface, x0: int, y0: int, width: int, height: int, labels) -> None:
        """Stems and the given labels (plain: neither hovered nor selected) of the content
        area whose top left is (x0, y0), drawn at the surface's origin."""
        text, palette = self.ctx.text, self.ctx.palette
        stem = max(1, text.px(1))
        columns, lowest = self._columns, self._lowest
        for i in columns_between(columns, x0 - stem, x0 + width + stem):
            bottom = lowest[i] + 2 - y0     # a stem runs from the axis to its lowest label
            if bottom > 0:
                x = columns[i] - x0
                pygame.draw.line(surface, palette.gold, (x, 0), (x, bottom), stem)   # clipped
        for index in labels:
            x, y, w, h = self.rects[index]
            self._draw_label(surface, index, pygame.Rect(x - x0, y - y0, w, h),
                             hover=False, selected=False)

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
        self._draw_spans(surface, y)

    def _draw_spans(self, surface, axis_y: int) -> None:
        """Spans (events with an end) as bars just under the axis; only those in view."""
        text, palette = self.ctx.text, self.ctx.palette
        bar = max(2, text.px(4))
        left = self.view.x - round(self.pan_x)
        for x0, x1, lane, index in self.spans:
            a, b = left + x0, left + x1
            if b < self.view.x or a > self.view.right or lane > 2:
                continue
            colour = palette.accent if index == self.selected else palette.gold
            pygame.draw.rect(surface, colour, (a, axis_y + text.px(6) + lane * (bar + 2), b - a, bar),
                             border_radius=bar // 2)

    def _draw_label(self, surface, index, screen, hover: bool, selected: bool) -> None:
        text, palette = self.ctx.text, self.ctx.palette
        event = self.events[index]
        if self.detailed:
            if selected:
                draw_focus(surface, screen, palette, radius=text.px(6), gap=text.px(4))
            fill = palette.panel if hover else palette.card
            draw_panel(surface, screen, palette, radius=text.px(6), fill=fill, shadow=False)
            pygame.draw.rect(surface, palette.accent, (screen.x, screen.y, max(2, text.px(4)),
                                                       screen.height))
            pad = text.px(8)
            title = text.block(event.title, "card", palette.ink, screen.width - 2 * pad)
            surface.blit(title, (screen.x + pad, screen.y + text.px(5)))
            date = text.render(text.fit(event.when, "card-date", screen.width - 2 * pad), "card-date",
                               palette.muted)
            surface.blit(date, (screen.x + pad, screen.bottom - text.px(5) - date.get_height()))
        else:
            dot = max(3, text.px(5))
            colour = palette.accent if selected else palette.ink
            label = text.block(event.title, "small", colour, screen.width - dot * 3)
            widest = self._title_width(index, screen.width - dot * 3)
            box = pygame.Rect(screen.x + dot * 2, screen.y + text.px(3), widest, label.get_height())
            back = box.inflate(text.px(6), text.px(2))
            pygame.draw.rect(surface, palette.highlight if hover else palette.background,
                             back, border_radius=text.px(4))
            if selected:
                draw_focus(surface, back, palette, radius=text.px(4), gap=text.px(3))
            pygame.draw.circle(surface, palette.accent,
                               (screen.x, screen.y + text.px(3) + text.line_height("small") // 2), dot)
            surface.blit(label, box.topleft)

    def _title_width(self, index: int, width: int) -> int:
        """The widest line of a plain label's title (kept per placement: drawing a label
        measures nothing)."""
        if index not in self._widest:
            self._widest[index] = self.ctx.text.block_size(self.events[index].title, "small",
                                                           width)[0]
        return self._widest[index]

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
        when = event.when
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
