"""The composer's body: typed text, or a file sent as it is ("Body from file…").

Pasting 20 MB into a text editor froze the window for 20 s and took a gigabyte: Qt lays out
and the highlighter colours every line. Large bodies therefore never enter the editor: a file
is shown as a summary (name, size, the first lines) and read only when sending, in a worker
thread (`ComposeRequest.body_file`). A paste larger than `PASTE_LIMIT` is not inserted; an
offer bar proposes to save it to a file and send from that instead (written by a worker
thread too).
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QByteArray, QFile, QIODevice, QMimeData, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.ui import body_format
from explorer.ui.icons import icon

# Pastes larger than this (bytes of UTF-8) are offered as a body file instead of typed in.
PASTE_LIMIT = 1024 * 1024
_PREVIEW_BYTES = 4096
_PREVIEW_CHARS = 400


def file_preview(path: Path) -> tuple[int, str]:
    """(size, the first lines as text, or a hex dump of the first bytes when binary)."""
    size = path.stat().st_size
    with path.open("rb") as fp:
        head = fp.read(_PREVIEW_BYTES)
    text = body_format.decode_text(head, partial=size > len(head))
    if text is None:
        return size, body_format.hex_dump(head[:64], None)
    lines = text[:_PREVIEW_CHARS].splitlines()[:6]
    return size, "\n".join(lines) + ("…" if size > len(head) or len(text) > _PREVIEW_CHARS else "")


class BodyEdit(QPlainTextEdit):
    """A text editor that hands a large paste over instead of inserting it."""

    large_paste = Signal(object)  # the pasted text as UTF-8 (a QByteArray, not copied)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Override: a paste over PASTE_LIMIT becomes an offer. The text stays in Qt's
        UTF-8 buffer (never a Python string, never copied here): the worker that saves it
        copies it."""
        if source.hasText():
            data = source.data("text/plain")
            if data.size() > PASTE_LIMIT:
                self.large_paste.emit(data)
                return
        super().insertFromMimeData(source)


class ComposerBody(QWidget):
    """The body editor, the file summary that replaces it, and the large-paste offer."""

    changed = Signal()  # typed text, a file chosen or dropped
    saved = Signal(str)  # a large paste was written to this file (worker thread -> here)
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._file: Path | None = None
        self._pasted: QByteArray | None = None
        self.edit = BodyEdit()
        self.edit.setObjectName("composerBody")
        self.edit.textChanged.connect(self.changed)
        self.edit.large_paste.connect(self._offer)

        self.file_button = QToolButton()
        self.file_button.setObjectName("bodyFromFile")
        self.file_button.setIcon(icon("file"))
        self.file_button.setText(self.tr("Body from file…"))
        self.file_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.file_button.setAutoRaise(True)
        self.file_button.setToolTip(
            self.tr("Send a file's bytes as the body (for large bodies: never loaded here)")
        )
        self.file_button.clicked.connect(self.choose_file)

        self.summary_title = QLabel()
        self.summary_title.setObjectName("composerFileSummary")
        self.summary_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_preview = QLabel()
        self.summary_preview.setObjectName("composerFilePreview")
        self.summary_preview.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.summary_preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary_preview.setWordWrap(False)
        remove = QPushButton(icon("close"), self.tr("Type a body instead"))
        remove.setObjectName("composerFileRemove")
        remove.clicked.connect(lambda: self.set_body_file(None))
        file_icon = QLabel()
        file_icon.setPixmap(icon("file").pixmap(20, 20))
        summary_bar = QHBoxLayout()
        summary_bar.addWidget(file_icon)
        summary_bar.addWidget(self.summary_title, 1)
        summary_bar.addWidget(remove)
        summary = QFrame()
        summary.setFrameShape(QFrame.Shape.StyledPanel)
        summary_layout = QVBoxLayout(summary)
        summary_layout.addLayout(summary_bar)
        summary_layout.addWidget(self.summary_preview, 1)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.edit)
        self.stack.addWidget(summary)

        self.offer = QFrame()
        self.offer.setObjectName("composerPasteOffer")
        self.offer.setProperty("level", "info")
        self.offer_text = QLabel()
        self.offer_text.setWordWrap(True)
        self.offer_save = QPushButton(self.tr("Save as a file and send from it…"))
        self.offer_save.setObjectName("composerPasteToFile")
        self.offer_save.clicked.connect(self._save_paste_dialog)
        dismiss = QPushButton(self.tr("Cancel"))
        dismiss.clicked.connect(self._drop_offer)
        offer_layout = QHBoxLayout(self.offer)
        offer_layout.setContentsMargins(6, 4, 6, 4)
        offer_layout.addWidget(self.offer_text, 1)
        offer_layout.addWidget(self.offer_save)
        offer_layout.addWidget(dismiss)
        self.offer.hide()
        self.saved.connect(self._paste_saved)
        self.failed.connect(self._paste_failed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.offer)
        layout.addWidget(self.stack, 1)

    # -- public API ------------------------------------------------------------------------

    def body_file(self) -> str | None:
        """The file whose bytes are the body, or None when the body is typed."""
        return None if self._file is None else str(self._file)

    def set_body_file(self, path: str | None) -> bool:
        """Send `path` as the body (None: back to the typed text). False, with the reason
        shown, when the file cannot be read."""
        if path is None:
            self._file = None
            self.stack.setCurrentIndex(0)
            self.changed.emit()
            return True
        file = Path(path)
        try:
            size, preview = file_preview(file)
        except OSError as exc:
            self.summary_title.setText("")
            self._show_offer(
                self.tr("Cannot read {path}: {reason}").format(path=path, reason=exc.strerror),
                save=False,
            )
            return False
        self._file = file
        self.summary_title.setText(
            self.tr("{name} · {size}, sent as it is (no templates)").format(
                name=file.name, size=body_format.human_size(size)
            )
        )
        self.summary_title.setToolTip(str(file))
        self.summary_preview.setText(preview)
        self.stack.setCurrentIndex(1)
        self._drop_offer()
        self.changed.emit()
        return True

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Body from file"))
        if name:
            self.set_body_file(name)

    def is_file(self) -> bool:
        return self._file is not None

    # -- the large-paste offer -----------------------------------------------------------------

    def _offer(self, data: QByteArray) -> None:
        self._pasted = data
        self._show_offer(
            self.tr(
                "The pasted text is {size}: typed in, it would freeze the window. Send it "
                "from a file instead."
            ).format(size=body_format.human_size(data.size())),
            save=True,
        )

    def _show_offer(self, text: str, save: bool) -> None:
        self.offer_text.setText(text)
        self.offer_save.setVisible(save)
        self.offer.show()

    def _drop_offer(self) -> None:
        self._pasted = None
        self.offer.hide()

    def _save_paste_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the pasted text"), "body.txt")
        if name:
            self.save_paste(name)

    def save_paste(self, path: str) -> threading.Thread | None:
        """Write the offered paste to `path` in a worker thread; the body becomes that file
        once written (`saved`). Returns the thread (tests join it)."""
        data, self._pasted = self._pasted, None
        if data is None:
            return None
        self.offer_text.setText(self.tr("Saving…"))
        self.offer_save.setEnabled(False)

        def write() -> None:
            # QFile writes Qt's buffer as it is, without the Python bytes copy that would
            # hold the interpreter lock (and the window) for tens of milliseconds.
            file = QFile(path)
            mode = QIODevice.OpenModeFlag.WriteOnly | QIODevice.OpenModeFlag.Truncate
            written = file.write(data) if file.open(mode) else -1
            error = file.errorString()
            file.close()
            if written != data.size():
                self.failed.emit(
                    self.tr("Could not write {path}: {error}").format(path=path, error=error)
                )
                return
            self.saved.emit(path)

        worker = threading.Thread(target=write, name="paste-to-file", daemon=True)
        worker.start()
        return worker

    def _paste_saved(self, path: str) -> None:
        self.offer_save.setEnabled(True)
        self.set_body_file(path)

    def _paste_failed(self, text: str) -> None:
        self.offer_save.setEnabled(True)
        self._show_offer(text, save=False)
