"""Content lint: a pack that loads can still be unfair or unfinished. Warnings, never errors.

`thaw validate` prints these as `file:line:col: warning: ...`; `thaw validate --strict`
counts them as errors. Each rule is a plain function of the loaded pack and the parsed
tree it came from (for positions). Pure: no pygame, no I/O.

Rules (the `code` in brackets starts each message):
- [guessable]  a whose-view answer whose visible description (the view shown under the
               name) shares two or more content words with the quote that no other choice
               on offer shares: a player can match words instead of reading.
- [long-answer] a choice question whose right answer is much longer than every other
               choice; and a pack in which the right answer is the longest in most choice
               questions.
- [same-view]  two perspectives offered in one question (or two perspectives of the pack)
               with the same visible description.
- [placeholder] TODO, TBD, FIXME or XXX in any text, or a text that is empty.
- [title-year] an event title that states the event's own year (the card gives it away).
- [weak-cite]  an event whose cited excerpt shares no key word with its title or summary.
- [same-passage] a level that asks two questions about the same passage (in play the
               second is skipped: within a game no passage is asked twice).
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping, Optional

from game.content.model import Event, Pack, Perspective, Question, local_id
from game.content.problems import Problem
from game.content.text import fold
from game.content.yamlsafe import Position, YList, YMap

# Words that carry no content: function words and a few verbs of reporting.
STOPWORDS = frozenset("""
a about above after again against all also although am an and any are as at be because
been before being below between both but by can could did do does doing down during each
even ever every few for from further had has have having he her here hers him his how i if
in into is it its itself just like many may me might more most much must my no nor not now
of off on once one only or other our out over own same she should so some such than that
the their them then there these they this those through to too under until up upon very
was we were what when where which while who whom why will with would you your yours
yet still thing things really quite rather said says say saying writes wrote
get got let put see use way new old ago per via two lot lots its it's don't isn't
""".split())
PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|XXX)\b")
_WORD = re.compile(r"[a-z]+")
GUESSABLE_WORDS = 2        # distinctive shared words that make an answer guessable
LONG_FACTOR = 1.5          # right choice at least this many times the longest other
LONGEST_SHARE = 0.5        # pack: right answer longest in more than this share of questions
LONGEST_MIN_QUESTIONS = 4


def stem(word: str) -> str:
    """A crude stem: enough to match 'purposefully' with 'purpose', 'rivals' with 'rival'."""
    for suffix in ("ation", "isation", "ization", "ingly", "fully", "ness", "ment", "ing",
                   "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[:-len(suffix)]
            break
    return word[:7]


def content_words(text: str) -> set[str]:
    """Stems of the words of `text` that carry content (3+ letters, not a stopword)."""
    words = _WORD.findall(fold(text).lower().replace("'s ", " ").replace("\u2019s ", " "))
    return {stem(w) for w in words if len(w) >= 3 and w not in STOPWORDS}


def visible_description(view: Perspective) -> str:
    """What the player sees under a perspective's name while choosing (game.rules.choices)."""
    return view.view


def passage_of(question: Question) -> str:
    """The passage a question puts in front of the player: its quote, else its excerpt."""
    text = question.quote or (question.cite.excerpt if question.cite else "")
    return fold(text).lower()


def same_passage(a: Question, b: Question) -> bool:
    """True when two questions ask about the same passage: the same question, or one's
    passage contains the other's (a choice question about a quote already asked)."""
    if a.id == b.id:
        return True
    one, other = passage_of(a), passage_of(b)
    return bool(one and other) and (one in other or other in one)


# --- positions in the parsed tree ------------------------------------------------------
def _item(tree: Any, section: str, ident: str) -> Optional[YMap]:
    items = tree.get(section) if isinstance(tree, YMap) else None
    if isinstance(items, YList):
        for item in items:
            if isinstance(item, YMap) and item.get("id") == local_id(ident):
                return item
    return None


def _at(tree: Any, section: str, ident: str, *keys: str) -> Position:
    """Where `keys` (the first present) of item `ident` of `section` was written."""
    item = _item(tree, section, ident)
    if item is None:
        return (0, 0)
    for key in keys:
        if key in item:
            return item.value_at(key)
    return item.position


# --- the rules --------------------------------------------------------------------------
def guessable(question: Question, views: Mapping[str, Perspective]) -> Optional[str]:
    answer = views.get(question.answer)
    if not question.is_whose_view or answer is None:
        return None
    offered = question.choices or tuple(views)   # no choices: any perspective may be dealt
    others = [views[i] for i in offered if i in views and i != answer.id]
    taken = set().union(*(content_words(visible_description(v)) for v in others))
    shared = (content_words(question.quote) & content_words(visible_description(answer))) - taken
    if len(shared) >= GUESSABLE_WORDS:
        return (f"[guessable] question '{local_id(question.id)}': the answer's description shares "
                f"words with the quote ({', '.join(sorted(shared))}) that no other choice "
                "shares; describe the perspective in other words")
    return None


def same_view(question: Question, views: Mapping[str, Perspective]) -> Optional[str]:
    if not question.is_whose_view or not question.choices:
        return None
    seen: dict[str, str] = {}
    for ident in question.choices:
        view = views.get(ident)
        if view is None:
            continue
        key = fold(visible_description(view)).lower()
        if key in seen:
            return (f"[same-view] question '{local_id(question.id)}': '{local_id(seen[key])}' "
                    f"and '{local_id(ident)}' are "
                    "offered together with the same description; a player cannot tell them apart")
        seen[key] = ident
    return None


def long_answer(question: Question) -> Optional[str]:
    if question.is_whose_view or len(question.choices) < 2:
        return None
    others = [len(c) for c in question.choices if c != question.answer]
    if others and len(question.answer) >= LONG_FACTOR * max(others):
        return (f"[long-answer] question '{local_id(question.id)}': the right choice is "
                f"{len(question.answer)} characters, the longest other {max(others)}; a "
                "player can pick the longest without reading")
    return None


def answer_is_longest(question: Question) -> bool:
    others = [len(c) for c in question.choices if c != question.answer]
    return bool(others) and len(question.answer) > max(others)


def title_year(event: Event) -> Optional[str]:
    years = {str(event.date.year)} | ({str(event.end.year)} if event.end else set())
    stated = sorted(y for y in years if re.search(rf"(?<!\d){y}(?!\d)", event.title))
    if stated:
        return (f"[title-year] event '{local_id(event.id)}': the title states its own year "
                f"({', '.join(stated)}), which gives the answer away on a timeline card")
    return None


def weak_cite(event: Event) -> Optional[str]:
    if content_words(event.cite.excerpt) & content_words(f"{event.title} {event.summary}"):
        return None
    return (f"[weak-cite] event '{local_id(event.id)}': the cited excerpt shares no key word with the "
            "title or summary; cite a passage that names or describes the event")


def placeholders(tree: Any) -> Iterable[tuple[Position, str]]:
    """Every text in the tree that is empty or holds a placeholder, with where it is."""
    def walk(node: Any, where: Position, path: str):
        if isinstance(node, YMap):
            for key, value in node.items():
                yield from walk(value, node.value_at(key), f"{path}.{key}" if path else str(key))
        elif isinstance(node, YList):
            for index, value in enumerate(node):
                yield from walk(value, node.item_at(index), f"{path}[{index + 1}]")
        elif isinstance(node, str):
            found = PLACEHOLDER.search(node)
            if found:
                yield where, (f"[placeholder] {path}: '{found.group(0)}' left in the text; "
                              "finish it or remove it")
            elif not node.strip():
                yield where, f"[placeholder] {path}: the text is empty"
    yield from walk(tree, (0, 0), "")


# --- the whole pack --------------------------------------------------------------------
def lint_pack(pack: Pack, tree: Any, display: str,
              perspectives: Optional[Mapping[str, Perspective]] = None) -> list[Problem]:
    """Every lint warning for `pack`, sorted by position.

    `tree` is the parsed file (for positions); `perspectives` are all the perspectives the
    pack can see (its own and its required packs'), by id; default: its own.
    """
    own = {v.id: v for v in pack.perspectives}
    views = dict(perspectives or {}) | own
    out: list[Problem] = []

    def warn(where: Position, message: str) -> None:
        out.append(Problem(display, where[0], where[1], message, "warning"))

    for where, text in placeholders(tree):
        warn(where, text)
    for question in pack.questions:
        for found, keys in ((guessable(question, views), ("quote",)),
                            (same_view(question, views), ("choices",)),
                            (long_answer(question), ("answer",))):
            if found:
                warn(_at(tree, "questions", question.id, *keys), found)
    choice = [q for q in pack.questions if not q.is_whose_view and len(q.choices) >= 2]
    longest = [q for q in choice if answer_is_longest(q)]
    if len(choice) >= LONGEST_MIN_QUESTIONS and len(longest) > LONGEST_SHARE * len(choice):
        where = tree.key_at("questions") if isinstance(tree, YMap) else (0, 0)
        warn(where, f"[long-answer] the right answer is the longest choice in {len(longest)} "
                    f"of {len(choice)} choice questions; players learn to pick the longest")
    described: dict[str, str] = {}
    for view in pack.perspectives:
        key = fold(visible_description(view)).lower()
        if key in described:
            warn(_at(tree, "perspectives", view.id, "view"),
                 f"[same-view] perspective '{local_id(view.id)}' has the same description as "
                 f"'{local_id(described[key])}'; say what each one argues")
        described.setdefault(key, view.id)
    questions = {q.id: q for q in pack.questions}
    for level in pack.levels:
        asked = [questions[i] for r in level.rounds for i in r.question_ids if i in questions]
        for index, question in enumerate(asked):
            earlier = next((q for q in asked[:index] if same_passage(q, question)), None)
            if earlier is not None:
                warn(_at(tree, "levels", level.id, "rounds"),
                     f"[same-passage] level '{level.id}': '{local_id(question.id)}' asks about "
                     f"the same passage as '{local_id(earlier.id)}' and is skipped in play; move one to another level")
    for event in pack.events:
        if (message := title_year(event)):
            warn(_at(tree, "events", event.id, "title"), message)
        if (message := weak_cite(event)):
            item = _item(tree, "events", event.id)
            cite = item.get("cite") if item is not None else None
            where = cite.value_at("excerpt") if isinstance(cite, YMap) and "excerpt" in cite \
                else _at(tree, "events", event.id, "cite")
            warn(where, message)
    out.sort(key=lambda p: (p.line, p.column))
    return out
