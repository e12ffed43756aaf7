"""The connection tab container: owns the connection views and their sessions.

Like qutebrowser's tabbed browser, it forwards the signals of the *current* tab as `cur_*`
signals and says when the current session changes, so the window wires itself once, to this
container, and never reaches into a tab: switching tabs never rewires anything.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QTabBar, QTabWidget, QToolButton, QWidget

from explorer.profiles.resolve import ConnectionSettings
from explorer.session.subscriptions import SubscriptionSpec
from explorer.ui.connection_view import ConnectionView
from explorer.ui.discard_guard import DiscardGuard
from explorer.ui.icons import icon
from explorer.ui.session import SessionController, SessionState
from explorer.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

_STATE_ICONS = {
    SessionState.CONNECTED: "connect",
    SessionState.CONNECTING: "history",
    SessionState.RECONNECTING: "history",
    SessionState.FAILED: "warning",
    SessionState.CLOSED: "disconnect",
    SessionState.IDLE: "disconnect",
}


class ConnectionTabs(QTabWidget):
    """One tab (a `ConnectionView`) per open connection."""

    # The current tab's session changed (another tab, or None once the last tab closed).
    current_session_changed = Signal(object)  # SessionController | None
    # Any session changed state (tab icons, summaries, the credentials flow).
    session_state_changed = Signal(object)  # SessionController
    view_added = Signal(object)  # ConnectionView, before its session starts
    view_closed = Signal(object)  # ConnectionView, removed and about to be deleted
    # The current tab's signals, forwarded.
    cur_state_changed = Signal()
    cur_stats_changed = Signal()
    cur_destinations_changed = Signal()  # the tree published new destinations
    cur_message_selected = Signal(object)  # LogEntry | None
    cur_compose_to = Signal(str)
    cur_destination_selected = Signal(str)  # a tree node of the current tab was selected
    cur_send_again = Signal(object)  # ComposeRequest
    cur_send_refused = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionTabs")
        self.setMovable(True)
        self.setDocumentMode(True)
        self._runner = runner
        self._closing: set[ConnectionView] = set()
        # Asks before a close discards messages nobody exported (the window sets it).
        self.guard: DiscardGuard | None = None
        self.tabCloseRequested.connect(self.close_tab)
        self.currentChanged.connect(lambda _index: self._current_changed())

    # -- looking up ------------------------------------------------------------------------

    def views(self) -> list[ConnectionView]:
        return [w for i in range(self.count()) if isinstance(w := self.widget(i), ConnectionView)]

    def sessions(self) -> list[SessionController]:
        return [view.session for view in self.views()]

    def current_view(self) -> ConnectionView | None:
        widget = self.currentWidget()
        return widget if isinstance(widget, ConnectionView) else None

    def current_session(self) -> SessionController | None:
        view = self.current_view()
        return view.session if view is not None else None

    def idle_view(self, profile_name: str) -> ConnectionView | None:
        """A tab of `profile_name` that is disconnected or failed (to connect in place)."""
        return next(
            (
                view
                for view in self.views()
                if view.session.name == profile_name and not view.session.is_active
            ),
            None,
        )

    # -- opening and closing ---------------------------------------------------------------

    def open(
        self,
        settings: ConnectionSettings,
        management_password: str | None = None,
        *,
        restore: Sequence[SubscriptionSpec] = (),
    ) -> ConnectionView:
        """A new tab for `settings`, made current; its session is not started yet (and
        subscribes to `restore` once it is connected)."""
        session = SessionController(
            settings, self, management_password=management_password, restore=restore
        )
        view = ConnectionView(session)
        session.state_changed.connect(partial(self._state_changed, view))
        session.stats_changed.connect(partial(self._forward, view, self.cur_stats_changed))
        session.send_refused.connect(partial(self._forward, view, self.cur_send_refused))
        session.destinations.flushed.connect(
            lambda *_: self._forward(view, self.cur_destinations_changed)
        )
        view.message_selected.connect(partial(self._forward, view, self.cur_message_selected))
        view.compose_to.connect(partial(self._forward, view, self.cur_compose_to))
        view.destination_selected.connect(
            partial(self._forward, view, self.cur_destination_selected)
        )
        view.send_again.connect(partial(self._forward, view, self.cur_send_again))
        profile = settings.profile
        index = self.addTab(view, icon(_STATE_ICONS[session.state]), self._title(profile.name))
        self._describe(index, settings)
        close = QToolButton()
        close.setObjectName("closeTabButton")
        close.setIcon(icon("close"))
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Disconnect and close this tab"))
        close.clicked.connect(lambda: self.close_tab(self.indexOf(view)))
        if profile.colour:
            self.tabBar().setTabTextColor(index, QColor(profile.colour))
        self.tabBar().setTabButton(index, QTabBar.ButtonPosition.RightSide, close)
        self.view_added.emit(view)
        self.setCurrentIndex(index)
        return view

    def _title(self, name: str, view: ConnectionView | None = None) -> str:
        """`name`, or `name (2)`, `name (3)`…: two tabs never read the same."""
        taken = {self.tabText(i) for i in range(self.count()) if self.widget(i) is not view}
        title, n = name, 1
        while title in taken:
            n += 1
            title = f"{name} ({n})"
        return title

    def retitle(self, view: ConnectionView) -> None:
        """The tab's title after its profile changed (a rename)."""
        index = self.indexOf(view)
        if index >= 0:
            self.setTabText(index, self._title(view.session.name, view))
            self._describe(index, view.session.settings)

    def _describe(self, index: int, settings: ConnectionSettings) -> None:
        """The tab's tooltip (the URL); TLS without certificate verification is marked on
        the tab itself (insecureTabMark), never silent (issue 16)."""
        url = settings.endpoint.url()
        if not (settings.endpoint.is_tls and not settings.tls.verify):
            self.setTabToolTip(index, url)
            self.tabBar().setTabButton(index, QTabBar.ButtonPosition.LeftSide, None)
            return
        text = self.tr(
            "{url}\nThe broker's TLS certificate is not verified: anyone on the way can pose "
            "as the broker and read or change this connection."
        ).format(url=url)
        mark = QLabel()
        mark.setObjectName("insecureTabMark")
        mark.setPixmap(icon("warning").pixmap(16, 16))
        mark.setToolTip(text)
        self.setTabToolTip(index, text)
        self.tabBar().setTabButton(index, QTabBar.ButtonPosition.LeftSide, mark)

    def close_tab(self, index: int) -> None:
        """Disconnect the tab's session, then remove the tab (in the background)."""
        view = self.widget(index)
        if isinstance(view, ConnectionView) and view not in self._closing:
            self._closing.add(view)
            self._runner.run(self._close(view))

    async def may_close(
        self, views: list[ConnectionView] | None = None, quitting: bool = False
    ) -> bool:
        """True when closing `views` (all: quitting) loses nothing or the user said so."""
        if self.guard is None:
            return True
        chosen = self.views() if views is None else views
        return await self.guard.allow([view.session for view in chosen], quitting)

    async def _close(self, view: ConnectionView) -> None:
        if not await self.may_close([view]):
            self._closing.discard(view)
            return
        try:
            await view.shutdown()
        except asyncio.CancelledError:  # the window is closing: its shutdown() closes the tab
            self._closing.discard(view)
            raise
        except Exception:  # reported by the runner; the tab goes all the same
            self._remove(view)
            raise
        self._remove(view)

    def _remove(self, view: ConnectionView) -> None:
        self._closing.discard(view)
        index = self.indexOf(view)
        if index >= 0:
            self.removeTab(index)
        self.view_closed.emit(view)
        view.session.deleteLater()
        view.deleteLater()

    async def shutdown(self) -> None:
        """Disconnect every tab's session at once (each bounded to a few seconds); one that
        fails does not keep the others open, and its reason goes to the log."""
        views = self.views()
        results = await asyncio.gather(*(v.shutdown() for v in views), return_exceptions=True)
        for view, result in zip(views, results, strict=True):
            if isinstance(result, Exception):
                log.warning("%s did not shut down cleanly: %s", view.session.name, result)

    # -- forwarding --------------------------------------------------------------------------

    def _forward(self, view: ConnectionView, signal: SignalInstance, *args: object) -> None:
        """Emit `signal` (a `cur_*` one) with `args` when `view` is the current tab."""
        if self.currentWidget() is view:
            signal.emit(*args)

    def _state_changed(self, view: ConnectionView) -> None:
        session = view.session
        index = self.indexOf(view)
        if index >= 0:
            self.setTabIcon(index, icon(_STATE_ICONS.get(session.state, "info")))
        self.session_state_changed.emit(session)
        self._forward(view, self.cur_state_changed)

    def _current_changed(self) -> None:
        self.current_session_changed.emit(self.current_session())
