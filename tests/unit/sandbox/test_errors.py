"""Bad frames get a helpful ERROR, close only their own connection, and never hurt the broker;
full queues refuse politely; heart-beats keep clients alive and drop silent ones."""

from __future__ import annotations

import asyncio

import pytest

from explorer.sandbox import Caps, SandboxBroker
from tests.support.sandbox import running_sandbox
from tests.unit.sandbox.rawclient import RawClient

CONNECT = b"CONNECT\naccept-version:1.2\nhost:x\n\n\0"


async def _error_for(broker: SandboxBroker, data: bytes) -> bytes:
    """Send CONNECT + `data` on one connection; return the ERROR's message (it must close)."""
    async with await RawClient.open(broker.tcp_port) as client:
        await client.write(CONNECT + data)
        frames = await client.closed_by_server()
        assert [f.command for f in frames] == ["CONNECTED", "ERROR"], frames
        error = frames[1]
        assert error.header("content-type") == "text/plain;charset=utf-8"
        assert error.header("content-length") == str(len(error.body))
        return (error.header("message") or "").encode()


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"SEND\ndestination:/queue/a\nx-bad:tab\\there\n\nx\0",
            b"malformed frame: SEND frame: undefined escape sequence '\\t' in STOMP 1.2 header "
            b"'tab\\\\there'",
        ),
        (b"FROB\n\n\0", b"malformed frame: unknown command 'FROB'"),
        (
            b"MESSAGE\ndestination:/queue/a\n\n\0",
            b"malformed frame: unexpected command 'MESSAGE': only a server sends it",
        ),
        (
            b"SEND\n\nno destination\0",
            b"SEND frame has no destination header; add destination:</queue/<name> or "
            b"/topic/<name>>",
        ),
        (
            b"SEND\ndestination:/exchange/amq\n\nx\0",
            b"destination '/exchange/amq' is not served by the sandbox; use /queue/<name> (each "
            b"message to one consumer) or /topic/<name> (each message to every subscriber)",
        ),
        (
            b"SEND\ndestination:/queue/\n\nx\0",
            b"destination /queue/ has no name; use /queue/<name>, for example /queue/orders",
        ),
        (
            b"SUBSCRIBE\ndestination:/queue/a\n\n\0",
            b"SUBSCRIBE has no id header (required since STOMP 1.1); add id:<any unique name> "
            b"(subscribing to /queue/a)",
        ),
        (
            b"SUBSCRIBE\nid:1\ndestination:/queue/a\nack:sometimes\n\n\0",
            b"unknown ack mode 'sometimes'; use auto, client or client-individual",
        ),
        (
            b"SUBSCRIBE\nid:1\ndestination:/queue/a\n\n\0SUBSCRIBE\nid:1\ndestination:/queue/b\n\n\0",
            b"subscription id 1 is already used in this session; pick another id or UNSUBSCRIBE "
            b"it first",
        ),
        (
            b"UNSUBSCRIBE\nid:nope\n\n\0",
            b"no subscription with id nope in this session; known ids: none",
        ),
        (
            b"ACK\nid:ack-99\n\n\0",
            b"ACK for ack id ack-99: no unacked message has it in this session (already acked, "
            b"or delivered on an ack:auto subscription)",
        ),
        (
            b"COMMIT\ntransaction:ghost\n\n\0",
            b"COMMIT names transaction ghost, which is not open in this session; open ones: none "
            b"(send BEGIN first)",
        ),
        (
            b"SEND\ndestination:/queue/a\ntransaction:ghost\n\nx\0",
            b"SEND names transaction ghost, which is not open in this session; open ones: none "
            b"(send BEGIN first)",
        ),
        (
            b"BEGIN\ntransaction:t\n\n\0BEGIN\ntransaction:t\n\n\0",
            b"transaction t is already open; COMMIT or ABORT it first",
        ),
        (
            b"BEGIN\n\n\0",
            b"BEGIN frame has no transaction header; add transaction:<a transaction name of your "
            b"choice>",
        ),
        (CONNECT, b"already connected; CONNECT can only be sent once"),
        (
            b"SEND\ndestination:/topic/a.*\n\nx\0",
            b"cannot send to /topic/a.*: wildcards (*, >, #) only work in SUBSCRIBE; send to a "
            b"concrete destination",
        ),
        (
            b"SUBSCRIBE\nid:1\ndestination:/topic/a\nbrowser:true\n\n\0",
            b"browser:true works on queues only (a topic keeps no messages to browse); drop the "
            b"header or browse a /queue/ instead of /topic/a",
        ),
        (
            b"SEND\ndestination:/queue/a\ncontent-length:x\n\n\0",
            b"malformed frame: SEND frame: content-length 'x' is not a non-negative integer",
        ),
    ],
    ids=[
        "undefined-escape",
        "unknown-command",
        "server-command",
        "missing-destination",
        "bad-prefix",
        "empty-name",
        "missing-id",
        "bad-ack-mode",
        "duplicate-id",
        "unknown-subscription",
        "unknown-ack",
        "unknown-transaction",
        "send-unknown-tx",
        "duplicate-begin",
        "missing-transaction",
        "second-connect",
        "send-wildcard",
        "browse-topic",
        "bad-content-length",
    ],
)
async def test_bad_frames_get_a_helpful_error_and_close(
    sandbox_broker: SandboxBroker, data: bytes, message: bytes
) -> None:
    assert await _error_for(sandbox_broker, data) == message


@pytest.mark.asyncio
async def test_error_references_the_receipt_and_describes_the_frame(
    sandbox_broker: SandboxBroker,
) -> None:
    async with await RawClient.open(sandbox_broker.tcp_port) as client:
        await client.connect()
        await client.send("UNSUBSCRIBE", id="zz", receipt="r-7")
        (error,) = await client.closed_by_server()
        assert error.header("receipt-id") == "r-7"
        assert "The frame was: UNSUBSCRIBE\n  id:zz\n  receipt:r-7" in error.body.decode()


@pytest.mark.asyncio
async def test_oversize_frame_is_refused_without_buffering_it_all() -> None:
    async with running_sandbox(max_frame_bytes=1000) as broker:
        async with await RawClient.open(broker.tcp_port) as client:
            await client.connect()
            await client.write(b"SEND\ndestination:/queue/big\n\n" + b"x" * 5000)  # no NUL yet
            (error,) = await client.closed_by_server()
            assert error.header("message") == (
                "frame too large: frame size limit is 1000, got at least 5029; send smaller frames"
            )
        assert broker.destinations.depth("/queue/big") == 0


@pytest.mark.asyncio
async def test_oversize_header_line(sandbox_broker: SandboxBroker) -> None:
    message = await _error_for(
        sandbox_broker, b"SEND\ndestination:/queue/a\nx-long:" + b"y" * 70_000 + b"\n\n\0"
    )
    assert message.startswith(b"frame too large: header line length limit is 65536")


@pytest.mark.asyncio
async def test_a_misbehaving_client_does_not_affect_others(sandbox_broker: SandboxBroker) -> None:
    port = sandbox_broker.tcp_port
    async with await RawClient.open(port) as good:
        await good.connect()
        await good.send(
            "SUBSCRIBE", id="s", destination="/queue/shared", ack="client-individual", receipt="r"
        )
        await good.receipt("r")
        bad_inputs = [
            b"\xff\xfe garbage\n\n\0",
            b"SEND\ndestination:/queue/shared\nx:\\q\n\n\0",
            b"NOPE\n\n\0",
            b"SEND\ndestination:/queue/shared\n\n" + b"z" * 5_000_000,
            b"SEND\nno colon line\n\n\0",
        ]
        for data in bad_inputs:
            async with await RawClient.open(port) as bad:
                await bad.write(CONNECT + data)
                frames = await bad.closed_by_server()
                assert frames[-1].command == "ERROR"
            await good.send("SEND", b"still fine", destination="/queue/shared", receipt="ok")
            receipt, message = await good.frames(2)
            assert receipt.header("receipt-id") == "ok"
            assert message.body == b"still fine"
            await good.send("ACK", id=message.header("ack") or "")
        # a client that vanishes mid-frame
        _reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(CONNECT + b"SEND\ndestination:/queue/shared\ncontent-length:100\n\nabc")
        await writer.drain()
        writer.close()
        await writer.wait_closed()
        await good.send("SEND", b"after", destination="/queue/shared")
        assert (await good.frame()).body == b"after"
    assert sandbox_broker.running
    assert sandbox_broker.destinations.depth("/queue/shared") == 1  # "after" is not acked yet


@pytest.mark.asyncio
async def test_full_queue_refuses_with_an_error_and_keeps_the_connection() -> None:
    async with (
        running_sandbox(caps=Caps(queue_messages=2)) as broker,
        await RawClient.open(broker.tcp_port) as client,
    ):
        await client.connect()
        await client.send("SEND", b"1", destination="/queue/x", receipt="r1")
        await client.receipt("r1")
        await client.send("SEND", b"2", destination="/queue/x", receipt="r2")
        await client.receipt("r2")
        await client.send("SEND", b"3", destination="/queue/x", receipt="r3")
        error = await client.frame()
        assert error.command == "ERROR"
        assert error.header("message") == (
            "queue /queue/x is full (2 messages, cap 2); consume or purge it"
        )
        assert error.header("receipt-id") == "r3"
        # still connected: consume one, then sending works again
        await client.send("SUBSCRIBE", id="s", destination="/queue/x", receipt="s")
        receipt, first, second = await client.frames(3)
        assert receipt.header("receipt-id") == "s"
        assert (first.body, second.body) == (b"1", b"2")
        await client.send("SEND", b"4", destination="/queue/x", receipt="r4")
        receipt, fourth = await client.frames(2)
        assert receipt.header("receipt-id") == "r4" and fourth.body == b"4"


@pytest.mark.asyncio
async def test_queue_byte_cap_and_overall_cap() -> None:
    caps = Caps(queue_bytes=100, total_bytes=150)
    async with (
        running_sandbox(caps=caps) as broker,
        await RawClient.open(broker.tcp_port) as client,
    ):
        await client.connect()
        await client.send("SEND", b"a" * 90, destination="/queue/a", receipt="1")
        await client.receipt("1")
        await client.send("SEND", b"b" * 20, destination="/queue/a", receipt="2")
        error = await client.frame()
        assert error.header("message") == (
            "queue /queue/a is full (90 bytes held, this message 20 bytes, cap 100 bytes); "
            "consume or purge it"
        )
        await client.send("SEND", b"c" * 70, destination="/queue/b", receipt="3")
        error = await client.frame()
        assert error.header("message") == (
            "the sandbox is full (90 bytes held in queues, cap 150 bytes); consume or purge "
            "some queues"
        )
        assert broker.purge("/queue/a") == 1
        await client.send("SEND", b"c" * 70, destination="/queue/b", receipt="4")
        await client.receipt("4")


@pytest.mark.asyncio
async def test_heart_beats_keep_a_live_client_and_drop_a_silent_one() -> None:
    async with (
        running_sandbox(heartbeat_min_ms=10) as broker,
        await RawClient.open(broker.tcp_port) as live,
        await RawClient.open(broker.tcp_port) as silent,
    ):
        connected = await live.connect(heart_beat="100,100")
        assert connected.header("heart-beat") == "100,100"
        await silent.connect(heart_beat="100,100")

        async def keep_beating() -> None:
            for _ in range(12):
                await live.write(b"\n")
                await asyncio.sleep(0.05)

        beating = asyncio.create_task(keep_beating())
        frames = await silent.closed_by_server(timeout=5)  # dropped after ~2 x 100 ms
        assert frames == []
        await beating
        await live.send("SEND", b"x", destination="/queue/hb", receipt="still-here")
        await live.receipt("still-here")
        assert live.heartbeats >= 3  # the sandbox sent heart-beats too
        assert len(broker.sessions) == 1


@pytest.mark.asyncio
async def test_a_connection_without_connect_is_closed() -> None:
    async with (
        running_sandbox(connect_timeout=0.2) as broker,
        await RawClient.open(broker.tcp_port) as client,
    ):
        assert await client.closed_by_server() == []


@pytest.mark.asyncio
async def test_stop_closes_every_connection() -> None:
    broker = SandboxBroker()
    await broker.start()
    clients = [await RawClient.open(broker.tcp_port) for _ in range(3)]
    try:
        for client in clients:
            await client.connect()
        await broker.stop()
        for client in clients:
            assert await client.closed_by_server() == []
        assert not broker.sessions
    finally:
        for client in clients:
            await client.close()
        await broker.stop()


@pytest.mark.asyncio
async def test_port_in_use_is_a_listen_error(sandbox_broker: SandboxBroker) -> None:
    from explorer.sandbox import ListenError

    with pytest.raises(ListenError, match="already in use"):
        async with running_sandbox(tcp_port=sandbox_broker.tcp_port):
            pass


@pytest.mark.asyncio
async def test_a_consumer_that_does_not_read_stops_getting_queue_messages() -> None:
    options = {"output_high_water": 64 * 1024, "output_low_water": 16 * 1024}
    async with (
        running_sandbox(**options) as broker,
        await RawClient.open(broker.tcp_port) as stuck,
        await RawClient.open(broker.tcp_port) as reader,
    ):
        await stuck.connect()
        await stuck.send("SUBSCRIBE", id="s", destination="/queue/flood", receipt="r")
        await stuck.receipt("r")
        body = "x" * 10_000
        for _ in range(1000):  # 10 MB: more than socket buffers and the high-water mark hold
            broker.publish("/queue/flood", body)
        await asyncio.sleep(0.2)
        waiting = broker.destinations.depth("/queue/flood")
        assert waiting > 0  # the rest stayed in the queue instead of piling up in memory
        await reader.connect()
        await reader.send("SUBSCRIBE", id="s", destination="/queue/flood")
        frames = await reader.frames(waiting, timeout=10)
        assert all(f.body == body.encode() for f in frames)


@pytest.mark.asyncio
async def test_a_topic_subscriber_that_does_not_read_is_dropped() -> None:
    options = {"output_high_water": 64 * 1024, "max_pending_output": 256 * 1024}
    async with (
        running_sandbox(**options) as broker,
        await RawClient.open(broker.tcp_port) as stuck,
        await RawClient.open(broker.tcp_port) as fine,
    ):
        await stuck.connect()
        await stuck.send("SUBSCRIBE", id="s", destination="/topic/flood", receipt="r")
        await stuck.receipt("r")
        await fine.connect()
        body = "y" * 10_000
        for _ in range(1000):
            broker.publish("/topic/flood", body)
            await asyncio.sleep(0)
        async with asyncio.timeout(10):
            while len(broker.sessions) > 1:
                await asyncio.sleep(0.05)
        await fine.send("SEND", b"ok", destination="/queue/after", receipt="k")
        await fine.receipt("k")
        (row,) = [r for r in broker.snapshot() if r.destination == "/topic/flood"]
        assert row.consumers == 0


@pytest.mark.asyncio
async def test_an_internal_error_is_reported_and_contained(
    sandbox_broker: SandboxBroker, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(destination: str, headers: object, body: bytes) -> str:
        raise RuntimeError("boom")

    async with await RawClient.open(sandbox_broker.tcp_port) as client:
        await client.connect()
        monkeypatch.setattr(sandbox_broker, "publish_frame", broken)
        await client.send("SEND", b"x", destination="/queue/a")
        (error,) = await client.closed_by_server()
        assert error.header("message") == (
            "internal sandbox error while handling SEND (RuntimeError); please report it"
        )
    monkeypatch.undo()
    async with await RawClient.open(sandbox_broker.tcp_port) as client:
        await client.connect()
        await client.send("SEND", b"x", destination="/queue/a", receipt="r")
        await client.receipt("r")
