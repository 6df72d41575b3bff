"""Tools around the game: the benchmark, generated packs for tests of scale."""
