"""Discovery against the built-in sandbox broker (in-process): kind detection, snapshots, tree."""

from __future__ import annotations

import asyncio

import pytest

from explorer.broker.destinations import DestinationKind
from explorer.broker.kind import BrokerKind, detect_broker_kind
from explorer.client import Client
from explorer.discovery.model import DiscoveredDestination, Source
from explorer.discovery.service import DiscoveryConfig, DiscoveryService, apply_to_tree
from explorer.discovery.topic_watch import SANDBOX_TOPIC
from explorer.sandbox import DISCOVERY_TOPIC, SandboxBroker
from explorer.store.destinations import DestinationTree


def test_our_topic_name_is_the_sandboxs() -> None:
    assert SANDBOX_TOPIC == DISCOVERY_TOPIC


@pytest.mark.asyncio
async def test_sandbox_destinations_reach_the_destination_tree() -> None:
    async with SandboxBroker() as broker:
        broker.publish("/queue/sandbox.orders", "one")
        broker.publish("/queue/sandbox.orders", "two")
        client = Client(broker.tcp_url)
        await client.connect()
        try:
            kind = detect_broker_kind(
                client.connected_frame.headers if client.connected_frame else ()
            )
            assert kind is BrokerKind.SANDBOX
            config = DiscoveryConfig(broker=kind, bookmarks=("/topic/sandbox.marked",))
            tree = DestinationTree(split_rule="/.")
            async with DiscoveryService(config, client) as discovery:
                async with asyncio.timeout(10):
                    while "/queue/sandbox.orders" not in tree.destinations():
                        apply_to_tree(tree, await discovery.get())
                node = tree.node("/queue/sandbox.orders")
                assert node is not None
                assert node.sources["sandbox"].depth == 2
                assert node.sources["sandbox"].consumers == 0
                # A new queue shows up live, from the next snapshot.
                broker.publish("/queue/sandbox.later", "x")
                async with asyncio.timeout(10):
                    while "/queue/sandbox.later" not in tree.destinations():
                        event = await discovery.get()
                        apply_to_tree(tree, event)
                        if isinstance(event, DiscoveredDestination):
                            assert event.source in (Source.SANDBOX, Source.BOOKMARK)
            marked = tree.node("/topic/sandbox.marked")
            assert marked is not None and set(marked.sources) == {"bookmark"}
            later = tree.node("/queue/sandbox.later")
            assert later is not None and later.sources["sandbox"].depth == 1
        finally:
            await client.disconnect()


def test_tree_sources_and_gone_marks() -> None:
    """Records from several sources end up per source on one node; gone is per source."""
    tree = DestinationTree(split_rule="/.")
    events = [
        DiscoveredDestination("/queue/orders", DestinationKind.QUEUE, Source.ADVISORY),
        DiscoveredDestination(
            "/queue/orders", DestinationKind.QUEUE, Source.MANAGEMENT, depth=4, consumers=1
        ),
        DiscoveredDestination("/queue/orders", DestinationKind.QUEUE, Source.ADVISORY, gone=True),
    ]
    for event in events:
        apply_to_tree(tree, event)
    node = tree.node("/queue/orders")
    assert node is not None
    assert node.sources["management"].depth == 4
    assert node.sources["management"].consumers == 1
    assert node.sources["advisory"].gone is True
    assert node.sources["management"].gone is False


def test_every_source_is_accepted_by_the_tree() -> None:
    tree = DestinationTree(split_rule="/.")
    for source in Source:
        record = DiscoveredDestination(f"/queue/{source}", DestinationKind.QUEUE, source, depth=1)
        assert apply_to_tree(tree, record)
        node = tree.node(f"/queue/{source}")
        assert node is not None and len(node.sources) == 1
        assert next(iter(node.sources.values())).depth == 1
