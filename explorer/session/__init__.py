"""One connection, GUI-free: the core shared by the window, the command line and scenarios.

    from explorer.session import ConnectionSession, Target, NullSink

    class Printer(NullSink):                       # or any object with the SessionSink methods
        def on_entries(self, entries): ...         # LogEntry batch (in and out)
        def on_destinations(self, changes): ...    # MessageCounted, ReplyToSeen, discoveries
        def on_state(self, status): ...            # Status(state, attempt, server, reason, ...)
        def on_notice(self, notice): ...           # BrokerErrorReceived, LoginRefused, ...
        def on_subscriptions(self, live): ...      # read-only {destination: subscription}
        def on_traffic(self, records): ...         # WireRecord batch (every frame, heart-beat)

    target = Target.from_settings(settings)        # a profile (explorer.profiles.resolve)
    target = Target("cli", endpoint, client_options)   # or by hand (the command line)
    session = ConnectionSession(target, Printer(), client_factory=Client, clock=SYSTEM_CLOCK)
    session.start()                                # connect in the background, or:
    await session.connect()                        # raises the client's ClientError
    await session.subscribe("/queue/a", ack="client-individual")
    result = await session.execute(ComposeRequest("SEND", (("destination", "/queue/a"),),
                                                  b"P-{{n}}", count=5))
    await session.acknowledge(entry)               # entry: a LogEntry the sink received
    await session.shutdown()

`apply_changes(tree, changes, known)` applies `on_destinations` batches to a
`explorer.store.DestinationTree` (or the Qt model wrapping one). Errors: `SessionError` and
subclasses (`explorer.session.errors`), each with structured fields and an English
`message`; connection problems stay the client's `ClientError`s.
"""

from __future__ import annotations

from explorer.session.backoff import FlapBackoff
from explorer.session.compose import ComposeRequest, expand, has_template
from explorer.session.errors import (
    BrowseTimeout,
    CommandRefused,
    EmptyDestination,
    IncompleteRawFrame,
    InvalidRawFrame,
    NotConnected,
    PeekUnavailable,
    SendRefused,
    SessionError,
    SubscribeRefused,
)
from explorer.session.notices import (
    BrokerErrorReceived,
    ConnectionFailed,
    DiscoveryProblem,
    DiscoveryStopped,
    LoginRefused,
    Notice,
    SendRefusedLater,
    SessionState,
    Severity,
    Status,
    SubscribeFailed,
    SubscriptionRefused,
)
from explorer.session.ports import SYSTEM_CLOCK, Clock, StompClient, SystemClock
from explorer.session.sending import REFUSAL_WINDOW, ResultKind, SendResult
from explorer.session.session import ConnectionSession
from explorer.session.sink import (
    DestinationChange,
    MessageCounted,
    NullSink,
    ReplyToSeen,
    SessionSink,
    apply_changes,
)
from explorer.session.subscriptions import SubscriptionSpec
from explorer.session.target import Target

__all__ = [
    "REFUSAL_WINDOW",
    "SYSTEM_CLOCK",
    "BrokerErrorReceived",
    "BrowseTimeout",
    "Clock",
    "CommandRefused",
    "ComposeRequest",
    "ConnectionFailed",
    "ConnectionSession",
    "DestinationChange",
    "DiscoveryProblem",
    "DiscoveryStopped",
    "EmptyDestination",
    "FlapBackoff",
    "IncompleteRawFrame",
    "InvalidRawFrame",
    "LoginRefused",
    "MessageCounted",
    "NotConnected",
    "Notice",
    "NullSink",
    "PeekUnavailable",
    "ReplyToSeen",
    "ResultKind",
    "SendRefused",
    "SendRefusedLater",
    "SendResult",
    "SessionError",
    "SessionSink",
    "SessionState",
    "Severity",
    "Status",
    "StompClient",
    "SubscribeFailed",
    "SubscribeRefused",
    "SubscriptionRefused",
    "SubscriptionSpec",
    "SystemClock",
    "Target",
    "apply_changes",
    "expand",
    "has_template",
]
