"""Exporting what a capture tab shows (every message, or a search's matches) as JSON Lines
or CSV, written by a worker thread on a connection of its own.

The files are `explorer.capture.exchange`'s formats: the live log's export format, and what
"Import JSON Lines/CSV as capture…" reads back.
"""

from __future__ import annotations

import array
from collections.abc import Iterator
from pathlib import Path

from explorer.capture import Capture, CaptureRecord
from explorer.capture.exchange import export_csv, export_jsonl

CHUNK = 2000


def write_capture_export(
    source: Path, target: Path, fmt: str, seqs: array.array[int] | None = None
) -> int:
    """Write the messages `seqs` of `source` (all when None) to `target`; returns the count.
    Runs in a worker thread: it opens the capture itself and touches no Qt object."""
    with Capture(source) as capture:
        records = capture.iter_records() if seqs is None else _chosen(capture, seqs)
        encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
        with target.open("w", encoding=encoding, newline="") as fp:
            return export_csv(records, fp) if fmt == "csv" else export_jsonl(records, fp)


def _chosen(capture: Capture, seqs: array.array[int]) -> Iterator[CaptureRecord]:
    for start in range(0, len(seqs), CHUNK):
        yield from capture.records(seqs[start : start + CHUNK])
