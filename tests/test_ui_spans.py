"""What a teacher wrote is shown: an event's `end` makes it a span on cards and in Explore."""

from ui_helpers import make_app

from game.ui.core.registry import make_scene


def test_explore_lays_every_event_with_an_end_as_a_bar_from_its_start_to_its_end():
    app = make_app((1920, 1080))
    explore = make_scene("explore", app.ctx)
    explore.ensure_layout(app.surface.get_size())
    spanned = [i for i, e in enumerate(explore.events) if e.end is not None]
    assert spanned, "the bundled pack has events with an end"
    assert sorted(i for *_, i in explore.spans) == spanned
    congress = next(i for i in spanned if "20th Party Congress" in explore.events[i].title)
    x0, x1, lane, _ = next(s for s in explore.spans if s[3] == congress)
    assert x1 > x0 and lane >= 0
    assert explore.events[congress].when == "14–25 February 1956"


def test_spans_that_overlap_go_in_different_lanes():
    app = make_app((1024, 640))
    explore = make_scene("explore", app.ctx)
    explore.ensure_layout(app.surface.get_size())
    by_lane: dict = {}
    for x0, x1, lane, _ in explore.spans:
        for a, b in by_lane.get(lane, []):
            assert x1 < a or x0 > b, "two spans of one lane overlap"
        by_lane.setdefault(lane, []).append((x0, x1))
