"""Every mode played through the rules' API alone, checked against the recorded history."""

from hypothesis import given, settings, strategies as st

from game.content.dates import can_order_all
from game.rules import game as G
from game.rules import ordering
from game.rules.prompts import FIFTY, YEAR, Ask, PlaceCard, SortHand
from game.rules.session import CHRONOLOGY, SORT, missed, new_session, summary
from game.rules.settings import Rules
from rules_fixtures import EVENTS, ORDERABLE_EVENTS, QUESTIONS, content

RULES = Rules()


def _right_move(game):
    prompt = game.prompt
    if isinstance(prompt, PlaceCard):
        return ordering.true_gap(prompt.line, prompt.card)
    if isinstance(prompt, SortHand):
        return [e.id for e in ordering.true_order(prompt.cards)]
    return prompt.question.answer


def _wrong_move(game):
    prompt = game.prompt
    if isinstance(prompt, PlaceCard):
        right = ordering.right_gaps(prompt.line, prompt.card)
        return next(g for g in range(len(prompt.line) + 1) if g not in right)
    if isinstance(prompt, SortHand):
        return [e.id for e in ordering.true_order(prompt.cards)][::-1]
    return next(c.key for c in prompt.live_choices if c.key != prompt.question.answer)


# --- chronology ----------------------------------------------------------------------
def test_chronology_ends_when_the_lives_run_out_and_misplaced_cards_move_to_their_place():
    game = G.start_chronology(content(), new_session(["Solo"], seed=11))
    dealt = list(game.line) + [game.content.event(s.event_ids[0]) for s in game.plan]
    dealt.append(game.prompt.card)
    assert can_order_all([e.date for e in dealt])
    game, first = G.place(game, _right_move(game))
    moves = 1
    while not game.over:
        game, verdict = G.place(game, _wrong_move(game))
        moves += 1
        assert verdict.line == ordering.true_order(verdict.line)
    assert game.lives == 0 and moves == 1 + RULES.lives
    history = game.session.history
    assert [r.kind for r in history] == [CHRONOLOGY] * moves
    assert [r.correct for r in history] == [True] + [False] * RULES.lives
    assert game.right == 1 and first.record.points == RULES.points
    assert all(r.answer == tuple(e.id for e in ordering.true_order(
        [game.content.event(i) for i in r.answer])) for r in history)
    assert [m.item_id for m in missed(game.session)] == [r.item_ids[0] for r in history[1:]]


def test_chronology_ends_when_the_deck_runs_out():
    events = ORDERABLE_EVENTS[:5]
    game = G.start_chronology(content(events), new_session(["Solo"], seed=4))
    turns = 0
    while not game.over:
        game, verdict = G.place(game, _right_move(game))
        turns += 1
        assert verdict.correct
    assert turns == 4 and game.lives == RULES.lives and game.right == 4
    assert set(e.id for e in game.line) == {e.id for e in events}
    assert game.line == ordering.true_order(events)
    # streak bonus on the 3rd right answer in a row
    assert [r.points for r in game.session.history] == [10, 10, 15, 10]


def test_a_chronology_deck_never_holds_two_events_the_dates_cannot_order():
    for seed in range(40):
        game = G.start_chronology(content(), new_session(["Solo"], seed=seed))
        deck = list(game.line) + [game.prompt.card] + [
            game.content.event(s.event_ids[0]) for s in game.plan]
        assert can_order_all([e.date for e in deck])


# --- sort the hand -----------------------------------------------------------------------
def test_sort_the_hand_gives_pair_credit_marks_misplaced_cards_and_shows_the_true_order():
    game = G.start_sort(content(), new_session(["Solo"], seed=21), rounds=2)
    hand = game.prompt.cards
    assert len(hand) == RULES.hand_size and can_order_all([c.date for c in hand])
    truth = ordering.true_order(hand)
    game, verdict = G.submit(game, [e.id for e in truth])
    assert verdict.credit == 1.0 and verdict.misplaced == () and verdict.correct
    truth = ordering.true_order(game.prompt.cards)   # the second hand
    moved = list(truth[1:]) + [truth[0]]       # the earliest card put last
    game, verdict = G.submit(game, [e.id for e in moved])
    assert verdict.misplaced == (truth[0].id,) and not verdict.correct
    assert verdict.true_order == truth
    assert game.over
    first, second = game.session.history
    assert first.kind == SORT == second.kind
    assert first.points == RULES.points and second.points == round(RULES.points * 10 / 15)
    assert second.credit == 10 / 15            # 5 of 15 pairs involve the moved card
    assert second.chosen == tuple(e.id for e in moved)
    assert second.answer == tuple(e.id for e in truth)
    assert second.wrong_ids == (truth[0].id,)


# --- whose view ----------------------------------------------------------------------------
def test_whose_view_shows_the_explanation_and_the_cited_passage():
    game = G.start_whose_view(content(), new_session(["Solo"], seed=1), rounds=len(QUESTIONS))
    seen = []
    while not game.over:
        prompt = game.prompt
        assert isinstance(prompt, Ask)
        move = _wrong_move(game) if len(seen) % 2 else _right_move(game)
        game, verdict = G.choose(game, move)
        seen.append(prompt.question.id)
        assert verdict.correct == (move == prompt.question.answer)
        assert verdict.explain == prompt.question.explain
        assert verdict.answer.key == prompt.question.answer
        assert verdict.passage is not None
        assert verdict.passage.excerpt in prompt.question.cite.source.text
    assert sorted(seen) == sorted(q.id for q in QUESTIONS)
    history = game.session.history
    assert [r.item_ids[0] for r in history] == seen
    assert [r.correct for r in history] == [i % 2 == 0 for i in range(len(seen))]
    assert {m.item_id for m in missed(game.session)} == set(seen[1::2])


# --- mixed review -----------------------------------------------------------------------
def test_mixed_review_alternates_and_brings_a_missed_question_back_a_few_rounds_later():
    game = G.start_mixed(content(), new_session(["Solo"], seed=8), rounds=10)
    kinds, missed_question, returned_at = [], None, None
    while not game.over:
        prompt = game.prompt
        kinds.append(type(prompt).__name__)
        if isinstance(prompt, Ask) and missed_question is None:
            missed_question = prompt.question.id
            missed_at = prompt.step
            game, _ = G.choose(game, _wrong_move(game))
            continue
        if isinstance(prompt, Ask) and prompt.question.id == missed_question \
                and returned_at is None:
            returned_at = prompt.step
        game, _ = G.answer(game, _right_move(game))
    assert kinds == ["SortHand", "Ask"] * 5
    assert returned_at is not None
    assert RULES.review_gap <= returned_at - missed_at <= RULES.review_gap + 2


def test_mixed_review_brings_misplaced_events_back_in_a_later_hand():
    game = G.start_mixed(content(ORDERABLE_EVENTS), new_session(["Solo"], seed=8), rounds=8)
    game, verdict = G.submit(game, _wrong_move(game))
    wrong = set(verdict.misplaced)
    assert wrong
    later = set()
    while not game.over:
        if isinstance(game.prompt, SortHand):
            later |= {c.id for c in game.prompt.cards}
        game, _ = G.answer(game, _right_move(game))
    assert wrong <= later


# --- no repeats -----------------------------------------------------------------------------
def test_a_game_never_asks_a_question_twice_and_ends_when_the_questions_run_out():
    n = len(QUESTIONS)
    game = G.start_whose_view(content(), new_session(["Solo"], seed=3), rounds=2 * n)
    asked = []
    while not game.over:
        asked.append(game.prompt.question.id)
        game, _ = G.answer(game, _right_move(game))
    assert sorted(asked) == sorted(q.id for q in QUESTIONS)


def test_no_event_repeats_across_hands_until_the_pool_is_used_up():
    events = ORDERABLE_EVENTS                       # 12 events, hands of 4
    game = G.start_sort(content(events), new_session(["Solo"], seed=5), rounds=6,
                        hand_size=4)
    hands = []
    while not game.over:
        hands.append([c.id for c in game.prompt.cards])
        game, _ = G.answer(game, _right_move(game))
    first_cycle = [i for hand in hands[:3] for i in hand]
    second_cycle = [i for hand in hands[3:] for i in hand]
    assert sorted(first_cycle) == sorted(e.id for e in events)
    assert sorted(second_cycle) == sorted(e.id for e in events)


# --- properties -----------------------------------------------------------------------------
MODES = st.sampled_from(["chronology", "sort", "whose-view", "mixed"])


def _start(mode, seed, players=1):
    session = new_session([f"P{i}" for i in range(players)], seed=seed,
                          rules=Rules(time_limit=20))
    c = content()
    if mode == "chronology":
        return G.start_chronology(c, session)
    if mode == "sort":
        return G.start_sort(c, session, rounds=2)
    if mode == "whose-view":
        return G.start_whose_view(c, session, rounds=3)
    return G.start_mixed(c, session, rounds=4)


def _random_move(game, data):
    prompt = game.prompt
    if isinstance(prompt, PlaceCard):
        return data.draw(st.integers(0, len(prompt.line)))
    if isinstance(prompt, SortHand):
        return data.draw(st.permutations([c.id for c in prompt.cards]))
    return data.draw(st.sampled_from([c.key for c in prompt.live_choices]))


def _play(game, data):
    """Random moves, hints, passes and steals; returns the game and every action taken."""
    actions = []
    while not game.over:
        action = data.draw(st.sampled_from(["move", "move", "move", "hint", "pass", "steal"]))
        if action == "hint" and not game.prompt.hint:
            kind = FIFTY if isinstance(game.prompt, Ask) else YEAR
            if kind == YEAR or len(game.prompt.live_choices) > 2:
                actions.append(("hint", kind))
                game = _apply(game, actions[-1])
            continue
        if action == "pass" and len(actions) < 40:
            actions.append(("pass",))
        elif action == "steal" and game.stealable is not None:
            actions.append(("steal",))
        else:
            seconds = data.draw(st.sampled_from([1.0, 5.0, 25.0]))
            actions.append(("move", _random_move(game, data), seconds))
        game = _apply(game, actions[-1])
    return game, actions


def _apply(game, action):
    if action[0] == "hint":
        return G.use_hint(game, action[1])
    if action[0] == "pass":
        return G.pass_turn(game)
    if action[0] == "steal":
        return G.steal(game)
    return G.answer(game, action[1], action[2])[0]


@settings(max_examples=60, deadline=None)
@given(MODES, st.integers(0, 1000), st.integers(1, 4), st.data())
def test_random_play_never_breaks_the_state(mode, seed, players, data):
    game, actions = _play(_start(mode, seed, players), data)
    history = game.session.history
    assert len(history) == sum(a[0] in ("move", "pass") for a in actions)
    assert game.lives is None or game.lives >= 0
    answers = [r for r in history if r.is_answer]
    assert game.right <= len(answers)
    assert all(0.0 <= r.credit <= 1.0 for r in answers)
    assert all(r.points >= 0 for r in history)
    assert all(not (r.timed_out and (r.correct or r.points)) for r in history)
    assert [p.score for p in game.session.players] == [s.score for s in summary(game.session)]
    for record in answers:
        if record.kind in (CHRONOLOGY, SORT):
            dates = [game.content.event(i).date for i in record.answer]
            assert can_order_all(dates)
    if mode == "chronology":
        assert game.lives == 0 or not game.plan
        assert game.right <= len(game.line) - 1


@settings(max_examples=40, deadline=None)
@given(MODES, st.integers(0, 1000), st.integers(1, 3), st.data())
def test_the_same_seed_and_the_same_moves_replay_the_same_game(mode, seed, players, data):
    game, actions = _play(_start(mode, seed, players), data)
    replay = _start(mode, seed, players)
    for action in actions:
        replay = _apply(replay, action)
    assert replay.session.history == game.session.history
    assert replay == game


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["sort", "mixed"]), st.integers(0, 10_000))
def test_every_dealt_hand_can_be_ordered_and_right_orders_score_everything(mode, seed):
    game = _start(mode, seed)
    while not game.over:
        if isinstance(game.prompt, SortHand):
            assert can_order_all([c.date for c in game.prompt.cards])
            game, verdict = G.submit(game, _right_move(game))
            assert verdict.credit == 1.0
        else:
            game, _ = G.answer(game, _right_move(game))


def test_the_same_seed_deals_the_same_whatever_the_order_of_the_pool():
    a = G.start_sort(content(EVENTS), new_session(["A"], seed=42), rounds=1)
    b = G.start_sort(content(EVENTS[::-1]), new_session(["A"], seed=42), rounds=1)
    assert [c.id for c in a.prompt.cards] == [c.id for c in b.prompt.cards]


def test_the_rules_and_the_text_game_import_no_pygame_and_no_clock():
    import subprocess
    import sys
    from pathlib import Path
    code = ("import sys, game.rules.game, game.rules.campaign, game.textplay; "
            "print('pygame' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.stdout.strip() == "False", done.stderr
    rules = Path(G.__file__).parent
    for module in rules.glob("*.py"):
        text = module.read_text()
        assert "import time" not in text and "datetime.now" not in text, module.name
        assert "random.shuffle(" not in text and "random.choice(" not in text, module.name
