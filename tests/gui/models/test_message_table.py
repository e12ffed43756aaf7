"""MessageTableModel: batched publishing, evictions, resets, pause/resume, filters."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from explorer.store import LogEntry, MessageLog
from explorer.ui.models import MessageTableModel

pytestmark = pytest.mark.gui


def make(body: bytes = b"hello", destination: str = "/queue/a", **headers: str) -> LogEntry:
    pairs = (("destination", destination), ("content-type", "text/plain"), *headers.items())
    return LogEntry("in", "MESSAGE", pairs, body, timestamp=1_700_000_000.5)


class Recorder:
    """Collects the structural signals a model emits, in order."""

    def __init__(self, model: MessageTableModel) -> None:
        self.events: list[tuple[Any, ...]] = []
        model.rowsInserted.connect(lambda _p, a, b: self.events.append(("insert", a, b)))
        model.rowsRemoved.connect(lambda _p, a, b: self.events.append(("remove", a, b)))
        model.modelReset.connect(lambda: self.events.append(("reset",)))
        model.flushed.connect(lambda n, e: self.events.append(("flushed", n, e)))


def bodies(model: MessageTableModel) -> list[bytes]:
    return [model.entry_at(row).body for row in range(model.rowCount())]


def test_model_tester_passes_through_inserts_evictions_and_resets(
    qtmodeltester: ModelTester,
) -> None:
    model = MessageTableModel(MessageLog(max_count=10))
    qtmodeltester.check(model)
    for i in range(4):
        model.append(make(f"m{i}".encode()))
    model.flush()
    qtmodeltester.check(model)
    for i in range(8):
        model.append(make(f"n{i}".encode()))
    model.flush()  # evicts 2
    qtmodeltester.check(model)
    for i in range(30):
        model.append(make(f"r{i}".encode()))
    model.flush()  # reset
    qtmodeltester.check(model)
    assert model.set_filter(text="r2") is None
    qtmodeltester.check(model)


def test_appends_are_published_in_one_insertion_per_flush(qtbot: QtBot) -> None:
    model = MessageTableModel()
    recorder = Recorder(model)
    for i in range(100):
        model.append(make(f"m{i}".encode()))
    assert model.rowCount() == 0  # nothing visible before the flush
    assert model.pending_count == 100
    with qtbot.waitSignals([model.rowsAboutToBeInserted, model.rowsInserted], order="strict"):
        model.flush()
    assert recorder.events == [("insert", 0, 99), ("flushed", 100, 0)]
    for i in range(3):
        model.append(make(f"x{i}".encode()))
    model.flush()
    assert recorder.events[2:] == [("insert", 100, 102), ("flushed", 3, 0)]
    assert model.rowCount() == 103
    model.flush()  # nothing pending: nothing emitted
    assert len(recorder.events) == 4


def test_the_timer_publishes_by_itself(qtbot: QtBot) -> None:
    model = MessageTableModel(interval_ms=10)
    model.append(make())
    model.append(make())
    with qtbot.waitSignal(model.flushed, timeout=5000) as blocker:
        pass
    assert blocker.args == [2, 0]
    assert model.rowCount() == 2


def test_evictions_are_one_removal_range_at_the_top() -> None:
    model = MessageTableModel(MessageLog(max_count=5))
    recorder = Recorder(model)
    for i in range(4):
        model.append(make(f"a{i}".encode()))
    model.flush()
    for i in range(3):
        model.append(make(f"b{i}".encode()))
    model.flush()
    assert recorder.events[2:] == [("remove", 0, 1), ("insert", 2, 4), ("flushed", 3, 2)]
    assert bodies(model) == [b"a2", b"a3", b"b0", b"b1", b"b2"]
    assert model.evicted_total == 2


def test_evictions_by_bytes() -> None:
    model = MessageTableModel(MessageLog(max_count=100, max_bytes=10))
    recorder = Recorder(model)
    model.append(make(b"aaaa"))
    model.append(make(b"bbbb"))
    model.flush()
    model.append(make(b"cccc"))
    model.flush()
    assert recorder.events[2:] == [("remove", 0, 0), ("insert", 1, 1), ("flushed", 1, 1)]
    assert bodies(model) == [b"bbbb", b"cccc"]


def test_a_batch_at_least_the_capacity_resets_the_model() -> None:
    model = MessageTableModel(MessageLog(max_count=5))
    recorder = Recorder(model)
    model.append(make(b"old"))
    model.flush()
    for i in range(8):
        model.append(make(f"n{i}".encode()))
    model.flush()
    assert recorder.events[2:] == [("reset",), ("flushed", 5, 4)]
    assert bodies(model) == [b"n3", b"n4", b"n5", b"n6", b"n7"]
    assert model.evicted_total == 4


def test_pause_keeps_ingesting_and_resume_publishes() -> None:
    model = MessageTableModel()
    recorder = Recorder(model)
    states: list[bool] = []
    model.paused_changed.connect(states.append)
    model.pause()
    assert model.paused
    for i in range(3):
        model.append(make(f"m{i}".encode()))
    model.flush()  # paused: nothing is published
    assert model.rowCount() == 0
    assert model.pending_count == 3
    model.resume()
    assert recorder.events == [("insert", 0, 2), ("flushed", 3, 0)]
    assert states == [True, False]
    model.set_paused(True)
    model.set_paused(False)
    assert states == [True, False, True, False]


def test_display_tooltip_alignment_and_entry_roles() -> None:
    model = MessageTableModel()
    entry = model.append(make("안녕\n세상".encode(), priority="9"))
    model.append(LogEntry("in", "ERROR", (("message", "bad"),), b"\x00\x01", timestamp=0.0))
    model.flush()
    row = [model.index(0, column).data() for column in range(6)]
    assert row[0].endswith(".500") and len(row[0]) == 12
    assert row[1:] == ["", "/queue/a", "13 B", "text/plain", "안녕 세상"]  # an arrow, no word
    assert model.index(1, MessageTableModel.DIRECTION).data() == "ERROR"
    assert (
        not model.index(0, MessageTableModel.DIRECTION)
        .data(Qt.ItemDataRole.DecorationRole)
        .isNull()
    )
    assert model.index(0, MessageTableModel.DIRECTION).data(Qt.ItemDataRole.ToolTipRole) == (
        "Received"
    )
    assert model.index(1, MessageTableModel.PREVIEW).data() == "⟨binary 2 B⟩"
    assert model.index(0, 3).data(MessageTableModel.EntryRole) == entry
    assert model.index(0, 0).data(MessageTableModel.SeqRole) == entry.seq
    tooltip = model.index(0, 5).data(Qt.ItemDataRole.ToolTipRole)
    assert "priority:9" in tooltip and "안녕\n세상" in tooltip
    alignment = model.index(0, MessageTableModel.SIZE).data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & int(Qt.AlignmentFlag.AlignRight)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Time"
    assert model.headerData(5, Qt.Orientation.Horizontal) == "Preview"
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


def test_filter_shows_matching_rows_and_follows_new_batches_and_evictions() -> None:
    model = MessageTableModel(MessageLog(max_count=6))
    recorder = Recorder(model)
    for i in range(4):
        model.append(make(f"m{i}".encode(), "/queue/a" if i % 2 else "/queue/b"))
    model.flush()
    assert model.set_filter(destination="/queue/a") is None
    assert bodies(model) == [b"m1", b"m3"]
    del recorder.events[:]
    for i in range(4, 8):  # evicts m0, m1 from the log
        model.append(make(f"m{i}".encode(), "/queue/a" if i % 2 else "/queue/b"))
    model.flush()
    assert recorder.events == [("remove", 0, 0), ("insert", 1, 2), ("flushed", 2, 2)]
    assert bodies(model) == [b"m3", b"m5", b"m7"]
    assert model.row_of_seq(model.entry_at(1).seq) == 1
    assert model.set_filter() is None  # cleared: everything again
    assert model.rowCount() == 6
    assert model.message_filter.is_empty


def test_filter_by_text_regex_and_header_and_prefix() -> None:
    model = MessageTableModel()
    model.append(make(b"an order", "/queue/orders/eu", type="order"))
    model.append(make("안녕".encode(), "/queue/greetings"))
    model.append(make(b'{"id": 7}', "/topic/x"))
    model.flush()
    assert model.set_filter(text="ORDER") is None
    assert bodies(model) == [b"an order"]
    assert model.set_filter(text="안녕") is None
    assert bodies(model) == ["안녕".encode()]
    assert model.set_filter(regex=r'"id":\s*7') is None
    assert bodies(model) == [b'{"id": 7}']
    assert model.set_filter(header="type=order") is None
    assert bodies(model) == [b"an order"]
    assert model.set_filter(destination="/queue/", destination_prefix=True) is None
    assert model.rowCount() == 2


def test_invalid_regex_returns_a_message_and_keeps_the_previous_filter() -> None:
    model = MessageTableModel()
    model.append(make(b"x", "/queue/a"))
    model.append(make(b"y", "/queue/b"))
    model.flush()
    assert model.set_filter(destination="/queue/a") is None
    error = model.set_filter(regex="(")
    assert error is not None and error.startswith("Invalid regular expression")
    assert bodies(model) == [b"x"]


def test_a_reset_while_filtered_refilters() -> None:
    model = MessageTableModel(MessageLog(max_count=3))
    assert model.set_filter(text="keep") is None
    for body in (b"keep 1", b"drop", b"keep 2", b"keep 3", b"drop"):
        model.append(make(body))
    model.flush()
    assert bodies(model) == [b"keep 2", b"keep 3"]


def test_clear_and_set_limits() -> None:
    model = MessageTableModel()
    recorder = Recorder(model)
    for i in range(5):
        model.append(make(f"m{i}".encode()))
    model.flush()
    model.set_limits(2, 1000)
    assert bodies(model) == [b"m3", b"m4"]
    assert model.evicted_total == 3
    model.append(make(b"pending"))
    model.clear()
    assert model.rowCount() == 0 and model.pending_count == 0
    assert recorder.events[-2:] == [("reset",), ("reset",)]


def test_export_selected_or_all_rows() -> None:
    model = MessageTableModel()
    for i in range(3):
        model.append(make(f"m{i}".encode()))
    model.flush()
    out = io.StringIO()
    assert model.export_jsonl(out, rows=[2, 0]) == 2
    assert [json.loads(line)["body"] for line in out.getvalue().splitlines()] == ["m0", "m2"]
    out = io.StringIO()
    assert model.export_jsonl(out) == 3


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ops=st.lists(
        st.one_of(
            st.tuples(
                st.just("add"),
                st.lists(st.sampled_from(["/queue/a", "/queue/b"]), min_size=1, max_size=9),
            ),
            st.tuples(st.just("flush"), st.just([])),
            st.tuples(st.just("filter"), st.sampled_from(["", "/queue/a"])),
            st.tuples(st.just("pause"), st.booleans()),
        ),
        max_size=25,
    ),
    max_count=st.integers(1, 8),
)
def test_random_operations_keep_the_model_consistent(
    ops: list[tuple[str, Any]], max_count: int
) -> None:
    model = MessageTableModel(MessageLog(max_count=max_count))
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    for op, arg in ops:
        if op == "add":
            for destination in arg:
                model.append(make(b"x", destination))
        elif op == "flush":
            model.flush()
        elif op == "filter":
            assert model.set_filter(destination=arg) is None
        else:
            model.set_paused(arg)
        shown = [model.entry_at(row).seq for row in range(model.rowCount())]
        spec = model.message_filter
        expected = [e.seq for e in model.log if spec.is_empty or e.destination == spec.destination]
        assert shown == expected
    del tester


def test_sizes_fit_a_narrow_column() -> None:
    from explorer.ui.models.message_table import size_text

    assert size_text(13) == "13 B"
    assert size_text(12_400) == "12.1 KiB"
    assert size_text(8_208_000) == "7.8 MiB"
