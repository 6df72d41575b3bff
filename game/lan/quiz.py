"""A phone review: the rules deal the questions, every phone answers each one. Pure.

The same set-up as the single-screen classroom (packs, levels, rounds, round types,
timer, seed) deals one prompt per round through game.rules, so a phone session and a
team session over the same seed see the same kinds of questions. Each prompt becomes an
OpenQuestion with opaque keys ("0", "1", ...): the phones never see an id that could
hint at the answer. After the reveal the class's most common answer is played into the
rules' session, so later rounds avoid what was already asked, as in the team classroom.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Optional, Sequence

from game.classroom.setup import ClassroomSetup, check_content, deal_round, playable_types
from game.rules import game as rules
from game.rules.content import Content
from game.rules.ordering import pair_credit, true_order
from game.rules.kinds import ScaleHand, lead, prompt_text, scale_credit
from game.rules.prompts import Ask, SortHand
from game.rules.session import new_session
from game.lan.room import CHOOSE, ORDER, OpenQuestion, PhoneChoice


class QuizError(ValueError):
    """The chosen packs cannot fill a phone round; the text says why."""


@dataclass(frozen=True)
class Reveal:
    """What the projector and the phones are told after a question."""
    answer_label: str
    explain: str
    order: tuple[tuple[str, str], ...] = ()    # a sort hand: (title, date) earliest first


class PhoneQuiz:
    def __init__(self, setup: ClassroomSetup, content: Content) -> None:
        problems = check_content(setup, content)
        if problems:
            raise QuizError("; ".join(problems))
        self.setup = setup
        self.content = content
        self.types = playable_types(content, setup.round_types)
        self.round_index = -1
        self.prompt: Optional[object] = None
        self._session = new_session(["Class"], seed=setup.seed, rules=setup.rules())
        self._game: Optional[rules.Game] = None

    @property
    def rounds(self) -> int:
        return self.setup.rounds

    @property
    def over(self) -> bool:
        return self.round_index >= self.rounds - 1 and self.prompt is None

    @property
    def round_type(self) -> str:
        return self._round_type

    def next_question(self, now: float) -> Optional[OpenQuestion]:
        """Deal the next round's prompt; None when every round has been played."""
        if self.round_index + 1 >= self.rounds:
            self.prompt = None
            self.round_index = self.rounds
            return None
        self.round_index += 1
        self._game, self._round_type = self._deal(self.round_index)
        self.prompt = self._game.prompt
        timer = float(self.setup.timer) if self.setup.timer else None
        return to_open_question(self.prompt, f"r{self.round_index + 1}", now=now, seconds=timer)

    def _deal(self, index: int):
        dealt = deal_round(self.setup, self.content, self.types, self._session, index)
        if dealt is None:
            raise QuizError("the packs chosen cannot fill a round")
        return dealt

    def judge(self, value: object) -> float:
        """Credit 0..1 for a phone's answer to the current prompt."""
        return judge(self.prompt, value)

    def reveal(self) -> Reveal:
        return reveal_text(self.prompt)

    def settle(self, answers: Sequence[object]) -> None:
        """Play the class's most common answer into the rules, so nothing is dealt twice."""
        prompt, game = self.prompt, self._game
        if prompt is None or game is None:
            return
        common = Counter(answers).most_common(1)
        try:
            if isinstance(prompt, Ask):
                keys = [c.key for c in prompt.choices]
                key = keys[int(common[0][0])] if common else keys[0]
                game, _ = rules.choose(game, key)
            elif isinstance(prompt, SortHand):
                ids = [e.id for e in prompt.cards]
                order = [ids[int(i)] for i in common[0][0]] if common else ids
                game, _ = rules.submit(game, order)
            elif isinstance(prompt, ScaleHand):
                ids = list(prompt.cards)
                order = [ids[int(i)] for i in common[0][0]] if common else ids
                game, _ = rules.place_on_scale(game, order)
        except (rules.MoveError, ValueError, IndexError):
            pass
        self._session = game.session
        self.prompt = None


def to_open_question(prompt: object, qid: str, *, now: float, seconds: Optional[float]) -> OpenQuestion:
    deadline = now + seconds if seconds else None
    if isinstance(prompt, Ask):
        question = prompt.question
        text = question.quote if question.is_whose_view else (question.prompt or question.quote)
        if question.is_whose_view:
            text = f"“{text}” — whose view is this?"
        elif question.kind != "choice":     # the source-work kinds: passage, then the ask
            asked = prompt_text(question)
            text = f"{lead(question)}: “{question.quote}” — {asked}" if question.quote \
                else f"{lead(question)}: {asked}"
        choices = tuple(PhoneChoice(str(i), c.label, c.detail) for i, c in enumerate(prompt.live_choices))
        return OpenQuestion(qid, CHOOSE, text, choices, deadline=deadline, opened_at=now)
    if isinstance(prompt, SortHand):
        cards = tuple(PhoneChoice(str(i), e.title) for i, e in enumerate(prompt.cards))
        return OpenQuestion(qid, ORDER, "Put these events in order, earliest first.", cards,
                            deadline=deadline, opened_at=now)
    if isinstance(prompt, ScaleHand):
        left, right = prompt.scale
        cards = tuple(PhoneChoice(str(i), prompt.name(k), prompt.view(k))
                      for i, k in enumerate(prompt.cards))
        return OpenQuestion(qid, ORDER, f"{prompt_text(prompt.question)} First: “{left}”; "
                            f"last: “{right}”.", cards, deadline=deadline, opened_at=now)
    raise QuizError(f"phones cannot play a {type(prompt).__name__}")


def judge(prompt: object, value: object) -> float:
    try:
        if isinstance(prompt, Ask):
            chosen = prompt.live_choices[int(value)]          # type: ignore[arg-type]
            return 1.0 if chosen.key == prompt.question.answer else 0.0
        if isinstance(prompt, SortHand):
            order = [prompt.cards[int(i)] for i in value]     # type: ignore[union-attr]
            if len(order) != len(prompt.cards):
                return 0.0
            return pair_credit(order)
        if isinstance(prompt, ScaleHand):
            keys = [prompt.cards[int(i)] for i in value]      # type: ignore[union-attr]
            if sorted(keys) != sorted(prompt.cards):
                return 0.0
            return scale_credit(prompt.question, keys)
    except (ValueError, TypeError, IndexError):
        return 0.0
    return 0.0


def reveal_text(prompt: object) -> Reveal:
    if isinstance(prompt, Ask):
        answer = next((c.label for c in prompt.choices if c.key == prompt.question.answer),
                      prompt.question.answer)
        return Reveal(answer, prompt.question.explain)
    if isinstance(prompt, SortHand):
        ordered = true_order(prompt.cards)
        return Reveal("; ".join(f"{n}. {e.title}" for n, e in enumerate(ordered, 1)),
                      "; ".join(f"{e.title}: {e.date.label()}" for e in ordered),
                      tuple((e.title, e.date.label()) for e in ordered))
    if isinstance(prompt, ScaleHand):
        placements = prompt.question.placements
        return Reveal("; ".join(f"{p.place}. {prompt.name(p.perspective)}" for p in placements),
                      " ".join(f"{prompt.name(p.perspective)}: {p.why}" for p in placements),
                      tuple((prompt.name(p.perspective), p.why) for p in placements))
    return Reveal("", "")
