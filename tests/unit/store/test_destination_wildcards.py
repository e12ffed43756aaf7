"""Subscriptions are not destinations (issue 12, defect 11), and what a view may flash."""

from __future__ import annotations

import pytest

from explorer.store import DestinationTree, is_wildcard


@pytest.mark.parametrize(
    "destination",
    ["/topic/shop.>", "/topic/#", "/topic/prices.*.gbp", "/exchange/logs/error.*", "/topic/**"],
)
def test_patterns_are_wildcards(destination: str) -> None:
    assert is_wildcard(destination)


@pytest.mark.parametrize(
    "destination", ["/topic/shop", "/queue/a#b", "/queue/price>10", "/topic/a*b", ""]
)
def test_names_with_wildcard_characters_inside_a_segment_are_not(destination: str) -> None:
    assert not is_wildcard(destination)


def test_a_wildcard_subscription_reported_by_discovery_never_becomes_a_node() -> None:
    tree = DestinationTree("/.")
    assert tree.upsert("/topic/shop.>", "advisory", consumers=1) is None
    assert tree.upsert("/topic/#", "management") is None
    assert tree.record_message("/topic/shop.>", "in") is None
    assert len(tree) == 0
    assert tree.node("/topic") is None
    tree.upsert("/topic/shop.books", "advisory")
    assert [n.path for n in tree.nodes()] == ["/topic", "/topic/shop", "/topic/shop.books"]


def test_in_and_out_are_counted_apart_and_counted_nodes_are_reported_once() -> None:
    tree = DestinationTree("/.")
    for _ in range(3):
        tree.record_message("/queue/a", "in")
    tree.record_message("/queue/a", "out")
    tree.upsert("/queue/b", "advisory", depth=4)
    node = tree.node("/queue/a")
    assert node is not None
    assert (node.total_in, node.total_out) == (3, 1)
    changes = tree.take_changes()
    assert {n.path for n in changes.counted} == {"/queue/a"}
    assert tree.take_changes().counted == set()
    b = tree.node("/queue/b")
    assert b is not None and b.count("depth") == 4 and b.count("consumers") is None
