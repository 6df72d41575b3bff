"""The choices of a question: its own, or the answer plus plausible distractors.

A distractor is plausible when it belongs to the same conversation as the quote: the
answer of another question citing the same source document, or a perspective the
document itself names. Those come first; random perspectives fill the rest.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from game.content.model import Question
from game.content.text import fold
from game.rules.content import Content
from game.rules.kinds import choice_label, is_source_work


@dataclass(frozen=True)
class Choice:
    key: str          # what the player answers with: a perspective id, or the choice text
    label: str        # what is shown: the perspective's name, or the text
    detail: str = ""  # the perspective's view: what it argues, shown under the name


def _source_id(question: Question) -> str:
    return question.cite.source.id if question.cite else ""


def plausible_distractors(question: Question, content: Content) -> tuple[str, ...]:
    """Perspective ids tied to the question's document, best first (not shuffled)."""
    source = _source_id(question)
    if not source or question.cite is None:
        return ()
    out: list[str] = []
    for other in content.questions:   # tier 1: answers of questions citing the same document
        if (other.id != question.id and other.is_whose_view and _source_id(other) == source
                and other.answer != question.answer and other.answer not in out
                and content.perspective(other.answer)):
            out.append(other.answer)
    text = question.cite.source.index().lower()   # folded once per document, not per question
    for view in content.perspectives:  # tier 2: perspectives the document names
        if (view.id != question.answer and view.id not in out and view.name.strip()
                and fold(view.name).lower() in text):
            out.append(view.id)
    return tuple(out)


def distractors(question: Question, content: Content, rng: random.Random,
                count: int) -> tuple[str, ...]:
    """`count` perspective ids other than the answer, plausible ones first."""
    plausible = list(plausible_distractors(question, content))
    rng.shuffle(plausible)
    rest = sorted(v.id for v in content.perspectives
                  if v.id != question.answer and v.id not in plausible)
    rng.shuffle(rest)
    # Two packs may each define a 'Nikita Khrushchev' (ids are scoped per pack): never
    # offer two choices of the same name.
    def name(key: str) -> str:
        view = content.perspective(key)
        return fold(view.name).lower().strip() if view is not None else key
    names = {name(question.answer)}
    out: list[str] = []
    for key in plausible + rest:
        if len(out) >= count:
            break
        if name(key) not in names:
            names.add(name(key))
            out.append(key)
    return tuple(out)


def choice_for(question: Question, key: str, content: Content) -> Choice:
    if question.is_whose_view:
        view = content.perspective(key)
        if view is not None:
            # The view, not the role: a player tells perspectives apart by what they
            # argue (the role names documents and is shown nowhere while choosing).
            return Choice(key, view.name, view.view)
    if is_source_work(question):
        return Choice(key, *choice_label(question, key))
    return Choice(key, key)


def choices_for(question: Question, content: Content, rng: random.Random,
                count: int = 4) -> tuple[Choice, ...]:
    """The question's own choices if it has them, else answer + distractors; shuffled."""
    if question.choices:
        keys = list(dict.fromkeys(question.choices))
        if question.answer not in keys:
            keys.append(question.answer)
    elif question.is_whose_view:
        keys = [question.answer, *distractors(question, content, rng, count - 1)]
    else:
        keys = [question.answer]
    rng.shuffle(keys)
    return tuple(choice_for(question, key, content) for key in keys)
