"""The profile dialog's "Token & SockJS" page: CONNECT headers, the bearer token (where it
comes from and where it goes), browser-like mode and the SockJS transport (issue 14).

A base class of `ProfileDialog` beside `ProfilePages`: it builds the page's widgets, loads
them from a profile and its secrets, and reads them back. Secret values (the keyring token,
CONNECT headers that carry credentials) go to the keyring like the other secrets.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from explorer.client.requests import is_secret_header as is_secret_connect_header
from explorer.profiles import TOKEN, Profile, TokenSettings, connect_header_field
from explorer.ui.profile_pages import ProfilePages, _SecretValueDelegate

Headers = tuple[tuple[str, str], ...]


class _ConnectSecretDelegate(_SecretValueDelegate):
    """Masks CONNECT header values that carry credentials (Authorization, X-CSRF-TOKEN...)."""

    def _is_secret(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        name = index.model().index(index.row(), 0).data()
        return isinstance(name, str) and is_secret_connect_header(name)


class BrowserPathPages(ProfilePages):
    """The page builder, loader and reader of the browser's path settings."""

    def _token_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        holder, self.connect_headers = self._table(
            [self.tr("Header"), self.tr("Value")],
            self.tr(
                "Extra CONNECT headers (a Spring ChannelInterceptor reads them). Values of "
                "headers that carry credentials are kept in the system keyring"
            ),
        )
        self.connect_headers.setObjectName("connectHeaders")
        self.connect_headers.setItemDelegateForColumn(
            1, _ConnectSecretDelegate(self.connect_headers)
        )
        form.addRow(self.tr("CONNECT headers:"), holder)
        form.addRow("", self._error_label("connect_headers"))

        self.token_source = QComboBox()
        self.token_source.setObjectName("tokenSource")
        self.token_source.setToolTip(
            self.tr("Where the bearer token comes from; a command runs before every connect")
        )
        for source, text in (
            ("none", self.tr("No token")),
            ("keyring", self.tr("Kept in the keyring")),
            ("env", self.tr("Environment variable")),
            ("command", self.tr("Command (run before every connect)")),
        ):
            self.token_source.addItem(text, source)
        self.token_value_edit = self._line(self.tr("The token, kept in the keyring"), secret=True)
        self.token_value_edit.setObjectName("tokenValue")
        self.token_env_edit = self._line(self.tr("The variable holding the token"), "JWT")
        self.token_env_edit.setObjectName("tokenEnv")
        self.token_command_edit = self._line(
            self.tr("A command that prints the token (one line), e.g. a credential helper"),
            "get-jwt --user qa",
        )
        self.token_command_edit.setObjectName("tokenCommand")
        self.token_placement = QComboBox()
        self.token_placement.setObjectName("tokenPlacement")
        self.token_placement.setToolTip(
            self.tr("Where the token goes; a browser page cannot set handshake headers")
        )
        for placement, text in (
            ("connect", self.tr("CONNECT header")),
            ("handshake", self.tr("Handshake header")),
            ("query", self.tr("Query parameter")),
            ("cookie", self.tr("Cookie")),
        ):
            self.token_placement.addItem(text, placement)
        self.token_name_edit = self._line(
            self.tr("Header, parameter or cookie name"),
            self.tr("Authorization (headers), access_token (query, cookie)"),
        )
        self.token_name_edit.setObjectName("tokenName")
        self.token_prefix_edit = self._line(
            self.tr("Text before the token"), self.tr("'Bearer ' in an Authorization header")
        )
        self.token_prefix_edit.setObjectName("tokenPrefix")
        form.addRow(self.tr("Token:"), self.token_source)
        form.addRow(self.tr("Token value:"), self.token_value_edit)
        form.addRow(self.tr("Variable:"), self.token_env_edit)
        form.addRow("", self._error_label("token.env"))
        form.addRow(self.tr("Command:"), self.token_command_edit)
        form.addRow("", self._error_label("token.command"))
        form.addRow(self.tr("Put it in:"), self.token_placement)
        form.addRow("", self._error_label("token.placement"))
        form.addRow(self.tr("Name:"), self.token_name_edit)
        form.addRow("", self._error_label("token.name"))
        form.addRow(self.tr("Prefix:"), self.token_prefix_edit)

        self.browser_like_box = QCheckBox(self.tr("Browser-like: only what a web page can do"))
        self.browser_like_box.setObjectName("browserLike")
        self.browser_like_box.setToolTip(
            self.tr(
                "No handshake headers but cookies, an Origin (the endpoint's own unless set on "
                "the WebSocket page), subprotocols v10.stomp, v11.stomp, v12.stomp"
            )
        )
        self.sockjs_transport = QComboBox()
        self.sockjs_transport.setObjectName("sockjsTransport")
        self.sockjs_transport.setToolTip(
            self.tr("For http:// and https:// URLs (SockJS): the transport to use")
        )
        for transport, text in (
            (None, self.tr("Best offered (websocket, xhr-streaming, xhr-polling)")),
            ("websocket", "websocket"),
            ("xhr-streaming", "xhr-streaming"),
            ("xhr-polling", "xhr-polling"),
        ):
            self.sockjs_transport.addItem(text, transport)
        form.addRow("", self.browser_like_box)
        form.addRow("", self._error_label("websocket.browser_like"))
        form.addRow(self.tr("SockJS transport:"), self.sockjs_transport)
        form.addRow("", self._error_label("websocket.sockjs_transport"))
        note = QLabel(
            self.tr(
                "An http:// or https:// URL is a SockJS endpoint (Spring's withSockJS()); "
                "without SockJS there, a raw WebSocket on the same path is used."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.token_source.currentIndexChanged.connect(self._token_source_changed)
        return page

    def _token_source_changed(self) -> None:
        source = self.token_source.currentData()
        self.token_value_edit.setEnabled(source == "keyring")
        self.token_env_edit.setEnabled(source == "env")
        self.token_command_edit.setEnabled(source == "command")
        for widget in (self.token_placement, self.token_name_edit, self.token_prefix_edit):
            widget.setEnabled(source != "none")

    def _load_token_page(self, profile: Profile, secrets: dict[str, str]) -> None:
        for name, value in profile.connect_headers:
            self._add_row(self.connect_headers, [name, value])
        for name in profile.secret_connect_headers:
            value = secrets.get(connect_header_field(name), "")
            self._add_row(self.connect_headers, [name, value])
        token = profile.token
        self.token_source.setCurrentIndex(max(self.token_source.findData(token.source), 0))
        self.token_value_edit.setText(secrets.get(TOKEN, ""))
        self.token_env_edit.setText(token.env or "")
        self.token_command_edit.setText(token.command or "")
        index = self.token_placement.findData(token.placement)
        self.token_placement.setCurrentIndex(max(index, 0))
        self.token_name_edit.setText(token.name or "")
        self.token_prefix_edit.setText(token.prefix or "")
        self.browser_like_box.setChecked(profile.websocket.browser_like)
        index = self.sockjs_transport.findData(profile.websocket.sockjs_transport)
        self.sockjs_transport.setCurrentIndex(max(index, 0))
        self._token_source_changed()

    def _read_token_page(
        self, secrets: dict[str, str]
    ) -> tuple[Headers, tuple[str, ...], TokenSettings]:
        """CONNECT headers (plain), the names of the secret ones, the token settings; the
        secret values go into `secrets`."""
        plain: list[tuple[str, str]] = []
        secret_names: list[str] = []
        table = self.connect_headers
        for row in range(table.rowCount()):
            name, value = (
                (item.text().strip() if item is not None else "")
                for item in (table.item(row, 0), table.item(row, 1))
            )
            if not name and not value:
                continue
            if is_secret_connect_header(name):
                secret_names.append(name)
                if value:
                    secrets[connect_header_field(name)] = value
            else:
                plain.append((name, value))
        source = str(self.token_source.currentData())
        if source == "keyring" and self.token_value_edit.text():
            secrets[TOKEN] = self.token_value_edit.text().strip()
        token = TokenSettings(
            source=source,
            env=_text(self.token_env_edit) if source == "env" else None,
            command=_text(self.token_command_edit) if source == "command" else None,
            placement=str(self.token_placement.currentData()),
            name=_text(self.token_name_edit),
            prefix=self.token_prefix_edit.text() or None,
        )
        return tuple(plain), tuple(secret_names), token

    def _token_secret_fields(self, profile: Profile) -> list[str]:
        """The secret fields this page owns (a cleared value is deleted on save)."""
        return [TOKEN, *(connect_header_field(n) for n in profile.secret_connect_headers)]

    def _connect_token_page(self, changed: Callable[..., None]) -> None:
        """Revalidate on every change of the page (its line edits and check box are found
        by the dialog itself)."""
        self.token_source.currentIndexChanged.connect(changed)
        self.token_placement.currentIndexChanged.connect(changed)
        self.sockjs_transport.currentIndexChanged.connect(changed)
        self.connect_headers.itemChanged.connect(changed)
        self.connect_headers.model().rowsRemoved.connect(changed)


def _text(edit: QLineEdit) -> str | None:
    return edit.text().strip() or None
