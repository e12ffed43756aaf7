"""The credentials flow: a refused login is forgotten and asked for again; a typed passcode
reaches the keyring only once the broker accepted it (CONNECTED), never before."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QPushButton

from explorer.profiles import PASSCODE
from explorer.profiles.model import HeartBeat, Profile
from explorer.ui.main_window import MainWindow
from explorer.ui.session import SessionState
from tests.gui.window.conftest import add_profile, child, until
from tests.support.sandbox import running_sandbox

pytestmark = pytest.mark.gui

Run = Callable[[Awaitable[Any]], Any]


def test_refused_login_prompts_and_saves_only_after_connected(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    window = make_window()
    answers = ["typed but wrong", "right"]
    asked: list[tuple[str, str, bool]] = []

    async def prompt(profile: str, login: str, persistent: bool) -> str | None:
        asked.append((profile, login, persistent))
        return answers.pop(0)

    window.credentials.ask_passcode = prompt

    async def body() -> None:
        async with running_sandbox(login="qa", passcode="right") as broker:
            profile = Profile(name="Locked", url=broker.tcp_url, login="qa")
            add_profile(window, profile, passcode="stored but wrong")
            child(window, QPushButton, "connectButton").click()
            await until(
                lambda: window.views() and window.views()[0].session.login_was_refused,
                what="the stored passcode to be refused",
            )
            view = window.views()[0]
            assert asked == []  # a keyring passcode was stored: no prompt the first time
            assert window.store.get_secret("Locked", PASSCODE) is None  # forgotten
            # What the keyring holds at each state change of the session, from now on.
            seen: list[tuple[SessionState, str | None]] = []
            view.session.state_changed.connect(
                lambda: seen.append(
                    (view.session.state, window.store.get_secret("Locked", PASSCODE))
                )
            )
            # Connect again: the prompt asks; the typed passcode is refused and never saved.
            child(window, QPushButton, "connectButton").click()
            await until(lambda: len(asked) == 1, what="the prompt")
            await until(
                lambda: view.session.state is SessionState.FAILED and view.banner.isVisible(),
                what="the typed passcode to be refused",
            )
            assert window.store.get_secret("Locked", PASSCODE) is None
            assert len(window.views()) == 1  # the same tab, connected again in place
            # The banner's "Re-enter passcode" asks again; the right one connects and is saved.
            action = child(view, QPushButton, "bannerAction")
            assert action.text() == "Re-enter passcode"
            seen.clear()
            action.click()
            await until(lambda: view.session.is_connected, what="the connection")
            assert asked == [("Locked", "qa", True), ("Locked", "qa", True)]
            before = [secret for state, secret in seen if state is not SessionState.CONNECTED]
            assert before and all(secret is None for secret in before)
            assert (SessionState.CONNECTED, "right") in seen
            assert window.store.get_secret("Locked", PASSCODE) == "right"
            await view.session.shutdown()

    run(body())


def test_cancelling_the_prompt_leaves_the_refused_tab_as_it_is(
    make_window: Callable[..., MainWindow], run: Run
) -> None:
    window = make_window()
    asked: list[str] = []

    async def cancel(profile: str, login: str, persistent: bool) -> str | None:
        asked.append(profile)
        return None

    window.credentials.ask_passcode = cancel

    async def body() -> None:
        async with running_sandbox(login="qa", passcode="right") as broker:
            profile = Profile(
                name="Ask me", url=broker.tcp_url, login="qa", heart_beat=HeartBeat(0, 0)
            )
            add_profile(window, profile, passcode="wrong")
            child(window, QPushButton, "connectButton").click()
            await until(
                lambda: window.views() and window.views()[0].session.login_was_refused,
                what="the refusal",
            )
            view = window.views()[0]
            child(view, QPushButton, "bannerAction").click()  # Re-enter passcode… Cancel
            await until(lambda: asked == ["Ask me"], what="the prompt")
            await until(lambda: window.runner.pending == 0, what="the cancelled reopen to end")
            assert window.views() == [view]
            assert view.session.state is SessionState.FAILED
            assert window.store.get_secret("Ask me", PASSCODE) is None

    run(body())
