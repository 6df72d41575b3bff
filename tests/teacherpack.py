"""A teacher's own document and pack, as in the teacher trial (reviews/teacher-trial-1.md).

The chapter is written for these tests; its dates are the historical record of the Cuban
Missile Crisis. The pack deliberately reuses the bundled ids `khrushchev` and `berlin-wall`.
"""

from __future__ import annotations

from pathlib import Path

CHAPTER_NAME = "cuban-missile-crisis.txt"

CHAPTER = """\
Chapter 7: The Cuban Missile Crisis, 1962

7.1 The road to the crisis
In January 1959 Fidel Castro took power in Cuba. On 17 April 1961 Cuban exiles trained by the CIA landed at the Bay of Pigs and were defeated within three days. On 13 August 1961 East German troops began to close the border in Berlin.

7.2 Thirteen days
On 14 October 1962 an American U-2 spy plane photographed Soviet missile sites in western Cuba. On 22 October 1962 President Kennedy spoke to the nation on television. He said: “unmistakable evidence has established the fact that a series of offensive missile sites is now in preparation on that imprisoned island.”
On 28 October 1962 Radio Moscow announced that the missiles would be removed.

7.3 Source B
Khrushchev wrote to Kennedy: “we and you ought not now to pull on the ends of the rope in which you have tied the knot of war.”

7.4 After the crisis
On 5 August 1963 the Partial Test Ban Treaty was signed in Moscow.
"""

PACK = """\
format: 1
pack: cuba-1962
title: "The Cuban Missile Crisis, 1962"

sources:
  - id: chapter7
    file: cuban-missile-crisis.txt
    title: "Chapter 7: The Cuban Missile Crisis, 1962"

perspectives:
  - id: kennedy
    name: "John F. Kennedy"
    view: "The missiles in Cuba were an offensive threat that had to go."
  - id: khrushchev
    name: "Nikita Khrushchev"
    role: "Soviet leader, in his letters to Kennedy of October 1962"
    view: "Both sides had to step back from the brink."

events:
  - id: berlin-wall
    title: "The Berlin border is closed"
    date: 1961-08-13
    summary: "East German troops close the border in Berlin."
    cite: {source: chapter7, excerpt: "East German troops began to close the border in Berlin"}
  - id: u2-photos
    title: "A U-2 photographs missile sites in Cuba"
    date: 1962-10-14
    summary: "An American spy plane finds Soviet missile sites."
    cite: {source: chapter7, excerpt: "an American U-2 spy plane photographed Soviet missile sites"}
  - id: tv-address
    title: "Kennedy speaks on television"
    date: 1962-10-22
    summary: "Kennedy tells the nation about the missiles."
    cite: {source: chapter7, excerpt: "President Kennedy spoke to the nation on television"}
  - id: radio-moscow
    title: "Radio Moscow: the missiles will go"
    date: 1962-10-28
    summary: "Moscow announces that the missiles will be removed."
    cite: {source: chapter7, excerpt: "Radio Moscow announced that the missiles would be removed"}

questions:
  - id: q-knot
    quote: "we and you ought not now to pull on the ends of the rope"
    answer: khrushchev
    cite: {source: chapter7}
    explain: "Khrushchev's letter to Kennedy, Source B."
  - id: q-evidence
    quote: "unmistakable evidence has established the fact"
    answer: kennedy
    cite: {source: chapter7}
    explain: "Kennedy's television address of 22 October 1962."

levels:
  - id: thirteen-days
    title: "October 1962: thirteen days"
    rounds:
      - timeline: [berlin-wall, u2-photos, tv-address, radio-moscow]
      - questions: [q-knot, q-evidence]
"""


def write_teacher_pack(folder: Path, name: str = "cuba-1962.yaml", pack: str = PACK) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / CHAPTER_NAME).write_text(CHAPTER, encoding="utf-8")
    path = folder / name
    path.write_text(pack, encoding="utf-8")
    return path
