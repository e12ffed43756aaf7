"""ConnectionSession driven by a fake client: life cycle, subscriptions, ACK/NACK,
discovery wiring and counters, without a broker and without Qt."""

from __future__ import annotations

import pytest

from explorer.broker.destinations import DestinationKind
from explorer.broker.kind import BrokerKind
from explorer.client import ConnectFailed
from explorer.discovery.errors import DiscoveryUnavailable
from explorer.discovery.model import DiscoveredDestination, Source
from explorer.discovery.service import DiscoveryConfig, SourceProblem, SourceReady
from explorer.session import (
    BrokerErrorReceived,
    ConnectionSession,
    DiscoveryProblem,
    LoginRefused,
    MessageCounted,
    NotConnected,
    ReplyToSeen,
    SessionState,
    SubscribeRefused,
    SubscriptionRefused,
    SubscriptionSpec,
)
from explorer.session.ports import StompClient
from explorer.stomp import Frame
from tests.unit.session.fakes import (
    Factory,
    FakeBroker,
    FakeClock,
    FakeDiscovery,
    Recorder,
    settle,
    target,
)


def make(
    broker: FakeBroker | None = None,
    *,
    subscriptions: tuple[SubscriptionSpec, ...] = (),
    clock: FakeClock | None = None,
    restore: tuple[SubscriptionSpec, ...] = (),
) -> tuple[ConnectionSession, Factory, Recorder]:
    factory, sink = Factory(broker), Recorder()
    clock = clock or FakeClock()
    session = ConnectionSession(
        target(subscriptions=subscriptions),
        sink,
        client_factory=factory,
        clock=clock,
        sleep=clock.sleep,
        restore=restore,
    )
    return session, factory, sink


def message(destination: str, sub_id: str, n: int = 1, **extra: str) -> Frame:
    headers = [
        ("destination", destination),
        ("subscription", sub_id),
        ("message-id", f"m-{n}"),
        ("ack", f"a-{n}"),
        *extra.items(),
    ]
    return Frame("MESSAGE", tuple(headers), f"body {n}".encode())


@pytest.mark.asyncio
async def test_connect_reports_states_and_what_the_broker_is() -> None:
    session, _factory, sink = make()
    await session.connect()
    await settle()
    assert [s.state for s in sink.states] == [SessionState.CONNECTING, SessionState.CONNECTED]
    assert sink.states[-1].server == "ActiveMQ/5.17.6"
    assert session.is_connected and session.is_active
    assert session.version == "1.2" and session.broker_kind is BrokerKind.ACTIVEMQ
    await session.shutdown()
    assert session.state is SessionState.CLOSED and not session.is_active


@pytest.mark.asyncio
async def test_a_refused_login_fails_once_and_says_so() -> None:
    session, _factory, sink = make(
        FakeBroker(login_error=("Bad CONNECT", "Access refused for user 'guest'"))
    )
    with pytest.raises(ConnectFailed):
        await session.connect()
    await settle()
    refusals = sink.of_type(LoginRefused)
    assert len(refusals) == 1  # connect() raised it and the stream sent it: reported once
    assert refusals[0].message == "Bad CONNECT"
    assert refusals[0].detail == "Access refused for user 'guest'"
    assert session.state is SessionState.FAILED and session.login_was_refused
    assert sink.states[-1].refusal == refusals[0]


@pytest.mark.asyncio
async def test_profile_subscriptions_open_on_connect_with_receipts() -> None:
    wanted = (SubscriptionSpec("/queue/a"), SubscriptionSpec("/topic/b", "client", (("x", "1"),)))
    session, factory, sink = make(subscriptions=wanted)
    session.start()
    await settle()
    frames = factory.client.frames("SUBSCRIBE")
    assert [f.header("destination") for f in frames] == ["/queue/a", "/topic/b"]
    assert [f.header("id") for f in frames] == ["explorer-1", "explorer-2"]
    assert all(f.header("receipt") for f in frames)
    assert frames[1].header("ack") == "client" and frames[1].header("x") == "1"
    assert set(session.subscriptions) == {"/queue/a", "/topic/b"}
    assert sink.subscription_calls[-1] == ["/queue/a", "/topic/b"]
    await session.shutdown()


@pytest.mark.asyncio
async def test_messages_arrive_in_one_batch_with_tree_changes_and_counts() -> None:
    clock = FakeClock()
    session, factory, sink = make(clock=clock)
    await session.connect()
    sub = await session.subscribe("/queue/a")
    await settle()
    sink.entry_batches.clear()
    sink.change_batches.clear()
    client = factory.client
    for n in range(1, 4):
        client.deliver(message("/queue/a", sub.id, n, **{"reply-to": "/temp-queue/r"}))
    client.deliver(message("ActiveMQ.Advisory.Queue", "sub-9"), known=["sub-9"])  # discovery's
    await settle()
    assert len(sink.entry_batches) == 1  # one call for the whole batch
    assert [e.body for e in sink.entries] == [b"body 1", b"body 2", b"body 3"]
    assert sink.changes.count(ReplyToSeen("/temp-queue/r")) == 3
    counted = [c for c in sink.changes if isinstance(c, MessageCounted)]
    assert [(c.destination, c.direction) for c in counted] == [("/queue/a", "in")] * 3
    assert session.counters.received == 3
    clock.advance(1.0)
    assert session.rate() == pytest.approx(3 / 5)
    await session.shutdown()


@pytest.mark.asyncio
async def test_a_confirmed_subscribe_waits_for_the_receipt() -> None:
    session, factory, _sink = make()
    await session.connect()
    sub = await session.subscribe("/queue/a", (("selector", "a = 1"),), confirm=True)
    frame = factory.client.frames("SUBSCRIBE")[-1]
    assert frame.header("selector") == "a = 1" and frame.header("id") == sub.id
    assert factory.client.receipts == {}  # answered
    assert await session.subscribe("/queue/a") is sub  # once per destination
    assert len(factory.client.frames("SUBSCRIBE")) == 1
    await session.shutdown()


@pytest.mark.asyncio
async def test_a_refused_subscription_is_dropped_and_never_sent_again() -> None:
    broker = FakeBroker(
        server="RabbitMQ/3.10.8",
        refuse={"/exchange/nope/x": ("not_found", "NOT_FOUND - no exchange 'nope'")},
        close_after_error=True,
    )
    session, factory, sink = make(broker)
    await session.connect()
    await session.subscribe("/queue/ok", confirm=True)
    with pytest.raises(SubscribeRefused) as refused:
        await session.subscribe("/exchange/nope/x", confirm=True)
    assert refused.value.broker_message == "not_found"
    assert refused.value.broker_detail == "NOT_FOUND - no exchange 'nope'"
    await settle()
    notices = sink.of_type(SubscriptionRefused)
    assert [(n.destination, n.message) for n in notices] == [("/exchange/nope/x", "not_found")]
    assert "/exchange/nope/x" not in session.subscriptions
    assert session.book.refused["/exchange/nope/x"].startswith("not_found")
    assert session.status.state is SessionState.RECONNECTING
    factory.client.come_up()  # the client reconnects
    await settle()
    sent = [f.header("destination") for f in factory.client.frames("SUBSCRIBE")]
    assert sent == ["/queue/ok", "/exchange/nope/x", "/queue/ok"]  # the refused one: once
    assert session.state is SessionState.CONNECTED
    assert [s.destination for s in session.subscription_specs()] == ["/queue/ok"]
    await session.shutdown()


@pytest.mark.asyncio
async def test_an_error_answers_the_oldest_unanswered_subscribe() -> None:
    broker = FakeBroker(receipts=False)  # answers come by hand below
    session, factory, sink = make(broker)
    await session.connect()
    await session.subscribe("/queue/first")
    await session.subscribe("/queue/second")
    await settle()
    client = factory.client
    first, second = (f.header("receipt") for f in client.frames("SUBSCRIBE"))
    assert first and second
    client.receipt(first)  # in order: the broker accepted the first...
    client.error("Invalid destination")  # ...so this ERROR answers the second
    await settle()
    assert [n.destination for n in sink.of_type(SubscriptionRefused)] == ["/queue/second"]
    assert set(session.subscriptions) == {"/queue/first"}
    client.error("something else")  # nothing unanswered: just an ERROR
    await settle()
    assert len(sink.of_type(SubscriptionRefused)) == 1
    assert len(sink.of_type(BrokerErrorReceived)) == 2
    await session.shutdown()


@pytest.mark.asyncio
async def test_reconnect_sends_the_live_subscriptions_again_with_their_ids() -> None:
    session, factory, sink = make()
    await session.connect()
    a = await session.subscribe("/queue/a")
    b = await session.subscribe("/topic/b", ack="client-individual")
    await session.unsubscribe("/topic/b")
    await settle()
    client = factory.client
    client.lose()
    await settle()
    assert session.state is SessionState.RECONNECTING
    assert sink.states[-1].reconnect_in == 0.5
    client.come_up()
    await settle()
    frames = client.frames("SUBSCRIBE")
    assert [(f.header("destination"), f.header("id")) for f in frames][-1] == ("/queue/a", a.id)
    assert [f.header("id") for f in client.frames("UNSUBSCRIBE")] == [b.id]
    assert set(session.subscriptions) == {"/queue/a"}
    await session.shutdown()


@pytest.mark.asyncio
async def test_a_restart_opens_the_profile_and_the_users_subscriptions() -> None:
    profile = (SubscriptionSpec("/queue/profile"),)
    saved = (SubscriptionSpec("/queue/saved", "client"),)  # from the last app session
    session, factory, _sink = make(subscriptions=profile, restore=saved)
    session.start()
    await settle()
    assert set(session.subscriptions) == {"/queue/profile", "/queue/saved"}
    await session.subscribe("/topic/mine")
    await session.shutdown()
    assert session.state is SessionState.CLOSED
    assert {s.destination for s in session.subscription_specs()} == {
        "/queue/profile",
        "/queue/saved",
        "/topic/mine",
    }
    session.start()  # the same tab connects again: a new client
    await settle()
    assert len(factory.clients) == 2
    sent = [f.header("destination") for f in factory.client.frames("SUBSCRIBE")]
    assert sent == ["/queue/profile", "/queue/saved", "/topic/mine"]
    assert session.subscriptions["/queue/saved"].ack == "client"
    await session.shutdown()


@pytest.mark.asyncio
async def test_ack_and_nack_are_sent_once_per_message() -> None:
    session, factory, sink = make()
    await session.connect()
    sub = await session.subscribe("/queue/work", ack="client-individual")
    auto = await session.subscribe("/queue/auto")
    factory.client.deliver(message("/queue/work", sub.id, 1))
    factory.client.deliver(message("/queue/work", sub.id, 2))
    factory.client.deliver(message("/queue/auto", auto.id, 3))
    await settle()
    first, second, third = sink.entries
    assert session.needs_ack(first) and session.needs_ack(second)
    assert not session.needs_ack(third)  # auto-ack subscription
    assert await session.acknowledge(first) == "m-1"
    assert await session.acknowledge(second, accept=False) == "m-2"
    assert [(kind, m.ack_id) for kind, m in factory.client.acks] == [
        ("ACK", "a-1"),
        ("NACK", "a-2"),
    ]
    assert not session.needs_ack(first) and not session.needs_ack(second)
    await session.shutdown()
    with pytest.raises(NotConnected):
        await session.acknowledge(first)


@pytest.mark.asyncio
async def test_discovery_feeds_the_tree_and_reports_a_failing_source_once() -> None:
    feed = FakeDiscovery()
    factory, sink, clock = Factory(), Recorder(), FakeClock()
    planned: list[BrokerKind] = []

    def plan(kind: BrokerKind) -> DiscoveryConfig:
        planned.append(kind)
        return DiscoveryConfig(broker=kind)

    def discovery(config: DiscoveryConfig, client: StompClient) -> FakeDiscovery:
        assert config.broker is BrokerKind.ACTIVEMQ
        return feed

    session = ConnectionSession(
        target(discovery=plan),
        sink,
        client_factory=factory,
        clock=clock,
        discovery_factory=discovery,
    )
    await session.connect()
    await settle()
    assert planned == [BrokerKind.ACTIVEMQ] and feed.started
    found = DiscoveredDestination("/queue/x", DestinationKind.QUEUE, Source.JOLOKIA, depth=3)
    problem = SourceProblem(Source.JOLOKIA, DiscoveryUnavailable("down", "jolokia"), 10.0)
    for event in (found, problem, problem, SourceReady(Source.JOLOKIA, 1), problem):
        feed.queue.put_nowait(event)
    await settle()
    assert found in sink.changes
    assert len(sink.of_type(DiscoveryProblem)) == 2  # once, then again after it recovered
    await session.shutdown()
    assert feed.stopped


@pytest.mark.asyncio
async def test_traffic_reaches_the_sink_once_per_loop_turn() -> None:
    session, factory, sink = make()
    await session.connect()
    await settle()
    sink.traffic_batches.clear()
    for n in range(5):
        factory.client.deliver(message("/queue/a", "x", n))
    await settle()
    assert [len(b) for b in sink.traffic_batches] == [5]
    await session.shutdown()


@pytest.mark.asyncio
async def test_heart_beat_health_follows_the_liveness_rule() -> None:
    clock = FakeClock()
    session, _factory, _sink = make(clock=clock)
    assert session.heartbeat_health() == (None, 0.0)  # not connected
    await session.connect()
    await settle()
    assert session.heartbeat == (0, 10000)
    # The fake's wire records are stamped 1000.0, the clock's start.
    clock.advance(20.0)  # 2x the 10 s interval: still fine
    assert session.heartbeat_health() == (True, 20.0)
    clock.advance(2.0)  # beyond 2x + max(10 %, 0.3 s)
    assert session.heartbeat_health() == (False, 22.0)
    await session.shutdown()


@pytest.mark.asyncio
async def test_a_shutdown_before_the_connection_is_up_leaves_nothing_open() -> None:
    session, factory, _sink = make()
    session.start()
    await session.shutdown()  # before the run even began
    assert session.state is SessionState.CLOSED
    assert all(not c.connected for c in factory.clients)
    session.start()
    await settle()
    assert factory.client.connected
    await session.shutdown()
    session.start()  # a restart, stopped at once: the old client is closed, the new one too
    await session.shutdown()
    await settle()
    assert all(not c.connected for c in factory.clients)
    assert session.state is SessionState.CLOSED
