"""DestinationHistory: a ring per destination under total count and byte caps."""

from __future__ import annotations

import pytest

from explorer.store import LogEntry, StoreError
from explorer.store.history import DestinationHistory


def entry(destination: str, n: int, direction: str = "in", body: bytes = b"") -> LogEntry:
    return LogEntry(
        direction,
        "MESSAGE" if direction == "in" else "SEND",
        [("destination", destination), ("n", str(n))],
        body or f"m{n}".encode(),
        timestamp=1000.0 + n,
    )


def numbers(history: DestinationHistory, destination: str) -> list[str | None]:
    return [e.header("n") for e in history.entries(destination)]


def test_each_destination_keeps_its_newest_messages_in_and_out() -> None:
    history = DestinationHistory(per_destination=3)
    history.extend(entry("/queue/a", n) for n in range(5))
    history.extend([entry("/queue/b", 9, "out"), entry("", 10)])
    assert numbers(history, "/queue/a") == ["2", "3", "4"]
    assert numbers(history, "/queue/b") == ["9"]
    assert history.entries("/queue/none") == []
    assert len(history) == 4
    latest = history.latest("/queue/a")
    assert latest is not None and latest.header("n") == "4"
    assert history.latest("/queue/none") is None


def test_previous_is_the_message_before_on_the_same_destination() -> None:
    history = DestinationHistory()
    first, other, second = entry("/queue/a", 1), entry("/queue/b", 2), entry("/queue/a", 3)
    history.extend([first, other, second])
    assert history.previous("/queue/a", second) == first
    assert history.previous("/queue/a", first) is None
    assert history.previous("/queue/b", second) is None


def test_over_the_total_cap_the_least_recently_updated_destination_gives_way() -> None:
    history = DestinationHistory(per_destination=10, max_total=4)
    history.extend([entry("/queue/quiet", 1), entry("/queue/quiet", 2)])
    history.extend(entry("/queue/busy", n) for n in range(10, 13))
    assert numbers(history, "/queue/quiet") == ["2"]
    assert numbers(history, "/queue/busy") == ["10", "11", "12"]
    history.extend([entry("/queue/quiet", 3)])  # now busy is the older one
    assert numbers(history, "/queue/quiet") == ["2", "3"]
    assert numbers(history, "/queue/busy") == ["11", "12"]
    assert len(history) == 4


def test_the_byte_cap_holds_but_the_newest_message_stays_whatever_its_size() -> None:
    history = DestinationHistory(max_bytes=2000)
    history.extend(entry("/queue/a", n, body=b"x" * 600) for n in range(5))
    assert history.total_bytes <= 2000
    assert numbers(history, "/queue/a")[-1] == "4"
    history.extend([entry("/queue/big", 9, body=b"y" * 5000)])
    assert numbers(history, "/queue/big") == ["9"]
    assert history.destinations() == ["/queue/big"]


def test_generation_grows_with_changes_only() -> None:
    history = DestinationHistory()
    start = history.generation
    history.extend([entry("", 1)])
    assert history.generation == start
    history.extend([entry("/queue/a", 1)])
    assert history.generation == start + 1
    history.clear()
    assert len(history) == 0 and history.total_bytes == 0


def test_caps_must_be_positive() -> None:
    with pytest.raises(StoreError, match="positive"):
        DestinationHistory(per_destination=0)
