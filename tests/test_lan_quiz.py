"""A phone review over the rules: prompts become phone questions with opaque keys."""

import pytest

from rules_fixtures import ORDERABLE_EVENTS, content
from game.classroom.setup import CHOICE, TIMELINE, WHOSE_VIEW, ClassroomSetup
from game.lan.quiz import PhoneQuiz, QuizError
from game.lan.room import CHOOSE, ORDER
from game.rules.prompts import Ask, SortHand


def quiz(**changes):
    fields = dict(teams=("Red", "Blue"), rounds=6, round_types=(TIMELINE, WHOSE_VIEW, CHOICE), seed=3)
    fields.update(changes)
    return PhoneQuiz(ClassroomSetup(**fields), content(events=ORDERABLE_EVENTS))


def right_value(q):
    prompt = q.prompt
    if isinstance(prompt, Ask):
        return str([c.key for c in prompt.live_choices].index(prompt.question.answer))
    ordered = sorted(range(len(prompt.cards)), key=lambda i: prompt.cards[i].date.sort_key())
    return [str(i) for i in ordered]


def test_a_phone_question_never_carries_an_id_or_the_answer():
    q = quiz(round_types=(WHOSE_VIEW,))
    question = q.next_question(now=0.0)
    assert question.kind == CHOOSE
    assert [c.key for c in question.choices] == [str(i) for i in range(len(question.choices))]
    assert q.prompt.question.answer not in {c.key for c in question.choices}
    assert q.prompt.question.id not in question.id


def test_the_right_choice_earns_full_credit_and_a_wrong_one_none():
    q = quiz(round_types=(WHOSE_VIEW,))
    question = q.next_question(now=0.0)
    right = right_value(q)
    wrong = next(c.key for c in question.choices if c.key != right)
    assert q.judge(right) == 1.0 and q.judge(wrong) == 0.0
    assert q.judge("99") == 0.0 and q.judge(None) == 0.0


def test_a_sort_hand_is_judged_by_its_pairs_in_order():
    q = quiz(round_types=(TIMELINE,))
    question = q.next_question(now=0.0)
    assert question.kind == ORDER and isinstance(q.prompt, SortHand)
    right = right_value(q)
    assert q.judge(right) == 1.0
    assert 0.0 <= q.judge(list(reversed(right))) < 1.0


def test_the_timer_becomes_the_questions_deadline():
    q = quiz(timer=30)
    assert q.next_question(now=100.0).deadline == 130.0
    assert quiz(timer=0).next_question(now=100.0).deadline is None


def test_the_reveal_names_the_answer_and_explains():
    q = quiz(round_types=(WHOSE_VIEW,))
    q.next_question(now=0.0)
    reveal = q.reveal()
    assert reveal.explain == q.prompt.question.explain and reveal.answer_label


def test_a_session_deals_its_rounds_without_asking_a_question_twice_then_ends():
    q = quiz(round_types=(WHOSE_VIEW,), rounds=4)   # the fixture has 4 whose-view questions
    asked = []
    while q.next_question(now=0.0) is not None:
        asked.append(q.prompt.question.id)
        q.settle([right_value(q)])
    assert len(asked) == 4 and len(set(asked)) == 4
    assert q.over


def test_packs_that_cannot_fill_a_round_type_are_refused_with_a_reason():
    with pytest.raises(QuizError, match="nothing for"):
        PhoneQuiz(ClassroomSetup(round_types=(WHOSE_VIEW,), seed=1), content(questions=()))


def test_thaw_results_lists_each_student_and_the_teams_by_their_mean(tmp_path):
    import argparse
    import io
    from game.commands import results as command
    from game.store.results import ResultRow, ResultsWriter

    writer = ResultsWriter(tmp_path, "phones", {}, teams=("Reds", "Blues"), seed=1)
    rows = [ResultRow("Reds", "whose-view", ("r1",), "Khrushchev", True, 10, 3.0, student="Ana"),
            ResultRow("Reds", "whose-view", ("r1",), "A blogger", False, 0, 4.0, student="Bo"),
            ResultRow("Reds", "whose-view", ("r1",), "A blogger", False, 0, 4.0, student="Cy"),
            ResultRow("Blues", "whose-view", ("r1",), "Khrushchev", True, 10, 5.0, student="Di")]
    assert writer.write_round(rows)
    out, err = io.StringIO(), io.StringIO()
    assert command.run(argparse.Namespace(file=str(writer.csv_path), limit=5), out, err) == 0, err.getvalue()
    text = out.getvalue()
    assert text.index("Ana") < text.index("Bo") and "1/1 right" in text
    # Blues' one student right beats Reds' one of three: means, not sums.
    assert text.index("Blues: 10") < text.index("Reds: 3.3")
