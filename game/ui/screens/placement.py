"""Where Explore's labels go, and which of them a rectangle touches (pure: no pygame).

`place_in_lanes` puts one-height labels in a bounded number of lanes (as many as the view
holds), each label in the highest lane free at its date, found with two heaps: n labels
cost O(n log lanes). A label that finds no free lane is left out and counted in a
"+N more" chip (`group_hidden`), so no label is ever pushed far below the axis, and no
leader line is needed (each label starts right under its own date).

`month_ticks` says which months the axis labels at deep zoom.

`GridIndex` buckets rectangles in a grid, so drawing and hit-testing look only at the
cells that meet the view or the pointer.
"""

from __future__ import annotations

import heapq
from typing import Iterable, Sequence

from game.ui.widgets.timeline_axis import ERA_START, YEARS


def place_in_lanes(xs: Sequence[int], widths: Sequence[int], gap: int,
                   lanes: int) -> list[int]:
    """The lane of each label (0 is the one nearest the axis), or -1 when every lane is
    taken at its x (the label is left out).

    Label i starts at xs[i] and is widths[i] wide; two labels in one lane keep `gap`
    between them. Labels are taken in date order (ties in the order given), each into the
    lowest-numbered lane free at its x: the same as trying every lane in turn.
    """
    count = len(xs)
    if len(widths) != count:
        raise ValueError("one width per label")
    free = list(range(max(0, lanes)))        # a heap of free lane numbers
    busy: list = []                          # a heap of (x where it frees, lane)
    placed = [-1] * count
    for index in sorted(range(count), key=xs.__getitem__):
        x = xs[index]
        while busy and busy[0][0] <= x:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            lane = heapq.heappop(free)
            placed[index] = lane
            heapq.heappush(busy, (x + widths[index] + gap, lane))
    return placed


def group_hidden(xs: Sequence[int], hidden: Iterable[int], width: int,
                 gap: int) -> list[tuple[int, list[int]]]:
    """The left-out labels grouped into chips `width` wide that keep `gap` apart:
    (chip x, the numbers of its labels in date order), left to right. A chip starts at
    the first label it holds, so it sits at (or just before) every date it counts."""
    chips: list[tuple[int, list[int]]] = []
    for index in sorted(hidden, key=lambda i: (xs[i], i)):
        if chips and xs[index] < chips[-1][0] + width + gap:
            chips[-1][1].append(index)
        else:
            chips.append((xs[index], [index]))
    return chips


def month_ticks(left_years: float, right_years: float, px_per_year: float,
                label_px: int) -> list[tuple[int, int]]:
    """(year, month 1-12) of the month ticks to label between two axis positions (years
    since 1953): every month, or every 2nd, 3rd or 6th (or only Januaries), whichever
    leaves `label_px` for each label; only months of the era."""
    per_month = px_per_year / 12
    step = next((s for s in (1, 2, 3, 6) if s * per_month >= label_px), 12)
    first = max(0, int(left_years * 12) - 1)
    last = min(YEARS * 12 - 1, int(right_years * 12) + 1)
    return [(ERA_START + m // 12, m % 12 + 1) for m in range(first, last + 1)
            if (m % 12) % step == 0]


class GridIndex:
    """Rectangles (x, y, w, h) bucketed in a grid of `cell_w` x `cell_h` cells."""

    def __init__(self, rects: Sequence[tuple[int, int, int, int]], cell_w: int, cell_h: int) -> None:
        self.rects = rects
        self.cell_w = max(1, int(cell_w))
        self.cell_h = max(1, int(cell_h))
        self._cells: dict[tuple[int, int], list[int]] = {}
        cw, ch = self.cell_w, self.cell_h
        for number, (x, y, w, h) in enumerate(rects):
            for cx in range(x // cw, (x + max(1, w) - 1) // cw + 1):
                for cy in range(y // ch, (y + max(1, h) - 1) // ch + 1):
                    self._cells.setdefault((cx, cy), []).append(number)

    def query(self, x0: int, y0: int, x1: int, y1: int) -> list[int]:
        """Numbers of the rectangles meeting [x0, x1) x [y0, y1), in their given order."""
        cw, ch = self.cell_w, self.cell_h
        found: set[int] = set()
        for cx in range(x0 // cw, (x1 - 1) // cw + 1):
            for cy in range(y0 // ch, (y1 - 1) // ch + 1):
                found.update(self._cells.get((cx, cy), ()))
        rects = self.rects
        return sorted(n for n in found
                      if rects[n][0] < x1 and rects[n][0] + rects[n][2] > x0
                      and rects[n][1] < y1 and rects[n][1] + rects[n][3] > y0)

    def at(self, x: int, y: int) -> int | None:
        """The number of the first rectangle containing the point, or None."""
        for n in self._cells.get((x // self.cell_w, y // self.cell_h), ()):
            rx, ry, rw, rh = self.rects[n]
            if rx <= x < rx + rw and ry <= y < ry + rh:
                return n
        return None


def overlapping(rects: Iterable[tuple[int, int, int, int]], gap: int = 0) -> list[tuple[int, int]]:
    """Pairs of rectangles closer than `gap` (for tests: a correct placement has none)."""
    items = sorted(enumerate(rects), key=lambda item: item[1][0])
    found = []
    for i, (a, ra) in enumerate(items):
        for b, rb in items[i + 1:]:
            if rb[0] >= ra[0] + ra[2] + gap:
                break
            if rb[1] < ra[1] + ra[3] + gap and ra[1] < rb[1] + rb[3] + gap:
                found.append((min(a, b), max(a, b)))
    return found
