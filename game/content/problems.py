"""Problems found in a pack: errors (the pack is not loaded) and warnings (shown only)."""

from __future__ import annotations

from dataclasses import dataclass


class PackError(Exception):
    """A pack that could not be loaded; `problems` holds every error found in it."""

    def __init__(self, problems: list["Problem"]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class Problem:
    path: str
    line: int          # 1-based; 0 when the problem concerns the whole file
    column: int        # 1-based; 0 when unknown
    message: str
    severity: str = "error"  # or "warning"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.severity}: {self.message}"
