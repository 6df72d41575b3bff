"""The "Review (N due)" deal: due items first, timeline hands and questions mixed."""

from datetime import datetime, timedelta, timezone

import pytest

from rules_fixtures import ORDERABLE_EVENTS, content
from game.rules import game as G
from game.rules import memory as M
from game.rules import ordering
from game.rules.prompts import Ask, SortHand
from game.rules.review_deal import review_count, review_keys, review_steps, start_review
from game.rules.session import new_session

TODAY = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
LATER = TODAY + timedelta(hours=1)


def _memory(right=(), wrong=()):
    memory = {}
    for key in right:
        memory = M.remember(memory, *key, True, TODAY)
    for key in wrong:
        memory = M.remember(memory, *key, False, TODAY)
    return memory


def test_review_counts_only_the_due_items_of_the_packs_in_play():
    memory = _memory(right=[(M.QUESTION, "q-cult")],
                     wrong=[(M.QUESTION, "q-puddle"), (M.EVENT, "sputnik"),
                            (M.QUESTION, "q-not-in-these-packs")])
    assert review_count(content(), memory, LATER) == 2
    assert review_count(content(), memory, TODAY) == 0


def test_the_deal_puts_due_items_first_then_the_least_known():
    memory = _memory(right=[(M.QUESTION, "q-cult"), (M.QUESTION, "q-year")],
                     wrong=[(M.QUESTION, "q-puddle")])
    keys = review_keys(content(), memory, LATER, limit=3)
    assert keys[0] == (M.QUESTION, "q-puddle")
    assert set(keys[1:]) == {(M.QUESTION, "q-cult"), (M.QUESTION, "q-year")}
    assert review_keys(content(), memory, LATER, limit=3, fill=False) == keys[:1]


def test_a_review_game_deals_the_due_items_first_mixing_hands_and_questions():
    due = [(M.EVENT, "sputnik"), (M.EVENT, "u2"), (M.QUESTION, "q-puddle"),
           (M.QUESTION, "q-firm-hand")]
    memory = _memory(right=[(M.QUESTION, "q-cult")], wrong=due)
    game = start_review(content(), new_session(["Solo"], seed=4), memory, LATER, limit=4)
    dealt = []
    while not game.over:
        prompt = game.prompt
        if isinstance(prompt, SortHand):
            dealt.append(("hand", frozenset(c.id for c in prompt.cards)))
            order = [e.id for e in ordering.true_order(prompt.cards)]
            game, _ = G.submit(game, order)
        else:
            assert isinstance(prompt, Ask)
            dealt.append(("ask", prompt.question.id))
            game, _ = G.choose(game, prompt.question.answer)
    assert dealt[0] == ("hand", frozenset({"sputnik", "u2"}))
    assert [d[0] for d in dealt] == ["hand", "ask", "ask"]
    assert {d[1] for d in dealt[1:]} == {"q-puddle", "q-firm-hand"}
    assert game.mode == G.MODE_REVIEW


def test_a_lone_due_event_is_joined_by_another_so_it_can_be_ordered():
    steps = review_steps(content(events=ORDERABLE_EVENTS), [(M.EVENT, "cuba")])
    assert len(steps) == 1 and "cuba" in steps[0].event_ids and len(steps[0].event_ids) == 2


def test_nothing_to_review_is_a_clear_error():
    with pytest.raises(G.NotEnoughContent, match="nothing to review"):
        start_review(content(), new_session(["Solo"]), {}, TODAY)
