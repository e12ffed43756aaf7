"""The About dialog tells a user (and a bug report) exactly what they are running."""

from __future__ import annotations

import platform

import pytest
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from explorer import __version__
from explorer.ui.about import AboutDialog, application_icon

pytestmark = pytest.mark.gui


def label_text(dialog: AboutDialog, name: str) -> str:
    label = dialog.findChild(QLabel, name)
    assert label is not None, f"no label {name}"
    return label.text()


def test_about_shows_versions_and_licence(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert __version__ in label_text(dialog, "aboutVersion")
    runtime = label_text(dialog, "aboutRuntime")
    assert f"Qt {qVersion()}" in runtime
    assert f"Python {platform.python_version()}" in runtime
    assert "PySide6 " in runtime
    assert "MIT" in label_text(dialog, "aboutLicence")
    icon = dialog.findChild(QLabel, "aboutIcon")
    assert icon is not None and icon.pixmap().width() == 128


def test_close_button_closes(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Close).click()
    assert not dialog.isVisible()


def test_application_icon_has_every_size(qtbot: QtBot) -> None:
    sizes = {size.width() for size in application_icon().availableSizes()}
    assert sizes == {16, 24, 32, 48, 64, 128, 256, 512}
