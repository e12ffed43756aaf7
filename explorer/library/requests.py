"""Between a saved message and the composer's `ComposeRequest`, both ways, and sending a
saved message with its variables (the library's Send: collection and profile variables
apply, through `LibraryStore.engine_for`, as in the composer).

    request = to_request(message)                 # into the composer, templates as written
    message = from_request(request, "new order")  # the composer's frame, saved by name
    sent = await send_saved(session.execute, store.templates(...), message)
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from explorer.library.model import LibraryMessage
from explorer.session.compose import ComposeRequest
from explorer.templates import MessageTemplate, literal

# Headers a composer frame carries that the library keeps elsewhere or never keeps.
_NOT_SAVED = frozenset({"destination", "content-type", "content-length", "receipt"})


def to_request(message: LibraryMessage, destination: str | None = None) -> ComposeRequest:
    """A SEND for the composer (templates as written); `destination` picks one of several."""
    where = destination or message.destinations[0]
    headers: list[tuple[str, str]] = [("destination", where)]
    if message.content_type:
        headers.append(("content-type", message.content_type))
    headers += message.headers
    body = message.body if isinstance(message.body, bytes) else message.body.encode("utf-8")
    return ComposeRequest(
        "SEND", tuple(headers), body, receipt=message.receipt, count=message.count
    )


def from_request(request: ComposeRequest, name: str, rate: float | None = None) -> LibraryMessage:
    """The composer's SEND as a saved message: every `destination` header, the first
    `content-type` as the content type, the other headers in order."""
    destinations = tuple(v for k, v in request.headers if k == "destination" and v.strip())
    content_type = next((v for k, v in request.headers if k == "content-type"), None)
    headers = tuple((k, v) for k, v in request.headers if k not in _NOT_SAVED)
    try:
        body: str | bytes = request.body.decode("utf-8")
    except UnicodeDecodeError:
        body = request.body
    return LibraryMessage(
        name=name,
        destinations=destinations,
        headers=headers,
        body=body,
        content_type=content_type or None,
        receipt=request.receipt,
        count=request.count,
        rate=rate,
    )


Execute = Callable[[ComposeRequest], Awaitable[Any]]


async def send_saved(
    execute: Execute,
    templates: Sequence[MessageTemplate],
    message: LibraryMessage,
    *,
    clock: Callable[[], float] | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> int:
    """Send `message.count` copies to each destination (one template each), paced by
    `message.rate`; a receipt, when asked, confirms each destination's last copy. Texts are
    expanded here, with the library's variables, and passed on as literals so the SEND path
    never expands them again. Returns how many frames were sent; TemplateError and the
    session's errors propagate."""
    loop_time = clock or asyncio.get_running_loop().time
    started = loop_time()
    sent = 0
    for n in range(1, message.count + 1):
        if message.rate and n > 1:
            delay = started + (n - 1) / message.rate - loop_time()
            if delay > 0:
                await sleep(delay)
        for template in templates:
            rendered = template.render(n)
            headers = (
                ("destination", literal(rendered.destination)),
                *((k, literal(v)) for k, v in rendered.headers),
            )
            body = rendered.body
            with contextlib.suppress(UnicodeDecodeError):  # a binary body is never expanded
                body = literal(body.decode("utf-8")).encode("utf-8")
            receipt = message.receipt and n == message.count
            await execute(ComposeRequest("SEND", headers, body, receipt=receipt))
            sent += 1
    return sent
