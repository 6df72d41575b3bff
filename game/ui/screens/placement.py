"""Where Explore's labels go, and which of them a rectangle touches (pure: no pygame).

`place_labels` stacks equally wide labels, in date order, each in the highest free spot
under the axis: the same result as trying every spot against every label (a greedy
masonry), found by a sweep. As the sweep moves right, labels it has passed by more than
their width free their vertical span; the free spans are kept with their ends in dicts
and, for each label height in use, in a heap by top. A label takes the top of the
highest free span tall enough, so n labels of c distinct heights cost O(n c log n),
not O(n^2) or worse.

`place_in_lanes` is what Explore uses now: one-height labels in a bounded number of lanes
(as many as the view holds), each label in the highest lane free at its date, found with
two heaps (O(n log lanes)). A label that finds no free lane is left out and counted in a
"+N more" chip (`group_hidden`), so no label is ever pushed far below the axis.

`GridIndex` buckets rectangles in a grid, so drawing and hit-testing look only at the
cells that meet the view or the pointer.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections import deque
from typing import Iterable, Sequence

_ENDLESS = 1 << 62


def place_labels(xs: Sequence[int], heights: Sequence[int], width: int, gap: int) -> list[int]:
    """The top of each label (x, height) so that no two labels closer than `gap` overlap.

    Labels are `width` wide and start at their x. The first row is at y = `gap`; every
    label keeps `gap` from its neighbours on each side. Order of `xs` does not matter (they
    are swept left to right, ties in the order given); the result is in the order given.
    """
    count = len(xs)
    if len(heights) != count:
        raise ValueError("one height per label")
    order = sorted(range(count), key=xs.__getitem__)
    needs = sorted({h + gap for h in heights})
    heaps: list[list] = [[] for _ in needs]
    end_of: dict[int, int] = {}      # start of a free span -> its end
    start_of: dict[int, int] = {}    # end of a free span -> its start

    def free(start: int, end: int) -> None:
        if end in end_of:                       # joins the span just below it
            following = end_of.pop(end)
            del start_of[following]
            end = following
        if start in start_of:                   # joins the span just above it
            before = start_of.pop(start)
            del end_of[before]
            start = before
        end_of[start] = end
        start_of[end] = start
        for heap in heaps[:bisect_right(needs, end - start)]:
            heapq.heappush(heap, (start, end))

    free(gap, _ENDLESS)
    tops = [0] * count
    active: deque = deque()     # (x where it stops overlapping, start, end), oldest first
    for index in order:
        x = xs[index]
        while active and active[0][0] <= x:
            _, start, end = active.popleft()
            free(start, end)
        need = heights[index] + gap
        heap = heaps[bisect_left(needs, need)]
        while True:                              # the highest span that is still free
            start, end = heap[0]
            if end_of.get(start) == end:
                break
            heapq.heappop(heap)
        del end_of[start], start_of[end]
        if end - start > need:
            rest = (start + need, end)
            end_of[rest[0]] = rest[1]
            start_of[rest[1]] = rest[0]
            for other in heaps[:bisect_right(needs, rest[1] - rest[0])]:
                heapq.heappush(other, rest)
        tops[index] = start
        active.append((x + width + gap, start, start + need))
    return tops


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


def stem_extents(xs: Sequence[int], tops: Sequence[int]) -> tuple[list[int], list[int]]:
    """(distinct xs sorted, the lowest label top at each): a stem runs from the axis down
    to every label, so per x only the longest one needs drawing."""
    lowest: dict[int, int] = {}
    for x, top in zip(xs, tops):
        if top > lowest.get(x, -1):
            lowest[x] = top
    columns = sorted(lowest)
    return columns, [lowest[x] for x in columns]


def columns_between(columns: Sequence[int], x0: int, x1: int) -> range:
    """Positions in sorted `columns` of the xs with x0 <= x < x1."""
    return range(bisect_left(columns, x0), bisect_left(columns, x1))


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
