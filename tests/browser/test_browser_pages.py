"""A real headless Chromium loading a page that uses @stomp/stompjs, over SockJS and over a
plain WebSocket, against the sandbox and RabbitMQ Web-STOMP: it receives what
`stomp-explorer send` and the window's composer send, Korean text intact."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from explorer.profiles.model import Profile
from explorer.ui.main_window import MainWindow
from tests.browser.peer import BrowserPage, page_server, page_url
from tests.gui.window.conftest import add_profile, connect
from tests.support.brokers import Broker
from tests.support.sandbox import running_sandbox

pytestmark = [pytest.mark.browser, pytest.mark.node]

NOTICE = {"title": "주문이 발송되었습니다", "message": "배송 번호 1234 · Your order has shipped"}
PASSCODE_ENV = "STOMP_BROWSER_TEST_PASSCODE"


def _destination(kind: str = "topic") -> str:
    return f"/{kind}/browser.{uuid.uuid4().hex[:10]}"


async def _cli_send(url: str, destination: str, body: str, *extra: str, **env: str) -> None:
    """`stomp-explorer send`, as a separate process, as a back end's script would run it."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "explorer",
        "send",
        url,
        destination,
        "--body",
        body,
        "--header",
        "content-type:application/json;charset=utf-8",
        *extra,
        env={**os.environ, **env},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0, err.decode()


@pytest.mark.asyncio
@pytest.mark.parametrize("mode", ["sockjs", "websocket"])
async def test_a_page_on_the_sandbox_receives_what_the_command_line_sends(
    mode: str, tmp_path: Path
) -> None:
    destination = _destination()
    body = json.dumps(NOTICE, ensure_ascii=False)
    async with running_sandbox() as broker, page_server() as base:
        url = broker.sockjs_url if mode == "sockjs" else broker.ws_url
        address = page_url(base, url=url, mode=mode, destination=destination)
        async with BrowserPage(address, 2, tmp_path / f"page-{mode}.png") as page:
            ready = await page.ready()
            await _cli_send(broker.tcp_url, destination, body)
            await _cli_send(broker.tcp_url, destination, "안녕하세요 👋")
            result = await page.result()
    # sockjs-client in a browser prefers its websocket transport, as a Spring page's does
    assert ready["transport"] == "websocket"
    assert [m["body"] for m in result["messages"]] == [body, "안녕하세요 👋"]
    assert json.loads(result["messages"][0]["body"]) == NOTICE
    assert {m["destination"] for m in result["messages"]} == {destination}
    assert result["errors"] == [] and result["closes"] == []
    assert (tmp_path / f"page-{mode}.png").stat().st_size > 0


@pytest.mark.asyncio
async def test_a_page_on_the_sandbox_over_sockjs_xhr_gets_a_user_destination(
    tmp_path: Path,
) -> None:
    """A page whose browser cannot open WebSockets (a proxy): SockJS falls back to XHR; the
    user's own queue reaches only its sessions."""
    async with running_sandbox() as broker, page_server() as base:
        address = page_url(
            base,
            url=broker.sockjs_url,
            mode="sockjs",
            transports="xhr-streaming",
            destination="/user/queue/notices",
            login="alice",
            passcode="x",
        )
        async with BrowserPage(address, 1) as page:
            await page.ready()
            await _cli_send(broker.tcp_url, "/user/bob/queue/notices", '"not for alice"')
            await _cli_send(broker.tcp_url, "/user/alice/queue/notices", '"앨리스에게"')
            result = await page.result()
    assert result["transport"] == "xhr-streaming"
    assert result["messages"] == [{"body": '"앨리스에게"', "destination": "/user/queue/notices"}]


@pytest.mark.rabbitmq
@pytest.mark.asyncio
async def test_a_page_on_rabbitmq_web_stomp_receives_what_the_command_line_sends(
    rabbitmq: Broker,
) -> None:
    assert rabbitmq.ws_url is not None
    destination = _destination()
    body = json.dumps(NOTICE, ensure_ascii=False)
    async with page_server() as base:
        address = page_url(
            base,
            url=rabbitmq.ws_url,
            mode="websocket",
            destination=destination,
            login=rabbitmq.login or "guest",
            passcode=rabbitmq.passcode or "guest",
            host="/",
        )
        async with BrowserPage(address, 1) as page:
            await page.ready()
            await _cli_send(
                rabbitmq.stomp_url,
                destination,
                body,
                *("--user", rabbitmq.login or "guest", "--passcode-env", PASSCODE_ENV),
                **{PASSCODE_ENV: rabbitmq.passcode or "guest"},
            )
            result = await page.result()
    assert result["messages"] == [{"body": body, "destination": destination}]


Run = Callable[[Awaitable[Any]], Any]


@pytest.mark.gui
def test_a_page_over_sockjs_receives_what_the_windows_composer_sends(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    window = make_window()
    destination = _destination()
    body = json.dumps(NOTICE, ensure_ascii=False)

    async def scenario() -> None:
        async with running_sandbox() as broker, page_server() as base:
            add_profile(window, Profile(name="local sandbox", url=broker.tcp_url))
            await connect(window, "local sandbox")
            address = page_url(base, url=broker.sockjs_url, mode="sockjs", destination=destination)
            async with BrowserPage(address, 1) as page:
                await page.ready()
                window.composer.set_destination(destination)
                window.composer.body.setPlainText(body)
                assert window.composer.validate() is not False  # valid JSON, a destination
                window.composer.send_button.click()
                result = await page.result()
            assert result["messages"] == [{"body": body, "destination": destination}]

    run(scenario())
