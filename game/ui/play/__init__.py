"""The solo game: the match service, the router, and the board, sort, ask and results screens."""
