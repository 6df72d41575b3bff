"""Every scene the game can open, by name.

SCENES maps a name to "module:callable"; the callable takes (ctx, **options) and returns a
Scene. A scene opens another by name (`make_scene("results", ctx, match=m)`), never by
importing it: modules are imported only when a scene is opened, so the wings of game/ui
import downwards only and adding a screen is one line here.
"""

from __future__ import annotations

import importlib
from typing import Any

SCENES = {
    # menus and the reading room (game/ui/screens)
    "title": "game.ui.screens.title:TitleScene",
    "settings": "game.ui.screens.settings:SettingsScene",
    "packs": "game.ui.screens.packs:PacksScene",
    "explore": "game.ui.screens.explore:ExploreScene",
    "explore-event": "game.ui.screens.explore:EventPanel",
    "choose": "game.ui.screens.choose:ChooseScene",
    "campaign": "game.ui.screens.choose:CampaignScene",
    "notice": "game.ui.screens.notice:NoticeScene",
    "progress": "game.ui.screens.progress:ProgressScene",
    # small modal scenes over another (game/ui/widgets/dialog.py)
    "confirm": "game.ui.widgets.dialog:ConfirmScene",
    "overlay": "game.ui.widgets.dialog:OverlayScene",
    "preview": "game.ui.screens.preview:PreviewScene",
    # the solo game (game/ui/play)
    "board": "game.ui.play.board:BoardScene",
    "sort": "game.ui.play.sort:SortScene",
    "ask": "game.ui.play.ask:AskScene",
    "spectrum": "game.ui.play.spectrum:SpectrumScene",
    "results": "game.ui.play.results:ResultsScene",
    "finished-line": "game.ui.play.finished_line:FinishedLineScene",
    "report": "game.ui.play.report:ReportScene",
    "level-intro": "game.ui.play.level_intro:LevelIntroScene",
    # the projector screens (game/ui/classroom)
    "classroom": "game.ui.classroom.setup:ClassroomSetupScene",
    "classroom-play": "game.ui.classroom.turn:ClassroomPlayScene",
    "classroom-board": "game.ui.classroom.scoreboard:ClassroomBoardScene",
    "classroom-review": "game.ui.classroom.review:ClassroomReviewScene",
    "classroom-phones": "game.ui.classroom.phones_lobby:PhonesLobbyScene",
    "classroom-phones-play": "game.ui.classroom.phones_play:PhonesPlayScene",
    "network-check": "game.ui.classroom.network_check:NetworkCheckScene",
}


def scene_class(name: str):
    """The class (or factory) registered as `name`; KeyError for a name not registered."""
    target = SCENES.get(name)
    if target is None:
        raise KeyError(f"no scene called {name!r}; known: {', '.join(sorted(SCENES))}")
    module_name, attribute = target.split(":")
    return getattr(importlib.import_module(module_name), attribute)


def make_scene(name: str, ctx, **options: Any):
    """A new scene called `name`, given `options` as keyword arguments."""
    return scene_class(name)(ctx, **options)
