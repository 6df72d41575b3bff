"""Packs: every pack loaded, with its counts; every broken file with its first error.

Reload (button or R) re-reads the files changed since they were loaded, so a teacher can
fix a pack in an editor and see the result without restarting.
"""

from __future__ import annotations

import os

from pathlib import Path

import pygame

from game.safefile import safe_resolve
from game.ui.core import input as keys
from game.ui.core.bindings import ANY, Binding, footer
from game.ui.core.scene import Scene
from game.ui.widgets.button import Button
from game.ui.widgets.focus import FocusRing
from game.ui.widgets.frame import draw_footer, draw_header, frame
from game.ui.widgets.scroll import ScrollView
from game.ui.widgets.shapes import draw_panel

VALIDATE_HINT = "Run `thaw validate` for details."


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _shown_path(path) -> str:
    path = Path(path)
    try:
        return str(safe_resolve(path).relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class PacksScene(Scene):
    name = "packs"

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.reload_button = Button("Reload", self.reload, hint="re-read changed files")
        self.back = Button("Back", lambda: self.ctx.pop(), primary=True)
        self.focus = FocusRing([self.reload_button, self.back])
        self.scroll = ScrollView()
        self.status = ""
        self.entries: list[tuple] = []

    def reload(self) -> None:
        changed = self.ctx.reload_changed()
        broken = {_where(b.path) for b in self.ctx.library.broken}
        good = [Path(p).name for p in changed if _where(p) not in broken]
        bad = [Path(p).name for p in changed if _where(p) in broken]
        parts = []
        if good:
            parts.append("Loaded again: " + ", ".join(good) + ".")
        if bad:       # read again, still broken: say so, not "Reloaded" (review m19)
            parts.append("Read again, still not loaded: " + ", ".join(bad) + " (see below).")
        self.status = " ".join(parts) or "Nothing has changed since the packs were loaded."
        self.invalidate_layout()

    # --- what is shown -------------------------------------------------------------------
    def _entries(self) -> list[tuple]:
        """(heading, lines, broken?) for every pack and broken file."""
        library = self.ctx.library
        entries = []
        for pack in library.packs:
            counts = ", ".join([_plural(len(pack.events), "event"),
                                _plural(len(pack.questions), "question"),
                                _plural(len(pack.levels), "level"),
                                _plural(len(pack.sources), "source")])
            lines = [counts, _shown_path(pack.path)]
            if pack.requires:
                lines.append("Needs: " + ", ".join(pack.requires))
            if pack.description:
                lines.append(pack.description)
            entries.append((f"{pack.title}  ({pack.id})", lines, False))
        for broken in library.broken:
            first = str(broken.problems[0]) if broken.problems else "could not be loaded"
            more = len(broken.problems) - 1
            lines = [first]
            if more > 0:
                lines.append(f"\u2026and {_plural(more, 'more problem')}.")
            lines.append(VALIDATE_HINT)
            entries.append((f"Not loaded: {Path(broken.path).name}", lines, True))
        return entries

    def layout(self, size) -> None:
        text = self.ctx.text
        self.fr = frame(size, text)
        body = self.fr.body
        gap = text.px(12)
        button_w = min(text.px(220), max(80, body.width // 4))
        button_h = max(text.px(56), text.line_height("button") + text.line_height("small") + 8)
        self.reload_button.rect = pygame.Rect(body.right - button_w, body.y, button_w, button_h)
        self.back.rect = pygame.Rect(body.right - button_w, body.y + button_h + gap,
                                     button_w, button_h)
        list_rect = pygame.Rect(body.x, body.y, max(1, body.width - button_w - 3 * gap),
                                body.height)
        if self.status:
            list_rect.height -= text.line_height("small") + gap
        self.entries = self._entries()
        pad = text.px(14)
        inner = max(1, list_rect.width - 2 * pad)
        self.cards = []   # (rect in content coordinates, heading, lines, broken)
        y = 0
        for heading, lines, broken in self.entries:
            h = pad + text.block_size(heading, "subheading", inner)[1] + text.px(4)
            for index, line in enumerate(lines):
                style = "small" if index or broken else "body"
                h += text.block_size(line, style, inner)[1] + text.px(3)
            h += pad
            self.cards.append((pygame.Rect(0, y, list_rect.width, h), heading, lines, broken))
            y += h + gap
        if not self.entries:
            y = text.line_height("body") * 2
        self.scroll.set_geometry(list_rect, y, step=text.line_height("body") * 2)

    BINDINGS = (Binding(("r",), "reload", "R: reload changed files"),
                Binding((ANY,), "widgets", "Up/Down or wheel: scroll   Tab: buttons"),
                Binding((keys.BACK,), "back", "Esc: back"))

    def action_back(self, action) -> None:
        self.ctx.pop()

    def action_reload(self, action) -> None:
        self.reload()

    def action_widgets(self, action) -> None:
        if not self.scroll.handle(action, keyboard=action.kind not in (keys.LEFT, keys.RIGHT)):
            self.focus.handle(action)

    def draw(self, surface) -> None:
        ctx, text, palette = self.ctx, self.ctx.text, self.ctx.palette
        library = ctx.library
        right = f"{_plural(len(library.packs), 'pack')} loaded"
        if library.broken:
            right += f", {len(library.broken)} not loaded"
        draw_header(surface, ctx, self.fr, "Packs", right)
        view = self.scroll.rect
        pad = text.px(14)
        if not self.entries:
            msg = text.block("No packs found. Put pack files (*.yaml) in levels/ or your pack "
                             "folder, then press Reload.", "body", palette.ink, view.width)
            surface.blit(msg, view.topleft)
        for rect, heading, lines, broken in self.cards:
            card = rect.move(view.x, view.y - self.scroll.offset)
            if card.bottom < view.top or card.top > view.bottom:
                continue
            self._draw_card(surface, card, heading, lines, broken, view, pad)
        self.scroll.draw_bar(surface, palette)
        if self.status:
            status = text.block(self.status, "small", palette.ink, view.width)
            surface.blit(status, (view.x, view.bottom + text.px(8)))
        self.focus.draw(surface, ctx)
        self._draw_folder(surface)
        draw_footer(surface, ctx, self.fr, footer(self))

    def _draw_folder(self, surface) -> None:
        """Where a teacher's own packs go, under the buttons (review m19)."""
        from game.paths import user_packs_dir
        text, palette = self.ctx.text, self.ctx.palette
        x, y, w = self.back.rect.x, self.back.rect.bottom + text.px(16), self.back.rect.width
        lead = text.block("Your own packs go in:", "small", palette.muted, w)
        surface.blit(lead, (x, y))
        path = text.block(str(user_packs_dir()), "small", palette.ink, w)
        surface.blit(path, (x, y + lead.get_height()),
                     pygame.Rect(0, 0, path.get_width(), max(0, self.fr.body.bottom - y - lead.get_height())))

    def _draw_card(self, surface, card, heading, lines, broken, view, pad) -> None:
        text, palette = self.ctx.text, self.ctx.palette
        clip = surface.get_clip()
        surface.set_clip(view.inflate(text.px(8), 0).clip(clip))
        draw_panel(surface, card, palette, radius=text.px(8), shadow=False,
                   border=palette.bad if broken else palette.line,
                   fill=palette.panel if broken else palette.card)
        if broken:  # a red edge marks a file that did not load
            surface.fill(palette.bad, (card.x, card.y + 2, max(3, text.px(5)), card.height - 4))
        inner = max(1, card.width - 2 * pad)
        y = card.y + pad
        image = text.block(heading, "subheading", palette.bad if broken else palette.accent, inner)
        surface.blit(image, (card.x + pad, y))
        y += image.get_height() + text.px(4)
        for index, line in enumerate(lines):
            style = "small" if index or broken else "body"
            colour = palette.ink if (index == 0 or line == VALIDATE_HINT) else palette.muted
            image = text.block(line, style, colour, inner)
            surface.blit(image, (card.x + pad, y))
            y += image.get_height() + text.px(3)
        surface.set_clip(clip)


def _where(path) -> str:
    """A path to compare by: resolved when it can be (a symlink loop cannot)."""
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return os.path.abspath(str(path))
