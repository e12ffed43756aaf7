"""A new log filter scans the log in slices (newest first) instead of freezing the window."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from explorer.store import LogEntry, MessageLog, filtered
from explorer.ui.models import MessageTableModel

pytestmark = pytest.mark.gui


def make(n: int, destination: str = "/queue/a", direction: str = "in") -> LogEntry:
    return LogEntry(
        direction,
        "MESSAGE" if direction == "in" else "SEND",
        (("destination", destination),),
        f'{{"n": {n}}}'.encode(),
        timestamp=1_700_000_000.0 + n,
    )


def numbers(model: MessageTableModel) -> list[int]:
    return [int(model.entry_at(row).body[6:-1]) for row in range(model.rowCount())]


@pytest.fixture
def sliced(monkeypatch: pytest.MonkeyPatch) -> None:
    """Slices of 3 rows, one per call: a small log behaves like a million-row one."""
    monkeypatch.setattr(filtered, "SCAN_CHUNK", 3)


def filled(count: int, max_count: int = 1000) -> MessageTableModel:
    model = MessageTableModel(MessageLog(max_count=max_count))
    model.scan_budget = -1.0  # the deadline has passed after the first chunk
    for n in range(count):
        model.append(make(n, "/queue/a" if n % 2 else "/queue/b"))
    model.flush()
    return model


def test_a_filter_shows_the_newest_matches_first_and_completes_slice_by_slice(
    sliced: None, qtbot: QtBot
) -> None:
    model = filled(20)
    progress: list[float] = []
    model.filter_progress.connect(progress.append)
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    assert model.set_filter(destination="/queue/a") is None
    assert model.is_filtering
    assert numbers(model) == [17, 19]  # one slice: the newest three rows
    while model.is_filtering:
        model.continue_filter()
    assert numbers(model) == list(range(1, 20, 2))
    assert all(first == 0 for first, _last in inserted)  # older matches go on top
    assert progress[-1] == 1.0 and progress == sorted(progress)


def test_the_scan_runs_on_its_own_timer(sliced: None, qtbot: QtBot) -> None:
    model = filled(30)
    assert model.set_filter(destination="/queue/b") is None
    assert model.is_filtering
    qtbot.waitUntil(lambda: not model.is_filtering)
    assert numbers(model) == list(range(0, 30, 2))


def test_new_messages_and_evictions_during_a_scan_keep_the_order(
    sliced: None, qtbot: QtBot
) -> None:
    model = filled(12, max_count=12)
    assert model.set_filter(destination="/queue/a") is None
    model.continue_filter()
    for n in range(12, 16):  # evicts rows 0..3, which the scan has not reached
        model.append(make(n, "/queue/a" if n % 2 else "/queue/b"))
    model.flush()
    model.finish_filter()
    assert not model.is_filtering
    assert numbers(model) == [5, 7, 9, 11, 13, 15]


def test_direction_and_json_field_filters() -> None:
    model = MessageTableModel()
    for n in range(6):
        model.append(make(n, direction="out" if n < 2 else "in"))
    model.flush()
    assert model.set_filter(direction="out") is None
    assert numbers(model) == [0, 1]
    assert model.set_filter(expression="$.n >= 4") is None
    assert numbers(model) == [4, 5]
    assert model.set_filter(direction="in", expression="$.n < 3") is None
    assert numbers(model) == [2]


def test_a_bad_expression_is_a_structured_error_and_keeps_the_filter() -> None:
    model = MessageTableModel()
    for n in range(3):
        model.append(make(n))
    model.flush()
    assert model.set_filter(expression="$.n == 1") is None
    error = model.try_filter(model.message_filter.__class__(expression="$.n =="))
    assert error is not None and error.field == "expression" and error.position is not None
    assert numbers(model) == [1]


def test_export_snapshot_of_an_unfinished_filter_carries_the_predicate(sliced: None) -> None:
    model = filled(10)
    assert model.set_filter(destination="/queue/a") is None
    assert model.is_filtering
    rows, predicate = model.export_snapshot(filtered=True)
    assert len(rows) == 10 and predicate is not None
    assert sum(1 for data in rows if predicate(LogEntry.from_packed(data))) == 5
    model.finish_filter()
    rows, predicate = model.export_snapshot(filtered=True)
    assert len(rows) == 5 and predicate is None
    rows, predicate = model.export_snapshot(filtered=False)
    assert len(rows) == 10 and predicate is None


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
            st.tuples(st.just("scan"), st.just([])),
            st.tuples(st.just("clear"), st.just([])),
        ),
        max_size=30,
    ),
    max_count=st.integers(1, 10),
)
def test_random_operations_with_scans_end_where_a_full_filter_would(
    ops: list[tuple[str, Any]], max_count: int
) -> None:
    model = MessageTableModel(MessageLog(max_count=max_count))
    model.scan_budget = -1.0
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    n = 0
    for op, arg in ops:
        if op == "add":
            for destination in arg:
                model.append(make(n, destination))
                n += 1
        elif op == "flush":
            model.flush()
        elif op == "filter":
            assert model.set_filter(destination=arg) is None
        elif op == "scan":
            model.continue_filter()
        else:
            model.clear()
        shown = [model.entry_at(row).seq for row in range(model.rowCount())]
        assert shown == sorted(shown)
        spec = model.message_filter
        expected = [e.seq for e in model.log if spec.is_empty or e.destination == spec.destination]
        assert set(shown) <= set(expected)
        model.finish_filter()
        shown = [model.entry_at(row).seq for row in range(model.rowCount())]
        assert shown == expected
    del tester


def test_a_filter_set_while_entries_wait_to_be_published_shows_each_once() -> None:
    # Found by the random test above: the scan of a filter set while the log was empty but
    # entries were pending also covered those entries, which the publish then added again.
    model = MessageTableModel(MessageLog(max_count=2))
    model.append(make(0, "/queue/a"))
    assert model.log.first_seq == 1  # the next row to come, not the next number to give
    assert model.set_filter(destination="/queue/a") is None
    model.flush()
    model.finish_filter()
    assert [model.entry_at(row).seq for row in range(model.rowCount())] == [1]
