"""Recordings: both JSON Lines shapes read, broker-set headers dropped, gaps scaled."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from explorer.scenarios.recording import (
    RecordedMessage,
    RecordingError,
    read_recording,
    replay,
    schedule,
)
from explorer.store import LogEntry, write_jsonl


def write_lines(path: Path, *records: object) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def test_tail_jsonl_is_read(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "t.jsonl",
        {
            "destination": "/queue/a",
            "headers": {"destination": "/queue/a", "x": "1"},
            "body": "안녕",
        },
        {
            "destination": "/queue/b",
            "headers": {},
            "body_base64": base64.b64encode(b"\xff").decode(),
        },
    )
    first, second = read_recording(path)
    assert (first.destination, first.body, first.timestamp, first.line) == (
        "/queue/a",
        "안녕".encode(),
        None,
        1,
    )
    assert second.body == b"\xff"


def test_the_windows_export_replays_its_messages(tmp_path: Path) -> None:
    entries = [
        LogEntry(
            "out", "SUBSCRIBE", (("destination", "/queue/a"), ("id", "1")), b"", timestamp=1.0
        ),
        LogEntry("out", "SEND", (("destination", "/queue/a"),), b"sent", timestamp=2.0),
        LogEntry(
            "in",
            "MESSAGE",
            (("destination", "/queue/a"), ("x", "1"), ("x", "2"), ("message-id", "m1")),
            b"got",
            timestamp=3.5,
        ),
    ]
    path = tmp_path / "export.jsonl"
    with path.open("w", encoding="utf-8") as fp:
        write_jsonl(entries, fp)
    (message,) = read_recording(path)
    assert message.body == b"got" and message.timestamp == 3.5 and message.line == 3
    assert message.replay_headers() == (("x", "1"), ("x", "2"))  # repeats kept, in order


def test_a_file_with_only_sends_replays_the_sends(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "s.jsonl",
        {"command": "SEND", "destination": "/q/a", "headers": {}, "body": "1", "timestamp": 5},
        {"command": "CONNECT", "destination": None, "headers": {}, "body": ""},
    )
    assert [m.body for m in read_recording(path)] == [b"1"]


def test_broker_set_headers_are_dropped() -> None:
    recorded = RecordedMessage(
        "/queue/a",
        tuple(
            (name, "v")
            for name in (
                "message-id",
                "subscription",
                "ack",
                "timestamp",
                "redelivered",
                "expires",
                "destination",
                "content-length",
                "receipt",
                "content-type",
                "priority",
                "persistent",
                "x-app",
            )
        ),
        b"",
        None,
        1,
    )
    assert [k for k, _v in recorded.replay_headers()] == [
        "content-type",
        "priority",
        "persistent",
        "x-app",
    ]


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("not json", "t.jsonl:2: not JSON"),
        ("[1, 2]", "t.jsonl:2: each line should be a JSON object"),
        ('{"headers": {}, "body": "x"}', "t.jsonl:2: destination: is missing"),
        ('{"destination": "/q", "headers": {"a": 1}}', "t.jsonl:2: headers: names and values"),
        ('{"destination": "/q", "body_base64": "!!"}', "t.jsonl:2: body_base64: is not valid"),
        ('{"destination": "/q", "timestamp": "yesterday"}', "t.jsonl:2: timestamp: should be"),
    ],
)
def test_bad_lines_are_named(tmp_path: Path, line: str, words: str) -> None:
    path = tmp_path / "t.jsonl"
    path.write_text('{"destination": "/q", "body": "ok"}\n' + line + "\n")
    with pytest.raises(RecordingError) as info:
        read_recording(path)
    assert words in str(info.value)


def test_iso_timestamps_are_read(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "t.jsonl",
        {"destination": "/q", "timestamp": "2026-11-30T00:00:00Z"},
        {"destination": "/q", "timestamp": "2026-11-30T00:00:01.500+00:00"},
    )
    first, second = read_recording(path)
    assert first.timestamp is not None and second.timestamp is not None
    assert second.timestamp - first.timestamp == 1.5


def messages(*timestamps: float | None) -> list[RecordedMessage]:
    return [RecordedMessage("/q", (), b"%d" % i, t, i) for i, t in enumerate(timestamps)]


def test_schedule_scales_the_recorded_gaps() -> None:
    recorded = messages(100.0, 100.5, 102.5, None, 102.0, 104.5)
    assert schedule(recorded, 1.0) == [0.0, 0.5, 2.5, 2.5, 2.5, 4.5]  # never backwards
    assert schedule(recorded, 2.0) == [0.0, 0.25, 1.25, 1.25, 1.25, 2.25]
    assert schedule(recorded, None) == [0.0] * 6
    assert schedule(messages(None, None), 1.0) == [0.0, 0.0]


@pytest.mark.asyncio
async def test_replay_sends_in_order_at_the_scheduled_times() -> None:
    now = [0.0]
    sleeps: list[float] = []
    sent: list[tuple[str, bytes, float]] = []

    async def fake_sleep(seconds: float) -> None:
        sleeps.append(seconds)
        now[0] += seconds

    async def send(destination: str, headers: tuple[tuple[str, str], ...], body: bytes) -> None:
        sent.append((destination, body, now[0]))

    count = await replay(
        messages(10.0, 10.0, 14.0, 18.0),
        send,
        speed=4.0,
        destination="/queue/elsewhere",
        clock=lambda: now[0],
        sleep=fake_sleep,
    )
    assert count == 4
    assert sent == [
        ("/queue/elsewhere", b"0", 0.0),
        ("/queue/elsewhere", b"1", 0.0),
        ("/queue/elsewhere", b"2", 1.0),
        ("/queue/elsewhere", b"3", 2.0),
    ]
    assert sleeps == [1.0, 1.0]
