"""Discovery against the real RabbitMQ: the management API mapped to STOMP destinations."""

from __future__ import annotations

import asyncio
import base64
import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
import stomp

from explorer.broker.browse import peek
from explorer.broker.destinations import DestinationKind
from explorer.broker.errors import PeekUnsupported
from explorer.broker.kind import BrokerKind, detect_broker_kind
from explorer.client import Client
from explorer.discovery.errors import DiscoveryAuthError
from explorer.discovery.model import DiscoveredDestination, Source
from explorer.discovery.rabbitmq_management import ManagementClient
from explorer.discovery.service import DiscoveryConfig, DiscoveryService, SourceProblem
from tests.support.brokers import Broker, unique

pytestmark = pytest.mark.rabbitmq

MANAGEMENT = "http://127.0.0.1:15672"


def _api(method: str, path: str, body: object = None) -> None:
    """Set up and clean up through the management API (independently of the code under test)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"{MANAGEMENT}/api/{path}", data=data, method=method)
    request.add_header("Authorization", "Basic " + base64.b64encode(b"guest:guest").decode())
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()


def _peer(broker: Broker) -> stomp.Connection12:
    conn = stomp.Connection12([(broker.host, broker.stomp_port)], vhost="/", auto_decode=False)
    conn.connect(broker.login, broker.passcode, wait=True)
    return conn


@pytest.fixture
def queue_with_messages(rabbitmq: Broker) -> Iterator[tuple[str, int]]:
    """A durable queue made by a STOMP SEND (persistent:true), holding 4 messages."""
    name = unique("disc.rq")
    conn = _peer(rabbitmq)
    try:
        for i in range(4):
            conn.send(f"/queue/{name}", b"m%d" % i, headers={"persistent": "true"}, receipt=f"r{i}")
    finally:
        conn.disconnect(receipt="bye")
    yield name, 4
    _api("DELETE", f"queues/%2F/{quote(name, safe='')}")


@pytest.fixture
def exchange() -> Iterator[str]:
    name = unique("disc.ex")
    _api("PUT", f"exchanges/%2F/{name}", {"type": "topic", "durable": False})
    yield name
    _api("DELETE", f"exchanges/%2F/{name}")


async def _poll_until_counted(
    client: ManagementClient, destination: str, timeout: float = 30.0
) -> dict[str, DiscoveredDestination]:
    """Management counters refresh about every 5 s and are missing just after creation."""
    async with asyncio.timeout(timeout):
        while True:
            found = {d.destination: d for d in await client.destinations()}
            record = found.get(destination)
            # `messages` and `consumers` can appear in different stats refreshes.
            if (
                record is not None
                and record.depth is not None
                and record.depth > 0
                and record.consumers is not None
            ):
                return found
            await asyncio.sleep(0.5)


@pytest.mark.asyncio
async def test_queues_and_exchanges_appear_with_counts(
    queue_with_messages: tuple[str, int], exchange: str
) -> None:
    name, count = queue_with_messages
    management = ManagementClient(MANAGEMENT, login="guest", password="guest")
    found = await _poll_until_counted(management, f"/queue/{name}")
    queue = found[f"/queue/{name}"]
    assert (queue.kind, queue.source) == (DestinationKind.QUEUE, Source.MANAGEMENT)
    assert queue.depth == count
    assert queue.consumers == 0
    assert queue.aliases == (f"/amq/queue/{name}",)
    assert "durable" in queue.labels
    assert found[f"/exchange/{exchange}"].kind is DestinationKind.EXCHANGE
    assert "topic" in found[f"/exchange/{exchange}"].labels
    assert "/exchange/amq.topic" not in found and "/exchange/" not in found


@pytest.mark.asyncio
async def test_topic_subscription_appears_as_topic_binding(rabbitmq: Broker) -> None:
    key = unique("disc.news")
    conn = _peer(rabbitmq)
    try:
        conn.subscribe(f"/topic/{key}.#", id="t1", ack="auto")
        conn.send("/topic/nowhere", b"", receipt="sync")  # the SUBSCRIBE has been processed
        management = ManagementClient(MANAGEMENT, login="guest", password="guest")
        async with asyncio.timeout(15):
            while True:
                found = {d.destination: d for d in await management.destinations()}
                # The binding and the subscription's queue can be listed at different moments.
                if f"/topic/{key}.#" in found and any(
                    "subscription" in d.labels for d in found.values()
                ):
                    break
                await asyncio.sleep(0.3)
        topic = found[f"/topic/{key}.#"]
        assert (topic.kind, topic.consumers) == (DestinationKind.TOPIC, 1)
        subscription_queues = [d for d in found.values() if "subscription" in d.labels]
        assert subscription_queues and all("auto-delete" in d.labels for d in subscription_queues)
    finally:
        conn.disconnect()


@pytest.mark.asyncio
async def test_wrong_management_password_is_a_clear_error() -> None:
    management = ManagementClient(MANAGEMENT, login="guest", password="wrong")
    with pytest.raises(DiscoveryAuthError) as caught:
        await management.destinations()
    assert caught.value.message == (
        "RabbitMQ management at http://127.0.0.1:15672: 401 Unauthorized — "
        "check the management login and password in the profile"
    )
    assert caught.value.source == "management"


@pytest.mark.asyncio
async def test_wrong_password_leaves_the_rest_working(rabbitmq: Broker, tmp_path: Path) -> None:
    """The management source reports its problem; bookmarks, imports and the client go on."""
    imported = tmp_path / "list.txt"
    imported.write_text("/queue/from-file\n", encoding="utf-8")
    client = Client(rabbitmq.stomp_url, login="guest", passcode="guest", host="/")
    await client.connect()
    try:
        assert detect_broker_kind({"server": client.server or ""}) is BrokerKind.RABBITMQ
        config = DiscoveryConfig(
            broker=BrokerKind.RABBITMQ,
            management_url=MANAGEMENT,
            management_password="wrong",
            refresh_interval=0.2,
            bookmarks=("/queue/marked",),
            import_files=(str(imported),),
        )
        events = []
        async with DiscoveryService(config, client) as discovery:
            await discovery.initial_scan(timeout=10)
            events = discovery.get_nowait_batch()
            destination = f"/queue/{unique('disc.alive')}"
            sub = await client.subscribe(
                destination, headers={"durable": "false", "auto-delete": "true"}
            )
            await client.send(destination, "still working", receipt=True)
            message = await sub.get(timeout=10)
            discovery.observe_frame(dict(reversed(message.headers)))
            seen = await discovery.get(timeout=5)
            await sub.unsubscribe()
        problems = [e for e in events if isinstance(e, SourceProblem)]
        assert len(problems) == 1
        assert isinstance(problems[0].error, DiscoveryAuthError)
        assert problems[0].retry_in is not None and problems[0].retry_in > 0
        listed = {(e.destination, e.source) for e in events if isinstance(e, DiscoveredDestination)}
        assert listed == {("/queue/marked", Source.BOOKMARK), ("/queue/from-file", Source.IMPORT)}
        assert message.body == b"still working"
        assert isinstance(seen, DiscoveredDestination)
        assert (seen.destination, seen.source) == (destination, Source.SEEN)
    finally:
        await client.disconnect()


@pytest.mark.asyncio
async def test_peek_is_refused_on_rabbitmq_with_the_reason(rabbitmq: Broker) -> None:
    client = Client(rabbitmq.stomp_url, login="guest", passcode="guest", host="/")
    await client.connect()
    try:
        with pytest.raises(PeekUnsupported, match="RabbitMQ has no queue browser"):
            await peek(client, "/queue/anything", broker=BrokerKind.RABBITMQ)
    finally:
        await client.disconnect()
