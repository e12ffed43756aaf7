"""Message filters and the filtered row list."""

from __future__ import annotations

import pytest

from explorer.store import FilteredRows, FilterError, LogEntry, MessageFilter, compile_filter


def entry(
    destination: str = "/queue/orders",
    body: bytes = b"",
    headers: tuple[tuple[str, str], ...] = (),
    seq: int = -1,
) -> LogEntry:
    return LogEntry(
        "in", "MESSAGE", (("destination", destination), *headers), body, timestamp=0.0, seq=seq
    )


def passes(spec: MessageFilter, item: LogEntry) -> bool:
    return compile_filter(spec)(item)


def test_empty_filter_accepts_everything() -> None:
    assert MessageFilter().is_empty
    assert passes(MessageFilter(), entry())


def test_text_matches_destination_headers_and_body_case_insensitively() -> None:
    spec = MessageFilter(text="ORDER")
    assert passes(spec, entry("/queue/orders"))
    assert passes(spec, entry("/queue/x", headers=(("type", "NewOrder"),)))
    assert passes(spec, entry("/queue/x", body=b"an order arrived"))
    assert not passes(spec, entry("/queue/x", body=b"nothing"))


def test_text_matches_korean_in_the_body() -> None:
    spec = MessageFilter(text="안녕")
    assert passes(spec, entry(body="인사: 안녕하세요".encode()))
    assert not passes(spec, entry(body=b"hello"))


def test_text_matches_the_command() -> None:
    error = LogEntry("in", "ERROR", (("message", "x"),), b"")
    assert passes(MessageFilter(text="error"), error)


def test_regex_searches_destination_header_lines_and_body() -> None:
    assert passes(MessageFilter(regex=r"^/queue/o"), entry("/queue/orders"))
    assert passes(MessageFilter(regex=r"^priority:[5-9]$"), entry(headers=(("priority", "7"),)))
    assert passes(MessageFilter(regex=r'"id":\s*\d+'), entry(body=b'{"id": 42}'))
    assert not passes(MessageFilter(regex=r"ID"), entry(body=b"lower id"))  # case-sensitive
    assert passes(MessageFilter(regex=r"(?i)ID"), entry(body=b"lower id"))
    assert not passes(MessageFilter(regex=r"^priority:[5-9]$"), entry(headers=(("priority", "1"),)))
    assert not passes(MessageFilter(regex="zzz"), entry())


def test_invalid_regex_is_a_readable_filter_error() -> None:
    with pytest.raises(FilterError, match=r"Invalid regular expression at position 0: "):
        compile_filter(MessageFilter(regex="(unclosed"))
    with pytest.raises(FilterError, match="nothing to repeat"):
        compile_filter(MessageFilter(regex="*"))


def test_destination_exact_and_prefix() -> None:
    exact = MessageFilter(destination="/queue/a")
    assert passes(exact, entry("/queue/a"))
    assert not passes(exact, entry("/queue/a/b"))
    prefix = MessageFilter(destination="/queue/a", destination_prefix=True)
    assert passes(prefix, entry("/queue/a/b"))
    assert not passes(prefix, entry("/queue/b"))


def test_header_presence_and_value() -> None:
    present = MessageFilter(header="reply-to")
    assert passes(present, entry(headers=(("reply-to", "/temp-queue/x"),)))
    assert not passes(present, entry())
    valued = MessageFilter(header="type=order")
    assert passes(valued, entry(headers=(("type", "order"),)))
    assert not passes(valued, entry(headers=(("type", "orders"),)))
    # First occurrence wins, as in STOMP.
    assert not passes(valued, entry(headers=(("type", "x"), ("type", "order"))))
    empty_value = MessageFilter(header="type=")
    assert passes(empty_value, entry(headers=(("type", ""),)))


def test_header_filter_needs_a_name() -> None:
    with pytest.raises(FilterError, match="needs a header name"):
        compile_filter(MessageFilter(header="=x"))


def test_fields_combine_with_and() -> None:
    spec = MessageFilter(text="paris", destination="/queue/eu", destination_prefix=True)
    assert passes(spec, entry("/queue/eu", body=b"Paris"))
    assert not passes(spec, entry("/queue/us", body=b"Paris"))
    assert not passes(spec, entry("/queue/eu", body=b"Rome"))


def test_filtered_rows_follow_evictions_and_new_batches() -> None:
    items = [entry("/queue/a" if i % 2 else "/queue/b", seq=i) for i in range(1, 11)]
    rows = FilteredRows(compile_filter(MessageFilter(destination="/queue/a")), items)
    assert [e.seq for e in rows] == [1, 3, 5, 7, 9]
    assert rows.entry(1).seq == 3
    assert rows.row_of(7) == 3
    assert rows.row_of(8) is None
    # The log evicted seqs 1..4: rows below seq 5 go.
    gone = rows.count_before(5)
    assert gone == 2
    rows.drop_oldest(gone)
    assert [e.seq for e in rows] == [5, 7, 9]
    new = [entry("/queue/a", seq=11), entry("/queue/b", seq=12)]
    accepted = rows.accept(new)
    assert [e.seq for e in accepted] == [11]
    rows.extend(accepted)
    assert len(rows) == 4
    with pytest.raises(IndexError):
        rows.entry(4)
    rows.reset([])
    assert len(rows) == 0


def test_regex_anchors_match_at_each_line() -> None:
    spec = MessageFilter(regex=r"^second line$")
    assert passes(spec, entry(body=b"first line\nsecond line\nthird"))
    assert not passes(spec, entry(body=b"first line second line"))


def test_text_matches_header_names_too() -> None:
    assert passes(MessageFilter(text="REPLY-TO"), entry(headers=(("reply-to", "/temp/x"),)))
