"""Re-publish selected messages of a log or a capture tab on any open connection.

The log pane's and the capture tab's row menus get "Re-publish selected…"; it opens a
`RepublishDialog` (count, target, connection) and sends with `explorer.operations.republish`
on the chosen tab's own client: each message with a receipt, broker-set headers dropped. The
sent frames go into that tab's log like the composer's sends. "Edit in composer" loads one
message into the composer (its own headers only) on the chosen connection's tab.
"""

from __future__ import annotations

import asyncio
import time
import weakref
from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMenu, QWidget

from explorer.client import Client
from explorer.operations import Outcome, RepublishResult, copy_headers, republish
from explorer.operations.republish import ReceiptWait
from explorer.session.compose import ComposeRequest
from explorer.stomp import Frame
from explorer.store import OUT, LogEntry
from explorer.ui import ops_text
from explorer.ui.capture_view import CaptureView
from explorer.ui.connection_view import ConnectionView
from explorer.ui.icons import icon
from explorer.ui.republish_dialog import RepublishDialog
from explorer.ui.session import SessionController
from explorer.ui.tabs import ConnectionTabs

translate = QCoreApplication.translate

Compose = Callable[[ComposeRequest], None]
# The frames a log shows for messages (a re-publish sends MESSAGEs seen and SENDs made).
_MESSAGES = ("MESSAGE", "SEND")


def republishable(entries: Sequence[LogEntry]) -> list[LogEntry]:
    """The entries that are messages with a destination, in log order."""
    return [e for e in entries if e.command in _MESSAGES and e.destination]


class LoggedSender:
    """A session's client for `republish`, logging each SEND in the session's log (as the
    composer's sends are) so the tab shows what went out."""

    def __init__(self, client: Client, session: SessionController) -> None:
        self.client = client
        self.session = session

    async def send_frame(self, frame: Frame, *, content_length: bool = True) -> ReceiptWait | None:
        waiter = await self.client.send_frame(frame, content_length=content_length)
        self.session.on_entries([LogEntry.from_frame(frame, OUT, time.time())])
        return waiter

    def next_receipt_id(self) -> str:
        return self.client.next_receipt_id()


class Republisher(QObject):
    """The re-publish entries of every log and capture tab, and their dialog."""

    dialog_opened = Signal(object)  # RepublishDialog

    def __init__(self, tabs: ConnectionTabs, parent: QWidget, compose: Compose) -> None:
        super().__init__(parent)
        self._parent = parent
        self.tabs = tabs
        self.compose = compose
        self.dialog: RepublishDialog | None = None
        """The last dialog opened (tests)."""
        self._attached: weakref.WeakSet[CaptureView] = weakref.WeakSet()
        tabs.view_added.connect(self.attach)
        tabs.currentChanged.connect(lambda _i: self._attach_current())
        for view in tabs.views():
            self.attach(view)

    def attach(self, view: ConnectionView) -> None:
        """Add "Re-publish selected…" to `view`'s log menu."""
        view.log_pane.extra_actions.append(
            lambda menu, _entry: self.add_action(menu, partial(log_selection, view), view)
        )

    def _attach_current(self) -> None:
        """Capture tabs are made elsewhere: add the entry when one first shows."""
        widget = self.tabs.currentWidget()
        if isinstance(widget, CaptureView) and widget not in self._attached:
            self._attached.add(widget)
            widget.extra_actions.append(
                lambda menu, _entry: self.add_action(menu, widget.selected_entries, None)
            )

    def add_action(
        self,
        menu: QMenu,
        selection: Callable[[], list[LogEntry]],
        origin: ConnectionView | None,
    ) -> None:
        entries = republishable(selection())
        action = menu.addAction(
            icon("send"),
            translate("QueueOps", "Re-publish selected ({count})…").format(count=len(entries)),
        )
        action.setObjectName("actionRepublish")
        action.setToolTip(
            translate(
                "QueueOps",
                "Send the selected messages again, to their own or another destination, on any "
                "open connection",
            )
        )
        action.setEnabled(bool(entries))
        action.triggered.connect(lambda _c=False: self.open_dialog(entries, origin))

    # -- the dialog ------------------------------------------------------------------------------

    def open_dialog(
        self, entries: Sequence[LogEntry], origin: ConnectionView | None = None
    ) -> RepublishDialog:
        sessions = [v.session for v in self.tabs.views() if v.session.is_connected]
        current = origin.session if origin is not None else self.tabs.current_session()
        if current is None and sessions:
            current = sessions[0]
        known = current.destinations.tree.destinations() if current is not None else []
        dialog = RepublishDialog(entries, sessions, current, known, self._parent)
        stop = asyncio.Event()
        dialog.send_requested.connect(partial(self._send, dialog, stop))
        dialog.edit_requested.connect(partial(self._edit, dialog))
        dialog.stop_requested.connect(stop.set)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _view_of(self, session: SessionController) -> ConnectionView | None:
        return next((v for v in self.tabs.views() if v.session is session), None)

    def _edit(self, dialog: RepublishDialog) -> None:
        """One message into the composer, on the chosen connection's tab."""
        session = dialog.session()
        view = self._view_of(session) if session is not None else None
        if session is None or view is None or len(dialog.entries) != 1:
            return
        entry = dialog.entries[0]
        destination = dialog.override() or entry.destination
        headers = (("destination", destination), *copy_headers(entry.headers, session.broker_kind))
        self.tabs.setCurrentWidget(view)
        self.compose(ComposeRequest("SEND", headers, entry.body))
        dialog.accept()

    def _send(self, dialog: RepublishDialog, stop: asyncio.Event) -> None:
        session = dialog.session()
        view = self._view_of(session) if session is not None else None
        client = session.client if session is not None else None
        if session is None or view is None or client is None or dialog.problem() is not None:
            return
        stop.clear()
        dialog.set_running(True)
        work = republish(
            LoggedSender(client, session),
            dialog.entries,
            broker=session.broker_kind,
            destination=dialog.override(),
            progress=dialog.show_progress,
            stop=stop,
        )

        def done(results: list[RepublishResult]) -> None:
            text = ops_text.republish_result_text(results)
            ok = all(r.outcome is Outcome.SENT for r in results)
            dialog.set_running(False)
            dialog.show_status(text, "info" if ok else "error")
            view.banner.show_message(text, "info" if ok else "error")

        def failed(error: BaseException) -> None:
            dialog.set_running(False)
            dialog.show_status(ops_text.error_text(error), "error")

        async def guarded() -> list[RepublishResult]:
            try:
                return await work
            except asyncio.CancelledError:  # the tab closed: the dialog must not wait on
                dialog.set_running(False)
                dialog.show_status(
                    translate("QueueOps", "Stopped: the connection's tab was closed."), "error"
                )
                raise

        view.runner.run(guarded(), done, failed=failed)


def log_selection(view: ConnectionView) -> list[LogEntry]:
    """The log rows selected in `view`, in log order."""
    pane = view.log_pane
    rows = sorted(index.row() for index in pane.log.selectionModel().selectedRows())
    model = view.session.messages
    return [entry for row in rows if (entry := model.entry_at(row)) is not None]
