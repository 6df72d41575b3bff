"""Source documents: where a pack's `file:` points, reading it once, and finding excerpts."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

import game
from game.content.loader.schema import Reporter, suggest
from game.content.model import Source
from game.content.text import FoldedText
from game.content.yamlsafe import Position
from game.safefile import FileRefused, read_regular

MAX_SOURCE_BYTES = 10 * 1024 * 1024


@dataclass
class Document:
    """A source document read once per load, folded and indexed once (kept on its Source)."""
    text: str
    folded: FoldedText


#: Shared by the packs of one library: a path's Document, or why it could not be read.
DocumentCache = dict[Path, Union[Document, str]]


class Documents:
    """Resolves and reads the documents of one pack, through a cache shared across packs."""

    def __init__(self, report: Reporter, folder: Path, cache: DocumentCache):
        self.report = report
        self.folder = folder
        self.cache = cache

    def source_path(self, name: str, at: Position, what: str) -> Optional[Path]:
        """The document `name` relative to the pack's folder, if it stays inside the pack's
        folder or the project's seeds/ folder."""
        given = Path(name)
        if given.is_absolute() or given.drive:
            self.report.error(at, f"{what}: file '{name}' must be a path relative to the pack file, "
                                  "like '../seeds/001_a8f04e5286436081.txt' or 'my-document.txt'")
            return None
        try:
            path = (self.folder / given).resolve()
        except (OSError, RuntimeError):
            self.report.error(at, f"{what}: file '{name}' cannot be resolved")
            return None
        roots = (self.folder, game.SEEDS_DIR.resolve())
        if not any(path.is_relative_to(root) for root in roots):
            self.report.error(at, f"{what}: file '{name}' is outside the pack's folder and the project's "
                                  "seeds/ folder; put the document next to the pack (or in a folder below it)")
            return None
        return path

    def seed_path(self, name: str, at: Position, what: str) -> Optional[Path]:
        """The bundled document `name` in the game's seeds/ folder, wherever the game is
        installed (game.SEEDS_DIR), so a pack anywhere can cite it."""
        if not name or Path(name).name != name or name in (".", ".."):
            self.report.error(at, f"{what}: seed '{name}' must be the name of a file in the game's "
                                  "seeds/ folder, like '001_a8f04e5286436081.txt' (no folders); "
                                  "for a document of your own write 'file:' instead")
            return None
        return Path(game.SEEDS_DIR) / name

    def read(self, path: Path, name: str, at: Position, what: str,
             key: str = "file") -> Optional[Document]:
        """The document at `path`, or None after saying why it cannot be used."""
        cached = self.cache.get(path)
        if isinstance(cached, Document):
            return cached
        if cached is not None:  # an earlier pack found this file unreadable: say why again
            self.report.error(at, f"{what}: {key} '{name}' {cached}")
            return None
        reason = None
        if not os.path.lexists(path):
            nearby = [p.name for p in path.parent.glob("*")] if path.parent.is_dir() else []
            reason = f"does not exist (looked for {path}){suggest(path.name, nearby)}"
        else:
            try:  # only a regular file, size checked first: a FIFO never blocks the load
                data = read_regular(path, MAX_SOURCE_BYTES)
                text = data.decode("utf-8-sig").replace("\r\n", "\n")
                document = Document(text, FoldedText(text))
                self.cache[path] = document
                return document
            except UnicodeDecodeError:
                reason = "is not UTF-8 text; save it as UTF-8 in your editor"
            except FileRefused as refused:
                reason = refused.reason
            except OSError as error:
                reason = f"cannot be read: {error.strerror or error}"
        self.cache[path] = reason
        self.report.error(at, f"{what}: {key} '{name}' {reason}")
        return None

    def occurs(self, source: Source, excerpt: str) -> bool:
        """Whether `excerpt` occurs in the source's document (folded: case, quotes, spaces)."""
        document = self.cache.get(source.path)
        folded = document.folded if isinstance(document, Document) else source.index()
        return excerpt in folded
