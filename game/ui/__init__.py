"""The game on screen: the only package that imports pygame.

app.py owns the window and the loop; scene.py the scene stack; input.py turns raw pygame
events into actions; text.py is the one cached text helper; theme.py the palette and
spacing; widgets.py buttons, panels and scrollable text; registry.py names the scenes
(another package adds one there, e.g. the classroom).
"""

import os

# pygame greets on import; a game's terminal is not the place for it.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
