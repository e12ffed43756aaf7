"""Where the window keeps its settings (layout, language, composer history).

`STOMP_EXPLORER_CONFIG_DIR` wins when set (tests point it at a temporary directory), so a test
never reads or writes the user's real settings.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings


def config_dir() -> Path:
    """The directory that holds the app's settings and profiles."""
    override = os.environ.get("STOMP_EXPLORER_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir("stomp-explorer", appauthor=False))


def settings() -> QSettings:
    """The window's settings file (`window.ini` in the config dir), in INI format."""
    path = config_dir()
    path.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path / "window.ini"), QSettings.Format.IniFormat)
