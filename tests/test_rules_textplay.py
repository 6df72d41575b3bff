"""`thaw play --text`: scripted games of every mode through the terminal front end."""

import itertools
import re
from types import SimpleNamespace

import pytest

from game.rules.content import Content

from game import textplay
from game.rules import ordering
from game.rules.session import missed
from rules_fixtures import PACK, FakeLibrary

MODES = ["chronology", "sort", "whose-view", "campaign", "mixed"]


def scripted(turns=12):
    """A player who reads the prompt line: a hint and some nonsense now and then, then a
    move; after `turns` moves the input ends (EOF)."""
    count = itertools.count()

    def read(prompt: str) -> str:
        n = next(count)
        if n >= turns * 2:
            raise EOFError
        if n == 3:
            return "h"
        if n == 5:
            return "banana"
        top = int(re.search(r"(\d+)-(\d+)", prompt).group(2))
        if prompt.startswith("Numbers"):
            order = list(range(1, top + 1))
            return " ".join(map(str, order if n % 3 else order[::-1]))
        if prompt.startswith("Gap"):
            return str(n % (top + 1))
        return str(1 + n % top)
    return read


def ticking_clock():
    ticks = itertools.count()
    return lambda: float(next(ticks))


def _args(mode, seed=7):
    return SimpleNamespace(mode=mode, seed=seed, pack=[])


@pytest.mark.parametrize("mode", MODES)
def test_a_scripted_game_prints_a_summary_that_matches_the_recorded_history(mode):
    out = []
    code = textplay.run(_args(mode), read=scripted(), write=out.append,
                        library=FakeLibrary(), clock=ticking_clock())
    assert code == 0
    printed = "\n".join(out)
    # The same seed and the same script replay the same session through the rules.
    session = textplay.play_session(mode, FakeLibrary(), 7, textplay.Console(
        scripted(), lambda line: None, ticking_clock()))
    answers = [r for r in session.history if r.is_answer]
    assert answers
    points = sum(r.points for r in session.history)
    right = sum(r.correct for r in answers)
    assert f"You: {points} points, {right} of {len(answers)} right" in printed
    assert f"hints {sum(bool(r.hint) for r in answers)}" in printed
    verdicts = printed.count("Right!") + printed.count("All in order!")
    assert verdicts == right
    content = Content.from_library(FakeLibrary())
    review = printed.split("To review:")[-1]
    for miss in missed(session):  # each miss is named for people, once
        line = textplay._describe_miss(miss, content)
        assert review.count(line) == 1


def test_a_question_verdict_shows_the_explanation_and_the_source_passage():
    out = []
    textplay.run(_args("whose-view"), read=scripted(2), write=out.append,
                 library=FakeLibrary(), clock=ticking_clock())
    printed = "\n".join(out)
    explains = [q.explain for q in PACK.questions if q.explain in printed]
    assert explains
    assert re.search(r"Source: .+, line \d+:", printed)
    assert "[" in printed and "]" in printed      # the excerpt is marked in its passage
    # After the answer, the teacher's words for that voice (its `view`) are shown.
    assert any(f"{p.name}: {p.view}" in printed for p in PACK.perspectives if p.view)


def test_the_end_of_input_ends_the_game_cleanly_with_the_summary():
    def nothing(prompt):
        raise EOFError
    out = []
    assert textplay.run(_args("sort"), read=nothing, write=out.append,
                        library=FakeLibrary()) == 0
    assert "Game ended." in out
    assert "  You: 0 points, 0 of 0 right, best streak 0, hints 0, timeouts 0" in out


def test_q_quits_with_the_summary():
    answers = iter(["2", "q"])
    out = []
    textplay.run(_args("whose-view"), read=lambda p: next(answers), write=out.append,
                 library=FakeLibrary(), clock=ticking_clock())
    assert any(line.startswith("  You: ") and "of 1 right" in line for line in out)


def test_an_unknown_mode_is_refused_with_the_list_of_modes():
    out = []
    assert textplay.run(_args("poker"), write=out.append, library=FakeLibrary()) == 2
    assert "unknown mode 'poker'" in out[0] and "chronology" in out[0]


def test_packs_without_enough_content_give_a_clear_message_not_a_traceback():
    out = []
    empty = FakeLibrary(packs=())
    assert textplay.run(_args("chronology"), write=out.append, library=empty) == 1
    assert out[-1].startswith("Cannot play chronology:")


def test_broken_packs_are_named_and_skipped():
    broken = SimpleNamespace(path="levels/bad.yaml", problems=("levels/bad.yaml:3:1: error: x",))
    out = []
    textplay.run(_args("sort"), read=scripted(1), write=out.append,
                 library=FakeLibrary(broken=(broken,)), clock=ticking_clock())
    assert "levels/bad.yaml: skipped: levels/bad.yaml:3:1: error: x" in out


def _reader(out, right=True):
    """A player who always answers right (or always wrong), reading only what the game
    printed."""
    titles = {e.title: e for e in PACK.events}
    names = {v.name: v.id for v in PACK.perspectives}
    by_text = {(q.quote and f'"{q.quote}"') or q.prompt: q for q in PACK.questions}

    def read(prompt):
        if len(out) > 500:
            raise EOFError
        listed = []
        for line in reversed(out):
            match = re.match(r"  (\d+)\. (.*)$", line)
            if not match:
                break
            listed.insert(0, match.group(2))
        if prompt.startswith("Numbers"):
            cards = [titles[t] for t in listed]
            order = ordering.true_order(cards)[::1 if right else -1]
            return " ".join(str(cards.index(e) + 1) for e in order)
        question = next(by_text[line] for line in reversed(out) if line in by_text)
        for number, label in enumerate(listed, 1):
            key = names.get(label.split(" (")[0], label)
            if (key == question.answer) == right:
                return str(number)
        raise AssertionError("the right answer was not offered")
    return read


def test_the_campaign_moves_on_to_the_next_level_when_a_level_is_passed():
    out = []
    textplay.run(_args("campaign"), read=_reader(out), write=out.append,
                 library=FakeLibrary(), clock=ticking_clock())
    printed = "\n".join(out)
    assert printed.count("Level passed: 100%, 3 star(s).") == len(PACK.levels)
    for level in PACK.levels:
        assert f"== {PACK.title}: {level.title} ==" in printed
    assert "Wrong" not in printed and "Game ended." not in printed


def test_the_campaign_stops_at_a_level_that_is_not_passed():
    out = []
    textplay.run(_args("campaign"), read=_reader(out, right=False), write=out.append,
                 library=FakeLibrary(), clock=ticking_clock())
    printed = "\n".join(out)
    assert "Level not passed: 0%, 0 star(s)." in printed
    assert f"== {PACK.title}: {PACK.levels[1].title} ==" not in printed


def _said_after(mode, typed):
    """What the game writes right after the first `typed` entry, then the input ends."""
    entries = iter(typed)
    out = []

    def read(prompt):
        try:
            return next(entries)
        except StopIteration:
            raise EOFError from None
    textplay.run(_args(mode), read=read, write=out.append, library=FakeLibrary(),
                 clock=ticking_clock())
    return "\n".join(out)


@pytest.mark.parametrize("mode,typed,why", [
    ("whose-view", "banana", "'banana' is not a number: type one number from 1 to"),
    ("whose-view", "9", "There is no choice 9: type one number from 1 to"),
    ("whose-view", "1 2", "One answer only"),
    ("whose-view", "", "Nothing typed"),
    ("sort", "1 1", "1 is there twice: type each number from 1 to"),
    ("sort", "99 1", "99 is not a card"),
    ("chronology", "99", "There is no gap 99: type one number from 0 to"),
])
def test_a_move_that_is_refused_says_why_and_what_to_type(mode, typed, why):
    printed = _said_after(mode, [typed])
    assert why in printed
    assert "That is not a move here" not in printed
