"""The window over a SockJS URL (sockjs-node relaying to ActiveMQ): a profile with a keyring
token in CONNECT and a forced SockJS transport connects from the window, receives, shows the
SockJS layer in the traffic inspector's records and never the token."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from explorer.profiles import TOKEN, TokenSettings, WebSocketSettings
from explorer.profiles.model import Profile
from explorer.session.compose import ComposeRequest
from explorer.ui.main_window import MainWindow
from explorer.ui.session import SessionState
from tests.gui.window.conftest import connect, until
from tests.support.brokers import Broker
from tests.support.sockjs_relay import sockjs_relay

pytestmark = [pytest.mark.gui, pytest.mark.activemq, pytest.mark.node]

SECRET = "jwt-WINDOW-SECRET"


def test_a_spring_like_profile_works_from_the_window(
    make_window: Callable[..., MainWindow],
    run: Callable[[Awaitable[Any]], Any],
    activemq: Broker,
) -> None:
    window = make_window()
    queue = f"/queue/sockjs.window.{uuid.uuid4().hex[:8]}"
    with sockjs_relay() as base:
        profile = Profile(
            name="Spring over SockJS",
            url=base,
            websocket=WebSocketSettings(sockjs_transport="xhr-streaming"),
            token=TokenSettings("keyring", placement="connect", name="X-Auth-Token"),
        )
        window.store.add(profile, {TOKEN: SECRET})
        window.profiles.model.refresh()

        async def body() -> None:
            view = await connect(window, profile.name)
            assert view.session.state is SessionState.CONNECTED
            await view.session.subscribe(queue)
            headers = (("destination", queue),)
            await view.session.execute(ComposeRequest("SEND", headers, "안녕".encode(), True))
            model = view.session.messages

            def bodies() -> list[str]:
                model.flush()
                return [model.entry_at(r).body.decode() for r in range(model.rowCount())]

            await until(lambda: bodies().count("안녕") == 2, what="the message in and out")
            traffic = view.session.traffic
            traffic.flush()
            shown = [traffic.row_record(r).data for r in range(traffic.rowCount())]
            assert any(b"X-Auth-Token:***" in data for data in shown)
            assert not any(SECRET.encode() in data for data in shown)
            assert any(data == b"o" for data in shown)  # the SockJS layer, under STOMP
            assert view.session.transport == "sockjs-xhr-streaming"
            window.status.show_session(view.session)
            assert window.status.state.text().endswith(", over SockJS xhr-streaming")

        run(body())
