"""A game in play: an immutable value, and the moves that return the next one.

Every mode is a plan of steps (cards to place, hands to sort, questions to ask) dealt one
at a time into `Game.prompt`. A move returns `(new_game, verdict)`; the old value is
untouched, so undo is "keep the previous Game". Randomness comes only from the session
seed (rng.rng_for), so the same seed and the same moves give the same game everywhere.

The classroom moves fit the same shape: pass_turn, adjust (manual points), steal.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional, Sequence, Union, cast

from game.content.model import CORROBORATION, Event, Level
from game.rules import ordering, pool
from game.rules.choices import choice_for, choices_for
from game.rules.content import Content
from game.rules.kinds import (ScaleHand, ScaleVerdict, check_order, deal_scale, scale_credit,
                              scale_misplaced)
from game.rules.prompts import (FIFTY, YEAR, Ask, AskVerdict, PlaceCard, PlaceVerdict,
                                Prompt, SortHand, SortVerdict, Step, Verdict)
from game.rules.rng import rng_for
from game.rules.session import (CHOICE, CHRONOLOGY, SORT, WHOSE_VIEW, AnswerRecord,
                                Session, record_answer, record_skip)
from game.rules.session import adjust as adjust_session

# Modes (their ids live in game.rules.mode_names, light enough for the title screen).
from game.rules import mode_names as _names  # noqa: E402
from game.rules.mode_names import (MODE_CAMPAIGN, MODE_CHRONOLOGY, MODE_MIXED,  # noqa: E402
                                   MODE_SORT, MODE_WHOSE_VIEW)
MODES = _names.MODES
MODE_REVIEW = "review"     # spaced review across games (review_deal.start_review)


class MoveError(ValueError):
    """A move that does not fit the prompt (a gap out of range, an unknown choice...)."""


class NotEnoughContent(ValueError):
    """The packs in play cannot fill this mode (e.g. fewer than two orderable events)."""


@dataclass(frozen=True)
class Due:
    """Mixed review: a missed item that comes back once `at` prompts have been dealt."""
    at: int
    kind: str      # "event" or "question"
    id: str


@dataclass(frozen=True)
class Game:
    mode: str
    content: Content
    session: Session
    plan: tuple[Step, ...]                 # steps still to deal, the next first
    prompt: Optional[Prompt] = None        # what the current player answers; None = over
    dealt: int = 0                         # prompts dealt so far
    start: int = 0                         # len(session.history) when this game began
    line: tuple[Event, ...] = ()           # chronology: the cards placed so far
    lives: Optional[int] = None            # chronology only
    review: tuple[Due, ...] = ()           # mixed: missed items waiting to come back
    stealable: Optional[Ask] = None        # the question just missed, open to a steal
    resume: Optional[Prompt] = None        # the prompt a steal interrupted
    level: Optional[Level] = None          # campaign
    asked: tuple[str, ...] = ()            # question ids dealt in this game
    closed: frozenset[str] = frozenset()   # question ids whose passage was asked (never twice)

    @property
    def over(self) -> bool:
        return self.prompt is None

    @property
    def records(self) -> tuple[AnswerRecord, ...]:
        """This game's part of the session history."""
        return self.session.history[self.start:]

    @property
    def right(self) -> int:
        """Answers credited as right in this game (chronology: cards placed right)."""
        return sum(r.correct for r in self.records if r.is_answer)

    @property
    def seed(self) -> int:
        return self.session.seed


# --- starting a game ------------------------------------------------------------------
def _begin(mode: str, content: Content, session: Session, plan: Sequence[Step],
           **fields) -> Game:
    game = Game(mode, content, session, tuple(plan), start=len(session.history), **fields)
    return _deal_next(game)


def start_chronology(content: Content, session: Session,
                     deck_size: Optional[int] = None) -> Game:
    """The Timeline mechanic: one card face up, then place each drawn card in a gap.

    The deck holds only events that can be ordered against every other event in it;
    the game ends when the lives (session.rules.lives) or the deck run out.
    """
    size = deck_size if deck_size is not None else len(content.events)
    cards, seen = pool.draw(rng_for(session.seed, MODE_CHRONOLOGY, len(session.history)),
                            content.events, session.seen_events, size, ordering.fits)
    if len(cards) < 2:
        raise NotEnoughContent("chronology needs at least two events with different dates")
    plan = [Step("place", (card.id,)) for card in cards[1:]]
    return _begin(MODE_CHRONOLOGY, content, replace(session, seen_events=seen), plan,
                  line=(cards[0],), lives=session.rules.lives)


def _rounds(session: Session, rounds: int) -> int:
    """`rounds` per player, so every player or team gets the same number of turns."""
    return max(1, rounds) * len(session.players)


def start_sort(content: Content, session: Session, rounds: int = 3,
               hand_size: Optional[int] = None) -> Game:
    """`rounds` hands per player of `hand_size` (default rules.hand_size) events to order."""
    if len(content.events) < 2:
        raise NotEnoughContent("sorting needs at least two events")
    size = hand_size or session.rules.hand_size
    return _begin(MODE_SORT, content, session,
                  [Step("sort", size=size)] * _rounds(session, rounds))


def start_whose_view(content: Content, session: Session, rounds: int = 8) -> Game:
    """`rounds` questions per player (whose-view and plain choice questions alike)."""
    if not content.questions:
        raise NotEnoughContent("there are no questions in the packs in play")
    return _begin(MODE_WHOSE_VIEW, content, session,
                  [Step("ask")] * _rounds(session, rounds))


def level_steps(level: Level) -> tuple[Step, ...]:
    """A level's rounds as steps: a timeline round is one hand, a question one step each."""
    steps: list[Step] = []
    for round_ in level.rounds:
        if round_.kind == "timeline":
            steps.append(Step("sort", event_ids=tuple(round_.event_ids), draw=round_.draw))
        else:
            steps.extend(Step("ask", question_id=q) for q in round_.question_ids)
    return tuple(steps)


def start_level(content: Content, session: Session, level: Level) -> Game:
    """One campaign level; score it with campaign.level_result when it is over."""
    return _begin(MODE_CAMPAIGN, content, session, level_steps(level), level=level)


def start_mixed(content: Content, session: Session, rounds: int = 8) -> Game:
    """`rounds` per player, alternating a timeline hand and a question; misses come back
    `rules.review_gap` prompts later (simple spaced repetition)."""
    has_events = len(content.events) >= 2
    if not has_events and not content.questions:
        raise NotEnoughContent("mixed review needs events or questions")
    sort = Step("sort", size=session.rules.review_hand)
    ask = Step("ask")
    plan = [(sort if (i % 2 == 0 and has_events) or not content.questions else ask)
            for i in range(_rounds(session, rounds))]
    return _begin(MODE_MIXED, content, session, plan)


def start_review(content: Content, session: Session, steps: Sequence[Step]) -> Game:
    """A review of fixed steps (see review_deal): misses come back as in mixed review."""
    return _begin(MODE_REVIEW, content, session, steps)


# --- dealing ---------------------------------------------------------------------------
def _due(game: Game, kind: str, index: int) -> list[str]:
    return [d.id for d in game.review if d.kind == kind and d.at <= index]


def _deal_sort(game: Game, step: Step, index: int):
    content, session = game.content, game.session
    rng = rng_for(session.seed, game.mode, game.start, "deal", index)
    first = [e for e in (content.event(i) for i in _due(game, "event", index)) if e]
    candidates: Sequence[Event]
    if step.event_ids:
        candidates = [e for e in (content.event(i) for i in step.event_ids) if e]
        first, count = candidates, len(candidates)   # a fixed hand, in its given order
    elif step.draw is not None:
        d = step.draw
        candidates = [e for e in content.events if d.from_year <= e.date.year <= d.to_year]
        count = d.count
    else:
        candidates, count = content.events, step.size   # the tuple: its id order is kept
    cards, seen = pool.draw(rng, candidates, session.seen_events, count, ordering.fits,
                            first=first)
    if len(cards) < 2:
        return None, game
    dealt = {c.id for c in cards}
    game = replace(game, session=replace(session, seen_events=seen),
                   review=tuple(d for d in game.review
                                if not (d.kind == "event" and d.id in dealt)))
    return SortHand(index, ordering.shuffled_out_of_order(rng, cards)), game


def _deal_ask(game: Game, step: Step, index: int):
    content, session = game.content, game.session
    rng = rng_for(session.seed, game.mode, game.start, "deal", index)
    closed = game.closed

    def unasked(chosen, question) -> bool:   # within a game no passage is asked twice
        return question.id not in closed

    due = [q for q in (content.question(i) for i in _due(game, "question", index)) if q]
    if step.question_id:
        question = content.question(step.question_id)
        if question is not None and not unasked([], question):
            question = None            # a level that asks a passage again: skip the step
        seen = session.seen_questions | {step.question_id}
    elif due:
        # Mixed review: a missed question comes back on purpose, once (not a repeat deal).
        question, seen = due[0], session.seen_questions | {due[0].id}
    else:
        picked, seen = pool.draw(rng, content.questions, session.seen_questions, 1, unasked)
        question = picked[0] if picked else None
    if question is None:
        return None, game
    game = replace(game, session=replace(session, seen_questions=seen),
                   asked=(*game.asked, question.id),
                   closed=closed | content.passage_mates(question.id),
                   review=tuple(d for d in game.review
                                if not (d.kind == "question" and d.id == question.id)))
    if question.is_spectrum:
        views = [v for v in (content.perspective(p.perspective) for p in question.placements) if v]
        return deal_scale(question, index, rng, views), game
    choices = choices_for(question, content, rng, session.rules.choices)
    return Ask(index, question, choices), game


def _deal_next(game: Game) -> Game:
    """Deal the next step of the plan into `prompt` (None when the game is over)."""
    while game.plan and not (game.lives is not None and game.lives <= 0):
        step, game = game.plan[0], replace(game, plan=game.plan[1:])
        index = game.dealt
        if step.kind == "place":
            card = game.content.event(step.event_ids[0])
            prompt = PlaceCard(index, game.line, card) if card else None
        elif step.kind == "sort":
            prompt, game = _deal_sort(game, step, index)
        else:
            prompt, game = _deal_ask(game, step, index)
        if prompt is not None:     # a step the content cannot fill is skipped
            return replace(game, prompt=prompt, dealt=index + 1)
    return replace(game, prompt=None)


# --- moves -----------------------------------------------------------------------------
def _prompt(game: Game) -> Prompt:
    if game.prompt is None:
        raise MoveError("the game is over")
    return game.prompt


def _after(game: Game, prompt: Prompt, record: AnswerRecord) -> Game:
    """Queue misses for review (mixed), open a steal, then deal what comes next."""
    review = game.review
    if game.mode in (MODE_MIXED, MODE_REVIEW) and not record.correct:
        kind = "question" if isinstance(prompt, (Ask, ScaleHand)) else "event"
        at = prompt.step + game.session.rules.review_gap
        waiting = {(d.kind, d.id) for d in review}
        review += tuple(Due(at, kind, i) for i in record.wrong_ids if (kind, i) not in waiting)
    stealable = _steal_offer(game, prompt, record)
    game = replace(game, review=review, stealable=stealable)
    if prompt.steal:               # back to the turn the steal interrupted
        return replace(game, prompt=game.resume, resume=None)
    return _deal_next(game)


def _steal_offer(game: Game, prompt: Prompt, record: AnswerRecord) -> Optional[Ask]:
    """The missed question as the next player may steal it: the option the player chose is
    struck out (a time-out strikes nothing). None when there is no one to steal, or when
    striking it out would leave a single option (no question left to answer)."""
    if (not isinstance(prompt, Ask) or record.correct or prompt.steal
            or len(game.session.players) < 2):
        return None
    struck = () if record.timed_out else tuple(k for k in record.chosen
                                                if k != prompt.question.answer)
    offer = replace(prompt, hint="", removed=struck, steal=True)
    return offer if len(offer.live_choices) >= 2 else None


def place(game: Game, gap: int, seconds: float = 0.0) -> tuple[Game, PlaceVerdict]:
    """Chronology: put the card in gap `gap` (0 = before the first card)."""
    prompt = _prompt(game)
    if not isinstance(prompt, PlaceCard):
        raise MoveError("this turn is not a card to place")
    if isinstance(gap, bool) or not isinstance(gap, int) or not 0 <= gap <= len(prompt.line):
        raise MoveError(f"choose a gap from 0 to {len(prompt.line)}")
    line, card = prompt.line, prompt.card
    right = ordering.gap_is_right(line, card, gap)
    true = gap if right else ordering.true_gap(line, card)
    chosen = line[:gap] + (card,) + line[gap:]
    answer = line[:true] + (card,) + line[true:]
    session, record = record_answer(
        game.session, kind=CHRONOLOGY, item_ids=(card.id,),
        chosen=[e.id for e in chosen], answer=[e.id for e in answer],
        credit=1.0 if right else 0.0, wrong_ids=(card.id,), seconds=seconds,
        hint=prompt.hint)
    # Only chronology deals cards to place, and it always counts lives.
    assert game.lives is not None, "a card to place outside chronology"
    lives = game.lives if record.correct else max(0, game.lives - 1)
    game = replace(game, session=session, line=answer, lives=lives)
    verdict = PlaceVerdict(record, card, gap, true, answer, lives)
    return _after(game, prompt, record), verdict


def submit(game: Game, order: Sequence[str], seconds: float = 0.0
           ) -> tuple[Game, SortVerdict]:
    """Sort the hand: the event ids of the hand, earliest first."""
    prompt = _prompt(game)
    if not isinstance(prompt, SortHand):
        raise MoveError("this turn is not a hand to sort")
    by_id = {c.id: c for c in prompt.cards}
    order = list(order)
    if sorted(order) != sorted(by_id):
        raise MoveError("put every card of the hand in order, each once")
    events = tuple(by_id[i] for i in order)
    credit = ordering.pair_credit(events)
    wrong = ordering.misplaced(events)
    truth = ordering.true_order(events)
    session, record = record_answer(
        game.session, kind=SORT, item_ids=[c.id for c in prompt.cards], chosen=order,
        answer=[e.id for e in truth], credit=credit, wrong_ids=wrong, seconds=seconds,
        hint=prompt.hint)
    verdict = SortVerdict(record, events, truth, wrong, credit)
    return _after(replace(game, session=session), prompt, record), verdict


def choose(game: Game, key: str, seconds: float = 0.0) -> tuple[Game, AskVerdict]:
    """Answer a question with a choice's key (Choice.key)."""
    prompt = _prompt(game)
    if not isinstance(prompt, Ask):
        raise MoveError("this turn is not a question")
    live = {c.key: c for c in prompt.live_choices}
    if key not in live:
        raise MoveError(f"{key!r} is not one of the choices")
    question = prompt.question
    kind = WHOSE_VIEW if question.is_whose_view else CHOICE
    session, record = record_answer(
        game.session, kind=kind, item_ids=(question.id,), chosen=(key,),
        answer=(question.answer,), credit=1.0 if key == question.answer else 0.0,
        wrong_ids=(question.id,), seconds=seconds, hint=prompt.hint, steal=prompt.steal,
        advance=not prompt.steal)   # a steal is a bonus: the stealer keeps their own turn
    answer = next((c for c in prompt.choices if c.key == question.answer), None)
    if answer is None:
        answer = choice_for(question, question.answer, game.content)
    cite = question.cite
    also = question.passage_for(question.answer) if question.kind == CORROBORATION else None
    verdict = AskVerdict(record, question, live[key], answer, question.explain, cite,
                         cite.passage() if cite else None, also,
                         also.passage() if also else None)
    return _after(replace(game, session=session), prompt, record), verdict


def place_on_scale(game: Game, order: Sequence[str], seconds: float = 0.0
                   ) -> tuple[Game, ScaleVerdict]:
    """Spectrum: the perspective ids of the hand, from the scale's left end to its right."""
    prompt = _prompt(game)
    if not isinstance(prompt, ScaleHand):
        raise MoveError("this turn is not a scale to place voices on")
    order = [str(i) for i in order]
    problem = check_order(prompt, order)
    if problem:
        raise MoveError(problem)
    question = prompt.question
    credit = scale_credit(question, order)
    session, record = record_answer(
        game.session, kind=CHOICE, item_ids=(question.id,), chosen=order,
        answer=[p.perspective for p in question.placements], credit=credit,
        wrong_ids=(question.id,), seconds=seconds, hint=prompt.hint)
    verdict = ScaleVerdict(record, question, tuple(order), question.placements,
                           scale_misplaced(question, order), credit, prompt.names)
    return _after(replace(game, session=session), prompt, record), verdict


Move = Union[int, Sequence[str], str]


def answer(game: Game, move: Move, seconds: float = 0.0) -> tuple[Game, Verdict]:
    """Whichever the prompt needs: a gap (int), an order (ids) or a choice key (str)."""
    prompt = _prompt(game)
    # Each move function checks that the move has the shape its prompt needs.
    if isinstance(prompt, PlaceCard):
        return place(game, cast(int, move), seconds)
    if isinstance(prompt, SortHand):
        return submit(game, cast(Sequence[str], move), seconds)
    if isinstance(prompt, ScaleHand):
        return place_on_scale(game, cast(Sequence[str], move), seconds)
    return choose(game, cast(str, move), seconds)


def use_hint(game: Game, kind: str, card_id: Optional[str] = None) -> Game:
    """One hint per prompt; it costs rules.hint_cost off this answer's points.

    FIFTY removes one wrong choice of a question (chosen by the seed); YEAR shows the
    year of the card to place, or of one card of a hand (`card_id`, or chosen by the seed).
    """
    prompt = _prompt(game)
    if prompt.hint:
        raise MoveError("a hint was already used on this turn")
    rng = rng_for(game.seed, game.mode, game.start, "hint", prompt.step)
    new: Prompt
    if kind == FIFTY and isinstance(prompt, Ask):
        wrong = sorted(c.key for c in prompt.live_choices if c.key != prompt.question.answer)
        if len(prompt.live_choices) <= 2 or not wrong:
            raise MoveError("there are too few choices left to remove one")
        new = replace(prompt, hint=FIFTY, removed=prompt.removed + (rng.choice(wrong),))
    elif kind == YEAR and isinstance(prompt, PlaceCard):
        new = replace(prompt, hint=YEAR, revealed=(prompt.card.id,))
    elif kind == YEAR and isinstance(prompt, SortHand):
        ids = [c.id for c in prompt.cards]
        if card_id is None:
            card_id = rng.choice(sorted(ids))
        if card_id not in ids:
            raise MoveError(f"{card_id!r} is not in the hand")
        new = replace(prompt, hint=YEAR, revealed=(card_id,))
    else:
        raise MoveError(f"the {kind!r} hint does not fit this turn")
    return replace(game, prompt=new)


def pass_turn(game: Game) -> Game:
    """Pass: the same prompt goes to the next player (recorded as a skip, no points).

    Passing on a steal declines it: play returns to the interrupted turn.
    """
    prompt = _prompt(game)
    if prompt.steal:
        session = record_skip(game.session, advance=False)
        return replace(game, session=session, prompt=game.resume, resume=None,
                       stealable=None)
    return replace(game, session=record_skip(game.session), stealable=None)


def skip_turn(game: Game) -> Game:
    """The teacher skips the current turn: recorded as a skip (no points), the prompt is
    put away and the next player gets a prompt of their own (not the skipped one).
    Skipping a steal declines it, as pass_turn does."""
    prompt = _prompt(game)
    if prompt.steal:
        return pass_turn(game)
    game = replace(game, session=record_skip(game.session), stealable=None)
    return _deal_next(game)


def steal(game: Game) -> Game:
    """After a missed question, the next player (whose turn it now is) may answer it for
    rules.steal_share of the points; afterwards play returns to that player's own turn."""
    if game.stealable is None:
        raise MoveError("there is no missed question to steal")
    return replace(game, prompt=game.stealable, resume=game.prompt, stealable=None)


def adjust(game: Game, player: int, delta: int, reason: str = "") -> Game:
    """A manual point adjustment, recorded in the history (kind "manual")."""
    return replace(game, session=adjust_session(game.session, player, delta, reason))
