"""The frame composer: command, destination(s), headers, body (typed or from a file), receipt,
burst, history (kept across restarts, see `composer_history`).

It only builds requests: `send_requested(ComposeRequest)` for one destination,
`send_all_requested(list)` for the destination list (one SEND each); `ComposerLink` sends
them through the current tab's session and reports back (`show_result`,
`show_destination_result`). `composerTarget` beside Send names that connection; results are
cleared when the connection or the body changes, so they never describe another frame.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import (
    QEvent,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.broker.kind import BrokerKind
from explorer.session import compose
from explorer.session.compose import ComposeRequest
from explorer.templates import TemplateEngine
from explorer.ui.banner import sentence_case
from explorer.ui.body_format import NUL_MARK
from explorer.ui.composer_body import ComposerBody
from explorer.ui.composer_check import check_body, composite_note, destination_problem
from explorer.ui.composer_destinations import DestinationField
from explorer.ui.composer_headers import HeaderEditor
from explorer.ui.composer_history import HISTORY_SIZE, ComposerHistory
from explorer.ui.elided_label import ElidedLabel
from explorer.ui.highlighter import BodyHighlighter
from explorer.ui.icons import icon
from explorer.ui.message_detail import monospace_font
from explorer.ui.theme import is_dark
from explorer.ui.wrap_row import WrapRow

__all__ = ["HISTORY_SIZE", "Composer"]
_NO_DESTINATION = {"BEGIN", "COMMIT", "ABORT", "ACK", "NACK"}


class Composer(QWidget):
    """Builds frames to send. `send_requested(ComposeRequest)` fires on Send / Ctrl+Enter
    (one destination), `send_all_requested(list[ComposeRequest])` for the destination list."""

    send_requested = Signal(object)
    send_all_requested = Signal(object)

    def __init__(
        self, parent: QWidget | None = None, *, history: ComposerHistory | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self._store = history if history is not None else ComposerHistory()
        self._connected = False
        self._broker: BrokerKind | None = None
        self._last_command = "SEND"
        self._form_body: str | None = None  # the form's body while RAW mode shows a frame
        # The engine with the user's variables (the window sets it: library collection and
        # profile); Send, the check and Preview all expand with it. None: built-ins only.
        self.template_engine: Callable[[], TemplateEngine | None] = lambda: None

        self.command = QComboBox()
        self.command.setObjectName("composerCommand")
        self.command.addItems([*compose.COMMANDS, compose.RAW])
        self.command.setToolTip(
            self.tr("Frame command; RAW lets you type the whole frame as in nc (␀ ends it)")
        )
        self.command.currentTextChanged.connect(self._command_changed)

        self.destinations = DestinationField()
        self.destinations.changed.connect(self._schedule_validation)
        self.destination = self.destinations.line

        self.content_type = QComboBox()
        self.content_type.setObjectName("composerContentType")
        self.content_type.setEditable(True)
        self.content_type.addItems(["", *compose.CONTENT_TYPES])
        self.content_type.setToolTip(self.tr("content-type header (empty: none)"))
        self.content_type.setMinimumContentsLength(10)
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

        self.preview_button = QToolButton()
        self.preview_button.setObjectName("composerPreviewButton")
        self.preview_button.setIcon(icon("preview"))
        self.preview_button.setToolTip(
            self.tr("Preview the frame as it will be sent, templates expanded")
        )
        self.preview_button.clicked.connect(self.show_preview)

        self.target = ElidedLabel()  # gives way first (its tooltip names the connection)
        self.target.setObjectName("composerTarget")
        self.target.setProperty("hint", True)
        self.target.setMaximumWidth(240)

        self.send_button = QPushButton(icon("send"), self.tr("Send"))
        self.send_button.setObjectName("sendButton")
        self.send_button.setToolTip(self.tr("Send the frame (Ctrl+Enter)"))
        self.send_button.setDefault(True)
        self.target.setMinimumHeight(self.send_button.sizeHint().height())
        self.send_button.clicked.connect(self.request_send)

        # One line in a wide dock; wrapped group by group in a narrow one (small screens).
        self.top_row = top = WrapRow()
        up = Qt.AlignmentFlag.AlignTop
        top.add_group([(self.command, 0, up), (self.destinations, 3)], stretch=3)
        top.add_group([(self.content_type, 1, up), (self.receipt, 0, up), (self.burst, 0, up)], 1)
        top.add_group([(w, 0, up) for w in (self.preview_button, self.history_button)])
        top.add_group([(self.target, 0, up), (self.send_button, 0, up)], at_end=True)

        self.header_box = HeaderEditor()
        self.headers = self.header_box.table

        self.body_area = ComposerBody()
        self.body_area.changed.connect(self._body_changed)
        self.body = self.body_area.edit
        self.body.setFont(monospace_font())
        self.body.setPlaceholderText(self.tr("Body (text or JSON; {{n}} is the copy number)"))
        self.body.setToolTip(self.tr("Body of the frame; in RAW mode, the whole frame"))
        self._highlighter = BodyHighlighter(self.body.document(), is_dark())
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
        # A long refusal must not widen the dock: it is cut here and whole in the tooltip.
        self.result.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.result.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.results = QListWidget()
        self.results.setObjectName("composerResults")
        self.results.setToolTip(self.tr("One result per destination"))
        self.results.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 8)
        self.results.hide()
        status = QHBoxLayout()
        status.addWidget(self.body_area.file_button)
        status.addWidget(self.validation, 1)
        status.addWidget(self.insert_nul)
        status.addWidget(self.result, 1, Qt.AlignmentFlag.AlignRight)
        body_box = QWidget()
        body_layout = QVBoxLayout(body_box)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.body_area, 1)
        body_layout.addLayout(status)
        body_layout.addWidget(self.results)

        for small in (self.body_area, self.headers):  # the dock must fit a small screen
            small.setMinimumHeight(36)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("composerSplitter")
        self.splitter.addWidget(self.header_box)
        self.splitter.addWidget(body_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(top)
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
        self.set_target(None)
        self._rebuild_history_menu()

    # -- public API ------------------------------------------------------------------------

    def set_connected(self, connected: bool) -> None:
        self._connected = connected
        self.send_button.setEnabled(connected)
        if not connected:
            self.send_button.setToolTip(self.tr("Connect first, then send (Ctrl+Enter)"))
        else:
            self.send_button.setToolTip(self.tr("Send the frame (Ctrl+Enter)"))

    def set_target(self, name: str | None, broker: BrokerKind | None = None) -> None:
        """Name the connection Send goes to (None: no tab); results of another one go."""
        text = self.tr("→ {name}").format(name=name) if name else self.tr("→ no connection")
        changed = text != self.target.text()
        self.target.setText(text)
        self.target.setToolTip(
            self.tr("Send goes to the connection of the current tab: {name}").format(name=name)
            if name
            else self.tr("Open a connection tab to send")
        )
        self._broker = broker
        if changed:
            self.clear_results()

    def set_destinations(self, destinations: list[str]) -> None:
        """Completion candidates for the destination field (the tree's destinations)."""
        self.destinations.set_completions(destinations)

    def set_destination(self, destination: str) -> None:
        if self.command.currentText() == compose.RAW:
            self.command.setCurrentText("SEND")
        self.destinations.set_destination(destination)

    def add_header(self, name: str, value: str) -> None:
        self.header_box.add_header(name, value)

    def header_rows(self) -> list[tuple[str, str]]:
        return self.header_box.header_rows()

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
        body_file = self.body_area.body_file() if command == "SEND" else None
        body = b""
        if command == "SEND" and body_file is None:
            body = self.body.toPlainText().encode("utf-8")
        return ComposeRequest(
            command=command,
            headers=tuple(headers),
            body=body,
            receipt=self.receipt.isChecked(),
            count=count,
            body_file=body_file,
            engine=self.template_engine(),
        )

    def build_requests(self) -> list[ComposeRequest]:
        """One request per destination of the list (the single request otherwise)."""
        request = self.build_request()
        targets = self.destinations.destinations()
        if request.raw is not None or len(targets) < 2:
            return [request]
        rest = tuple(h for h in request.headers if h[0] != "destination")
        return [replace(request, headers=(("destination", d), *rest)) for d in targets]

    def request_send(self) -> None:
        self.clear_results()
        if not self._connected:
            self.show_result(self.tr("Not connected: connect a profile first."), ok=False)
            return
        requests = self.build_requests()
        problem = self._problem(requests)
        if problem:
            self.show_result(problem, ok=False)
            return
        self._remember(requests[0] if len(requests) == 1 else self.build_request())
        self.show_result(self.tr("Sending…"), ok=True)
        if len(requests) == 1:
            self.send_requested.emit(requests[0])
        else:
            self.results.show()
            self.send_all_requested.emit(requests)

    def clear_results(self) -> None:
        """Forget the result line and the per-destination results (they describe a frame or
        a connection that is no longer the one shown)."""
        self.result.setText("")
        self.results.clear()
        self.results.hide()

    def show_destination_result(self, destination: str, text: str, ok: bool | None) -> None:
        """One line of the per-destination results: ✓ sent, ✗ refused, • unconfirmed."""
        mark = {True: "✓", False: "✗", None: "•"}[ok]
        item = QListWidgetItem(f"{mark} {destination} — {sentence_case(text)}")
        item.setData(Qt.ItemDataRole.UserRole, ok)
        item.setToolTip(text)
        self.results.addItem(item)
        self.results.show()

    def show_result(self, text: str, ok: bool | None = True) -> None:
        """Green for done, red for failed, neutral (None) for sent but unconfirmed."""
        self.result.setText(sentence_case(text))
        self.result.setToolTip(sentence_case(text))
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
        self.destinations.set_destination(request.destination or "")
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
        self.body_area.set_body_file(None)
        self.body.setPlainText(request.body.decode("utf-8", errors="replace"))
        if request.body_file is not None:
            self.body_area.set_body_file(request.body_file)
        self.receipt.setChecked(request.receipt)
        self.burst.setValue(request.count)

    def load_requests(self, requests: list[ComposeRequest]) -> None:
        """Fill the form from one request per destination (the shape `build_requests`
        gives): the first request's frame, every destination in the list."""
        if not requests:
            return
        self.load_request(requests[0])
        targets = [r.destination for r in requests if r.destination]
        if len(targets) > 1:
            self.destinations.set_several(True)
            self.destinations.list.setPlainText("\n".join(targets))

    def show_preview(self) -> None:
        """The frame(s) Send would send, templates expanded (explorer.ui.composer_preview)."""
        from explorer.ui.composer_preview import ComposerPreview

        dialog = ComposerPreview(self.build_requests(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def history(self) -> list[ComposeRequest]:
        """The frames sent before, newest first (as remembered: without secrets)."""
        return self._store.requests()

    # -- internals -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        """Override: follow a switch between light and dark."""
        if event.type() == QEvent.Type.PaletteChange:
            self._highlighter.set_dark(is_dark())
        super().changeEvent(event)

    def _problem(self, requests: list[ComposeRequest]) -> str | None:
        first = requests[0]
        if first.raw is not None:
            return None
        if first.command in ("SEND", "SUBSCRIBE", "UNSUBSCRIBE") and not first.destination:
            return self.tr("Enter a destination, for example /queue/test.")
        if first.command == "SEND":
            return destination_problem([r.destination or "" for r in requests], self._broker)
        return None

    def _remember(self, request: ComposeRequest) -> None:
        self._store.remember(request)
        self._rebuild_history_menu()

    def _rebuild_history_menu(self) -> None:
        self._history_menu.clear()
        items = self._store.items
        if not items:
            action = self._history_menu.addAction(self.tr("Nothing sent yet"))
            action.setEnabled(False)
            return
        for item in items:
            label = item.request.label()
            if item.omitted_body:
                label += " " + self.tr("(body of {size} not kept)").format(
                    size=f"{item.omitted_body:,} B"
                )
            action = self._history_menu.addAction(label if len(label) < 80 else label[:79] + "…")
            action.triggered.connect(lambda _c=False, r=item.request: self.load_request(r))

    def _command_changed(self, command: str) -> None:
        raw = command == compose.RAW
        was_raw = self._last_command == compose.RAW
        for widget in (self.destinations, self.content_type, self.receipt, self.headers):
            widget.setEnabled(not raw)
        self.destinations.setEnabled(not raw and command not in _NO_DESTINATION)
        self.body_area.file_button.setEnabled(command == "SEND")
        if command != "SEND" and self.body_area.is_file():
            self.body_area.set_body_file(None)
        # RAW mode types the headers into the frame itself: the table would only mislead.
        self.header_box.setVisible(not raw)
        self.insert_nul.setVisible(raw)
        self._highlighter.set_mode("raw" if raw else "json")
        if raw and not was_raw:
            # Start from the frame the form describes (or a template), never from a body
            # that would not parse as a frame.
            self._form_body = self.body.toPlainText()
            with QSignalBlocker(self.body):
                self.body.setPlainText(
                    compose.form_to_raw_text(
                        self._last_command,
                        self.destination.text().strip(),
                        self.content_type.currentText().strip(),
                        self.header_rows(),
                        self._form_body,
                    )
                )
        elif was_raw and not raw and self._form_body is not None:
            with QSignalBlocker(self.body):
                self.body.setPlainText(self._form_body)
            self._form_body = None
        self._last_command = command
        self.validate()

    def _body_changed(self) -> None:
        self.clear_results()
        self._schedule_validation()

    def _schedule_validation(self) -> None:
        self._validate_timer.start()

    def validate(self) -> bool | None:
        """Check the body (after templates, with the one engine) as JSON when it looks like
        JSON, and the destinations against the broker; None when there is nothing to check."""
        self._validate_timer.stop()
        command = self.command.currentText()
        targets = self.destinations.destinations()
        problem = destination_problem(targets, self._broker) if command == "SEND" else None
        if problem is not None:
            return self._say(False, problem)
        if command != "SEND" or self.body_area.is_file():
            note = composite_note(targets[0], self._broker) if len(targets) == 1 else None
            return self._say(None, note or "")
        destination = targets[0] if targets else ""
        ok, words = check_body(
            self.body.toPlainText(),
            self.content_type.currentText(),
            self.header_rows(),
            destination,
            self.template_engine(),
        )
        if ok is None and len(targets) == 1:
            words = composite_note(destination, self._broker) or ""
        return self._say(ok, words)

    def _say(self, ok: bool | None, words: str) -> bool | None:
        self.validation.setText(words)
        self.validation.setProperty("valid", {True: "true", False: "false", None: "hint"}[ok])
        self.validation.style().unpolish(self.validation)
        self.validation.style().polish(self.validation)
        return ok
