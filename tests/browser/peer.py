"""A real headless Chromium as a STOMP peer: the page (page.html, @stomp/stompjs and
sockjs-client bundled from tests/node/node_modules) served by a local HTTP server that the
test starts, driven by playwright-core (drive.js) with Debian's /usr/bin/chromium.

    async with page_server() as base:                       # http://127.0.0.1:N
        async with BrowserPage(page_url(base, url=..., mode="sockjs", destination=...),
                               expected=2) as page:
            await page.ready()                               # the page has subscribed
            ... send two messages ...
            result = await page.result()                     # {"messages": [...], ...}
"""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

HERE = Path(__file__).resolve().parent
NODE_MODULES = HERE.parent / "node" / "node_modules"
CHROMIUM = Path("/usr/bin/chromium")
FILES = {
    "/": HERE / "page.html",
    "/js/stomp.umd.min.js": NODE_MODULES / "@stomp" / "stompjs" / "bundles" / "stomp.umd.min.js",
    "/js/sockjs.min.js": NODE_MODULES / "sockjs-client" / "dist" / "sockjs.min.js",
}


def require_browser() -> None:
    """Fail (never skip) with what to install when the browser or the packages are missing."""
    assert CHROMIUM.exists(), "Debian's chromium is missing: scripts/test installs it"
    assert shutil.which("node"), "Node.js is missing: scripts/test installs it"
    assert (NODE_MODULES / "playwright-core").is_dir(), (
        "npm packages missing: run (cd tests/node && npm install)"
    )
    for path in FILES.values():
        assert path.is_file(), f"{path} is missing: run (cd tests/node && npm install)"


@asynccontextmanager
async def page_server() -> AsyncIterator[str]:
    """Serve the page and its scripts on a free loopback port; yields the base URL."""
    app = web.Application()
    for route, path in FILES.items():
        app.router.add_get(route, _file_handler(path))
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    finally:
        await runner.cleanup()


def _file_handler(path: Path) -> Any:
    content_type = "text/html" if path.suffix == ".html" else "application/javascript"

    async def handle(_request: web.Request) -> web.Response:
        return web.Response(body=path.read_bytes(), content_type=content_type, charset="utf-8")

    return handle


def page_url(base: str, **query: str) -> str:
    return f"{base}/?{urlencode(query)}"


class BrowserPage:
    """drive.js in a subprocess: Chromium with the page open until it got `expected`
    messages (or a minute passed)."""

    def __init__(self, url: str, expected: int, screenshot: Path | None = None) -> None:
        self.url = url
        self.expected = expected
        self.screenshot = screenshot
        self._process: asyncio.subprocess.Process | None = None

    async def __aenter__(self) -> BrowserPage:
        require_browser()
        args = [str(HERE / "drive.js"), self.url, str(self.expected)]
        if self.screenshot is not None:
            args.append(str(self.screenshot))
        node = shutil.which("node")
        assert node is not None
        self._process = await asyncio.create_subprocess_exec(
            node, *args, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
        )
        return self

    async def _line(self, timeout: float) -> dict[str, Any]:
        process = self._process
        assert process is not None and process.stdout is not None
        line = await asyncio.wait_for(process.stdout.readline(), timeout)
        if not line:
            assert process.stderr is not None
            error = await process.stderr.read()
            raise AssertionError(f"the browser driver ended early: {error.decode()[-3000:]}")
        answer: dict[str, Any] = json.loads(line)
        return answer

    async def ready(self) -> dict[str, Any]:
        """Wait until the page subscribed (its RECEIPT came); fails with the page's state."""
        answer = await self._line(60)
        assert answer.get("ready") is True, f"the page did not subscribe: {answer}"
        return answer

    async def result(self) -> dict[str, Any]:
        """The page's state once it holds the expected messages."""
        answer = await self._line(90)
        assert not answer["timedOut"], f"the page did not get every message: {answer}"
        result: dict[str, Any] = answer["result"]
        return result

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        process = self._process
        if process is None:
            return
        if process.returncode is None:
            try:
                await asyncio.wait_for(process.wait(), 10)
            except TimeoutError:
                process.kill()
                await process.wait()
