"""Shared paths of the packaging tests."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
APP_ID = "io.github.stomp_explorer.StompExplorer"
DESKTOP_DIR = REPO / "resources" / "desktop"
ICON_DIR = REPO / "resources" / "icons" / "app"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
