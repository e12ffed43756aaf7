"""Reading a capture: pages by sequence, counts, destinations, search, raw SQL read-only."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from explorer.capture import Capture, CaptureClosed, SearchInterrupted
from explorer.search import SearchSqlError, SearchSyntaxError
from tests.unit.capture.conftest import make_capture, message


@pytest.fixture
def capture(tmp_path: Path) -> Capture:
    items = [
        message(
            f'{{"user": {{"id": {i}}}, "text": "order {i}"}}',
            [
                ("destination", f"/queue/orders.{'eu' if i % 2 else 'us'}"),
                ("priority", str(i % 10)),
            ],
            received=1000.0 + i,
            direction="out" if i % 5 == 0 else "in",
        )
        for i in range(1, 101)
    ]
    return Capture(make_capture(tmp_path / "c.stompcap", items))


def test_pages_by_sequence_both_ways(capture: Capture) -> None:
    with capture:
        assert capture.count() == 100
        assert capture.bounds() == (1, 100)
        assert [r.seq for r in capture.page(after=0, limit=3)] == [1, 2, 3]
        assert [r.seq for r in capture.page(after=98)] == [99, 100]
        assert [r.seq for r in capture.page_before(4, limit=2)] == [2, 3]
        assert capture.get(50) is not None
        assert capture.get(500) is None
        assert [r.seq for r in capture.records([7, 3, 3, 999])] == [3, 7]
        assert capture.time_range() == (1001.0, 1100.0)


def test_destinations_with_counts(capture: Capture) -> None:
    with capture:
        counts = {d.destination: d.messages for d in capture.destinations()}
    assert counts == {"/queue/orders.eu": 50, "/queue/orders.us": 50}


def test_search_pages_and_counts(capture: Capture) -> None:
    with capture:
        assert list(capture.search("$.user.id == 42")) == [42]
        assert capture.count("priority>7 and destination=/queue/orders.*") == 20
        assert list(capture.search("direction=out", limit=3)) == [5, 10, 15]
        assert list(capture.search("direction=out", after=90)) == [95, 100]
        assert capture.count("'order 7\"'") == 1  # with the closing quote: not order 70
        with pytest.raises(SearchSyntaxError):
            capture.search("priority>")


def test_raw_sql_reads_and_can_do_nothing_else(capture: Capture) -> None:
    with capture:
        found = capture.search_sql("headers ->> '$.priority' = ?", ["3"])
        assert list(found) == [3, 13, 23, 33, 43, 53, 63, 73, 83, 93]
        assert capture.count() == 100
        for bad in (
            "1; DELETE FROM messages",
            "seq IN (SELECT 1 FROM pragma_table_info('messages'))",
            "nonsense_column = 1",
            "(",
        ):
            with pytest.raises(SearchSqlError) as caught:
                capture.search_sql(bad)
            assert "cannot be used" in caught.value.message
        assert capture.count() == 100


def test_the_connection_is_read_only(tmp_path: Path, capture: Capture) -> None:
    with capture:
        conn = capture._conn
        assert conn is not None
        with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only|query_only"):
            conn.execute("DELETE FROM messages")


def test_a_long_search_can_be_interrupted(tmp_path: Path) -> None:
    items = [message("x" * 50) for _ in range(20_000)]
    with Capture(make_capture(tmp_path / "big.stompcap", items, index=False)) as capture:
        timer = threading.Timer(0.05, capture.interrupt)
        timer.start()
        try:
            with pytest.raises(SearchInterrupted):
                # A regular expression per row through Python: slow enough to interrupt.
                for _ in range(1000):
                    capture.search("/x{50}$/ or /y/ or /z/ or /w/")
        finally:
            timer.cancel()


def test_using_a_closed_capture_says_so(capture: Capture) -> None:
    capture.close()
    with pytest.raises(CaptureClosed, match="is closed"):
        capture.count()
