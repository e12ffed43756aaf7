"""The window's repair tools in one place: queue operations, re-publish, the health dock.

The window makes one `OperationsWorkspace`; it wires itself to the tab container (tree and
log menus of every tab, capture tabs), and gives what the parts need from the window: the
management password (the credentials flow), the composer, and "open the profile" at its
Management page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from explorer.session.compose import ComposeRequest
from explorer.ui.health_watch import HealthWatch
from explorer.ui.queue_ops import QueueOps
from explorer.ui.republisher import Republisher
from explorer.ui.session import SessionController

if TYPE_CHECKING:
    from explorer.ui.main_window import MainWindow


class OperationsWorkspace(QObject):
    """Queue operations (`queue_ops`), re-publish (`republisher`) and health (`health`)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.queue_ops = QueueOps(window.tabs, window, self.password_for, self.open_profile)
        self.republisher = Republisher(window.tabs, window, self.compose)
        self.health = HealthWatch(
            window.tabs,
            window,
            window.runner,
            self.password_for,
            self.open_profile,
            beside=window.composer_dock,
        )

    def password_for(self, session: SessionController) -> str | None:
        """The management password as discovery has it (keyring, typed, or the passcode)."""
        return self.window_.credentials.management_password(session.settings)

    def compose(self, request: ComposeRequest) -> None:
        window = self.window_
        window.composer_dock.show()
        window.composer_dock.raise_()
        window.composer.load_request(request)
        window.composer.body.setFocus()

    def open_profile(self, name: str) -> None:
        """Edit profile `name` at its Management page (Jolokia and management URLs)."""
        profiles = self.window_.profiles
        profiles.select(name)
        dialog = profiles.edit_profile()
        if dialog is None:
            return
        for index in range(dialog.pages.count()):
            page = dialog.pages.widget(index)
            if page is not None and page.isAncestorOf(dialog.jolokia_edit):
                dialog.page_list.setCurrentRow(index)
                dialog.jolokia_edit.setFocus()

    def add_menus(self, view_menu: QMenu) -> None:
        view_menu.addAction(self.health.dock.toggleViewAction())

    def place(self) -> None:
        """Reset layout: the health dock hidden, beside the composer when next shown."""
        self.health.place()
