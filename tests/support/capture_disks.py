"""A capture "disk" that fills up: SQLite's own SQLITE_FULL after a few pages.

A module-level function, so a recording in a child process (`ProcessCaptureWriter`) can be
given it too (functions cross to the child by name).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from explorer.capture.appender import connect_for_writing

PAGES = 40


def small_disk(target: Path) -> sqlite3.Connection:
    """`connect_for_writing`, on a database that may not grow past `PAGES` pages."""
    conn = connect_for_writing(target)
    conn.execute(f"PRAGMA max_page_count = {PAGES}")
    return conn
