"""The settings dialog: language (on restart), appearance (at once), log size."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QSpinBox

from explorer.ui import config, i18n, theme
from explorer.ui.main_window import MainWindow
from explorer.ui.settings_dialog import SettingsDialog
from tests.gui.window.conftest import child

pytestmark = pytest.mark.gui


def test_settings_are_saved_and_appearance_applies_at_once(
    qapp: QApplication, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window()
    dialog = SettingsDialog(window.settings, window)
    language = child(dialog, QComboBox, "languageCombo")
    assert [language.itemData(i) for i in range(language.count())] == ["", "en", "ko"]
    assert language.itemText(2) == "한국어"
    assert any("next time" in label.text() for label in dialog.findChildren(QLabel))
    language.setCurrentIndex(2)
    appearance = child(dialog, QComboBox, "appearanceCombo")
    appearance.setCurrentIndex(appearance.findData("dark"))
    child(dialog, QSpinBox, "logLimit").setValue(50_000)
    try:
        dialog.accept()
        assert theme.is_dark()
        assert qapp.palette().color(qapp.palette().ColorRole.Window).lightness() < 80
        settings = config.WindowSettings()
        assert i18n.chosen_language(settings) == "ko"
        assert settings.log_limit == 50_000
    finally:
        theme.set_preference("light")
        theme.apply(qapp)
        theme.set_preference("")
