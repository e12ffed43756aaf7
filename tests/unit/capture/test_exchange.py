"""Export and import, byte-exact: JSON Lines and CSV, binary and Korean bodies."""

from __future__ import annotations

import base64
import csv
import json
from pathlib import Path

import pytest

from explorer.capture import Capture, CaptureSettingsError, ExchangeError
from explorer.capture.exchange import export_file, import_file
from explorer.store import LogEntry
from explorer.store.export import write_packed
from tests.unit.capture.conftest import make_capture, message

MESSAGES = [
    message(
        '{"user": {"id": 1001, "name": "김철수"}}',
        [
            ("destination", "/queue/주문"),
            ("content-type", "application/json"),
            ("timestamp", "1700000000123"),
            ("subscription", "sub-1"),
        ],
        received=1700000000.123456,
        connection="staging",
    ),
    message(
        bytes(range(256)),
        [("destination", "/topic/bin"), ("x", "1"), ("x", "2")],
        received=1700000001.1,
        direction="out",
        command="SEND",
    ),
    message(
        'line one\r\nline two\rthree\n"quoted", comma',
        [("destination", "/queue/a")],
        received=1700000002.0,
    ),
    message(b"nul\x00inside", [("destination", "/queue/a"), ("a:b", "c:d\\e")], received=0.1 + 0.2),
    message("", [("login", "qa"), ("passcode", "secret")], command="CONNECT", direction="out"),
    message(
        "안녕하세요 ☃ \u2028 end",
        [("destination", "/queue/인사"), ("empty", "")],
        destination="/queue/other",
        subscription="explicit",
    ),
    message("", [], command="DISCONNECT", direction="out", received=1e9),
]


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_export_import_export_is_byte_exact(tmp_path: Path, suffix: str) -> None:
    original = make_capture(tmp_path / "original.stompcap", MESSAGES)
    first = tmp_path / f"first{suffix}"
    with Capture(original) as capture:
        assert export_file(capture, first) == len(MESSAGES)
        originals = list(capture.iter_records())
    imported = tmp_path / "imported.stompcap"
    assert import_file(first, imported) == len(MESSAGES)
    second = tmp_path / f"second{suffix}"
    with Capture(imported) as capture:
        assert export_file(capture, second) == len(MESSAGES)
        again = list(capture.iter_records())
        assert capture.info().text_indexed_upto == len(MESSAGES)
    assert second.read_bytes() == first.read_bytes()
    for before, after in zip(originals, again, strict=True):
        assert after == before  # every field, the exact body bytes, headers in wire order


def test_jsonl_lines_have_the_log_export_shape_plus_capture_keys(tmp_path: Path) -> None:
    path = make_capture(tmp_path / "c.stompcap", MESSAGES[:2])
    out = tmp_path / "out.jsonl"
    with Capture(path) as capture:
        export_file(capture, out)
    first, second = (json.loads(line) for line in out.read_text("utf-8").splitlines())
    assert list(first) == [
        "timestamp",
        "broker_timestamp",
        "direction",
        "connection",
        "command",
        "destination",
        "subscription",
        "headers",
        "body",
    ]
    assert first["broker_timestamp"] == 1700000000123
    assert first["body"] == '{"user": {"id": 1001, "name": "김철수"}}'
    assert "김철수" in out.read_text("utf-8")  # written as is, not \\u escapes
    assert second["header_list"] == [["destination", "/topic/bin"], ["x", "1"], ["x", "2"]]
    assert base64.b64decode(second["body_base64"]) == bytes(range(256))


def test_the_passcode_never_reaches_an_export(tmp_path: Path) -> None:
    path = make_capture(tmp_path / "c.stompcap", MESSAGES)
    for suffix in (".jsonl", ".csv"):
        out = tmp_path / f"out{suffix}"
        with Capture(path) as capture:
            export_file(capture, out)
        assert "secret" not in out.read_text("utf-8-sig")


def test_export_of_a_search(tmp_path: Path) -> None:
    path = make_capture(tmp_path / "c.stompcap", MESSAGES)
    out = tmp_path / "found.jsonl"
    with Capture(path) as capture:
        assert export_file(capture, out, query="direction=out") == 3
    commands = [json.loads(line)["command"] for line in out.read_text("utf-8").splitlines()]
    assert commands == ["SEND", "CONNECT", "DISCONNECT"]


def test_a_live_log_export_imports(tmp_path: Path) -> None:
    from explorer.store import LogEntry, write_jsonl

    entries = [
        LogEntry("in", "MESSAGE", (("destination", "/queue/a"),), "주문".encode(), timestamp=5.5)
    ]
    source = tmp_path / "log.jsonl"
    with source.open("w", encoding="utf-8") as fp:
        write_jsonl(entries, fp)
    assert import_file(source, tmp_path / "log.stompcap") == 1
    with Capture(tmp_path / "log.stompcap") as capture:
        (record,) = capture.page()
    assert (record.received, record.destination, record.body) == (5.5, "/queue/a", "주문".encode())


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        ('{"timestamp": 1, "direction": "in", "command": "SEND"}\nnot json\n', 2, "not JSON"),
        ('{"timestamp": "x", "direction": "in", "command": "SEND"}\n', 1, "timestamp"),
        ('{"timestamp": 1, "direction": "up", "command": "SEND"}\n', 1, "direction"),
        ('{"timestamp": 1, "direction": "in"}\n', 1, "command"),
        ('{"timestamp": 1, "direction": "in", "command": "S", "body_base64": "@@"}\n', 1, "base64"),
        (
            '{"timestamp": 1, "direction": "in", "command": "S", "headers": {"a": 1}}\n',
            1,
            "headers",
        ),
        ("[1, 2]\n", 1, "JSON object"),
    ],
)
def test_bad_jsonl_names_the_line(tmp_path: Path, content: str, line: int, words: str) -> None:
    source = tmp_path / "bad.jsonl"
    source.write_text(content, "utf-8")
    with pytest.raises(ExchangeError) as caught:
        import_file(source, tmp_path / "bad.stompcap")
    assert caught.value.line == line
    assert words in caught.value.message


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        ("timestamp,direction\n1,in\n", 1, "lacks the column"),
        (
            "timestamp,broker_timestamp,direction,connection,command,destination,subscription,"
            "headers,body_encoding,body\nx,,in,,SEND,,,[],utf-8,\n",
            2,
            "timestamp",
        ),
        (
            "timestamp,broker_timestamp,direction,connection,command,destination,subscription,"
            "headers,body_encoding,body\n1,,in,,SEND,,,{},utf-8,\n",
            2,
            "headers",
        ),
        (
            "timestamp,broker_timestamp,direction,connection,command,destination,subscription,"
            "headers,body_encoding,body\n1,,in,,SEND,,,[],rot13,\n",
            2,
            "body_encoding",
        ),
    ],
)
def test_bad_csv_names_the_row(tmp_path: Path, content: str, line: int, words: str) -> None:
    source = tmp_path / "bad.csv"
    source.write_text(content, "utf-8")
    with pytest.raises(ExchangeError) as caught:
        import_file(source, tmp_path / "bad.stompcap")
    assert caught.value.line == line
    assert words in caught.value.message


def test_import_refuses_to_overwrite_and_unknown_formats(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"timestamp": 1, "direction": "in", "command": "SEND"}\n', "utf-8")
    import_file(source, tmp_path / "c.stompcap")
    with pytest.raises(CaptureSettingsError, match="already exists"):
        import_file(source, tmp_path / "c.stompcap")
    assert import_file(source, tmp_path / "c.stompcap", append=True) == 1
    with Capture(tmp_path / "c.stompcap") as capture:
        assert capture.count() == 2
    with pytest.raises(CaptureSettingsError, match=r"\.jsonl or \.csv"):
        import_file(tmp_path / "in.txt", tmp_path / "d.stompcap")
    with pytest.raises(ExchangeError, match="cannot be read"):
        import_file(tmp_path / "missing.jsonl", tmp_path / "d.stompcap")
    (tmp_path / "latin1.jsonl").write_bytes(b'{"timestamp": 1, "body": "\xe9"}\n')
    with pytest.raises(ExchangeError, match="not UTF-8"):
        import_file(tmp_path / "latin1.jsonl", tmp_path / "e.stompcap")
    assert not (tmp_path / "e.stompcap").exists()  # no half-made capture left behind


def test_the_logs_csv_export_imports_as_a_capture_with_the_same_messages(
    tmp_path: Path,
) -> None:
    """One CSV format: the window's log export (`write_packed`) reads back byte-exact."""
    entries = [
        LogEntry(
            direction,
            command,
            headers,
            body.encode() if isinstance(body, str) else body,
            timestamp=received,
        )
        for received, direction, _c, command, headers, body, _s, _d in MESSAGES
        if command in ("MESSAGE", "SEND")
    ]
    exported = tmp_path / "log.csv"
    with exported.open("w", encoding="utf-8-sig", newline="") as fp:
        assert write_packed([e.packed for e in entries], fp, "csv") == len(entries)
    imported = tmp_path / "log.stompcap"
    assert import_file(exported, imported) == len(entries)
    with Capture(imported) as capture:
        records = list(capture.iter_records())
    for entry, record in zip(entries, records, strict=True):
        assert record.received == entry.timestamp  # not rounded to milliseconds
        assert (record.direction, record.command) == (entry.direction, entry.command)
        assert record.destination == entry.destination
        assert record.headers == entry.headers  # wire order, repeats, colons and escapes kept
        assert record.body == entry.body  # binary, NUL, CR LF, Korean
    # The readable columns are there for spreadsheets; import ignores them.
    with exported.open(encoding="utf-8-sig", newline="") as fp:
        first = next(csv.DictReader(fp))
    assert first["content_type"] == "application/json" and first["size"] == str(len(MESSAGES[0][5]))
    assert first["time"].startswith("2023-11-1")
