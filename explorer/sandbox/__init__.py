"""The built-in sandbox broker: an in-process asyncio STOMP 1.0/1.1/1.2 broker on loopback
TCP and WebSocket, with queues, topics, acks, transactions, heart-beats, a discovery feed and
demo traffic. In memory and capped; for exploring and testing, not for production.

    async with SandboxBroker(demo=True) as broker:
        broker.tcp_url, broker.ws_url            # stomp://127.0.0.1:N, ws://127.0.0.1:M/ws
        broker.publish("/queue/a", "hello")      # no socket needed
        broker.snapshot()                        # [DestinationInfo(...)]
        async with broker.watch() as changes:    # snapshots as they change
            async for rows in changes: ...
"""

from __future__ import annotations

from explorer.sandbox.demo import DEMO_DESTINATIONS, DemoMessage, DemoTraffic
from explorer.sandbox.destinations import (
    DISCOVERY_TOPIC,
    AckMode,
    Caps,
    DestinationInfo,
)
from explorer.sandbox.discovery import DestinationWatch, snapshot_json
from explorer.sandbox.errors import (
    CapacityExceeded,
    InvalidDestination,
    ListenError,
    ProtocolViolation,
    SandboxError,
    SlowConsumer,
)
from explorer.sandbox.options import SandboxOptions
from explorer.sandbox.server import SERVER_NAME, SandboxBroker

__all__ = [
    "DEMO_DESTINATIONS",
    "DISCOVERY_TOPIC",
    "SERVER_NAME",
    "AckMode",
    "CapacityExceeded",
    "Caps",
    "DemoMessage",
    "DemoTraffic",
    "DestinationInfo",
    "DestinationWatch",
    "InvalidDestination",
    "ListenError",
    "ProtocolViolation",
    "SandboxBroker",
    "SandboxError",
    "SandboxOptions",
    "SlowConsumer",
    "snapshot_json",
]
