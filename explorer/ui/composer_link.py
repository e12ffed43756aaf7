"""The composer's link to the connection tabs: Send goes to the current tab's session.

It names that connection beside Send (`composerTarget`, with the broker kind so a comma can
be judged before sending), clears results when the tab changes, runs what the composer asks
(one request, or one per destination in order, each result shown against its destination)
and shows a refusal that arrives later (an ERROR after a SEND without receipt).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from explorer.broker.kind import BrokerKind
from explorer.session.compose import ComposeRequest
from explorer.ui.composer import Composer
from explorer.ui.session import SessionController
from explorer.ui.tabs import ConnectionTabs
from explorer.ui.tasks import TaskRunner, describe_failure


class ComposerLink(QObject):
    """Connects `composer` to whichever tab of `tabs` is current."""

    def __init__(self, composer: Composer, tabs: ConnectionTabs, runner: TaskRunner) -> None:
        super().__init__(composer)
        self._composer = composer
        self._tabs = tabs
        self._runner = runner
        composer.send_requested.connect(self.send)
        composer.send_all_requested.connect(self.send_all)
        tabs.current_session_changed.connect(self._tab_changed)
        tabs.cur_state_changed.connect(self.refresh_target)
        tabs.cur_send_refused.connect(lambda text: composer.show_result(text, ok=False))
        self.refresh_target()

    def _tab_changed(self, _session: object) -> None:
        self._composer.clear_results()  # they were another connection's
        self.refresh_target()

    def refresh_target(self) -> None:
        """Name the current tab's connection (and its broker, once connected)."""
        session = self._tabs.current_session()
        if session is None:
            self._composer.set_target(None)
            return
        kind = session.broker_kind if session.is_connected else None
        known = None if kind in (None, BrokerKind.UNKNOWN) else kind
        self._composer.set_target(session.name, known)

    def _session(self) -> SessionController | None:
        session = self._tabs.current_session()
        if session is None:
            self._composer.show_result(self.tr("Not connected: connect a profile first."), ok=False)
        return session

    def send(self, request: ComposeRequest) -> None:
        session = self._session()
        if session is None:
            return
        composer = self._composer
        self._runner.run(
            session.execute(request),
            lambda result: composer.show_result(result.text, ok=result.confirmed),
            failed=lambda error: composer.show_result(describe_failure(error), ok=False),
        )

    def send_all(self, requests: list[ComposeRequest]) -> None:
        """One SEND per destination, in order; each result shown against its destination."""
        session = self._session()
        if session is None:
            return
        self._runner.run(self._send_each(session, requests))

    async def _send_each(self, session: SessionController, requests: list[ComposeRequest]) -> None:
        composer = self._composer
        answers: list[bool | None] = []
        for request in requests:
            destination = request.destination or ""
            try:
                result = await session.execute(request)
            except Exception as error:  # the session's failure, worded; the next one goes on
                answers.append(False)
                composer.show_destination_result(destination, describe_failure(error), False)
                continue
            answers.append(result.confirmed)
            composer.show_destination_result(destination, result.text, result.confirmed)
        sent = sum(1 for answer in answers if answer is not False)
        summary = self.tr("Sent to {sent} of {count} destinations").format(
            sent=sent, count=len(requests)
        )
        ok = False if False in answers else (True if all(answers) else None)
        composer.show_result(summary, ok=ok)
