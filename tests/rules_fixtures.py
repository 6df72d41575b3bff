"""Small packs for the rules tests, built from game.content.model dataclasses.

Dates come at every precision (year, month, day) and include pairs the dates cannot
order (1956 vs 1956-02-25), so fairness rules get exercised. Sources carry text, so
Citation.passage() finds the quotes.
"""

from __future__ import annotations

from pathlib import Path

from game.content.dates import PartialDate
from game.content.model import (CHOICE, WHOSE_VIEW, Citation, Event, Level, Pack,
                                Perspective, Question, Round, Source, TimelineDraw)
from game.rules.content import Content

SPEECH_TEXT = """Report to the Congress.
Comrades, the cult of the individual has caused great harm to the Party. It is foreign
to the spirit of Marxism-Leninism to elevate one person into a superman.
Some members of the old guard said that order had been kept by a firm hand alone.
A Dissident Writer later called the speech a crack in the ice.
The virgin lands will feed the country, and we will catch up with America in milk."""

BLOG_TEXT = """My history class blog.
Honestly the Thaw was more like a puddle: people could read a few new novels but the
camps did not all close. My teacher says it was still a huge change for ordinary people.
On the forum somebody wrote that the whole thing was revisionism dressed up as reform.
Sputnik went up in October 1957 and everybody in the West panicked."""

SPEECH = Source("speech", Path("speech.txt"), "The Secret Speech", "speech", SPEECH_TEXT)
BLOG = Source("blog", Path("blog.txt"), "A student blog", "blog post", BLOG_TEXT)

PERSPECTIVES = (
    Perspective("khrushchev", "Nikita Khrushchev", "Destalinisation is a return to Lenin.",
                "First Secretary"),
    Perspective("old-guard", "The old guard", "Order came from a firm hand.", "Presidium"),
    Perspective("dissident", "Dissident Writer", "The speech was a crack in the ice."),
    Perspective("student-blog", "A student blogger", "The Thaw was a puddle."),
    Perspective("forum-ml", "A forum Marxist-Leninist", "It was revisionism."),
    Perspective("western-press", "The Western press", "Sputnik was a shock."),
    Perspective("teacher", "A history teacher", "A huge change for ordinary people."),
)


def event(id_: str, date: str, title: str = "", source: Source = SPEECH,
          excerpt: str = "Comrades, the cult of the individual") -> Event:
    return Event(id_, title or id_.replace("-", " ").title(), PartialDate.parse(date),
                 f"What happened: {id_}.", Citation(source, excerpt), pack="test")


# Every pair of these can be ordered (distinct days, months or years that do not overlap).
ORDERABLE_EVENTS = (
    event("stalin-death", "1953-03-05"),
    event("beria-arrest", "1953-06-26"),
    event("virgin-lands", "1954"),
    event("warsaw-pact", "1955-05-14"),
    event("secret-speech", "1956-02-25"),
    event("hungary", "1956-10"),
    event("anti-party", "1957-06"),
    event("sputnik", "1957-10-04", source=BLOG, excerpt="Sputnik went up in October 1957"),
    event("u2", "1960-05-01"),
    event("berlin-wall", "1961-08-13"),
    event("cuba", "1962-10"),
    event("ouster", "1964-10-14"),
)
# These overlap events above: 1956 and February 1956 cannot be ordered against the
# Secret Speech (1956-02-25), Hungary (1956-10) or each other.
UNDECIDABLE_EVENTS = (
    event("thaw-novel", "1956"),
    event("twentieth-congress", "1956-02"),
)
EVENTS = ORDERABLE_EVENTS + UNDECIDABLE_EVENTS

QUESTIONS = (
    Question("q-cult", WHOSE_VIEW, "khrushchev", "He attacked the cult of personality.",
             quote="the cult of the individual has caused great harm to the Party",
             cite=Citation(SPEECH, "the cult of the individual has caused great harm"),
             pack="test"),
    Question("q-firm-hand", WHOSE_VIEW, "old-guard", "They missed Stalin's order.",
             quote="order had been kept by a firm hand alone",
             cite=Citation(SPEECH, "order had been kept by a firm hand alone"), pack="test"),
    Question("q-puddle", WHOSE_VIEW, "student-blog", "A student writing for class.",
             quote="the Thaw was more like a puddle",
             cite=Citation(BLOG, "the Thaw was more like a puddle"), pack="test"),
    Question("q-revisionism", WHOSE_VIEW, "forum-ml", "The forum's anti-revisionist line.",
             quote="revisionism dressed up as reform",
             choices=("forum-ml", "khrushchev", "student-blog", "western-press"),
             cite=Citation(BLOG, "revisionism dressed up as reform"), pack="test"),
    Question("q-year", CHOICE, "1956", "The Twentieth Congress met in February 1956.",
             prompt="In which year was the Secret Speech given?",
             choices=("1953", "1956", "1961"),
             cite=Citation(SPEECH, "Report to the Congress."), pack="test"),
)

LEVELS = (
    Level("after-stalin", "1953-1955", (
        Round("timeline", event_ids=("stalin-death", "beria-arrest", "virgin-lands")),
        Round("questions", question_ids=("q-cult", "q-firm-hand")),
    )),
    Level("crisis", "1956-1964", (
        Round("timeline", draw=TimelineDraw(1956, 1964, 4)),
        Round("questions", question_ids=("q-puddle", "q-revisionism", "q-year")),
    )),
    Level("finale", "Everything", (
        Round("questions", question_ids=("q-cult",)),
    )),
)

PACK = Pack("test", "A test pack", Path("test.yaml"), sources=(SPEECH, BLOG),
            perspectives=PERSPECTIVES, events=EVENTS, questions=QUESTIONS, levels=LEVELS)


def content(events=EVENTS, questions=QUESTIONS, perspectives=PERSPECTIVES) -> Content:
    return Content(tuple(events), tuple(questions), tuple(perspectives))


class FakeLibrary:
    """Stands in for game.content.library.Library in the text-play tests."""

    def __init__(self, packs=(PACK,), broken=()):
        self.packs = tuple(packs)
        self.broken = tuple(broken)
        self.warnings = ()

    def events(self):
        return tuple(e for p in self.packs for e in p.events)

    def questions(self):
        return tuple(q for p in self.packs for q in p.questions)

    def perspectives(self):
        return tuple(v for p in self.packs for v in p.perspectives)
