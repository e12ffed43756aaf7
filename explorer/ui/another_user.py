""" "Open as another user": the same connection and subscriptions in a new tab, logged in as
someone else (another login and passcode, or another bearer token), so Alice's and Bob's
`/user/queue/...` can be watched side by side.

The copy is never saved: its profile is named "<profile> · <login>" (not in the store, so
the credentials flow never writes the other user's passcode under the original profile),
and what was typed lives only in that tab's settings.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from explorer.profiles.model import TokenSettings
from explorer.profiles.resolve import ConnectionSettings
from explorer.ui.connection_view import ConnectionView
from explorer.ui.icons import icon
from explorer.ui.tabs import ConnectionTabs

if TYPE_CHECKING:
    from explorer.ui.opener import ConnectionOpener  # it makes the one AnotherUser


def another_user_settings(
    settings: ConnectionSettings, login: str, passcode: str | None, token: str | None
) -> ConnectionSettings:
    """`settings` for another user: login and passcode replaced; a token, when given, goes
    where the profile puts its token (a CONNECT Authorization header when it has none)."""
    profile = settings.profile
    who = login or "token"
    copy = replace(profile, name=f"{profile.name} · {who}", login=login or None, builtin=False)
    changed = replace(settings, profile=copy, login=login or None, passcode=passcode)
    if token:
        source = settings.token if settings.token.enabled else TokenSettings()
        changed = replace(changed, token=replace(source, source="keyring"), token_value=token)
    return changed


class AnotherUserDialog(QDialog):
    """Login, passcode and (optional) token of the other user."""

    def __init__(self, view: ConnectionView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("anotherUserDialog")
        self.setWindowTitle(self.tr("Open as another user"))
        self.login = QLineEdit()
        self.login.setObjectName("anotherUserLogin")
        self.login.setPlaceholderText(self.tr("for example bob"))
        self.passcode = QLineEdit()
        self.passcode.setObjectName("anotherUserPasscode")
        self.passcode.setEchoMode(QLineEdit.EchoMode.Password)
        self.token = QLineEdit()
        self.token.setObjectName("anotherUserToken")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("only if the server reads a bearer token"))
        intro = QLabel(
            self.tr(
                "A new tab connects to {name} with the same subscriptions as this one, as "
                "another user: watch both users' /user/queue/… side by side. Nothing typed "
                "here is saved."
            ).format(name=view.session.name)
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Login:"), self.login)
        form.addRow(self.tr("Passcode:"), self.passcode)
        form.addRow(self.tr("Token:"), self.token)
        self.problem = QLabel()
        self.problem.setObjectName("anotherUserProblem")
        self.problem.setProperty("hint", True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if not self.login.text().strip() and not self.token.text():
            self.problem.setText(self.tr("Give a login or a token."))
            return
        self.accept()

    def values(self) -> tuple[str, str | None, str | None]:
        """(login, passcode or None, token or None)."""
        return (
            self.login.text().strip(),
            self.passcode.text() or None,
            self.token.text().strip() or None,
        )


class AnotherUser(QObject):
    """The "Open as Another User…" action (the window puts it in its Connection menu) and
    the tab bar's context menu."""

    def __init__(self, tabs: ConnectionTabs, opener: ConnectionOpener) -> None:
        super().__init__(tabs)
        self.tabs = tabs
        self.opener = opener
        self.action = QAction(icon("connect"), self.tr("Open as &Another User…"), tabs)
        self.action.setObjectName("openAsAnotherUserAction")
        self.action.setToolTip(
            self.tr("The current connection and its subscriptions in a new tab, as another user")
        )
        self.action.triggered.connect(self._current)
        tabs.currentChanged.connect(lambda _index: self._update())
        bar = tabs.tabBar()
        bar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        bar.customContextMenuRequested.connect(self._tab_menu)
        self._update()

    def _update(self) -> None:
        self.action.setEnabled(self.tabs.current_view() is not None)

    def _current(self) -> None:
        view = self.tabs.current_view()
        if view is not None:
            self.ask(view)

    def _tab_menu(self, point: QPoint) -> None:
        bar = self.tabs.tabBar()
        widget = self.tabs.widget(bar.tabAt(point))
        if not isinstance(widget, ConnectionView):
            return
        menu = QMenu(bar)
        menu.addAction(icon("connect"), self.tr("Open as Another User…"), lambda: self.ask(widget))
        menu.exec(bar.mapToGlobal(point))

    def ask(self, view: ConnectionView) -> None:
        """The dialog, then the new tab (nothing happens when cancelled)."""
        dialog = AnotherUserDialog(view, self.tabs.window())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.open_as(view, *dialog.values())

    def open_as(
        self, view: ConnectionView, login: str, passcode: str | None, token: str | None
    ) -> ConnectionView:
        """A new, started tab: `view`'s connection and subscriptions as another user."""
        settings = another_user_settings(view.session.settings, login, passcode, token)
        management = self.opener.credentials.management_password(view.session.settings)
        new = self.tabs.open(settings, management, restore=view.session.subscription_specs())
        new.session.start()
        return new
