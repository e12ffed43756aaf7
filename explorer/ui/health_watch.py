"""The health dock: destination health of the current tab's selected tree node, over time.

While the dock is shown, a `HealthMonitor` samples the node (a destination, or a folder and
everything under it; nothing selected: every destination) every `interval` seconds from
the broker's own figures: Jolokia on ActiveMQ, the management API on RabbitMQ (the profile's
Management page), the sandbox's feed (on a connection of its own). Switching tabs or nodes
starts over; hiding the dock stops sampling. A failing source is said in the dock and tried
again after `retry` seconds. Where the broker offers no figures, the dock says so in a
sentence (`health_figures.unavailable_text`), offering the profile when a field would help.
Every tree node's menu has "Destination health" (actionHealth).
"""

from __future__ import annotations

import asyncio
import contextlib
import weakref
from collections.abc import Awaitable, Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from explorer.broker.kind import BrokerKind
from explorer.client import ClientError
from explorer.health import (
    HealthMonitor,
    HealthSource,
    JolokiaHealth,
    ManagementHealth,
    SandboxFeedHealth,
    Scope,
    unavailable_reason,
)
from explorer.operations import AdminApis, OperationError, client_factory
from explorer.ui import ops_text
from explorer.ui.connection_view import ConnectionView
from explorer.ui.health_figures import unavailable_text
from explorer.ui.health_panel import HealthPanel
from explorer.ui.icons import icon
from explorer.ui.session import SessionController
from explorer.ui.tabs import ConnectionTabs
from explorer.ui.tasks import TaskRunner

translate = QCoreApplication.translate

PasswordFor = Callable[[SessionController], str | None]
OpenProfile = Callable[[str], None]
Closer = Callable[[], Awaitable[None]]
DEFAULT_INTERVAL = 2.0
RETRY = 10.0


class HealthWatch(QObject):
    """Owns the health dock (healthDock) and the sampling behind it."""

    def __init__(
        self,
        tabs: ConnectionTabs,
        window: QMainWindow,
        runner: TaskRunner,
        password_for: PasswordFor,
        open_profile: OpenProfile,
        beside: QDockWidget | None = None,
    ) -> None:
        super().__init__(window)
        self.tabs = tabs
        self.window_ = window
        self.beside = beside
        self.runner = runner
        self.password_for = password_for
        self.open_profile = open_profile
        self.interval = DEFAULT_INTERVAL
        self.retry = RETRY
        self.panel = HealthPanel()
        self.panel.open_profile_requested.connect(self._open_profile)
        self.dock = QDockWidget(self.tr("Health"), window)
        self.dock.setObjectName("healthDock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self._placed = False  # put beside the composer when first shown
        self._task: asyncio.Task[None] | None = None
        self._stop: asyncio.Event | None = None
        self._watching: tuple[object, ...] | None = None
        self.session: SessionController | None = None
        """The session whose figures the dock shows (None: none)."""
        # The node each session's figures are for: its tree's selection, or "Destination
        # health" on a node (the tree may not show a node discovery just listed).
        self._nodes: weakref.WeakKeyDictionary[SessionController, str] = weakref.WeakKeyDictionary()
        tabs.view_added.connect(self.attach)
        tabs.current_session_changed.connect(lambda _s: self.refresh())
        tabs.cur_destination_selected.connect(self._selected)
        tabs.cur_state_changed.connect(self.refresh)
        self.dock.visibilityChanged.connect(self._visibility)
        for view in tabs.views():
            self.attach(view)

    def attach(self, view: ConnectionView) -> None:
        """ "Destination health" in `view`'s tree menu."""
        view.tree_pane.menu.extra_actions.append(partial(self.add_action, view))

    def add_action(self, view: ConnectionView, menu: QMenu, destination: str) -> None:
        menu.addSeparator()
        action = menu.addAction(icon("gauge"), self.tr("Destination health"))
        action.setObjectName("actionHealth")
        action.setToolTip(
            self.tr("Depth, consumers, rates and the oldest message's age of this node, over time")
        )
        action.triggered.connect(lambda _c=False: self.show_node(view, destination))

    def show_node(self, view: ConnectionView, node: str) -> None:
        """Select `node` in its tab's tree and show its health."""
        self.tabs.setCurrentWidget(view)
        view.tree_pane.select_destination(node)
        self._nodes[view.session] = node
        self.open()

    def _selected(self, path: str) -> None:
        session = self.tabs.current_session()
        if session is not None:
            self._nodes[session] = path
        self.refresh()

    def open(self) -> None:
        """Show the dock (the first time in the composer's tab group), bring it forward."""
        if not self._placed and not self.dock.isVisible():
            self._placed = True
            self._tab()
        self.dock.show()
        self.dock.raise_()
        self.refresh()

    def _tab(self) -> None:
        """Put the dock in the composer's tab group, unless the user moved it elsewhere
        (also when the View menu shows it)."""
        dock, beside, window = self.dock, self.beside, self.window_
        if beside is None or dock.isFloating() or not beside.isVisible():
            return
        if window.dockWidgetArea(dock) != window.dockWidgetArea(beside):
            return
        if beside not in window.tabifiedDockWidgets(dock):
            window.tabifyDockWidget(beside, dock)

    def place(self) -> None:
        """Reset layout: back in the bottom area, hidden; beside the composer when next shown."""
        self.dock.setFloating(False)
        self.window_.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self._placed = False

    def _visibility(self, shown: bool) -> None:
        if shown and not self._placed:  # first shown (View menu): beside the composer, once
            self._placed = True
            if not dock_is_tabbed(self.window_, self.dock):
                self._tab()
                self.dock.raise_()
        self.refresh()

    # -- what to watch -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Follow the dock's visibility, the current tab, its state and its tree selection."""
        view = self.tabs.current_view()
        if not self.dock.isVisible() or view is None:
            self.stop()
            if view is None:
                self.panel.show_scope("")
                self.panel.show_unavailable(
                    self.tr("Open a connection to see its destinations' health."),
                    can_open_profile=False,
                )
            return
        session = view.session
        node = self._nodes.get(session, view.tree_pane.selected_destination() or "")
        key = (session, node, session.is_connected, session.broker_kind)
        if key == self._watching and self._task is not None and not self._task.done():
            return
        self.stop()
        self._watching = key
        self.session = session
        self.panel.show_scope(self._scope_text(session, node), node)
        if not session.is_connected:
            self.panel.show_unavailable(
                self.tr("Connect {name} to see its destinations' health.").format(
                    name=session.name
                ),
                can_open_profile=False,
            )
            return
        apis = AdminApis.from_profile(session.profile, self.password_for(session))
        kind = session.broker_kind
        reason = unavailable_reason(
            kind, jolokia=apis.jolokia is not None, management=apis.management is not None
        )
        if reason is not None:
            can_open = kind in (BrokerKind.ACTIVEMQ, BrokerKind.RABBITMQ)
            self.panel.show_unavailable(
                unavailable_text(kind), can_open_profile=can_open and not session.profile.builtin
            )
            return
        stop = asyncio.Event()
        self._stop = stop
        self._task = self.runner.run(
            self._watch(session, apis, Scope(node), stop), failed=self._failed
        )

    def _failed(self, error: BaseException) -> None:
        self.panel.show_problem(ops_text.error_text(error))

    def _scope_text(self, session: SessionController, node: str) -> str:
        if not node:
            return self.tr("{name}: every destination").format(name=session.name)
        tree_node = session.destinations.tree.node(node)
        if tree_node is not None and tree_node.children:
            return self.tr("{name}: {node} and below").format(name=session.name, node=node)
        return self.tr("{name}: {node}").format(name=session.name, node=node)

    def stop(self) -> None:
        """Stop sampling (the task ends and closes what it opened)."""
        self._watching = None
        if self._stop is not None:
            self._stop.set()
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = self._stop = None

    # -- sampling ------------------------------------------------------------------------------

    async def _watch(
        self, session: SessionController, apis: AdminApis, scope: Scope, stop: asyncio.Event
    ) -> None:
        closer: Closer | None = None
        monitor: HealthMonitor | None = None
        try:
            while not stop.is_set():
                try:
                    if monitor is None:
                        source, name, closer = await self._source(session, apis)
                        monitor = HealthMonitor(source, scope)
                        self.panel.start(monitor, name)
                    await monitor.run(self.interval, on_samples=self.panel.show_samples, stop=stop)
                except (OperationError, ClientError, TimeoutError) as exc:
                    self.panel.show_problem(
                        self.tr("{reason} Trying again in {seconds} s.").format(
                            reason=ops_text.error_text(exc), seconds=f"{self.retry:.0f}"
                        )
                    )
                    with contextlib.suppress(TimeoutError):
                        async with asyncio.timeout(self.retry):
                            await stop.wait()
        finally:
            if closer is not None:
                await closer()

    async def _source(
        self, session: SessionController, apis: AdminApis
    ) -> tuple[HealthSource, str, Closer | None]:
        """The source of figures for this broker, its name, and what closes it."""
        kind = session.broker_kind
        if kind is BrokerKind.ACTIVEMQ and apis.jolokia is not None:
            return JolokiaHealth(apis.jolokia), self.tr("Jolokia"), None
        if kind is BrokerKind.RABBITMQ and apis.management is not None:
            return ManagementHealth(apis.management), self.tr("Management API"), None
        client = client_factory(session.core.target)()
        await client.connect()
        feed = SandboxFeedHealth(client)

        async def close() -> None:
            with contextlib.suppress(ClientError):
                await feed.close()
                await client.disconnect(timeout=3.0)
            await client.close()

        try:
            await feed.start()
        except BaseException:
            await close()
            raise
        return feed, self.tr("Sandbox feed"), close

    def _open_profile(self) -> None:
        if self.session is not None:
            self.open_profile(self.session.name)


def dock_is_tabbed(window: QMainWindow, dock: QDockWidget) -> bool:
    return bool(window.tabifiedDockWidgets(dock))
