"""Pending receipts: a future per `receipt` id, awaited with a timeout."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Generator
from typing import Any

from explorer.client.errors import ReceiptTimeout
from explorer.stomp import Frame

__all__ = ["ReceiptWaiter", "new_receipt_future"]


class ReceiptWaiter:
    """A pending RECEIPT: `await waiter` (default timeout) or `await waiter.wait(timeout)`."""

    def __init__(
        self,
        receipt_id: str,
        future: asyncio.Future[Frame],
        timeout: float,
        forget: Callable[[str], None],
    ) -> None:
        self.receipt_id = receipt_id
        self._future = future
        self._timeout = timeout
        self._forget = forget

    def done(self) -> bool:
        return self._future.done()

    async def wait(self, timeout: float | None = None) -> Frame:
        """The RECEIPT frame; ReceiptTimeout, BrokerError or ConnectionLostError otherwise."""
        limit = self._timeout if timeout is None else timeout
        try:
            async with asyncio.timeout(limit):
                return await asyncio.shield(self._future)
        except TimeoutError:
            raise ReceiptTimeout(self.receipt_id, limit) from None
        finally:
            self._forget(self.receipt_id)

    def __await__(self) -> Generator[Any, None, Frame]:
        return self.wait().__await__()


def new_receipt_future() -> asyncio.Future[Frame]:
    """A future for one RECEIPT whose failure never causes "exception was never retrieved"
    noise when its caller stopped waiting."""
    future: asyncio.Future[Frame] = asyncio.get_running_loop().create_future()
    future.add_done_callback(_consume_exception)
    return future


def _consume_exception(future: asyncio.Future[Frame]) -> None:
    if not future.cancelled():
        future.exception()
