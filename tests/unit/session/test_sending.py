"""The SEND path of a session (composer and `stomp-explorer send`): templates, bursts,
pacing, receipts, raw frames and the refusal window, on a fake client and clock."""

from __future__ import annotations

from dataclasses import replace

import pytest

from explorer.session import (
    ComposeRequest,
    ConnectionSession,
    EmptyDestination,
    IncompleteRawFrame,
    InvalidRawFrame,
    MessageCounted,
    NotConnected,
    ResultKind,
    SendRefused,
    SendRefusedLater,
)
from explorer.session.compose import raw_text_to_bytes
from explorer.session.errors import CompositeRefused
from explorer.templates import TemplateEngine, TemplateError
from tests.unit.session.fakes import Factory, FakeBroker, FakeClock, Recorder, settle, target

REFUSED = {"/bogus/x": ("Unknown destination", "'/bogus/x' is not a valid destination.")}


async def connected(
    broker: FakeBroker | None = None,
) -> tuple[ConnectionSession, Factory, Recorder, FakeClock]:
    factory, sink, clock = Factory(broker), Recorder(), FakeClock()
    session = ConnectionSession(
        target(), sink, client_factory=factory, clock=clock, sleep=clock.sleep
    )
    await session.connect()
    await settle()
    sink.entry_batches.clear()
    sink.change_batches.clear()
    return session, factory, sink, clock


def send(
    destination: str, body: bytes = b"x", *, count: int = 1, receipt: bool = False
) -> ComposeRequest:
    return ComposeRequest("SEND", (("destination", destination),), body, receipt, count)


def out_counts(sink: Recorder) -> list[str]:
    return [c.destination for c in sink.changes if isinstance(c, MessageCounted)]


@pytest.mark.asyncio
async def test_a_burst_fills_templates_per_copy_and_logs_every_frame() -> None:
    session, factory, sink, _clock = await connected()
    request = send("/queue/t-{{n}}", b'{"n": {{n}}}', count=3)
    result = await session.execute(request)
    assert (result.kind, result.frames, result.confirmed) == (ResultKind.FRAMES, 3, None)
    frames = factory.client.frames("SEND")
    assert [f.body for f in frames] == [b'{"n": 1}', b'{"n": 2}', b'{"n": 3}']
    assert [f.header("destination") for f in frames] == ["/queue/t-1", "/queue/t-2", "/queue/t-3"]
    assert [e.direction for e in sink.entries] == ["out"] * 3
    assert session.counters.sent == 3
    await session.shutdown()


@pytest.mark.asyncio
async def test_sends_count_in_the_tree_once_the_refusal_window_passed() -> None:
    session, _factory, sink, clock = await connected()
    await session.execute(send("/queue/a", count=2))
    assert out_counts(sink) == []  # not yet: an ERROR could still follow
    clock.advance(0.5)
    await settle()
    assert out_counts(sink) == ["/queue/a", "/queue/a"]  # the window passed (fake sleep)
    assert sink.of_type(SendRefusedLater) == []
    await session.shutdown()


@pytest.mark.asyncio
async def test_an_error_within_the_window_marks_the_send_refused() -> None:
    session, _factory, sink, _clock = await connected(FakeBroker(refuse=REFUSED))
    result = await session.execute(send("/bogus/x"))
    assert result.confirmed is None
    await settle()
    refused = sink.of_type(SendRefusedLater)
    assert [(r.destinations, r.message) for r in refused] == [
        (("/bogus/x",), "Unknown destination")
    ]
    assert refused[0].detail == "'/bogus/x' is not a valid destination."
    assert out_counts(sink) == []  # a refused SEND is never counted
    assert session.counters.refused == 1
    await session.shutdown()


@pytest.mark.asyncio
async def test_a_receipt_confirms_and_counts_at_once() -> None:
    session, factory, sink, _clock = await connected()
    result = await session.execute(send("/queue/a", count=3, receipt=True))
    assert result.confirmed is True and result.receipt_rtt is not None
    receipted = [f.header("receipt") for f in factory.client.frames("SEND")]
    assert receipted[:2] == [None, None] and receipted[2]  # the last copy asks
    assert out_counts(sink) == ["/queue/a"] * 3
    await session.shutdown()


@pytest.mark.asyncio
async def test_receipt_each_asks_for_every_copy() -> None:
    session, factory, _sink, _clock = await connected()
    await session.execute(send("/queue/a", count=3, receipt=True), receipt_each=True)
    assert all(f.header("receipt") for f in factory.client.frames("SEND"))
    await session.shutdown()


@pytest.mark.asyncio
async def test_a_refused_send_with_receipt_raises_with_the_brokers_words() -> None:
    session, _factory, sink, _clock = await connected(FakeBroker(refuse=REFUSED))
    with pytest.raises(SendRefused) as refused:
        await session.execute(send("/bogus/x", receipt=True))
    error = refused.value
    assert (error.command, error.destination) == ("SEND", "/bogus/x")
    assert error.broker_message == "Unknown destination"
    assert "Unknown destination ('/bogus/x' is not a valid destination.)" in str(error)
    assert out_counts(sink) == []
    await session.shutdown()


@pytest.mark.asyncio
@pytest.mark.parametrize("destination", ["", "   "])
async def test_an_empty_destination_is_refused_before_anything_is_sent(destination: str) -> None:
    session, factory, _sink, _clock = await connected()
    with pytest.raises(EmptyDestination):
        await session.execute(send(destination))
    with pytest.raises(EmptyDestination):
        await session.execute(ComposeRequest("SEND", (), b"no destination header"))
    with pytest.raises(EmptyDestination):
        await session.subscribe(destination)
    assert factory.client.sent == []
    await session.shutdown()


@pytest.mark.asyncio
async def test_pacing_spreads_a_burst_over_time() -> None:
    session, _factory, _sink, clock = await connected()
    start = clock.now
    await session.execute(send("/queue/a", count=5), rate=2.0)
    assert clock.now - start == pytest.approx(2.0)  # copies at 0, 0.5, 1.0, 1.5, 2.0 s
    await session.shutdown()


@pytest.mark.asyncio
async def test_raw_frames_are_sent_as_typed() -> None:
    session, factory, sink, _clock = await connected()
    raw = raw_text_to_bytes("SEND\ndestination:/queue/r\n\none␀SEND\ndestination:/queue/r\n\ntwo␀")
    result = await session.execute(ComposeRequest("RAW", raw=raw))
    assert (result.kind, result.frames) == (ResultKind.RAW, 2)
    assert [f.body for f in factory.client.frames("SEND")] == [b"one", b"two"]
    assert len(sink.entries) == 2
    with pytest.raises(InvalidRawFrame):
        await session.execute(ComposeRequest("RAW", raw=b"SEND\nno-colon-header\n\n\x00"))
    with pytest.raises(IncompleteRawFrame):
        await session.execute(ComposeRequest("RAW", raw=b"SEND\ndestination:/queue/r\n\n"))
    await session.shutdown()


@pytest.mark.asyncio
async def test_subscribe_and_unsubscribe_from_the_composer() -> None:
    session, factory, _sink, _clock = await connected()
    headers = (("destination", "/queue/c"), ("ack", "client"), ("id", "ignored"))
    result = await session.execute(ComposeRequest("SUBSCRIBE", headers))
    assert (result.kind, result.destination) == (ResultKind.SUBSCRIBED, "/queue/c")
    assert session.subscriptions["/queue/c"].ack == "client"
    assert factory.client.frames("SUBSCRIBE")[0].header("id") == "explorer-1"
    result = await session.execute(ComposeRequest("UNSUBSCRIBE", headers))
    assert result.kind is ResultKind.UNSUBSCRIBED and "/queue/c" not in session.subscriptions
    await session.shutdown()
    with pytest.raises(NotConnected):
        await session.execute(send("/queue/a"))


@pytest.mark.asyncio
async def test_a_comma_is_refused_on_the_send_path_unless_the_broker_is_activemq() -> None:
    """The library, scenarios and the composer all send through `execute`: the check is there."""
    session, factory, sink, _clock = await connected(FakeBroker(server="RabbitMQ/3.10.8"))
    with pytest.raises(CompositeRefused) as refused:
        await session.execute(send("/queue/a,/queue/b"))
    assert refused.value.broker == "rabbitmq"
    # A template can make the comma too: checked per copy, after expansion.
    with pytest.raises(CompositeRefused):
        await session.execute(send("/queue/{{ 'a,b' if n == 2 else 'a' }}", count=3))
    assert [f.header("destination") for f in factory.client.frames("SEND")] == ["/queue/a"]
    assert len(sink.entries) == 1
    await session.shutdown()

    session, factory, _sink, _clock = await connected()  # ActiveMQ: a composite destination
    await session.execute(send("/queue/a,/topic/b"))
    assert [f.header("destination") for f in factory.client.frames("SEND")] == ["/queue/a,/topic/b"]
    await session.shutdown()


@pytest.mark.asyncio
async def test_a_request_expands_with_its_own_engine_and_variables() -> None:
    """The composer hands its engine (library and profile variables) to the SEND path."""
    session, factory, _sink, _clock = await connected()
    engine = TemplateEngine({"user": 1001})
    request = send("/queue/u.{{user}}", b'{"user": {{user}}, "n": {{n}}}', count=2)
    await session.execute(replace(request, engine=engine))
    frames = factory.client.frames("SEND")
    assert [f.body for f in frames] == [b'{"user": 1001, "n": 1}', b'{"user": 1001, "n": 2}']
    assert {f.header("destination") for f in frames} == {"/queue/u.1001"}
    with pytest.raises(TemplateError, match="'user' is not defined"):
        await session.execute(request)  # no engine: the built-ins only
    await session.shutdown()
