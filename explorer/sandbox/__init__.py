"""The built-in sandbox broker: an in-process asyncio STOMP 1.0/1.1/1.2 broker on loopback
TCP, WebSocket and SockJS, with queues, topics, Spring-style user destinations, acks,
transactions, heart-beats, a discovery feed and demo traffic. In memory and capped; for
exploring and testing, NOT for production.

    async with SandboxBroker(demo=True) as broker:
        broker.tcp_url, broker.ws_url            # stomp://127.0.0.1:N, ws://127.0.0.1:M/ws
        broker.sockjs_url                        # http://127.0.0.1:M/sockjs (same port)
        broker.publish("/queue/a", "hello")      # no socket needed
        broker.snapshot()                        # [DestinationInfo(...)]
        async with broker.watch() as changes:    # snapshots as they change (<= 2/s)
            async for rows in changes: ...
        broker.demo.start(); broker.demo.rate = 2; await broker.demo.stop()

Behaviour worth knowing:
- Destinations: `/queue/<name>` (each message to one subscriber, round-robin, kept until
  consumed) and `/topic/<name>` (copied to current subscribers, nothing kept). Topic
  subscriptions may use wildcards: `*` one segment, `>` or `#` the rest (segments split at
  `/` and `.`). `/topic/sandbox.destinations` delivers the destination list as JSON.
- MESSAGE headers, in order: subscription, message-id, destination, ack (1.2 client modes),
  redelivered + redelivery-count (when redelivered), then the producer's own headers (minus
  transaction, receipt, content-length), then content-length when the body is not empty.
- The WebSocket port serves raw STOMP over WebSocket on any path (also `/sockjs/websocket`,
  as Spring does) and SockJS at `/sockjs` (websocket, xhr-streaming, xhr-polling and the
  other SockJS transports; aio-libs' `sockjs` on aiohttp, see web.py), one STOMP frame per
  SockJS message, with CORS for pages served from another origin.
- User destinations (users.py): SUBSCRIBE `/user/queue/x` is the session's own queue
  `/queue/x-user{session}`; SEND `/user/{login}/queue/x` reaches the queue of every session
  connected with that CONNECT `login` (or `Authorization: Bearer <login>`), delivered with
  `destination:/user/queue/x` as Spring does; a login with no session drops the message, as
  Spring does.
- A SUBSCRIBE with `browser:true` on a queue gets copies of what the queue holds, then a
  MESSAGE with `browser:end`, and nothing after that.
- Every ERROR closes its connection (as the spec says), except "queue ... is full" and "the
  sandbox is full": the producer keeps its connection and may retry after consuming.
  An ERROR answering a frame with `receipt` carries `receipt-id`.
- The broker mirrors the client's heart-beat wishes (never below `heartbeat_min_ms`), sends
  `\n` when idle for half the interval and drops a client silent for longer than the one
  liveness rule allows (`explorer.stomp.heartbeat`: 2x its interval + max(10 %, 0.3 s)).
- Memory: per-queue message and byte caps, an overall byte cap, a per-subscription unacked
  limit (like a prefetch), and per-connection output limits (queues stop dispatching to a
  client that does not read; a topic subscriber that stops reading is disconnected).
"""

from __future__ import annotations

from explorer.sandbox.demo import DEMO_DESTINATIONS, DemoMessage, DemoTraffic
from explorer.sandbox.destinations import (
    DISCOVERY_TOPIC,
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
