"""Explore: the whole 1953-1964 timeline, zoomable and pannable; each event opens its source.

Keys: Left/Right pick the previous/next event (the view follows), Up/Down the nearest
event in the lane above/below, +/- zoom, PageUp/PageDown pan a screen, Enter opens.
Mouse: wheel zooms about the pointer, drag pans, click opens (a "+N more" chip zooms in).

Readable at any density: every label starts at its date and sits in one of the lanes the
view holds (screens/placement.py: `place_in_lanes`), so none is ever pushed far below the
axis; labels that find no free lane are counted in a "+N more" chip in the last lane.
Whole-era labels are one line (a long title ends in an ellipsis), cards two lines and a
date; the hovered and the selected label show the whole title, over their neighbours.
No leader line crosses a label: each event has a tick in the rug under the axis (the
hovered and the selected one lit), and its label starts right under its own date. At deep
zoom the axis labels months ("Mar 1956"); a label cut by the left edge keeps its text in
view, a sliver cut by either edge is not drawn.

Sized for any number of events: placement is O(n log lanes), every title is measured once
per label kind, drawing and hit-testing look only at the grid cells that meet the view or
the pointer, and the label layer is kept as tiles a third of the view each way (only
those in view are kept, so its memory is bounded by the window). The hovered and the
selected label are drawn over the tiles, so moving the pointer never re-draws a tile.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right

import pygame

from game.content.timeline import ERA_START, build_timeline
from game.ui.core import input as keys
from game.ui.core.bindings import ANY, Binding, footer
from game.ui.core.registry import make_scene
from game.ui.core.scene import Scene
from game.ui.screens.placement import GridIndex, group_hidden, month_ticks, place_in_lanes
from game.ui.widgets.button import Button
from game.ui.widgets.focus import FocusRing
from game.ui.widgets.frame import draw_footer, draw_header, frame
from game.ui.widgets.shapes import draw_focus, draw_panel, shade
from game.ui.widgets.source_view import SourceView
from game.ui.widgets.timeline_axis import YEARS, year_fraction

ZOOM_STEP = 1.4
CHIP_ZOOM = ZOOM_STEP ** 2   # a "+N more" chip zooms in this much about itself
TILES_PER_VIEW = 3       # the label layer's tiles are this many times smaller than the view
# With at most this many labels in a view of at most this many pixels, the labels are
# drawn straight onto the screen (cheaper than copying a view's worth of tiles, and no
# memory held); with more labels, or a bigger view (4K), the tiles are worth keeping.
DIRECT_LABELS = 80
DIRECT_VIEW_PIXELS = 9_000_000   # 4K too: each label is one opaque copy
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
CARD_TITLE_LINES = 2
CHIP_LIST = 6          # a hovered "+N more" chip lists this many of its events
LABEL_W = 240          # the widest a one-line label gets (at 100 % text)
LABEL_MIN_W = 160      # ... and the narrowest, near the era's right end


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

    @property
    def bytes(self) -> int:
        return sum(t.get_width() * t.get_height() * t.get_bytesize() for t in self.tiles.values())


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
        self.pan_y = 0           # the lanes fit the view: kept for callers, always 0
        self._press = None       # pan_x while the button is down
        self.hover = None
        self.hover_chip = None
        self.rects: list[tuple[int, int, int, int]] = []   # per event: content x, y, w, h
        self.lanes: list[int] = []      # per event: its lane, -1 when only in a chip
        self.chips: list[tuple[int, list[int]]] = []
        self.content_h = 0
        self._widths: dict = {}      # (style, scale, cap) -> each title's one-line width
        self._lines: dict = {}       # event index -> the lines its label shows
        self._placed_version = 0     # bumped by _place(): every tile is stale
        self._tiles = _Tiles()
        self._sprites = _Tiles()     # (event index,) -> its plain label, drawn once
        self._held = 0               # the bytes of both, as last told to the text budget
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
        """Each event's label rectangle in content coordinates: at its date, in the
        highest lane free there; the lanes are as many as the view holds, and when some
        events find none, the lanes leave room under them for a row of chips counting
        those. (Shortening the one-line labels further was tried: in the dense years it
        only trades whole titles for ellipses and leaves about as many out.)"""
        text = self.ctx.text
        detailed = self.detailed
        self.dot = max(3, text.px(5))
        if detailed:
            self.label_w = text.px(230)
            self.lane_h = (CARD_TITLE_LINES * text.line_height("card")
                           + text.line_height("card-date") + text.px(14))
            gap = text.px(8)
            widths = [self.label_w] * len(self.events)
        else:
            self.label_w = text.px(LABEL_W)   # the longest a one-line label gets
            self.lane_h = text.line_height("small") + text.px(2)
            gap = text.px(10)
            widths = self._label_widths()
        self.rug_h = text.px(10)
        pitch = self.lane_h + (text.px(6) if detailed else text.px(3))
        self.lane_top = self.rug_h + text.px(8)
        room = self.view.height - self.lane_top
        chip_h = min(self.lane_h, text.line_height("small") + text.px(6))
        lanes = max(1, (room + pitch - self.lane_h) // pitch)      # all for labels
        some = max(1, (room - chip_h) // pitch)                     # and a row of chips
        ppy = self.px_per_year
        xs = [round(years * ppy) for years in self._years]
        # Nothing runs past the era's right end (the whole era fits the view at zoom 1).
        end = round(YEARS * ppy) + self.view.width - round(YEARS * ppy / self.zoom)
        if not detailed:
            widths = [min(w, max(text.px(LABEL_MIN_W), end - x)) for w, x in zip(widths, xs)]
        placed = place_in_lanes(xs, widths, gap, lanes)
        if -1 in placed and some < lanes:
            placed = place_in_lanes(xs, widths, gap, some)
        self.lanes = placed
        top = self.lane_top
        self.rects = [(x, top + max(0, lane) * pitch, w, self.lane_h)
                      for x, lane, w in zip(xs, placed, widths)]
        self.shown = [i for i, lane in enumerate(placed) if lane >= 0]
        self.xs = xs
        self.ticks = sorted(set(xs))             # the rug: one tick per distinct x
        chip_w = text.width("+8888 more", "small") + text.px(14)
        chip_y = top + some * pitch
        self.chips = group_hidden(xs, (i for i, lane in enumerate(placed) if lane < 0),
                                  chip_w, gap)
        self.chip_rects = [(x, chip_y, chip_w, chip_h) for x, _ in self.chips]
        self.chip_xs = [x for x, _ in self.chips]
        self.chip_w = chip_w
        self.by_lane: dict[int, list[int]] = {}  # lane -> its events, left to right
        for i in sorted(self.shown, key=lambda i: (xs[i], i)):
            self.by_lane.setdefault(placed[i], []).append(i)
        self.content_h = self.view.height
        self._tile_size = (max(64, -(-self.view.width // TILES_PER_VIEW)),
                           max(64, -(-self.view.height // TILES_PER_VIEW)))
        self.index = GridIndex([self.rects[i] for i in self.shown], *self._tile_size)
        self._lines = {}
        self._place_spans(ppy)
        self._placed_version += 1
        self._tiles.drop()
        self._sprites.drop()
        self.hover_chip = None       # the chips may differ now

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
        self._clamp()

    def _label_widths(self) -> list[int]:
        """Every one-line label's width: its title's, up to label_w (measured once per
        text scale: zooming within the whole-era kind measures nothing)."""
        text = self.ctx.text
        key = (text.px(100), text.line_height("small"), self.label_w)
        widths = self._widths.get(key)
        if widths is None:
            font = text.font("small")
            extra = self.dot * 3 + text.px(4)
            cap = self.label_w
            widths = [min(cap, font.size(event.title)[0] + extra) if len(event.title) < 200
                      else cap for event in self.events]
            self._widths = {key: widths}        # only the current scale is kept
        return widths

    def _label_lines(self, index: int) -> tuple:
        """The lines a placed label shows: one for a whole-era label, up to two for a
        card, the last ending in an ellipsis when the title is longer (kept per
        placement: drawing a label measures nothing)."""
        lines = self._lines.get(index)
        if lines is None:
            text, title = self.ctx.text, self.events[index].title
            if self.detailed:
                width = self.label_w - text.px(16)
                lines = text.wrap(title, "card", width)
                if len(lines) > CARD_TITLE_LINES:
                    rest = " ".join(lines[CARD_TITLE_LINES - 1:])
                    lines = (*lines[:CARD_TITLE_LINES - 1], text.fit(rest, "card", width))
            else:
                lines = (text.fit(title, "small", self.rects[index][2] - self.dot * 3),)
            self._lines[index] = lines
        return lines

    def _clamp(self) -> None:
        width = YEARS * self.px_per_year
        self.pan_x = max(-self.label_w * 0.2,
                         min(self.pan_x, width + self.label_w - self.view.width * 0.5))
        if self.zoom <= 1.0 or width + self.label_w <= self.view.width:
            self.pan_x = 0      # the whole era fits: nothing to pan
        self.pan_y = 0

    def screen_rect(self, rect) -> pygame.Rect:
        x, y, w, h = rect
        return pygame.Rect(x + self.view.x - round(self.pan_x), y + self.view.y, w, h)

    def _content_point(self, pos) -> tuple[int, int]:
        return pos[0] - self.view.x + round(self.pan_x), pos[1] - self.view.y

    def event_at(self, pos):
        if not self.view.collidepoint(pos):
            return None
        found = self.index.at(*self._content_point(pos))
        return None if found is None else self.shown[found]

    def chip_at(self, pos):
        """The number of the "+N more" chip under `pos`, or None."""
        if not self.view.collidepoint(pos) or not self.chips:
            return None
        x, y = self._content_point(pos)
        n = bisect_right(self.chip_xs, x) - 1
        if n >= 0:
            cx, cy, cw, ch = self.chip_rects[n]
            if cx <= x < cx + cw and cy <= y < cy + ch:
                return n
        return None

    def _labels_in(self, x0: int, y0: int, x1: int, y1: int) -> list[int]:
        return [self.shown[n] for n in self.index.query(x0, y0, x1, y1)]

    def visible_labels(self) -> list:
        """(event index, screen rect) of every label in the view."""
        left = round(self.pan_x)
        found = self._labels_in(left, 0, left + self.view.width, self.view.height)
        return [(i, self.screen_rect(self.rects[i])) for i in found]

    def set_caching(self, on: bool) -> None:
        """Keep the label tiles (the default) or draw them afresh every frame (the bench)."""
        self._caching = on
        self._tiles.drop()
        self._sprites.drop()

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
        self._clamp()

    def open(self, index: int) -> None:
        self.selected = index
        self.ctx.push(make_scene("explore-event", self.ctx, event=self.events[index]))

    BINDINGS = (
        Binding((keys.LEFT, keys.RIGHT, keys.NEXT, keys.PREV), "step", "Left/Right: event"),
        Binding((keys.UP, keys.DOWN), "lane", "Up/Down: lane"),
        Binding((keys.HOME, keys.END), "ends"),
        Binding((keys.PLUS, keys.MINUS), "zoom", "+/\u2212 or wheel: zoom"),
        Binding((keys.WHEEL,), "wheel"),
        Binding((keys.PAGE_UP, keys.PAGE_DOWN), "page", "drag: pan"),
        Binding((keys.CONFIRM,), "open_selected", "Enter: open"),
        Binding((keys.POINTER_DOWN,), "press"),
        Binding((keys.POINTER_MOVE,), "hover"),
        Binding((keys.DRAG_START, keys.DRAG), "pan"),
        Binding((keys.DROP,), "drop"),
        Binding((keys.POINTER_UP,), "click"),
        Binding((keys.BACK,), "back", "Esc: back"),
    )

    def action_back(self, action) -> None:
        self.ctx.pop()

    def action_step(self, action) -> None:
        self.select(self.selected + (1 if action.kind in (keys.RIGHT, keys.NEXT) else -1))

    def action_lane(self, action) -> None:
        """The event in the next lane up or down whose label starts nearest the selected
        one's date (nothing happens at the first or last lane)."""
        if not self.events:
            return
        lane = max(0, self.lanes[self.selected]) + (1 if action.kind == keys.DOWN else -1)
        row = self.by_lane.get(lane)
        if not row:
            return
        x = self.xs[self.selected]
        n = bisect_left([self.xs[i] for i in row], x)
        near = [row[k] for k in (n - 1, n) if 0 <= k < len(row)]
        self.select(min(near, key=lambda i: (abs(self.xs[i] - x), i)))

    def action_ends(self, action) -> None:
        self.select(0 if action.kind == keys.HOME else len(self.events) - 1)

    def action_page(self, action) -> None:
        self.pan_x += self.view.width * (0.8 if action.kind == keys.PAGE_DOWN else -0.8)
        self._clamp()

    def action_zoom(self, action) -> None:
        anchor = (self.screen_rect(self.rects[self.selected]).x if self.events
                  else self.view.centerx)
        anchor = max(self.view.x, min(self.view.right, anchor))
        self.set_zoom(self.zoom * (ZOOM_STEP if action.kind == keys.PLUS else 1 / ZOOM_STEP),
                      anchor)
        self.show_selected()

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
        self._press = self.pan_x

    def action_hover(self, action) -> None:
        self.hover = self.event_at(action.pos)
        self.hover_chip = None if self.hover is not None else self.chip_at(action.pos)

    def action_pan(self, action) -> None:
        self.action_hover(action)
        if self._press is not None:
            self.pan_x = self._press - (action.pos[0] - action.start[0])
            self._clamp()

    def action_drop(self, action) -> None:
        self._press = None

    def action_click(self, action) -> None:
        self._press = None
        hit = self.event_at(action.pos)
        if hit is not None:
            self.open(hit)
            return
        chip = self.chip_at(action.pos)
        if chip is not None:
            self.open_chip(chip)

    def open_chip(self, number: int) -> None:
        """Zoom in about a "+N more" chip so its events spread out; at the deepest zoom,
        select its first event (it is shown over the others)."""
        x, members = self.chips[number]
        if self.zoom >= self.max_zoom:
            self.select(members[0])
            return
        self.hover_chip = None
        self.set_zoom(self.zoom * CHIP_ZOOM, self.screen_rect((x, 0, 0, 0)).x
                      + self.chip_w // 2)

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
        left = round(self.pan_x)
        in_view = self._labels_in(left, 0, left + self.view.width, self.view.height)
        if (len(in_view) <= DIRECT_LABELS and self._caching
                and self.view.width * self.view.height <= DIRECT_VIEW_PIXELS):
            self._tiles.drop()
            self._sprites.check((self._placed_version, self.ctx.palette), True)
            self._draw_layer(surface, left - self.view.x, -self.view.y,
                             (left, 0, left + self.view.width, self.view.height), in_view,
                             sprites=True)
            self._sprites.keep_only([(i,) for i in in_view])
        else:
            self._sprites.drop()
            self._draw_tiles(surface)
        self._draw_edges(surface)
        for index in (self.hover, self.selected):      # over the layer, the whole title
            if index is not None:
                self._draw_rug_tick(surface, index)
        if self.hover_chip is not None:
            x, y, w, h = self.chip_rects[self.hover_chip]
            chip = pygame.Rect(self.screen_rect((x, y, w, h)))
            self._draw_chip(surface, self.hover_chip, chip, hover=True)
            self._draw_chip_list(surface, self.hover_chip, chip)
        for index in dict.fromkeys((self.selected, self.hover)):
            if index is not None:
                screen = self.screen_rect(self.rects[index])
                if screen.right > self.view.x and screen.x < self.view.right:
                    self._draw_label(surface, index, screen, hover=index == self.hover,
                                     selected=index == self.selected, full=True)
        surface.set_clip(clip)
        event = self.events[self.selected]
        draw_footer(surface, ctx, self.fr,
                    f"{event.when}: {event.title}   \u2014   {footer(self)}")
        self._share_budget()

    def _share_budget(self) -> None:
        """The tiles and sprites are rendered text too: they count against the text
        budget (at 4K a view of tiles is 25-45 MB; with the text cache's 32 MiB on top, a
        long session went past 150 MiB)."""
        held = self._tiles.bytes + self._sprites.bytes
        if held != self._held:
            self._held = held
            self.ctx.text.hold("explore", held)

    def leave(self) -> None:
        self._tiles.drop()
        self._sprites.drop()
        self._held = 0
        self.ctx.text.hold("explore", 0)

    def _draw_tiles(self, surface) -> None:
        """The label layer: the tiles meeting the view, each drawn once and kept while in
        view (the others are dropped: memory stays about twice the view's pixels)."""
        self._tiles.check((self._placed_version, self.ctx.palette), self._caching)
        tw, th = self._tile_size
        left = round(self.pan_x)
        view = self.view
        wanted = [(column, row)
                  for column in range(left // tw, (left + view.width - 1) // tw + 1)
                  for row in range(0, (view.height - 1) // th + 1)]
        # The tiles that left the view go before new ones are drawn: a far pan would
        # otherwise hold both sets at once (at 4K, up to another window of pixels).
        self._tiles.keep_only(wanted if self._caching else ())
        for column, row in wanted:
            tile = self._tiles.get((column, row), self._draw_tile)
            surface.blit(tile, (view.x + column * tw - left, view.y + row * th))

    def _draw_tile(self, column: int, row: int) -> pygame.Surface:
        """The rug, chips and labels (neither hovered nor selected) of one tile."""
        tw, th = self._tile_size
        x0, y0 = column * tw, row * th
        image = pygame.Surface((tw, th))
        if pygame.display.get_surface() is not None:
            image = image.convert()
        image.fill(self.ctx.palette.background)
        area = (x0, y0, x0 + tw, y0 + th)
        self._draw_layer(image, x0, y0, area, self._labels_in(*area))
        return image

    def _draw_layer(self, surface, x0: int, y0: int, area, labels, sprites=False) -> None:
        """The rug of event ticks, the chips and the given labels (plain: neither hovered
        nor selected) meeting the content `area` (x from, y from, x to, y to); content
        point (x0, y0) is drawn at the surface's origin. `sprites`: each label is copied
        from its own opaque image, drawn once (text with alpha costs several times more
        to blit than an opaque copy)."""
        text, palette = self.ctx.text, self.ctx.palette
        stroke = max(1, text.px(1))
        ax0, ay0, ax1, ay1 = area
        if ay0 < self.rug_h:
            ticks = self.ticks
            for n in range(bisect_left(ticks, ax0 - stroke), bisect_left(ticks, ax1 + stroke)):
                x = ticks[n] - x0
                pygame.draw.line(surface, palette.gold, (x, -y0), (x, self.rug_h - y0), stroke)
        chip_xs = self.chip_xs
        for n in range(bisect_left(chip_xs, ax0 - self.chip_w), bisect_left(chip_xs, ax1)):
            x, y, w, h = self.chip_rects[n]
            if y < ay1 and y + h > ay0:
                self._draw_chip(surface, n, pygame.Rect(x - x0, y - y0, w, h), hover=False)
        lead = self.dot + 1 if not self.detailed else 0
        for index in labels:
            x, y, w, h = self.rects[index]
            if sprites:
                surface.blit(self._sprites.get((index,), self._draw_sprite), (x - x0 - lead, y - y0))
            else:
                self._draw_label(surface, index, pygame.Rect(x - x0, y - y0, w, h),
                                 hover=False, selected=False)

    def _draw_sprite(self, index: int) -> pygame.Surface:
        """One plain label on its own opaque image (a one-line label's dot sticks out
        to the left of its rectangle: the image starts that much earlier)."""
        lead = self.dot + 1 if not self.detailed else 0
        _, _, w, h = self.rects[index]
        image = pygame.Surface((w + lead, h))
        if pygame.display.get_surface() is not None:
            image = image.convert()
        image.fill(self.ctx.palette.background)
        self._draw_label(image, index, pygame.Rect(lead, 0, w, h), hover=False, selected=False)
        return image

    def _draw_rug_tick(self, surface, index: int) -> None:
        """The event's tick in the rug, lit (the hovered or selected event's date)."""
        text, palette = self.ctx.text, self.ctx.palette
        x = self.view.x + self.xs[index] - round(self.pan_x)
        if self.view.x <= x < self.view.right:
            pygame.draw.line(surface, palette.accent, (x, self.view.y),
                             (x, self.view.y + self.rug_h + text.px(4)), max(2, text.px(3)))

    def chip_list(self, number: int) -> list[str]:
        """What a hovered chip lists: its first events' dates and titles, and how many
        more it holds."""
        members = self.chips[number][1]
        lines = [f"{self.events[i].when}: {self.events[i].title}" for i in members[:CHIP_LIST]]
        if len(members) > CHIP_LIST:
            lines.append(f"\u2026and {len(members) - CHIP_LIST} more: click to zoom in")
        elif self.zoom < self.max_zoom:
            lines.append("Click to zoom in")
        return lines

    def _draw_chip_list(self, surface, number: int, chip) -> None:
        """The hovered chip's list, in a panel just above it (kept inside the view)."""
        text, palette = self.ctx.text, self.ctx.palette
        width = min(self.view.width, text.px(420))
        pad = text.px(8)
        lines = [text.fit(line, "small", width - 2 * pad) for line in self.chip_list(number)]
        line_h = text.line_height("small")
        panel = pygame.Rect(0, 0, width, len(lines) * line_h + 2 * pad)
        panel.bottomleft = (chip.x, chip.y - text.px(4))
        panel.clamp_ip(self.view)
        draw_panel(surface, panel, palette, radius=text.px(6), fill=palette.panel)
        for n, line in enumerate(lines):
            colour = palette.muted if n == CHIP_LIST or line.startswith("Click") else palette.ink
            surface.blit(text.render(line, "small", colour),
                         (panel.x + pad, panel.y + pad + n * line_h))

    def _draw_chip(self, surface, number: int, rect, hover: bool) -> None:
        text, palette = self.ctx.text, self.ctx.palette
        count = len(self.chips[number][1])
        fill = palette.highlight if hover else palette.panel
        pygame.draw.rect(surface, fill, rect, border_radius=rect.height // 2)
        pygame.draw.rect(surface, palette.line, rect, width=1, border_radius=rect.height // 2)
        label = text.render(text.fit(f"+{count} more", "small", rect.width - text.px(8)),
                            "small", palette.ink)
        surface.blit(label, (rect.x + text.px(7), rect.centery - label.get_height() // 2))

    def edge_plan(self) -> list[tuple[int, pygame.Rect, bool]]:
        """(event, the part in view, drawn?) of each label cut by the view's left or
        right edge: one cut on the left is drawn with its text from the edge; a part
        too narrow to read is not drawn at all (no empty stubs). Only the labels meeting
        the two edges are looked at."""
        view, least = self.view, self.ctx.text.px(56)
        left, height = round(self.pan_x), view.height
        plan = []
        for edge in (left, left + view.width):
            for index in self._labels_in(edge - 1, 0, edge + 1, height):
                screen = self.screen_rect(self.rects[index])
                if screen.x < view.x < screen.right or screen.x < view.right < screen.right:
                    seen = screen.clip(view)
                    if seen.width > 0 and all(index != done for done, _, _ in plan):
                        plan.append((index, seen, seen.width >= least))
        return plan

    def cut_chips(self) -> list[pygame.Rect]:
        """The parts in view of the chips cut by the view's left or right edge."""
        view, left = self.view, round(self.pan_x)
        cut = []
        for edge in (left, left + view.width):
            n = bisect_right(self.chip_xs, edge) - 1
            if n >= 0 and self.chip_xs[n] < edge < self.chip_xs[n] + self.chip_w:
                seen = self.screen_rect(self.chip_rects[n]).clip(view)
                if seen.width > 0:
                    cut.append(seen)
        return cut

    def _draw_edges(self, surface) -> None:
        """The labels cut by the view's edges, drawn over the layer as edge_plan says;
        a chip cut by an edge is not drawn (its count would read wrong)."""
        palette, view = self.ctx.palette, self.view
        for rect in self.cut_chips():
            surface.fill(palette.background, rect)
        for index, seen, drawn in self.edge_plan():
            surface.fill(palette.background, seen.inflate(0, self.ctx.text.px(4)))
            if drawn:
                cut = self.screen_rect(self.rects[index]).x < view.x
                self._draw_label(surface, index, seen, hover=False, selected=False, cut=cut)

    def _draw_label(self, surface, index, screen, hover: bool, selected: bool,
                    full: bool = False, cut: bool = False) -> None:
        """One label at `screen`: its date's dot (or a card's accent bar) and its title.
        `full`: the whole title, over the neighbours (hovered or selected); `cut`: the
        label's start is off the view's left edge (no dot, the text starts at the edge)."""
        text, palette = self.ctx.text, self.ctx.palette
        event = self.events[index]
        if self.detailed:
            pad = text.px(8)
            width = screen.width - 2 * pad
            if full:
                lines = text.wrap(event.title, "card", self.label_w - 2 * pad)
                tall = len(lines) * text.line_height("card")
                screen = pygame.Rect(screen.x, screen.y, screen.width,
                                     max(screen.height, tall + text.line_height("card-date")
                                         + text.px(14)))
            elif cut:       # the card's own lines, each shortened to what is in view
                lines = [text.fit(line, "card", width) for line in self._label_lines(index)]
            else:
                lines = self._label_lines(index)
            if selected:
                draw_focus(surface, screen, palette, radius=text.px(6), gap=text.px(4))
            fill = palette.panel if hover else palette.card
            draw_panel(surface, screen, palette, radius=text.px(6), fill=fill, shadow=False)
            if not cut:
                pygame.draw.rect(surface, palette.accent,
                                 (screen.x, screen.y, max(2, text.px(4)), screen.height))
            y = screen.y + text.px(5)
            for line in lines:
                surface.blit(text.render(line, "card", palette.ink), (screen.x + pad, y))
                y += text.line_height("card")
            date = text.render(text.fit(event.when, "card-date", width), "card-date",
                               palette.muted)
            surface.blit(date, (screen.x + pad, screen.bottom - text.px(5) - date.get_height()))
            return
        dot = self.dot
        colour = palette.accent if selected else palette.ink
        if full:
            line = event.title if len(event.title) < 200 else self._label_lines(index)[0]
        elif cut:
            line = text.fit(event.title, "small", screen.width - dot * 2)
        else:
            line = self._label_lines(index)[0]
        label = text.render(line, "small", colour)
        start = screen.x + (dot if cut else dot * 2)
        box = pygame.Rect(start, screen.y + text.px(2), label.get_width(), label.get_height())
        back = box.inflate(text.px(6), text.px(2))
        if hover or selected or full:
            pygame.draw.rect(surface, palette.highlight if hover else palette.background,
                             back, border_radius=text.px(4))
        if selected:
            draw_focus(surface, back, palette, radius=text.px(4), gap=text.px(3))
        if not cut:
            pygame.draw.circle(surface, palette.accent, (screen.x, box.centery), dot)
        surface.blit(label, box.topleft)

    def axis_labels(self) -> list[tuple[int, str, str]]:
        """(screen x where it starts, text, style) of each axis label in view: the years
        while three or more year ticks are in view, else months ("Mar 1956", every one
        or every 2nd, 3rd or 6th: whatever leaves room), so a view always has several.
        None runs past the view or into the one before it."""
        text, view, ppy = self.ctx.text, self.view, self.px_per_year
        left = view.x - round(self.pan_x)
        style = "subheading" if self.detailed else "small"
        first = max(0, int((view.x - left) // ppy))
        last = min(YEARS - 1, int((view.right - left) // ppy) + 1)
        years_seen = sum(1 for i in range(first, last + 2)
                         if view.x <= left + round(i * ppy) <= view.right)
        labels = []
        if years_seen >= 3:
            for i in range(first, last + 1):
                x = left + round(i * ppy)
                name = str(ERA_START + i)
                width = text.width(name, style)
                labels.append((x + text.px(4) if ppy > width * 2.2 else x - width // 2,
                               name, style, width, x))
        else:
            widest = text.width("May 1956", style) + text.px(14)
            for year, month in month_ticks((view.x - left) / ppy, (view.right - left) / ppy,
                                           ppy, widest):
                x = left + round(((year - ERA_START) + (month - 1) / 12) * ppy)
                name = f"{MONTHS[month - 1]} {year}"
                kind = style if month == 1 else "small"
                labels.append((x + text.px(4), name, kind, text.width(name, kind), x))
        # A label whose tick is left of the view stays at the edge (the year or month in
        # view), unless it would hide the next one.
        if len(labels) > 1 and labels[0][4] < view.x \
                and view.x + labels[0][3] + text.px(6) >= labels[1][0]:
            labels = labels[1:]
        shown, drawn_to = [], -1 << 30
        for x, name, kind, width, _ in labels:
            x = max(x, view.x)
            if x > drawn_to + text.px(6) and x + width <= view.right:
                shown.append((x, name, kind))
                drawn_to = x + width
        return shown

    def _draw_axis(self, surface) -> None:
        """The axis line, year ticks, month ticks when there is room, and the labels."""
        text, palette = self.ctx.text, self.ctx.palette
        y = self.fr.body.y + self.axis_h - text.px(8)
        view = self.view
        left = view.x - round(self.pan_x)
        pygame.draw.line(surface, palette.line, (view.x, y), (view.right, y),
                         max(1, text.px(2)))
        ppy = self.px_per_year
        first = max(0, int((view.x - left) // ppy))
        last = min(YEARS, int((view.right - left) // ppy) + 1)
        for i in range(first, last + 1):
            x = left + round(i * ppy)
            pygame.draw.line(surface, palette.ink, (x, y - text.px(8)), (x, y + text.px(4)),
                             max(1, text.px(2)))
            if ppy > text.px(240) and i < YEARS:   # month ticks when there is room
                for month in range(1, 12):
                    mx = x + round(ppy * month / 12)
                    pygame.draw.line(surface, palette.line, (mx, y - text.px(4)), (mx, y),
                                     max(1, text.px(1)))
        for x, name, style in self.axis_labels():
            label = text.render(name, style, palette.ink)
            surface.blit(label, (x, y - text.px(10) - label.get_height()))
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
        self.source.draw(surface, ctx, background=palette.card)
        self.focus.draw(surface, ctx)
        hint = text.render(text.fit("Up/Down or wheel: scroll the source   Enter/Esc: close",
                                    "small", max(1, self.close.rect.x - self.inner.x - text.px(10))),
                           "small", palette.muted)
        surface.blit(hint, (self.inner.x, self.close.rect.centery - hint.get_height() // 2))
