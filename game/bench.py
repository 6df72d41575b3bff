"""`python -m game.bench` is `python -m game.tools.bench` (kept: the README and notes use it)."""

import sys

from game.tools.bench import main

if __name__ == "__main__":
    sys.exit(main())
