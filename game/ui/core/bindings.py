"""A scene's keys as data: one table says which input does what, and the same table
draws the footer and the help (as Textual's BINDINGS do).

    BINDINGS = (
        Binding(("p",), "pause", "P: pause", help="P  pause / resume the game"),
        Binding((keys.PLUS, keys.MINUS), "points", "+/-: points", when="playing"),
    )

A trigger is an action kind (keys.CONFIRM, keys.PICK, keys.DROP...), a letter ("p"), or
ANY: the fallback, tried after every other binding (usually "let the widgets have it").
`dispatch(scene, action)` calls `scene.action_<name>(action)` for the first binding whose
trigger matches and whose `when` (the name of a scene property or method, true or false)
holds. The footer shows the `label`s of the bindings that hold now, in the table's order
(a binding marked `lead` first); the help shows every `help` line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from game.ui.core import input as keys
from game.ui.core.input import Action


@dataclass(frozen=True)
class Binding:
    triggers: tuple[str, ...]
    action: str                  # the scene's method action_<action>(action) is called
    label: str = ""              # in the footer ("" = not shown there)
    help: str = ""               # a line of the help overlay ("" = not shown there)
    when: Optional[str] = None   # a scene property/method name that must be true
    lead: bool = False           # shown first in the footer (the key that explains the rest)


ANY = "*"                    # a trigger that matches every action


def triggers_of(action: Action) -> tuple[str, ...]:
    """What an action can be bound by: its kind (and for a letter key the letter), or ANY."""
    return (action.kind, action.name, ANY) if action.kind == keys.KEY else (action.kind, ANY)


def holds(scene, binding: Binding) -> bool:
    if binding.when is None:
        return True
    value = getattr(scene, binding.when)
    return bool(value() if callable(value) else value)


def active(scene, bindings: Iterable[Binding]) -> list[Binding]:
    return [b for b in bindings if holds(scene, b)]


def dispatch(scene, action: Action, bindings: Optional[Iterable[Binding]] = None) -> bool:
    """Run the first binding of `scene` that matches `action`; True when one did. A method
    that returns False did not use the action (a click beside its target): the search
    goes on to the next binding."""
    names = triggers_of(action)
    table = scene.BINDINGS if bindings is None else bindings
    # A binding on ANY (the scene's widgets: focus ring, scrolling) is the fallback.
    table = sorted(table, key=lambda b: ANY in b.triggers)
    for binding in table:
        if any(t in names for t in binding.triggers) and holds(scene, binding):
            if getattr(scene, f"action_{binding.action}")(action) is not False:
                return True
    return False


def footer(scene, separator: str = "   ", bindings: Optional[Iterable[Binding]] = None) -> str:
    """The footer line: the labels of the bindings that hold now."""
    shown = [b for b in active(scene, scene.BINDINGS if bindings is None else bindings)
             if b.label]
    shown.sort(key=lambda b: not b.lead)
    return separator.join(dict.fromkeys(b.label for b in shown))


def help_lines(bindings: Iterable[Binding]) -> list[str]:
    """Every help line of the table, in its order."""
    return list(dict.fromkeys(b.help for b in bindings if b.help))
