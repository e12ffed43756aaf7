"""The status bar: a summary across every tab ("3 connected · 1 failed", `connectionSummary`)
on the left, and the current tab's state, heart-beats, rate and evictions on the right."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QStatusBar

from explorer.ui.elided_label import ElidedLabel
from explorer.ui.session import SessionController, SessionState
from explorer.ui.tabs import ConnectionTabs


class ConnectionStatus(QObject):
    """Permanent labels in the window's status bar, refreshed from the current session."""

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.bar = bar
        self.state = self._label("statusState", self.tr("Connection state"), ElidedLabel())
        self.heartbeat = self._label("statusHeartbeat", self.tr("Heart-beat health"))
        self.rate = self._label("statusRate", self.tr("Messages received per second (last 5 s)"))
        self.evicted = self._label(
            "statusEvicted", self.tr("Log rows evicted because the log is full")
        )
        self.skipped = self._label(
            "statusSkipped",
            self.tr(
                "Messages skipped because they arrived faster than the window can show them "
                "(counted on their destination, not logged)"
            ),
        )
        self.summary = QLabel()
        self.summary.setObjectName("connectionSummary")
        self.summary.setToolTip(self.tr("All your connections, by state"))
        self.bar.addWidget(self.summary)
        self.summary.hide()

    def follow(self, tabs: ConnectionTabs) -> None:
        """Keep the summary up to date as tabs open, change state and close."""
        tabs.session_state_changed.connect(lambda _session: self.show_summary(tabs.sessions()))
        tabs.view_added.connect(lambda _view: self.show_summary(tabs.sessions()))
        tabs.view_closed.connect(lambda _view: self.show_summary(tabs.sessions()))

    def show_summary(self, sessions: list[SessionController]) -> None:
        """ "3 connected · 1 failed": counts of the tabs by state (none: hidden)."""
        counts = {"connected": 0, "connecting": 0, "failed": 0, "closed": 0}
        for session in sessions:
            state = session.state
            if state is SessionState.CONNECTED:
                counts["connected"] += 1
            elif state in (SessionState.CONNECTING, SessionState.RECONNECTING):
                counts["connecting"] += 1
            elif state is SessionState.FAILED:
                counts["failed"] += 1
            else:
                counts["closed"] += 1
        words = {
            "connected": self.tr("{n} connected"),
            "connecting": self.tr("{n} connecting"),
            "failed": self.tr("{n} failed"),
            "closed": self.tr("{n} disconnected"),
        }
        parts = [words[key].format(n=n) for key, n in counts.items() if n]
        self.summary.setText(" · ".join(parts))
        self.summary.setProperty("state", "failed" if counts["failed"] else "")
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)
        self.summary.setVisible(bool(parts))

    def _label(self, name: str, tip: str, label: QLabel | None = None) -> QLabel:
        label = label or QLabel()
        label.setObjectName(name)
        label.setToolTip(tip)
        self.bar.addPermanentWidget(label)
        return label

    def _transport_words(self, session: SessionController) -> str:
        """Say which SockJS transport carries the connection, or that an http(s) address
        had no SockJS and a plain WebSocket was used (issue 14)."""
        transport = session.transport
        if transport.startswith("sockjs-"):
            return self.tr(", over SockJS {transport}").format(transport=transport[7:])
        if transport == "websocket" and session.transport_note:
            return self.tr(", over a plain WebSocket (no SockJS at this address)")
        return ""

    def show_session(self, session: SessionController | None) -> None:
        if session is None:
            self._set_state(self.tr("Not connected"), "idle")
            for label in (self.heartbeat, self.rate, self.evicted, self.skipped):
                label.hide()
            return
        state = session.state
        name = session.name
        if state is SessionState.CONNECTED:
            text = self.tr("{name}: connected, STOMP {version}, {server}").format(
                name=name,
                version=session.version or "?",
                server=session.server or self.tr("unknown server"),
            ) + self._transport_words(session)
        elif state is SessionState.CONNECTING:
            text = self.tr("{name}: connecting…").format(name=name)
        elif state is SessionState.RECONNECTING:
            wait = max(0.0, (session.reconnect_at or time.monotonic()) - time.monotonic())
            text = self.tr("{name}: reconnecting in {seconds:.0f} s ({reason})").format(
                name=name, seconds=wait, reason=session.detail
            )
        elif state is SessionState.FAILED:
            text = self.tr("{name}: failed: {reason}").format(name=name, reason=session.detail)
        elif state is SessionState.CLOSED:
            text = self.tr("{name}: disconnected").format(name=name)
        else:
            text = name
        self._set_state(text, str(state))
        healthy, since = session.heartbeat_health()
        if healthy is None:
            self.heartbeat.setText(self.tr("♥ off") if session.is_connected else "")
        elif healthy:
            self.heartbeat.setText(self.tr("♥ ok"))
        else:
            self.heartbeat.setText(self.tr("♥ silent for {seconds:.0f} s").format(seconds=since))
        self.heartbeat.setVisible(session.is_connected)
        self.rate.setText(self.tr("{rate:.1f} msg/s").format(rate=session.rate))
        self.rate.show()
        evicted = session.messages.evicted_total
        self.evicted.setText(self.tr("{count} evicted").format(count=evicted))
        self.evicted.setVisible(evicted > 0)
        skipped = session.skipped
        self.skipped.setText(self.tr("{count} skipped").format(count=f"{skipped:,}"))
        self.skipped.setVisible(skipped > 0)

    def _set_state(self, text: str, state: str) -> None:
        self.state.setText(text)
        self.state.setToolTip(text)
        self.state.setProperty("state", state)
        self.state.style().unpolish(self.state)
        self.state.style().polish(self.state)
