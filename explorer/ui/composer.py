"""The frame composer: command, destination, headers, body, receipt, burst, history.

It only builds a `ComposeRequest` and emits `send_requested`; the session controller of the
current connection sends it and reports back through `show_result`.
"""

from __future__ import annotations

import json

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.session import compose
from explorer.session.compose import ComposeRequest
from explorer.ui.banner import sentence_case
from explorer.ui.body_format import NUL_MARK
from explorer.ui.highlighter import BodyHighlighter
from explorer.ui.icons import icon
from explorer.ui.message_detail import monospace_font
from explorer.ui.theme import is_dark

HISTORY_SIZE = 50
_NO_DESTINATION = {"BEGIN", "COMMIT", "ABORT", "ACK", "NACK"}
_RAW_TEMPLATE = "SEND\ndestination:/queue/test\ncontent-type:text/plain\n\nhello" + NUL_MARK


class _HeaderNameDelegate(QStyledItemDelegate):
    """Header-name cells edit with completion from the well-known STOMP headers."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QLineEdit(parent)
        if index.column() == 0:
            completer = QCompleter(list(compose.WELL_KNOWN_HEADERS), editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            editor.setCompleter(completer)
        return editor


class Composer(QWidget):
    """Builds frames to send. `send_requested(ComposeRequest)` fires on Send / Ctrl+Enter."""

    send_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self._history: list[ComposeRequest] = []
        self._connected = False
        self._last_command = "SEND"
        self._form_body: str | None = None  # the form's body while RAW mode shows a frame

        self.command = QComboBox()
        self.command.setObjectName("composerCommand")
        self.command.addItems([*compose.COMMANDS, compose.RAW])
        self.command.setToolTip(
            self.tr("Frame command; RAW lets you type the whole frame as in nc (␀ ends it)")
        )
        self.command.currentTextChanged.connect(self._command_changed)

        self.destination = QLineEdit()
        self.destination.setObjectName("composerDestination")
        self.destination.setPlaceholderText(self.tr("/queue/name or /topic/name"))
        self.destination.setToolTip(self.tr("Destination (completes from the destination tree)"))
        self._destinations = QStringListModel(self)
        completer = QCompleter(self._destinations, self.destination)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.destination.setCompleter(completer)

        self.content_type = QComboBox()
        self.content_type.setObjectName("composerContentType")
        self.content_type.setEditable(True)
        self.content_type.addItems(["", *compose.CONTENT_TYPES])
        self.content_type.setToolTip(self.tr("content-type header (empty: none)"))
        self.content_type.setMinimumContentsLength(14)
        self.content_type.currentTextChanged.connect(lambda _t: self._schedule_validation())

        self.receipt = QCheckBox(self.tr("Receipt"))
        self.receipt.setObjectName("composerReceipt")
        self.receipt.setToolTip(
            self.tr("Ask the broker for a RECEIPT and show the round-trip time")
        )

        self.burst = QSpinBox()
        self.burst.setObjectName("composerBurst")
        self.burst.setRange(1, compose.MAX_BURST)
        self.burst.setPrefix("× ")
        self.burst.setToolTip(
            self.tr("Send this many copies; {{n}} in the body or headers becomes 1, 2, 3…")
        )

        self.history_button = QToolButton()
        self.history_button.setObjectName("composerHistory")
        self.history_button.setIcon(icon("history"))
        self.history_button.setToolTip(self.tr("Frames sent before: pick one to edit it again"))
        self.history_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._history_menu = QMenu(self.history_button)
        self.history_button.setMenu(self._history_menu)
        self._rebuild_history_menu()

        self.send_button = QPushButton(icon("send"), self.tr("Send"))
        self.send_button.setObjectName("sendButton")
        self.send_button.setToolTip(self.tr("Send the frame (Ctrl+Enter)"))
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.request_send)

        top = QHBoxLayout()
        top.addWidget(self.command)
        top.addWidget(self.destination, 3)
        top.addWidget(self.content_type, 1)
        top.addWidget(self.receipt)
        top.addWidget(self.burst)
        top.addWidget(self.history_button)
        top.addWidget(self.send_button)

        self.headers = QTableWidget(0, 2)
        self.headers.setObjectName("composerHeaders")
        self.headers.setHorizontalHeaderLabels([self.tr("Header"), self.tr("Value")])
        self.headers.horizontalHeader().setStretchLastSection(True)
        self.headers.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.headers.horizontalHeader().resizeSection(0, 140)
        self.headers.verticalHeader().hide()
        self.headers.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.headers.setItemDelegate(_HeaderNameDelegate(self.headers))
        self.headers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.headers.setToolTip(self.tr("Extra headers; names complete from well-known ones"))
        add = QToolButton()
        add.setObjectName("composerAddHeader")
        add.setIcon(icon("add"))
        add.setToolTip(self.tr("Add a header"))
        add.clicked.connect(lambda: self.add_header("", ""))
        remove = QToolButton()
        remove.setObjectName("composerRemoveHeader")
        remove.setIcon(icon("remove"))
        remove.setToolTip(self.tr("Remove the selected headers"))
        remove.clicked.connect(self._remove_selected_headers)
        header_buttons = QHBoxLayout()
        header_buttons.addWidget(QLabel(self.tr("Headers")))
        header_buttons.addStretch(1)
        header_buttons.addWidget(add)
        header_buttons.addWidget(remove)
        header_box = QWidget()
        header_layout = QVBoxLayout(header_box)
        header_layout.setContentsMargins(0, 0, 0, 0)
        header_layout.addLayout(header_buttons)
        header_layout.addWidget(self.headers)
        self.header_box = header_box

        self.body = QPlainTextEdit()
        self.body.setObjectName("composerBody")
        self.body.setFont(monospace_font())
        self.body.setPlaceholderText(self.tr("Body (text or JSON; {{n}} is the copy number)"))
        self.body.setToolTip(self.tr("Body of the frame; in RAW mode, the whole frame"))
        self._highlighter = BodyHighlighter(self.body.document(), is_dark())
        self.body.textChanged.connect(self._schedule_validation)
        self.validation = QLabel()
        self.validation.setObjectName("composerValidation")
        self.insert_nul = QToolButton()
        self.insert_nul.setObjectName("composerInsertNul")
        self.insert_nul.setText(self.tr("Insert ␀"))
        self.insert_nul.setToolTip(self.tr("Insert the NUL that ends a frame (sent as byte 0)"))
        self.insert_nul.clicked.connect(lambda: self.body.insertPlainText(NUL_MARK))
        self.insert_nul.hide()
        self.result = QLabel()
        self.result.setObjectName("composerResult")
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status = QHBoxLayout()
        status.addWidget(self.validation)
        status.addWidget(self.insert_nul)
        status.addStretch(1)
        status.addWidget(self.result)
        body_box = QWidget()
        body_layout = QVBoxLayout(body_box)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.body, 1)
        body_layout.addLayout(status)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("composerSplitter")
        self.splitter.addWidget(header_box)
        self.splitter.addWidget(body_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(200)
        self._validate_timer.timeout.connect(self.validate)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.request_send)
        self.set_connected(False)

    # -- public API ------------------------------------------------------------------------

    def set_connected(self, connected: bool) -> None:
        self._connected = connected
        self.send_button.setEnabled(connected)
        if not connected:
            self.send_button.setToolTip(self.tr("Connect first, then send (Ctrl+Enter)"))
        else:
            self.send_button.setToolTip(self.tr("Send the frame (Ctrl+Enter)"))

    def set_destinations(self, destinations: list[str]) -> None:
        """Completion candidates for the destination field (the tree's destinations)."""
        if destinations != self._destinations.stringList():
            self._destinations.setStringList(destinations)

    def set_destination(self, destination: str) -> None:
        if self.command.currentText() == compose.RAW:
            self.command.setCurrentText("SEND")
        self.destination.setText(destination)

    def add_header(self, name: str, value: str) -> None:
        row = self.headers.rowCount()
        self.headers.insertRow(row)
        self.headers.setItem(row, 0, QTableWidgetItem(name))
        self.headers.setItem(row, 1, QTableWidgetItem(value))

    def header_rows(self) -> list[tuple[str, str]]:
        rows = []
        for row in range(self.headers.rowCount()):
            name_item, value_item = self.headers.item(row, 0), self.headers.item(row, 1)
            name = name_item.text().strip() if name_item else ""
            value = value_item.text() if value_item else ""
            if name:
                rows.append((name, value))
        return rows

    def build_request(self) -> ComposeRequest:
        """The frame as the form describes it now."""
        command = self.command.currentText()
        count = self.burst.value()
        if command == compose.RAW:
            raw = compose.raw_text_to_bytes(self.body.toPlainText())
            return ComposeRequest(command=command, raw=raw, count=count)
        headers: list[tuple[str, str]] = []
        destination = self.destination.text().strip()
        if destination and command not in _NO_DESTINATION:
            headers.append(("destination", destination))
        extra = self.header_rows()
        ctype = self.content_type.currentText().strip()
        if ctype and command == "SEND" and all(k != "content-type" for k, _ in extra):
            headers.append(("content-type", ctype))
        headers.extend(extra)
        body = self.body.toPlainText().encode("utf-8") if command == "SEND" else b""
        return ComposeRequest(
            command=command,
            headers=tuple(headers),
            body=body,
            receipt=self.receipt.isChecked(),
            count=count,
        )

    def request_send(self) -> None:
        if not self._connected:
            self.show_result(self.tr("Not connected: connect a profile first."), ok=False)
            return
        request = self.build_request()
        problem = self._problem(request)
        if problem:
            self.show_result(problem, ok=False)
            return
        self._remember(request)
        self.show_result(self.tr("Sending…"), ok=True)
        self.send_requested.emit(request)

    def show_result(self, text: str, ok: bool | None = True) -> None:
        """Green for done, red for failed, neutral (None) for sent but unconfirmed."""
        self.result.setText(sentence_case(text))
        self.result.setProperty("valid", {True: "true", False: "false", None: "unknown"}[ok])
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)

    def load_request(self, request: ComposeRequest) -> None:
        """Fill the form from a request (history, or "send again" from the log)."""
        if request.raw is not None:
            self.command.setCurrentText(compose.RAW)
            self.body.setPlainText(compose.bytes_to_raw_text(request.raw))
            return
        self.command.setCurrentText(request.command)
        self.destination.setText(request.destination or "")
        self.headers.setRowCount(0)
        ctype = ""
        for name, value in request.headers:
            if name == "destination":
                continue
            if name == "content-type" and not ctype:
                ctype = value
                continue
            self.add_header(name, value)
        self.content_type.setCurrentText(ctype)
        self.body.setPlainText(request.body.decode("utf-8", errors="replace"))
        self.receipt.setChecked(request.receipt)
        self.burst.setValue(request.count)

    def history(self) -> list[ComposeRequest]:
        return list(self._history)

    # -- internals -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        """Override: follow a switch between light and dark."""
        if event.type() == QEvent.Type.PaletteChange:
            self._highlighter.set_dark(is_dark())
        super().changeEvent(event)

    def _problem(self, request: ComposeRequest) -> str | None:
        if request.raw is not None:
            return None
        if request.command in ("SEND", "SUBSCRIBE", "UNSUBSCRIBE") and not request.destination:
            return self.tr("Enter a destination, for example /queue/test.")
        return None

    def _remember(self, request: ComposeRequest) -> None:
        if self._history and self._history[0] == request:
            return
        self._history.insert(0, request)
        del self._history[HISTORY_SIZE:]
        self._rebuild_history_menu()

    def _rebuild_history_menu(self) -> None:
        self._history_menu.clear()
        if not self._history:
            action = self._history_menu.addAction(self.tr("Nothing sent yet"))
            action.setEnabled(False)
            return
        for request in self._history:
            label = request.label()
            action = self._history_menu.addAction(label if len(label) < 80 else label[:79] + "…")
            action.triggered.connect(lambda _c=False, r=request: self.load_request(r))

    def _remove_selected_headers(self) -> None:
        rows = sorted({i.row() for i in self.headers.selectedIndexes()}, reverse=True)
        for row in rows:
            self.headers.removeRow(row)

    def _command_changed(self, command: str) -> None:
        raw = command == compose.RAW
        was_raw = self._last_command == compose.RAW
        for widget in (self.destination, self.content_type, self.receipt, self.headers):
            widget.setEnabled(not raw)
        self.destination.setEnabled(not raw and command not in _NO_DESTINATION)
        # RAW mode types the headers into the frame itself: the table would only mislead.
        self.header_box.setVisible(not raw)
        self.insert_nul.setVisible(raw)
        self._highlighter.set_mode("raw" if raw else "json")
        if raw and not was_raw:
            # Start from the frame the form describes (or a template), never from a body
            # that would not parse as a frame.
            self._form_body = self.body.toPlainText()
            with QSignalBlocker(self.body):
                self.body.setPlainText(self._raw_from_form(self._last_command))
        elif was_raw and not raw and self._form_body is not None:
            with QSignalBlocker(self.body):
                self.body.setPlainText(self._form_body)
            self._form_body = None
        self._last_command = command
        self.validate()

    def _raw_from_form(self, command: str) -> str:
        """The form's frame as raw text (␀-terminated); the template when it has no
        destination to send to."""
        destination = self.destination.text().strip()
        if command != "SEND" or not destination:
            return _RAW_TEMPLATE
        lines = [command, f"destination:{destination}"]
        ctype = self.content_type.currentText().strip()
        extra = self.header_rows()
        if ctype and all(k != "content-type" for k, _ in extra):
            lines.append(f"content-type:{ctype}")
        lines += [f"{k}:{v}" for k, v in extra]
        body = self._form_body or ""
        return "\n".join(lines) + "\n\n" + body + NUL_MARK

    def _schedule_validation(self) -> None:
        self._validate_timer.start()

    def validate(self) -> bool | None:
        """Check the body as JSON when it looks like JSON; None when there is nothing to check."""
        self._validate_timer.stop()
        text = self.body.toPlainText()
        command = self.command.currentText()
        ctype = self.content_type.currentText().lower()
        looks_json = "json" in ctype or text.lstrip()[:1] in ("{", "[")
        if command != "SEND" or not text.strip() or not looks_json:
            self.validation.setText("")
            return None
        sample = text.replace(compose.TEMPLATE_N, "1").replace("{{uuid}}", "0")
        try:
            json.loads(sample)
        except json.JSONDecodeError as exc:
            self.validation.setText(
                self.tr("JSON error at line {line}, column {column}: {message}").format(
                    line=exc.lineno, column=exc.colno, message=exc.msg
                )
            )
            self.validation.setProperty("valid", "false")
            ok = False
        else:
            self.validation.setText(self.tr("Valid JSON"))
            self.validation.setProperty("valid", "true")
            ok = True
        self.validation.style().unpolish(self.validation)
        self.validation.style().polish(self.validation)
        return ok
