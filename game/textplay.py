"""`thaw play --text`: every mode in a terminal. Numbers to choose, Enter to confirm.

Input and output are injected (`read`, `write`), and so is the clock that times each turn,
so tests drive the real code with a script. End of input ends the game cleanly with the
summary. All game logic lives in game.rules; this module only shows and asks.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from typing import Callable, Optional

from game.content.safetext import terminal
from game.content.model import Event
from game.rules import campaign, game as G, modes
from game.rules.content import Content
from game.rules.kinds import ScaleHand, ScaleVerdict, lead, prompt_text, source_line
from game.rules.prompts import (FIFTY, YEAR, Ask, AskVerdict, PlaceCard, PlaceVerdict, SortHand,
                                SortVerdict)
from game.rules.review import miss_detail
from game.rules.session import Session, missed, new_session, summary

QUIT = {"q", "quit", "exit"}
HINT = {"h", "hint", "?"}


class _Stop(Exception):
    """The player quit or the input ended: finish with the summary."""


@dataclass(frozen=True)
class Console:
    read: Callable[[str], str] = input
    write: Callable[[str], None] = print
    clock: Callable[[], float] = time.monotonic

    def ask(self, prompt: str) -> str:
        try:
            answer = self.read(prompt)
        except (EOFError, KeyboardInterrupt):
            raise _Stop from None
        answer = answer.strip().lower()
        if answer in QUIT:
            raise _Stop
        return answer


# --- showing things ----------------------------------------------------------------------
def _card(event: Event, show: str = "") -> str:
    """A card's title, after its full date ("date") or only its year ("year", the hint)."""
    when = {"date": event.date.label(), "year": str(event.date.year)}.get(show)
    return f"{when}  {event.title}" if when else event.title


def _show_place(c: Console, game: G.Game, p: PlaceCard) -> None:
    c.write("")
    c.write(f"Lives {game.lives} - placed right {game.right}")
    for index, event in enumerate(p.line):
        c.write(f"  [{index}]")
        c.write(f"        {_card(event, 'date')}")
    c.write(f"  [{len(p.line)}]")
    c.write(f"Card: {_card(p.card, 'year' if p.card.id in p.revealed else '')}")
    c.write(f"      {p.card.summary}")


def _show_sort(c: Console, p: SortHand) -> None:
    c.write("")
    c.write("Put these in order, earliest first:")
    for index, event in enumerate(p.cards, 1):
        c.write(f"  {index}. {_card(event, 'year' if event.id in p.revealed else '')}")


def _show_ask(c: Console, p: Ask) -> None:
    c.write("")
    if p.steal:
        c.write("Steal! Answer for half points.")
    question = p.question
    if not question.is_whose_view and lead(question) != "Question":
        c.write(f"[{lead(question)}]")
    if source_line(question):
        c.write(f"From: {source_line(question)}")
    if question.quote:
        c.write(f"\"{question.quote}\"")
    c.write(prompt_text(question) or "Whose view is this?")
    for index, choice in enumerate(p.live_choices, 1):
        detail = f" ({choice.detail})" if choice.detail else ""
        c.write(f"  {index}. {choice.label}{detail}")


def _show_scale(c: Console, p: ScaleHand, content: Optional[Content] = None) -> None:
    left, right = p.scale
    c.write("")
    c.write(f"[{lead(p.question)}] {prompt_text(p.question)}")
    c.write(f"Scale: 1 = \"{left}\"  ...  {len(p.cards)} = \"{right}\"")
    for index, key in enumerate(p.cards, 1):
        c.write(f"  {index}. {_voice(key, content)}")


def _voice(key: str, content: Optional[Content]) -> str:
    view = content.perspective(key) if content is not None else None
    return f"{view.name}: {view.view}" if view is not None else key


def _points(record) -> str:
    if record.timed_out:
        return "Out of time: no points."
    return f"+{record.points} points." if record.points else "No points."


def _show_verdict(c: Console, verdict, content: Optional[Content] = None) -> None:
    record = verdict.record
    if isinstance(verdict, PlaceVerdict):
        card = verdict.card
        if record.correct:
            c.write(f"Right! {card.title}: {card.date.label()}. {_points(record)}")
        else:
            c.write(f"Wrong. {card.title}: {card.date.label()} goes in gap "
                    f"{verdict.placed_at}. {_points(record)} Lives left: {verdict.lives}")
    elif isinstance(verdict, SortVerdict):
        share = round(verdict.credit * 100)
        head = "All in order!" if record.correct else f"{share}% of the pairs in order."
        c.write(f"{head} {_points(record)}")
        c.write("The true order:")
        for event in verdict.true_order:
            mark = "  <- out of place" if event.id in verdict.misplaced else ""
            c.write(f"  {event.date.label()}  {event.title}{mark}")
    elif isinstance(verdict, ScaleVerdict):
        share = round(verdict.credit * 100)
        head = "All placed right!" if record.correct else f"{share}% of the pairs in order."
        c.write(f"{head} {_points(record)}")
        left, right = (tuple(verdict.question.scale) + ("", ""))[:2]
        c.write(f"From \"{left}\" to \"{right}\":")
        for placement in verdict.true_order:
            mark = "  <- out of place" if placement.perspective in verdict.misplaced else ""
            view = content.perspective(placement.perspective) if content else None
            name = view.name if view else placement.perspective
            c.write(f"  {placement.place}. {name}{mark}: {placement.why}")
        if verdict.question.explain:
            c.write(verdict.question.explain)
    elif isinstance(verdict, AskVerdict):
        head = "Right!" if record.correct else f"Wrong. The answer: {verdict.answer.label}."
        c.write(f"{head} {_points(record)}")
        if verdict.answer.detail:
            c.write(f"{verdict.answer.label}: {verdict.answer.detail}")
        if verdict.explain:
            c.write(verdict.explain)
        if verdict.passage is not None and verdict.citation is not None:
            p = verdict.passage
            c.write(f"Source: {verdict.citation.source.title}, line {p.line}:")
            c.write(f"  {p.before}[{p.excerpt}]{p.after}".replace("\n", " "))
        if verdict.also is not None and verdict.also_passage is not None:
            p = verdict.also_passage
            c.write(f"Compare: {verdict.also.source.title}, line {p.line}:")
            c.write(f"  {p.before}[{p.excerpt}]{p.after}".replace("\n", " "))


def summary_lines(session: Session, content: Optional[Content] = None) -> list[str]:
    """The final summary, built from the history alone; `content` names what was missed."""
    lines = ["", "Summary"]
    for s in summary(session):
        lines.append(f"  {s.name}: {s.score} points, {s.right} of {s.answered} right, "
                     f"best streak {s.best_streak}, hints {s.hints}, timeouts {s.timeouts}")
    misses = missed(session)
    if misses:
        lines.append("To review:")
        # A sort hand misses several cards at once; say its true order once.
        for line in dict.fromkeys("  " + _describe_miss(m, content) for m in misses):
            lines.append(line)
    return lines


def _describe_miss(m, content: Optional[Content]) -> str:
    """'"quote..." -- Danielle' for people; ids when the content is not at hand."""
    if content is None:
        return f"{m.kind} {m.item_id}: right answer {' < '.join(m.answer)}"
    detail = miss_detail(m, content)
    if detail.question is not None:
        asked = detail.question.quote or detail.question.prompt
        asked = asked if len(asked) <= 70 else asked[:67].rstrip() + "..."
        return f'"{asked}" -- {detail.answer}'
    return "in order: " + "; ".join(f"{e.date.label()} {e.title}" for e in detail.true_order)


# --- asking for a move -------------------------------------------------------------------
def _read_move(c: Console, game: G.Game):
    """A valid move for the prompt, or a hint request ("h"); re-asks on nonsense."""
    p = game.prompt
    while True:
        if isinstance(p, PlaceCard):
            text = c.ask(f"Gap 0-{len(p.line)} (h: show its year, q: quit) > ")
        elif isinstance(p, ScaleHand):
            text = c.ask(f"Numbers 1-{len(p.cards)} from \"{p.scale[0]}\" to "
                         f"\"{p.scale[1]}\", e.g. {' '.join(map(str, range(1, len(p.cards) + 1)))} > ")
        elif isinstance(p, SortHand):
            text = c.ask(f"Numbers 1-{len(p.cards)} earliest first, e.g. "
                         f"{' '.join(map(str, range(1, len(p.cards) + 1)))} (h: a year) > ")
        else:
            text = c.ask(f"Choice 1-{len(p.live_choices)} (h: remove a wrong one, q: quit) > ")
        if text in HINT:
            return "hint"
        move, why = _parse(p, text)
        if move is not None:
            return move
        c.write(why)


def _parse(p, text: str):
    """(move, "") for a move this prompt takes, else (None, why not) in words for the player."""
    parts = text.replace(",", " ").split()
    if isinstance(p, PlaceCard):
        wanted = f"type one number from 0 to {len(p.line)} (the gap the card goes in)"
    elif isinstance(p, (SortHand, ScaleHand)):
        n = len(p.cards)
        wanted = f"type each number from 1 to {n} once, in your order, e.g. " + \
            " ".join(map(str, range(1, n + 1)))
    else:
        wanted = f"type one number from 1 to {len(p.live_choices)}"
    if not parts:
        return None, f"Nothing typed: {wanted}."
    if not all(x.isdigit() for x in parts):
        odd = next(x for x in parts if not x.isdigit())
        return None, f"{odd!r} is not a number: {wanted}."
    numbers = [int(x) for x in parts]
    if isinstance(p, PlaceCard):
        if len(numbers) == 1 and numbers[0] <= len(p.line):
            return numbers[0], ""
        return None, f"There is no gap {' '.join(parts)}: {wanted}."
    if isinstance(p, (SortHand, ScaleHand)):
        if sorted(numbers) != list(range(1, len(p.cards) + 1)):
            missing = sorted(set(range(1, len(p.cards) + 1)) - set(numbers))
            twice = sorted({x for x in numbers if numbers.count(x) > 1})
            extra = sorted({x for x in numbers if not 1 <= x <= len(p.cards)})
            why = (f"{extra[0]} is not a card" if extra else
                   f"{twice[0]} is there twice" if twice else
                   f"{missing[0]} is missing" if missing else "that is not every card once")
            return None, f"{why.capitalize()}: {wanted}."
        if isinstance(p, SortHand):
            return [p.cards[n - 1].id for n in numbers], ""
        return [p.cards[n - 1] for n in numbers], ""
    live = p.live_choices
    if len(numbers) == 1 and 1 <= numbers[0] <= len(live):
        return live[numbers[0] - 1].key, ""
    if len(numbers) > 1:
        return None, f"One answer only: {wanted}."
    return None, f"There is no choice {numbers[0]}: {wanted}."


def play(game: G.Game, c: Console) -> G.Game:
    """Play `game` to its end (or until the input ends); returns the last state."""
    try:
        while not game.over:
            p = game.prompt
            if isinstance(p, PlaceCard):
                _show_place(c, game, p)
            elif isinstance(p, SortHand):
                _show_sort(c, p)
            elif isinstance(p, ScaleHand):
                _show_scale(c, p, game.content)
            else:
                _show_ask(c, p)
            started = c.clock()
            move = _read_move(c, game)
            if move == "hint":
                try:
                    game = G.use_hint(game, FIFTY if isinstance(p, Ask) else YEAR)
                except G.MoveError as error:
                    c.write(str(error))
                continue
            game, verdict = G.answer(game, move, max(0.0, c.clock() - started))
            _show_verdict(c, verdict, game.content)
    except _Stop:
        c.write("Game ended.")
    return game


def _play_campaign(library, content: Content, session: Session, c: Console,
                   pack_ids=None) -> Session:
    """Each pack's levels in order (only the packs named, when named); a level not passed
    ends the campaign."""
    for pack in library.packs:
        if pack_ids is not None and pack.id not in pack_ids:
            continue
        progress: dict[str, int] = {}
        while (level := campaign.next_level(pack, progress)) is not None:
            c.write("")
            c.write(f"== {pack.title}: {level.title} ==")
            if level.intro:
                c.write(level.intro)
            game = play(G.start_level(content, session, level), c)
            session = game.session
            result = campaign.level_result(game)
            progress = campaign.record_progress(progress, result)
            c.write(f"Level {'passed' if result.passed else 'not passed'}: "
                    f"{round(result.share * 100)}%, {result.stars} star(s).")
            if not game.over or not result.passed:
                return session
    return session


def play_session(mode: str, library, seed: int, c: Console,
                 names: tuple[str, ...] = ("You",), pack_ids=None) -> Session:
    """Play one mode with the library's content; returns the finished session."""
    content = Content.from_library(library)
    session = new_session(names, seed)
    if mode == G.MODE_CAMPAIGN:
        return _play_campaign(library, content, session, c, pack_ids)
    return play(modes.start(mode, content, session), c).session


def new_game(mode: str, library, seed: int, names: tuple[str, ...] = ("You",)) -> G.Game:
    """The game `play_session` plays for a mode other than the campaign (the same deal as
    the window's for the same content and seed: both start it from game.rules.modes)."""
    return modes.start(mode, Content.from_library(library), new_session(names, seed))


def run(args, read: Callable[[str], str] = input, write: Callable[[str], None] = print,
        library=None, clock: Callable[[], float] = time.monotonic) -> int:
    """`thaw play --text [--mode M] [--seed N] [--pack FILE]...`"""
    raw_write = write

    def write(line: str) -> None:  # pack text never reaches the terminal raw
        raw_write(terminal(line))

    mode = args.mode or G.MODE_MIXED
    if mode not in G.MODES:
        write(f"thaw play: unknown mode '{mode}' (choose from {', '.join(G.MODES)})")
        return 2
    chosen = None
    if library is None and getattr(args, "only", False):
        from game.content.selection import load_only  # --only: the --pack packs alone
        library, chosen = load_only(args.pack)
    elif library is None:
        from game.content.library import load_library
        library = load_library(extra=getattr(args, "pack", None) or ())
    for broken in library.broken:
        first = broken.problems[0] if broken.problems else "could not be loaded"
        write(f"{broken.path}: skipped: {first}")
    if chosen == ():
        write("thaw play: none of the packs given with --pack could be loaded; "
              "run `thaw validate` on them")
        return 1
    # Choosing a seed is the only use of chance outside the rules; it is shown so a game
    # can be replayed with --seed.
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(10**6)
    c = Console(read, write, clock)
    write(f"Thaw - {mode} (seed {seed}). Numbers to choose, Enter to confirm, q to quit.")
    try:
        session = play_session(mode, library, seed, c, pack_ids=chosen)
    except G.NotEnoughContent as error:
        write(f"Cannot play {mode}: {error}")
        return 1
    for line in summary_lines(session, Content.from_library(library)):
        write(line)
    return 0
