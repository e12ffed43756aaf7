"""A node's sources and counts in the window's tree model, fed by discovery (pytest-qt)."""

from __future__ import annotations

import asyncio
import base64
import os
import urllib.request
from collections.abc import Iterator
from urllib.parse import quote

import pytest
import stomp
from pytestqt.qtbot import QtBot

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # scripts/test sets it; plain pytest too

from explorer.broker.destinations import DestinationKind
from explorer.broker.kind import BrokerKind
from explorer.client import Client
from explorer.discovery import (
    DiscoveredDestination,
    DiscoveryConfig,
    DiscoveryService,
    Source,
    apply_to_tree,
)
from explorer.ui.models import DestinationTreeModel
from tests.support.brokers import Broker, unique

pytestmark = [pytest.mark.gui, pytest.mark.rabbitmq]

MANAGEMENT = "http://127.0.0.1:15672"


@pytest.fixture
def queue(rabbitmq: Broker) -> Iterator[str]:
    """/queue/<name> holding 3 messages, made by stomp-py before we look."""
    name = unique("disc.model")
    conn = stomp.Connection12([(rabbitmq.host, rabbitmq.stomp_port)], vhost="/")
    conn.connect("guest", "guest", wait=True)
    try:
        for i in range(3):
            conn.send(f"/queue/{name}", b"m", headers={"persistent": "true"}, receipt=f"r{i}")
    finally:
        conn.disconnect(receipt="bye")
    yield name
    request = urllib.request.Request(
        f"{MANAGEMENT}/api/queues/%2F/{quote(name, safe='')}", method="DELETE"
    )
    request.add_header("Authorization", "Basic " + base64.b64encode(b"guest:guest").decode())
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()


async def _discover(model: DestinationTreeModel, destination: str, broker: Broker) -> None:
    """Run discovery until the management API reports the queue's depth and consumers."""
    client = Client(broker.stomp_url, login="guest", passcode="guest", host="/")
    await client.connect()
    config = DiscoveryConfig(
        broker=BrokerKind.RABBITMQ,
        management_url=MANAGEMENT,
        management_password="guest",
        refresh_interval=0.5,
        bookmarks=(destination,),
    )
    try:
        async with DiscoveryService(config, client) as discovery:
            async with asyncio.timeout(30):  # management counters lag about 5 s
                while True:
                    event = await discovery.get()
                    apply_to_tree(model, event)
                    # `messages` and `consumers` can arrive in different stats refreshes.
                    if (
                        isinstance(event, DiscoveredDestination)
                        and event.destination == destination
                        and event.depth
                        and event.consumers is not None
                    ):
                        return
    finally:
        await client.disconnect()


def test_node_sources_and_counts_in_the_tree_model(
    qtbot: QtBot, rabbitmq: Broker, queue: str
) -> None:
    model = DestinationTreeModel(interval_ms=20)
    destination = f"/queue/{queue}"
    asyncio.run(_discover(model, destination, rabbitmq))
    qtbot.waitUntil(lambda: model.index_of(destination).isValid(), timeout=5000)
    sources = model.index_of(destination).data(DestinationTreeModel.SourcesRole)
    assert set(sources) == {"management", "bookmark"}
    assert sources["management"]["depth"] == 3
    assert sources["management"]["consumers"] == 0
    assert sources["management"]["gone"] is False
    assert sources["bookmark"] == {
        "depth": None,
        "consumers": None,
        "enqueued": None,
        "dequeued": None,
        "gone": False,
    }
    # The broker drops the queue: the node stays, its management source is marked gone.
    apply_to_tree(
        model,
        DiscoveredDestination(destination, DestinationKind.QUEUE, Source.MANAGEMENT, gone=True),
    )
    qtbot.waitUntil(
        lambda: (
            model.index_of(destination).data(DestinationTreeModel.SourcesRole)["management"]["gone"]
            is True
        ),
        timeout=5000,
    )
    assert model.index_of(destination).isValid()
