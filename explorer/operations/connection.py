"""The short-lived connection an operation opens, uses for one careful job, and closes.

An operation gets a `ClientFactory`: a callable returning a new, unconnected
`explorer.client.Client` (the command line's `ResolvedConnection.client`, or
`client_factory(target)` for a window's `explorer.session.Target`). It never reuses a
window's connection for a move: a crash of the mover must give its unacknowledged messages
back, which only closing its own connection does.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from explorer.broker.kind import BrokerKind, detect_broker_kind
from explorer.client import Client, ClientError, State
from explorer.session.target import Target

ClientFactory = Callable[[], Client]


def client_factory(target: Target) -> ClientFactory:
    """Fresh clients for a session target (a profile): same endpoint, login, TLS, ...;
    without the session's reconnect policy (an operation ends with its connection)."""
    options = {k: v for k, v in target.client_options.items() if k not in ("reconnect",)}

    def make() -> Client:
        return Client(target.endpoint, **options)

    return make


def broker_kind(client: Client, configured: BrokerKind | None = None) -> BrokerKind:
    """The kind given, else the one CONNECTED's `server` header names."""
    if configured is not None and configured is not BrokerKind.UNKNOWN:
        return configured
    headers = client.connected_frame.headers if client.connected_frame is not None else ()
    return detect_broker_kind(headers, websocket=client.endpoint.is_websocket)


@asynccontextmanager
async def connected(open_client: ClientFactory) -> AsyncIterator[Client]:
    """Connect a new client; on the way out DISCONNECT (or drop it if that fails): the
    broker then gives every message we did not acknowledge back to its queue."""
    client = open_client()
    await client.connect()
    try:
        yield client
    finally:
        if client.state is State.CONNECTED:
            with contextlib.suppress(ClientError):
                await client.disconnect(timeout=5.0)
        await client.close()
