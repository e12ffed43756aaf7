"""Opening a profile as a connection tab, from the Connect button, a double-click or a
quick-connect URL.

The steps are always the same: start the sandbox broker when the profile is the built-in
one, resolve the profile into connection settings, ask for a passcode when the credentials
flow says so, then either connect a disconnected tab of the same profile again in place
(keeping its log, tree and subscriptions) or open a new tab with the window's settings.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from explorer.profiles import ProfileError, ProfileStore
from explorer.profiles.model import Profile
from explorer.profiles.resolve import ConnectionSettings, settings_for
from explorer.sandbox import SandboxError
from explorer.ui.config import WindowSettings
from explorer.ui.connection_view import ConnectionView
from explorer.ui.credentials import Credentials
from explorer.ui.sandbox_runner import SandboxRunner, is_sandbox
from explorer.ui.tabs import ConnectionTabs
from explorer.ui.tasks import TaskRunner


class ConnectionOpener(QObject):
    """Turns profiles into connected tabs of `tabs`."""

    def __init__(
        self,
        *,
        store: ProfileStore,
        tabs: ConnectionTabs,
        credentials: Credentials,
        sandbox: SandboxRunner,
        settings: WindowSettings,
        runner: TaskRunner,
        report: Callable[[str], None],
    ) -> None:
        super().__init__(tabs)
        self.store = store
        self.tabs = tabs
        self.credentials = credentials
        self.sandbox = sandbox
        self.settings = settings
        self.runner = runner
        self.report = report
        tabs.view_added.connect(self._configure)
        credentials.reenter_requested.connect(self._reenter)

    def open(self, profile: Profile) -> None:
        """Connect `profile`: again in its idle tab when there is one, else in a new tab."""
        view = self.tabs.idle_view(profile.name)
        if view is None:
            self.runner.run(self._open(profile))
            return
        self.tabs.setCurrentWidget(view)
        view.banner.hide()
        if self.credentials.must_ask_again(view.session):
            self.runner.run(self._reopen(view, profile))
        else:
            view.session.start()

    async def _resolve(self, profile: Profile) -> tuple[ConnectionSettings, str | None] | None:
        """The connection settings of `profile`, asking for its passcode when needed:
        (settings, passcode typed now or None), or None when cancelled or impossible."""
        try:
            if is_sandbox(profile):
                profile = await self.sandbox.resolve(profile)
            settings = settings_for(profile, self.store)
        except (ProfileError, OSError, SandboxError) as exc:
            self.report(
                self.tr("Cannot connect {name}: {error}").format(name=profile.name, error=exc)
            )
            return None
        return await self.credentials.complete(settings)

    async def _open(self, profile: Profile) -> None:
        resolved = await self._resolve(profile)
        if resolved is None:
            return
        settings, typed = resolved
        view = self.tabs.open(settings, self.credentials.management_password(settings))
        self.credentials.remember(view.session, typed)
        view.session.start()

    async def _reopen(self, view: ConnectionView, profile: Profile) -> None:
        resolved = await self._resolve(profile)
        if resolved is None or view.session.is_active:
            return
        settings, typed = resolved
        view.session.settings = settings
        self.credentials.remember(view.session, typed)
        view.session.start()

    def _reenter(self, view: ConnectionView) -> None:
        """The banner's "Re-enter passcode" (the credentials flow marked it refused)."""
        self.runner.run(self._reopen(view, view.session.profile))

    def _configure(self, view: ConnectionView) -> None:
        """A new tab gets the window's log cap, hidden columns and tree width, and its logins
        are followed by the credentials flow."""
        messages = view.session.messages
        messages.set_limits(self.settings.log_limit, messages.log.max_bytes)
        view.log_pane.set_hidden_columns(self.settings.hidden_log_columns)
        view.tree_fraction = self.settings.tree_fraction
        self.credentials.watch(view)
