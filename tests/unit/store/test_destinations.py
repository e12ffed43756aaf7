"""DestinationTree: split rules, aggregation, rates, sources, dirty tracking, filtering."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explorer.store import DestinationTree, StoreError, split_destination


class FakeClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def names(tree: DestinationTree, path: str = "") -> list[str]:
    node = tree.root if not path else tree.node(path)
    assert node is not None
    return [child.name for child in node.children]


# -- split rules -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "destination", "chain"),
    [
        ("/", "/queue/foo.bar", [("queue", "/queue"), ("foo.bar", "/queue/foo.bar")]),
        (".", "/queue/foo.bar", [("/queue/foo", "/queue/foo"), ("bar", "/queue/foo.bar")]),
        (
            "/.",
            "/queue/foo.bar",
            [("queue", "/queue"), ("foo", "/queue/foo"), ("bar", "/queue/foo.bar")],
        ),
        ("none", "/queue/foo.bar", [("/queue/foo.bar", "/queue/foo.bar")]),
        (
            ".",
            "orders.eu.paris",
            [("orders", "orders"), ("eu", "orders.eu"), ("paris", "orders.eu.paris")],
        ),
        ("/", "queue/a", [("queue", "queue"), ("a", "queue/a")]),
        ("/", "/a//b", [("a", "/a"), ("b", "/a//b")]),
        ("/", "/a/", [("a", "/a"), ("/", "/a/")]),
        ("/", "/", [("/", "/")]),
        ("/", "plain", [("plain", "plain")]),
    ],
)
def test_split_rules(rule: str, destination: str, chain: list[tuple[str, str]]) -> None:
    assert split_destination(destination, rule) == chain


def test_unknown_split_rule() -> None:
    with pytest.raises(StoreError, match="unknown split rule ';'"):
        DestinationTree(";")
    with pytest.raises(StoreError, match="unknown split rule"):
        split_destination("/a", "x")


@given(
    st.text(alphabet="ab/.", max_size=12).filter(bool),
    st.sampled_from(["/", ".", "/.", "none"]),
)
def test_split_chain_ends_at_the_destination_and_paths_are_prefixes(
    destination: str, rule: str
) -> None:
    chain = split_destination(destination, rule)
    assert chain[-1][1] == destination
    paths = [path for _, path in chain]
    assert all(destination.startswith(path) for path in paths)
    assert paths == sorted(set(paths), key=len)
    assert all(name for name, _ in chain)


def test_custom_split_function() -> None:
    def by_colon(destination: str) -> list[tuple[str, str]]:
        head, _, tail = destination.partition(":")
        return [(head, head), (tail, destination)] if tail else [(head, head)]

    tree = DestinationTree(by_colon)
    tree.record_message("jms:orders", "in", 1.0)
    assert names(tree) == ["jms"]
    assert names(tree, "jms") == ["orders"]


def test_a_bad_custom_split_function_is_reported() -> None:
    tree = DestinationTree(lambda destination: [("x", "x")])
    with pytest.raises(StoreError, match="did not end at"):
        tree.record_message("/queue/a", "in", 1.0)


# -- structure and aggregation -----------------------------------------------------------------


def test_children_are_shared_and_kept_in_creation_order() -> None:
    tree = DestinationTree("/")
    for destination in ("/queue/b", "/topic/x", "/queue/a", "/queue/b"):
        tree.record_message(destination, "in", 1.0)
    assert names(tree) == ["queue", "topic"]
    assert names(tree, "/queue") == ["b", "a"]
    assert [child.row for child in tree.root.children] == [0, 1]
    assert len(tree) == 5
    queue = tree.node("/queue")
    assert queue is not None and not queue.is_destination
    leaf = tree.node("/queue/b")
    assert leaf is not None and leaf.is_destination and leaf.parent is queue
    assert tree.destinations() == ["/queue/b", "/topic/x", "/queue/a"]
    assert "/queue/a" in tree and "/nope" not in tree


def test_counts_and_last_seen_aggregate_up_the_tree() -> None:
    tree = DestinationTree("/.")
    tree.record_message("/queue/a.x", "in", 10.0)
    tree.record_message("/queue/a.y", "out", 30.0)
    tree.record_message("/queue/a", "in", 20.0)
    a = tree.node("/queue/a")
    queue = tree.node("/queue")
    leaf = tree.node("/queue/a.x")
    assert a is not None and queue is not None and leaf is not None
    assert (a.total_in, a.total_out, a.total) == (2, 1, 3)  # its own "in" plus a.x and a.y
    assert (queue.total_in, queue.total_out) == (2, 1)
    assert (leaf.total_in, leaf.total_out) == (1, 0)
    assert a.last_seen == 30.0 and queue.last_seen == 30.0 and leaf.last_seen == 10.0
    assert tree.root.total == 3
    assert set(a.sources) == {"seen"}
    assert set(tree.node("/queue/a.y").sources) == {"sent"}  # type: ignore[union-attr]


def test_empty_destination_and_bad_direction() -> None:
    tree = DestinationTree()
    assert tree.record_message("", "in") is None
    assert len(tree) == 0
    with pytest.raises(StoreError, match="direction"):
        tree.record_message("/a", "up")


@given(
    st.lists(
        st.tuples(st.text(alphabet="ab/", min_size=1, max_size=8), st.sampled_from(["in", "out"])),
        max_size=30,
    )
)
def test_every_node_total_is_own_plus_children(records: list[tuple[str, str]]) -> None:
    tree = DestinationTree("/")
    for destination, direction in records:
        tree.record_message(destination, direction, 1.0)
    own = Counter(records)  # messages recorded on exactly that destination, per direction
    for node in [tree.root, *tree.nodes()]:
        assert node.total_in == own[node.path, "in"] + sum(c.total_in for c in node.children)
        assert node.total_out == own[node.path, "out"] + sum(c.total_out for c in node.children)
    assert tree.root.total == len(records)


# -- rates -------------------------------------------------------------------------------------


def test_rate_over_a_sliding_window_with_a_fake_clock() -> None:
    clock = FakeClock(1000.0)
    tree = DestinationTree("/", clock=clock, rate_window=5.0, rate_buckets=5)
    for _ in range(10):
        tree.record_message("/queue/a", "in", 1.0)
    clock.now = 1002.0
    for _ in range(5):
        tree.record_message("/queue/a", "out", 2.0)
    a = tree.node("/queue/a")
    queue = tree.node("/queue")
    assert a is not None and queue is not None
    assert tree.rate(a) == pytest.approx(15 / 5)
    assert tree.rate(queue) == pytest.approx(15 / 5)
    clock.now = 1005.5  # the first bucket (t=1000) left the window
    assert tree.rate(a) == pytest.approx(5 / 5)
    clock.now = 1007.0  # everything left the window
    assert tree.rate(a) == 0.0
    clock.now = 1100.0
    tree.record_message("/queue/a", "in", 3.0)  # a long gap rolls every bucket
    assert tree.rate(a) == pytest.approx(1 / 5)
    assert tree.rate(tree.node("/queue/a") or a) == pytest.approx(0.2)


def test_rate_of_a_node_never_seen_is_zero() -> None:
    tree = DestinationTree()
    node = tree.upsert("/queue/a", "advisory")
    assert node is not None and tree.rate(node) == 0.0


def test_invalid_rate_window() -> None:
    with pytest.raises(StoreError, match="rate window"):
        DestinationTree(rate_window=0)


# -- sources -----------------------------------------------------------------------------------


def test_upsert_sets_only_the_counts_given() -> None:
    tree = DestinationTree()
    node = tree.upsert("/queue/a", "management", depth=5, consumers=1)
    assert node is not None
    tree.upsert("/queue/a", "management", depth=7)
    info = node.sources["management"]
    assert (info.depth, info.consumers, info.enqueued, info.dequeued) == (7, 1, None, None)
    tree.upsert("/queue/a", "management", consumers=None)
    assert info.consumers is None
    assert node.is_destination


def test_upsert_validates_source_and_count_names() -> None:
    tree = DestinationTree()
    with pytest.raises(StoreError, match="unknown source 'jmx'"):
        tree.upsert("/queue/a", "jmx")
    with pytest.raises(StoreError, match="unknown count name"):
        tree.upsert("/queue/a", "advisory", size=3)
    with pytest.raises(StoreError, match="cannot be empty"):
        tree.upsert("", "advisory")


def test_mark_gone_marks_and_upsert_or_traffic_revives() -> None:
    tree = DestinationTree()
    node = tree.upsert("/queue/a", "advisory")
    assert node is not None
    tree.upsert("/queue/a", "management", depth=0)
    assert tree.mark_gone("/queue/a", "advisory")
    assert not node.gone  # management still lists it
    assert tree.mark_gone("/queue/a", "management")
    assert node.gone
    assert tree.node("/queue/a") is node  # marked, never dropped
    tree.upsert("/queue/a", "advisory")
    assert not node.gone
    assert not tree.mark_gone("/queue/zzz", "advisory")
    assert not tree.mark_gone("/queue/a", "bookmark")
    tree.mark_gone("/queue/a", "advisory")
    tree.record_message("/queue/a", "in", 1.0)
    assert not node.gone  # "seen" is a live source


# -- batching ----------------------------------------------------------------------------------


def test_take_changes_reports_new_nodes_in_creation_order_then_dirty_ones() -> None:
    clock = FakeClock()
    tree = DestinationTree("/", clock=clock)
    tree.record_message("/queue/a", "in", 1.0)
    tree.record_message("/topic/t", "in", 1.0)
    changes = tree.take_changes()
    assert [n.path for n in changes.new_nodes] == ["/queue", "/queue/a", "/topic", "/topic/t"]
    assert changes.dirty == set()  # new nodes are not also dirty; the root never is
    tree.record_message("/queue/a", "in", 2.0)
    tree.upsert("/queue/b", "advisory")
    changes = tree.take_changes()
    assert [n.path for n in changes.new_nodes] == ["/queue/b"]
    # Nodes with traffic in the window stay dirty (their rate decays), plus what changed.
    assert {n.path for n in changes.dirty} == {"/queue", "/queue/a", "/topic", "/topic/t"}
    clock.now += 60
    changes = tree.take_changes()
    assert {n.path for n in changes.dirty} == {"/queue", "/queue/a", "/topic", "/topic/t"}
    assert not tree.has_changes  # reported once at rate 0, then quiet
    assert not tree.take_changes()
    tree.mark_gone("/queue/b", "advisory")
    assert {n.path for n in tree.take_changes().dirty} == {"/queue/b"}


# -- filtering ---------------------------------------------------------------------------------


def test_matching_shows_matches_and_their_ancestors_case_insensitively() -> None:
    tree = DestinationTree("/.")
    for destination in ("/queue/Orders.eu", "/queue/orders.us", "/queue/stock", "/topic/prices"):
        tree.record_message(destination, "in", 1.0)
    shown = {n.path for n in tree.matching("ORDERS.E")}
    assert shown == {"/queue", "/queue/Orders", "/queue/Orders.eu"}
    shown = {n.path for n in tree.matching("price")}
    assert shown == {"/topic", "/topic/prices"}
    # A match on a folder's path also matches everything below it (their paths contain it).
    assert {n.path for n in tree.matching("queue/orders")} == {
        "/queue",
        "/queue/Orders",
        "/queue/Orders.eu",
        "/queue/orders",
        "/queue/orders.us",
    }
    assert tree.matching("nothing") == set()
    assert len(tree.matching("  ")) == len(tree)
