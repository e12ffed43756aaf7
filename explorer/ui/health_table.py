"""The health dock's tables as Qt models: one row per destination, its figures as text.

A reading may list thousands of destinations (a whole broker) every couple of seconds, so
the rows live in a model (no item objects) and a reading with the same destinations only
says its cells changed: the selection and the scroll position stay where they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

ModelIndex = QModelIndex | QPersistentModelIndex
Row = tuple[str, tuple[str, ...]]  # (destination, the other cells)
DestinationRole: Final = int(Qt.ItemDataRole.UserRole) + 1
_RIGHT: Final = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def short_name(destination: str, node: str) -> str:
    """`destination` without the scope's `node` in front ("….orders"), whole otherwise."""
    if node and destination != node and destination.startswith(node):
        rest = destination[len(node) :]
        if rest[:1] in (".", "/"):
            return "…" + rest
    return destination


class FiguresModel(QAbstractTableModel):
    """Destinations (shown relative to `node`) and their figures, as text."""

    def __init__(self, titles: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.titles = list(titles)
        self.node = ""
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        """New figures; the same destinations in the same order only change the cells."""
        rows = list(rows)
        same = len(rows) == len(self._rows) and all(
            a[0] == b[0] for a, b in zip(rows, self._rows, strict=True)
        )
        if same:
            self._rows = rows
            if rows:
                last = self.index(len(rows) - 1, len(self.titles) - 1)
                self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.DisplayRole])
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def destination_at(self, row: int) -> str | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def row_of(self, destination: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r[0] == destination), None)

    def cells(self, row: int) -> list[str]:
        """What a row shows, first cell included (tests, copy)."""
        destination, others = self._rows[row]
        return [short_name(destination, self.node), *others]

    # -- QAbstractTableModel -------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        destination, others = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return short_name(destination, self.node) if column == 0 else others[column - 1]
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return destination
        if role == DestinationRole:
            return destination
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return _RIGHT
        return None
