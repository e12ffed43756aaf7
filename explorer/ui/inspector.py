"""The window's answer to "what is on this destination?": history, diff and chart docks.

Selecting a node of the current tab's tree shows its latest message in the message pane and
its recent messages in the history dock (`destinationHistory`, with `messageDiff` below it);
"Chart this field" in the message pane's JSON view adds a series to the chart dock
(`valueChart`). The window creates one `Inspector` and hands it the tab container, the
message pane and how to show an entry there; the inspector wires itself and never reaches
into a tab.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QVBoxLayout, QWidget

from explorer.store import LogEntry
from explorer.ui.message_detail import MessageDetail
from explorer.ui.session import SessionController
from explorer.ui.tabs import ConnectionTabs

if TYPE_CHECKING:
    from explorer.ui.history_view import HistoryPanel
    from explorer.ui.value_chart import ValueChart

MakeDock = Callable[[str, str, QWidget, Qt.DockWidgetArea], QDockWidget]


class Inspector(QObject):
    """Owns the history and chart docks and follows the current tab's tree selection."""

    def __init__(
        self,
        tabs: ConnectionTabs,
        detail: MessageDetail,
        show_entry: Callable[[LogEntry | None], None],
        shown_entry: Callable[[], LogEntry | None],
        make_dock: MakeDock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.tabs = tabs
        self._show_entry = show_entry
        self._shown_entry = shown_entry
        # The history panel (and the diff below it) is built when first needed: nothing of
        # it costs start-up time.
        self._history: HistoryPanel | None = None
        self.history_dock = make_dock(
            "historyDock", self.tr("History"), QWidget(), Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.history_dock.visibilityChanged.connect(lambda shown: shown and self.history)
        self._window: QMainWindow | None = None
        self._beside: QDockWidget | None = None
        # The chart (pyqtgraph) is built on first use; until then the dock explains itself.
        self.chart_holder = QWidget()
        self.chart_holder.setObjectName("chartHolder")
        hint = QLabel(
            self.tr(
                "Right-click a number in the message pane's JSON view and choose “Chart this "
                "field” to follow it over time here."
            )
        )
        hint.setObjectName("chartPlaceholder")
        hint.setProperty("hint", True)
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        holder_layout = QVBoxLayout(self.chart_holder)
        holder_layout.addWidget(hint)
        self._chart_hint = hint
        self.chart: ValueChart | None = None  # built when a field is first charted
        self.chart_dock = make_dock(
            "chartDock", self.tr("Chart"), self.chart_holder, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        for dock in (self.history_dock, self.chart_dock):  # shown from the View menu too
            dock.visibilityChanged.connect(partial(self._shown, dock))
        self.problem = ""  # the last "cannot chart" sentence (shown in the dock)
        # Both docks stay hidden until first used (a saved layout may show them at once):
        # their tabs would only take height from a small window before they have content.
        self.history_dock.hide()
        self.chart_dock.hide()
        self._history_opened = False
        tabs.cur_destination_selected.connect(self.destination_selected)
        tabs.cur_message_selected.connect(self._message_selected)
        tabs.current_session_changed.connect(self._session_changed)
        detail.field_chart_requested.connect(self.chart_field)

    @property
    def history(self) -> HistoryPanel:
        """The history dock's panel (`destinationHistory`), built on first use."""
        if self._history is None:
            from explorer.ui.history_view import HistoryPanel

            self._history = HistoryPanel()
            self._history.entry_selected.connect(self._show_entry)
            self.history_dock.setWidget(self._history)
        return self._history

    @property
    def docks(self) -> tuple[QDockWidget, QDockWidget]:
        return (self.history_dock, self.chart_dock)

    def place(self, window: QMainWindow, beside: QDockWidget) -> None:
        """The docks go in tabs beside `beside` (the composer: history and diff want the
        width) when they are first shown; until then they stay hidden and out of every tab
        group (a hidden dock in one changes how the window restores its size)."""
        self._window, self._beside = window, beside
        for dock in self.docks:
            dock.setFloating(False)
            dock.hide()

    def _tab(self, dock: QDockWidget) -> None:
        """Put a dock that is being shown in the composer's tabs (once)."""
        window, beside = self._window, self._beside
        if window is None or beside is None or dock.isFloating():
            return
        if window.dockWidgetArea(dock) != window.dockWidgetArea(beside):
            return  # the user moved it elsewhere: it stays there
        if beside not in window.tabifiedDockWidgets(dock):
            window.tabifyDockWidget(beside, dock)

    def _shown(self, dock: QDockWidget, shown: bool) -> None:
        if shown:
            self._tab(dock)

    def _open(self, dock: QDockWidget) -> None:
        if not dock.isVisible():
            self._tab(dock)
            dock.show()
        dock.raise_()

    def destination_selected(self, path: str) -> None:
        """A node of the current tab's tree: its history, and its latest message shown."""
        session = self.tabs.current_session()
        if session is None or not path:
            if self._history is not None:
                self._history.show_destination(None, "")
            return
        node = session.destinations.tree.node(path)
        destination = path if node is not None and node.is_destination else ""
        self.history.show_destination(session.history, destination)
        if destination and not self._history_opened:
            self._history_opened = True  # once per run: a user who closes it keeps it closed
            self._open(self.history_dock)
        if destination and self.history_dock.isVisible():
            self.history_dock.raise_()
        latest = session.history.latest(destination) if destination else None
        if latest is not None:
            self._show_entry(latest)
            self.history.select_entry(latest)

    def _message_selected(self, entry: LogEntry | None) -> None:
        """A log row of the destination the history shows: select (and diff) it there too."""
        panel = self._history
        if panel is not None and entry is not None and entry.destination == panel.destination:
            panel.select_entry(entry)

    def _session_changed(self, session: SessionController | None) -> None:
        if self._history is None:
            return  # nothing shown yet: the first selection builds the panel
        view = self.tabs.current_view()
        selected = view.tree_pane.selected_destination() if view is not None else None
        if session is None or not selected:
            self.history.show_destination(None, "")
        else:
            node = session.destinations.tree.node(selected)
            shown = selected if node is not None and node.is_destination else ""
            self.history.show_destination(session.history, shown)

    def chart_field(self, path: str, _value: float = 0.0) -> bool:
        """ "Chart this field" for the message the pane shows: a series of its destination."""
        from explorer.ui.value_chart import ChartError, ValueChart  # pyqtgraph: on first use

        entry = self._shown_entry()
        session = self.tabs.current_session()
        if entry is None or session is None or not entry.destination:
            return False
        if self.chart is None:
            self.chart = ValueChart()
            self.chart_dock.setWidget(self.chart)
            self.chart_holder.deleteLater()
        try:
            self.chart.add_series(session.history, entry.destination, path)
        except ChartError as exc:
            self.problem = str(exc)
            self.chart.hint.setText(self.problem)
            self.chart.hint.show()
            return False
        self._open(self.chart_dock)
        return True
