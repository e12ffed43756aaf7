"""Shared paths of the packaging tests."""

from __future__ import annotations

import argparse
from pathlib import Path

from explorer.cli.main import build_parser

REPO = Path(__file__).resolve().parents[2]
APP_ID = "io.github.stomp_explorer.StompExplorer"
DESKTOP_DIR = REPO / "resources" / "desktop"
ICON_DIR = REPO / "resources" / "icons" / "app"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def subcommands() -> list[str]:
    """The checkout's subcommands (profiles, send, tail, ..., run, bench, move, purge)."""
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return sorted(action.choices)
    raise AssertionError("the checkout's parser has no subcommands")
