"""Entry point of `stomp-explorer` and `python -m explorer`.

Each subcommand lives in its own module under `explorer.cli` and exposes
`register(subparsers)`, which adds its parser and sets `handler` to a function
`handler(args) -> int`. Heavy imports (Qt, asyncio clients) happen inside the
handlers so that `--help` and the command line stay fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from explorer import __version__
from explorer.cli.errors import CliError, ExitCode

# Modules under explorer.cli that each provide one or more subcommands.
SUBCOMMAND_MODULES: tuple[str, ...] = (
    "profiles",
    "send",
    "tail",
    "destinations",
    "sandbox",
    "run",
    "replay",
    "bench",
    "move",
    "purge",
)

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
            _require_display()
            from explorer.app import run_window

            return run_window(args)
        return int(handler(args))
    except BrokenPipeError:
        # `stomp-explorer tail ... | head -1`: the reader left; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return int(ExitCode.OK)
    except CliError as exc:
        print(f"{PROG}: error: {exc.message}", file=sys.stderr)
        return int(exc.code)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130


def _require_display() -> None:
    """Qt aborts the process when it finds no display; say what to do instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise CliError(
            "no display found to open the window (DISPLAY and WAYLAND_DISPLAY are unset); "
            "run it in a desktop session, or use a subcommand such as 'stomp-explorer tail' "
            "(see --help)",
            ExitCode.USAGE,
        )


def main_gui() -> int:
    """Entry point of the windowed launcher (no console on Windows)."""
    return main([])
