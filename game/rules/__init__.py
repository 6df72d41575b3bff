"""Game rules: pure and deterministic (no pygame, no clock, no global RNG).

Modules, each with one job:
- settings: Rules, the settings value of a session (points, lives, time limit...)
- content: Content, the events/questions/perspectives in play
- ordering: fair ordering by partial dates (gaps, pair credit, misplaced cards)
- pool: drawing without repeats until the pool is used up
- choices: whose-view choices and plausible distractors
- scoring: points for an answer, stars for a level
- session: players, turns and the history (AnswerRecord); standings, missed, summary
- prompts: what is asked (PlaceCard, SortHand, Ask) and told (verdicts)
- game: Game, the start_* functions and the moves (place, submit, choose, answer,
  use_hint, pass_turn, steal, adjust)
- campaign: level results, stars, progress and unlocking
"""
