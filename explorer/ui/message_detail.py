"""The message detail pane: headers table, body as text / JSON tree / JSON text / XML / hex,
copy buttons beside what they copy.

Only the view that is visible gets built, and long bodies are cut at TEXT_PREVIEW_BYTES until
the user asks for everything, so selecting a 10 MB message stays quick. No view changes the
pane's minimum width (a hex dump scrolls sideways instead): the dock keeps the width the user
gave it, and the layout saved at exit is the user's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from explorer.ui import body_format
from explorer.ui.body_format import BodyKind
from explorer.ui.copy_button import CopyButton
from explorer.ui.header_table import HeaderTable
from explorer.ui.highlighter import BodyHighlighter
from explorer.ui.icons import icon
from explorer.ui.json_tree import JsonTreeModel, JsonTreeView
from explorer.ui.parse_errors import json_error_text
from explorer.ui.theme import is_dark
from explorer.ui.wrap_row import WrapRow

Headers = Sequence[tuple[str, str]]

# "Show all" fills the text view in slices of this many characters, one per event-loop turn,
# so the window keeps answering while an 8 MB body is laid out.
FILL_CHUNK = 256 * 1024
# Qt lays a text block out in one go: a multi-megabyte single line freezes the window. Longer
# lines are shown broken every LONG_LINE characters (copy and save keep them whole).
LONG_LINE = 8192
# Text beyond this is not shown at all ("Save body to file…" has everything).
SHOW_ALL_CAP = 4 * 1024 * 1024


def monospace_font() -> Any:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


class MessageDetail(QWidget):
    """Shows one frame. Call show_frame(); the pane decides how to render the body."""

    acknowledge = Signal(bool)  # the ACK (True) or NACK (False) button of a client-ack MESSAGE
    # "Chart this field" on a number in the JSON view: (JSONPath, value); see json_tree.py.
    field_chart_requested = Signal(str, float)
    field_filter_requested = Signal(str)  # "Show only messages with this value": an expression
    copied = Signal(str)  # what a copy button or the JSON menu copied, in words

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageDetail")
        self._command = ""
        self._headers: tuple[tuple[str, str], ...] = ()
        self._body = b""
        self._raw: bytes | None = None
        self._text: str | None = None
        self._show_all = False
        self._rendered: tuple[BodyKind, bool] | None = None
        self._is_truncated = False
        self._pending: list[str] = []  # text slices still to append (see FILL_CHUNK)
        self._fill_timer = QTimer(self)
        self._fill_timer.setInterval(0)
        self._fill_timer.timeout.connect(self._fill_more)

        self._title = QLabel(self.tr("Select a message to see its headers and body."))
        self._title.setObjectName("detailTitle")
        self._title.setProperty("hint", True)
        self._title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._title.setWordWrap(True)
        self._title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self._view = QComboBox()
        self._view.setObjectName("detailView")
        for kind, label in (
            (BodyKind.TEXT, self.tr("Text")),
            (BodyKind.JSON, self.tr("JSON tree")),
            (BodyKind.JSON_TEXT, self.tr("JSON text")),
            (BodyKind.XML, self.tr("XML")),
            (BodyKind.BINARY, self.tr("Hex")),
        ):
            self._view.addItem(label, kind)
        self._view.setToolTip(self.tr("How to show the body"))
        self._view.currentIndexChanged.connect(lambda _i: self._render())

        self._copy_body = CopyButton(
            "copy-body",
            self.tr("Copy"),
            self.tr("Copy the body (as text, or as a hex dump when binary)"),
            self.tr("Body copied"),
            self._body_for_clipboard,
            name="copyBody",
        )
        self._copy_headers = CopyButton(
            "copy-headers",
            self.tr("Copy"),
            self.tr("Copy the headers as name:value lines"),
            self.tr("Headers copied"),
            lambda: "\n".join(f"{k}:{v}" for k, v in self._headers),
            name="copyHeaders",
        )
        self._copy_raw = CopyButton(
            "raw",
            self.tr("Raw frame"),
            self.tr("Copy the whole frame as it travels (NUL shown as ␀)"),
            self.tr("Raw frame copied"),
            lambda: body_format.frame_text(self._command, self._headers, self._body, self._raw),
            name="copyRawFrame",
        )
        for button in (self._copy_body, self._copy_headers, self._copy_raw):
            button.copied.connect(self.copied)

        self.ack_button = QPushButton(icon("subscribe"), self.tr("ACK"))
        self.ack_button.setObjectName("ackButton")
        self.ack_button.setToolTip(self.tr("Acknowledge this message: the broker removes it"))
        self.ack_button.clicked.connect(lambda: self.acknowledge.emit(True))
        self.nack_button = QPushButton(icon("unsubscribe"), self.tr("NACK"))
        self.nack_button.setObjectName("nackButton")
        self.nack_button.setToolTip(
            self.tr("Reject this message: the broker redelivers or dead-letters it")
        )
        self.nack_button.clicked.connect(lambda: self.acknowledge.emit(False))
        self.set_ackable(False)

        bar = QHBoxLayout()
        bar.addWidget(self._title, 1)
        bar.addWidget(self.ack_button)
        bar.addWidget(self.nack_button)

        self._headers_table = HeaderTable()
        self._headers_table.setObjectName("detailHeaders")
        self._headers_label = QLabel(self.tr("Headers"))
        self._headers_label.setProperty("section", True)
        headers_bar = QHBoxLayout()
        headers_bar.setContentsMargins(0, 0, 0, 0)
        headers_bar.addWidget(self._headers_label)
        headers_bar.addStretch(1)
        headers_bar.addWidget(self._copy_headers)
        headers_box = QWidget()
        headers_layout = QVBoxLayout(headers_box)
        headers_layout.setContentsMargins(0, 0, 0, 0)
        headers_layout.setSpacing(2)
        headers_layout.addLayout(headers_bar)
        headers_layout.addWidget(self._headers_table, 1)

        self._text_view = QPlainTextEdit()
        self._text_view.setObjectName("detailText")
        self._text_view.setReadOnly(True)
        self._text_view.setFont(monospace_font())
        self._text_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._text_view.setToolTip(self.tr("The body"))
        self._highlighter = BodyHighlighter(self._text_view.document(), is_dark())
        self._highlighter.setDocument(None)  # only the JSON text view is coloured
        self._tree = JsonTreeView()
        self._tree.setObjectName("detailJson")
        self._tree.field_chart_requested.connect(self.field_chart_requested)
        self._tree.field_filter_requested.connect(self.field_filter_requested)
        self._tree.copied.connect(self.copied)
        self._tree.setToolTip(self.tr("The body as a foldable JSON tree"))
        self._stack = QStackedWidget()
        self._stack.addWidget(self._text_view)
        self._stack.addWidget(self._tree)

        self._truncated = QLabel()
        self._truncated.setObjectName("detailTruncated")
        self._truncated.setProperty("hint", True)
        self._show_all_button = QPushButton(self.tr("Show all"))
        self._show_all_button.setObjectName("showAllButton")
        self._show_all_button.setToolTip(self.tr("Show the whole body (may take a moment)"))
        self._show_all_button.clicked.connect(self.show_all)
        self._save_button = QPushButton(self.tr("Save body to file…"))
        self._save_button.setObjectName("saveBodyButton")
        self._save_button.setToolTip(self.tr("Write the whole body, byte for byte, to a file"))
        self._save_button.clicked.connect(self._save_body_dialog)
        trunc = QHBoxLayout()
        trunc.setContentsMargins(0, 0, 0, 0)
        trunc.addWidget(self._truncated, 1)
        trunc.addWidget(self._show_all_button)
        trunc.addWidget(self._save_button)
        self._trunc_bar = QWidget()
        self._trunc_bar.setLayout(trunc)
        self._trunc_bar.hide()

        body_label = QLabel(self.tr("Body"))
        body_label.setProperty("section", True)
        body_bar = WrapRow()  # two lines in a narrow dock (small screens)
        body_bar.add_group([(body_label, 0), (self._view, 0)])
        body_bar.add_group([(self._copy_body, 0), (self._copy_raw, 0)], at_end=True)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(2)
        body_layout.addWidget(body_bar)
        body_layout.addWidget(self._stack, 1)
        body_layout.addWidget(self._trunc_bar)

        for small in (self._stack, self._headers_table):  # the dock must fit a small screen
            small.setMinimumHeight(36)
        self._splitter = QSplitter(Qt.Orientation.Vertical)
        self._splitter.setObjectName("detailSplitter")
        self._splitter.addWidget(headers_box)
        self._splitter.addWidget(body)
        self._splitter.setStretchFactor(0, 1)
        self._splitter.setStretchFactor(1, 3)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self._splitter, 1)
        self._set_enabled(False)

    def _set_hint(self, hint: bool) -> None:
        self._title.setProperty("hint", hint)
        self._title.style().unpolish(self._title)
        self._title.style().polish(self._title)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self._view, self._copy_body, self._copy_headers, self._copy_raw):
            widget.setEnabled(enabled)

    # -- public API ------------------------------------------------------------------------

    def set_ackable(self, ackable: bool) -> None:
        """Show the ACK / NACK buttons (a MESSAGE of a manual-ack subscription, unanswered)."""
        self.ack_button.setVisible(ackable)
        self.nack_button.setVisible(ackable)

    def show_frame(
        self, command: str, headers: Headers, body: bytes, raw: bytes | None = None
    ) -> None:
        """Show a frame; `raw` (the exact wire bytes) is used for "copy as raw frame"."""
        self._command = command
        self._headers = tuple(headers)
        self._body = body
        self._raw = raw
        self._text = None
        self._show_all = False
        self._rendered = None
        self._set_enabled(True)
        destination = next((v for k, v in self._headers if k == "destination"), "")
        self._set_hint(False)
        self._title.setText(
            self.tr("{command} {destination} · {size}").format(
                command=command, destination=destination, size=body_format.human_size(len(body))
            )
        )
        self._title.setToolTip(destination)
        self._headers_label.setText(self.tr("Headers ({count})").format(count=len(headers)))
        self._fill_headers()
        ctype = next((v for k, v in self._headers if k == "content-type"), None)
        kind = body_format.detect_kind(body, ctype)
        self._view.blockSignals(True)
        self._view.setCurrentIndex(self._view.findData(kind))
        self._view.blockSignals(False)
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        """Override: the JSON colours follow a switch between light and dark."""
        if event.type() == QEvent.Type.PaletteChange:
            self._highlighter.set_dark(is_dark())
        super().changeEvent(event)

    def clear(self) -> None:
        self.set_ackable(False)
        self._fill_timer.stop()
        self._pending = []
        self._headers_table.setRowCount(0)
        self._text_view.clear()
        self._drop_json_model()
        self._title.setText(self.tr("Select a message to see its headers and body."))
        self._headers_label.setText(self.tr("Headers"))
        self._set_hint(True)
        self._trunc_bar.hide()
        self._body = b""
        self._headers = ()
        self._set_enabled(False)

    def current_kind(self) -> BodyKind:
        return BodyKind(self._view.currentData())

    def text_view(self) -> QPlainTextEdit:
        return self._text_view

    def json_view(self) -> JsonTreeView:
        return self._tree

    def is_truncated(self) -> bool:
        return self._is_truncated

    def is_filling(self) -> bool:
        """True while a long text is still being appended to the view."""
        return bool(self._pending)

    def save_body(self, path: str) -> None:
        with open(path, "wb") as fp:
            fp.write(self._body)

    def _save_body_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save body"), "body.bin")
        if not name:
            return
        try:
            self.save_body(name)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Save body"),
                self.tr("Could not write {path}: {error}").format(path=name, error=exc.strerror),
            )

    def show_all(self) -> None:
        self._show_all = True
        self._rendered = None
        self._render()

    def copy_body(self) -> None:
        self._copy_body.copy()

    def copy_headers(self) -> None:
        self._copy_headers.copy()

    def copy_raw_frame(self) -> None:
        self._copy_raw.copy()

    def copy_buttons(self) -> tuple[CopyButton, CopyButton, CopyButton]:
        """(body, headers, raw frame)."""
        return self._copy_body, self._copy_headers, self._copy_raw

    def _body_for_clipboard(self) -> str:
        text = self._body_text()
        return text if text is not None else body_format.hex_dump(self._body, None)

    # -- rendering -------------------------------------------------------------------------

    def _fill_headers(self) -> None:
        self._headers_table.show_headers(self._headers)

    def _body_text(self) -> str | None:
        if self._text is None:
            self._text = body_format.decode_text(self._body)
        return self._text

    def _render(self) -> None:
        kind = self.current_kind()
        if self._rendered == (kind, self._show_all):
            return
        self._rendered = (kind, self._show_all)
        limit = SHOW_ALL_CAP if self._show_all else body_format.TEXT_PREVIEW_BYTES
        size = len(self._body)
        truncated = False
        note: str | None = None
        text = self._body_text() if kind is not BodyKind.BINARY else None
        if kind is BodyKind.BINARY or text is None:
            hex_limit = None if self._show_all else body_format.HEX_PREVIEW_BYTES
            truncated = hex_limit is not None and size > hex_limit
            self._show_text(body_format.hex_dump(self._body, hex_limit))
        elif kind in (BodyKind.JSON, BodyKind.JSON_TEXT):
            document, error = body_format.parse_json(text)
            if error is None and kind is BodyKind.JSON:
                self._show_json(document)
            elif error is None and size <= body_format.PRETTY_JSON_BYTES:
                self._show_text(body_format.pretty_json(document), json_colours=True)
            elif error is None:
                truncated = size > limit
                note = self.tr("Too large to indent; shown as sent.")
                self._show_text(text[:limit] if truncated else text)
            else:
                truncated = limit is not None and size > limit
                shown = text[:limit] if truncated else text
                self._show_text(
                    self.tr("Not valid JSON. {error}").format(error=json_error_text(error))
                    + "\n\n"
                    + shown
                )
        elif kind is BodyKind.XML:
            truncated = limit is not None and size > limit
            if truncated:
                self._show_text(text[:limit])
            else:
                pretty, xml_error = body_format.pretty_xml(text)
                prefix = (
                    self.tr("Not well-formed XML ({error}).").format(error=xml_error) + "\n\n"
                    if xml_error
                    else ""
                )
                self._show_text(prefix + pretty)
        else:
            truncated = limit is not None and size > limit
            shown = text[:limit] if truncated else text
            broken = False
            if len(shown) > FILL_CHUNK:
                shown, broken = body_format.break_long_lines(shown, LONG_LINE)
            self._show_text(shown)
            if broken:
                note = self.tr(
                    "Very long lines are shown broken every {n} characters; copy or save the "
                    "body to keep them whole."
                ).format(n=f"{LONG_LINE:,}")
        if note is not None and not truncated:
            self._truncated.setText(note)
        elif truncated and self._show_all:
            self._truncated.setText(
                self.tr(
                    "Showing the first {shown} of a {size} body; save it to a file to see the rest."
                ).format(
                    shown=body_format.human_size(SHOW_ALL_CAP), size=body_format.human_size(size)
                )
            )
        elif truncated:
            self._truncated.setText(
                self.tr("Showing the first part of a {size} body.").format(
                    size=body_format.human_size(size)
                )
            )
        self._show_all_button.setVisible(not self._show_all)
        self._is_truncated = truncated
        self._trunc_bar.setVisible(truncated or note is not None)

    def _show_text(self, text: str, json_colours: bool = False) -> None:
        # A hex dump is 78 columns wide: it scrolls sideways in a narrow pane. It never sets a
        # minimum width, which would widen the dock for good (and the saved layout with it).
        colour = json_colours and len(text) <= body_format.TEXT_PREVIEW_BYTES
        self._highlighter.setDocument(self._text_view.document() if colour else None)
        self._fill_timer.stop()
        self._pending = []
        if len(text) <= FILL_CHUNK:
            self._text_view.setPlainText(text)
        else:
            self._text_view.setPlainText(text[:FILL_CHUNK])
            self._pending = [
                text[i : i + FILL_CHUNK] for i in range(FILL_CHUNK, len(text), FILL_CHUNK)
            ]
            self._pending.reverse()  # popped from the end, in order
            self._fill_timer.start()
        self._stack.setCurrentWidget(self._text_view)

    def _fill_more(self) -> None:
        if not self._pending:
            self._fill_timer.stop()
            return
        cursor = QTextCursor(self._text_view.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(self._pending.pop())
        if not self._pending:
            self._fill_timer.stop()

    def _drop_json_model(self) -> None:
        old = self._tree.model()
        self._tree.setModel(None)
        if old is not None:
            old.deleteLater()

    def _show_json(self, document: Any) -> None:
        self._drop_json_model()
        model = JsonTreeModel(document, self._tree)
        self._tree.setModel(model)
        header = self._tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 180)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        if model.rowCount() <= 50:
            for row in range(model.rowCount()):
                index = model.index(row, 0)
                if model.hasChildren(index) and model.child_count(index) <= 50:
                    self._tree.expand(index)
        self._stack.setCurrentWidget(self._tree)
