"""Searching a capture off the UI thread, one search at a time, cancellable.

A search over a million messages takes up to seconds, so it runs in a worker thread on a
`Capture` of its own (the table keeps paging on the other connection meanwhile). Starting
a new search or cancelling interrupts the running one inside SQLite (`Capture.interrupt`);
only the newest search reports.
"""

from __future__ import annotations

import array
import asyncio
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from explorer.capture import Capture, CaptureError, SearchInterrupted
from explorer.search import Node, SearchError, SearchSqlError
from explorer.ui.search_text import capture_error_text, sql_error_text
from explorer.ui.tasks import TaskRunner

Query = Callable[[Capture], "array.array[int]"]


def expression_query(node: Node) -> Query:
    """Search with a parsed expression (compiled to SQL by the capture)."""
    return lambda capture: capture.search(node)


def sql_query(where: str, params: Sequence[Any] = ()) -> Query:
    """Search with a raw SQL condition (read-only; for experts)."""
    return lambda capture: capture.search_sql(where, params)


class CaptureSearch(QObject):
    """`start(query)` runs it in a worker thread; `finished` or `failed` says how it went."""

    started = Signal()
    finished = Signal(object, float)  # array('q') of seq, seconds taken
    failed = Signal(str)  # a sentence for the search field
    cancelled = Signal()

    def __init__(self, path: Path, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._runner = runner
        self._capture: Capture | None = None
        self._generation = 0
        self._running: asyncio.Future[Any] | None = None
        self._closed = False
        self._answered = 0

    @property
    def generation(self) -> int:
        """Counts the searches started (and cancellations); the newest one's number."""
        return self._generation

    @property
    def answered(self) -> int:
        """The number of the newest search that reported (finished or failed)."""
        return self._answered

    @property
    def running(self) -> bool:
        return self._running is not None and not self._running.done()

    def start(self, query: Query) -> None:
        """Interrupt the running search (if any) and run `query`."""
        self._generation += 1
        if self._capture is not None:
            self._capture.interrupt()
        self._runner.run(self._search(query, self._generation))

    def cancel(self) -> None:
        """Stop the running search; the table keeps what it showed."""
        if self.running:
            self._generation += 1
            if self._capture is not None:
                self._capture.interrupt()
            self.cancelled.emit()

    async def _search(self, query: Query, generation: int) -> None:
        self.started.emit()
        previous = self._running
        if previous is not None and not previous.done():
            await asyncio.wait([previous])  # interrupted: ends within milliseconds
        if generation != self._generation or self._closed:
            return
        began = time.perf_counter()
        future = asyncio.ensure_future(asyncio.to_thread(self._run, query))
        self._running = future
        try:
            seqs = await future
        except SearchInterrupted:
            return
        except SearchSqlError as exc:
            self._report_failure(generation, sql_error_text(exc))
            return
        except CaptureError as exc:
            self._report_failure(generation, capture_error_text(exc))
            return
        except SearchError as exc:
            self._report_failure(generation, exc.message)
            return
        if generation == self._generation and not self._closed:
            self._answered = generation
            self.finished.emit(seqs, time.perf_counter() - began)

    def _report_failure(self, generation: int, text: str) -> None:
        if generation == self._generation and not self._closed:
            self._answered = generation
            self.failed.emit(text)

    def _run(self, query: Query) -> array.array[int]:
        """In the worker thread: open the search connection once, then search."""
        if self._capture is None:
            self._capture = Capture(self.path)
        return query(self._capture)

    async def aclose(self) -> None:
        """Stop the running search and close the search connection."""
        self._closed = True
        self._generation += 1
        capture = self._capture
        if capture is not None:
            capture.interrupt()
        running = self._running
        if running is not None and not running.done():
            await asyncio.wait([running])
        if capture is not None:
            capture.close()
        self._capture = None
