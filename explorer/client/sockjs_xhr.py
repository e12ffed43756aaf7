"""SockJS over plain HTTP: xhr-streaming and xhr-polling, with sends by `xhr_send`.

xhr-streaming POSTs `{session}/xhr_streaming` and reads one long answer (a 2,048-byte `h`
prelude, then one frame per line); the server ends it after its response limit (sockjs-node:
128 KiB) and the client opens the next one for the same session. xhr-polling POSTs
`{session}/xhr` and gets one batch of frames per request. Either way messages go out by
POST to `{session}/xhr_send`, one request at a time in order: what is sent while one is on
its way goes in the next, as one JSON array (sockjs-client batches the same way).
"""

from __future__ import annotations

import asyncio
import contextlib

import aiohttp

from explorer.client.errors import ClientError, SockJsError, TransportError
from explorer.client.http import http_failure
from explorer.client.sockjs_base import SockJsTransport, outgoing
from explorer.client.sockjs_frames import StreamLines
from explorer.client.transports import with_query

__all__ = ["XhrPolling", "XhrSender", "XhrStreaming"]

_SEND_HEADERS = {"Content-Type": "text/plain;charset=UTF-8"}
_READ_CHUNK = 256 * 1024


class XhrSender:
    """Sends messages by POST to `xhr_send`, in order, batching what queues meanwhile."""

    def __init__(
        self, http: aiohttp.ClientSession, url: str, shown: str, server_name: str | None
    ) -> None:
        self._http = http
        self._url = url
        self._shown = shown
        self._server_name = server_name
        self._queue: list[bytes] = []  # each one JSON array of messages, without brackets
        self._next: asyncio.Future[None] | None = None
        self._inflight: asyncio.Future[None] | None = None  # the batch being posted
        self._task: asyncio.Task[None] | None = None
        self._failure: ClientError | None = None

    async def send(self, payload: bytes) -> None:
        """Queue one encoded message array; returns once the POST carrying it answered."""
        if self._failure is not None:
            raise self._failure
        loop = asyncio.get_running_loop()
        if self._next is None:
            self._next = loop.create_future()
        future = self._next
        self._queue.append(payload[1:-1])  # strip the [ ] to join batches cheaply
        if self._task is None:
            self._task = loop.create_task(self._run(), name="sockjs-xhr-send")
        await asyncio.shield(future)

    async def _run(self) -> None:
        try:
            while self._queue:
                batch, self._queue = self._queue, []
                future, self._next = self._next, None
                self._inflight = future
                try:
                    await self._post(b"[" + b",".join(batch) + b"]")
                except ClientError as exc:
                    self._fail(exc)
                    return
                if future is not None and not future.done():
                    future.set_result(None)
        finally:
            self._task = self._inflight = None

    def _fail(self, exc: ClientError) -> None:
        """Every send waiting, on its way or queued, fails with `exc`; later ones too."""
        self._failure = exc
        self._queue.clear()
        for future in (self._inflight, self._next):
            if future is not None and not future.done():
                future.set_exception(exc)
                future.exception()  # retrieved: a waiter that went away leaves no warning
        self._next = None

    async def _post(self, body: bytes) -> None:
        try:
            async with self._http.post(self._url, data=body, headers=_SEND_HEADERS) as resp:
                status = resp.status
                text = await resp.read()
        except (aiohttp.ClientError, OSError) as exc:
            raise http_failure(exc, self._shown, self._server_name) from None
        if status not in (200, 204):
            detail = text.decode("utf-8", "replace").strip()[:120]
            gone = " (the SockJS session is gone)" if status == 404 else ""
            raise SockJsError(
                f"{self._shown} refused a SockJS send with HTTP {status}{gone}"
                + (f": {detail}" if detail else "")
            )

    def close(self) -> None:
        task = self._task
        if task is not None:
            task.cancel()
        self._fail(TransportError(f"the SockJS session with {self._shown} is closed"))


class _HttpSockJs(SockJsTransport):
    """A SockJS session over HTTP requests; `session_url` = `{base}/{server}/{session}`."""

    NAME = ""

    def __init__(
        self,
        http: aiohttp.ClientSession,
        session_url: str,
        query: tuple[tuple[str, str], ...],
        shown: str,
        server_name: str | None,
        max_line: int,
    ) -> None:
        super().__init__(shown, self.NAME)
        self._http = http
        self._session_url = session_url
        self._query = query
        self._server_name = server_name
        self._max_line = max_line
        self._pending: list[str] = []
        self._response: aiohttp.ClientResponse | None = None
        self._lines = StreamLines(max_line, prelude=True)  # the current streaming answer's
        self._sender = XhrSender(
            http, with_query(f"{session_url}/xhr_send", query), shown, server_name
        )

    def url(self, suffix: str) -> str:
        return with_query(f"{self._session_url}/{suffix}", self._query)

    def failure(self, exc: BaseException) -> TransportError:
        return http_failure(exc, self.description, self._server_name)

    async def post(self, suffix: str) -> aiohttp.ClientResponse:
        """POST an empty body to `{session}/{suffix}`; the answer must be 200."""
        try:
            resp = await self._http.post(self.url(suffix), headers=_SEND_HEADERS)
        except (aiohttp.ClientError, OSError) as exc:
            raise self.failure(exc) from None
        if resp.status != 200:
            status = resp.status
            resp.close()
            raise SockJsError(
                f"{self.description} answered the SockJS {self.name} request with HTTP "
                f"{status}" + (" (the SockJS session is gone)" if status == 404 else "")
            )
        return resp

    async def send(self, data: bytes) -> None:
        await self._sender.send(outgoing(data))

    def abort(self) -> None:
        self.aborted = True
        self.set_close_reason("aborted")
        self._sender.close()
        if self._response is not None:
            self._response.close()

    async def close(self) -> None:
        self.aborted = True
        self._sender.close()
        if self._response is not None:
            self._response.close()
            self._response = None
        with contextlib.suppress(Exception):
            await self._http.close()


class XhrStreaming(_HttpSockJs):
    """SockJS xhr-streaming: one long answer at a time, reopened when the server ends it."""

    NAME = "xhr-streaming"

    async def open(self) -> None:
        """Start the first answer and read up to the `o` frame."""
        await self._start()
        texts: list[str] = []
        while not texts:
            chunk = await self._read()
            if not chunk:
                break
            texts = self._lines.feed(chunk)
        self._pending = self.opened(texts)

    async def _start(self) -> None:
        self._response = await self.post("xhr_streaming")
        self._lines = StreamLines(self._max_line, prelude=True)

    async def _read(self) -> bytes:
        response = self._response
        assert response is not None
        try:
            return await response.content.readany()
        except (aiohttp.ClientError, OSError) as exc:
            if self.aborted:
                return b""
            raise self.failure(exc) from None

    async def receive(self) -> bytes:
        while True:
            if self.closed_by_server or self.aborted:
                return b""
            if self._pending:
                texts, self._pending = self._pending, []
                data = self.consume(texts)
                if data:
                    return data
                continue
            if self._response is None:
                await self._start()
            chunk = await self._read()
            if chunk:
                self._pending = self._lines.feed(chunk)
                continue
            # This answer is over (the server's response limit): the session goes on.
            response, self._response = self._response, None
            if response is not None:
                response.release()
            if self._lines.pending:
                raise SockJsError(f"{self.description} ended an xhr-streaming answer mid-frame")


class XhrPolling(_HttpSockJs):
    """SockJS xhr-polling: one POST per batch of frames (the server holds it until it has
    something to say, at the latest a heart-beat)."""

    NAME = "xhr-polling"

    async def open(self) -> None:
        self._pending = self.opened(await self._poll())

    async def _poll(self) -> list[str]:
        self._response = response = await self.post("xhr")
        try:
            body = await response.read()
        except (aiohttp.ClientError, OSError) as exc:
            if self.aborted:
                return []
            raise self.failure(exc) from None
        finally:
            self._response = None
            response.release()
        lines = StreamLines(max(self._max_line, len(body) + 1), prelude=False)
        texts = lines.feed(body)
        if lines.pending:  # a last frame without its newline
            texts.extend(lines.feed(b"\n"))
        return texts

    async def receive(self) -> bytes:
        while True:
            if self.closed_by_server or self.aborted:
                return b""
            if self._pending:
                texts, self._pending = self._pending, []
                data = self.consume(texts)
                if data:
                    return data
                continue
            self._pending = await self._poll()
