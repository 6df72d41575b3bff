"""A source passage with the cited words highlighted, in a scrollable view.

Used by Explore (an event's source) and by Whose view? (the verdict's source panel).
"""

from __future__ import annotations

import pygame

from game.ui.widgets.scroll import ScrollView


# Characters of the document shown either side of the cited words. More would let the
# reader scroll further around the quote, but every passage on screen is a cached surface:
# 1,000 costs 15 MiB more at the screenshot tour's peak (python -m game.bench --only rss_mb).
CONTEXT = 700


def passage_runs(citation, palette, context: int = CONTEXT) -> tuple:
    """Runs for TextHelper.rich: the text before, the excerpt (highlighted), the text after."""
    if citation is None:
        return (("(This item cites no source.)", "serif", palette.muted, None),)
    found = citation.passage(context)
    if found is None:
        return ((f"\u201c{citation.excerpt}\u201d", "serif-b", palette.ink, palette.highlight),)
    return ((found.before, "serif", palette.muted, None),
            (found.excerpt, "serif-b", palette.ink, palette.highlight),
            (found.after, "serif", palette.muted, None))


def heading_for(citation) -> tuple[str, str]:
    """(title, kind and line) for the top of the panel."""
    if citation is None:
        return "No source", ""
    source = citation.source
    found = citation.passage(0)
    where = f", line {found.line}" if found else ""
    kind = f"{source.kind}{where}" if source.kind else where.lstrip(", ")
    return source.title, kind


class SourceView:
    """The passage of one citation, laid out for a rectangle; scrolls with wheel and keys."""

    def __init__(self, citation) -> None:
        self.citation = citation
        self.scroll = ScrollView()
        self.rect = pygame.Rect(0, 0, 0, 0)
        self._placed_for = None
        # Finding the passage folds the whole document: do it once, not every frame.
        self._heading = None
        self._runs: dict = {}        # palette -> runs

    def heading(self) -> tuple[str, str]:
        if self._heading is None:
            self._heading = heading_for(self.citation)
        return self._heading

    def runs(self, palette) -> tuple:
        if palette not in self._runs:
            self._runs[palette] = passage_runs(self.citation, palette)
        return self._runs[palette]

    def layout(self, rect, ctx) -> None:
        text = ctx.text
        self.rect = pygame.Rect(rect)
        title, kind = self.heading()
        width = max(1, self.rect.width - text.px(10))
        self.title_h = text.block_size(title, "subheading", width)[1]
        self.kind_h = text.block_size(kind, "small", width)[1] if kind else 0
        top = self.title_h + self.kind_h + text.px(10)
        content = text.rich(self.runs(ctx.palette), width, "serif")
        view = pygame.Rect(self.rect.x, self.rect.y + top, width,
                           max(1, self.rect.height - top))
        self.scroll.set_geometry(view, content.get_height(), step=text.line_height("serif") * 2,
                                 line=max(text.line_height("serif"), text.line_height("serif-b")))
        # Start with the highlighted words in view.
        found = self.citation.passage(CONTEXT) if self.citation else None
        if found is not None and self._placed_for != width:
            self._placed_for = width
            # Measured, not rendered: at 4K a rendered half passage is megabytes of pixels.
            before_h = text.rich_size(((found.before, "serif", (0, 0, 0), None),), width,
                                      "serif")[1]
            self.scroll.scroll(max(0, before_h - text.line_height("serif") * 2))

    def handle(self, action, keyboard: bool = True) -> bool:
        return self.scroll.handle(action, keyboard)

    @property
    def covered(self) -> pygame.Rect:
        """What draw(background=...) paints opaque: the panel need not be filled there."""
        return self.scroll.covered

    def draw(self, surface, ctx, background=None) -> None:
        """`background`: the colour the panel is filled with, when it is one flat colour."""
        text, palette = ctx.text, ctx.palette
        title, kind = self.heading()
        width = max(1, self.rect.width - text.px(10))
        y = self.rect.y
        surface.blit(text.block(title, "subheading", palette.ink, width), (self.rect.x, y))
        y += self.title_h
        if kind:
            surface.blit(text.block(kind, "small", palette.muted, width), (self.rect.x, y))
        content = text.rich(self.runs(palette), width, "serif")
        self.scroll.draw(surface, content, palette, background)
