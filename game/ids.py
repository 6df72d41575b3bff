"""The one id pattern: packs, sources, perspectives, events, questions and levels.

Lowercase letters and digits in dash-separated words ('secret-speech'). Kept in a leaf
module of its own because both the loader (game.content) and the settings store
(game.store, which never imports content) check ids with it.
"""

from __future__ import annotations

import re

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-+[a-z0-9]+)*$")
ID_HINT = "lowercase letters, digits and dashes, like 'secret-speech'"
