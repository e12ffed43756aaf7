"""What conditions mean, checked on live-log entries and capture records alike."""

from __future__ import annotations

import json

import pytest

from explorer.capture import CaptureRecord
from explorer.search import compile_predicate, parse
from explorer.search.semantics import destination_matches
from explorer.store import LogEntry


def entry(
    body: bytes | str = b"",
    headers: tuple[tuple[str, str], ...] = (),
    *,
    direction: str = "in",
    command: str = "MESSAGE",
    timestamp: float = 1000.0,
) -> LogEntry:
    data = body.encode() if isinstance(body, str) else body
    return LogEntry(direction, command, headers, data, timestamp=timestamp)


def matches(expression: str, message: object) -> bool:
    return compile_predicate(parse(expression))(message)  # type: ignore[arg-type]


def test_text_ignores_ascii_case_only() -> None:
    message = entry("Order FAILED: 주문 실패")
    assert matches("failed", message)
    assert matches("ORDER", message)
    assert matches("주문", message)
    assert matches('"order failed"', message)
    assert not matches("orderfailed", message)
    assert matches("error or 실패", message)


def test_text_finds_bytes_in_binary_bodies() -> None:
    message = entry(b"\xff\x00hello\xfe")
    assert matches("HELLO", message)
    assert not matches("world", message)


def test_regex_is_multiline_and_case_sensitive_unless_asked() -> None:
    message = entry("first line\nOrder-42 shipped")
    assert matches("/^Order-\\d+/", message)
    assert not matches("/^order/", message)
    assert matches("/^order/i", message)
    assert matches("body ~ 'line$'", message)


def test_header_numbers_compare_numerically_and_text_as_text() -> None:
    ten = entry(headers=(("priority", "10"),))
    assert matches("priority>5", ten)  # as text, "10" < "5"
    assert matches("priority=10.0", ten)
    assert not matches("priority='10.0'", ten)
    assert not matches("priority>5", entry(headers=(("priority", "high"),)))
    assert not matches("priority>5", entry())
    assert matches("priority!=5", entry())
    assert matches(
        "content-type=application/json", entry(headers=(("content-type", "application/json"),))
    )
    assert matches("has priority", ten)
    assert not matches("has priority", entry())


def test_the_first_of_repeated_headers_wins() -> None:
    message = entry(headers=(("x", "1"), ("x", "2")))
    assert matches("x=1", message)
    assert not matches("x=2", message)


@pytest.mark.parametrize(
    ("pattern", "destination", "expected"),
    [
        ("/queue/orders", "/queue/orders", True),
        ("/queue/orders", "/queue/orders.eu", False),
        ("/queue/*", "/queue/orders", True),
        ("/queue/*", "/queue/orders.eu", False),
        ("/queue/orders.*", "/queue/orders.eu", True),
        ("/queue/ord*", "/queue/orders", True),
        ("/topic/prices.>", "/topic/prices", True),
        ("/topic/prices.>", "/topic/prices.eu.fx", True),
        ("/topic/prices.>", "/topic/pricesx", False),
        ("/topic/#", "/topic/a/b.c", True),
        ("/topic/prices.*.fx", "/topic/prices.eu.fx", True),
        ("/topic/prices.*.fx", "/topic/prices.eu.us.fx", False),
        (">", "anything/at.all", True),
        ("/queue/a+b", "/queue/a+b", True),
    ],
)
def test_destination_wildcards(pattern: str, destination: str, expected: bool) -> None:
    assert destination_matches(pattern, destination) is expected


def test_json_types_must_agree() -> None:
    message = entry(json.dumps({"user": {"id": 1001, "name": "Kim"}, "ok": True, "n": None}))
    assert matches("$.user.id == 1001", message)
    assert matches("$.user.id > 1000.5", message)
    assert not matches('$.user.id == "1001"', message)
    assert matches("$.ok = true", message)
    assert not matches("$.ok = 1", message)
    assert matches("$.n = null", message)
    assert matches("$.user.name ~ ^K", message)
    assert matches("$.user", message)
    assert not matches("$.missing", message)
    assert matches("$.missing != 1", message)


def test_json_paths_match_if_any_value_does() -> None:
    message = entry(json.dumps({"items": [{"price": 5}, {"price": 12}]}))
    assert matches("$.items[*].price > 10", message)
    assert matches("$..price == 5", message)
    assert matches("$.items[?(@.price > 10)]", message)
    assert not matches("$.items[?(@.price > 20)]", message)
    assert not matches("$.items[*].price != 5", message)


def test_bodies_that_are_not_json_match_no_json_condition() -> None:
    for body in (b"not json", b"\xff\xfe", b'{"a": 1}\x00', b"[NaN]"):
        assert not matches("$", entry(body))
        assert matches("$.a != 1", entry(body))


def test_fields_direction_command_size_time() -> None:
    message = entry("12345", direction="out", command="SEND", timestamp=1700000000.0)
    assert matches("direction=out and command=send", message)
    assert matches("size = 5 and size < 6", message)
    assert matches("time >= 1700000000 and time < 2023-11-14T22:13:21Z", message)
    assert not matches("direction=in", message)


def test_log_entries_have_connection_empty_and_records_their_own() -> None:
    record = CaptureRecord(1, 1.0, "in", "MESSAGE", "/queue/a", (), b"", connection="prod")
    assert matches("connection=prod", record)
    assert matches('connection=""', entry())
    assert matches("destination=/queue/a", record)


def test_the_live_log_takes_a_compiled_expression_as_its_filter() -> None:
    from explorer.store import MessageLog
    from explorer.store.filtered import FilteredRows

    log = MessageLog()
    for n in range(10):
        log.append(
            entry(
                json.dumps({"user": {"id": n}}),
                (("destination", f"/queue/q{n % 2}"), ("priority", str(n))),
            )
        )
    plan = log.prepare_publish()
    assert plan is not None
    log.extend(plan.entries)
    predicate = compile_predicate(parse("priority>=5 and destination=/queue/q1"))
    rows = FilteredRows(predicate, log)
    assert [json.loads(e.body)["user"]["id"] for e in rows] == [5, 7, 9]
    assert [json.loads(e.body)["user"]["id"] for e in log.matching(predicate)] == [5, 7, 9]
