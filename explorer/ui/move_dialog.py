"""The dialog of one queue operation: move, copy, re-drive or remove matching messages.

It edits a plan (target, selector, our filter, a count), says in a sentence what running it
will do (with "a crash can duplicate but never lose"), lists what would be touched (the dry
run: Preview), and shows progress with Stop and the result. It does no I/O itself: it asks
(`preview_requested`, `run_requested`, `stop_requested`) and `QueueOps` runs the work and
calls back `add_listed`, `show_progress`, `finish_*`.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.broker.kind import BrokerKind
from explorer.operations import ListedMessage, ListingMethod, MovePlan, MoveResult
from explorer.ui import ops_text
from explorer.ui.icons import icon
from explorer.ui.outcome import show_outcome

PREVIEW_LIMIT = 500  # a dry run lists at most this many (a big queue is not read whole)
PREVIEW_HEIGHT = 520
BODY_EXCERPT = 120
MAX_COUNT = 10_000_000


class Operation(StrEnum):
    MOVE = "move"
    COPY = "copy"
    REDRIVE = "redrive"
    REMOVE = "remove"


def supports_selectors(broker: BrokerKind) -> bool:
    """JMS selectors are evaluated by the broker: ActiveMQ and Artemis only."""
    return broker in (BrokerKind.ACTIVEMQ, BrokerKind.ARTEMIS)


class MoveDialog(QDialog):
    """One operation on the queue `source` of a connection (non-modal; objectName
    moveDialog). Fields: moveTarget, moveSelector, moveFilter, moveCount."""

    preview_requested = Signal(object)  # MovePlan (the dry run's)
    run_requested = Signal(object)  # MovePlan, or None for "remove by selector" (Jolokia)
    stop_requested = Signal()

    def __init__(
        self,
        operation: Operation,
        source: str,
        broker: BrokerKind,
        connection: str,
        destinations: list[str],
        depth: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("moveDialog")
        self.operation = operation
        self.source = source
        self.broker = broker
        self.queue_depth = depth
        self.running = False
        self._shown = 0
        titles = {
            Operation.MOVE: self.tr("Move messages — {source}"),
            Operation.COPY: self.tr("Copy messages — {source}"),
            Operation.REDRIVE: self.tr("Re-drive dead letters — {source}"),
            Operation.REMOVE: self.tr("Remove matching messages — {source}"),
        }
        self.setWindowTitle(titles[operation].format(source=source))

        self.target = QLineEdit()
        self.target.setObjectName("moveTarget")
        self.target.setPlaceholderText(self.tr("/queue/name"))
        self.target.setToolTip(self.tr("The queue the messages go to"))
        queues = [d for d in destinations if d != source and not d.startswith("/topic/")]
        completer = QCompleter(queues, self.target)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.target.setCompleter(completer)
        self.selector = QLineEdit()
        self.selector.setObjectName("moveSelector")
        self.selector.setPlaceholderText(self.tr("JMS selector, e.g. priority > 4"))
        if supports_selectors(broker):
            self.selector.setToolTip(
                self.tr("Evaluated by the broker: only matching messages are delivered")
            )
        else:
            self.selector.setEnabled(False)
            self.selector.setToolTip(
                self.tr("This broker has no message selectors: use the filter below")
            )
        self.filter = QLineEdit()
        self.filter.setObjectName("moveFilter")
        self.filter.setPlaceholderText(self.tr("Search expression, e.g. $.region == 'eu'"))
        self.filter.setToolTip(
            self.tr(
                "Our own filter (the log's search language): every message is read, the ones "
                "it does not match stay on the queue, marked redelivered"
            )
        )
        self.count = QSpinBox()
        self.count.setObjectName("moveCount")
        self.count.setRange(0, MAX_COUNT)
        self.count.setSpecialValueText(self.tr("All"))
        self.count.setToolTip(self.tr("How many messages at most (All: until the queue is empty)"))
        self.count.setGroupSeparatorShown(True)
        form = QFormLayout()
        form.addRow(self.tr("Source"), _selectable(source))
        if operation in (Operation.MOVE, Operation.COPY):
            form.addRow(self.tr("Target"), self.target)
        elif operation is Operation.REDRIVE:
            form.addRow(self.tr("Target"), QLabel(self.tr("each message's original destination")))
        form.addRow(self.tr("Selector"), self.selector)
        form.addRow(self.tr("Filter"), self.filter)
        form.addRow(self.tr("At most"), self.count)
        form.addRow(self.tr("Connection"), _selectable(connection))

        self.summary = QLabel()
        self.summary.setObjectName("moveSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview = QTableWidget(0, 4)
        self.preview.setObjectName("movePreview")
        self.preview.setHorizontalHeaderLabels(
            [self.tr("#"), self.tr("Message id"), self.tr("Goes to"), self.tr("Body")]
        )
        self.preview.verticalHeader().hide()
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.setWordWrap(False)
        self.preview.setAlternatingRowColors(True)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(1, 190)
        header.resizeSection(2, 170)
        # "Goes to" differs per message only in a re-drive
        self.preview.setColumnHidden(2, operation is not Operation.REDRIVE)
        self.preview.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.preview.setMinimumHeight(90)
        self.preview.hide()
        self.progress = QProgressBar()
        self.progress.setObjectName("moveProgress")
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("moveStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()

        self.preview_button = QPushButton(icon("preview"), self.tr("Preview"))
        self.preview_button.setObjectName("movePreviewButton")
        self.preview_button.setToolTip(
            self.tr("List what would be touched, touching nothing (at most {n})").format(
                n=f"{PREVIEW_LIMIT:,}"
            )
        )
        self.preview_button.clicked.connect(self._preview)
        run_labels = {
            Operation.MOVE: (self.tr("Move"), "send"),
            Operation.COPY: (self.tr("Copy"), "duplicate"),
            Operation.REDRIVE: (self.tr("Re-drive"), "up"),
            Operation.REMOVE: (self.tr("Delete matching"), "remove"),
        }
        label, icon_name = run_labels[operation]
        self.run_button = QPushButton(icon(icon_name), label)
        self.run_button.setObjectName("moveRunButton")
        self.run_button.clicked.connect(self._run)
        self.stop_button = QPushButton(icon("stop"), self.tr("Stop"))
        self.stop_button.setObjectName("moveStopButton")
        self.stop_button.setToolTip(self.tr("Stop after the batch in flight (nothing is lost)"))
        self.stop_button.clicked.connect(self.stop_requested)
        self.stop_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("moveCloseButton")
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        for edit in (self.target, self.selector, self.filter):
            edit.textChanged.connect(lambda _t: self._update())
        self.count.valueChanged.connect(lambda _v: self._update())
        self.resize(640, 300)
        self._update()

    # -- the plan ----------------------------------------------------------------------------

    def plan(self) -> MovePlan | None:
        """The plan the fields describe; None for "remove by selector" (a Jolokia purge with
        a selector: no plan). ValueError when the fields are incomplete."""
        selector = self.selector.text().strip() or None
        where = self.filter.text().strip() or None
        count = self.count.value() or None
        if self.operation is Operation.REMOVE:
            if where is None:
                if selector is None:
                    raise ValueError(self.tr("Give a selector or a filter: what to delete."))
                return None
            return MovePlan(self.source, discard=True, where=where, selector=selector, count=count)
        if self.operation is Operation.REDRIVE:
            return MovePlan(
                self.source, to_original=True, selector=selector, where=where, count=count
            )
        target = self.target.text().strip()
        if not target:
            raise ValueError(self.tr("Type the target queue."))
        return MovePlan(
            self.source,
            target=target,
            copy=self.operation is Operation.COPY,
            selector=selector,
            where=where,
            count=count,
        )

    def preview_plan(self) -> MovePlan:
        """The dry run's plan: the same, capped at PREVIEW_LIMIT (a placeholder target for a
        removal by selector: a dry run sends nothing)."""
        plan = self.plan()
        if plan is None:
            placeholder = self.source + ".preview"  # never sent to: a dry run sends nothing
            plan = MovePlan(self.source, target=placeholder, selector=self.selector_text)
        count = min(plan.count or PREVIEW_LIMIT, PREVIEW_LIMIT)
        return MovePlan(
            plan.source,
            target=plan.target,
            to_original=plan.to_original,
            copy=plan.copy,
            selector=plan.selector,
            count=count,
            where=plan.where,
            discard=plan.discard,
        )

    @property
    def selector_text(self) -> str | None:
        return self.selector.text().strip() or None

    def question(self) -> str:
        """The sentence a destructive run asks (the summary line says the same)."""
        plan = self.plan()
        if plan is None:
            return ops_text.purge_question(self.source, self.selector_text, None)
        return ops_text.move_question(plan)

    def _update(self) -> None:
        try:
            text = self.question()
            ready = True
        except ValueError as exc:
            text, ready = str(exc), False
        self.summary.setText(text)
        self.summary.setProperty("hint", not ready)
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)
        self.run_button.setEnabled(ready and not self.running)
        self.preview_button.setEnabled(ready and not self.running)

    # -- requests ----------------------------------------------------------------------------

    def _preview(self) -> None:
        try:
            plan = self.preview_plan()
        except ValueError as exc:
            self.show_error(str(exc))
            return
        self.preview.setRowCount(0)
        self._shown = 0
        self.preview.show()
        if self.height() < PREVIEW_HEIGHT:  # room for a dozen rows
            self.resize(self.width(), PREVIEW_HEIGHT)
        self.set_running(True, self.tr("Listing…"))
        self.preview_requested.emit(plan)

    def _run(self) -> None:
        try:
            plan = self.plan()
        except ValueError as exc:
            self.show_error(str(exc))
            return
        self.run_requested.emit(plan)

    # -- what the controller reports ---------------------------------------------------------

    def set_running(self, running: bool, text: str = "") -> None:
        """Fields and buttons while work runs (Stop enabled), and a busy bar."""
        self.running = running
        for widget in (self.target, self.selector, self.filter, self.count):
            widget.setEnabled(not running and (widget is not self.selector or self._selectors))
        self.stop_button.setEnabled(running)
        self.close_button.setEnabled(not running)
        self.progress.setVisible(running)
        if running:
            self.progress.setRange(0, 0)
            self._say(text, "")
        self._update()

    @property
    def _selectors(self) -> bool:
        return supports_selectors(self.broker)

    def started(self, plan: MovePlan | None) -> None:
        """The run began: a determinate bar when the count (or the queue's depth) is known."""
        self.set_running(True, self.tr("Working…"))
        if self.preview.isVisible():  # what it listed is about to change
            self.preview.setRowCount(0)
            self.preview.hide()
            self.resize(self.width(), self.sizeHint().height())
        total = plan.count if plan is not None and plan.count else None
        if total is None and plan is not None and not plan.selector and not plan.where:
            total = self.queue_depth or None
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(0)

    def add_listed(self, item: ListedMessage) -> None:
        """One message of the dry run (the first PREVIEW_LIMIT are shown)."""
        if self._shown >= PREVIEW_LIMIT:
            return
        row = self.preview.rowCount()
        self.preview.insertRow(row)
        message = item.message
        body = message.body[:BODY_EXCERPT].decode("utf-8", "replace").replace("\n", " ")
        goes = item.target or self.tr("(skipped: no original destination)")
        for column, text in enumerate(
            (str(item.position), message.header("message-id") or "", goes, body)
        ):
            cell = QTableWidgetItem(text)
            cell.setToolTip(text)
            self.preview.setItem(row, column, cell)
        self._shown += 1
        self.status.setText(self.tr("Listing… {count}").format(count=f"{item.position:,}"))

    def finish_listing(self, count: int, method: ListingMethod, plan: MovePlan) -> None:
        self.set_running(False)
        text = ops_text.listing_text(count, method, plan)
        if plan.count == PREVIEW_LIMIT and count >= PREVIEW_LIMIT:
            text += " " + self.tr("The preview stops at {n}: there may be more.").format(
                n=f"{PREVIEW_LIMIT:,}"
            )
        self._say(text, "info")

    def show_progress(self, result: MoveResult, plan: MovePlan) -> None:
        if self.progress.maximum() > 0:
            self.progress.setValue(min(result.handled, self.progress.maximum()))
        self.status.setText(ops_text.counts_text(result, plan))

    def finish_run(self, text: str, level: str = "info") -> None:
        self.set_running(False)
        self._say(text, level)

    def show_error(self, text: str) -> None:
        self.set_running(False)
        self._say(text, "error")

    def _say(self, text: str, level: str) -> None:
        """The status line; `level` "error" (red), "info" (done: green) or "" (working)."""
        show_outcome(self.status, text, {"error": False, "info": True}.get(level))
        self.status.show()

    def reject(self) -> None:
        """Override: Escape or the title bar's close while work runs stops it first."""
        if self.running:
            self.stop_requested.emit()
            return
        super().reject()


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
