"""A broken server's traffic reaches the client's users: tolerated deviations on the frames
and in the wire tap, skipped bytes as an event, the connection kept. Strict clients stop."""

from __future__ import annotations

import pytest

from explorer.client import (
    BytesSkipped,
    Client,
    ConnectionLost,
    ConnectionLostError,
    ProtocolError,
    UnhandledFrame,
    WireRecord,
)
from explorer.client.events import MessageReceived
from explorer.stomp import Frame, Rule, Strictness
from tests.unit.client.fake_broker import FakeBroker

BROKEN = (
    b"MESSAGE\nsubscription:sub-1\nmessage-id:1\ndestination:/queue/a\nx:a\\tb\n\nfirst\0"
    b"MESSAGE\nsubscription:sub-1\nno colon on this line\n\nlost\0"
    b"RECEIPT\nreceipt-id:nobody\n\nbody where none belongs\0"
    b"FROB\n\n\0"
    b"MESSAGE\nsubscription:sub-1\nmessage-id:2\ndestination:/queue/a\n\nsecond\0"
)


@pytest.mark.asyncio
async def test_the_lenient_default_shows_a_broken_servers_traffic() -> None:
    records: list[WireRecord] = []
    async with FakeBroker() as broker:
        client = Client(broker.url, heartbeat=(0, 0), wire_tap=records.append)
        assert client.strictness is Strictness.LENIENT
        stream = client.events()
        await client.connect()
        peer = await broker.accept()
        await peer.expect("CONNECT")
        sub = await client.subscribe("/queue/a")
        await peer.expect("SUBSCRIBE")
        peer.send(BROKEN)
        first = await sub.get(timeout=5)
        second = await sub.get(timeout=5)
        assert (first.body, second.body) == (b"first", b"second")
        [escape] = first.frame.violations
        assert escape.rule is Rule.UNDEFINED_ESCAPE and first.header("x") == "a\\tb"
        assert second.frame.violations == ()
        assert client.connected
        await client.close()

    seen = [event async for event in stream]
    skipped = [e for e in seen if isinstance(e, BytesSkipped)]
    assert [s.violation.rule for s in skipped] == [Rule.BAD_HEADER_LINE]
    assert skipped[0].violation.skipped.endswith(b"lost\0")
    unhandled = [e.frame.command for e in seen if isinstance(e, UnhandledFrame)]
    assert unhandled == ["FROB"]
    frob = next(e.frame for e in seen if isinstance(e, UnhandledFrame))
    assert [v.rule for v in frob.violations] == [Rule.UNEXPECTED_COMMAND]
    assert sum(isinstance(e, MessageReceived) for e in seen) == 2

    flagged = [
        (r.frame.command if r.frame else None, r.violations) for r in records if r.violations
    ]
    assert [(command, [v.rule for v in found]) for command, found in flagged] == [
        ("MESSAGE", [Rule.UNDEFINED_ESCAPE]),
        (None, [Rule.BAD_HEADER_LINE]),
        ("RECEIPT", [Rule.BODY_NOT_ALLOWED]),
        ("FROB", [Rule.UNEXPECTED_COMMAND]),
    ]
    dropped = next(r for r in records if r.frame is None and r.violations)
    assert not dropped.is_heartbeat
    assert dropped.data == dropped.violations[0].skipped
    assert dropped.data.startswith(b"MESSAGE\nsubscription:sub-1\nno colon")


@pytest.mark.asyncio
async def test_a_standard_client_stops_at_the_first_malformed_frame() -> None:
    async with FakeBroker() as broker:
        client = Client(broker.url, heartbeat=(0, 0), strictness=Strictness.STANDARD)
        stream = client.events()
        await client.connect()
        peer = await broker.accept()
        await peer.expect("CONNECT")
        sub = await client.subscribe("/queue/a")
        await peer.expect("SUBSCRIBE")
        peer.send(BROKEN)
        lost = [e async for e in stream if isinstance(e, ConnectionLost)]
        assert isinstance(lost[0].reason, ProtocolError)
        assert "undefined escape sequence '\\t'" in str(lost[0].reason)
        with pytest.raises(ConnectionLostError):
            await sub.get(timeout=5)


@pytest.mark.asyncio
async def test_a_strict_client_refuses_a_receipt_with_a_body() -> None:
    async with FakeBroker() as broker:
        client = Client(broker.url, heartbeat=(0, 0), strictness=Strictness.STRICT)
        stream = client.events()
        await client.connect()
        peer = await broker.accept()
        peer.send(Frame("RECEIPT", (("receipt-id", "1"),), b"oops"))
        lost = [e async for e in stream if isinstance(e, ConnectionLost)]
        assert "only SEND, MESSAGE and ERROR frames may carry one" in str(lost[0].reason)
