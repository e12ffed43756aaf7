"""The sandbox over raw TCP: exact bytes, versions, receipts, queues vs topics, acks,
transactions, browser peek and the discovery topic."""

from __future__ import annotations

import asyncio
import json

import pytest

from explorer.sandbox import SERVER_NAME, SandboxBroker
from tests.support.sandbox import running_sandbox
from tests.unit.sandbox.rawclient import RawClient

NC_SESSION = (
    "CONNECT\naccept-version:1.2\nhost:localhost\n\n\0"
    "SUBSCRIBE\nid:0\ndestination:/queue/foo\n\n\0"
    "SEND\ndestination:/queue/foo\n\n안녕\0"
).encode()


@pytest.mark.asyncio
async def test_the_seed_nc_session_byte_for_byte(sandbox_broker: SandboxBroker) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", sandbox_broker.tcp_port)
    try:
        writer.write(NC_SESSION)
        await writer.drain()
        expected = (
            b"CONNECTED\nversion:1.2\nserver:"
            + SERVER_NAME.encode()
            + b"\nsession:session-1\nheart-beat:0,0\n\n\0"
            + "MESSAGE\nsubscription:0\nmessage-id:sandbox-1\ndestination:/queue/foo\n"
            "content-length:6\n\n안녕\0".encode()
        )
        data = b""
        while len(data) < len(expected):
            chunk = await asyncio.wait_for(reader.read(4096), 5)
            assert chunk, f"closed early after {data!r}"
            data += chunk
        assert data == expected
    finally:
        writer.close()
        await writer.wait_closed()


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("accept", "expected"),
    [("1.0,1.1,1.2", "1.2"), ("1.1", "1.1"), ("1.0", "1.0"), ("1.1, 1.2", "1.2"), (None, "1.0")],
)
async def test_version_negotiation(
    sandbox_broker: SandboxBroker, accept: str | None, expected: str
) -> None:
    async with await RawClient.open(sandbox_broker.tcp_port) as client:
        headers = {} if accept is None else {"accept_version": accept}
        await client.send("CONNECT", host="anything.example", **headers)
        connected = await client.frame()
        assert connected.command == "CONNECTED"
        assert connected.header("version") == expected
        assert connected.header("server") == SERVER_NAME
        assert (connected.header("session") or "").startswith("session-")
        assert (connected.header("heart-beat") is None) == (expected == "1.0")


@pytest.mark.asyncio
async def test_stomp_command_connects_like_connect(sandbox_broker: SandboxBroker) -> None:
    async with await RawClient.open(sandbox_broker.tcp_port) as client:
        await client.send("STOMP", accept_version="1.2", host="x")
        assert (await client.frame()).header("version") == "1.2"


@pytest.mark.asyncio
async def test_no_common_version_is_an_error_listing_ours(sandbox_broker: SandboxBroker) -> None:
    async with await RawClient.open(sandbox_broker.tcp_port) as client:
        await client.send("CONNECT", accept_version="2.0", host="x")
        (error,) = await client.closed_by_server()
        assert error.command == "ERROR"
        assert error.header("version") == "1.0,1.1,1.2"
        assert "no common STOMP version" in (error.header("message") or "")


@pytest.mark.asyncio
async def test_login_is_checked_only_when_configured() -> None:
    async with running_sandbox(login="admin", passcode="s3cret") as broker:
        async with await RawClient.open(broker.tcp_port) as client:
            await client.send(
                "CONNECT", accept_version="1.2", host="x", login="admin", passcode="wrong"
            )
            (error,) = await client.closed_by_server()
            assert error.header("message") == (
                "login failed: wrong login or passcode for this sandbox"
            )
            assert b"s3cret" not in error.body
        async with await RawClient.open(broker.tcp_port) as client:
            await client.connect(login="admin", passcode="s3cret")


@pytest.mark.asyncio
async def test_frames_before_connect_are_refused(sandbox_broker: SandboxBroker) -> None:
    async with await RawClient.open(sandbox_broker.tcp_port) as client:
        await client.send("SEND", b"x", destination="/queue/a")
        (error,) = await client.closed_by_server()
        assert error.header("message") == (
            "send CONNECT (or STOMP) first; got SEND before connecting"
        )


@pytest.mark.asyncio
async def test_receipts_for_every_frame_and_disconnect_closes(
    sandbox_broker: SandboxBroker,
) -> None:
    async with await RawClient.open(sandbox_broker.tcp_port) as client:
        await client.connect()
        await client.send("SUBSCRIBE", id="s", destination="/topic/t", receipt="r1")
        await client.receipt("r1")
        await client.send("SEND", b"x", destination="/queue/q", receipt="r2")
        await client.receipt("r2")
        await client.send("BEGIN", transaction="tx", receipt="r3")
        await client.receipt("r3")
        await client.send("ABORT", transaction="tx", receipt="r4")
        await client.receipt("r4")
        await client.send("UNSUBSCRIBE", id="s", receipt="r5")
        await client.receipt("r5")
        await client.send("DISCONNECT", receipt="bye")
        (receipt,) = await client.closed_by_server()
        assert receipt.command == "RECEIPT" and receipt.header("receipt-id") == "bye"


@pytest.mark.asyncio
async def test_subscribe_receipt_comes_before_the_queued_messages(
    sandbox_broker: SandboxBroker,
) -> None:
    sandbox_broker.publish("/queue/waiting", "first")
    async with await RawClient.open(sandbox_broker.tcp_port) as client:
        await client.connect()
        await client.send("SUBSCRIBE", id="s", destination="/queue/waiting", receipt="r")
        receipt, message = await client.frames(2)
        assert receipt.command == "RECEIPT"
        assert message.command == "MESSAGE" and message.body == b"first"


@pytest.mark.asyncio
async def test_message_carries_user_headers_but_not_transaction_or_receipt(
    sandbox_broker: SandboxBroker,
) -> None:
    async with await RawClient.open(sandbox_broker.tcp_port) as client:
        await client.connect()
        await client.send("SUBSCRIBE", id="s", destination="/topic/h", receipt="r")
        await client.receipt("r")
        await client.write(
            b"SEND\ndestination:/topic/h\ncontent-type:application/json;charset=utf-8\n"
            b"x-trace-id:abc\nx-colon:a\\cb\nx-dup:1\nx-dup:2\nreceipt:r2\n\n{}\0"
        )
        receipt, message = await client.frames(2)
        assert receipt.header("receipt-id") == "r2"
        assert message.headers == (
            ("subscription", "s"),
            ("message-id", message.header("message-id")),
            ("destination", "/topic/h"),
            ("content-type", "application/json;charset=utf-8"),
            ("x-trace-id", "abc"),
            ("x-colon", "a:b"),
            ("x-dup", "1"),
            ("x-dup", "2"),
            ("content-length", "2"),
        )
        assert message.body == b"{}"


@pytest.mark.asyncio
async def test_queue_round_robin_and_topic_fan_out(sandbox_broker: SandboxBroker) -> None:
    port = sandbox_broker.tcp_port
    async with await RawClient.open(port) as a, await RawClient.open(port) as b:
        for client in (a, b):
            await client.connect()
            await client.send("SUBSCRIBE", id="q", destination="/queue/work", receipt="rq")
            await client.receipt("rq")
            await client.send("SUBSCRIBE", id="t", destination="/topic/news", receipt="rt")
            await client.receipt("rt")
        for n in range(4):
            sandbox_broker.publish("/queue/work", f"job{n}")
        sandbox_broker.publish("/topic/news", "hello all")
        got_a = [f.body for f in await a.frames(3)]
        got_b = [f.body for f in await b.frames(3)]
        assert got_a == [b"job0", b"job2", b"hello all"]
        assert got_b == [b"job1", b"job3", b"hello all"]


@pytest.mark.asyncio
async def test_queue_keeps_messages_until_a_consumer_comes(sandbox_broker: SandboxBroker) -> None:
    async with await RawClient.open(sandbox_broker.tcp_port) as producer:
        await producer.connect()
        for n in range(3):
            await producer.send("SEND", f"m{n}".encode(), destination="/queue/later")
        await producer.send("SEND", b"lost", destination="/topic/nobody", receipt="r")
        await producer.receipt("r")
    assert next(r for r in sandbox_broker.snapshot() if r.destination == "/queue/later").depth == 3
    async with await RawClient.open(sandbox_broker.tcp_port) as consumer:
        await consumer.connect()
        await consumer.send("SUBSCRIBE", id="s", destination="/queue/later")
        assert [f.body for f in await consumer.frames(3)] == [b"m0", b"m1", b"m2"]
        await consumer.send("SUBSCRIBE", id="t", destination="/topic/nobody")
        assert await consumer.nothing_for(0.2)


@pytest.mark.asyncio
async def test_client_individual_nack_redelivers_to_the_next_consumer(
    sandbox_broker: SandboxBroker,
) -> None:
    port = sandbox_broker.tcp_port
    async with await RawClient.open(port) as a, await RawClient.open(port) as b:
        for client in (a, b):
            await client.connect()
            await client.send(
                "SUBSCRIBE", id="s", destination="/queue/jobs", ack="client-individual", receipt="r"
            )
            await client.receipt("r")
        sandbox_broker.publish("/queue/jobs", "job")
        first = await a.frame()
        assert first.header("redelivered") is None
        ack_id = first.header("ack")
        assert ack_id is not None
        await a.send("NACK", id=ack_id, receipt="n")
        await a.receipt("n")
        again = await b.frame()
        assert again.body == b"job"
        assert again.header("message-id") == first.header("message-id")
        assert again.header("redelivered") == "true"
        assert again.header("redelivery-count") == "1"
        await b.send("ACK", id=again.header("ack") or "", receipt="k")
        await b.receipt("k")
    (row,) = [r for r in sandbox_broker.snapshot() if r.destination == "/queue/jobs"]
    assert (row.depth, row.enqueued, row.dequeued) == (0, 1, 1)


@pytest.mark.asyncio
async def test_client_ack_is_cumulative(sandbox_broker: SandboxBroker) -> None:
    async with await RawClient.open(sandbox_broker.tcp_port) as client:
        await client.connect()
        await client.send("SUBSCRIBE", id="s", destination="/queue/cum", ack="client", receipt="r")
        await client.receipt("r")
        for n in range(3):
            sandbox_broker.publish("/queue/cum", str(n))
        messages = await client.frames(3)
        await client.send("ACK", id=messages[1].header("ack") or "", receipt="k")
        await client.receipt("k")
        assert sandbox_broker.destinations.depth("/queue/cum") == 1
        # the first two are gone: acking the first again is an error
        await client.send("ACK", id=messages[0].header("ack") or "")
        (error,) = await client.closed_by_server()
        assert "no unacked message has it" in (error.header("message") or "")
    # the third, unacked, went back to the queue when the connection closed
    await asyncio.sleep(0)
    assert sandbox_broker.destinations.depth("/queue/cum") == 1


@pytest.mark.asyncio
async def test_unacked_messages_return_on_disconnect_marked_redelivered(
    sandbox_broker: SandboxBroker,
) -> None:
    port = sandbox_broker.tcp_port
    async with await RawClient.open(port) as greedy:
        await greedy.connect()
        await greedy.send("SUBSCRIBE", id="s", destination="/queue/r", ack="client", receipt="r")
        await greedy.receipt("r")
        sandbox_broker.publish("/queue/r", "a")
        sandbox_broker.publish("/queue/r", "b")
        await greedy.frames(2)
    async with await RawClient.open(port) as next_one:
        await next_one.connect()
        await next_one.send("SUBSCRIBE", id="s", destination="/queue/r")
        again = await next_one.frames(2)
        assert [f.body for f in again] == [b"a", b"b"]
        assert all(f.header("redelivered") == "true" for f in again)
        assert all(f.header("ack") is None for f in again)  # auto mode: no ack header


@pytest.mark.asyncio
async def test_unsubscribe_returns_unacked_messages(sandbox_broker: SandboxBroker) -> None:
    async with await RawClient.open(sandbox_broker.tcp_port) as client:
        await client.connect()
        await client.send("SUBSCRIBE", id="s", destination="/queue/u", ack="client-individual")
        sandbox_broker.publish("/queue/u", "x")
        await client.frame()
        await client.send("UNSUBSCRIBE", id="s", receipt="r")
        await client.receipt("r")
        await client.send("SUBSCRIBE", id="s2", destination="/queue/u")
        message = await client.frame()
        assert message.body == b"x" and message.header("redelivered") == "true"


@pytest.mark.asyncio
async def test_stomp_1_1_acks_with_message_id_and_subscription(
    sandbox_broker: SandboxBroker,
) -> None:
    async with await RawClient.open(sandbox_broker.tcp_port) as client:
        await client.connect("1.1")
        await client.send("SUBSCRIBE", id="s", destination="/queue/v11", ack="client-individual")
        sandbox_broker.publish("/queue/v11", "one")
        message = await client.frame()
        assert message.header("ack") is None
        await client.send(
            "ACK", message_id=message.header("message-id") or "", subscription="s", receipt="k"
        )
        await client.receipt("k")
        assert sandbox_broker.destinations.depth("/queue/v11") == 0
        await client.send("NACK", message_id="nope", subscription="missing")
        (error,) = await client.closed_by_server()
        assert error.header("message") == (
            "NACK names subscription missing, which this session does not have"
        )


@pytest.mark.asyncio
async def test_stomp_1_0_acks_with_message_id(sandbox_broker: SandboxBroker) -> None:
    async with await RawClient.open(sandbox_broker.tcp_port) as client:
        await client.connect("1.0")
        await client.send("SUBSCRIBE", destination="/queue/v10", ack="client")  # no id in 1.0
        sandbox_broker.publish("/queue/v10", "one")
        message = await client.frame()
        assert message.header("subscription") == "/queue/v10"
        await client.send("ACK", message_id=message.header("message-id") or "", receipt="k")
        await client.receipt("k")
        assert sandbox_broker.destinations.depth("/queue/v10") == 0


@pytest.mark.asyncio
async def test_transaction_commit_delivers_and_abort_drops(sandbox_broker: SandboxBroker) -> None:
    async with await RawClient.open(sandbox_broker.tcp_port) as client:
        await client.connect()
        await client.send("SUBSCRIBE", id="s", destination="/queue/tx", receipt="r")
        await client.receipt("r")
        await client.send("BEGIN", transaction="t1")
        await client.send("SEND", b"kept", destination="/queue/tx", transaction="t1")
        await client.send("BEGIN", transaction="t2")
        await client.send("SEND", b"dropped", destination="/queue/tx", transaction="t2")
        await client.send("ABORT", transaction="t2", receipt="a")
        await client.receipt("a")
        assert sandbox_broker.destinations.depth("/queue/tx") == 0
        await client.send("COMMIT", transaction="t1", receipt="c")
        receipt, message = await client.frames(2)
        assert receipt.header("receipt-id") == "c"
        assert message.body == b"kept"
        assert message.header("transaction") is None
        assert await client.nothing_for(0.2)


@pytest.mark.asyncio
async def test_transactional_ack_applies_at_commit(sandbox_broker: SandboxBroker) -> None:
    async with await RawClient.open(sandbox_broker.tcp_port) as client:
        await client.connect()
        await client.send("SUBSCRIBE", id="s", destination="/queue/txa", ack="client-individual")
        sandbox_broker.publish("/queue/txa", "m")
        message = await client.frame()
        await client.send("BEGIN", transaction="t")
        await client.send("ACK", id=message.header("ack") or "", transaction="t", receipt="k")
        await client.receipt("k")
        assert sandbox_broker.destinations.depth("/queue/txa") == 1
        await client.send("COMMIT", transaction="t", receipt="c")
        await client.receipt("c")
        assert sandbox_broker.destinations.depth("/queue/txa") == 0


@pytest.mark.asyncio
async def test_open_transaction_is_aborted_on_disconnect(sandbox_broker: SandboxBroker) -> None:
    async with await RawClient.open(sandbox_broker.tcp_port) as client:
        await client.connect()
        await client.send("BEGIN", transaction="t")
        await client.send(
            "SEND", b"never", destination="/queue/abandoned", transaction="t", receipt="r"
        )
        await client.receipt("r")
    await asyncio.sleep(0.05)
    assert sandbox_broker.destinations.depth("/queue/abandoned") == 0


@pytest.mark.asyncio
async def test_browser_subscription_peeks_without_consuming(sandbox_broker: SandboxBroker) -> None:
    for n in range(3):
        sandbox_broker.publish("/queue/peek", f"p{n}", {"x-n": str(n)})
    async with await RawClient.open(sandbox_broker.tcp_port) as client:
        await client.connect()
        await client.send(
            "SUBSCRIBE", id="b", destination="/queue/peek", browser="true", ack="client"
        )
        frames = await client.frames(4)
        assert [f.body for f in frames[:3]] == [b"p0", b"p1", b"p2"]
        assert all(f.header("ack") is None for f in frames)
        end = frames[3]
        assert end.header("browser") == "end"
        assert end.header("subscription") == "b" and end.body == b""
        sandbox_broker.publish("/queue/peek", "later")
        assert await client.nothing_for(0.2)
    assert sandbox_broker.destinations.depth("/queue/peek") == 4


@pytest.mark.asyncio
async def test_topic_wildcards(sandbox_broker: SandboxBroker) -> None:
    async with await RawClient.open(sandbox_broker.tcp_port) as client:
        await client.connect()
        await client.send("SUBSCRIBE", id="all", destination="/topic/notifications/>")
        await client.send("SUBSCRIBE", id="one", destination="/topic/alerts/*", receipt="r")
        await client.receipt("r")
        sandbox_broker.publish("/topic/notifications/user.1001", "n")
        sandbox_broker.publish("/topic/alerts/critical", "a")
        sandbox_broker.publish("/topic/other", "o")
        first, second = await client.frames(2)
        assert (first.header("subscription"), first.body) == ("all", b"n")
        assert (second.header("subscription"), second.body) == ("one", b"a")
        assert await client.nothing_for(0.2)


@pytest.mark.asyncio
async def test_discovery_topic_sends_json_on_subscribe_and_on_change() -> None:
    async with running_sandbox(discovery_interval=0.05) as broker:
        broker.publish("/queue/orders", "x")
        async with await RawClient.open(broker.tcp_port) as client:
            await client.connect()
            await client.send("SUBSCRIBE", id="d", destination="/topic/sandbox.destinations")
            first = await client.frame()
            assert first.header("content-type") == "application/json;charset=utf-8"
            assert json.loads(first.body) == {
                "destinations": [
                    {
                        "destination": "/queue/orders",
                        "kind": "queue",
                        "depth": 1,
                        "consumers": 0,
                        "enqueued": 1,
                        "dequeued": 0,
                    }
                ]
            }
            broker.publish("/topic/alerts/info", "y")
            second = json.loads((await client.frame()).body)
            assert [d["destination"] for d in second["destinations"]] == [
                "/queue/orders",
                "/topic/alerts/info",
            ]
            await client.send("SEND", b"{}", destination="/topic/sandbox.destinations")
            (error,) = await client.closed_by_server()
            assert "read-only" in (error.header("message") or "")


@pytest.mark.asyncio
async def test_headers_are_escaped_per_consumer_version(sandbox_broker: SandboxBroker) -> None:
    port = sandbox_broker.tcp_port
    async with await RawClient.open(port) as v10, await RawClient.open(port) as v11:
        await v10.connect("1.0")
        await v11.connect("1.1")
        for client in (v10, v11):
            await client.send("SUBSCRIBE", id="s", destination="/topic/esc", receipt="r")
            await client.receipt("r")
        sandbox_broker.publish("/topic/esc", "x", {"x-colon": "a:b", "x-lines": "one\ntwo\rthree"})
        m10, m11 = await v10.frame(), await v11.frame()
        assert m10.header("x-colon") == "a:b"
        assert m10.header("x-lines") == "one two three"  # 1.0 cannot carry line breaks
        assert m11.header("x-colon") == "a:b"
        assert m11.header("x-lines") == "one\ntwo three"  # 1.1 cannot carry CR


@pytest.mark.asyncio
async def test_pipelined_burst_with_eols_after_nul_and_crlf(sandbox_broker: SandboxBroker) -> None:
    """coilmq broke on bursts and hung on `\\0\\n`; the sandbox takes both (and CRLF)."""
    async with await RawClient.open(sandbox_broker.tcp_port) as client:
        await client.connect()
        burst = b"".join(
            b"SEND\r\ndestination:/queue/burst\r\ncontent-length:5\r\n\r\n%05d\0\n" % n
            for n in range(5000)
        )
        await client.write(burst + b"DISCONNECT\nreceipt:done\n\n\0\n")
        (receipt,) = await client.closed_by_server(timeout=30)
        assert receipt.header("receipt-id") == "done"
    assert sandbox_broker.destinations.depth("/queue/burst") == 5000
    async with await RawClient.open(sandbox_broker.tcp_port) as consumer:
        await consumer.connect()
        await consumer.send("SUBSCRIBE", id="s", destination="/queue/burst")
        bodies = [f.body for f in await consumer.frames(5000, timeout=30)]
        assert bodies == [b"%05d" % n for n in range(5000)]
