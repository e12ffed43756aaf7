"""Saved messages to composer requests and back; sending a saved message with its variables."""

from __future__ import annotations

import asyncio

from explorer.library import LibraryMessage
from explorer.library.requests import from_request, send_saved, to_request
from explorer.session.compose import ComposeRequest, expand
from explorer.templates import MessageTemplate, TemplateEngine

ORDER = LibraryMessage(
    "new order",
    ("/queue/orders", "/queue/audit"),
    headers=(("x-run", "{{uuid}}"), ("priority", "4")),
    body='{"user": {{user}}, "n": {{n}}}',
    content_type="application/json",
    receipt=True,
    count=2,
)


def test_a_saved_message_fills_the_composer_and_comes_back_the_same() -> None:
    request = to_request(ORDER)
    assert request.destination == "/queue/orders"
    assert request.headers[1] == ("content-type", "application/json")
    assert (request.receipt, request.count) == (True, 2)
    assert request.body == b'{"user": {{user}}, "n": {{n}}}'
    back = from_request(request, "new order")
    assert back.headers == ORDER.headers and back.content_type == ORDER.content_type
    assert back.destinations == ("/queue/orders",)  # the composer holds one destination
    assert to_request(ORDER, "/queue/audit").destination == "/queue/audit"


def test_a_binary_body_stays_bytes() -> None:
    request = ComposeRequest("SEND", (("destination", "/queue/b"),), b"\xff\x00")
    assert from_request(request, "binary").body == b"\xff\x00"


def test_send_saved_expands_with_the_library_variables_once() -> None:
    engine = TemplateEngine({"user": 1001})
    templates = [
        MessageTemplate(engine, d, ORDER.headers, ORDER.body, ORDER.content_type)
        for d in ORDER.destinations
    ]
    sent: list[ComposeRequest] = []

    async def execute(request: ComposeRequest) -> None:
        # The session's SEND path expands again (built-ins only): it must be a no-op.
        sent.append(expand(request, 1))

    count = asyncio.run(send_saved(execute, templates, ORDER))
    assert count == 4
    assert [r.destination for r in sent] == ["/queue/orders", "/queue/audit"] * 2
    assert [r.body for r in sent[::2]] == [b'{"user": 1001, "n": 1}', b'{"user": 1001, "n": 2}']
    assert [r.receipt for r in sent] == [False, False, True, True]  # the last copy each
    run_ids = [dict(r.headers)["x-run"] for r in sent]
    assert len(set(run_ids)) == 4 and all(len(i) == 36 for i in run_ids)


def test_send_saved_keeps_the_rate() -> None:
    waits: list[float] = []
    now = [0.0]

    async def sleep(seconds: float) -> None:
        waits.append(round(seconds, 3))
        now[0] += seconds

    async def execute(request: ComposeRequest) -> None:
        pass

    message = LibraryMessage("paced", ("/queue/p",), body="x", count=3, rate=10)
    template = MessageTemplate(TemplateEngine(), "/queue/p", (), "x")
    asyncio.run(send_saved(execute, [template], message, clock=lambda: now[0], sleep=sleep))
    assert waits == [0.1, 0.1]
