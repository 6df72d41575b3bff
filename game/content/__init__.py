"""Content: YAML packs -> checked, frozen dataclasses (DESIGN.md sections 3 and 4).

Imports no pygame. The public API:

    load_pack(path, available=None) -> Pack            # raises PackError (every error)
    load_library(paths=None, extra=()) -> Library      # levels/ + user packs + extra files
    build_timeline(packs) -> tuple[Event, ...]          # 1953-1964, in date order
"""

from game.content.dates import DateError, PartialDate, can_order_all
from game.content.library import BrokenPack, Library, load_library
from game.content.loader import CheckedPack, check_pack, load_pack
from game.content.model import (CHOICE, WHOSE_VIEW, Citation, Event, Level, Mark, Pack,
                                Perspective, Question, Round, Source, TimelineDraw)
from game.content.problems import PackError, Problem
from game.content.timeline import build_timeline

__all__ = [
    "load_pack", "check_pack", "CheckedPack", "load_library", "Library", "BrokenPack",
    "build_timeline", "PackError", "Problem", "PartialDate", "DateError", "can_order_all",
    "Citation", "Event", "Level", "Mark", "Pack", "Perspective", "Question", "Round",
    "Source", "TimelineDraw", "WHOSE_VIEW", "CHOICE",
]
