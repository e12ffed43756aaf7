"""The tab of one connection: a banner above the tree pane and the log/traffic pages.

It owns the connection's `TaskRunner` (network actions started from its panes report their
failures in its banner and end with the tab) and forwards the panes' signals, so the tab
container and the window talk to a `ConnectionView` and never to the panes inside it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from explorer.store import LogEntry
from explorer.ui.banner import Banner
from explorer.ui.config import DEFAULT_TREE_FRACTION
from explorer.ui.icons import icon
from explorer.ui.log_pane import LogPane
from explorer.ui.recording import Recording
from explorer.ui.session import SessionController
from explorer.ui.tasks import TaskRunner
from explorer.ui.traffic import TrafficView
from explorer.ui.tree_pane import TreePane


class ConnectionView(QWidget):
    """Banner, destination tree, message log and traffic inspector of one session."""

    message_selected = Signal(object)  # LogEntry | None
    compose_to = Signal(str)  # "send to this destination"
    destination_selected = Signal(str)  # a tree node was selected (its path, "" for none)
    send_again = Signal(object)  # ComposeRequest

    def __init__(self, session: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("connectionView")
        self.banner = Banner()
        session.error_raised.connect(lambda text: self.banner.show_message(text, "error"))
        session.notice.connect(lambda text: self.banner.show_message(text, "info"))
        self.runner = TaskRunner(lambda text: self.banner.show_message(text, "error"))

        self.tree_pane = TreePane(session, self.banner, self.runner)
        self.tree_pane.compose_to.connect(self.compose_to)
        self.tree_pane.destination_selected.connect(self.destination_selected)
        self.tree = self.tree_pane.tree
        self.log_pane = LogPane(session, self.banner, self.runner)
        self.log_pane.message_selected.connect(self.message_selected)
        self.log_pane.send_again.connect(self.send_again)
        self.log = self.log_pane.log
        self.traffic = TrafficView(session.traffic)

        self.pages = QTabWidget()
        self.pages.setObjectName("connectionPages")
        self.pages.addTab(self.log_pane, icon("filter"), self.tr("Messages"))
        self.pages.addTab(self.traffic, icon("raw"), self.tr("Traffic"))
        self.pages.setTabToolTip(0, self.tr("Messages received and sent"))
        self.pages.setTabToolTip(1, self.tr("Every frame and heart-beat on the wire"))
        # Narrow (a small screen): the tab titles are cut short, never scrolled by arrows.
        self.pages.setUsesScrollButtons(False)
        self.pages.setElideMode(Qt.TextElideMode.ElideRight)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("connectionSplitter")
        self.splitter.addWidget(self.tree_pane)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self._sized = False
        # Share of the width for the tree (remembered by the window).
        self.tree_fraction = DEFAULT_TREE_FRACTION

        self.recording: Recording | None = None
        """The tab's recording to a capture file (`explorer.ui.captures`), or None."""

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self._layout = layout

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Override: split the width between tree and log once the tab has its real size."""
        super().resizeEvent(event)
        width = self.splitter.width()
        if not self._sized and width >= 400:
            self._sized = True
            tree = round(width * self.tree_fraction)
            self.splitter.setSizes([tree, width - tree])
            self.tree.header().resizeSection(0, max(140, round(tree * 0.45)))

    def add_strip(self, widget: QWidget) -> None:
        """Show `widget` across the tab under the banner (e.g. the recording indicator)."""
        self._layout.insertWidget(self._layout.indexOf(self.splitter), widget)

    @property
    def is_recording(self) -> bool:
        """True while a capture file records this tab (its messages are kept there)."""
        return self.recording is not None and self.recording.active

    @property
    def capture_path(self) -> Path | None:
        """The capture file this tab records to, None when it does not record."""
        return self.recording.path if self.recording is not None and self.recording.active else None

    def current_tree_fraction(self) -> float:
        sizes = self.splitter.sizes()
        total = sum(sizes)
        return sizes[0] / total if total else self.tree_fraction

    # -- what the window asks of the current tab --------------------------------------------

    def flush_filters(self) -> None:
        """Apply pending filter edits now (tests, and Enter in a filter box)."""
        self.tree_pane.flush_filter()
        self.log_pane.flush_filter()

    def focus_filter(self) -> None:
        self.pages.setCurrentWidget(self.log_pane)
        self.log_pane.focus_filter()

    def toggle_pause(self) -> None:
        self.log_pane.toggle_pause()

    def selected_entry(self) -> LogEntry | None:
        return self.log_pane.selected_entry()

    def acknowledge(self, entry: LogEntry, accept: bool) -> None:
        """ACK or NACK `entry` (the message pane's buttons); the result shows in the banner."""
        self.runner.run(
            self.session.acknowledge(entry, accept),
            lambda text: self.banner.show_message(text, "info"),
        )

    async def shutdown(self) -> None:
        """Disconnect the session (bounded wait) and end the tab's pending actions."""
        await self.session.shutdown()
        await self.runner.shutdown()
