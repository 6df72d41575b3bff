"""Seeded randomness that does not depend on the machine, the clock or the call order.

Game states are immutable (undo = keep the previous value), so they cannot carry a live
`random.Random`. Instead each decision gets its own generator, seeded from the session
seed and the name of the decision. String seeds are hashed with SHA-512 by `random`, so
the same seed gives the same game on every machine and Python version.
"""

from __future__ import annotations

import random


def rng_for(seed: int, *parts: object) -> random.Random:
    """A fresh generator for one decision, e.g. rng_for(seed, "deal", 3)."""
    return random.Random("/".join([str(seed), *map(str, parts)]))
