"""Points for one answer, and stars for a level. Pure arithmetic on the Rules value."""

from __future__ import annotations

import math

from game.rules.settings import Rules


def answer_points(rules: Rules, credit: float, *, streak: int, hint: str = "",
                  timed_out: bool = False, steal: bool = False) -> tuple[int, int]:
    """(points, new streak) for an answer worth `credit` (0..1) to a player on `streak`.

    - base: `rules.points` x credit, rounded half up (a sort hand earns its pair share);
      a steal earns `rules.steal_share` of that;
    - a hint takes `rules.hint_cost` off, never below 0 (a missed answer costs nothing);
    - a right answer (credit 1) extends the streak; every `streak_every`-th in a row
      (3rd, 6th, 9th ...) adds `streak_bonus` (so +5 per 3 in a row with the defaults);
    - anything less than fully right, and any timeout, ends the streak;
    - a timeout earns nothing;
    - a steal is a bonus outside the stealer's own turns: it neither extends nor ends the
      streak, so it never earns a streak bonus (review B1).
    """
    if timed_out:
        return 0, (streak if steal else 0)
    base = rules.points * credit * (rules.steal_share if steal else 1.0)
    points = math.floor(base + 0.5)
    if hint:
        points = max(0, points - rules.hint_cost)
    if steal:
        return points, streak
    if credit < 1.0:
        return points, 0
    streak += 1
    if rules.streak_every > 0 and streak % rules.streak_every == 0:
        points += rules.streak_bonus
    return points, streak


def stars(rules: Rules, share: float) -> int:
    """0-3 stars for a level played to `share` (0..1); 1 star = passed."""
    if share >= rules.three_stars:
        return 3
    if share >= rules.two_stars:
        return 2
    if share >= rules.pass_mark:
        return 1
    return 0


def explain_points(rules: Rules, record) -> tuple[str, ...]:
    """Where an answer's points came from, in words for the verdict (review m5):
    ("Right: +10", "Streak bonus, 3 in a row: +5") or ("Steal, half points: +5",) or
    ("4 of 6 pairs in order: +7", "Hint: −5") or ("Time ran out: 0",)."""
    if record.timed_out:
        return ("Time ran out: 0",)
    if not record.correct and record.credit <= 0:
        return ("Not right: 0",)
    base = math.floor(rules.points * record.credit
                      * (rules.steal_share if record.steal else 1.0) + 0.5)
    if record.steal:
        parts = [f"Steal, {rules.steal_share:.0%} of the points: +{base}"]
    elif record.correct:
        parts = [f"Right: +{base}"]
    else:
        parts = [f"{record.credit:.0%} of the pairs in order: +{base}"]
    after_hint = max(0, base - rules.hint_cost) if record.hint else base
    if record.hint:
        parts.append(f"Hint: −{base - after_hint}")
    bonus = record.points - after_hint
    if bonus > 0:
        parts.append(f"Streak bonus, every {rules.streak_every} in a row: +{bonus}")
    return tuple(parts)
