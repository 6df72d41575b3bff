"""The source-work kinds in play (issue 12): what each asks, its choices, and the spectrum.

Sourcing, corroboration and claim-evidence are multiple choice: they are dealt as `Ask`
prompts with their own choice labels. A spectrum is a `ScaleHand`: the voices, dealt
shuffled, to put in order along a labelled scale; it is scored by pairs like a sort hand,
and voices the pack places level are never a wrong pair. Pure; no I/O.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Optional, Sequence

from game.content.model import (CLAIM, CORROBORATION, SOURCING, SPECTRUM, WHOSE_VIEW,
                                Placement, Question)

NONE = "none"
NONE_LABEL = "None of them: the record bears these statements out"

LEADS = {WHOSE_VIEW: "Whose view is this?", SOURCING: "Sourcing",
         CORROBORATION: "Corroboration", SPECTRUM: "Interpretation spectrum",
         CLAIM: "Claim and evidence"}
FACET_PROMPTS = {
    "author": "Who wrote this?",
    "date": "When was this written?",
    "audience": "For whom was this written?",
    "purpose": "Why was this written?",
    "evidence": "What is this document best evidence of?",
}
RELATION_PROMPTS = {
    "supports": "Which other document supports this claim?",
    "contradicts": "Which other document contradicts this claim?",
}
CLAIM_PROMPT = "Which of these statements does the historical record contradict?"
SPECTRUM_PROMPT = "Place these voices on the scale."


def lead(question: Question) -> str:
    """The heading over a question: its kind, and a sourcing question's facet."""
    if question.kind == SOURCING and question.facet:
        return f"Sourcing: {question.facet}"
    return LEADS.get(question.kind, "Question")


def prompt_text(question: Question) -> str:
    """What the question asks, in words: its own prompt, or the kind's default."""
    if question.prompt:
        return question.prompt
    if question.kind == SOURCING:
        return FACET_PROMPTS.get(question.facet, "")
    if question.kind == CORROBORATION:
        return RELATION_PROMPTS.get(question.relation, "")
    if question.kind == CLAIM:
        return CLAIM_PROMPT
    if question.kind == SPECTRUM:
        return SPECTRUM_PROMPT
    return ""


def source_line(question: Question) -> str:
    """The document a corroboration or claim question is about, as shown. A sourcing
    question shows none: its document's title and kind would give the answer away."""
    if question.cite is None or question.kind not in (CORROBORATION, CLAIM):
        return ""
    source = question.cite.source
    return f"{source.title} ({source.kind})" if source.kind else source.title


def choice_label(question: Question, key: str) -> tuple[str, str]:
    """(label, detail) of one choice of a source-work question."""
    if question.kind == CORROBORATION:
        cite = question.passage_for(key)
        if cite is not None:
            return f"\u201c{cite.excerpt}\u201d", cite.source.title
    if question.kind == CLAIM:
        if key == NONE:
            return NONE_LABEL, ""
        return f"\u201c{key}\u201d", ""
    return key, ""


def is_source_work(question: Question) -> bool:
    return question.kind in (SOURCING, CORROBORATION, CLAIM, SPECTRUM)


# --- the spectrum --------------------------------------------------------------------
@dataclass(frozen=True)
class ScaleHand:
    """Put `cards` (perspective ids, dealt shuffled) in order from the scale's left end."""
    step: int
    question: Question
    cards: tuple[str, ...]
    hint: str = ""
    steal: bool = False
    names: tuple[tuple[str, str, str], ...] = ()   # (id, name, view) of each voice
    placed: tuple[str, ...] = ()        # voices the hint put in place (see true_index)

    def true_index(self, key: str) -> int:
        """Where voice `key` belongs, counted from the scale's left end."""
        return [p.perspective for p in self.question.placements].index(key)

    def name(self, key: str) -> str:
        return next((n for k, n, _ in self.names if k == key), key)

    def view(self, key: str) -> str:
        return next((v for k, _, v in self.names if k == key), "")

    @property
    def scale(self) -> tuple[str, str]:
        left, right = (tuple(self.question.scale) + ("", ""))[:2]
        return left, right


@dataclass(frozen=True)
class ScaleVerdict:
    record: object                      # the AnswerRecord
    question: Question
    order: tuple[str, ...]              # as submitted, left to right
    true_order: tuple[Placement, ...]   # the pack's placements, left to right
    misplaced: tuple[str, ...]          # perspective ids out of place
    credit: float
    names: tuple[tuple[str, str, str], ...] = ()   # as ScaleHand.names

    @property
    def correct(self) -> bool:
        return self.record.correct      # type: ignore[attr-defined]

    def name(self, key: str) -> str:
        return next((n for k, n, _ in self.names if k == key), key)


def places(question: Question) -> dict[str, int]:
    return {p.perspective: p.place for p in question.placements}


def _reversed(place: dict[str, int], first: str, second: str) -> bool:
    """`first` was put left of `second` though the pack places it to the right."""
    return place[first] > place[second]


def scale_credit(question: Question, order: Sequence[str]) -> float:
    """Share of pairs in the right order; level voices never make a wrong pair."""
    place = places(question)
    n = len(order)
    pairs = n * (n - 1) // 2
    if pairs == 0:
        return 1.0
    wrong = sum(1 for i in range(n) for j in range(i + 1, n)
                if _reversed(place, order[i], order[j]))
    return (pairs - wrong) / pairs


def scale_misplaced(question: Question, order: Sequence[str]) -> tuple[str, ...]:
    """The voices out of place: all but a longest run in the right order (first kept)."""
    place = places(question)
    n = len(order)
    if n == 0:
        return ()
    length, previous = [1] * n, [-1] * n
    for i in range(n):
        for j in range(i):
            if not _reversed(place, order[j], order[i]) and length[j] + 1 > length[i]:
                length[i], previous[i] = length[j] + 1, j
    end = max(range(n), key=lambda i: (length[i], -i))
    keep = set()
    while end >= 0:
        keep.add(end)
        end = previous[end]
    return tuple(order[i] for i in range(n) if i not in keep)


def deal_scale(question: Question, step: int, rng: random.Random,
               perspectives: Sequence = ()) -> ScaleHand:
    """The voices shuffled, never already in the right order (when a shuffle can avoid it);
    `perspectives` (Perspective objects) name them."""
    cards = [p.perspective for p in question.placements]
    for _ in range(20):
        rng.shuffle(cards)
        if scale_credit(question, cards) < 1.0:
            break
    known = {p.id: p for p in perspectives}
    names = tuple((key, known[key].name if key in known else key,
                   known[key].view if key in known else "") for key in cards)
    return ScaleHand(step, question, tuple(cards), names=names)


def check_order(hand: ScaleHand, order: Sequence[str]) -> Optional[str]:
    """Why `order` is not a full order of the hand, or None."""
    if sorted(order) != sorted(hand.cards):
        return "put every voice of the scale in order, each once"
    return None
