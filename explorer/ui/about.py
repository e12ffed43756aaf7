"""The About dialog, and the application icon that it and the window share.

A bug report is only useful with the exact versions, so the dialog shows the app's version
next to the Qt, PySide6 and Python it runs on, as selectable text the user can copy.
"""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from explorer import __version__
from explorer.assets import resource

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
LICENCE = "MIT"
# The desktop entry's file name (without .desktop), icon name and AppStream id. Wayland
# compositors find the window's icon through QGuiApplication.setDesktopFileName(APP_ID).
APP_ID = "io.github.stomp_explorer.StompExplorer"


def application_icon() -> QIcon:
    """The app icon from its PNG renders (no SVG plugin needed, so bundles stay small)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource("icons", "app", f"stomp-explorer-{size}.png")))
    return icon


def runtime_versions() -> dict[str, str]:
    """Versions a bug report needs: ours, the Qt library loaded, its bindings, Python."""
    return {
        "STOMP Explorer": __version__,
        "Qt": qVersion(),
        "PySide6": PySide6.__version__,
        "Python": platform.python_version(),
    }


class AboutDialog(QDialog):
    """Name, icon, versions and licence of STOMP Explorer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About STOMP Explorer"))
        self.setObjectName("aboutDialog")
        versions = runtime_versions()

        icon = QLabel()
        icon.setObjectName("aboutIcon")
        icon.setPixmap(QPixmap(str(resource("icons", "app", "stomp-explorer-128.png"))))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        title = QLabel(self.tr("<h2>STOMP Explorer</h2>"))
        title.setObjectName("aboutTitle")
        version = QLabel(self.tr("Version %1").replace("%1", versions["STOMP Explorer"]))
        version.setObjectName("aboutVersion")
        version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary = QLabel(
            self.tr(
                "Look inside STOMP messaging: a live destination tree, "
                "a message log and a frame composer."
            )
        )
        summary.setWordWrap(True)

        runtime = QLabel(
            self.tr("Qt %1 · PySide6 %2 · Python %3")
            .replace("%1", versions["Qt"])
            .replace("%2", versions["PySide6"])
            .replace("%3", versions["Python"])
        )
        runtime.setObjectName("aboutRuntime")
        runtime.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        licence = QLabel(self.tr("Released under the %1 licence.").replace("%1", LICENCE))
        licence.setObjectName("aboutLicence")

        text = QVBoxLayout()
        for label in (title, version, summary, runtime, licence):
            text.addWidget(label)
        text.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(icon)
        row.addLayout(text, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setWindowIcon(application_icon())
        self.setMinimumWidth(440)
