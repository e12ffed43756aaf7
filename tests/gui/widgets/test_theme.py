"""Icons and syntax colours follow the light/dark scheme at run time."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from explorer.ui import theme
from explorer.ui.composer import Composer
from explorer.ui.icons import icon

pytestmark = pytest.mark.gui


def ink(image: QImage) -> QColor:
    """The colour of the most opaque pixel (the icon's stroke)."""
    best = QColor(0, 0, 0, 0)
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            if colour.alpha() > best.alpha():
                best = colour
    return best


@pytest.fixture
def scheme(qapp: QApplication) -> Iterator[QApplication]:
    try:
        yield qapp
    finally:
        theme.set_preference("light")
        theme.apply(qapp)
        theme.set_preference("")


def test_icons_and_highlighting_follow_the_scheme(scheme: QApplication, qtbot: QtBot) -> None:
    composer = Composer()
    qtbot.addWidget(composer)
    composer.body.setPlainText('{"a": 1}')
    send = icon("send")
    theme.set_preference("light")
    theme.apply(scheme)
    assert ink(send.pixmap(24).toImage()).lightness() < 100
    theme.set_preference("dark")
    theme.apply(scheme)
    assert ink(send.pixmap(24).toImage()).lightness() > 180
    qtbot.waitUntil(lambda: composer._highlighter._dark)
