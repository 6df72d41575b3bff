"""Report a problem with this card: from any verdict, a short note about the event or
question just shown, saved to reports.json with the pack file and line of the item (so a
teacher can fix it; `thaw reports` lists them). A modal over the verdict."""

from __future__ import annotations

import pygame

from game.store.reports import MAX_NOTE, make_report
from game.ui.core import input as keys
from game.ui.core.bindings import Binding
from game.ui.core.registry import make_scene
from game.ui.core.scene import Scene
from game.ui.widgets.button import Button
from game.ui.widgets.dialog import dialog_rect, draw_dialog

LABEL = "Report a problem"


def report_button(ctx, item, where: str) -> Button:
    """The verdict's "Report a problem" button (key R) for `item` (an Event or Question)."""
    return Button(LABEL, lambda: ctx.push(make_scene("report", ctx, item=item, where=where)),
                  key="R")


class ReportScene(Scene):
    name = "report"
    opaque = False

    def __init__(self, ctx, item, where: str = "") -> None:
        super().__init__(ctx)
        self.item = item
        self.where = where
        self.note = ""
        self.sent = ""
        self.send = Button("Send", self.submit, primary=True, key="Enter")
        self.cancel = Button("Cancel", lambda: self.ctx.pop(), key="Esc")
        pygame.key.start_text_input()

    @property
    def item_title(self) -> str:
        return getattr(self.item, "title", "") or getattr(self.item, "prompt", "") or \
            getattr(self.item, "quote", "") or self.item.id

    def submit(self) -> None:
        report = make_report(self.item, self.ctx.library.packs, self.note, self.ctx.now(), self.where)
        ok = self.ctx.reports.add(report)
        self.ctx.notices.extend(str(n) for n in self.ctx.reports.take_notices())
        pygame.key.stop_text_input()
        self.ctx.pop("reported" if ok else None)

    BINDINGS = (Binding((keys.TEXT,), "type"),
                Binding((keys.ERASE,), "erase"),
                Binding((keys.CONFIRM,), "send", "Enter: send"),
                Binding((keys.BACK,), "cancel", "Esc: cancel"),
                Binding((keys.POINTER_UP, keys.DROP), "click"))

    def action_type(self, action) -> None:
        self.note = (self.note + action.text)[:MAX_NOTE]
        self.invalidate_layout()         # the note may wrap onto another line

    def action_erase(self, action) -> None:
        self.note = self.note[:-1]
        self.invalidate_layout()

    def action_send(self, action) -> None:
        if action.name != "space":          # Space types a space (TEXT); it never sends
            self.submit()

    def action_cancel(self, action) -> None:
        pygame.key.stop_text_input()
        self.ctx.pop()

    def action_click(self, action) -> None:
        for button in (self.send, self.cancel):
            if button.rect.collidepoint(action.pos):
                button.press()

    def layout(self, size) -> None:
        text = self.ctx.text
        panel = dialog_rect(self.ctx, size, "Report a problem with this card", self._lines(), 0.6)
        bh = text.line_height("button") + text.px(18)
        w = min(text.px(220), (panel.width - text.px(36)) // 2)
        y = min(panel.bottom + text.px(12), size[1] - bh - text.px(4))
        self.cancel.rect = pygame.Rect(panel.right - w, y, w, bh)
        self.send.rect = pygame.Rect(panel.right - 2 * w - text.px(12), y, w, bh)

    def _lines(self):
        return ((f"About: {self.item_title}", "body"),
                ("What is wrong? Type a short note (optional), then Enter.", "small"),
                ((self.note or " ") + "\u258f", ("serif", 22)))

    def draw(self, surface) -> None:
        draw_dialog(surface, self.ctx, "Report a problem with this card", self._lines(), 0.6)
        self.send.draw(surface, self.ctx, focused=True)
        self.cancel.draw(surface, self.ctx, focused=False)
