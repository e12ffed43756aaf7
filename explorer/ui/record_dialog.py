""" "Record this connection": where the capture goes, its caps, and "keep recording".

The dialog edits a profile's `RecordingSettings` (folder, size and age caps, keep) and shows
the file the recording will write. Checking "keep recording" saves the settings with the
profile, so every later connection of that profile records too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.profiles.model import RecordingSettings
from explorer.profiles.validate import MAX_RECORDING_DAYS, MAX_RECORDING_MB
from explorer.ui.icons import icon
from explorer.ui.recording import capture_folder, default_capture_folder, new_capture_path


class RecordDialog(QDialog):
    """Asks where and how to record `profile_name`; `settings()` and `path()` after OK."""

    def __init__(
        self,
        profile_name: str,
        settings: RecordingSettings,
        *,
        can_keep: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recordDialog")
        self.setWindowTitle(self.tr("Record this connection"))
        self.profile_name = profile_name
        self.folder = QLineEdit(str(capture_folder(settings)))
        self.folder.setObjectName("recordFolder")
        self.folder.textChanged.connect(lambda _t: self._update_file())
        browse = QToolButton()
        browse.setObjectName("recordBrowse")
        browse.setIcon(icon("open"))
        browse.setToolTip(self.tr("Choose the folder"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.file = QLabel()
        self.file.setObjectName("recordFile")
        self.file.setProperty("hint", True)
        self.file.setWordWrap(True)
        self.max_mb = QSpinBox()
        self.max_mb.setObjectName("recordMaxMb")
        self.max_mb.setRange(0, MAX_RECORDING_MB)
        self.max_mb.setSpecialValueText(self.tr("No limit"))
        self.max_mb.setSuffix(self.tr(" MiB"))
        self.max_mb.setValue(settings.max_mb or 0)
        self.max_mb.setToolTip(self.tr("The oldest messages are removed past this size"))
        self.max_days = QSpinBox()
        self.max_days.setObjectName("recordMaxDays")
        self.max_days.setRange(0, MAX_RECORDING_DAYS)
        self.max_days.setSpecialValueText(self.tr("No limit"))
        self.max_days.setSuffix(self.tr(" days"))
        self.max_days.setValue(settings.max_days or 0)
        self.max_days.setToolTip(self.tr("Messages older than this are removed"))
        self.keep = QCheckBox(self.tr("Keep recording: record every connection of this profile"))
        self.keep.setObjectName("recordKeep")
        self.keep.setChecked(settings.keep and can_keep)
        self.keep.setEnabled(can_keep)
        if not can_keep:
            self.keep.setToolTip(self.tr("Built-in profiles cannot be changed"))
        form = QFormLayout()
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow(self.tr("File"), self.file)
        form.addRow(self.tr("Size limit"), self.max_mb)
        form.addRow(self.tr("Age limit"), self.max_days)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Record"))
        ok.setIcon(icon("record"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.keep)
        layout.addWidget(buttons)
        self._update_file()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Capture folder"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def _folder(self) -> Path:
        text = self.folder.text().strip()
        return Path(text).expanduser() if text else default_capture_folder()

    def _update_file(self) -> None:
        self.file.setText(str(self.path()))

    def path(self) -> Path:
        """The file this recording will write."""
        return new_capture_path(self._folder(), self.profile_name)

    def settings(self) -> RecordingSettings:
        """What the dialog says, as the profile keeps it (the default folder as None)."""
        folder = self._folder()
        return RecordingSettings(
            keep=self.keep.isChecked(),
            folder=None if folder == default_capture_folder() else str(folder),
            max_mb=self.max_mb.value() or None,
            max_days=self.max_days.value() or None,
        )
