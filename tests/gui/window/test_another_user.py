""" "Open as another user": Alice's tab duplicated as Bob's, same subscriptions, each tab gets
its own user's `/user/queue/...` messages; nothing typed is saved."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from explorer.client import Client
from explorer.profiles.model import Profile
from explorer.ui.another_user import AnotherUserDialog, another_user_settings
from explorer.ui.main_window import MainWindow
from explorer.ui.session import SessionState
from tests.gui.window.conftest import add_profile, connect, until
from tests.support.keyrings import MemoryKeyring
from tests.support.sandbox import running_sandbox

pytestmark = pytest.mark.gui

Run = Callable[[Awaitable[Any]], Any]


def test_alice_and_bob_side_by_side(
    make_window: Callable[..., MainWindow], run: Run, memory_keyring: MemoryKeyring
) -> None:
    window = make_window()

    async def body() -> None:
        async with running_sandbox() as broker:
            add_profile(window, Profile(name="app", url=broker.tcp_url, login="alice"), "a-pass")
            alice = await connect(window, "app")
            await alice.session.subscribe("/user/queue/notices")
            assert window.opener.another_user.action.isEnabled()
            bob = window.opener.another_user.open_as(alice, "bob", "b-pass", None)
            await until(lambda: bob.session.state is SessionState.CONNECTED, what="Bob's tab")
            await until(
                lambda: "/user/queue/notices" in bob.session.subscriptions, what="Bob subscribed"
            )
            index = window.tabs.indexOf(bob)
            assert window.tabs.tabText(index) == "app · bob"
            assert bob.session.settings.login == "bob"
            sender = Client(broker.tcp_url)
            await sender.connect()
            try:
                await sender.send("/user/alice/queue/notices", "for alice", receipt=True)
                await sender.send("/user/bob/queue/notices", "밥에게", receipt=True)
            finally:
                await sender.disconnect()

            def bodies(view: Any) -> list[bytes]:
                return [e.body for e in view.session.messages.log if e.direction == "in"]

            await until(lambda: bodies(alice) and bodies(bob), what="one message each")
            assert bodies(alice) == [b"for alice"]
            assert bodies(bob) == ["밥에게".encode()]
            # nothing of Bob's was saved under the profile
            assert window.store.get_secret("app", "passcode") == "a-pass"
            assert "app · bob" not in window.store

    run(body())


def test_the_dialog_asks_for_a_login_or_a_token(qapp: QApplication) -> None:
    class _View:
        class session:  # a stand-in with the one attribute the dialog reads
            name = "app"

    dialog = AnotherUserDialog(_View())  # type: ignore[arg-type]
    dialog._accept()
    assert dialog.problem.text() == "Give a login or a token."
    assert dialog.result() == 0
    dialog.token.setText(" eyJ.token ")
    dialog._accept()
    assert dialog.values() == ("", None, "eyJ.token")
    dialog.deleteLater()


def test_a_token_goes_where_the_profile_puts_tokens() -> None:
    from explorer.profiles.model import TokenSettings
    from explorer.profiles.resolve import settings_from

    profile = Profile(
        name="spring",
        url="http://127.0.0.1:8080/ws",
        login="alice",
        token=TokenSettings(source="env", env="ALICE_TOKEN", placement="query", name="jwt"),
    )
    settings = settings_from(profile, {"passcode": "a"})
    bob = another_user_settings(settings, "", None, "bob-token")
    assert bob.token.placement == "query" and bob.token.name == "jwt"
    assert bob.token.source == "keyring" and bob.token_value == "bob-token"
    assert bob.login is None and bob.passcode is None
    assert bob.profile.name == "spring · token"
    plain = another_user_settings(
        settings_from(Profile(name="p", url="stomp://h"), {}), "x", "y", "t"
    )
    assert plain.token.placement == "connect" and plain.token_value == "t"


def test_the_log_shows_the_delivered_destination_beside_the_subscribed_one(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    window = make_window()

    async def body() -> None:
        async with running_sandbox() as broker:
            add_profile(window, Profile(name="user", url=broker.tcp_url, login="carol"), "c")
            view = await connect(window, "user")
            await view.session.subscribe("/user/queue/replies")
            own = f"/queue/replies-user{next(iter(broker.sessions)).session_id}"
            sender = Client(broker.tcp_url)
            await sender.connect()
            try:
                await sender.send(own, "direct", receipt=True)
            finally:
                await sender.disconnect()
            model = view.session.messages
            await until(lambda: model.rowCount() >= 1, what="the message in the log")
            shown = model.index(model.rowCount() - 1, model.DESTINATION).data()
            assert shown == f"/user/queue/replies ← {own}"
            tree = view.session.destinations.tree
            await until(lambda: "/user/queue/replies" in tree.destinations(), what="the node")
            node = tree.node("/user/queue/replies")
            assert node is not None

    run(body())
