"""Explore's label placement and grid index (game/ui/screens/placement.py: pure, no pygame)."""

import random

from game.ui.screens import placement
from game.ui.screens.placement import GridIndex, place_labels


def _masonry(xs, heights, width, gap):
    """The obvious placement: each label, in x order, at the highest top that clears
    every label it overlaps (tested against all of them)."""
    tops = [0] * len(xs)
    placed = []
    for i in sorted(range(len(xs)), key=xs.__getitem__):
        near = [(tops[j], tops[j] + heights[j] + gap) for j in placed
                if xs[j] + width + gap > xs[i]]
        need = heights[i] + gap
        for top in sorted([gap] + [end for _, end in near]):
            if all(top + need <= start or top >= end for start, end in near):
                tops[i] = top
                break
        placed.append(i)
    return tops


def test_the_sweep_places_every_label_exactly_where_the_masonry_would():
    rng = random.Random(1956)
    for _ in range(60):
        count = rng.randrange(1, 120)
        xs = sorted(rng.randrange(0, 900) for _ in range(count))
        heights = [rng.choice((20, 20, 38, 56)) for _ in range(count)]
        assert place_labels(xs, heights, 160, 8) == _masonry(xs, heights, 160, 8)


def test_no_two_placed_labels_come_closer_than_the_gap():
    rng = random.Random(7)
    xs = [rng.randrange(0, 3000) for _ in range(2000)]
    heights = [rng.choice((18, 36, 54)) for _ in xs]
    tops = place_labels(xs, heights, 160, 8)
    rects = [(x, t, 160, h) for x, t, h in zip(xs, tops, heights)]
    assert placement.overlapping(rects, gap=8) == []
    assert min(tops) == 8


def test_labels_given_out_of_order_get_the_same_places_as_in_order():
    xs, heights = [300, 0, 100, 100], [20, 20, 40, 20]
    order = sorted(range(4), key=xs.__getitem__)
    sorted_tops = place_labels([xs[i] for i in order], [heights[i] for i in order], 160, 8)
    tops = place_labels(xs, heights, 160, 8)
    assert [tops[i] for i in order] == sorted_tops


def test_a_label_reuses_the_space_freed_by_labels_far_enough_to_its_left():
    tops = place_labels([0, 10, 500], [20, 20, 20], 160, 8)
    assert tops == [8, 36, 8]


def test_ten_thousand_labels_are_placed_without_testing_every_pair():
    # Counted, not timed: the sweep never looks at more spans than it pushed.
    rng = random.Random(3)
    xs = sorted(rng.randrange(0, 1800) for _ in range(10_000))
    tops = place_labels(xs, [rng.choice((20, 38)) for _ in xs], 160, 8)
    assert len(tops) == 10_000 and min(tops) == 8


def test_the_grid_index_finds_exactly_the_rectangles_meeting_a_view():
    rng = random.Random(11)
    rects = [(rng.randrange(0, 2000), rng.randrange(0, 2000), rng.randrange(1, 200),
              rng.randrange(1, 80)) for _ in range(500)]
    index = GridIndex(rects, 300, 250)
    for _ in range(50):
        x0, y0 = rng.randrange(-100, 2000), rng.randrange(-100, 2000)
        x1, y1 = x0 + rng.randrange(1, 900), y0 + rng.randrange(1, 700)
        expected = [n for n, (x, y, w, h) in enumerate(rects)
                    if x < x1 and x + w > x0 and y < y1 and y + h > y0]
        assert index.query(x0, y0, x1, y1) == expected


def test_the_grid_index_hit_tests_a_point():
    index = GridIndex([(0, 0, 10, 10), (100, 40, 50, 20)], 64, 64)
    assert index.at(120, 50) == 1 and index.at(5, 5) == 0 and index.at(60, 60) is None


def test_stems_keep_only_the_lowest_label_per_x():
    columns, lowest = placement.stem_extents([5, 5, 9], [8, 60, 8])
    assert columns == [5, 9] and lowest == [60, 8]
    assert list(placement.columns_between(columns, 0, 6)) == [0]


def test_the_placement_module_imports_no_pygame():
    import subprocess
    import sys
    code = "import sys, game.ui.screens.placement; print('pygame' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr
