"""Files that are not captures, are locked, truncated or newer: clear errors, no traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from explorer.capture import (
    Capture,
    CaptureCorrupt,
    CaptureLocked,
    CaptureNotFound,
    CaptureTooNew,
    CaptureWriter,
    NotACapture,
)
from explorer.capture.schema import SCHEMA_VERSION
from tests.unit.capture.conftest import make_capture, message


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CaptureNotFound, match="check the file name"):
        Capture(tmp_path / "nope.stompcap")


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        (b"", "the file is empty"),
        (b"hello, world\n" * 20, "not an SQLite database"),
        (b"SQLite format 3\x00", "not an SQLite database"),
    ],
)
def test_files_that_are_not_sqlite(tmp_path: Path, content: bytes, detail: str) -> None:
    path = tmp_path / "x.stompcap"
    path.write_bytes(content)
    with pytest.raises(NotACapture) as caught:
        Capture(path)
    assert caught.value.detail == detail
    assert "is not a STOMP Explorer capture" in caught.value.message


def test_another_programs_database_is_refused_for_reading_and_recording(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    before = path.read_bytes()
    with pytest.raises(NotACapture, match="another program"):
        Capture(path)
    with pytest.raises(NotACapture, match="another program"):
        CaptureWriter(path)
    assert path.read_bytes() == before  # untouched


def test_a_directory_is_not_a_capture(tmp_path: Path) -> None:
    with pytest.raises(NotACapture, match="not a regular file"):
        Capture(tmp_path)
    with pytest.raises(NotACapture, match="not a regular file"):
        CaptureWriter(tmp_path)


def test_a_newer_capture_is_refused_with_the_versions(tmp_path: Path) -> None:
    path = make_capture(tmp_path / "new.stompcap", [message("x")])
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(CaptureTooNew) as caught:
        Capture(path)
    assert (caught.value.version, caught.value.supported) == (SCHEMA_VERSION + 1, SCHEMA_VERSION)
    assert "update STOMP Explorer" in caught.value.message
    with pytest.raises(CaptureTooNew):
        CaptureWriter(path)


def test_a_truncated_capture(tmp_path: Path) -> None:
    path = make_capture(tmp_path / "t.stompcap", [message("x" * 3000) for _ in range(200)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CaptureCorrupt) as caught:
        Capture(path)
    assert "truncated" in caught.value.detail
    assert "damaged or truncated" in caught.value.message


def test_a_damaged_capture_fails_with_a_sentence_when_read(tmp_path: Path) -> None:
    path = make_capture(tmp_path / "d.stompcap", [message("x" * 3000) for _ in range(200)])
    data = bytearray(path.read_bytes())
    data[8192:16384] = b"\xa5" * 8192  # scribble over b-tree pages
    path.write_bytes(bytes(data))
    with pytest.raises(CaptureCorrupt), Capture(path) as capture:
        list(capture.iter_records())


def test_a_second_recorder_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.stompcap"
    with CaptureWriter(path), pytest.raises(CaptureLocked, match="another recording"):
        CaptureWriter(path)
    with CaptureWriter(path) as again:  # free once the first one closed
        assert again.recording


def test_a_capture_locked_by_another_program(tmp_path: Path) -> None:
    path = make_capture(tmp_path / "l.stompcap", [message("x")])
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("INSERT INTO capture_info (key, value) VALUES ('x', 1)")
        with pytest.raises(CaptureLocked) as caught:
            Capture(path, busy_timeout=0.1)
        assert "in use by another program" in caught.value.message
    finally:
        holder.close()
    with Capture(path) as capture:
        assert capture.count() == 1


def test_pages_still_in_the_wal_are_not_mistaken_for_truncation(tmp_path: Path) -> None:
    """On a full disk the checkpoint can write the file's first page (which claims the new
    size) but not grow the file: the pages are still in the WAL, and the capture is whole."""
    path = tmp_path / "c.stompcap"
    copy = tmp_path / "copy.stompcap"
    writer = CaptureWriter(path, text_index=False)
    try:
        for i in range(300):
            writer.record("in", "MESSAGE", [("n", str(i))], b"x" * 500)
        assert writer.flush(timeout=30)
        copy.write_bytes(path.read_bytes())  # as a crash would leave it: pages in the WAL
        Path(f"{copy}-wal").write_bytes(Path(f"{path}-wal").read_bytes())
    finally:
        writer.close()
    data = bytearray(copy.read_bytes())
    data[28:32] = (len(data) // 4096 + 100).to_bytes(4, "big")  # claims more pages
    data[92:96] = data[24:28]  # ... and the claim is marked valid
    copy.write_bytes(bytes(data))
    with Capture(copy) as capture:
        assert capture.count() == 300
        assert len(list(capture.iter_records())) == 300
