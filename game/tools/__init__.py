"""Tools that are not needed to play: benchmarks, screenshot tours, builds."""
