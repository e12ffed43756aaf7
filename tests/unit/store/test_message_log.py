"""MessageLog: ring index mapping, caps by count and bytes, sequence numbers, publish plans."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.store import LogEntry, MessageLog, PublishPlan, StoreError


def make(body: bytes = b"x", destination: str = "/queue/a") -> LogEntry:
    return LogEntry("in", "MESSAGE", (("destination", destination),), body, timestamp=1.0)


def publish(log: MessageLog) -> PublishPlan | None:
    """Apply a publish the way the Qt model does."""
    plan = log.prepare_publish()
    if plan is None:
        return None
    if plan.reset:
        log.apply_reset(plan)
    else:
        log.drop_oldest(plan.evict)
        log.extend(plan.entries)
    return plan


def seqs(log: MessageLog) -> list[int]:
    return [log.entry(row).seq for row in range(len(log))]


def test_append_assigns_increasing_seqs_and_keeps_entries_pending() -> None:
    log = MessageLog()
    entries = [log.append(make()) for _ in range(3)]
    assert [e.seq for e in entries] == [1, 2, 3]
    assert len(log) == 0
    assert log.pending_count == 3
    plan = publish(log)
    assert plan is not None and plan.evict == 0 and not plan.reset
    assert seqs(log) == [1, 2, 3]
    assert log.pending_count == 0
    assert log.prepare_publish() is None


def test_an_entry_cannot_be_appended_twice() -> None:
    log = MessageLog()
    entry = log.append(make())
    with pytest.raises(StoreError):
        log.append(entry)


def test_eviction_by_count_drops_the_oldest_and_counts_them() -> None:
    log = MessageLog(max_count=5)
    for _ in range(4):
        log.append(make())
    publish(log)
    for _ in range(3):
        log.append(make())
    plan = publish(log)
    assert plan is not None and plan.evict == 2 and not plan.reset
    assert seqs(log) == [3, 4, 5, 6, 7]
    assert log.evicted_total == 2
    assert log.first_seq == 3


def test_ring_wraps_many_times_and_stays_in_order() -> None:
    log = MessageLog(max_count=7)
    for batch in range(50):
        for _ in range(batch % 4 + 1):
            log.append(make())
        publish(log)
    expected = list(range(log.first_seq, log.first_seq + 7))
    assert seqs(log) == expected
    assert [e.seq for e in log] == expected
    assert log.evicted_total == expected[0] - 1


def test_eviction_by_bytes() -> None:
    log = MessageLog(max_count=100, max_bytes=10)
    for body in (b"aaaa", b"bbbb"):
        log.append(make(body))
    publish(log)
    assert log.total_bytes == 8
    log.append(make(b"ccc"))
    plan = publish(log)
    assert plan is not None and plan.evict == 1
    assert [e.body for e in log] == [b"bbbb", b"ccc"]
    assert log.total_bytes == 7
    assert log.evicted_total == 1


def test_a_batch_larger_than_the_caps_resets_and_keeps_the_newest() -> None:
    log = MessageLog(max_count=3)
    log.append(make())
    publish(log)
    for _ in range(5):
        log.append(make())
    plan = publish(log)
    assert plan is not None and plan.reset and plan.dropped == 2 and plan.evict == 1
    assert seqs(log) == [4, 5, 6]
    assert log.evicted_total == 3


def test_a_batch_exactly_the_capacity_resets() -> None:
    log = MessageLog(max_count=3)
    for _ in range(3):
        log.append(make())
    plan = publish(log)
    assert plan is not None and plan.reset and plan.dropped == 0
    assert seqs(log) == [1, 2, 3]


def test_the_newest_entry_is_kept_even_when_larger_than_max_bytes() -> None:
    log = MessageLog(max_bytes=4)
    log.append(make(b"12"))
    publish(log)
    log.append(make(b"0123456789"))
    publish(log)
    assert [e.body for e in log] == [b"0123456789"]
    assert log.evicted_total == 1


def test_pending_is_bounded_while_nothing_publishes() -> None:
    log = MessageLog(max_count=10)
    for _ in range(21):
        log.append(make())
    assert log.pending_count == 10
    assert log.evicted_total == 11
    publish(log)
    assert seqs(log) == list(range(12, 22))


def test_row_of_and_by_seq_with_gaps() -> None:
    log = MessageLog(max_count=3)
    for _ in range(5):
        log.append(make())
    publish(log)  # seqs 3..5 kept; 1, 2 never shown
    log.append(make())
    publish(log)  # 4, 5, 6
    assert log.row_of(4) == 0
    assert log.row_of(6) == 2
    assert log.row_of(3) is None
    assert log.row_of(99) is None
    entry = log.by_seq(5)
    assert entry is not None and entry.seq == 5
    assert log.by_seq(1) is None
    assert MessageLog().row_of(1) is None


def test_entry_out_of_range() -> None:
    log = MessageLog()
    with pytest.raises(IndexError):
        log.entry(0)
    log.append(make())
    publish(log)
    with pytest.raises(IndexError):
        log.entry(1)
    with pytest.raises(IndexError):
        log.entry(-1)


def test_clear_forgets_rows_and_pending_but_keeps_numbering() -> None:
    log = MessageLog()
    log.append(make())
    publish(log)
    log.append(make())
    log.clear()
    assert len(log) == 0 and log.pending_count == 0 and log.total_bytes == 0
    assert log.append(make()).seq == 3
    assert log.evicted_total == 0


def test_set_limits_evicts_what_no_longer_fits() -> None:
    log = MessageLog(max_count=10)
    for _ in range(8):
        log.append(make(b"12345"))
    publish(log)
    assert log.set_limits(5, 1000) == 3
    assert seqs(log) == [4, 5, 6, 7, 8]
    assert log.set_limits(100, 10) == 3
    assert seqs(log) == [7, 8]
    for _ in range(3):
        log.append(make(b"1"))
    publish(log)
    assert seqs(log) == [8, 9, 10, 11]


def test_limits_are_validated() -> None:
    with pytest.raises(StoreError, match="at least one"):
        MessageLog(max_count=0)
    with pytest.raises(StoreError, match="max_bytes"):
        MessageLog(max_bytes=0)


def test_drop_and_extend_refuse_impossible_changes() -> None:
    log = MessageLog(max_count=2)
    with pytest.raises(StoreError):
        log.drop_oldest(1)
    log.append(make())
    log.append(make())
    plan = log.prepare_publish()
    assert plan is not None
    log.extend(plan.entries[:1])
    with pytest.raises(StoreError, match="do not fit"):
        log.extend([make(), make()])


def test_overflow_if_added_counts_without_changing_anything() -> None:
    log = MessageLog(max_count=4)
    for _ in range(4):
        log.append(make())
    publish(log)
    assert log.overflow_if_added([make(), make()]) == 2
    assert len(log) == 4


def test_matching_and_export() -> None:
    log = MessageLog()
    log.append(make(b"one", "/queue/a"))
    log.append(make(b"two", "/queue/b"))
    publish(log)
    assert [e.body for e in log.matching(lambda e: e.destination == "/queue/b")] == [b"two"]
    out = io.StringIO()
    assert log.export_jsonl(out) == 2
    assert [json.loads(line)["body"] for line in out.getvalue().splitlines()] == ["one", "two"]
    out = io.StringIO()
    assert log.export_jsonl(out, rows=[1]) == 1
    assert json.loads(out.getvalue())["destination"] == "/queue/b"


# -- property: the ring behaves like a plain list with the same caps ---------------------------

operations = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.lists(st.integers(0, 40), min_size=1, max_size=12)),
        st.tuples(st.just("publish"), st.just([])),
        st.tuples(st.just("clear"), st.just([])),
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(ops=operations, max_count=st.integers(1, 9), max_bytes=st.integers(1, 120))
def test_ring_matches_a_reference_list(
    ops: list[tuple[str, list[int]]], max_count: int, max_bytes: int
) -> None:
    log = MessageLog(max_count=max_count, max_bytes=max_bytes)
    shown: list[LogEntry] = []
    pending: list[LogEntry] = []
    for op, sizes in ops:
        if op == "add":
            for size in sizes:
                pending.append(log.append(make(b"z" * size)))
        elif op == "publish":
            publish(log)
            shown.extend(pending)
            pending.clear()
            # Reference semantics: keep the newest entries within both caps (at least one).
            kept: list[LogEntry] = []
            total = 0
            for entry in reversed(shown):
                if len(kept) == max_count:
                    break
                if kept and total + entry.size > max_bytes:
                    break
                kept.append(entry)
                total += entry.size
            shown = kept[::-1]
        else:
            log.clear()
            shown.clear()
            pending.clear()
        assert [e.seq for e in log] == [e.seq for e in shown]
        assert [log.entry(row).seq for row in range(len(log))] == [e.seq for e in shown]
        assert log.total_bytes == sum(e.size for e in shown)
        assert len(log) <= max_count
