"""Settings: the interface language (applies on restart), appearance, the log's size cap,
reopening the last session at start and asking before unexported messages are discarded."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from explorer.ui import i18n, theme
from explorer.ui.config import MIN_LOG_LIMIT, WindowSettings


class SettingsDialog(QDialog):
    def __init__(self, settings: WindowSettings, parent: QWidget | None = None) -> None:
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
        self.limit.setRange(MIN_LOG_LIMIT, 5_000_000)
        self.limit.setSingleStep(10_000)
        self.limit.setGroupSeparatorShown(True)
        self.limit.setValue(settings.log_limit)
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
        current = settings.appearance
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(current)))
        self.appearance.setToolTip(self.tr("Light or dark colours; by default as the system"))
        self.reopen = QCheckBox(self.tr("Reopen the last session's connections at start"))
        self.reopen.setObjectName("reopenSession")
        self.reopen.setChecked(settings.reopen_session)
        self.reopen.setToolTip(
            self.tr("Connect the tabs that were open when the window closed, and subscribe again")
        )
        self.ask_unexported = QCheckBox(self.tr("Ask before discarding messages not exported"))
        self.ask_unexported.setObjectName("askUnexported")
        self.ask_unexported.setChecked(settings.ask_unexported)
        self.ask_unexported.setToolTip(
            self.tr("Closing a tab or quitting asks first when its log holds messages")
        )
        note = QLabel(self.tr("A new language applies the next time STOMP Explorer starts."))
        note.setProperty("hint", True)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", note)
        form.addRow(self.tr("Appearance:"), self.appearance)
        form.addRow(self.tr("Messages kept per connection:"), self.limit)
        form.addRow("", self.reopen)
        form.addRow("", self.ask_unexported)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self._settings.language = str(self.language.currentData())
        self._settings.log_limit = self.limit.value()
        self._settings.reopen_session = self.reopen.isChecked()
        self._settings.ask_unexported = self.ask_unexported.isChecked()
        appearance = str(self.appearance.currentData())
        self._settings.appearance = appearance
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.set_preference(appearance)
            theme.apply(app)
        self._settings.sync()
        super().accept()
