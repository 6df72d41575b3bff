"""The source-work kinds in play: how they are dealt, scored and shown (rules, text play
and the phone review), on the bundled pack's own questions."""

from __future__ import annotations

import random
import re

import pytest

from game.content.library import load_library
from game.lan.quiz import judge, reveal_text, to_open_question
from game.lan.room import CHOOSE, ORDER
from game.rules import game as G
from game.rules.content import Content
from game.rules.kinds import (NONE, ScaleHand, deal_scale, scale_credit, scale_misplaced)
from game.rules.prompts import Ask, AskVerdict
from game.rules.session import new_session
from game.textplay import Console, play

from kinds_helpers import level_of, qid


@pytest.fixture(scope="module")
def content():
    return Content.from_library(load_library())


def start(content, *locals_, seed=3):
    return G.start_level(content, new_session(("You",), seed), level_of(*locals_))


def test_a_corroboration_offers_passages_labelled_with_their_documents(content):
    game = start(content, "co-resentment")
    prompt = game.prompt
    assert isinstance(prompt, Ask)
    keys = {c.key for c in prompt.choices}
    assert keys == {qid("course-discussion"), qid("hexbear"), qid("cult-explainer")}
    right = next(c for c in prompt.choices if c.key == prompt.question.answer)
    assert "distress, outrage and confusion" in right.label
    assert right.detail.startswith("Discussion question")


def test_a_corroboration_verdict_carries_both_passages(content):
    game = start(content, "co-resentment")
    _, verdict = G.answer(game, qid("course-discussion"))
    assert isinstance(verdict, AskVerdict) and verdict.correct
    assert "resentment from many party members" in verdict.passage.excerpt
    assert verdict.also.source.id == qid("course-discussion")
    assert "distress, outrage and confusion" in verdict.also_passage.excerpt


def test_a_claim_question_offers_its_statements_and_none(content):
    game = start(content, "ce-three-decades")
    keys = [c.key for c in game.prompt.choices]
    assert NONE in keys and "placed by Soviet propaganda for nearly three decades" in keys
    _, verdict = G.answer(game, NONE)
    assert verdict.correct           # the claim that holds is recognised as holding


def test_a_sourcing_question_is_scored_like_a_choice(content):
    game = start(content, "s-today-is-date")
    wrong = next(c.key for c in game.prompt.choices if c.key != game.prompt.question.answer)
    game, verdict = G.answer(game, wrong)
    assert not verdict.correct and verdict.record.points == 0


def test_a_spectrum_is_dealt_as_a_scale_hand_never_already_in_place(content):
    for seed in range(12):
        prompt = start(content, "sp-far-three", seed=seed).prompt
        assert isinstance(prompt, ScaleHand)
        assert sorted(prompt.cards) == sorted(p.perspective for p in prompt.question.placements)
        assert scale_credit(prompt.question, prompt.cards) < 1.0
        assert prompt.name(qid("ianfries")) == "ianfries"


def test_the_same_seed_deals_the_same_scale(content):
    question = content.question(qid("sp-far-five"))
    first = deal_scale(question, 0, random.Random(5))
    again = deal_scale(question, 0, random.Random(5))
    assert first.cards == again.cards


def test_a_scale_is_scored_by_pairs_and_level_voices_never_make_a_wrong_pair(content):
    question = content.question(qid("sp-far-five"))
    truth = [p.perspective for p in question.placements]
    assert scale_credit(question, truth) == 1.0
    # forum-critic and carlos-martinez share place 1; so do ianfries and lernerm.
    swapped_level = [truth[1], truth[0], truth[2], truth[4], truth[3]]
    assert scale_credit(question, swapped_level) == 1.0
    assert scale_misplaced(question, swapped_level) == ()
    backwards = list(reversed(truth))
    # 10 pairs, 2 of them level: 8 reversed.
    assert scale_credit(question, backwards) == pytest.approx(2 / 10)


def test_placing_on_the_scale_records_partial_credit(content):
    game = start(content, "sp-far-three")
    truth = [p.perspective for p in game.prompt.question.placements]
    order = [truth[1], truth[0], truth[2]]
    game, verdict = G.answer(game, order)
    assert verdict.credit == pytest.approx(2 / 3)
    assert not verdict.correct and verdict.record.points > 0
    assert len(verdict.misplaced) == 1 and verdict.misplaced[0] in truth[:2]
    assert game.over


def test_a_scale_refuses_an_order_that_leaves_a_voice_out(content):
    game = start(content, "sp-far-three")
    with pytest.raises(G.MoveError):
        G.answer(game, list(game.prompt.cards[:2]))


def test_the_place_hint_names_one_voice_and_its_true_place_once_a_turn(content):
    from game.rules.hints import hint_options
    from game.rules.prompts import PLACE
    game = start(content, "sp-far-five")
    [option] = hint_options(game)
    assert option.kind == PLACE and option.available
    hinted = G.use_hint(game, PLACE)
    [key] = hinted.prompt.placed
    truth = [p.perspective for p in hinted.prompt.question.placements]
    assert key in hinted.prompt.cards and hinted.prompt.true_index(key) == truth.index(key)
    assert G.use_hint(game, PLACE).prompt.placed == (key,)    # the seed chooses: the same one
    with pytest.raises(G.MoveError):
        G.use_hint(hinted, PLACE)
    assert not hint_options(hinted)[0].available


def test_text_play_gives_the_place_hint_on_a_scale(content):
    game = start(content, "sp-far-three")
    answers = iter(["h"])
    out: list[str] = []

    def read(prompt):
        out.append(prompt)
        return next(answers, "q")
    play(game, Console(read, out.append, lambda: 0.0))
    assert any(re.match(r"  Hint: card \d goes in place \d of 3\.", line) for line in out)


def _scripted(answers):
    out: list[str] = []

    def read(prompt: str) -> str:
        out.append(prompt)
        match = re.match(r"Numbers 1-(\d+)", prompt)
        if match:
            return " ".join(str(n) for n in range(1, int(match.group(1)) + 1))
        return next(answers, "q")
    return out, read


def test_text_play_asks_each_kind_and_explains_it(content):
    game = start(content, "s-hexbear-audience", "co-spine", "ce-poznan", "sp-planned-three")
    out, read = _scripted(iter(["1", "1", "1"]))
    finished = play(game, Console(read, out.append, lambda: 0.0))
    text = "\n".join(out)
    assert finished.over
    assert "[Sourcing: audience]" in text and "For whom was this written?" in text
    assert "[Corroboration]" in text and "Compare: " in text
    assert "[Claim and evidence]" in text and "None of them" in text
    assert "Scale: 1 = \"planned\"" in text and "Chance Robbins" in text
    assert "sowelld" in text and "Three answers to the discussion question" in text


def test_the_phone_review_asks_a_scale_as_an_order_and_judges_it_by_pairs(content):
    game = start(content, "sp-far-three")
    prompt = game.prompt
    question = to_open_question(prompt, "q1", now=0.0, seconds=None)
    assert question.kind == ORDER
    names = {content.perspective(p.perspective).name for p in prompt.question.placements}
    assert {c.label for c in question.choices} == names
    truth = [p.perspective for p in prompt.question.placements]
    right = [str(prompt.cards.index(k)) for k in truth]
    assert judge(prompt, right) == 1.0
    assert judge(prompt, list(reversed(right))) == 0.0
    assert judge(prompt, right[:2]) == 0.0
    assert "rodriver" in reveal_text(prompt).answer_label


def test_the_phone_review_asks_a_corroboration_as_a_choice(content):
    prompt = start(content, "co-apathy").prompt
    question = to_open_question(prompt, "q1", now=0.0, seconds=None)
    assert question.kind == CHOOSE
    assert question.text.startswith("Corroboration:")
    right = next(i for i, c in enumerate(prompt.live_choices) if c.key == prompt.question.answer)
    assert judge(prompt, str(right)) == 1.0
