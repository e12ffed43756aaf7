"""The main window: profiles dock, the connection tabs, message and composer docks.

The window wires its parts once: the tab container (`ConnectionTabs`) forwards the current
tab's signals, the credentials flow (`Credentials`) owns passcodes, and every coroutine a
slot starts runs through the window's `TaskRunner`, whose failures go to the status bar.
Layout (dock positions, sizes, splitters) is saved when the window closes and restored when
it opens. Closing the window disconnects every connection cleanly (DISCONNECT with a
receipt, bounded wait) before it goes away.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QStatusBar,
    QWidget,
)

from explorer.profiles import ProfileStore
from explorer.profiles.model import Profile
from explorer.session.compose import ComposeRequest
from explorer.store import LogEntry
from explorer.ui import last_session
from explorer.ui.captures import CaptureWorkspace
from explorer.ui.composer import Composer
from explorer.ui.composer_link import ComposerLink
from explorer.ui.config import WindowSettings
from explorer.ui.connection_view import ConnectionView
from explorer.ui.connections_pane import ConnectionsPane
from explorer.ui.credentials import Credentials
from explorer.ui.discard_guard import DiscardGuard
from explorer.ui.icons import icon
from explorer.ui.inspector import Inspector
from explorer.ui.message_detail import MessageDetail
from explorer.ui.messages import worded_probe
from explorer.ui.opener import ConnectionOpener
from explorer.ui.ops_workspace import OperationsWorkspace
from explorer.ui.sandbox_runner import SandboxRunner
from explorer.ui.session import SessionController
from explorer.ui.status import ConnectionStatus
from explorer.ui.tabs import ConnectionTabs
from explorer.ui.tasks import TaskRunner
from explorer.ui.workbench import Workbench

LAYOUT_VERSION = 1

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """The STOMP Explorer window."""

    def __init__(
        self, store: ProfileStore, settings: WindowSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("STOMP Explorer"))
        self.store = store
        self.settings = settings
        self.sandbox = SandboxRunner()
        self._closing = False
        self._closed_cleanly = False
        self.runner = TaskRunner(lambda text: self.statusBar().showMessage(text, 10000))
        self.credentials = Credentials(store, self)

        # -- central: a welcome page, or one tab per connection ---------------------------
        self.tabs = ConnectionTabs(self.runner)
        self.tabs.guard = DiscardGuard(settings, self)
        self.opener = ConnectionOpener(
            store=store,
            tabs=self.tabs,
            credentials=self.credentials,
            sandbox=self.sandbox,
            settings=settings,
            runner=self.runner,
            report=lambda text: self.statusBar().showMessage(text, 10000),
        )
        self.tabs.view_closed.connect(lambda view: self.credentials.forget(view.session))
        self.tabs.current_session_changed.connect(self._current_changed)
        self.tabs.cur_state_changed.connect(self._refresh)
        self.tabs.cur_stats_changed.connect(self._refresh_status)
        self.tabs.cur_destinations_changed.connect(self._update_completions)
        self.tabs.cur_message_selected.connect(self._show_entry)
        self.tabs.cur_compose_to.connect(self._compose_to)
        self.tabs.cur_send_again.connect(self._send_again)
        self.welcome = QLabel(
            self.tr(
                "<h2>STOMP Explorer</h2><p>Pick a profile on the left and press <b>Connect</b> "
                "(Ctrl+Shift+C), or type a broker URL such as <code>stomp://localhost:61613</code> "
                "in the quick-connect box above the list.</p><p>The <b>Sandbox</b> profile starts "
                "a built-in broker with demo traffic: nothing to install.</p>"
            )
        )
        self.welcome.setObjectName("welcome")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setWordWrap(True)
        self.central = QStackedWidget()
        self.central.addWidget(self.welcome)
        self.central.addWidget(self.tabs)
        self.setCentralWidget(self.central)

        # -- connections dock: profiles with state dots, Connect, Disconnect ---------------
        pane = self.connections = ConnectionsPane(store, settings, self.tabs, worded_probe)
        self.profiles = pane.profiles
        self.profiles.connect_requested.connect(self.open_profile)
        self.profiles.profile_saved.connect(self.opener.profile_saved)
        pane.connect_button.clicked.connect(self.connect_selected)
        pane.disconnect_button.clicked.connect(self.disconnect_current)
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        self.profiles_dock = self._dock("profilesDock", self.tr("Connections"), pane, left)
        self.captures = CaptureWorkspace(self, self.tabs, self.runner, store, pane.profiles.model)

        # -- detail and composer docks ---------------------------------------------------
        self.detail = MessageDetail()
        self.detail.acknowledge.connect(self._acknowledge)
        self.detail.field_filter_requested.connect(self._filter_log)
        self._detail_entry: LogEntry | None = None
        self.detail_dock = self._dock(
            "detailDock", self.tr("Message"), self.detail, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.composer = Composer()
        # Send goes to the current tab's session; the link names it beside Send.
        self.composer_link = ComposerLink(self.composer, self.tabs, self.runner)
        self.composer_dock = self._dock(
            "composerDock",
            self.tr("Composer"),
            self.composer,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        # History, diff and chart of the destination selected in the tree.
        self.inspector = Inspector(
            self.tabs, self.detail, self._show_entry, lambda: self._detail_entry, self._dock, self
        )
        self.inspector.place(self, self.composer_dock)

        self.workbench = Workbench(  # message library, scenarios, benchmark
            self, self.composer, self.composer_dock, self.detail_dock, self.runner, self._dock
        )
        self.operations = OperationsWorkspace(self)  # move, purge, re-publish, health dock

        # -- status bar --------------------------------------------------------------------
        status = QStatusBar()
        status.setObjectName("statusBar")
        self.setStatusBar(status)
        self.status = ConnectionStatus(status)
        self.status.follow(self.tabs)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(1000)
        self._status_timer.timeout.connect(self._refresh_status)
        self._status_timer.start()

        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._build_actions()
        self._first_geometry()
        self.restore_layout()
        self._refresh()

    # -- construction helpers --------------------------------------------------------------

    def _first_geometry(self) -> None:
        """Until a layout is saved: 88 % of the available screen, centred."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1400, 880)
            return
        area = screen.availableGeometry()
        width, height = round(area.width() * 0.88), round(area.height() * 0.88)
        self.resize(width, height)
        self.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def _action(
        self,
        text: str,
        slot: Any,
        shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
        icon_name: str | None = None,
        tip: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&Connection"))
        self.connect_action = self._action(
            self.tr("&Connect"),
            self.connect_selected,
            "Ctrl+Shift+C",
            "connect",
            self.tr("Connect the selected profile"),
        )
        self.disconnect_action = self._action(
            self.tr("&Disconnect"),
            self.disconnect_current,
            "Ctrl+Shift+D",
            "disconnect",
            self.tr("Disconnect the current connection"),
        )
        file_menu.addAction(self.connect_action)
        file_menu.addAction(self.disconnect_action)
        file_menu.addAction(self.opener.another_user.action)  # Alice and Bob side by side
        file_menu.addSeparator()
        self.captures.add_actions(file_menu)  # open, import, record
        file_menu.addAction(self.profiles.action_import)
        file_menu.addAction(self.profiles.action_export)
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                self.tr("&Settings…"),
                self.open_settings,
                None,
                "settings",
                self.tr("Language and log size"),
            )
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        )
        log_menu = menu.addMenu(self.tr("&Log"))
        log_menu.addAction(
            self._action(
                self.tr("&Pause / resume"),
                self._toggle_pause,
                "Ctrl+P",
                "pause",
                self.tr("Pause or resume the log"),
            )
        )
        log_menu.addAction(
            self._action(
                self.tr("&Filter"),
                self._focus_filter,
                QKeySequence.StandardKey.Find,
                "filter",
                self.tr("Filter the log"),
            )
        )
        log_menu.addAction(
            self._action(
                self.tr("&Compose"),
                self._focus_composer,
                "Ctrl+K",
                "send",
                self.tr("Go to the composer"),
            )
        )
        view_menu = menu.addMenu(self.tr("&View"))
        for dock in (self.profiles_dock, self.detail_dock, self.composer_dock):
            view_menu.addAction(dock.toggleViewAction())
        for dock in self.inspector.docks:
            view_menu.addAction(dock.toggleViewAction())
        self.operations.add_menus(view_menu)
        view_menu.addSeparator()
        view_menu.addAction(self._action(self.tr("&Reset layout"), self.reset_layout))
        self.workbench.add_menus(menu, view_menu)
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About STOMP Explorer"), self.open_about))

    # -- connections -----------------------------------------------------------------------

    def current_view(self) -> ConnectionView | None:
        return self.tabs.current_view()

    def current_session(self) -> SessionController | None:
        return self.tabs.current_session()

    def views(self) -> list[ConnectionView]:
        return self.tabs.views()

    def select_profile(self, name: str) -> bool:
        """Select profile `name` in the list; False when there is none by that name."""
        self.profiles.select(name)
        selected = self.profiles.selected()
        return selected is not None and selected.name == name

    def connect_selected(self) -> None:
        profile = self.profiles.selected()
        if profile is None:
            self.statusBar().showMessage(self.tr("Select a profile first."), 5000)
            return
        self.open_profile(profile)

    def open_profile(self, profile: Profile) -> None:
        """Open a connection tab for `profile`, or connect its idle tab again in place."""
        self.opener.open(profile)

    def disconnect_current(self) -> None:
        session = self.current_session()
        if session is not None and session.is_active:
            self.runner.run(session.shutdown())

    def _current_changed(self, session: SessionController | None) -> None:
        self.detail.clear()
        if session is None:
            self.setWindowTitle(self.tr("STOMP Explorer"))
        else:
            self.setWindowTitle(self.tr("{name} — STOMP Explorer").format(name=session.name))
        self.central.setCurrentWidget(self.tabs if self.tabs.count() else self.welcome)
        view = self.current_view()
        if view is not None:
            entry = view.selected_entry()
            if entry is not None:
                self._show_entry(entry)
        self._update_completions()
        self._refresh()

    def _refresh(self) -> None:
        """Buttons, actions and the status bar follow the current session's state."""
        session = self.current_session()
        active = session is not None and session.is_active
        self.connections.disconnect_button.setEnabled(active)
        self.disconnect_action.setEnabled(active)
        self.composer.set_connected(session is not None and session.is_connected)
        self.workbench.set_session(session)
        self._refresh_status()

    def _refresh_status(self) -> None:
        self.status.show_session(self.current_session())

    def _update_completions(self) -> None:
        session = self.current_session()
        if session is not None:
            self.composer.set_destinations(session.destinations.tree.destinations())

    # -- detail and composer ---------------------------------------------------------------

    def _show_entry(self, entry: LogEntry | None) -> None:
        self._detail_entry = entry
        if entry is None:
            self.detail.clear()
            return
        self.detail.show_frame(entry.command, entry.headers, entry.body)
        session = self.current_session()
        self.detail.set_ackable(session is not None and session.needs_ack(entry))

    def _acknowledge(self, accept: bool) -> None:
        """The detail pane's ACK / NACK for the message it shows."""
        view, entry = self.current_view(), self._detail_entry
        if view is None or entry is None:
            return
        self.detail.set_ackable(False)  # one answer per message
        view.acknowledge(entry, accept)

    def _compose_to(self, destination: str) -> None:
        self.composer_dock.show()
        self.composer_dock.raise_()
        self.composer.set_destination(destination)
        self.composer.body.setFocus()

    def _send_again(self, request: ComposeRequest) -> None:
        self.composer_dock.show()
        self.composer_dock.raise_()
        self.composer.load_request(request)
        self.composer.body.setFocus()

    def _filter_log(self, expression: str) -> None:
        """The JSON view's "Show only messages with this value": the current tab's log."""
        view = self.current_view()
        if view is not None:
            view.pages.setCurrentWidget(view.log_pane)
            view.log_pane.filter_by_expression(expression)

    def _toggle_pause(self) -> None:
        view = self.current_view()
        if view is not None:
            view.toggle_pause()

    def _focus_filter(self) -> None:
        view = self.current_view()
        if view is not None:
            view.focus_filter()

    def _focus_composer(self) -> None:
        self.composer_dock.show()
        self.composer_dock.raise_()
        self.composer.body.setFocus()

    # -- dialogs -----------------------------------------------------------------------------

    def open_settings(self) -> None:
        from explorer.ui.settings_dialog import SettingsDialog

        SettingsDialog(self.settings, self).open()

    def open_about(self) -> None:
        from explorer.ui.about import AboutDialog

        AboutDialog(self).open()

    # -- layout ------------------------------------------------------------------------------

    def save_layout(self) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.layout = self.saveState(LAYOUT_VERSION)
        view = self.current_view()
        if view is not None:
            self.settings.tree_fraction = view.current_tree_fraction()
            self.settings.hidden_log_columns = view.log_pane.hidden_columns()
            self.settings.hidden_tree_columns = view.tree_pane.hidden_columns()
        self.settings.last_session = last_session.snapshot(self.tabs.sessions(), self.store)
        self.settings.sync()

    def restore_layout(self) -> None:
        geometry = self.settings.geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.layout
        if state is not None:
            self.restoreState(state, LAYOUT_VERSION)
        else:
            self._default_dock_sizes()

    def reset_layout(self) -> None:
        for dock, area in (
            (self.profiles_dock, Qt.DockWidgetArea.LeftDockWidgetArea),
            (self.detail_dock, Qt.DockWidgetArea.RightDockWidgetArea),
            (self.composer_dock, Qt.DockWidgetArea.BottomDockWidgetArea),
        ):
            dock.setFloating(False)
            self.addDockWidget(area, dock)
            dock.show()
        self.inspector.place(self, self.composer_dock)
        self.workbench.place()
        self.operations.place()
        self._default_dock_sizes()

    def _default_dock_sizes(self) -> None:
        self.resizeDocks(
            [self.profiles_dock, self.detail_dock],
            [240, max(340, self.width() // 4)],
            Qt.Orientation.Horizontal,
        )
        self.resizeDocks([self.composer_dock], [200], Qt.Orientation.Vertical)

    # -- closing -----------------------------------------------------------------------------

    async def shutdown(self) -> None:
        """End pending actions (an opening tab must not connect after this), disconnect every
        session (each bounded to 3 s) and stop the sandbox."""
        await self.runner.shutdown()
        await self.tabs.shutdown()
        await self.captures.shutdown()  # after the tabs: their DISCONNECTs are recorded
        try:
            await self.sandbox.stop()
        except Exception:  # closing the window must go on; the reason goes to the log
            log.exception("the sandbox broker did not stop cleanly")

    def closeEvent(self, event: QCloseEvent) -> None:
        """Override: save the layout, then close only after a clean disconnect."""
        if self._closed_cleanly:
            event.accept()
            return
        event.ignore()
        if self._closing:
            return
        self._closing = True
        self.save_layout()

        async def finish() -> None:
            if not await self.tabs.may_close(quitting=True):
                self._closing = False  # the user kept the window (and its messages)
                return
            try:
                await self.shutdown()
            finally:
                self._closed_cleanly = True
                self.close()

        self.runner.run(finish())
