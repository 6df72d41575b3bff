"""Tools for developers, not needed to play: the screenshot tours, the bench and its generated packs."""
