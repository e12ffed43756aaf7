"""The client against a scripted in-process peer: CONNECT, receipts, ERRORs, heart-beats,
acks per version, subscriptions, transactions, disconnect."""

from __future__ import annotations

import asyncio

import pytest

from explorer.client import (
    BrokerError,
    Client,
    Connected,
    ConnectFailed,
    Connecting,
    ConnectionLost,
    ConnectionLostError,
    ConnectTimeout,
    Disconnected,
    ErrorReceived,
    HeartbeatTimeout,
    MessageReceived,
    NotConnected,
    NotSupported,
    ReceiptReceived,
    ReceiptTimeout,
    ReceiveTimeout,
    State,
    TransportError,
)
from explorer.stomp import Frame, Version
from tests.unit.client.fake_broker import FakeBroker, Peer, connected


def message(
    sub: str = "sub-1",
    mid: str = "m-1",
    ack: str | None = None,
    body: bytes = b"hi",
    destination: str = "/queue/a",
) -> Frame:
    headers = [("destination", destination), ("subscription", sub), ("message-id", mid)]
    if ack is not None:
        headers.append(("ack", ack))
    return Frame("MESSAGE", tuple(headers), body)


async def open_client(broker: FakeBroker, **options: object) -> tuple[Client, Peer]:
    client = Client(broker.url, **options)  # type: ignore[arg-type]
    await client.connect()
    peer = await broker.accept()
    await peer.expect("CONNECT")
    return client, peer


@pytest.mark.asyncio
async def test_connect_frame_has_versions_without_spaces_host_and_heartbeat() -> None:
    async with FakeBroker() as broker:
        client = Client(broker.url, login="me", passcode="secret", heartbeat=(0, 0))
        await client.connect()
        peer = await broker.accept()
        frame = await peer.expect("CONNECT")
        assert frame.headers == (
            ("accept-version", "1.0,1.1,1.2"),
            ("host", "/"),
            ("login", "me"),
            ("passcode", "secret"),
            ("heart-beat", "0,0"),
        )
        assert client.state is State.CONNECTED
        assert client.version is Version.V1_2
        assert (client.server, client.session) == ("fake/1.0", "s-1")
        await client.disconnect(timeout=0.2)


@pytest.mark.asyncio
async def test_stomp_command_and_custom_host_and_extra_headers() -> None:
    async with FakeBroker() as broker:
        client = Client(
            broker.url,
            use_stomp_command=True,
            host="vhost-a",
            connect_headers={"client-id": "c1"},
            accept_versions=("1.1", "1.2"),
        )
        await client.connect()
        peer = await broker.accept()
        frame = await peer.expect("STOMP")
        assert frame.header("host") == "vhost-a"
        assert frame.header("accept-version") == "1.1,1.2"
        assert frame.header("client-id") == "c1"
        await client.close()


@pytest.mark.asyncio
async def test_connected_without_version_means_1_0_and_no_heartbeats() -> None:
    async with FakeBroker(lambda f, n: connected(version=None, heart_beat=None)) as broker:
        client, _peer = await open_client(broker)
        assert client.version is Version.V1_0
        assert client.heartbeat == (0, 0)
        await client.close()


@pytest.mark.asyncio
async def test_events_in_order_from_connecting_to_disconnected() -> None:
    async with FakeBroker(lambda f, n: connected(heart_beat="0,0")) as broker:
        client = Client(broker.url, heartbeat=(0, 0))
        events = client.events()
        await client.connect()
        peer = await broker.accept()
        await peer.expect("CONNECT")
        sub = await client.subscribe("/queue/a")
        peer.send(message(sub.id))
        await sub.get(timeout=5)
        disconnecting = asyncio.create_task(client.disconnect(timeout=5))
        await peer.expect("SUBSCRIBE")
        peer.receipt_for(await peer.expect("DISCONNECT"))
        await disconnecting
        seen = [event async for event in events]
        assert [type(e) for e in seen] == [
            Connecting,
            Connected,
            MessageReceived,
            ReceiptReceived,
            Disconnected,
        ]
        assert seen[-1] == Disconnected(receipt_received=True)
        assert isinstance(seen[1], Connected) and seen[1].version is Version.V1_2


@pytest.mark.asyncio
async def test_error_answering_connect_raises_connect_failed_with_the_broker_message() -> None:
    def refuse(frame: Frame, n: int) -> Frame:
        return Frame("ERROR", (("message", "Bad CONNECT"),), b"Access refused for user 'x'")

    async with FakeBroker(refuse) as broker:
        client = Client(broker.url)
        events = client.events()
        with pytest.raises(ConnectFailed) as info:
            await client.connect()
        assert info.value.message == "Bad CONNECT"
        assert "Access refused for user 'x'" in str(info.value)
        assert info.value.is_auth_failure
        assert client.state is State.CLOSED
        seen = [event async for event in events]
        assert isinstance(seen[-1], ConnectionLost) and not seen[-1].reconnecting


@pytest.mark.asyncio
async def test_silent_broker_gives_connect_timeout() -> None:
    async with FakeBroker(lambda f, n: None) as broker:
        client = Client(broker.url, connect_timeout=0.2)
        with pytest.raises(ConnectTimeout, match="no CONNECTED"):
            await client.connect()


@pytest.mark.asyncio
async def test_refused_port_says_so() -> None:
    async with FakeBroker() as broker:
        url = broker.url
    client = Client(url)
    with pytest.raises(
        TransportError, match=r"connection refused by 127\.0\.0\.1:\d+ — is the broker running\?"
    ):
        await client.connect()


@pytest.mark.asyncio
async def test_receipt_resolves_with_the_receipt_frame() -> None:
    async with FakeBroker() as broker:
        client, peer = await open_client(broker)
        sending = asyncio.create_task(client.send("/queue/a", "x", receipt=True))
        frame = await peer.expect("SEND")
        peer.receipt_for(frame)
        receipt = await sending
        assert receipt is not None and receipt.header("receipt-id") == frame.header("receipt")
        await client.close()


@pytest.mark.asyncio
async def test_missing_receipt_times_out_and_the_connection_stays_usable() -> None:
    async with FakeBroker() as broker:
        client, peer = await open_client(broker, receipt_timeout=0.1)
        with pytest.raises(ReceiptTimeout) as info:
            await client.send("/queue/a", "x", receipt=True)
        assert info.value.receipt_id.startswith("rcpt-")
        await client.send("/queue/a", "y")
        assert (await peer.expect("SEND")).body == b"x"
        assert (await peer.expect("SEND")).body == b"y"
        await client.close()


@pytest.mark.asyncio
async def test_error_with_receipt_id_fails_the_waiter_and_the_connection_goes_on() -> None:
    async with FakeBroker() as broker:
        client, peer = await open_client(broker)
        events = client.events()
        sending = asyncio.create_task(client.send("/bogus", "x", receipt=True))
        frame = await peer.expect("SEND")
        error = Frame(
            "ERROR",
            (("message", "Invalid destination"), ("receipt-id", frame.header("receipt") or "")),
            b"details",
        )
        peer.send(error)
        with pytest.raises(BrokerError, match="Invalid destination") as info:
            await sending
        assert info.value.frame.body == b"details"
        event = await events.get(timeout=5)
        assert isinstance(event, ErrorReceived) and event.message == "Invalid destination"
        sub = await client.subscribe("/queue/ok")
        peer.send(message(sub.id, body=b"still here"))
        assert (await sub.get(timeout=5)).body == b"still here"
        await client.close()


@pytest.mark.asyncio
async def test_error_without_receipt_is_an_event_carrying_the_whole_frame() -> None:
    async with FakeBroker() as broker:
        client, peer = await open_client(broker)
        events = client.events()
        peer.send(Frame("ERROR", (("message", "oops"), ("x-extra", "1")), b"body"))
        event = await events.get(timeout=5)
        assert isinstance(event, ErrorReceived)
        assert event.frame.header("x-extra") == "1" and event.frame.body == b"body"
        assert client.connected
        await client.close()


@pytest.mark.asyncio
async def test_heartbeats_are_sent_when_idle() -> None:
    async with FakeBroker(lambda f, n: connected(heart_beat="0,40")) as broker:
        client, peer = await open_client(broker, heartbeat=(40, 0))
        assert client.heartbeat == (40, 0)
        while peer.heartbeats < 3:
            await asyncio.sleep(0.02)
        assert client.connected
        await client.close()


@pytest.mark.asyncio
async def test_silent_peer_is_detected_by_the_heartbeat_monitor() -> None:
    async with FakeBroker(lambda f, n: connected(heart_beat="50,0")) as broker:
        client = Client(broker.url, heartbeat=(0, 50))
        events = client.events()
        await client.connect()
        sub = await client.subscribe("/queue/a")
        assert client.heartbeat == (0, 50)
        lost = [e async for e in events if isinstance(e, ConnectionLost)]
        assert len(lost) == 1
        assert isinstance(lost[0].reason, HeartbeatTimeout)
        assert not lost[0].reconnecting
        with pytest.raises(HeartbeatTimeout):
            await sub.get(timeout=5)
        assert client.state is State.CLOSED


@pytest.mark.asyncio
async def test_incoming_heartbeats_keep_the_connection_alive() -> None:
    async with FakeBroker(lambda f, n: connected(heart_beat="200,0")) as broker:
        client, peer = await open_client(broker, heartbeat=(0, 200))
        for _ in range(10):  # 10 x 100 ms: more than the limit, but never silent that long
            peer.send(b"\n")
            await asyncio.sleep(0.1)
        assert client.connected
        await client.close()


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("1.2", (("id", "ack-7"),)),
        ("1.1", (("message-id", "m-7"), ("subscription", "sub-1"))),
        ("1.0", (("message-id", "m-7"),)),
    ],
)
@pytest.mark.asyncio
async def test_ack_headers_follow_the_negotiated_version(
    version: str, expected: tuple[tuple[str, str], ...]
) -> None:
    async with FakeBroker(lambda f, n: connected(version=version)) as broker:
        client, peer = await open_client(broker)
        sub = await client.subscribe("/queue/a", ack="client-individual")
        await peer.expect("SUBSCRIBE")
        peer.send(message(sub.id, mid="m-7", ack="ack-7"))
        msg = await sub.get(timeout=5)
        await client.ack(msg, transaction="tx-9")
        frame = await peer.expect("ACK")
        assert frame.headers == (*expected, ("transaction", "tx-9"))
        if version == "1.0":
            with pytest.raises(NotSupported, match=r"NACK does not exist in STOMP 1\.0"):
                await client.nack(msg)
        else:
            await client.nack(msg, headers={"requeue": "false"})
            frame = await peer.expect("NACK")
            assert frame.headers == (*expected, ("requeue", "false"))
        await client.close()


@pytest.mark.asyncio
async def test_ack_in_1_2_needs_the_ack_header() -> None:
    async with FakeBroker() as broker:
        client, peer = await open_client(broker)
        sub = await client.subscribe("/queue/a")
        peer.send(message(sub.id))
        msg = await sub.get(timeout=5)
        with pytest.raises(NotSupported, match="no 'ack' header"):
            await client.ack(msg)
        await client.close()


@pytest.mark.asyncio
async def test_subscribe_frame_keeps_extra_headers_and_unsubscribe_ends_iteration() -> None:
    async with FakeBroker() as broker:
        client, peer = await open_client(broker)
        sub = await client.subscribe(
            "/queue/a", ack="client", headers={"selector": "a = 1", "activemq.prefetchSize": "5"}
        )
        frame = await peer.expect("SUBSCRIBE")
        assert frame.headers == (
            ("destination", "/queue/a"),
            ("id", "sub-1"),
            ("ack", "client"),
            ("selector", "a = 1"),
            ("activemq.prefetchSize", "5"),
        )
        for i in range(3):
            peer.send(message(sub.id, mid=f"m-{i}", body=str(i).encode()))
        received = []
        async for msg in sub:
            received.append(msg.body)
            if len(received) == 3:
                await sub.unsubscribe()
        assert received == [b"0", b"1", b"2"]
        assert (await peer.expect("UNSUBSCRIBE")).headers == (("id", "sub-1"),)
        await client.close()


@pytest.mark.asyncio
async def test_unmatched_messages_go_to_the_event_stream() -> None:
    async with FakeBroker() as broker:
        client, peer = await open_client(broker)
        events = client.events()
        peer.send(message("/temp-queue/x", body=b"reply"))
        event = await events.get(timeout=5)
        assert isinstance(event, MessageReceived)
        assert not event.message.matched
        assert event.message.body == b"reply"
        assert event.message.subscription == "/temp-queue/x"
        await client.close()


@pytest.mark.asyncio
async def test_queue_messages_false_keeps_messages_out_of_the_subscription() -> None:
    async with FakeBroker() as broker:
        client, peer = await open_client(broker)
        events = client.events()
        sub = await client.subscribe("/queue/a", queue_messages=False)
        peer.send(message(sub.id))
        event = await events.get(timeout=5)
        assert isinstance(event, MessageReceived) and event.message.matched
        assert len(sub) == 0
        with pytest.raises(ReceiveTimeout):
            await sub.get(timeout=0.05)
        await client.close()


@pytest.mark.asyncio
async def test_transaction_frames() -> None:
    async with FakeBroker() as broker:
        client, peer = await open_client(broker)
        tx = await client.begin()
        await client.send("/queue/a", b"in tx", transaction=tx)
        await client.commit(tx)
        tx2 = await client.begin("mine")
        await client.abort(tx2)
        assert (await peer.expect("BEGIN")).headers == (("transaction", tx),)
        assert (await peer.expect("SEND")).header("transaction") == tx
        assert (await peer.expect("COMMIT")).headers == (("transaction", tx),)
        assert (await peer.expect("BEGIN")).headers == (("transaction", "mine"),)
        assert (await peer.expect("ABORT")).headers == (("transaction", "mine"),)
        await client.close()


@pytest.mark.asyncio
async def test_binary_body_with_nul_gets_content_length() -> None:
    async with FakeBroker() as broker:
        client, peer = await open_client(broker)
        body = bytes(range(256)) * 4
        await client.send("/queue/a", body, content_type="application/octet-stream")
        frame = await peer.expect("SEND")
        assert frame.body == body
        assert frame.header("content-length") == str(len(body))
        await client.close()


@pytest.mark.asyncio
async def test_disconnect_without_receipt_gives_up_after_the_timeout() -> None:
    async with FakeBroker() as broker:
        client, peer = await open_client(broker)
        events = client.events()
        await client.disconnect(timeout=0.05)
        assert (await peer.expect("DISCONNECT")).header("receipt")
        assert [e async for e in events] == [Disconnected(receipt_received=False)]
        with pytest.raises(NotConnected):
            await client.send("/queue/a", "late")


@pytest.mark.asyncio
async def test_broker_closing_ends_subscriptions_with_connection_lost() -> None:
    async with FakeBroker() as broker:
        client, peer = await open_client(broker)
        sub = await client.subscribe("/queue/a")
        await peer.expect("SUBSCRIBE")
        peer.send(message(sub.id, body=b"last"))
        peer.close()
        assert (await sub.get(timeout=5)).body == b"last"
        with pytest.raises(ConnectionLostError, match="closed the connection"):
            await sub.get(timeout=5)
        assert client.state is State.CLOSED


@pytest.mark.asyncio
async def test_commands_before_connect_raise_not_connected() -> None:
    client = Client("stomp://127.0.0.1:1")
    with pytest.raises(NotConnected):
        await client.send("/queue/a", "x")
    await client.disconnect()
    assert client.state is State.CLOSED


@pytest.mark.asyncio
async def test_error_without_receipt_id_fails_pending_receipts() -> None:
    """RabbitMQ answers a refused SEND with an ERROR that has no receipt-id."""
    async with FakeBroker() as broker:
        client, peer = await open_client(broker)
        sending = asyncio.create_task(client.send("/bogus/x", "x", receipt=True))
        await peer.expect("SEND")
        peer.send(Frame("ERROR", (("message", "Unknown destination"),)))
        with pytest.raises(BrokerError, match="Unknown destination"):
            await sending
        assert client.connected
        await client.close()


@pytest.mark.asyncio
async def test_every_stream_gets_every_event_and_batches_take_what_is_queued() -> None:
    async with FakeBroker() as broker:
        client, peer = await open_client(broker)
        first, second = client.events(), client.events()
        sub = await client.subscribe("/queue/a", queue_messages=False)
        peer.send(b"".join(serialize_message(sub.id, str(i)) for i in range(5)))
        batch: list[object] = []
        while len(batch) < 5:
            batch += await first.get_batch(timeout=5)
        assert [e.message.body for e in batch if isinstance(e, MessageReceived)] == [
            b"0",
            b"1",
            b"2",
            b"3",
            b"4",
        ]
        second.close()
        assert len([e async for e in second]) == 5  # what was queued before close()
        await client.close()
        assert [type(e) for e in first.take_all()] == [Disconnected]


@pytest.mark.asyncio
async def test_subscription_arguments_are_checked() -> None:
    async with FakeBroker() as broker:
        client, _peer = await open_client(broker)
        with pytest.raises(ValueError, match="ack must be one of"):
            await client.subscribe("/queue/a", ack="sometimes")
        await client.subscribe("/queue/a", id="mine")
        with pytest.raises(ValueError, match="already in use"):
            await client.subscribe("/queue/b", id="mine")
        await client.close()


def serialize_message(sub: str, body: str) -> bytes:
    from explorer.stomp import serialize

    return serialize(message(sub, mid=body, body=body.encode()))


@pytest.mark.asyncio
async def test_a_close_right_after_an_error_names_the_error() -> None:
    async with FakeBroker() as broker:
        client, peer = await open_client(broker)
        sub = await client.subscribe("/queue/a")
        await peer.expect("SUBSCRIBE")
        peer.send(Frame("ERROR", (("message", "Unknown STOMP action: X"),)))
        peer.close()
        with pytest.raises(ConnectionLostError, match="after ERROR: Unknown STOMP action: X"):
            await sub.get(timeout=5)


@pytest.mark.asyncio
async def test_disconnect_while_connecting_abandons_the_attempt() -> None:
    async with FakeBroker(lambda f, n: None) as broker:  # never answers CONNECT
        client = Client(broker.url, connect_timeout=30)
        events = client.events()
        connecting = asyncio.create_task(client.connect())
        peer = await asyncio.wait_for(broker.silent_peers.get(), 5)
        await client.disconnect()
        assert client.state is State.CLOSED
        assert [type(e) async for e in events] == [Connecting, Disconnected]
        peer.send(connected())  # the broker answers late: the attempt must not come back
        with pytest.raises(NotConnected, match="abandoned"):
            await connecting
        assert client.state is State.CLOSED
