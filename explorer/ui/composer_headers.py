"""The composer's extra headers: a name/value table whose names complete from the well-known
STOMP headers, with add and remove buttons."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.session import compose
from explorer.ui.icons import icon


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


class HeaderEditor(QWidget):
    """The "Headers" box of the composer (`table` is objectName composerHeaders)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        table = self.table = QTableWidget(0, 2)
        table.setObjectName("composerHeaders")
        table.setHorizontalHeaderLabels([self.tr("Header"), self.tr("Value")])
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().resizeSection(0, 140)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        table.setItemDelegate(_HeaderNameDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setToolTip(self.tr("Extra headers; names complete from well-known ones"))
        add = QToolButton()
        add.setObjectName("composerAddHeader")
        add.setIcon(icon("add"))
        add.setAutoRaise(True)
        add.setToolTip(self.tr("Add a header"))
        add.clicked.connect(lambda: self.add_header("", ""))
        remove = QToolButton()
        remove.setObjectName("composerRemoveHeader")
        remove.setIcon(icon("remove"))
        remove.setAutoRaise(True)
        remove.setToolTip(self.tr("Remove the selected headers"))
        remove.clicked.connect(self._remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Headers")))
        buttons.addStretch(1)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(table)

    def add_header(self, name: str, value: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        self.table.setItem(row, 1, QTableWidgetItem(value))

    def header_rows(self) -> list[tuple[str, str]]:
        """(name, value) of every row with a name, in table order."""
        rows = []
        for row in range(self.table.rowCount()):
            name_item, value_item = self.table.item(row, 0), self.table.item(row, 1)
            name = name_item.text().strip() if name_item else ""
            value = value_item.text() if value_item else ""
            if name:
                rows.append((name, value))
        return rows

    def _remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
