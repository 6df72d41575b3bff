"""The results summary: standings and what most teams missed, from the rows alone."""

from hypothesis import given, strategies as st

from rules_fixtures import ORDERABLE_EVENTS
from game.classroom.rows import teacher_row
from game.classroom.summary import live_rows, out_of_place, summarize
from game.rules import ordering
from game.store.results import ResultRow


def answer(team, item, correct, points=0, given="x", kind="whose-view"):
    return ResultRow(team=team, round_type=kind, item_ids=(item,) if isinstance(item, str)
                     else tuple(item), answer_given=given, correct=correct, points=points,
                     seconds=1.0)


def test_a_question_missed_by_more_teams_comes_before_one_missed_more_often_by_one():
    rows = [answer("Red", "q-a", False), answer("Red", "q-a", False),
            answer("Red", "q-b", False), answer("Blue", "q-b", False),
            answer("Green", "q-b", True, 10)]
    missed = summarize(rows, ("Red", "Blue", "Green")).missed
    assert [m.item_id for m in missed] == ["q-b", "q-a"]
    assert missed[0].teams == ("Red", "Blue") and missed[0].right_by == ("Green",)
    assert missed[1].times == 2


def test_standings_put_the_most_points_first_and_count_manual_points():
    rows = [answer("Red", "q-a", True, 10), answer("Blue", "q-b", True, 10),
            teacher_row("manual", "Blue", "teacher: +1", points=1)]
    table = summarize(rows, ("Red", "Blue")).standings
    assert [(t.team, t.points, t.right) for t in table] == [("Blue", 11, 1), ("Red", 10, 1)]


def test_an_undone_wrong_answer_is_not_counted_as_missed():
    rows = [answer("Red", "q-a", False),
            teacher_row("undo", "Red", "undo: Red answered q-a", item_ids=("q-a",))]
    assert live_rows(rows) == []
    summary = summarize(rows, ("Red",))
    assert summary.missed == () and summary.answers == 0


def test_an_undo_cancels_only_the_latest_matching_decision():
    rows = [answer("Red", "q-a", True, 10), answer("Red", "q-a", False),
            teacher_row("undo", "Red", "undo", item_ids=("q-a",), points=0)]
    assert live_rows(rows) == [rows[0]]


def test_a_timeline_row_blames_only_the_cards_out_of_place():
    row = answer("Red", ("a", "b", "c", "d"), False, 5, given="a, c, b, d", kind="timeline")
    missed = summarize([row]).missed
    assert len(missed) == 1 and missed[0].item_id in ("b", "c")


def test_a_timeline_hand_that_timed_out_names_no_card_as_missed():
    row = answer("Green", ("a", "b", "c", "d"), False, 0, given="(time ran out)",
                 kind="timeline")
    assert summarize([row], ("Green",)).missed == ()


@given(st.permutations(ORDERABLE_EVENTS[:6]))
def test_cards_out_of_place_agree_in_number_with_the_rules(order):
    truth = [e.id for e in ordering.true_order(order)]
    blamed = out_of_place(truth, [e.id for e in order])
    assert len(blamed) == len(ordering.misplaced(order))
    assert set(blamed) <= set(truth)
