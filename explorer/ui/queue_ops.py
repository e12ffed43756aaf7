"""Queue operations from the destination tree: move, copy, re-drive, purge, remove matching.

Each tab's tree menu gets the entries on a queue (re-drive only where
`looks_like_dead_letter_queue` says so). An operation opens a `MoveDialog`; its preview and
its run go through the tab's `TaskRunner` on a connection of their own
(`explorer.operations.client_factory` of the tab's target), never on the tab's connection:
a crashed mover must give its unacknowledged messages back. Destructive runs ask first
(`confirm`, replaced by tests); Stop sets the run's stop event (it ends between batches).
Where an operation needs Jolokia or the management API and the profile names none, the
sentence says which profile field gives it and the banner offers to open the profile.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from functools import partial
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from explorer.broker.destinations import DestinationKind, kind_of
from explorer.operations import (
    AdminApis,
    MovePlan,
    MoveResult,
    StopReason,
    client_factory,
    list_messages,
    looks_like_dead_letter_queue,
    move_messages,
    purge_queue,
)
from explorer.operations.purge import check_purge
from explorer.ui import ops_text
from explorer.ui.connection_view import ConnectionView
from explorer.ui.icons import icon
from explorer.ui.move_dialog import MoveDialog, Operation
from explorer.ui.session import SessionController
from explorer.ui.tabs import ConnectionTabs

translate = QCoreApplication.translate

Confirm = Callable[[str, str], Awaitable[bool]]
T = TypeVar("T")
PasswordFor = Callable[[SessionController], str | None]
OpenProfile = Callable[[str], None]

_QUEUES = (DestinationKind.QUEUE, DestinationKind.TEMP_QUEUE)


async def ask(parent: QWidget, title: str, question: str) -> bool:
    """A non-modal Yes/No box, awaited; No is the default (objectName confirmOperation)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setObjectName("confirmOperation")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    done: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

    def finished(_result: int) -> None:
        if not done.done():
            clicked = box.standardButton(box.clickedButton())
            done.set_result(clicked == QMessageBox.StandardButton.Yes)

    box.finished.connect(finished)
    box.open()
    try:
        return await done
    finally:
        box.deleteLater()


class QueueOps(QObject):
    """The queue operations of every connection tab."""

    dialog_opened = Signal(object)  # MoveDialog (the window's tests find it here)

    def __init__(
        self,
        tabs: ConnectionTabs,
        parent: QWidget,
        password_for: PasswordFor,
        open_profile: OpenProfile,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self.tabs = tabs
        self.password_for = password_for
        self.open_profile = open_profile
        self.confirm: Confirm = partial(ask, parent)
        self.dialog: MoveDialog | None = None
        """The last dialog opened (tests)."""
        tabs.view_added.connect(self.attach)
        for view in tabs.views():
            self.attach(view)

    def attach(self, view: ConnectionView) -> None:
        """Add the operations to `view`'s tree menu."""
        view.tree_pane.menu.extra_actions.append(partial(self.add_actions, view))

    # -- the tree menu -------------------------------------------------------------------------

    def add_actions(self, view: ConnectionView, menu: QMenu, destination: str) -> None:
        """The operation entries for a queue node (objectNames actionMoveTo, actionCopyTo,
        actionRedrive, actionPurge, actionRemoveMatching)."""
        session = view.session
        node = session.destinations.tree.node(destination)
        if node is None or not node.is_destination or kind_of(destination) not in _QUEUES:
            return
        connected = session.is_connected
        broker = session.broker_kind
        menu.addSeparator()
        entries: list[tuple[str, str, str, str, Callable[[], object]]] = [
            (
                "actionMoveTo",
                "send",
                translate("QueueOps", "Move messages to…"),
                translate("QueueOps", "Move this queue's messages to another queue"),
                partial(self.open_dialog, view, Operation.MOVE, destination),
            ),
            (
                "actionCopyTo",
                "duplicate",
                translate("QueueOps", "Copy messages to…"),
                translate("QueueOps", "Copy this queue's messages to another queue; they stay"),
                partial(self.open_dialog, view, Operation.COPY, destination),
            ),
        ]
        if looks_like_dead_letter_queue(destination, broker):
            entries.append(
                (
                    "actionRedrive",
                    "up",
                    translate("QueueOps", "Re-drive to original destinations…"),
                    translate(
                        "QueueOps",
                        "Send dead letters back to the queue each one came from",
                    ),
                    partial(self.open_dialog, view, Operation.REDRIVE, destination),
                )
            )
        entries += [
            (
                "actionPurge",
                "clear",
                translate("QueueOps", "Purge…"),
                translate("QueueOps", "Delete every message waiting in this queue"),
                partial(self.purge, view, destination),
            ),
            (
                "actionRemoveMatching",
                "filter",
                translate("QueueOps", "Remove matching…"),
                translate("QueueOps", "Delete the messages a selector or filter matches"),
                partial(self.open_dialog, view, Operation.REMOVE, destination),
            ),
        ]
        for name, icon_name, text, tip, slot in entries:
            action = menu.addAction(icon(icon_name), text)
            action.setObjectName(name)
            action.setToolTip(tip)
            action.setEnabled(connected)
            action.triggered.connect(lambda _c=False, s=slot: s())

    # -- what an operation needs --------------------------------------------------------------

    def apis(self, session: SessionController) -> AdminApis:
        """The profile's Jolokia / management endpoints, logged in as discovery is."""
        return AdminApis.from_profile(session.profile, self.password_for(session))

    def report(self, view: ConnectionView, error: BaseException) -> str:
        """Say why an operation failed in the tab's banner (offering the profile when a
        field of it would help); the sentence is returned for the dialog."""
        text = ops_text.error_text(error)
        profile = view.session.profile
        if ops_text.missing_field(error) is not None and not profile.builtin:
            view.banner.show_message(
                text,
                "error",
                translate("QueueOps", "Open the profile"),
                lambda: self.open_profile(profile.name),
            )
        else:
            view.banner.show_message(text, "error")
        return text

    # -- move, copy, re-drive, remove -----------------------------------------------------------

    def open_dialog(self, view: ConnectionView, operation: Operation, source: str) -> MoveDialog:
        session = view.session
        node = session.destinations.tree.node(source)
        dialog = MoveDialog(
            operation,
            source,
            session.broker_kind,
            session.name,
            session.destinations.tree.destinations(),
            depth=node.count("depth") if node is not None else None,
            parent=self._parent,
        )
        stop = asyncio.Event()
        dialog.preview_requested.connect(partial(self._preview, view, dialog, stop))
        dialog.run_requested.connect(partial(self._run, view, dialog, stop))
        dialog.stop_requested.connect(stop.set)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _preview(
        self, view: ConnectionView, dialog: MoveDialog, stop: asyncio.Event, plan: MovePlan
    ) -> None:
        stop.clear()
        session = view.session
        work = list_messages(
            client_factory(session.core.target),
            plan,
            broker=session.broker_kind,
            apis=self.apis(session),
            on_message=dialog.add_listed,
            stop=stop,
        )
        view.runner.run(
            ended_with(dialog, work),
            lambda listed: dialog.finish_listing(listed[0], listed[1], plan),
            failed=lambda error: dialog.show_error(self.report(view, error)),
        )

    def _run(
        self, view: ConnectionView, dialog: MoveDialog, stop: asyncio.Event, plan: MovePlan | None
    ) -> None:
        stop.clear()
        dialog.set_running(True, translate("QueueOps", "Waiting for your answer…"))

        def failed(error: BaseException) -> None:
            dialog.show_error(self.report(view, error))

        view.runner.run(ended_with(dialog, self._go(view, dialog, stop, plan)), failed=failed)

    async def _go(
        self, view: ConnectionView, dialog: MoveDialog, stop: asyncio.Event, plan: MovePlan | None
    ) -> None:
        session = view.session
        broker = session.broker_kind
        apis = self.apis(session)
        selector = dialog.selector_text
        if plan is None:  # remove by selector: the broker's API deletes them (exact count)
            check_purge(dialog.source, broker, apis, selector)
        destructive = plan is None or not plan.copy
        if destructive and not await self.confirm(_title(dialog.operation), dialog.question()):
            dialog.finish_run(translate("QueueOps", "Nothing was touched."))
            return
        dialog.started(plan)
        if plan is None:
            purged = await purge_queue(dialog.source, broker=broker, apis=apis, selector=selector)
            text = ops_text.purge_result_text(purged)
            dialog.finish_run(text)
            view.banner.show_message(text, "info")
            return
        result = await move_messages(
            client_factory(session.core.target),
            plan,
            broker=broker,
            apis=apis,
            progress=lambda counts: dialog.show_progress(counts, plan),
            stop=stop,
        )
        self._finished(view, dialog, plan, result)

    def _finished(
        self, view: ConnectionView, dialog: MoveDialog, plan: MovePlan, result: MoveResult
    ) -> None:
        text = ops_text.result_text(result, plan)
        failed = result.stopped in (StopReason.REFUSED, StopReason.CONNECTION_LOST)
        level = "error" if failed or result.failed else "info"
        dialog.finish_run(text, level)
        view.banner.show_message(
            translate("QueueOps", "{source}: {result}").format(source=plan.source, result=text),
            level,
        )

    # -- purge --------------------------------------------------------------------------------

    def purge(self, view: ConnectionView, queue: str) -> None:
        """Ask, then purge over the broker's API (Jolokia, management); the banner says how
        many went (or why nothing did)."""

        def failed(error: BaseException) -> None:
            self.report(view, error)

        view.runner.run(self._purge(view, queue), failed=failed)

    async def _purge(self, view: ConnectionView, queue: str) -> None:
        session = view.session
        broker, apis = session.broker_kind, self.apis(session)
        check_purge(queue, broker, apis, None)  # missing API, topic, ...: before asking
        node = session.destinations.tree.node(queue)
        depth = node.count("depth") if node is not None else None
        question = ops_text.purge_question(queue, None, depth)
        if not await self.confirm(translate("QueueOps", "Purge the queue?"), question):
            return
        result = await purge_queue(queue, broker=broker, apis=apis)
        view.banner.show_message(ops_text.purge_result_text(result), "info")


async def ended_with(dialog: MoveDialog, work: Awaitable[T]) -> T:
    """`work`, and the dialog told when it is cancelled (its tab closed, the window is
    closing): it would otherwise wait for a result that never comes, Close disabled."""
    try:
        return await work
    except asyncio.CancelledError:
        dialog.show_error(
            translate(
                "QueueOps",
                "Stopped: the connection's tab was closed. What was not handled stays on the "
                "source; nothing was lost.",
            )
        )
        raise


def _title(operation: Operation) -> str:
    return {
        Operation.MOVE: translate("QueueOps", "Move the messages?"),
        Operation.COPY: translate("QueueOps", "Copy the messages?"),
        Operation.REDRIVE: translate("QueueOps", "Re-drive the dead letters?"),
        Operation.REMOVE: translate("QueueOps", "Delete the matching messages?"),
    }[operation]
