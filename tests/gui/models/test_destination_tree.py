"""DestinationTreeModel: batched inserts per parent, dataChanged per parent, filter, roles."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from explorer.store import DestinationTree
from explorer.ui.models import DestinationTreeModel
from explorer.ui.models import destination_tree as tree_module

pytestmark = pytest.mark.gui


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def path_of(index: QModelIndex | QPersistentModelIndex) -> str:
    """The node's path; "" for the invisible root."""
    return str(index.data(DestinationTreeModel.DestinationRole)) if index.isValid() else ""


class Recorder:
    def __init__(self, model: DestinationTreeModel) -> None:
        self.events: list[tuple[Any, ...]] = []
        model.rowsInserted.connect(
            lambda parent, a, b: self.events.append(("insert", path_of(parent), a, b))
        )
        model.dataChanged.connect(
            lambda top, bottom, _roles: self.events.append(
                ("changed", path_of(top.parent()), top.row(), bottom.row(), bottom.column())
            )
        )
        model.modelReset.connect(lambda: self.events.append(("reset",)))


def visible_paths(model: DestinationTreeModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    paths: list[str] = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        paths.append(path_of(index))
        paths.extend(visible_paths(model, index))
    return paths


def make_model(rule: str = "/") -> tuple[DestinationTreeModel, FakeClock]:
    clock = FakeClock()
    return DestinationTreeModel(DestinationTree(rule, clock=clock)), clock


def test_model_tester_through_growth_updates_filter_and_reset(
    qtmodeltester: ModelTester,
) -> None:
    model, _ = make_model("/.")
    qtmodeltester.check(model)
    for destination in ("/queue/a.b", "/queue/a.c", "/topic/x"):
        model.record_message(destination, "in", 1.0)
    model.flush()
    qtmodeltester.check(model)
    model.record_message("/queue/a.d", "out", 2.0)
    model.upsert("/queue/z", "advisory", consumers=1)
    model.flush()
    qtmodeltester.check(model)
    model.set_filter("a.c")
    qtmodeltester.check(model)
    model.record_message("/queue/a.cc", "in", 3.0)
    model.flush()
    model.set_filter("")
    qtmodeltester.check(model)


def test_nodes_appear_only_after_a_flush_with_one_insert_per_parent(qtbot: QtBot) -> None:
    model, _ = make_model()
    recorder = Recorder(model)
    model.record_message("/queue/a", "in", 1.0)
    model.record_message("/queue/b", "in", 1.0)
    model.record_message("/topic/t", "in", 1.0)
    assert model.rowCount() == 0
    with qtbot.waitSignals([model.rowsAboutToBeInserted, model.rowsInserted], order="strict"):
        model.flush()
    assert [e for e in recorder.events if e[0] == "insert"] == [
        ("insert", "", 0, 1),  # /queue and /topic under the root
        ("insert", "/queue", 0, 1),  # a and b under /queue, together
        ("insert", "/topic", 0, 0),
    ]
    assert visible_paths(model) == ["/queue", "/queue/a", "/queue/b", "/topic", "/topic/t"]


def test_insertion_under_an_existing_parent_and_counts_propagate() -> None:
    model, _ = make_model()
    model.record_message("/queue/a", "in", 1.0)
    model.flush()
    recorder = Recorder(model)
    model.record_message("/queue/b", "in", 5.0)
    model.flush()
    inserts = [e for e in recorder.events if e[0] == "insert"]
    assert inserts == [("insert", "/queue", 1, 1)]
    changed = [e for e in recorder.events if e[0] == "changed"]
    # /queue (its total and last-seen changed) and /queue/a (its rate is still decaying).
    assert ("changed", "", 0, 0, 5) in changed
    assert ("changed", "/queue", 0, 0, 5) in changed
    queue = model.index(0, DestinationTreeModel.NAME)
    assert queue.data(DestinationTreeModel.InCountRole) == 2
    del recorder.events[:]
    model.record_message("/queue/a", "in", 6.0)
    model.record_message("/queue/b", "in", 6.0)
    model.flush()
    # One dataChanged per parent, spanning the changed rows and every column.
    assert sorted(recorder.events) == [("changed", "", 0, 0, 5), ("changed", "/queue", 0, 1, 5)]
    assert queue.data(DestinationTreeModel.InCountRole) == 4


def test_rates_decay_and_the_timer_stops_when_quiet(qtbot: QtBot) -> None:
    clock = FakeClock()
    model = DestinationTreeModel(DestinationTree(clock=clock), interval_ms=10)
    for _ in range(10):
        model.record_message("/queue/a", "in", 1.0)
    with qtbot.waitSignal(model.flushed, timeout=5000):
        pass
    leaf = model.index(0, 0, model.index(0, 0))
    assert leaf.siblingAtColumn(DestinationTreeModel.RATE).data() == "2.0"
    clock.now += 60
    with qtbot.waitSignal(model.dataChanged, timeout=5000):
        pass
    assert leaf.siblingAtColumn(DestinationTreeModel.RATE).data() == ""
    qtbot.waitUntil(lambda: not model._timer.isActive(), timeout=5000)


def test_display_and_custom_roles() -> None:
    model, _ = make_model("/.")
    model.record_message("/queue/orders.eu", "in", 1_700_000_000.0)
    model.record_message("/queue/orders.eu", "out", 1_700_000_001.0)
    model.upsert("/queue/orders.eu", "management", depth=3, consumers=None)
    model.upsert("/queue/gone", "advisory")
    model.mark_gone("/queue/gone", "advisory")
    model.flush()
    queue = model.index(0, 0)
    orders = model.index(0, 0, queue)
    leaf = model.index(0, 0, orders)
    columns = DestinationTreeModel
    assert [
        leaf.siblingAtColumn(c).data()
        for c in (columns.NAME, columns.RATE, columns.DEPTH, columns.CONSUMERS, columns.SOURCES)
    ] == ["eu", "0.4", "3", "", "management API, received, sent"]
    assert len(leaf.siblingAtColumn(columns.LAST_SEEN).data()) == 8
    assert orders.data() == "orders"
    assert orders.data(DestinationTreeModel.IsDestinationRole) is False
    assert leaf.data(DestinationTreeModel.IsDestinationRole) is True
    assert leaf.data(DestinationTreeModel.DestinationRole) == "/queue/orders.eu"
    sources = leaf.data(DestinationTreeModel.SourcesRole)
    assert sources["management"] == {
        "depth": 3,
        "consumers": None,
        "enqueued": None,
        "dequeued": None,
        "gone": False,
    }
    node = leaf.data(DestinationTreeModel.NodeRole)
    assert node is model.tree.node("/queue/orders.eu") and node is not None
    assert model.node_at(leaf) is node
    assert model.node_at(QModelIndex()) is None
    tooltip = leaf.data(Qt.ItemDataRole.ToolTipRole)
    assert "/queue/orders.eu" in tooltip and "in: 1, out: 1" in tooltip and "depth=3" in tooltip
    gone = model.index_of("/queue/gone")
    assert gone.data(Qt.ItemDataRole.FontRole).strikeOut()
    assert "ActiveMQ advisories (gone)" in gone.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index_of("/nope") == QModelIndex()
    assert model.index_of(node, 2).column() == 2
    assert model.headerData(columns.RATE, Qt.Orientation.Horizontal) == "Rate (/s)"
    assert model.parent(queue) == QModelIndex()
    assert model.parent(leaf) == orders


def test_filter_shows_matches_with_ancestors_and_follows_new_nodes() -> None:
    model, _ = make_model("/.")
    for destination in ("/queue/orders.eu", "/queue/orders.us", "/queue/stock", "/topic/news"):
        model.record_message(destination, "in", 1.0)
    model.flush()
    model.set_filter("ORDERS.E")
    assert visible_paths(model) == ["/queue", "/queue/orders", "/queue/orders.eu"]
    recorder = Recorder(model)
    model.record_message("/topic/orders.eu.extra", "in", 2.0)  # matches: brings its ancestors
    model.record_message("/topic/other", "in", 2.0)  # does not match: stays hidden
    model.flush()
    inserts = [e for e in recorder.events if e[0] == "insert"]
    assert inserts == [
        ("insert", "", 1, 1),
        ("insert", "/topic", 0, 0),
        ("insert", "/topic/orders", 0, 0),
        ("insert", "/topic/orders.eu", 0, 0),
    ]
    assert "/topic/orders.eu.extra" in visible_paths(model)
    assert "/topic/other" not in visible_paths(model)
    assert model.filter_text == "orders.e"
    model.set_filter("")
    assert len(visible_paths(model)) == len(model.tree)


def test_a_large_batch_resets_instead_of_inserting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tree_module, "RESET_THRESHOLD", 5)
    model, _ = make_model()
    recorder = Recorder(model)
    for i in range(10):
        model.record_message(f"/queue/q{i}", "in", 1.0)
    model.flush()
    assert recorder.events == [("reset",)]
    assert len(visible_paths(model)) == 11


def test_a_tree_with_nodes_before_the_model_is_shown_at_once() -> None:
    tree = DestinationTree()
    tree.record_message("/queue/a", "in", 1.0)
    model = DestinationTreeModel(tree)
    assert visible_paths(model) == ["/queue", "/queue/a"]


def test_visible_count_follows_the_filter() -> None:
    model, _ = make_model()
    for destination in ("/queue/a", "/queue/b", "/topic/c"):
        model.record_message(destination, "in", 1.0)
    model.flush()
    assert model.visible_count == 5
    model.set_filter("/queue/a")
    assert model.visible_count == 2


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ops=st.lists(
        st.one_of(
            st.tuples(st.just("record"), st.text(alphabet="ab/.", min_size=1, max_size=7)),
            st.tuples(st.just("flush"), st.just("")),
            st.tuples(st.just("filter"), st.sampled_from(["", "a", "b/", ".a"])),
        ),
        max_size=30,
    )
)
def test_random_operations_keep_the_tree_model_consistent(ops: list[tuple[str, str]]) -> None:
    model = DestinationTreeModel(DestinationTree("/.", clock=lambda: 1000.0))
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    for op, arg in ops:
        if op == "record":
            model.record_message(arg, "in", 1.0)
        elif op == "flush":
            model.flush()
        else:
            model.set_filter(arg)
    model.flush()
    shown = set(visible_paths(model))
    expected = {node.path for node in model.tree.matching(model.filter_text)}
    assert shown == expected
    # Every visible node's counts are the tree's (dataChanged kept nothing stale to read).
    for path in shown:
        node = model.tree.node(path)
        assert node is not None
        index = model.index_of(node)
        assert index.data(DestinationTreeModel.InCountRole) == node.total_in
    del tester


def test_in_and_out_are_separate_counts_never_their_sum() -> None:
    """Issue 12, defect 12: 1,000 sent and received read as 1,000 in and 1,000 out."""
    model, _ = make_model("/.")
    for n in range(1000):
        model.record_message("/queue/orders", "out", float(n))
        model.record_message("/queue/orders", "in", float(n))
    model.flush()
    index = model.index_of("/queue/orders")
    assert index.data(DestinationTreeModel.InCountRole) == 1000
    assert index.data(DestinationTreeModel.OutCountRole) == 1000
    assert "2,000" not in " ".join(
        str(index.siblingAtColumn(c).data()) for c in range(model.columnCount())
    )
    folder = model.index_of("/queue")
    assert (
        folder.data(DestinationTreeModel.InCountRole),
        folder.data(DestinationTreeModel.OutCountRole),
    ) == (1000, 1000)


def test_a_node_that_gets_a_message_flashes_with_its_folders_then_fades() -> None:
    model, _ = make_model("/.")
    now = [50.0]
    model.clock = lambda: now[0]
    model.upsert("/queue/quiet", "advisory")
    model.record_message("/queue/busy", "in", 1.0)
    model.flush()
    busy, folder, quiet = (model.index_of(p) for p in ("/queue/busy", "/queue", "/queue/quiet"))
    assert busy.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert folder.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert quiet.data(Qt.ItemDataRole.BackgroundRole) is None
    strong = busy.data(Qt.ItemDataRole.BackgroundRole).alpha()
    now[0] += tree_module.FLASH_SECONDS / 2
    assert 0 < busy.data(Qt.ItemDataRole.BackgroundRole).alpha() < strong
    now[0] += tree_module.FLASH_SECONDS
    assert busy.data(Qt.ItemDataRole.BackgroundRole) is None
