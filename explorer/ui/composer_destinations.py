"""Where the composer sends: one destination, or a list of them (one SEND each).

The line is the usual case. The "+" button opens a list, one destination per line, for the
same frame to several destinations; the composer then sends one SEND to each and shows one
result per destination. A comma is not a list separator: on ActiveMQ it makes one composite
SEND (checked by `explorer.session.composite`), elsewhere it is refused with a sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from explorer.ui.icons import icon


class DestinationField(QWidget):
    """A destination line with a "+" that turns it into a list."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit()
        self.line.setObjectName("composerDestination")
        self.line.setPlaceholderText(self.tr("/queue/name or /topic/name"))
        self.line.setToolTip(
            self.tr(
                "Destination (completes from the destination tree). On ActiveMQ a comma makes "
                "one composite SEND: /queue/a,/topic/b"
            )
        )
        self.line.textChanged.connect(self.changed)
        self.completions = QStringListModel(self)
        completer = QCompleter(self.completions, self.line)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.line.setCompleter(completer)

        self.list = QPlainTextEdit()
        self.list.setObjectName("composerDestinations")
        self.list.setPlaceholderText(self.tr("One destination per line: one SEND to each"))
        self.list.setToolTip(self.tr("Destinations, one per line: each gets its own SEND"))
        self.list.setTabChangesFocus(True)
        rows = self.fontMetrics().lineSpacing() * 3 + 12
        self.list.setFixedHeight(rows)
        self.list.textChanged.connect(self.changed)
        self.list.hide()

        self.toggle = QToolButton()
        self.toggle.setObjectName("composerAddDestination")
        self.toggle.setIcon(icon("add"))
        self.toggle.setAutoRaise(True)
        self.toggle.setCheckable(True)
        self.toggle.setToolTip(self.tr("Send to several destinations (a list, one per line)"))
        self.toggle.toggled.connect(self.set_several)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignTop)

    def several(self) -> bool:
        """True while the list is shown."""
        return self.toggle.isChecked()

    def set_several(self, on: bool) -> None:
        """Show the list (filled from the line) or the line (the list's first entry)."""
        if self.toggle.isChecked() != on:
            self.toggle.setChecked(on)  # comes back here through `toggled`
            return
        if on:
            if not self.list.toPlainText().strip():
                self.list.setPlainText(self.line.text().strip())
        else:
            first = next(iter(self.destinations()), "")
            self.line.setText(first)
        self.line.setVisible(not on)
        self.list.setVisible(on)
        self.toggle.setIcon(icon("remove" if on else "add"))
        self.toggle.setToolTip(
            self.tr("Back to one destination")
            if on
            else self.tr("Send to several destinations (a list, one per line)")
        )
        (self.list if on else self.line).setFocus()
        self.changed.emit()

    def destinations(self) -> list[str]:
        """What Send goes to: the line, or the list's non-empty lines (repeats dropped)."""
        if not self.several():
            text = self.line.text().strip()
            return [text] if text else []
        lines = (line.strip() for line in self.list.toPlainText().splitlines())
        return list(dict.fromkeys(line for line in lines if line))

    def set_destination(self, destination: str) -> None:
        """One destination in the line (the list closes)."""
        self.set_several(False)
        self.line.setText(destination)

    def set_completions(self, destinations: list[str]) -> None:
        if destinations != self.completions.stringList():
            self.completions.setStringList(destinations)
