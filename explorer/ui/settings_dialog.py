"""Settings: the interface language (applies on restart) and the log's size cap."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from explorer.store import DEFAULT_MAX_COUNT
from explorer.ui import i18n, theme

LOG_LIMIT_SETTING = "log/max_count"


def log_limit(settings: QSettings) -> int:
    value = settings.value(LOG_LIMIT_SETTING, DEFAULT_MAX_COUNT)
    try:
        count = int(str(value))
    except ValueError:
        count = DEFAULT_MAX_COUNT
    return max(1000, count)


class SettingsDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        for code in i18n.LANGUAGES:
            self.language.addItem(i18n.language_name(code), code)
        self.language.setCurrentIndex(self.language.findData(i18n.chosen_language(settings)))
        self.language.setToolTip(self.tr("The language of the interface"))
        self.limit = QSpinBox()
        self.limit.setObjectName("logLimit")
        self.limit.setRange(1000, 5_000_000)
        self.limit.setSingleStep(10_000)
        self.limit.setGroupSeparatorShown(True)
        self.limit.setValue(log_limit(settings))
        self.limit.setToolTip(
            self.tr("How many messages each connection's log keeps; older ones are evicted")
        )
        self.appearance = QComboBox()
        self.appearance.setObjectName("appearanceCombo")
        for code, label in (
            ("", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.appearance.addItem(label, code)
        current = str(settings.value(theme.SETTING, ""))
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(current)))
        self.appearance.setToolTip(self.tr("Light or dark colours; by default as the system"))
        note = QLabel(self.tr("A new language applies the next time STOMP Explorer starts."))
        note.setProperty("hint", True)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", note)
        form.addRow(self.tr("Appearance:"), self.appearance)
        form.addRow(self.tr("Messages kept per connection:"), self.limit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self._settings.setValue(i18n.SETTING, self.language.currentData())
        self._settings.setValue(LOG_LIMIT_SETTING, self.limit.value())
        appearance = self.appearance.currentData()
        self._settings.setValue(theme.SETTING, appearance)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.set_preference(appearance)
            theme.apply(app)
        self._settings.sync()
        super().accept()
