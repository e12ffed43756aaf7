"""The destination tree: every destination seen, sent to or discovered, split into a hierarchy.

STOMP destinations are opaque strings whose syntax depends on the broker, so the split rule is
a profile setting: "/" (`/queue/a/b`), "." (`orders.eu.paris`), "/." (both) or "none" (flat),
or any function returning the (name, path) chain of a destination.

A node is identified by its *path*: the destination text up to (not including) a separator,
so `/queue/foo` creates `/queue` (name "queue") and `/queue/foo` (name "foo"). Only nodes
whose path was itself seen or discovered are `is_destination`; the others are folders.

Counters (messages in/out, last seen, rate over a sliding window) are aggregated up the tree as
they are recorded, so reading a node is O(1). The tree owns every node with a strong
reference and never removes one (nodes that disappear from discovery are marked gone), so a
Qt model can use nodes as internal pointers. Changes are collected for batched publishing:
`take_changes()` returns the nodes created and the nodes whose display changed since the
previous call.

Subscriptions are not destinations: a wildcard pattern (`/topic/shop.>`, `/topic/#`) that a
discovery source reports because someone subscribed with it never becomes a node
(`is_wildcard`); the window lists subscriptions on their own.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from explorer.store.errors import StoreError

SplitFunction = Callable[[str], list[tuple[str, str]]]
"""Maps a destination to its (name, path) chain, top-down; the last path is the destination."""

SPLIT_RULES: Final = ("/", ".", "/.", "none")
SOURCES: Final = frozenset(
    {"seen", "sent", "reply-to", "advisory", "management", "bookmark", "sandbox", "import"}
)
COUNT_NAMES: Final = ("depth", "consumers", "enqueued", "dequeued")
# Whole segments that make a destination a subscription pattern: `*` one level (every broker),
# `>` (ActiveMQ) and `#` (RabbitMQ, Artemis) the rest, `**` (Spring's simple broker).
WILDCARD_SEGMENTS: Final = frozenset({"*", ">", "#", "**"})
_SEGMENTS: Final = re.compile(r"[/.]")


def is_wildcard(destination: str) -> bool:
    """True when a whole segment (between `/` and `.`) is a wildcard: a subscription pattern,
    not a destination anyone can send to."""
    if "*" not in destination and ">" not in destination and "#" not in destination:
        return False
    return any(segment in WILDCARD_SEGMENTS for segment in _SEGMENTS.split(destination))


@dataclass(slots=True)
class SourceInfo:
    """What one source (discovery, our own traffic, ...) says about a destination.

    Counts are None when the source does not know them. `gone` is set by `mark_gone` (the
    broker no longer lists the destination) and cleared by the next `upsert`.
    """

    depth: int | None = None
    consumers: int | None = None
    enqueued: int | None = None
    dequeued: int | None = None
    gone: bool = False


class DestinationNode:
    """One node of the tree. Read its fields; only `DestinationTree` changes them."""

    __slots__ = (
        "_buckets",
        "_epoch",
        "_path_lower",
        "children",
        "is_destination",
        "last_seen",
        "name",
        "parent",
        "path",
        "row",
        "sources",
        "total_in",
        "total_out",
    )

    def __init__(self, name: str, path: str, parent: DestinationNode | None, row: int) -> None:
        self.name = name
        self.path = path
        self.parent = parent
        self.row = row
        """Index in `parent.children` (stable: children are only ever appended)."""
        self.children: list[DestinationNode] = []
        self.is_destination = False
        self.total_in = 0
        """Messages received on this destination and every destination below it."""
        self.total_out = 0
        self.last_seen: float | None = None
        """Wall-clock time of the newest message here or below (None: never)."""
        self.sources: dict[str, SourceInfo] = {}
        self._path_lower = path.lower()
        self._buckets: list[int] | None = None
        self._epoch = 0

    def __repr__(self) -> str:
        return f"DestinationNode({self.path!r}, total={self.total})"

    @property
    def total(self) -> int:
        """Messages in and out, here and below."""
        return self.total_in + self.total_out

    @property
    def gone(self) -> bool:
        """True when every source that listed this node has since marked it gone."""
        return bool(self.sources) and all(info.gone for info in self.sources.values())

    def count(self, name: str) -> int | None:
        """The first known `depth`/`consumers`/... among the sources (None: none knows)."""
        for info in self.sources.values():
            value: int | None = getattr(info, name)
            if value is not None:
                return value
        return None


@dataclass(slots=True)
class TreeChanges:
    """What changed since the last `take_changes()`.

    `new_nodes` are in creation order, so a parent always comes before its children; `dirty`
    holds existing nodes whose counters, rate, last-seen time or sources changed (never the
    root, never a node that is also new). `counted` holds the nodes (new or not, never the
    root) that counted a message since the last call: the ones a view may flash.
    """

    new_nodes: list[DestinationNode] = field(default_factory=list)
    dirty: set[DestinationNode] = field(default_factory=set)
    counted: set[DestinationNode] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.new_nodes or self.dirty)


def split_destination(destination: str, rule: str) -> list[tuple[str, str]]:
    """The (name, path) chain of `destination` under a named split rule."""
    if rule not in SPLIT_RULES:
        raise StoreError(f"unknown split rule {rule!r}: use one of {', '.join(SPLIT_RULES)}")
    if rule == "none" or not destination:
        return [(destination, destination)]
    separators = rule
    chain: list[tuple[str, str]] = []
    start = 0
    previous_is_separator = True  # a leading separator never starts a new node
    for index, char in enumerate(destination):
        is_separator = char in separators
        if is_separator and not previous_is_separator:
            name = _segment_name(destination, start, index, separators)
            chain.append((name, destination[:index]))
            start = index
        previous_is_separator = is_separator
    chain.append((_segment_name(destination, start, len(destination), separators), destination))
    return chain


def _segment_name(destination: str, start: int, end: int, separators: str) -> str:
    raw = destination[start:end]
    return raw.lstrip(separators) or raw


class DestinationTree:
    """All destinations of one connection, with counters aggregated up the hierarchy.

    `clock` (monotonic seconds) drives the rate window and is injectable for tests;
    `rate_window` seconds are covered by `rate_buckets` buckets.
    """

    def __init__(
        self,
        split_rule: str | SplitFunction = "/",
        *,
        clock: Callable[[], float] = time.monotonic,
        rate_window: float = 5.0,
        rate_buckets: int = 5,
    ) -> None:
        if isinstance(split_rule, str):
            if split_rule not in SPLIT_RULES:
                raise StoreError(
                    f"unknown split rule {split_rule!r}: use one of {', '.join(SPLIT_RULES)}"
                )
            rule = split_rule
            self._split: SplitFunction = lambda destination: split_destination(destination, rule)
        else:
            self._split = split_rule
        if rate_window <= 0 or rate_buckets < 1:
            raise StoreError("the rate window and its bucket count must be positive")
        self._clock = clock
        self._window = rate_window
        self._nbuckets = rate_buckets
        self._width = rate_window / rate_buckets
        self.root = DestinationNode("", "", None, 0)
        """The invisible root: its totals and rate are the whole connection's."""
        self._by_path: dict[str, DestinationNode] = {}
        self._nodes: list[DestinationNode] = []
        self._new: list[DestinationNode] = []
        self._new_set: set[DestinationNode] = set()
        self._dirty: set[DestinationNode] = set()
        self._counted: set[DestinationNode] = set()
        self._rate_active: set[DestinationNode] = set()
        self.counts_known: set[str] = set()
        """Count names (depth, consumers, ...) some source reported: columns worth showing."""

    # -- reading ---------------------------------------------------------------------------

    def __len__(self) -> int:
        """Number of nodes, the root excluded."""
        return len(self._nodes)

    def __contains__(self, path: object) -> bool:
        return path in self._by_path

    def node(self, path: str) -> DestinationNode | None:
        """The node with this path (a destination or a folder), or None."""
        return self._by_path.get(path)

    def nodes(self) -> list[DestinationNode]:
        """Every node in creation order (a copy)."""
        return list(self._nodes)

    def folders(self) -> list[DestinationNode]:
        """Nodes that have children, in creation order."""
        return [node for node in self._nodes if node.children]

    def destinations(self) -> list[str]:
        """Paths of nodes that are real destinations, in creation order (for completion)."""
        return [node.path for node in self._nodes if node.is_destination]

    def rate(self, node: DestinationNode) -> float:
        """Messages per second (in and out) here and below over the last `rate_window` s."""
        buckets = node._buckets
        if buckets is None:
            return 0.0
        now_bucket = int(self._clock() / self._width)
        n = self._nbuckets
        first = max(node._epoch - n + 1, now_bucket - n + 1)
        total = 0
        for bucket in range(first, node._epoch + 1):
            total += buckets[bucket % n]
        return total / self._window

    def matching(self, text: str) -> set[DestinationNode]:
        """Nodes to show for a filter: those whose path contains `text` (case-insensitive)
        and their ancestors. Empty text shows every node."""
        needle = text.strip().lower()
        if not needle:
            return set(self._nodes)
        shown: set[DestinationNode] = set()
        root = self.root
        for node in self._nodes:
            if needle in node._path_lower:
                while node is not root and node not in shown:
                    shown.add(node)
                    parent = node.parent
                    assert parent is not None
                    node = parent
        return shown

    # -- recording -------------------------------------------------------------------------

    def record_message(
        self, destination: str, direction: str, timestamp: float | None = None, count: int = 1
    ) -> DestinationNode | None:
        """Count one message received ("in") or sent ("out"), or `count` of them (a batch's
        on one destination: one walk up the tree); None for an empty destination or a
        wildcard pattern (no message is ever sent to one)."""
        if not destination:
            return None
        if direction not in ("in", "out"):
            raise StoreError(f"direction must be 'in' or 'out', not {direction!r}")
        node = self._by_path.get(destination)
        if node is None:  # a pattern is never a node: only a new path needs the check
            if is_wildcard(destination):
                return None
            node = self._create(destination)
        node.is_destination = True
        incoming = direction == "in"
        source = "seen" if incoming else "sent"
        info = node.sources.get(source)
        if info is None:
            node.sources[source] = SourceInfo()
        elif info.gone:
            info.gone = False
        when = time.time() if timestamp is None else timestamp
        bucket = int(self._clock() / self._width)
        n = self._nbuckets
        dirty = self._dirty
        active = self._rate_active
        self._counted.add(node)
        current: DestinationNode | None = node
        while current is not None:
            if incoming:
                current.total_in += count
            else:
                current.total_out += count
            if current.last_seen is None or when > current.last_seen:
                current.last_seen = when
            buckets = current._buckets
            if buckets is None:
                buckets = current._buckets = [0] * n
                current._epoch = bucket
            elif current._epoch != bucket:
                _roll(buckets, current._epoch, bucket)
                current._epoch = bucket
            buckets[bucket % n] += count
            dirty.add(current)
            active.add(current)
            current = current.parent
        return node

    def upsert(self, destination: str, source: str, **counts: int | None) -> DestinationNode | None:
        """Record that `source` lists `destination`, with the counts it knows.

        Only the counts passed are changed (pass None for "unknown"); names are `depth`,
        `consumers`, `enqueued`, `dequeued`. Clears a previous `mark_gone` by this source.
        A wildcard pattern (a subscription a source reports) is ignored: None.
        """
        if source not in SOURCES:
            raise StoreError(f"unknown source {source!r}: use one of {', '.join(sorted(SOURCES))}")
        unknown = set(counts) - set(COUNT_NAMES)
        if unknown:
            raise StoreError(f"unknown count name(s): {', '.join(sorted(unknown))}")
        if not destination:
            raise StoreError("a destination cannot be empty")
        node = self._by_path.get(destination)
        if node is None:
            if is_wildcard(destination):
                return None
            node = self._create(destination)
        node.is_destination = True
        info = node.sources.get(source)
        if info is None:
            info = node.sources[source] = SourceInfo()
        info.gone = False
        for name, value in counts.items():
            setattr(info, name, value)
            if value is not None:
                self.counts_known.add(name)
        self._mark_dirty(node)
        return node

    def mark_gone(self, destination: str, source: str) -> bool:
        """Mark that `source` no longer lists `destination`; False when it never did."""
        node = self._by_path.get(destination)
        if node is None:
            return False
        info = node.sources.get(source)
        if info is None:
            return False
        if not info.gone:
            info.gone = True
            self._mark_dirty(node)
        return True

    # -- batching --------------------------------------------------------------------------

    @property
    def has_changes(self) -> bool:
        """True when `take_changes()` would return something (rates decaying included)."""
        return bool(self._new or self._dirty or self._rate_active or self._counted)

    def take_changes(self) -> TreeChanges:
        """Nodes created and nodes changed since the previous call.

        Nodes with a non-zero rate are reported dirty at every call, because their rate
        decays without new messages; once their window is empty they are reported one last
        time (to show 0) and then dropped from the active set.
        """
        new, new_set, counted = self._new, self._new_set, self._counted
        dirty = self._dirty | self._rate_active
        self._new, self._new_set, self._dirty, self._counted = [], set(), set(), set()
        dirty.discard(self.root)
        dirty -= new_set
        # A node's window is empty once its newest bucket is `rate_buckets` buckets old.
        now_bucket = int(self._clock() / self._width)
        oldest_live = now_bucket - self._nbuckets + 1
        self._rate_active = {node for node in self._rate_active if node._epoch >= oldest_live}
        return TreeChanges(new, dirty, counted)

    # -- internals -------------------------------------------------------------------------

    def _create(self, destination: str) -> DestinationNode:
        parent = self.root
        node = parent
        for name, path in self._split(destination):
            existing = self._by_path.get(path)
            if existing is None:
                node = DestinationNode(name, path, parent, len(parent.children))
                parent.children.append(node)
                self._by_path[path] = node
                self._nodes.append(node)
                self._new.append(node)
                self._new_set.add(node)
            else:
                node = existing
            parent = node
        if node.path != destination:
            raise StoreError(f"the split rule did not end at {destination!r} (got {node.path!r})")
        return node

    def _mark_dirty(self, node: DestinationNode) -> None:
        self._dirty.add(node)


def _roll(buckets: list[int], epoch: int, bucket: int) -> None:
    """Zero the buckets between the last one written (`epoch`) and `bucket`."""
    n = len(buckets)
    steps = bucket - epoch
    if steps >= n or steps < 0:
        for i in range(n):
            buckets[i] = 0
        return
    for b in range(epoch + 1, bucket + 1):
        buckets[b % n] = 0
