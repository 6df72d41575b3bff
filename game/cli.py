"""The `thaw` command: play (the default), validate, extract, screenshots, results, ...

Each subcommand lives in game/commands/<name>.py with `add_arguments(parser)` and
`run(args) -> int`; they are imported only when used, so `thaw validate` never loads pygame.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Optional, Sequence

# name -> (module, one-line help); the module is game.commands.<module>
COMMANDS = {
    "play": ("play", "play the game (the default)"),
    "validate": ("validate", "check packs and print their errors with file:line:column"),
    "extract": ("extract", "draft a pack from documents: dated sentences, speakers, quotes"),
    "screenshots": ("screenshots", "render every screen to PNG files, headless"),
    "results": ("results", "summarise a classroom results file"),
    "pack": ("pack", "your packs: new, install, export, list"),
    "import": ("import_csv", "turn a spreadsheet (CSV) into a pack"),
    "reports": ("reports", "list the problems players reported on cards, with file:line"),
    "preview": ("preview", "open one pack alone in the window, reloading it when it is saved"),
}


def build_parser(only: Optional[str] = None) -> argparse.ArgumentParser:
    """The whole parser; with `only`, just that subcommand's module is imported (the others
    are listed with their help line): start-up pays for one command, not all of them."""
    parser = argparse.ArgumentParser(
        prog="thaw",
        description="Thaw: a history-review game about the Khrushchev era, 1953-1964.")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        if only is not None and name != only:
            continue
        module = _load(module_name)
        if module is not None:
            module.add_arguments(sub)
            sub.set_defaults(handler=module.run)
    return parser


def _load(module_name: str):
    try:
        return importlib.import_module(f"game.commands.{module_name}")
    except ModuleNotFoundError as error:
        if error.name == f"game.commands.{module_name}":
            return None  # not built yet
        raise


def main(argv: Optional[Sequence[str]] = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # `thaw`, `thaw --seed 3`, `thaw --pack x.yaml`: play is the default command.
    if not args_list or (args_list[0].startswith("-") and args_list[0] not in ("-h", "--help")):
        args_list.insert(0, "play")
    parser = build_parser(only=args_list[0] if args_list and args_list[0] in COMMANDS else "")
    args = parser.parse_args(args_list)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.error(f"'{args.command}' is not available in this build")
    try:
        return int(handler(args) or 0)
    except KeyboardInterrupt:
        return 130
