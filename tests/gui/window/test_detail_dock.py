"""The message dock keeps the width the user gave it, whatever view shows the body (issue 12,
defect 10: the Hex view widened the dock for good and the wider layout was saved)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from explorer.ui.body_format import BodyKind
from explorer.ui.main_window import MainWindow
from tests.gui.window.conftest import child

pytestmark = pytest.mark.gui


def test_views_never_change_the_dock_width(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    window.resize(1400, 800)
    window.resizeDocks([window.detail_dock], [320], Qt.Orientation.Horizontal)
    window.detail.show_frame("MESSAGE", [("destination", "/queue/a")], b'{"a": 1}')
    QApplication.processEvents()
    before = window.detail_dock.width()
    saved_before = bytes(window.saveState().data())
    views = child(window, QComboBox, "detailView")
    for kind in (BodyKind.BINARY, BodyKind.JSON_TEXT, BodyKind.XML, BodyKind.TEXT):
        views.setCurrentIndex(views.findData(kind))
        QApplication.processEvents()  # the dock's layout settles on a posted event
        assert window.detail_dock.width() == before, kind
    window.detail.show_frame("MESSAGE", [], bytes(range(256)) * 64)  # binary: hex
    assert window.detail.current_kind() is BodyKind.BINARY
    QApplication.processEvents()
    assert window.detail.minimumSizeHint().width() < before
    assert window.detail_dock.width() == before
    assert bytes(window.saveState().data()) == saved_before  # what closing would save
