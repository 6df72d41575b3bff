"""The ONE place where raw pygame events become actions.

Scenes only ever see `Action`s, so the keyboard, the mouse and the tests drive the same
code. Tab/Shift-Tab move the focus (NEXT/PREV); arrows move within a widget; Enter or
Space confirm; Esc goes back; 1-9 pick a choice; +/- are PLUS/MINUS (each scene's
bindings say what they mean: zoom in Explore, a point in the classroom); F11 toggles
fullscreen.

The pointer: a press is POINTER_DOWN. Once the pointer has moved more than DRAG_THRESHOLD
pixels from the press with the button held, the moves become one DRAG_START then DRAGs
(Action.start is where the press was), and the release is a DROP; a release without a
drag is POINTER_UP (a click). One threshold, recognised here for every scene.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import pygame

CONFIRM = "confirm"
BACK = "back"
NEXT = "next"              # Tab: focus the next widget
PREV = "prev"              # Shift-Tab
UP, DOWN, LEFT, RIGHT = "up", "down", "left", "right"
PAGE_UP, PAGE_DOWN, HOME, END = "page-up", "page-down", "home", "end"
PICK = "pick"              # keys 1-9: Action.n
PLUS, MINUS = "plus", "minus"  # + / - keys: the scene's bindings give them a meaning
ERASE = "erase"            # Backspace, for scenes that take typing
KEY = "key"                # any other letter key: Action.name ('r', 's', ...)
TEXT = "text"              # typed text: Action.text
POINTER_DOWN, POINTER_MOVE, POINTER_UP = "pointer-down", "pointer-move", "pointer-up"
DRAG_START, DRAG, DROP = "drag-start", "drag", "drop"   # Action.start: where the press was
DRAG_THRESHOLD = 6         # pixels (|dx| + |dy|) the pointer moves before a press is a drag
WHEEL = "wheel"            # Action.dy (+1 = away from the user = up), Action.pos
RESIZE = "resize"          # Action.size
TOGGLE_FULLSCREEN = "toggle-fullscreen"
QUIT = "quit"


@dataclass(frozen=True)
class Action:
    kind: str
    n: int = 0                       # PICK: 1-9
    pos: tuple = (0, 0)              # pointer position
    dy: int = 0                      # WHEEL
    dx: int = 0
    start: tuple = (0, 0)            # DRAG_START, DRAG, DROP: where the press was
    size: tuple = (0, 0)             # RESIZE
    text: str = ""                   # TEXT
    name: str = ""                   # KEY
    shift: bool = False

    def __str__(self) -> str:
        return self.kind if self.kind != PICK else f"{PICK}({self.n})"


_KEYS = {
    pygame.K_RETURN: CONFIRM, pygame.K_KP_ENTER: CONFIRM, pygame.K_SPACE: CONFIRM,
    pygame.K_ESCAPE: BACK,
    pygame.K_UP: UP, pygame.K_DOWN: DOWN, pygame.K_LEFT: LEFT, pygame.K_RIGHT: RIGHT,
    pygame.K_PAGEUP: PAGE_UP, pygame.K_PAGEDOWN: PAGE_DOWN,
    pygame.K_HOME: HOME, pygame.K_END: END,
    pygame.K_PLUS: PLUS, pygame.K_EQUALS: PLUS, pygame.K_KP_PLUS: PLUS,
    pygame.K_MINUS: MINUS, pygame.K_KP_MINUS: MINUS,
    pygame.K_BACKSPACE: ERASE,
    pygame.K_F11: TOGGLE_FULLSCREEN,
}
_DIGITS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)}
_DIGITS.update({getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)})


class InputMapper:
    """Keeps the little input state there is: where the pointer is, and the press (and
    whether it has become a drag) while the button is down."""

    def __init__(self) -> None:
        self.pointer = (0, 0)
        self.press: Optional[tuple] = None     # where the button went down; None = up
        self.dragging = False

    def map(self, event: pygame.event.Event) -> Optional[Action]:
        kind = event.type
        if kind == pygame.QUIT:
            return Action(QUIT)
        if kind == pygame.KEYDOWN:
            return self._key(event)
        if kind == pygame.TEXTINPUT:
            return Action(TEXT, text=event.text)
        if kind == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) == 1:
            self.pointer = self.press = tuple(event.pos)
            self.dragging = False
            return Action(POINTER_DOWN, pos=self.pointer)
        if kind == pygame.MOUSEBUTTONUP and getattr(event, "button", 1) == 1:
            self.pointer = tuple(event.pos)
            press, dragged = self.press, self.dragging
            self.press, self.dragging = None, False
            if dragged:
                return Action(DROP, pos=self.pointer, start=press)
            return Action(POINTER_UP, pos=self.pointer)
        if kind == pygame.MOUSEMOTION:
            self.pointer = tuple(event.pos)
            return self._motion(event)
        if kind == pygame.MOUSEWHEEL:
            return Action(WHEEL, dy=int(event.y), dx=int(getattr(event, "x", 0)),
                          pos=self.pointer)
        if kind == pygame.VIDEORESIZE:
            return Action(RESIZE, size=(int(event.w), int(event.h)))
        if kind == pygame.WINDOWSIZECHANGED:
            return Action(RESIZE, size=(int(event.x), int(event.y)))
        return None

    def _motion(self, event) -> Action:
        buttons = getattr(event, "buttons", (0, 0, 0))
        if self.press is None and buttons and buttons[0]:
            self.press = self.pointer           # the press happened outside the window
        if self.press is None:
            return Action(POINTER_MOVE, pos=self.pointer)
        if self.dragging:
            return Action(DRAG, pos=self.pointer, start=self.press)
        dx, dy = self.pointer[0] - self.press[0], self.pointer[1] - self.press[1]
        if abs(dx) + abs(dy) > DRAG_THRESHOLD:
            self.dragging = True
            return Action(DRAG_START, pos=self.pointer, start=self.press)
        return Action(POINTER_MOVE, pos=self.pointer)

    def _key(self, event) -> Optional[Action]:
        key, mods = event.key, getattr(event, "mod", 0)
        shift = bool(mods & pygame.KMOD_SHIFT)
        if key == pygame.K_TAB:
            return Action(PREV if shift else NEXT)
        if key == pygame.K_RETURN and mods & pygame.KMOD_ALT:
            return Action(TOGGLE_FULLSCREEN)
        if key in _DIGITS:
            return Action(PICK, n=_DIGITS[key])
        if key in _KEYS:
            return Action(_KEYS[key], shift=shift)
        if pygame.K_a <= key <= pygame.K_z:
            return Action(KEY, name=chr(key), shift=shift)
        return None


# --- for tests and the screenshot command: the events a person would cause -----------
def key_event(key: int, mod: int = 0) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)


def click_events(pos: tuple) -> list[pygame.event.Event]:
    return [
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
    ]


def drag_events(start: tuple, end: tuple, steps: int = 6, release: bool = True):
    events = [pygame.event.Event(pygame.MOUSEMOTION, pos=start, rel=(0, 0), buttons=(0, 0, 0)),
              pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=start, button=1)]
    for i in range(1, steps + 1):
        pos = (start[0] + (end[0] - start[0]) * i // steps,
               start[1] + (end[1] - start[1]) * i // steps)
        events.append(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                         buttons=(1, 0, 0)))
    if release:
        events.append(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=end, button=1))
    return events

