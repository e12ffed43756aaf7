"""Action icons from `resources/icons/actions/*.svg`, drawn in the palette's text colour.

The SVGs draw with `currentColor`. A small QIconEngine substitutes the colour of the
current palette each time the icon is drawn (rendered pixmaps are cached per size, colour
and mode), so icons follow a switch between light and dark at run time and stay crisp at
any device pixel ratio.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer

from explorer.assets import resource


@cache
def _svg(name: str) -> str:
    return resource("icons", "actions", f"{name}.svg").read_text(encoding="utf-8")


def _colour(mode: QIcon.Mode) -> str:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return "#333333"
    palette = app.palette()
    group = (
        QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled else QPalette.ColorGroup.Active
    )
    return palette.color(group, QPalette.ColorRole.WindowText).name()


@cache
def _render(name: str, colour: str, width: int, height: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(_svg(name).replace("currentColor", colour).encode()))
    pixmap = QPixmap(QSize(width, height))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    side = min(width, height)
    renderer.render(painter, QRectF((width - side) / 2, (height - side) / 2, side, side))
    painter.end()
    return pixmap


class _TintedEngine(QIconEngine):
    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return _render(self._name, _colour(mode), max(1, size.width()), max(1, size.height()))

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        pixmap = _render(
            self._name,
            _colour(mode),
            max(1, round(size.width() * scale)),
            max(1, round(size.height() * scale)),
        )
        result = QPixmap(pixmap)
        result.setDevicePixelRatio(scale)
        return result

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        pixmap = _render(
            self._name,
            _colour(mode),
            max(1, round(rect.width() * ratio)),
            max(1, round(rect.height() * ratio)),
        )
        painter.drawPixmap(rect, pixmap)

    def clone(self) -> QIconEngine:
        return _TintedEngine(self._name)

    def key(self) -> str:
        return "explorer-tinted"


def icon(name: str) -> QIcon:
    """The named action icon; it always draws in the current palette's text colour."""
    _svg(name)  # fail early (FileNotFoundError) for a misspelt name
    return QIcon(_TintedEngine(name))


def clear_cache() -> None:
    """Forget rendered pixmaps (the palette changed; they are re-rendered on demand)."""
    _render.cache_clear()
