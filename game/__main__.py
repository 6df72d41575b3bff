"""`python -m game` is the same as the `thaw` command."""

import sys

from game.cli import main

sys.exit(main())
