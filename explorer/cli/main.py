"""Entry point of `stomp-explorer` and `python -m explorer`.

Each subcommand lives in its own module under `explorer.cli` and exposes
`register(subparsers)`, which adds its parser and sets `handler` to a function
`handler(args) -> int`. Heavy imports (Qt, asyncio clients) happen inside the
handlers so that `--help` and the command line stay fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from explorer import __version__
from explorer.cli.errors import CliError, ExitCode

# Modules under explorer.cli that each provide one or more subcommands.
SUBCOMMAND_MODULES: tuple[str, ...] = ("profiles", "send", "tail", "destinations", "sandbox")

PROG = "stomp-explorer"


class _Parser(argparse.ArgumentParser):
    """argparse that exits with our usage code (2) and a hint, never a traceback."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(ExitCode.USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Look inside STOMP messaging. Without a subcommand, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--profiles",
        metavar="PATH",
        help="open this profiles file (for example one kept in a project) instead of your own",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="SUBCOMMAND", parser_class=_Parser)
    for name in SUBCOMMAND_MODULES:
        importlib.import_module(f"explorer.cli.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            from explorer.app import run_window

            return run_window(args)
        return int(handler(args))
    except CliError as exc:
        print(f"{PROG}: error: {exc.message}", file=sys.stderr)
        return int(exc.code)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130


def main_gui() -> int:
    """Entry point of the windowed launcher (no console on Windows)."""
    return main([])
