"""Classroom review sessions: teams on a projector (pure logic, no pygame).

Modules, each with one job:
- setup: ClassroomSetup, what the teacher chose (teams, packs, levels, rounds, round
  types, timer, steal, seed), remembered through the store's ClassroomSettings
- timer: TurnTimer, the per-turn countdown as a value driven by elapsed seconds
- rows: answer records and teacher actions -> the store's ResultRow
- session: Classroom, the session itself: rounds of team turns on top of game.rules,
  steals, teacher actions (pause, skip, +/-, undo, end) and saving after every round
- summary: standings and the questions most teams missed, from result rows alone
"""
