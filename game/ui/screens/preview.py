"""`thaw preview PACK`: a teacher's pack alone, every level open, every item one key away.

Three lists (levels, events, questions) of the previewed pack; Enter or a click plays a
level, opens an event, or asks one question on its own. The pack file is watched: when
it is saved the pack is read again; if the new version has errors they are shown here,
with file:line:column, and the last good version stays playable.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import pygame

from game.content.model import Level, Round
from game.rules import game as rules
from game.rules.kinds import prompt_text
from game.ui.core import input as keys
from game.ui.core.bindings import Binding, dispatch, footer
from game.ui.core.registry import make_scene
from game.ui.core.scene import Scene
from game.ui.play import flow
from game.ui.widgets.frame import draw_footer, draw_header, frame
from game.ui.widgets.shapes import draw_panel

TABS = ("Levels", "Events", "Questions")
CHECK_EVERY = 0.5            # seconds between looks at the file: cheap, and feels instant
ROW_STYLE = ("sans", 22)


class PreviewScene(Scene):
    name = "preview"

    def __init__(self, ctx, *, path: str = "", **_options) -> None:
        super().__init__(ctx)
        self.path = Path(path).resolve() if path else None
        self.tab = 0
        self.index = 0
        self.top = 0
        self.since_check = 0.0
        self.reloaded = ""
        self.rows: list[tuple[pygame.Rect, int]] = []
        self.tab_rects: list[pygame.Rect] = []
        self.visible = 1

    # -- what is previewed ------------------------------------------------------------------
    @property
    def pack(self):
        for pack in self.ctx.library.packs:
            if self.path is None or Path(pack.path).resolve() == self.path:
                return pack
        return None

    @property
    def problems(self) -> list[str]:
        for broken in self.ctx.library.broken:
            if self.path is None or Path(broken.path).resolve() == self.path:
                return [str(p) for p in broken.problems]
        return []

    def items(self, tab: Optional[int] = None) -> list[tuple[str, object]]:
        """(label, item) for a tab (default: the current one)."""
        pack = self.pack
        tab = self.tab if tab is None else tab
        if pack is None:
            return []
        if tab == 0:
            return [(f"{level.title}  ({len(level.rounds)} rounds)", level) for level in pack.levels]
        if tab == 1:
            return [(f"{event.date}  {event.title}", event) for event in pack.events]
        return [(f"{q.id}: {q.quote or prompt_text(q)}", q) for q in pack.questions]

    # -- life ---------------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        self.since_check += dt
        if self.since_check < CHECK_EVERY:
            return
        self.since_check = 0.0
        changed = self.ctx.reload_changed()
        if changed:
            self.reloaded = "Saved changes read again." if not self.problems else \
                "The saved file has errors: still showing the last good version."
            self.index = min(self.index, max(0, len(self.items()) - 1))
            self.invalidate_layout()

    # -- moves -----------------------------------------------------------------------------------
    def open(self, item) -> None:
        pack = self.pack
        if pack is None:
            return
        if self.tab == 0:
            flow.start(self.ctx, rules.MODE_CAMPAIGN, (pack.id,), level=item, pack_id=pack.id)
        elif self.tab == 1:
            self.ctx.push(make_scene("explore-event", self.ctx, event=item))
        else:
            one = Level(id=f"preview-{item.id}", title=f"Question {item.id}",
                        rounds=(Round("questions", question_ids=(item.id,)),))
            flow.start(self.ctx, rules.MODE_CAMPAIGN, (pack.id,), level=one, pack_id=pack.id)

    BINDINGS = (
        Binding((keys.LEFT, keys.RIGHT, keys.NEXT, keys.PREV), "tab", "Left/Right or 1-3: list"),
        Binding((keys.PICK,), "pick_tab"),
        Binding((keys.UP, keys.DOWN, keys.PAGE_UP, keys.PAGE_DOWN, keys.WHEEL), "move",
                "Up/Down: choose"),
        Binding((keys.CONFIRM,), "open", "Enter or click: play / open"),
        Binding((keys.POINTER_UP, keys.DROP), "click"),
        Binding((keys.BACK,), "quit", "Esc: quit the preview"),
    )

    def handle(self, action) -> None:
        if dispatch(self, action):
            self.invalidate_layout()        # the rows follow the focus and the tab

    def action_quit(self, action) -> None:
        self.ctx.quit()

    def action_tab(self, action) -> None:
        step = -1 if action.kind in (keys.LEFT, keys.PREV) else 1
        self.tab = (self.tab + step) % len(TABS)
        self.index = self.top = 0

    def action_pick_tab(self, action):
        if action.n > len(TABS):
            return False
        self.tab, self.index, self.top = action.n - 1, 0, 0
        return None

    def action_move(self, action) -> None:
        count = len(self.items())
        if not count:
            return
        if action.kind in (keys.UP, keys.DOWN):
            self.index = (self.index + (-1 if action.kind == keys.UP else 1)) % count
            return
        page = max(1, self.visible - 1)
        step = {keys.PAGE_UP: -page, keys.PAGE_DOWN: page}.get(action.kind, -3 * action.dy)
        self.index = max(0, min(count - 1, self.index + step))

    def action_open(self, action) -> None:
        items = self.items()
        if items:
            self.open(items[self.index][1])

    def action_click(self, action) -> None:
        self._click(action.pos, self.items())

    def _click(self, pos, items) -> None:
        for i, rect in enumerate(self.tab_rects):
            if rect.collidepoint(pos):
                self.tab, self.index, self.top = i, 0, 0
                return
        for rect, index in self.rows:
            if rect.collidepoint(pos) and index < len(items):
                self.index = index
                self.open(items[index][1])
                return

    # -- drawing -----------------------------------------------------------------------------------
    def layout(self, size) -> None:
        """Every rectangle: the error panel, the tabs, the list and its visible rows."""
        text = self.ctx.text
        self.fr = fr = frame(size, text)
        body = fr.body
        y = body.y
        self.message = self._message()
        self.panel = None
        if self.message[1]:
            height = text.block_size("\n".join(self.message[0]), "small", body.width - text.px(20))[1]
            self.panel = pygame.Rect(body.x, y, body.width, min(height + text.px(16), body.height // 2))
            y = self.panel.bottom + fr.gap
        elif self.message[0]:
            y += text.line_height("small") + fr.gap // 2
        self.tab_rects = []
        tx = body.x
        for i, name in enumerate(TABS):
            label_w = text.width(self._tab_label(i), "button")
            rect = pygame.Rect(tx, y, label_w + text.px(28), text.line_height("button") + text.px(14))
            self.tab_rects.append(rect)
            tx = rect.right + text.px(10)
        y = self.tab_rects[0].bottom + fr.gap
        self.list_rect = pygame.Rect(body.x, y, body.width, max(1, body.bottom - y))
        self.row_h = text.line_height(ROW_STYLE) + text.px(10)
        self.visible = max(1, self.list_rect.height // self.row_h)
        self._scroll_to_index()

    def _tab_label(self, tab: int) -> str:
        return f"{tab + 1}  {TABS[tab]} ({len(self.items(tab))})"

    def _message(self) -> tuple[list[str], bool]:
        """(lines, is_error) shown above the lists."""
        problems = self.problems
        if problems or self.pack is None:
            note = ("This file has errors (the last good version is still shown below): fix them "
                    "and save, and the preview reads it again."
                    if problems else "No pack found in this file.")
            more = [f"… and {len(problems) - 8} more"] if len(problems) > 8 else []
            return [note] + problems[:8] + more, True
        return ([self.reloaded] if self.reloaded else []), False

    def _scroll_to_index(self) -> None:
        if self.index < self.top:
            self.top = self.index
        elif self.index >= self.top + self.visible:
            self.top = self.index - self.visible + 1
        count = len(self.items())
        self.rows = [(pygame.Rect(self.list_rect.x, self.list_rect.y + row * self.row_h,
                                  self.list_rect.width, self.row_h - self.ctx.text.px(4)), index)
                     for row, index in enumerate(range(self.top, min(count, self.top + self.visible)))]

    def draw(self, surface) -> None:
        ctx, text, palette = self.ctx, self.ctx.text, self.ctx.palette
        pack = self.pack
        title = f"Preview: {pack.title}" if pack else "Preview"
        shown = self.path.name if self.path else ""
        draw_header(surface, ctx, self.fr, title, f"{shown} · watching for saves")
        body = self.fr.body
        lines, is_error = self.message
        if self.panel is not None:
            block = text.block("\n".join(lines), "small", palette.bad, body.width - text.px(20))
            draw_panel(surface, self.panel, palette, text.px(8))
            surface.blit(block, (self.panel.x + text.px(10), self.panel.y + text.px(8)),
                         pygame.Rect(0, 0, self.panel.width - text.px(20), self.panel.height - text.px(16)))
        elif lines:
            image = text.render(text.fit(lines[0], "small", body.width), "small", palette.good)
            surface.blit(image, (body.x, body.y))
        for i, rect in enumerate(self.tab_rects):
            chosen = i == self.tab
            draw_panel(surface, rect, palette, text.px(8), fill=palette.accent if chosen else palette.card,
                       shadow=False)
            label = text.render(self._tab_label(i), "button", palette.accent_ink if chosen else palette.ink)
            surface.blit(label, (rect.x + text.px(14), rect.centery - label.get_height() // 2))
        self._draw_list(surface)
        draw_footer(surface, ctx, self.fr, footer(self))

    def _draw_list(self, surface) -> None:
        text, palette = self.ctx.text, self.ctx.palette
        items = self.items()
        if not items:
            empty = text.render("Nothing of this kind in the pack yet.", "body", palette.muted)
            surface.blit(empty, self.list_rect.topleft)
            return
        for rect, index in self.rows:
            if index == self.index:
                draw_panel(surface, rect, palette, text.px(6), fill=palette.highlight, shadow=False)
            label = text.render(text.fit(items[index][0], ROW_STYLE, rect.width - text.px(20)), ROW_STYLE,
                                palette.ink)
            surface.blit(label, (rect.x + text.px(10), rect.centery - label.get_height() // 2))
        if len(items) > self.visible:
            more = f"{self.top + 1}–{min(len(items), self.top + self.visible)} of {len(items)}"
            image = text.render(more, "small", palette.muted)
            surface.blit(image, (self.list_rect.right - image.get_width(),
                                 self.list_rect.bottom - image.get_height()))
