"""Whose view?: four distinct choices with the answer, plausible distractors first."""

import random

from hypothesis import given, settings, strategies as st

from game.rules.choices import choices_for, distractors, plausible_distractors
from rules_fixtures import PERSPECTIVES, QUESTIONS, content

CULT, FIRM_HAND, PUDDLE, REVISIONISM, YEAR_QUESTION = QUESTIONS


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(QUESTIONS), st.integers(0, 10_000))
def test_there_are_four_distinct_choices_including_the_answer(question, seed):
    choices = choices_for(question, content(), random.Random(seed), 4)
    keys = [c.key for c in choices]
    assert question.answer in keys
    assert len(set(keys)) == len(keys)
    expected = len(question.choices) if question.choices else 4
    assert len(keys) == expected


def test_distractors_from_the_same_document_come_before_random_ones():
    # The speech is cited by q-firm-hand (answer: old guard) and names the Dissident Writer.
    assert set(plausible_distractors(CULT, content())) == {"old-guard", "dissident"}
    for seed in range(20):
        picked = distractors(CULT, content(), random.Random(seed), 3)
        assert set(picked[:2]) == {"old-guard", "dissident"}
        assert picked[2] not in {"khrushchev", "old-guard", "dissident"}


def test_random_perspectives_fill_in_when_nothing_else_is_plausible():
    lonely = content(questions=(PUDDLE,))
    assert plausible_distractors(PUDDLE, lonely) == ()
    picked = {d for seed in range(30)
              for d in distractors(PUDDLE, lonely, random.Random(seed), 3)}
    assert "student-blog" not in picked
    assert len(picked) > 3      # not always the same three


def test_the_questions_own_choices_are_used_when_given():
    for seed in range(10):
        keys = {c.key for c in choices_for(REVISIONISM, content(), random.Random(seed))}
        assert keys == set(REVISIONISM.choices)


def test_choices_are_shuffled_by_the_seed():
    orders = {tuple(c.key for c in choices_for(REVISIONISM, content(), random.Random(s)))
              for s in range(30)}
    assert len(orders) > 1
    again = [tuple(c.key for c in choices_for(CULT, content(), random.Random(5)))
             for _ in range(3)]
    assert len(set(again)) == 1


def test_a_whose_view_choice_shows_the_perspectives_name_and_a_plain_choice_its_text():
    names = {v.id: v.name for v in PERSPECTIVES}
    for choice in choices_for(CULT, content(), random.Random(1)):
        assert choice.label == names[choice.key]
    for choice in choices_for(YEAR_QUESTION, content(), random.Random(1)):
        assert choice.label == choice.key
