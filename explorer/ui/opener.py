"""Opening a profile as a connection tab, from the Connect button, a double-click, a
quick-connect URL or the last session.

The steps are always the same: start the sandbox broker when the profile is the built-in
one, resolve the profile into connection settings, ask for the passcode and the management
password when the credentials flow says so, then either connect a disconnected tab of the
same profile again in place (keeping its log, tree and subscriptions) or open a new tab with
the window's settings. A profile edited while a tab uses it is offered to that tab:
"Reconnect now with the new settings" reconnects it in place, log and tree kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QObject

from explorer.profiles import ProfileError, ProfileStore
from explorer.profiles.model import Profile
from explorer.profiles.resolve import ConnectionSettings, settings_for
from explorer.sandbox import SandboxError
from explorer.session.subscriptions import SubscriptionSpec
from explorer.ui.another_user import AnotherUser
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
        # "Open as Another User…" (the Connection menu shows its action)
        self.another_user = AnotherUser(tabs, self)

    def open(self, profile: Profile, restore: Sequence[SubscriptionSpec] = ()) -> None:
        """Connect `profile`: again in its idle tab when there is one, else in a new tab
        (which subscribes to `restore` once connected)."""
        view = self.tabs.idle_view(profile.name) if not restore else None
        if view is None:
            self.runner.run(self._open(profile, restore))
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

    async def _open(self, profile: Profile, restore: Sequence[SubscriptionSpec] = ()) -> None:
        resolved = await self._resolve(profile)
        if resolved is None:
            return
        settings, typed = resolved
        management = await self.credentials.complete_management(settings)
        view = self.tabs.open(settings, management, restore=restore)
        self.credentials.remember(view.session, typed)
        view.session.start()

    async def _reopen(
        self, view: ConnectionView, profile: Profile, *, restart: bool = False
    ) -> None:
        """Connect `view` again with `profile`'s settings; `restart` first disconnects a
        tab that is still up (an edited profile)."""
        resolved = await self._resolve(profile)
        if resolved is None or (view.session.is_active and not restart):
            return
        settings, typed = resolved
        management = await self.credentials.complete_management(settings)
        if view.session.is_active:
            await view.session.shutdown()
        view.session.reconfigure(settings, management)
        self.tabs.retitle(view)
        self.credentials.remember(view.session, typed)
        view.session.start()

    def profile_saved(self, profile: Profile, original_name: str) -> None:
        """An edited profile: each tab using it offers to reconnect with the new settings
        (until then it keeps the old ones)."""
        for view in self.tabs.views():
            if view.session.name not in (original_name, profile.name):
                continue
            if view.session.profile == profile:
                continue
            view.banner.show_message(
                self.tr(
                    "The profile “{name}” was changed. Reconnect this tab to use the new "
                    "settings; its log and tree stay."
                ).format(name=profile.name),
                "info",
                self.tr("Reconnect now with the new settings"),
                partial(self.reconnect_with, view, profile),
            )

    def reconnect_with(self, view: ConnectionView, profile: Profile) -> None:
        """Disconnect `view` and connect it again with `profile` (log and tree kept)."""
        self.runner.run(self._reopen(view, profile, restart=True))

    def _reenter(self, view: ConnectionView) -> None:
        """The banner's "Re-enter passcode" (the credentials flow marked it refused)."""
        self.runner.run(self._reopen(view, view.session.profile))

    def _configure(self, view: ConnectionView) -> None:
        """A new tab gets the window's log cap, hidden columns and tree width, and its logins
        are followed by the credentials flow."""
        messages = view.session.messages
        messages.set_limits(self.settings.log_limit, messages.log.max_bytes)
        view.log_pane.set_hidden_columns(self.settings.hidden_log_columns)
        hidden_tree = self.settings.hidden_tree_columns
        if hidden_tree is not None:
            view.tree_pane.set_hidden_columns(hidden_tree)
        view.tree_fraction = self.settings.tree_fraction
        self.credentials.watch(view)
