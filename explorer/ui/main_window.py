"""The main window: profiles dock, one tab per connection, detail and composer docks.

Layout (dock positions, sizes, splitters) is saved in the settings file when the window
closes and restored when it opens. Closing the window disconnects every connection cleanly
(DISCONNECT with a receipt, bounded wait) before it goes away.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QColor, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QStatusBar,
    QTabBar,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.client import ClientError
from explorer.profiles import ProfileError, ProfileStore
from explorer.profiles.model import Profile
from explorer.profiles.probe import probe_connection
from explorer.profiles.resolve import settings_for
from explorer.profiles.secrets import MANAGEMENT_PASSWORD, PASSCODE
from explorer.sandbox import SandboxError
from explorer.store import LogEntry
from explorer.ui.compose import ComposeRequest
from explorer.ui.composer import Composer
from explorer.ui.connection_view import ConnectionView
from explorer.ui.icons import icon
from explorer.ui.message_detail import MessageDetail
from explorer.ui.messages import describe_client_error
from explorer.ui.passcode_prompt import PasscodePrompt
from explorer.ui.profile_list import ProfileListWidget
from explorer.ui.sandbox_runner import SandboxRunner, is_sandbox
from explorer.ui.session import SessionController, SessionState
from explorer.ui.settings_dialog import log_limit
from explorer.ui.status import ConnectionStatus

LAYOUT_VERSION = 1

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """The STOMP Explorer window."""

    def __init__(
        self, store: ProfileStore, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("STOMP Explorer"))
        self.store = store
        self.settings = settings
        self.sandbox = SandboxRunner()
        self.sessions: list[SessionController] = []
        self._closing = False
        self._closed_cleanly = False
        self._tasks: set[asyncio.Task[Any]] = set()
        # Passcodes typed in the prompt, saved only once the broker accepts them.
        self._typed_passcodes: dict[SessionController, str] = {}
        # Profiles whose login the broker refused: their passcode is asked for again.
        self._refused: set[str] = set()
        # Asks for a passcode (profile, login, persistent?) -> text or None; tests replace it.
        self.ask_passcode: Callable[[str, str, bool], Awaitable[str | None]] = (
            lambda profile, login, persistent: PasscodePrompt(
                profile, login, self, persistent=persistent
            ).ask()
        )

        # -- central: a welcome page, or one tab per connection ---------------------------
        self.tabs = QTabWidget()
        self.tabs.setObjectName("connectionTabs")
        self.tabs.setMovable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        self.tabs.currentChanged.connect(self._current_changed)
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

        # -- profiles dock -----------------------------------------------------------------
        self.profiles = ProfileListWidget(store, test_connection=probe_connection)
        self.profiles.connect_requested.connect(self.open_profile)
        if self.profiles.selected() is None and self.profiles.model.rowCount():
            first = self.profiles.model.profile(0)
            if first is not None:
                self.profiles.select(first.name)
        self.connect_button = QPushButton(icon("connect"), self.tr("Connect"))
        self.connect_button.setObjectName("connectButton")
        self.connect_button.setToolTip(self.tr("Connect the selected profile (Ctrl+Shift+C)"))
        self.connect_button.clicked.connect(self.connect_selected)
        self.disconnect_button = QPushButton(icon("disconnect"), self.tr("Disconnect"))
        self.disconnect_button.setObjectName("disconnectButton")
        self.disconnect_button.setToolTip(
            self.tr("Disconnect the connection shown on the right (Ctrl+Shift+D)")
        )
        self.disconnect_button.clicked.connect(self.disconnect_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.connect_button)
        buttons.addWidget(self.disconnect_button)
        panel = QWidget()
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(4, 4, 4, 4)
        panel_layout.addWidget(self.profiles, 1)
        panel_layout.addLayout(buttons)
        self.profiles_dock = self._dock(
            "profilesDock", self.tr("Connections"), panel, Qt.DockWidgetArea.LeftDockWidgetArea
        )

        # -- detail and composer docks ---------------------------------------------------
        self.detail = MessageDetail()
        self.detail.acknowledge.connect(self._acknowledge)
        self._detail_entry: LogEntry | None = None
        self.detail_dock = self._dock(
            "detailDock", self.tr("Message"), self.detail, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.composer = Composer()
        self.composer.send_requested.connect(self._send)
        self.composer_dock = self._dock(
            "composerDock",
            self.tr("Composer"),
            self.composer,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )

        # -- status bar --------------------------------------------------------------------
        status = QStatusBar()
        status.setObjectName("statusBar")
        self.setStatusBar(status)
        self.status = ConnectionStatus(status)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(1000)
        self._status_timer.timeout.connect(self._refresh_status)
        self._status_timer.start()

        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._build_actions()
        self._first_geometry()
        self.restore_layout()
        self._refresh_buttons()
        self._refresh_status()

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
        view_menu.addSeparator()
        view_menu.addAction(self._action(self.tr("&Reset layout"), self.reset_layout))
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About STOMP Explorer"), self.open_about))

    # -- sessions ----------------------------------------------------------------------------

    def current_view(self) -> ConnectionView | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, ConnectionView) else None

    def current_session(self) -> SessionController | None:
        view = self.current_view()
        return view.session if view is not None else None

    def views(self) -> list[ConnectionView]:
        return [
            w
            for i in range(self.tabs.count())
            if isinstance(w := self.tabs.widget(i), ConnectionView)
        ]

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
        """Open a connection tab for `profile` (the sandbox is started first if needed).

        A tab of the same profile that is disconnected or failed is connected again in place,
        keeping its log, tree and subscriptions (after a refused login, with a passcode
        asked for again)."""
        for view in self.views():
            if view.session.name == profile.name and not view.session.is_active:
                self.tabs.setCurrentWidget(view)
                view.banner.hide()
                if view.session.login_was_refused or profile.name in self._refused:
                    self._spawn(self._reopen(view, profile))
                    return
                view.session.start()
                self._refresh_buttons()
                return
        self._spawn(self._open(profile))

    async def _resolve(self, profile: Profile) -> tuple[Any, str | None] | None:
        """The connection settings of `profile`, asking for its passcode when needed:
        (settings, passcode typed now or None), or None when cancelled or impossible."""
        try:
            if is_sandbox(profile):
                profile = await self.sandbox.resolve(profile)
            settings = settings_for(profile, self.store)
        except (ProfileError, OSError, SandboxError) as exc:
            self.statusBar().showMessage(
                self.tr("Cannot connect {name}: {error}").format(name=profile.name, error=exc),
                10000,
            )
            return None
        typed: str | None = None
        if (
            settings.passcode is None
            and settings.login
            and (not settings.secrets_persistent or profile.name in self._refused)
        ):
            typed = await self.ask_passcode(
                profile.name, settings.login, settings.secrets_persistent
            )
            if typed is None:
                return None
            settings = replace(settings, passcode=typed)
        return settings, typed

    async def _reopen(self, view: ConnectionView, profile: Profile) -> None:
        resolved = await self._resolve(profile)
        if resolved is None or view.session.is_active:
            return
        settings, typed = resolved
        session = view.session
        session.settings = settings
        if typed is not None:
            self._typed_passcodes[session] = typed
        session.start()
        self._refresh_buttons()

    def reenter_passcode(self, view: ConnectionView) -> None:
        """The banner's "Re-enter passcode": ask again and connect the tab in place."""
        self._refused.add(view.session.name)
        self._spawn(self._reopen(view, view.session.profile))

    def _login_refused(self, session: SessionController, text: str) -> None:
        """Forget the refused passcode (memory and keyring) so the next Connect asks."""
        name = session.name
        self._typed_passcodes.pop(session, None)
        self._refused.add(name)
        if name in self.store and not session.profile.builtin:
            with contextlib.suppress(Exception):
                self.store.set_secret(name, PASSCODE, None)
        for view in self.views():
            if view.session is session:
                view.banner.show_message(
                    text,
                    "error",
                    self.tr("Re-enter passcode"),
                    partial(self.reenter_passcode, view),
                )

    def _login_accepted(self, session: SessionController) -> None:
        """Save a typed passcode now that the broker accepted it."""
        self._refused.discard(session.name)
        typed = self._typed_passcodes.pop(session, None)
        if typed is not None and session.name in self.store and not session.profile.builtin:
            with contextlib.suppress(Exception):
                self.store.set_secret(session.name, PASSCODE, typed)

    async def _open(self, profile: Profile) -> SessionController | None:
        resolved = await self._resolve(profile)
        if resolved is None:
            return None
        settings, typed = resolved
        profile = settings.profile
        password = None
        if profile.name in self.store and not profile.builtin:
            password = self.store.get_secret(profile.name, MANAGEMENT_PASSWORD)
        if password is None and not profile.management.login:
            password = settings.passcode  # the usual case: one login for STOMP and management
        session = SessionController(settings, self, management_password=password)
        if typed is not None:
            self._typed_passcodes[session] = typed
        session.login_refused.connect(lambda text: self._login_refused(session, text))
        session.send_refused.connect(lambda text: self._send_refused(session, text))
        session.messages.set_limits(log_limit(self.settings), session.messages.log.max_bytes)
        view = ConnectionView(session)
        view.set_hidden_columns(self._hidden_log_columns())
        view.tree_fraction = self._tree_fraction()
        view.message_selected.connect(self._show_entry)
        view.compose_to.connect(self._compose_to)
        view.send_again.connect(self._send_again)
        session.state_changed.connect(lambda: self._session_changed(session))
        session.stats_changed.connect(self._refresh_status)
        session.destinations.flushed.connect(lambda *_: self._update_completions())
        self.sessions.append(session)
        index = self.tabs.addTab(view, profile.name)
        self.tabs.setTabToolTip(index, settings.endpoint.url())
        close = QToolButton()
        close.setObjectName("closeTabButton")
        close.setIcon(icon("close"))
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Disconnect and close this tab"))
        close.clicked.connect(lambda: self._close_tab(self.tabs.indexOf(view)))
        if profile.colour:
            self.tabs.tabBar().setTabTextColor(index, QColor(profile.colour))
        self.tabs.tabBar().setTabButton(index, QTabBar.ButtonPosition.RightSide, close)
        self.tabs.setCurrentIndex(index)
        self.central.setCurrentWidget(self.tabs)
        session.start()
        self._refresh_buttons()
        return session

    def disconnect_current(self) -> None:
        session = self.current_session()
        if session is not None and session.is_active:
            self._spawn(session.shutdown())

    def _close_tab(self, index: int) -> None:
        view = self.tabs.widget(index)
        if not isinstance(view, ConnectionView):
            return
        session = view.session

        async def close() -> None:
            await session.shutdown()
            if session in self.sessions:
                self.sessions.remove(session)
            i = self.tabs.indexOf(view)
            if i >= 0:
                self.tabs.removeTab(i)
            view.deleteLater()
            session.deleteLater()
            if not self.tabs.count():
                self.central.setCurrentWidget(self.welcome)
                self.detail.clear()
            self._refresh_buttons()

        self._spawn(close())

    def _session_changed(self, session: SessionController) -> None:
        if session.state is SessionState.CONNECTED:
            self._login_accepted(session)
        for view in self.views():
            if view.session is session:
                index = self.tabs.indexOf(view)
                self.tabs.setTabIcon(index, icon(_STATE_ICONS.get(session.state, "info")))
        self._refresh_buttons()
        self._refresh_status()

    def _current_changed(self, _index: int) -> None:
        self.detail.clear()
        session = self.current_session()
        self.setWindowTitle(
            self.tr("{name} — STOMP Explorer").format(name=session.name)
            if session is not None
            else self.tr("STOMP Explorer")
        )
        view = self.current_view()
        if view is not None:
            entry = view.selected_entry()
            if entry is not None:
                self._show_entry(entry)
        self._update_completions()
        self._refresh_buttons()
        self._refresh_status()

    def _refresh_buttons(self) -> None:
        session = self.current_session()
        active = session is not None and session.is_active
        self.disconnect_button.setEnabled(active)
        self.disconnect_action.setEnabled(active)
        self.composer.set_connected(session is not None and session.is_connected)

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
        view.run(view.session.acknowledge(entry, accept), view._info)

    def _compose_to(self, destination: str) -> None:
        self.composer_dock.show()
        self.composer.set_destination(destination)
        self.composer.body.setFocus()

    def _send_again(self, request: ComposeRequest) -> None:
        self.composer_dock.show()
        self.composer.load_request(request)
        self.composer.body.setFocus()

    def _send(self, request: ComposeRequest) -> None:
        view = self.current_view()
        if view is None:
            self.composer.show_result(self.tr("Not connected: connect a profile first."), False)
            return

        async def send() -> None:
            try:
                result = await view.session.execute(request)
            except ClientError as exc:
                self.composer.show_result(describe_client_error(exc), ok=False)
            except Exception as exc:  # shown, never lost in qasync's excepthook
                self.composer.show_result(
                    self.tr("Unexpected error: {error}").format(error=exc), ok=False
                )
            else:
                self.composer.show_result(result.text, ok=result.confirmed)

        self._spawn(send())

    def _send_refused(self, session: SessionController, text: str) -> None:
        if session is self.current_session():
            self.composer.show_result(text, ok=False)

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
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState(LAYOUT_VERSION))
        view = self.current_view()
        if view is not None:
            s.setValue("window/tree_fraction", round(view.current_tree_fraction(), 3))
            s.setValue("log/hidden_columns", ",".join(map(str, view.hidden_columns())))
        s.sync()

    def _hidden_log_columns(self) -> list[int]:
        text = str(self.settings.value("log/hidden_columns", ""))
        return [int(part) for part in text.split(",") if part.strip().isdigit()]

    def restore_layout(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        state = s.value("window/state")
        if isinstance(state, QByteArray | bytes):
            self.restoreState(QByteArray(state), LAYOUT_VERSION)
        else:
            self._default_dock_sizes()

    def _tree_fraction(self) -> float:
        try:
            value = float(str(self.settings.value("window/tree_fraction", 0.34)))
        except ValueError:
            return 0.34
        return min(0.8, max(0.1, value))

    def reset_layout(self) -> None:
        for dock, area in (
            (self.profiles_dock, Qt.DockWidgetArea.LeftDockWidgetArea),
            (self.detail_dock, Qt.DockWidgetArea.RightDockWidgetArea),
            (self.composer_dock, Qt.DockWidgetArea.BottomDockWidgetArea),
        ):
            dock.setFloating(False)
            self.addDockWidget(area, dock)
            dock.show()
        self._default_dock_sizes()

    def _default_dock_sizes(self) -> None:
        self.resizeDocks(
            [self.profiles_dock, self.detail_dock],
            [240, max(340, self.width() // 4)],
            Qt.Orientation.Horizontal,
        )
        self.resizeDocks([self.composer_dock], [200], Qt.Orientation.Vertical)

    # -- tasks and closing -------------------------------------------------------------------

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task: asyncio.Task[Any] = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def shutdown(self) -> None:
        """Disconnect every session (each bounded to 3 s) and stop the sandbox."""
        await asyncio.gather(
            *(s.shutdown() for s in self.sessions if s.is_active), return_exceptions=True
        )
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
            try:
                await self.shutdown()
            finally:
                self._closed_cleanly = True
                self.close()

        self._spawn(finish())


_STATE_ICONS = {
    SessionState.CONNECTED: "connect",
    SessionState.CONNECTING: "history",
    SessionState.RECONNECTING: "history",
    SessionState.FAILED: "warning",
    SessionState.CLOSED: "disconnect",
    SessionState.IDLE: "disconnect",
}
