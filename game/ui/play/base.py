"""What every solo play screen shares (ask, board, sort, spectrum).

A screen is judged once its verdict is in; Esc asks before leaving (and a game left is kept
for Continue, see game.ui.play.leave); after an answer a Report button may be pressed with
R or a click; the aids (hint, timer) take H and their own clicks.
"""

from __future__ import annotations

from game.ui.core import input as keys
from game.ui.core.bindings import Binding
from game.ui.core.scene import Scene
from game.ui.play import leave

REPORTED = "Reported \u2014 thank you"

# The rows every play screen puts in its BINDINGS table.
REPORT_BINDINGS = (
    Binding(("r",), "report", "R: report a problem", when="can_report"),
    Binding((keys.POINTER_UP,), "report_click", when="can_report"),
)
LEAVE_BINDING = Binding((keys.BACK,), "leave", "Esc: leave")


class PlayScene(Scene):
    report = None       # the Report button, once there is something to report
    aids = None         # game.ui.play.aids.Aids where the screen offers hints

    def __init__(self, ctx, match) -> None:
        super().__init__(ctx)
        self.match = match
        self.prompt = match.prompt          # as dealt (a hint changes match.prompt)
        self.verdict = None                 # the rules' verdict once the move is judged
        # (this prompt, of how many): the header's "question 2 of 8"
        self.position = (self.prompt.step + 1, match.game.dealt + len(match.game.plan))

    @property
    def judged(self) -> bool:
        return self.verdict is not None

    @property
    def can_report(self) -> bool:
        return self.judged and self.report is not None and self.report.enabled

    def resume(self, result=None) -> None:
        leave.answered(self, result)    # the answer to "Leave this game?"
        if result == "reported" and self.report is not None:
            self.report.label, self.report.enabled = REPORTED, False

    def action_leave(self, action) -> None:
        leave.ask(self)

    def action_hint(self, action) -> None:
        self.aids.use()

    def action_aids(self, action) -> bool:
        return self.aids.handle(action)

    def action_report(self, action) -> None:
        self.report.press()

    def action_report_click(self, action):
        if self.report.rect.collidepoint(action.pos):
            self.report.press()
            return None
        return False                    # not on the button: the next row may take it
