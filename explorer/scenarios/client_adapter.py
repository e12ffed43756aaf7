"""`ScenarioConnection` over `explorer.client.Client` (the command line's connection).

async with ClientConnection(client) as connection:    # connects; ScenarioConnectError
    result = await ScenarioRunner(scenario, engine, connection).run()
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Sequence
from types import TracebackType
from typing import TYPE_CHECKING

from explorer.scenarios.errors import ConnectionProblem, NotSendable, ScenarioConnectError
from explorer.scenarios.protocol import Headers, ReceivedMessage

if TYPE_CHECKING:
    from explorer.client import Client, ClientError, EventStream


class ClientConnection:
    """Adapts one `Client`: connects on enter, disconnects on exit."""

    def __init__(self, client: Client) -> None:
        self._client = client
        self._events: EventStream | None = None

    async def __aenter__(self) -> ClientConnection:
        from explorer.client import ClientError

        self._events = self._client.events()
        try:
            await self._client.connect()
        except ClientError as exc:
            self._events.close()
            raise ScenarioConnectError(str(exc), url=self._client.endpoint.url()) from None
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        from explorer.client import ClientError

        if self._events is not None:
            self._events.close()
        try:
            await self._client.disconnect(timeout=2.0)
        except ClientError:
            await self._client.close()

    async def subscribe(self, destination: str, subscription_id: str, headers: Headers) -> None:
        from explorer.client import ClientError

        try:
            await self._client.subscribe(
                destination,
                id=subscription_id,
                headers=headers,
                receipt=True,
                queue_messages=False,
            )
        except ClientError as exc:
            raise _problem(exc) from None

    async def unsubscribe(self, subscription_id: str) -> None:
        from explorer.client import ClientError

        try:
            await self._client.unsubscribe(subscription_id)
        except (ClientError, ValueError) as exc:
            raise ConnectionProblem(str(exc), refused=False) from None

    async def send(
        self, destination: str, headers: Sequence[tuple[str, str]], body: bytes, receipt: bool
    ) -> None:
        from explorer.broker.kind import detect_broker_kind
        from explorer.client import ClientError
        from explorer.session.composite import check_destination
        from explorer.session.errors import CompositeRefused

        connected = self._client.connected_frame
        if "," in destination and connected is not None:  # the session's rule (ActiveMQ only)
            broker = detect_broker_kind(
                connected.headers, websocket=self._client.endpoint.is_websocket
            )
            try:
                check_destination(destination, broker)
            except CompositeRefused as exc:
                raise NotSendable(exc.message) from None
        try:
            await self._client.send(destination, body, headers=list(headers), receipt=receipt)
        except ClientError as exc:
            raise _problem(exc) from None

    async def received(self) -> AsyncIterator[ReceivedMessage]:
        from explorer.client import (
            ClientError,
            ConnectionLost,
            Disconnected,
            ErrorReceived,
            MessageReceived,
        )
        from explorer.client.errors import describe_error_frame

        assert self._events is not None, "use ClientConnection as an async context manager"
        clock = time.monotonic
        while True:
            try:
                batch = await self._events.get_batch()
            except StopAsyncIteration:
                return
            except ClientError as exc:
                raise ConnectionProblem(str(exc), refused=False) from None
            now = clock()
            for event in batch:
                if isinstance(event, MessageReceived):
                    message = event.message
                    yield ReceivedMessage(
                        message.subscription,
                        message.destination or "",
                        message.headers,
                        message.body,
                        now,
                    )
                elif isinstance(event, ErrorReceived):
                    raise ConnectionProblem(describe_error_frame(event.frame), refused=True)
                elif isinstance(event, ConnectionLost):
                    raise ConnectionProblem(str(event.reason), refused=False)
                elif isinstance(event, Disconnected):
                    return


def _problem(exc: ClientError) -> ConnectionProblem:
    from explorer.client import BrokerError, ReceiptTimeout

    if isinstance(exc, BrokerError):
        return ConnectionProblem(str(exc), refused=True)
    if isinstance(exc, ReceiptTimeout):
        return ConnectionProblem(f"no receipt from the broker: {exc}", refused=True)
    return ConnectionProblem(str(exc), refused=False)
