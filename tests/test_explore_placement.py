"""Explore's label placement and grid index (game/ui/screens/placement.py: pure, no pygame)."""

import random

from game.ui.screens import placement
from game.ui.screens.placement import GridIndex, place_in_lanes


def _first_free_lane(xs, widths, gap, lanes):
    """The obvious placement: each label, in date order, in the lowest-numbered lane
    whose labels all end (plus the gap) at or before its x; -1 when there is none."""
    placed = [-1] * len(xs)
    ends = [[] for _ in range(lanes)]
    for i in sorted(range(len(xs)), key=xs.__getitem__):
        for lane in range(lanes):
            if all(end <= xs[i] for end in ends[lane]):
                placed[i] = lane
                ends[lane].append(xs[i] + widths[i] + gap)
                break
    return placed


def test_lanes_are_filled_exactly_as_trying_every_lane_in_turn_would():
    rng = random.Random(1956)
    for _ in range(80):
        count = rng.randrange(1, 150)
        xs = [rng.randrange(0, 900) for _ in range(count)]
        widths = [rng.randrange(20, 240) for _ in range(count)]
        lanes = rng.randrange(1, 12)
        assert place_in_lanes(xs, widths, 8, lanes) == _first_free_lane(xs, widths, 8, lanes)


def test_no_two_labels_in_a_lane_come_closer_than_the_gap_and_none_leaves_the_lanes():
    rng = random.Random(7)
    xs = [rng.randrange(0, 3000) for _ in range(2000)]
    widths = [rng.randrange(40, 300) for _ in xs]
    placed = place_in_lanes(xs, widths, 8, 15)
    assert set(placed) <= set(range(-1, 15))
    rects = [(x, lane * 30, w, 20) for x, w, lane in zip(xs, widths, placed) if lane >= 0]
    assert placement.overlapping(rects, gap=8) == []


def test_a_label_is_left_out_only_when_every_lane_is_taken_at_its_date():
    rng = random.Random(3)
    xs = [rng.randrange(0, 1000) for _ in range(400)]
    widths = [rng.randrange(40, 200) for _ in xs]
    placed = place_in_lanes(xs, widths, 6, 6)
    assert -1 in placed and placed.count(-1) < len(placed)
    for i, lane in enumerate(placed):
        if lane == -1:
            busy = {placed[j] for j in range(len(xs)) if placed[j] >= 0
                    and (xs[j], j) < (xs[i], i) and xs[j] + widths[j] + 6 > xs[i]}
            assert busy == set(range(6))


def test_a_label_takes_the_highest_lane_free_at_its_date():
    # 0 holds lane 0 until 170; 10 goes below it; 500 is past both and goes back on top.
    assert place_in_lanes([0, 10, 500], [160, 160, 160], 10, 3) == [0, 1, 0]
    assert place_in_lanes([0, 10, 20], [160, 160, 160], 10, 2) == [0, 1, -1]


def test_labels_given_out_of_order_get_the_same_lanes_as_in_order():
    xs, widths = [300, 0, 100, 100], [120, 200, 50, 50]
    order = sorted(range(4), key=xs.__getitem__)
    in_order = place_in_lanes([xs[i] for i in order], [widths[i] for i in order], 8, 3)
    placed = place_in_lanes(xs, widths, 8, 3)
    assert [placed[i] for i in order] == in_order


def test_ten_thousand_labels_fit_in_a_few_lanes_and_the_rest_are_left_out():
    rng = random.Random(3)
    xs = [rng.randrange(0, 1800) for _ in range(10_000)]
    placed = place_in_lanes(xs, [160] * len(xs), 8, 20)
    assert len(placed) == 10_000 and set(placed) == set(range(-1, 20))


def test_every_left_out_label_is_in_exactly_one_chip_and_chips_keep_apart():
    rng = random.Random(5)
    xs = [rng.randrange(0, 2000) for _ in range(300)]
    hidden = [i for i in range(300) if rng.random() < 0.4]
    chips = placement.group_hidden(xs, hidden, 80, 10)
    members = [i for _, group in chips for i in group]
    assert sorted(members) == sorted(hidden)
    for (x, group), following in zip(chips, chips[1:] + [(None, None)]):
        assert all(x <= xs[i] < x + 90 for i in group)    # a chip sits at its dates
        assert x == min(xs[i] for i in group)
        if following[0] is not None:
            assert following[0] >= x + 90


def test_deep_zoom_labels_every_month_and_a_wider_view_every_few_months():
    per_year = 1920 * 1.5        # about eight months across a 1920-pixel view
    ticks = placement.month_ticks(3.0, 3.7, per_year, 120)
    assert [(y, m) for y, m in ticks if 1956 <= y][:3] == [(1956, 1), (1956, 2), (1956, 3)]
    sparse = placement.month_ticks(3.0, 5.0, 500, 120)   # ~42 px a month: every 3rd
    assert {m for _, m in sparse} == {1, 4, 7, 10}
    assert placement.month_ticks(-1.0, 0.2, 3000, 100)[0] == (1953, 1)   # never before the era
    assert placement.month_ticks(11.8, 13.0, 3000, 100)[-1] == (1964, 12)


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


def test_the_placement_module_imports_no_pygame():
    import subprocess
    import sys
    code = "import sys, game.ui.screens.placement; print('pygame' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr
