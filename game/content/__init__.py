"""Content: YAML packs -> checked, frozen dataclasses (DESIGN.md sections 3 and 4).

Imports no pygame. The public API:

    load_pack(path, available=None) -> Pack            # raises PackError (every error)
    load_library(paths=None, extra=()) -> Library      # levels/ + user packs + extra files
    build_timeline(packs) -> tuple[Event, ...]          # 1953-1964, in date order
"""

import importlib

# Imported on first use (PEP 562), not with the package: `import game.content.model` from
# the title screen must not pull in the loader and YAML before the first frame.
_FROM = {
    "DateError": "dates", "PartialDate": "dates", "can_order_all": "dates",
    "BrokenPack": "library", "Library": "library", "load_library": "library",
    "CheckedPack": "loader", "check_pack": "loader", "load_pack": "loader",
    "CHOICE": "model", "WHOSE_VIEW": "model", "Citation": "model", "Event": "model",
    "Level": "model", "Mark": "model", "Pack": "model", "Perspective": "model",
    "Question": "model", "Round": "model", "Source": "model", "TimelineDraw": "model",
    "PackError": "problems", "Problem": "problems",
    "build_timeline": "timeline",
}


def __getattr__(name: str):
    if name not in _FROM:
        raise AttributeError(f"module 'game.content' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"game.content.{_FROM[name]}"), name)
    globals()[name] = value
    return value


__all__ = [
    "load_pack", "check_pack", "CheckedPack", "load_library", "Library", "BrokenPack",
    "build_timeline", "PackError", "Problem", "PartialDate", "DateError", "can_order_all",
    "Citation", "Event", "Level", "Mark", "Pack", "Perspective", "Question", "Round",
    "Source", "TimelineDraw", "WHOSE_VIEW", "CHOICE",
]
