"""The window's settings: every key typed, with its default, bounds and a tolerant reader."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from explorer.store import DEFAULT_MAX_COUNT
from explorer.ui.config import DEFAULT_TREE_FRACTION, MIN_LOG_LIMIT, Key, WindowSettings

pytestmark = pytest.mark.gui


def ini(tmp_path: Path, text: str = "") -> QSettings:
    path = tmp_path / "window.ini"
    path.write_text(text, encoding="utf-8")
    return QSettings(str(path), QSettings.Format.IniFormat)


def test_a_fresh_file_reads_as_the_defaults(tmp_path: Path) -> None:
    settings = WindowSettings(ini(tmp_path))
    assert settings.language == "" and settings.appearance == ""
    assert settings.log_limit == DEFAULT_MAX_COUNT
    assert settings.geometry is None and settings.layout is None
    assert settings.tree_fraction == DEFAULT_TREE_FRACTION
    assert settings.hidden_log_columns == []


def test_values_survive_a_restart_with_their_types(tmp_path: Path) -> None:
    settings = WindowSettings(ini(tmp_path))
    settings.language = "ko"
    settings.appearance = "dark"
    settings.log_limit = 50_000
    settings.geometry = QByteArray(b"\x01\x02geometry")
    settings.layout = QByteArray(b"\x00state")
    settings.tree_fraction = 0.41234
    settings.hidden_log_columns = [3, 4]
    settings.sync()
    again = WindowSettings(QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    assert (again.language, again.appearance, again.log_limit) == ("ko", "dark", 50_000)
    assert again.geometry == QByteArray(b"\x01\x02geometry")
    assert again.layout == QByteArray(b"\x00state")
    assert again.tree_fraction == 0.412
    assert again.hidden_log_columns == [3, 4]


def test_a_hand_edited_file_never_stops_the_window(tmp_path: Path) -> None:
    settings = WindowSettings(
        ini(
            tmp_path,
            "[log]\nmax_count=lots\nhidden_columns=1, x, 4\n"
            "[window]\ntree_fraction=0.99\ngeometry=not bytes\n",
        )
    )
    assert settings.log_limit == DEFAULT_MAX_COUNT
    assert settings.hidden_log_columns == [1, 4]  # an unquoted list in INI reads as a list
    assert settings.tree_fraction == 0.8  # clamped: the log keeps a fifth of the width
    assert settings.geometry is None
    settings.log_limit = 10
    assert settings.log_limit == MIN_LOG_LIMIT
    assert settings.store.value(Key.LOG_LIMIT) == 10  # stored as given, read within bounds
