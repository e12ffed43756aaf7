"""The credentials flow of the window's connections, in one place.

A passcode is asked for when the profile has none stored (no keyring, or the broker refused
the stored one); a typed passcode is saved in the keyring only once the broker accepts it
(CONNECTED), never before; a refused one is forgotten, memory and keyring, and the tab's
banner offers "Re-enter passcode". The session only reports (`login_refused`); the prompt,
the refused set and the keyring writes live here.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from explorer.profiles import MANAGEMENT_PASSWORD, PASSCODE, ProfileStore
from explorer.profiles.resolve import ConnectionSettings
from explorer.ui.connection_view import ConnectionView
from explorer.ui.passcode_prompt import PasscodePrompt
from explorer.ui.session import SessionController, SessionState

# (profile name, login, saved in a keyring once accepted?) -> the passcode, or None: cancelled.
AskPasscode = Callable[[str, str, bool], Awaitable[str | None]]

log = logging.getLogger(__name__)


class Credentials(QObject):
    """Asks for, remembers, saves and forgets the passcodes of the window's connections."""

    # The user pressed "Re-enter passcode" in this tab's banner: connect it again, asking.
    reenter_requested = Signal(object)  # ConnectionView

    def __init__(self, store: ProfileStore, parent: QWidget) -> None:
        super().__init__(parent)
        self.store = store
        # Passcodes typed in the prompt, saved only once the broker accepts them.
        self._typed: dict[SessionController, str] = {}
        # Profiles whose login the broker refused: their passcode is asked for again.
        self._refused: set[str] = set()
        # Management passwords typed this run (never saved: nothing proves them right).
        self._management: dict[str, str] = {}
        # Tests replace these with coroutine functions that answer at once.
        self.ask_passcode: AskPasscode = lambda profile, login, persistent: PasscodePrompt(
            profile, login, parent, persistent=persistent
        ).ask()
        self.ask_management_password: AskPasscode = lambda profile, login, _p: PasscodePrompt(
            profile, login, parent, management=True
        ).ask()

    def must_ask_again(self, session: SessionController) -> bool:
        """True when the broker refused this profile's login: connecting asks again."""
        return session.login_was_refused or session.name in self._refused

    async def complete(
        self, settings: ConnectionSettings
    ) -> tuple[ConnectionSettings, str | None] | None:
        """`settings` with a passcode asked for when needed: (settings, passcode typed now or
        None), or None when the user cancelled the prompt."""
        name, login = settings.profile.name, settings.login
        if (
            settings.passcode is not None
            or not login
            or (settings.secrets_persistent and name not in self._refused)
        ):
            return settings, None
        typed = await self.ask_passcode(name, login, settings.secrets_persistent)
        if typed is None:
            return None
        return replace(settings, passcode=typed), typed

    def management_password(self, settings: ConnectionSettings) -> str | None:
        """The management API's password: its own secret (stored, or typed this run), else
        (no management login of its own, the usual case) the STOMP passcode."""
        profile = settings.profile
        password = None
        if profile.name in self.store and not profile.builtin:
            password = self.store.get_secret(profile.name, MANAGEMENT_PASSWORD)
        if password is None:
            password = self._management.get(profile.name)
        if password is None and not profile.management.login:
            password = settings.passcode
        return password

    async def complete_management(self, settings: ConnectionSettings) -> str | None:
        """The management password, asked for when the profile has a management login and
        no password anywhere (no keyring: after a restart or an import). Cancelling the
        prompt connects all the same, without discovery's credentials."""
        password = self.management_password(settings)
        management = settings.profile.management
        endpoint = management.management_url or management.jolokia_url
        if password is not None or not management.login or not endpoint:
            return password
        name = settings.profile.name
        typed = await self.ask_management_password(name, management.login, False)
        if typed:
            self._management[name] = typed
        return typed or None

    def watch(self, view: ConnectionView) -> None:
        """Follow a new tab's logins (refusals and acceptances)."""
        session = view.session
        session.login_refused.connect(partial(self._login_refused, view))
        session.state_changed.connect(partial(self._state_changed, session))

    def remember(self, session: SessionController, typed: str | None) -> None:
        """Keep a passcode typed for `session` until the broker accepts or refuses it."""
        if typed is not None:
            self._typed[session] = typed

    def forget(self, session: SessionController) -> None:
        """The tab closed: a passcode typed for it and never accepted is dropped."""
        self._typed.pop(session, None)

    def reenter(self, view: ConnectionView) -> None:
        """The banner's "Re-enter passcode": ask again and connect the tab in place."""
        self._refused.add(view.session.name)
        self.reenter_requested.emit(view)

    def _login_refused(self, view: ConnectionView, text: str) -> None:
        """Forget the refused passcode (memory and keyring) so the next Connect asks."""
        session = view.session
        self._typed.pop(session, None)
        self._refused.add(session.name)
        if session.name in self.store and not session.profile.builtin:
            self._save(session.name, None)
        view.banner.show_message(
            text, "error", self.tr("Re-enter passcode"), partial(self.reenter, view)
        )

    def _state_changed(self, session: SessionController) -> None:
        """Save a typed passcode now that the broker accepted it."""
        if session.state is not SessionState.CONNECTED:
            return
        self._refused.discard(session.name)
        typed = self._typed.pop(session, None)
        if typed is not None and session.name in self.store and not session.profile.builtin:
            self._save(session.name, typed)

    def _save(self, name: str, passcode: str | None) -> None:
        try:
            self.store.set_secret(name, PASSCODE, passcode)
        except Exception as exc:  # a keyring failure costs a prompt next time, nothing more
            log.warning("could not update the stored passcode of %s: %s", name, exc)
