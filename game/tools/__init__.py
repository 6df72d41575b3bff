"""Tools for developers, not needed to play: the screenshot tours (and, soon, the bench)."""
