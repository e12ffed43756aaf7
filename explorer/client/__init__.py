"""asyncio STOMP 1.0/1.1/1.2 client over TCP, TLS, WebSocket and SockJS (no Qt here).

Built on the sans-I/O codec `explorer.stomp`. One `Client` is one logical connection to one
broker; with a reconnect policy it survives transport losses and re-subscribes. A client is
used once: after disconnect()/close() or a final loss, make a new one to connect again.

Creating and connecting::

    from explorer.client import Client, connect, TlsOptions, WebSocketOptions, ReconnectPolicy

    client = Client(
        "stomp://127.0.0.1:61613",      # str or explorer.client.url.Endpoint; ws://, wss://, stomp+ssl://
        login=None, passcode=None,      # passcode is redacted (***) in the wire tap, never logged
        host="/",                       # CONNECT `host` header (RabbitMQ: the vhost); None = omit
        accept_versions=("1.0", "1.1", "1.2"),   # sent as "1.0,1.1,1.2" (never with spaces)
        heartbeat=(10000, 10000),       # (cx, cy) ms; (0, 0) = off
        heartbeat_grace=2.0,            # peer is dead after grace x receive interval + slack
        use_stomp_command=False,        # True: send STOMP instead of CONNECT
        connect_headers=(),             # extra CONNECT headers, e.g. (("client-id", "me"),)
        tls=TlsOptions(),               # ca_file, cert_file, key_file, key_password,
                                        # server_name, insecure
        websocket=WebSocketOptions(),   # headers (Authorization, Cookie...), origin,
                                        # subprotocols, force_binary, compression, cookies,
                                        # query (added to every request, never shown),
                                        # browser_like (see "SockJS, tokens" below)
        sockjs=SockJsOptions(),         # transport=None | "websocket" | "xhr-streaming" |
                                        # "xhr-polling" (http:// and https:// URLs)
        token=None,                     # TokenOptions: a bearer token fetched before every
                                        # connect and reconnect, see below
        transport_notes=None,           # Callable[[str], None]: told why the transport is
                                        # not what the URL suggests (a fallback)
        limits=None,                    # explorer.stomp.Limits (WS max_size follows it)
        connect_timeout=10.0,           # transport + CONNECTED, seconds
        receipt_timeout=10.0,           # default wait for a RECEIPT, seconds
        reconnect=None,                 # ReconnectPolicy(...) to reconnect automatically
        wire_tap=None,                  # Callable[[WireRecord], None], see below
        keep_raw=False,                 # True: inbound frames carry `frame.raw` (exact wire bytes)
        strictness=Strictness.LENIENT,  # explorer.stomp.Strictness; see "A broken server" below
        max_queued=10_000,              # bound of each subscription and event stream (None: none)
    )
    events = client.events()            # subscribe to the ordered event stream BEFORE connecting
    await client.connect()              # raises ConnectFailed / TransportError / ConnectTimeout;
                                        # the first connect never retries (reconnect is for
                                        # connections lost later)

    # or in one go (no chance to see the Connecting/Connected events):
    client = await connect("stomp://127.0.0.1:61613", login="guest", passcode="guest")
    async with Client(url) as client: ...  # connect() on enter, disconnect() on exit

Commands (all coroutines; `receipt=True` adds a `receipt` header and waits for the RECEIPT,
raising ReceiptTimeout, or BrokerError when an ERROR carries that receipt-id or an ERROR
without any receipt-id arrives while waiting: RabbitMQ's "Invalid destination" has none)::

    await client.send("/queue/foo", "안녕", headers={"x-a": "1"}, content_type="text/plain",
                      transaction=None, receipt=False, content_length=True)   # body: str | bytes
    sub = await client.subscribe("/queue/foo", ack="auto", headers={"selector": "a = 1"},
                                 id=None, receipt=False, queue_messages=True,
                                 max_queued=DEFAULT, overflow=Overflow.BLOCK)  # see below
    async for message in sub: ...        # Message; ends on unsubscribe/disconnect,
                                         # raises ConnectionLostError if the link dies for good
    message = await sub.get(timeout=5)   # the next message; raises ReceiveTimeout
    await client.ack(message); await client.nack(message)   # headers per version
    await sub.unsubscribe()              # or: await client.unsubscribe(sub_or_id, receipt=...)
    tx = await client.begin(); await client.commit(tx); await client.abort(tx)   # tx: str id
    await client.disconnect(timeout=3.0)  # DISCONNECT + receipt (waits <= timeout), then close
    await client.close()                  # drop the transport without DISCONNECT
    waiter = await client.send_frame(Frame(...))   # any frame as is; returns an awaitable
                                          # ReceiptWaiter when the frame has a `receipt` header
    waiters = await client.send_frames(frames)  # a burst in one write on TCP/TLS (a system
                                          # call per burst, not per frame); waiters of those
                                          # with a `receipt` header
    client.state       # State.IDLE/CONNECTING/CONNECTED/RECONNECT_WAIT/DISCONNECTING/CLOSED
    client.version, client.server, client.session, client.heartbeat  # from CONNECTED
    client.subscriptions                  # the live Subscription objects (id, destination,
                                          # ack, headers as sent)

Messages (`Message`, frozen): `frame` (the Frame), `destination`, `subscription` (id str | None),
`message_id`, `ack_id` (the 1.2 `ack` header), `body` (bytes), `headers` (wire order),
`header(name)`, `text()` (UTF-8 decode), `matched` (False when no subscription made through
this client ever had that id, live or ended: such messages only go to the event stream; a
straggler of an ended subscription stays matched and is dropped from its subscription).

Event stream: `client.events()` returns an `EventStream`; every stream gets every event emitted
after it was created, in one order (state changes, messages, receipts, errors)::

    async for event in events:              # ends after the terminal Disconnected/ConnectionLost
        match event:
            case Connecting(endpoint, attempt): ...
            case Connected(version, server, session, heartbeat, frame, resubscribed): ...
            case MessageReceived(message): ...          # message.matched tells unmatched ones
            case ReceiptReceived(receipt_id, frame): ...
            case ErrorReceived(frame): ...               # event.message = the `message` header
            case Reconnecting(attempt, delay, reason): ...
            case ConnectionLost(reason, reconnecting): ...   # reason: ClientError
            case Disconnected(receipt_received): ...     # after disconnect()/close(): terminal
            case UnhandledFrame(frame): ...              # e.g. a frame before CONNECTED
            case BytesSkipped(violation): ...            # bytes the lenient reader dropped
    batch = await events.get_batch()        # all queued events at once (>= 1), for batched UIs
    now = events.take_all()                 # whatever is queued, without waiting (maybe [])
    events.close()                          # stop receiving
    client.events(max_queued=1000, overflow=Overflow.DROP_OLDEST)   # see "Back-pressure"
    events.dropped                          # message events dropped so far (DROP_OLDEST)

Back-pressure: every subscription and event stream holds at most `max_queued` unread items
(the client's `max_queued`, 10,000 by default, unless given per call). With the default
`Overflow.BLOCK`, a buffer that reaches its bound makes the client stop reading the socket
until every full buffer is back at half its bound: TCP pushes back and the broker's own flow
control takes over (ActiveMQ prefetch and producer flow control, RabbitMQ credit flow), so
nothing is lost and memory stays bounded. The bound is exceeded by at most one read (256 KiB
of frames) dispatched before the pause. A queued message costs its body plus about 1.4 KiB
(frame, headers, Message): a full default subscription of 1 KiB messages holds about 24 MB;
under a flood, a 2,000-message subscription stays within 40 MB of its starting RSS
(`tests/faults/test_slow_consumer.py`; measured +7 MB). While a RECEIPT is awaited the
reader goes on: the RECEIPT may sit behind MESSAGEs the broker sent first, whose number its
in-flight window (prefetch) bounds; a RECEIPT that never comes ends that at its timeout.
Heart-beats the broker sent while we did not read are not held against it. So: read what
you open, or close it; a BLOCK event stream nobody reads stops the client after
`max_queued` events. A view that prefers fresh data uses `Overflow.DROP_OLDEST`: the oldest
queued message is dropped and counted in `.dropped` (event streams drop only
MessageReceived, never state events).

Wire tap: `wire_tap(record)` is called synchronously for every frame and heart-beat in and out.
`WireRecord(timestamp=time.monotonic(), direction=Direction.IN|OUT, data=raw bytes, frame=Frame
| None, violations=tuple[Violation, ...])`; `record.is_heartbeat`. In a CONNECT the passcode is
`***` in both data and frame. With no tap set, nothing is recorded (zero cost). Inbound EOLs
are reported one record each, including the EOL a broker writes right after each frame's NUL
(ActiveMQ and RabbitMQ send `\0\n`): the wire cannot tell it from a heart-beat. WebSocket
connections use no proxy.

SockJS, tokens and browser-like mode: an `http://` or `https://` URL is a SockJS endpoint
(Spring's `.withSockJS()`): `{url}/info` is asked, then a session opens over websocket,
xhr-streaming or xhr-polling, in that order of preference (each tried in turn when one
fails; `SockJsOptions(transport=...)` forces one). Each STOMP frame goes out as one SockJS
message; SockJS carries text only (a frame that is not UTF-8 raises NotSupported). A URL
without `/info` is tried as a raw WebSocket on the same path; one that is neither raises
SockJsError. `client.transport_kind` says what carries STOMP ("tcp", "tls", "websocket",
"sockjs-websocket", "sockjs-xhr-streaming", "sockjs-xhr-polling"), `client.transport_note`
why when it is a fallback (also on the `Connected` event: `transport`, `transport_note`).
SockJS heart-beats (`h`) prove the HTTP/WebSocket link is alive, not the STOMP session
(Spring's SockJS layer beats while its broker relay is stuck): they never count as STOMP
heart-beats. The wire tap gets the SockJS layer as `WireRecord(..., layer=Layer.SOCKJS)`
records under the STOMP ones: the `/info` answer, `o` (opened), `h`, `c[code,"reason"]`
(closed), `data` as on the wire, `frame` None, `is_heartbeat` False; a close's code and
reason are also in the error that ends the connection (`SockJS close 3000 "Go away!": ...`).

    token = TokenOptions(TokenSource(env="JWT"),           # or command="get-jwt", value=...
                         TokenPlacement.CONNECT,           # HANDSHAKE, QUERY, COOKIE
                         name=None,                        # Authorization / access_token
                         prefix=None)                      # "Bearer " in Authorization
    Client("https://app.example/ws", token=token,
           websocket=WebSocketOptions(browser_like=True, origin="https://app.example"))

A token command runs (shell, 30 s limit) before every connect and reconnect, so an expiring
JWT is fetched fresh; TokenError says why there is none (unset, empty, several lines, the
command failed: its exit code and last stderr line), never quoting the token or the command.
The token never shows: CONNECT headers that carry credentials (passcode, Authorization,
*token*, *secret*, api-key, ...; `requests.is_secret_header`) and the token's own header are
`***` in the wire tap; a query token is added only to the requests, never to a URL shown
(`Endpoint.url()` also hides token-like query parameters typed into the URL). Browser-like
mode (`WebSocketOptions(browser_like=True)`) does only what a page can: no handshake headers
but Cookie (the Client refuses others with ValueError: `browser_like_problems(options)` says
why first), an Origin (the endpoint's own unless `origin` is set), stompjs's subprotocols
`v10.stomp, v11.stomp, v12.stomp`.

A broken server (strictness): the handshake is always read strictly enough that a non-STOMP
port fails at once. After CONNECTED the default `Strictness.LENIENT` reads past deviations
from the spec and reports them instead of dropping the connection, so an explorer can show a
broken server's traffic: a deviation it can read past is on the frame (`frame.violations`,
hence `message.frame.violations`, `record.violations`); bytes it cannot read as a frame are
skipped up to the next NUL and reported once, as a `WireRecord` with `frame=None` and
`data` = the skipped bytes, and as a `BytesSkipped(violation)` event. Each `Violation` has
`rule` (`explorer.stomp.Rule`, e.g. "undefined-escape", "bad-header-line"), `offset` (the
byte offset in this connection's inbound stream where the frame starts), `detail` (a
sentence) and `skipped`. `Strictness.STANDARD` ends the connection (ProtocolError) at the
first malformed frame; `Strictness.STRICT` also at a body on CONNECTED/RECEIPT.

Heart-beats: the client sends an EOL once it was silent for half its interval, and declares
the broker dead after `heartbeat_grace` (2.0) x the broker's interval + max(10 %, 0.3 s) of
silence: the one liveness rule, `explorer.stomp.heartbeat.is_late`.

Reconnect: `ReconnectPolicy(initial_delay=0.5, max_delay=30.0, factor=2.0, jitter=0.2,
max_attempts=None, delays=None)`; `delays` is an iterable factory for tests
(`delays=lambda: itertools.repeat(0.0)`). Authentication failures (ConnectFailed whose message
looks like a login problem) are not retried. After reconnecting, every live subscription is
re-sent with its original SUBSCRIBE headers (same id); transactions are not replayed.

Errors (all `ClientError`; messages say what to fix)::

    ClientError
      TransportError           cannot reach / talk to the endpoint (refused, DNS, reset)
        TlsError               certificate verification / handshake failures
        WebSocketHandshakeError HTTP status / subprotocol refusal
        SockJsError            an http(s) URL that is neither SockJS nor WebSocket, an /info
                               that refuses (401/403), no SockJS transport opens (each
                               one's failure named), a frame that is not SockJS
      TokenError               no usable bearer token (.source: env, command, keyring)
      ConnectFailed            broker answered CONNECT with ERROR (.frame, .message, .body,
                               .is_auth_failure)
      ConnectionLostError      connection ended unexpectedly (.cause)
        HeartbeatTimeout       nothing received for grace x the interval + max(10 %, 0.3 s)
      ClientTimeout
        ConnectTimeout, ReceiptTimeout (.receipt_id), ReceiveTimeout
      BrokerError              an ERROR frame answering a command we waited for (.frame)
      NotConnected             a command while not connected (e.g. during reconnect)
      NotSupported             e.g. NACK in STOMP 1.0, ACK of a message without an ack id
      ProtocolError            the broker sent bytes the codec rejects (wraps StompError)

Example::

    async with Client("stomp://127.0.0.1:61613") as client:
        sub = await client.subscribe("/queue/foo", ack="client-individual")
        await client.send("/queue/foo", "안녕", receipt=True)
        message = await sub.get(timeout=5)
        assert message.body == "안녕".encode()
        await client.ack(message)
"""

from __future__ import annotations

from explorer.client.client import ACK_MODES, Client, ReceiptWaiter, WireTap, connect
from explorer.client.errors import (
    BrokerError,
    ClientError,
    ClientTimeout,
    ConnectFailed,
    ConnectionLostError,
    ConnectTimeout,
    HeartbeatTimeout,
    NotConnected,
    NotSupported,
    ProtocolError,
    ReceiptTimeout,
    ReceiveTimeout,
    SockJsError,
    TlsError,
    TokenError,
    TransportError,
    WebSocketHandshakeError,
)
from explorer.client.events import (
    BytesSkipped,
    Connected,
    Connecting,
    ConnectionLost,
    Direction,
    Disconnected,
    ErrorReceived,
    Event,
    Layer,
    Message,
    MessageReceived,
    ReceiptReceived,
    Reconnecting,
    State,
    UnhandledFrame,
    WireRecord,
)
from explorer.client.options import (
    BROWSER_SUBPROTOCOLS,
    SOCKJS_TRANSPORTS,
    STOMP_SUBPROTOCOLS,
    ReconnectPolicy,
    SockJsOptions,
    TlsOptions,
    WebSocketOptions,
    browser_like_problems,
)
from explorer.client.streams import (
    DEFAULT,
    DEFAULT_MAX_QUEUED,
    EventStream,
    Overflow,
    Subscription,
)
from explorer.client.tokens import TokenOptions, TokenPlacement, TokenSource
from explorer.client.url import Endpoint, Transport, UrlError, parse_url

__all__ = [
    "ACK_MODES",
    "BROWSER_SUBPROTOCOLS",
    "DEFAULT",
    "DEFAULT_MAX_QUEUED",
    "SOCKJS_TRANSPORTS",
    "STOMP_SUBPROTOCOLS",
    "BrokerError",
    "BytesSkipped",
    "Client",
    "ClientError",
    "ClientTimeout",
    "ConnectFailed",
    "ConnectTimeout",
    "Connected",
    "Connecting",
    "ConnectionLost",
    "ConnectionLostError",
    "Direction",
    "Disconnected",
    "Endpoint",
    "ErrorReceived",
    "Event",
    "EventStream",
    "HeartbeatTimeout",
    "Layer",
    "Message",
    "MessageReceived",
    "NotConnected",
    "NotSupported",
    "Overflow",
    "ProtocolError",
    "ReceiptReceived",
    "ReceiptTimeout",
    "ReceiptWaiter",
    "ReceiveTimeout",
    "ReconnectPolicy",
    "Reconnecting",
    "SockJsError",
    "SockJsOptions",
    "State",
    "Subscription",
    "TlsError",
    "TlsOptions",
    "TokenError",
    "TokenOptions",
    "TokenPlacement",
    "TokenSource",
    "Transport",
    "TransportError",
    "UnhandledFrame",
    "UrlError",
    "WebSocketHandshakeError",
    "WebSocketOptions",
    "WireRecord",
    "WireTap",
    "browser_like_problems",
    "connect",
    "parse_url",
]
