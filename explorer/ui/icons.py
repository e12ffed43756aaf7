"""Action icons from `resources/icons/actions/*.svg`, tinted to the current palette.

The SVGs draw with `currentColor`; we substitute the palette's text colour and render crisp
pixmaps at several sizes, so icons stay legible in light and dark schemes and on high-DPI
screens (Qt picks the pixmap that matches the device pixel ratio).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from explorer.assets import resource

_SIZES = (16, 20, 24, 32, 40, 48, 64)


def _text_colour() -> str:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return "#333333"
    return app.palette().color(QPalette.ColorRole.WindowText).name()


@cache
def _icon(name: str, colour: str) -> QIcon:
    path = resource("icons", "actions", f"{name}.svg")
    svg = path.read_text(encoding="utf-8").replace("currentColor", colour)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    icon = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(QSize(size, size))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def icon(name: str) -> QIcon:
    """The named action icon in the current palette's text colour."""
    return _icon(name, _text_colour())


def clear_cache() -> None:
    """Forget tinted icons (called when the colour scheme changes)."""
    _icon.cache_clear()
