"""Render the application icon's SVG to the PNG sizes desktops look for.

Run with the project's venv after editing resources/icons/app/stomp-explorer.svg:
    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render-icons.py
The PNGs are committed, so neither the build nor the install needs Qt's SVG renderer.
It also writes packaging/stomp-explorer.ico (Windows) and .icns (macOS) for PyInstaller;
Qt's writers store one image each (256 and 512 px), which both systems scale down.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons" / "app"
SVG = ICON_DIR / "stomp-explorer.svg"
# Drawn on a 16 px grid without the tree, for the sizes where detail turns to noise.
SMALL_SVG = ICON_DIR / "stomp-explorer-small.svg"
SMALL_SIZES = (16, 24)
PACKAGING = Path(__file__).resolve().parent
# PyInstaller's `icon=` for the other systems: file name -> (Qt image format, size).
PLATFORM_ICONS = {"stomp-explorer.ico": ("ico", 256), "stomp-explorer.icns": ("icns", 512)}


def render(renderer: QSvgRenderer, size: int, target: Path, fmt: str = "PNG") -> None:
    """Paint the SVG into a transparent square image of `size` pixels and save it."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target), fmt):
        raise OSError(f"could not write {target}")


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderers = {path: QSvgRenderer(str(path)) for path in (SVG, SMALL_SVG)}
    for path, renderer in renderers.items():
        if not renderer.isValid():
            print(f"render-icons: {path} is not a valid SVG", file=sys.stderr)
            return 1
    for size in SIZES:
        target = ICON_DIR / f"stomp-explorer-{size}.png"
        render(renderers[SMALL_SVG if size in SMALL_SIZES else SVG], size, target)
        print(f"{target.relative_to(ICON_DIR.parent.parent.parent)}  {size}x{size}")
    for name, (fmt, size) in PLATFORM_ICONS.items():
        render(renderers[SVG], size, PACKAGING / name, fmt)
        print(f"packaging/{name}  {size}x{size}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
