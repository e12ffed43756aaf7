"""The profile dialog: basic and advanced connection options, inline validation, test button.

Validation is the GUI-free `explorer.profiles.validate`, so the dialog and the command line
say the same thing. Secrets typed here go to the store's keyring (or memory), never the file.
"Test connection" runs an injected coroutine on the running asyncio loop (qasync in the app).
The pages themselves are built by `explorer.ui.profile_pages.ProfilePages`, its base class.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from explorer.client import ClientError
from explorer.profiles import (
    MANAGEMENT_PASSWORD,
    PASSCODE,
    TLS_KEY_PASSPHRASE,
    FieldError,
    HeartBeat,
    Management,
    Profile,
    ProfileError,
    ProfileStore,
    Reconnect,
    Subscription,
    TlsSettings,
    WebSocketSettings,
    header_field,
    is_secret_header,
)
from explorer.ui.messages import describe_client_error, describe_field_error, field_message
from explorer.ui.profile_browser_page import BrowserPathPages
from explorer.ui.tasks import TaskRunner

TestConnection = Callable[[Profile, dict[str, str]], Awaitable[str]]


class ProfileDialog(BrowserPathPages):
    """Create or edit one profile of `store`; on Save the store is written and `saved` fires."""

    saved = Signal(object)  # the Profile as stored
    test_finished = Signal(bool, str)  # ok, the text shown to the user

    def __init__(
        self,
        store: ProfileStore,
        profile: Profile | None = None,
        *,
        test_connection: TestConnection | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("profileDialog")
        self.store = store
        self.original = profile
        self._test_connection = test_connection
        self._test_task: asyncio.Task[None] | None = None
        self._tests = TaskRunner(lambda text: self._finish_test(False, text))  # see _on_test
        self._show_errors = profile is not None
        self.errors: list[FieldError] = []
        self._error_labels: dict[str, QLabel] = {}
        self.setWindowTitle(self.tr("New profile") if profile is None else self.tr("Edit profile"))
        self.setMinimumWidth(640)

        # A list of pages on the left instead of tabs: seven tabs need scroll arrows at any
        # sensible width and hide the last pages.
        self.pages = QStackedWidget()
        self.pages.setObjectName("profilePages")
        self.page_list = QListWidget()
        self.page_list.setObjectName("profilePageList")
        self.page_list.setToolTip(self.tr("Groups of settings"))
        for page, title in (
            (self._basic_tab(), self.tr("Basic")),
            (self._protocol_tab(), self.tr("Protocol")),
            (self._tls_tab(), self.tr("TLS")),
            (self._websocket_tab(), self.tr("WebSocket")),
            (self._token_tab(), self.tr("Token & SockJS")),
            (self._tree_tab(), self.tr("Tree & subscriptions")),
            (self._management_tab(), self.tr("Management")),
            (self._notes_tab(), self.tr("Colour & notes")),
        ):
            self.pages.addWidget(page)
            self.page_list.addItem(title)
        self.page_list.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.page_list.setCurrentRow(0)
        width = max(self.page_list.sizeHintForColumn(0), 100) + 16
        self.page_list.setFixedWidth(width)
        self.tabs = QWidget()  # the list and its pages, side by side
        tabs_layout = QHBoxLayout(self.tabs)
        tabs_layout.setContentsMargins(0, 0, 0, 0)
        tabs_layout.addWidget(self.page_list)
        tabs_layout.addWidget(self.pages, 1)

        self.summary = QLabel()
        self.summary.setObjectName("validationSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #c0392b;")

        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("testConnection")
        self.test_button.setToolTip(
            self.tr(
                "Connect once with these settings (nothing is saved) and report the negotiated "
                "STOMP version, the server and the heart-beat"
            )
        )
        self.test_button.setEnabled(test_connection is not None)
        self.test_button.clicked.connect(self._on_test)
        self.test_result = QLabel()
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveProfile")
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)

        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(test_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        self._load(profile)
        self._connect_changes()
        self.revalidate()

    # -- data in and out ---------------------------------------------------------------------

    def _load(self, profile: Profile | None) -> None:
        p = profile or Profile(name="", url="")
        secrets = self.store.get_secrets(p.name) if profile and p.name in self.store else {}
        self.name_edit.setText(p.name)
        self.url_edit.setText(p.url)
        self.login_edit.setText(p.login or "")
        self.passcode_edit.setText(secrets.get(PASSCODE, ""))
        self.vhost_edit.setText(p.vhost or "")
        for v, box in self.version_boxes.items():
            box.setChecked(v in p.versions)
        self.hb_send.setValue(p.heart_beat.send_ms)
        self.hb_receive.setValue(p.heart_beat.receive_ms)
        self.reconnect_enabled.setChecked(p.reconnect.enabled)
        self.reconnect_initial.setValue(p.reconnect.initial_delay_ms)
        self.reconnect_max.setValue(p.reconnect.max_delay_ms)
        self.tls_verify.setChecked(p.tls.verify)
        self.ca_file_edit.setText(p.tls.ca_file or "")
        self.cert_file_edit.setText(p.tls.cert_file or "")
        self.key_file_edit.setText(p.tls.key_file or "")
        self.key_passphrase_edit.setText(secrets.get(TLS_KEY_PASSPHRASE, ""))
        self.server_name_edit.setText(p.tls.server_name or "")
        for name, value in p.websocket.headers:
            self._add_row(self.ws_headers, [name, value])
        for name in p.websocket.secret_headers:
            self._add_row(self.ws_headers, [name, secrets.get(header_field(name), "")])
        self.origin_edit.setText(p.websocket.origin or "")
        index = self.split_combo.findData(p.split_rule)
        self.split_combo.setCurrentIndex(max(index, 0))
        for s in p.subscriptions:
            headers = "; ".join(f"{k}={v}" for k, v in s.headers)
            self._add_row(self.subs_table, [s.destination, s.ack, headers])
        self.jolokia_edit.setText(p.management.jolokia_url or "")
        self.mgmt_url_edit.setText(p.management.management_url or "")
        self.mgmt_login_edit.setText(p.management.login or "")
        self.mgmt_password_edit.setText(secrets.get(MANAGEMENT_PASSWORD, ""))
        self.colour_edit.setText(p.colour or "")
        self.notes_edit.setPlainText(p.notes)
        self._load_token_page(p, secrets)

    @staticmethod
    def _text(edit: QLineEdit) -> str | None:
        return edit.text().strip() or None

    @staticmethod
    def _cell(table: QTableWidget, row: int, col: int) -> str:
        item = table.item(row, col)
        return item.text().strip() if item is not None else ""

    def build(self) -> tuple[Profile, dict[str, str], list[FieldError]]:
        """The profile and secrets as typed, plus problems only the dialog can see
        (a subscription header without '=')."""
        extra: list[FieldError] = []
        secrets: dict[str, str] = {}
        plain: list[tuple[str, str]] = []
        secret_names: list[str] = []
        for row in range(self.ws_headers.rowCount()):
            name, value = self._cell(self.ws_headers, row, 0), self._cell(self.ws_headers, row, 1)
            if not name and not value:
                continue
            if is_secret_header(name):
                secret_names.append(name)
                if value:
                    secrets[header_field(name)] = value
            else:
                plain.append((name, value))
        subscriptions: list[Subscription] = []
        for row in range(self.subs_table.rowCount()):
            dest = self._cell(self.subs_table, row, 0)
            ack = self._cell(self.subs_table, row, 1) or "auto"
            text = self._cell(self.subs_table, row, 2)
            if not dest and not text:
                continue
            headers: list[tuple[str, str]] = []
            for part in filter(None, (x.strip() for x in text.split(";"))):
                name, sep, value = part.partition("=")
                if not sep:
                    extra.append(
                        FieldError(
                            "subscriptions",
                            self.tr("header '%1' of subscription %2 should be name=value")
                            .replace("%1", part)
                            .replace("%2", str(row + 1)),
                        )
                    )
                headers.append((name.strip(), value.strip()))
            subscriptions.append(Subscription(dest, ack, tuple(headers)))
        for key, edit in (
            (PASSCODE, self.passcode_edit),
            (TLS_KEY_PASSPHRASE, self.key_passphrase_edit),
            (MANAGEMENT_PASSWORD, self.mgmt_password_edit),
        ):
            if edit.text():
                secrets[key] = edit.text()
        connect_headers, secret_connect_headers, token = self._read_token_page(secrets)
        base = self.original or Profile(name="", url="")
        profile = replace(
            base,
            name=self.name_edit.text().strip(),
            url=self.url_edit.text().strip(),
            vhost=self._text(self.vhost_edit),
            login=self._text(self.login_edit),
            versions=tuple(v for v, box in self.version_boxes.items() if box.isChecked()),
            heart_beat=HeartBeat(self.hb_send.value(), self.hb_receive.value()),
            reconnect=Reconnect(
                self.reconnect_enabled.isChecked(),
                self.reconnect_initial.value(),
                self.reconnect_max.value(),
            ),
            tls=TlsSettings(
                verify=self.tls_verify.isChecked(),
                ca_file=self._text(self.ca_file_edit),
                cert_file=self._text(self.cert_file_edit),
                key_file=self._text(self.key_file_edit),
                server_name=self._text(self.server_name_edit),
            ),
            websocket=WebSocketSettings(
                tuple(plain),
                tuple(secret_names),
                self._text(self.origin_edit),
                browser_like=self.browser_like_box.isChecked(),
                sockjs_transport=self.sockjs_transport.currentData(),
            ),
            connect_headers=connect_headers,
            secret_connect_headers=secret_connect_headers,
            token=token,
            split_rule=str(self.split_combo.currentData()),
            subscriptions=tuple(subscriptions),
            management=Management(
                self._text(self.jolokia_edit),
                self._text(self.mgmt_url_edit),
                self._text(self.mgmt_login_edit),
            ),
            colour=self._text(self.colour_edit),
            notes=self.notes_edit.toPlainText(),
            builtin=False,
        )
        return profile, secrets, extra

    # -- validation --------------------------------------------------------------------------

    def _connect_changes(self) -> None:
        for edit in self.findChildren(QLineEdit):
            edit.textChanged.connect(self._changed)
        for box in self.findChildren(QCheckBox):
            box.toggled.connect(self._changed)
        for spin in self.findChildren(QSpinBox):
            spin.valueChanged.connect(self._changed)
        self.split_combo.currentIndexChanged.connect(self._changed)
        self.notes_edit.textChanged.connect(self._changed)
        for table in (self.ws_headers, self.subs_table):
            table.itemChanged.connect(self._changed)
            table.model().rowsRemoved.connect(self._changed)
        self._connect_token_page(self._changed)

    def _changed(self, *_: object) -> None:
        self._show_errors = True
        self.revalidate()

    def revalidate(self) -> list[FieldError]:
        """Check the form; show messages next to the fields and enable Save when all is well."""
        profile, _, extra = self.build()
        self.errors = self.store.check(profile, self.original.name if self.original else None)
        self.errors += extra
        by_field: dict[str, list[str]] = {}
        for e in self.errors:
            by_field.setdefault(e.field, []).append(field_message(e))
        for field, label in self._error_labels.items():
            messages = by_field.get(field, [])
            label.setText("\n".join(messages))
            label.setVisible(bool(messages) and self._show_errors)
        ok = not self.errors
        self.save_button.setEnabled(ok)
        if ok:
            self.summary.clear()
            self.save_button.setToolTip(self.tr("Save the profile"))
        else:
            text = self.tr("Cannot save yet: %1").replace(
                "%1", "; ".join(describe_field_error(e) for e in self.errors)
            )
            # A new, untouched form is not wrong yet: no red text until something is typed
            # (the disabled Save button's tooltip still says what is missing).
            self.summary.setText(text if self._show_errors else "")
            self.save_button.setToolTip(text)
        return self.errors

    # -- actions -----------------------------------------------------------------------------

    def _on_save(self) -> None:
        if self.revalidate():
            return
        profile, secrets, _ = self.build()
        values: dict[str, str | None] = {
            PASSCODE: None,
            TLS_KEY_PASSPHRASE: None,
            MANAGEMENT_PASSWORD: None,
        }
        for name in profile.websocket.secret_headers:  # a cleared value is deleted
            values[header_field(name)] = None
        values.update(dict.fromkeys(self._token_secret_fields(profile)))
        values.update(secrets)
        try:
            if self.original is None:
                stored = self.store.add(profile, values)
            else:
                stored = self.store.update(self.original.name, profile, values)
        except ProfileError as exc:
            detail = (
                "; ".join(describe_field_error(e) for e in getattr(exc, "errors", ()))
                or exc.message
            )
            self.summary.setText(self.tr("Not saved: %1").replace("%1", detail))
            return
        self.saved.emit(stored)
        self.accept()

    def _on_test(self) -> None:
        if self._test_connection is None or (self._test_task and not self._test_task.done()):
            return
        profile, secrets, extra = self.build()
        problems = [e for e in self.store.check(profile) + extra if e.field != "name"]
        if problems:
            self._finish_test(
                False,
                self.tr("Fix first: %1").replace(
                    "%1", "; ".join(describe_field_error(e) for e in problems)
                ),
            )
            return
        self.test_button.setEnabled(False)
        self.test_result.setStyleSheet("")
        self.test_result.setText(self.tr("Connecting…"))
        self._test_task = self._tests.run(
            self._test_connection(profile, secrets),
            lambda report: self._finish_test(True, self.tr("Connected: %1").replace("%1", report)),
            failed=self._test_failed,
        )

    def _test_failed(self, error: BaseException) -> None:
        """Every failure is shown in the dialog, none crashes the app; the client's in the
        window's words."""
        if isinstance(error, ClientError):
            detail = describe_client_error(error)
        else:
            detail = str(error) or type(error).__name__
        self._finish_test(False, self.tr("Failed: %1").replace("%1", detail))

    def _finish_test(self, ok: bool, text: str) -> None:
        self.test_button.setEnabled(self._test_connection is not None)
        self.test_result.setStyleSheet("" if ok else "color: #c0392b;")
        self.test_result.setText(text)
        self.test_finished.emit(ok, text)

    def done(self, result: int) -> None:
        """Closing the dialog abandons a running test connection."""
        if self._test_task is not None and not self._test_task.done():
            self._test_task.cancel()
        super().done(result)
