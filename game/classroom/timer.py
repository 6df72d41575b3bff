"""The per-turn countdown: a value advanced by the seconds the caller says have passed.

No clock is read here, so the scenes feed it frame times and the tests feed it numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Optional


@dataclass(frozen=True)
class TurnTimer:
    limit: Optional[float] = None     # seconds per turn; None = no timer
    elapsed: float = 0.0

    @property
    def on(self) -> bool:
        return self.limit is not None

    @property
    def remaining(self) -> Optional[float]:
        return None if self.limit is None else max(0.0, self.limit - self.elapsed)

    @property
    def expired(self) -> bool:
        return self.limit is not None and self.elapsed >= self.limit

    @property
    def shown(self) -> Optional[int]:
        """Whole seconds for the big countdown: 30 at the start, 1 in the last second."""
        remaining = self.remaining
        return None if remaining is None else int(math.ceil(remaining - 1e-9))

    def tick(self, dt: float) -> "TurnTimer":
        if dt <= 0:
            return self
        return replace(self, elapsed=self.elapsed + float(dt))

    def restarted(self) -> "TurnTimer":
        return replace(self, elapsed=0.0)
