"""The headers of a frame as a two-column table, times made readable.

ActiveMQ's `timestamp` and `expires` are milliseconds since 1970 ("1796012537123"): shown
as local time, with the raw value on hover; copying keeps the raw value.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

# Headers that carry an epoch time (milliseconds on ActiveMQ, seconds on RabbitMQ/AMQP).
TIME_HEADERS = frozenset({"timestamp", "expires"})
_MS_FROM = 10**11  # larger values are milliseconds (1973 in ms, 5138 in seconds)
_SECONDS_FROM = 10**8


def epoch_seconds(value: str) -> float | None:
    """The time an epoch header holds, in seconds; None when it is not one (or 0: never)."""
    text = value.strip()
    if not text.isdigit():
        return None
    number = int(text)
    if number >= _MS_FROM:
        return number / 1000
    if number >= _SECONDS_FROM:
        return float(number)
    return None


def local_time_text(seconds: float) -> str:
    """ "2026-11-30 10:42:17.123" in the machine's time zone."""
    return datetime.fromtimestamp(seconds).isoformat(sep=" ", timespec="milliseconds")


class HeaderTable(QTableWidget):
    """Headers in wire order (repeats kept); epoch times shown as local time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels([self.tr("Header"), self.tr("Value")])
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setToolTip(self.tr("Headers in wire order (repeats kept)"))

    def show_headers(self, headers: Sequence[tuple[str, str]]) -> None:
        self.setRowCount(len(headers))
        for row, (name, value) in enumerate(headers):
            self.setItem(row, 0, QTableWidgetItem(name))
            self.setItem(row, 1, self._value_item(name, value))

    def _value_item(self, name: str, value: str) -> QTableWidgetItem:
        seconds = epoch_seconds(value) if name in TIME_HEADERS else None
        if seconds is None:
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            return item
        item = QTableWidgetItem(local_time_text(seconds))
        unit = self.tr("milliseconds") if int(value) >= _MS_FROM else self.tr("seconds")
        item.setToolTip(self.tr("{raw} ({unit} since 1970-01-01 UTC)").format(raw=value, unit=unit))
        return item
