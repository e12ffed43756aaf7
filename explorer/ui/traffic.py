"""The traffic inspector: the wire records of one connection, and the selected one in full.

The rows come from `explorer.ui.models.TrafficModel` (batched like the message log); this
widget shows them, hides heart-beats or healthy frames on request, follows the newest record,
and lists a selected frame's violations of the specification above its bytes.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from explorer.ui.body_format import hex_dump, human_size, visible_bytes
from explorer.ui.heartbeat_view import HeartbeatView
from explorer.ui.icons import icon
from explorer.ui.message_detail import monospace_font
from explorer.ui.messages import describe_violation
from explorer.ui.models.traffic import TrafficModel
from explorer.ui.wrap_row import WrapRow


class TrafficView(QWidget):
    """The inspector tab: the record table plus the selected record in full (text and hex)."""

    def __init__(self, model: TrafficModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trafficInspector")
        self.model = model
        self.table = QTableView()
        self.table.setObjectName("trafficView")
        self.table.setModel(model)
        self.table.setProperty("monospace", True)
        self.table.setToolTip(self.tr("Every frame and heart-beat on the wire; passcodes as ***"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        self.table.setFont(monospace_font())
        problem_width = self.table.fontMetrics().horizontalAdvance("undefined-escape @ 123456")
        for column, width in (
            (TrafficModel.TIME, 100),
            (TrafficModel.DIRECTION, 36),
            (TrafficModel.FRAME, 120),
            (TrafficModel.BYTES, 64),
            (TrafficModel.PROBLEM, problem_width + 16),
        ):
            header.resizeSection(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        model.rowsInserted.connect(self._after_insert)
        model.rowsAboutToBeInserted.connect(self._before_insert)
        model.modelReset.connect(self._update_count)
        model.rowsRemoved.connect(lambda *_: self._update_count())
        self._at_bottom = True

        self.detail = QPlainTextEdit()
        self.detail.setObjectName("trafficDetail")
        self.detail.setReadOnly(True)
        self.detail.setFont(monospace_font())
        self.detail.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.detail.setToolTip(self.tr("The selected record, byte-exact, then as hex"))

        self.heartbeats = QCheckBox(self.tr("Heart-beats"))
        self.heartbeats.setChecked(True)
        self.heartbeats.setToolTip(self.tr("Show heart-beat records"))
        self.heartbeats.toggled.connect(lambda _on: self._filter_rows(0, model.rowCount() - 1))
        self.problems_only = QCheckBox(self.tr("Problems only"))
        self.problems_only.setObjectName("trafficProblemsOnly")
        self.problems_only.setToolTip(
            self.tr("Show only the frames that broke the STOMP specification (marked rows)")
        )
        self.problems_only.toggled.connect(lambda _on: self._filter_rows(0, model.rowCount() - 1))
        self.count = QLabel()
        self.count.setProperty("hint", True)
        clear = QPushButton(icon("clear"), self.tr("Clear"))
        clear.setToolTip(self.tr("Forget the records shown so far"))
        clear.clicked.connect(model.clear)
        bar = WrapRow()  # wrapped in a narrow window (small screens)
        bar.add_group([(self.heartbeats, 0)])
        bar.add_group([(self.problems_only, 0)])
        bar.add_group([(self.count, 0), (clear, 0)], at_end=True)
        for small in (self.table, self.detail):
            small.setMinimumHeight(36)

        # Offered vs agreed heart-beats and their timeline (collapsible: drag it away).
        self.heartbeat_view = HeartbeatView(model.heartbeats)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.heartbeat_view)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(bar)
        layout.addWidget(splitter, 1)
        self._update_count()

    def _before_insert(self) -> None:
        bar = self.table.verticalScrollBar()
        self._at_bottom = bar.value() >= bar.maximum() - 2

    def _after_insert(self, _parent: QModelIndex, first: int, last: int) -> None:
        self._filter_rows(first, last)
        if self._at_bottom:
            self.table.scrollToBottom()
        self._update_count()

    def _update_count(self) -> None:
        """The count above the table; the Problem column shows only while a row has one, so
        healthy traffic keeps the width for the bytes."""
        problems = self.model.problems
        text = self.tr("{count} records").format(count=self.model.rowCount())
        if problems:
            text += " · " + self.tr("{count} with problems").format(count=problems)
        self.count.setText(text)
        if self.table.isColumnHidden(TrafficModel.PROBLEM) == bool(problems):
            self.table.setColumnHidden(TrafficModel.PROBLEM, not problems)

    def _filter_rows(self, first: int, last: int) -> None:
        """Hide heart-beats and healthy frames as the two check boxes ask."""
        heartbeats = self.heartbeats.isChecked()
        problems_only = self.problems_only.isChecked()
        for row in range(first, last + 1):
            rec = self.model.row_record(row)
            hidden = (rec.heartbeat and not heartbeats) or (problems_only and not rec.violations)
            if hidden != self.table.isRowHidden(row):
                self.table.setRowHidden(row, hidden)

    def _show_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.detail.clear()
            return
        rec = self.model.row_record(current.row())
        problems = "".join(f"⚠ {describe_violation(v)}\n" for v in rec.violations)
        self.detail.setPlainText(
            (problems + "\n" if problems else "")
            + visible_bytes(rec.data)
            + "\n\n"
            + human_size(len(rec.data))
            + "\n"
            + hex_dump(rec.data)
        )
