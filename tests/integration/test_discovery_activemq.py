"""Discovery against the real ActiveMQ: advisories over our client, Jolokia, peek."""

from __future__ import annotations

import asyncio
import json
import urllib.request
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
import stomp

from explorer.broker.browse import peek
from explorer.broker.destinations import DestinationKind
from explorer.broker.kind import BrokerKind, detect_broker_kind
from explorer.client import Client
from explorer.discovery.jolokia import JolokiaClient
from explorer.discovery.model import DiscoveredDestination, Source
from explorer.discovery.service import (
    DiscoveryConfig,
    DiscoveryService,
    SourceReady,
    apply_to_tree,
    tree_source,
)
from explorer.discovery.topic_watch import TopicWatcher, advisory_watcher
from explorer.store.destinations import DestinationTree, SourceInfo
from tests.support.brokers import Broker, unique

pytestmark = pytest.mark.activemq

JOLOKIA = "http://127.0.0.1:8161/api/jolokia"


def _peer(broker: Broker) -> stomp.Connection12:
    """stomp-py as an independent peer that creates destinations before we connect."""
    conn = stomp.Connection12([(broker.host, broker.stomp_port)], auto_decode=False)
    conn.connect(wait=True)
    return conn


def _send(broker: Broker, destination: str, bodies: list[bytes]) -> None:
    conn = _peer(broker)
    try:
        for index, body in enumerate(bodies):
            last = index == len(bodies) - 1
            conn.send(
                destination, body, headers={"persistent": "true"}, receipt="done" if last else None
            )
        if not bodies:
            conn.send(destination, b"", headers={"persistent": "true"})
    finally:
        conn.disconnect(receipt="bye")


def _remove(name: str, what: str = "Queue") -> None:
    url = (
        f"{JOLOKIA}/exec/org.apache.activemq:type=Broker,brokerName=localhost/"
        f"remove{what}(java.lang.String)/{name}"
    )
    with urllib.request.urlopen(url, timeout=10) as response:
        assert json.load(response)["status"] == 200


def _remove_queue(name: str) -> None:
    _remove(name, "Queue")


@pytest_asyncio.fixture
async def client(activemq: Broker) -> AsyncIterator[Client]:
    client = Client(activemq.stomp_url, host=None)
    await client.connect()
    try:
        yield client
    finally:
        await client.disconnect()


async def _until(
    watcher: TopicWatcher, wanted: set[str], *, gone: bool = False, timeout: float = 15.0
) -> dict[str, DiscoveredDestination]:
    """Read changes until every wanted destination appeared (with that `gone` flag)."""
    found: dict[str, DiscoveredDestination] = {}
    async with asyncio.timeout(timeout):
        async for change in watcher:
            if change.destination in wanted and change.gone is gone and change.consumers is None:
                found[change.destination] = change
                if set(found) == wanted:
                    return found
    raise AssertionError(f"the advisory stream ended before {wanted - set(found)} appeared")


@pytest.mark.asyncio
async def test_connected_server_header_says_activemq(client: Client) -> None:
    assert detect_broker_kind({"server": client.server or ""}) is BrokerKind.ACTIVEMQ


@pytest.mark.asyncio
async def test_existing_queues_and_topics_appear_without_traffic(activemq: Broker) -> None:
    queue, topic = unique("disc.pre.q"), unique("disc.pre.t")
    _send(activemq, f"/queue/{queue}", [b"x"])
    _send(activemq, f"/topic/{topic}", [b"y"])
    client = Client(activemq.stomp_url, host=None)
    await client.connect()
    try:
        async with advisory_watcher(client) as watcher:
            found = await _until(watcher, {f"/queue/{queue}", f"/topic/{topic}"})
        assert found[f"/queue/{queue}"].kind is DestinationKind.QUEUE
        assert found[f"/topic/{topic}"].kind is DestinationKind.TOPIC
        assert all(f.source is Source.ADVISORY for f in found.values())
    finally:
        await client.disconnect()
        _remove_queue(queue)
        _remove(topic, "Topic")


@pytest.mark.asyncio
async def test_queue_created_while_connected_appears_live_and_removal_marks_it_gone(
    activemq: Broker, client: Client
) -> None:
    name = unique("disc.live")
    async with advisory_watcher(client) as watcher:
        task = asyncio.create_task(_until(watcher, {f"/queue/{name}"}))
        await asyncio.sleep(0.5)  # the replay of existing destinations is under way
        await asyncio.to_thread(_send, activemq, f"/queue/{name}", [b"hello"])
        found = await task
        assert found[f"/queue/{name}"].gone is False
        await asyncio.to_thread(_remove_queue, name)
        removed = await _until(watcher, {f"/queue/{name}"}, gone=True)
        assert removed[f"/queue/{name}"].gone is True


@pytest.mark.asyncio
async def test_consumer_advisories_count_consumers(activemq: Broker, client: Client) -> None:
    name = unique("disc.cons")
    async with advisory_watcher(client) as watcher:
        await asyncio.sleep(0.3)
        peer = await asyncio.to_thread(_peer, activemq)
        try:
            await asyncio.to_thread(peer.subscribe, f"/queue/{name}", "c1")
            async with asyncio.timeout(15):
                async for change in watcher:
                    if change.destination == f"/queue/{name}" and change.consumers is not None:
                        assert change.consumers == 1
                        break
        finally:
            await asyncio.to_thread(peer.disconnect)
    await asyncio.to_thread(_remove_queue, name)


@pytest.mark.asyncio
async def test_jolokia_counts_are_right(activemq: Broker) -> None:
    name = unique("disc.jolokia")
    await asyncio.to_thread(_send, activemq, f"/queue/{name}", [b"m%d" % i for i in range(7)])
    try:
        found = {d.destination: d for d in await JolokiaClient(JOLOKIA).destinations()}
        record = found[f"/queue/{name}"]
        assert (record.depth, record.enqueued, record.dequeued, record.consumers) == (7, 7, 0, 0)
        assert record.source is Source.JOLOKIA
        assert not any(d.startswith("/topic/ActiveMQ.Advisory.") for d in found)
    finally:
        await asyncio.to_thread(_remove_queue, name)


@pytest.mark.asyncio
async def test_peek_shows_messages_and_leaves_them(activemq: Broker, client: Client) -> None:
    name = unique("disc.peek")
    bodies = [f"peek {i} 안녕".encode() for i in range(3)]
    await asyncio.to_thread(_send, activemq, f"/queue/{name}", bodies)
    try:
        seen = await peek(client, f"/queue/{name}", broker=BrokerKind.ACTIVEMQ)
        assert [m.body for m in seen] == bodies
        again = await peek(client, f"/queue/{name}", broker=BrokerKind.ACTIVEMQ, limit=2)
        assert [m.body for m in again] == bodies[:2]
        # The messages are still there: consuming them now gets all three.
        sub = await client.subscribe(f"/queue/{name}", ack="client-individual")
        consumed = []
        for _ in bodies:
            message = await sub.get(timeout=10)
            consumed.append(message.body)
            await client.ack(message)
        await sub.unsubscribe()
        assert consumed == bodies
    finally:
        await asyncio.to_thread(_remove_queue, name)


@pytest.mark.asyncio
async def test_service_merges_advisories_and_jolokia(activemq: Broker, client: Client) -> None:
    """Both sources land on one node of the real DestinationTree; removal marks both gone."""
    name = unique("disc.svc")
    destination = f"/queue/{name}"
    await asyncio.to_thread(_send, activemq, destination, [b"a", b"b"])
    config = DiscoveryConfig(
        broker=BrokerKind.ACTIVEMQ,
        jolokia_url=JOLOKIA,
        refresh_interval=0.5,
        bookmarks=("/queue/bookmarked",),
    )
    tree = DestinationTree(split_rule="/.")
    jolokia = tree_source(Source.JOLOKIA)  # "management" until the tree knows "jolokia"
    wanted = {"advisory", jolokia}
    ready: set[Source] = set()
    removed = False

    def sources() -> dict[str, SourceInfo]:
        node = tree.node(destination)
        return {} if node is None else node.sources

    try:
        async with DiscoveryService(config, client) as discovery:
            async with asyncio.timeout(20):
                while not (
                    wanted <= set(sources())
                    and sources()[jolokia].depth is not None
                    and ready >= {Source.JOLOKIA, Source.ADVISORY}
                ):
                    event = await discovery.get()
                    apply_to_tree(tree, event)
                    if isinstance(event, SourceReady):
                        ready.add(event.source)
            assert sources()[jolokia].depth == 2
            assert sources()[jolokia].enqueued == 2
            await asyncio.to_thread(_remove_queue, name)
            removed = True
            async with asyncio.timeout(20):
                while not all(sources()[s].gone for s in wanted):
                    apply_to_tree(tree, await discovery.get())
        node = tree.node("/queue/bookmarked")
        assert node is not None and set(node.sources) == {"bookmark"}
    finally:
        if not removed:
            await asyncio.to_thread(_remove_queue, name)
