"""Placing dates on the era's axis: shared by the chronology board and Explore."""

from __future__ import annotations

import datetime as dt

from game.content.timeline import ERA_END, ERA_START

YEARS = ERA_END - ERA_START + 1     # the years the axis shows, 1953 to 1964


def year_fraction(date: dt.date) -> float:
    """Years since 1 January 1953, as a float (for placing a date on the axis)."""
    start = dt.date(date.year, 1, 1)
    length = (dt.date(date.year + 1, 1, 1) - start).days
    return date.year - ERA_START + (date - start).days / length
