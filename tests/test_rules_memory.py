"""Spaced review: every event and question has a memory (last seen, how well, when due),
scheduled by FSRS; an item missed comes back sooner than one answered right."""

from datetime import datetime, timedelta, timezone

from rules_fixtures import content
from game.rules import game as G
from game.rules import memory as M
from game.rules.session import new_session

TODAY = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


def test_an_item_missed_today_comes_back_sooner_than_one_answered_right():
    memory = M.remember({}, M.QUESTION, "q-missed", False, TODAY)
    memory = M.remember(memory, M.QUESTION, "q-right", True, TODAY)
    missed, right = memory[(M.QUESTION, "q-missed")], memory[(M.QUESTION, "q-right")]
    assert missed.due < right.due
    assert missed.due - TODAY <= timedelta(hours=1)          # later today
    assert right.due - TODAY >= timedelta(days=1)            # another day


def test_a_known_item_missed_comes_back_sooner_than_if_it_had_been_answered_right():
    memory = M.remember({}, M.EVENT, "thaw", True, TODAY)
    later = memory[(M.EVENT, "thaw")].due
    kept = M.remember(memory, M.EVENT, "thaw", True, later)[(M.EVENT, "thaw")]
    lost = M.remember(memory, M.EVENT, "thaw", False, later)[(M.EVENT, "thaw")]
    assert lost.due < kept.due
    assert kept.due - later > later - TODAY                  # the gap grows when right


def test_a_right_answer_with_a_hint_comes_back_no_later_than_one_without():
    plain = M.remember({}, M.QUESTION, "q", True, TODAY)[(M.QUESTION, "q")]
    hinted = M.remember({}, M.QUESTION, "q", True, TODAY, hinted=True)[(M.QUESTION, "q")]
    assert hinted.due <= plain.due


def test_the_memory_keeps_when_it_was_seen_and_how_well_it_went():
    memory = M.remember({}, M.QUESTION, "q", True, TODAY)
    memory = M.remember(memory, M.QUESTION, "q", False, TODAY + timedelta(days=3))
    item = memory[(M.QUESTION, "q")]
    assert (item.seen, item.right, item.wrong, item.last_right) == (2, 1, 1, False)
    assert item.last_seen == TODAY + timedelta(days=3) and item.how_well == 0.5


def test_due_items_are_counted_and_listed_most_overdue_first():
    memory = M.remember({}, M.QUESTION, "q-old", False, TODAY - timedelta(days=2))
    memory = M.remember(memory, M.QUESTION, "q-new", False, TODAY)
    memory = M.remember(memory, M.EVENT, "e-fine", True, TODAY)
    soon = TODAY + timedelta(hours=1)
    assert M.due_keys(memory, soon) == ((M.QUESTION, "q-old"), (M.QUESTION, "q-new"))
    assert M.due_count(memory, soon) == 2
    assert M.due_count(memory, soon, among=[(M.QUESTION, "q-new")]) == 1
    assert M.due_count(memory, TODAY - timedelta(days=3)) == 0


def test_the_same_answers_at_the_same_moments_give_the_same_schedule():
    def play():
        memory = {}
        for day, right in enumerate([True, False, True, True]):
            memory = M.remember(memory, M.EVENT, "e", right, TODAY + timedelta(days=day))
        return memory
    assert play() == play()


def test_a_memory_entry_survives_its_json_form():
    item = M.remember({}, M.EVENT, "e", True, TODAY)[(M.EVENT, "e")]
    assert M.ItemMemory.from_dict(item.to_dict()) == item


def test_the_answers_of_a_game_are_remembered_per_item():
    game = G.start_whose_view(content(), new_session(["Solo"], seed=3), rounds=2)
    question = game.prompt.question
    game, _ = G.choose(game, question.answer)
    memory = M.remember_answers({}, game.records, TODAY)
    assert memory[(M.QUESTION, question.id)].last_right


def test_a_solo_player_is_dealt_questions_never_seen_before_ones_already_answered():
    every = content()
    answered = [q.id for q in every.questions][:-2]
    memory = {}
    for qid in answered:
        memory = M.remember(memory, M.QUESTION, qid, True, TODAY)
    for seed in range(5):
        session = M.fresh_first(new_session(["Solo"], seed=seed), memory)
        game = G.start_whose_view(every, session, rounds=2)
        first = game.prompt.question.id
        game, _ = G.choose(game, game.prompt.question.answer)
        assert {first, game.prompt.question.id} == set(q.id for q in every.questions[-2:])


def test_the_stored_card_states_are_fsrs_own_states():
    """memory.py names FSRS's states itself (so reading progress does not import fsrs):
    they must stay the scheduler's."""
    from fsrs import State
    from game.rules import memory
    assert memory.STATES == tuple(int(s) for s in State)
    assert (memory.LEARNING, memory.REVIEW, memory.RELEARNING) == (
        int(State.Learning), int(State.Review), int(State.Relearning))
