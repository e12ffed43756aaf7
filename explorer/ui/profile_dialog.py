"""The profile dialog: basic and advanced connection options, inline validation, test button.

Validation is the GUI-free `explorer.profiles.validate`, so the dialog and the command line
say the same thing. Secrets typed here go to the store's keyring (or memory), never the file.
"Test connection" runs an injected coroutine on the running asyncio loop (qasync in the app).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import replace

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.profiles import (
    ALL_VERSIONS,
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
from explorer.stomp import ACK_MODES
from explorer.ui.messages import describe_field_error, field_message, keyring_notice

TestConnection = Callable[[Profile, dict[str, str]], Awaitable[str]]

MAX_MS = 24 * 3600 * 1000
MASK = "\u2022" * 8


class _SecretValueDelegate(QStyledItemDelegate):
    """Masks the value column of a header table when the row's header name is a secret."""

    def _is_secret(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        name = index.model().index(index.row(), 0).data()
        return isinstance(name, str) and is_secret_header(name)

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if self._is_secret(index) and option.text:
            option.text = MASK

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit) and self._is_secret(index):
            editor.setEchoMode(QLineEdit.EchoMode.Password)
        return editor


class ProfileDialog(QDialog):
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
        self._test_task: asyncio.Future[None] | None = None
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

    # -- construction helpers ------------------------------------------------------------

    def _error_label(self, field: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"error_{field.replace('.', '_')}")
        label.setWordWrap(True)
        label.setStyleSheet("color: #c0392b;")
        label.hide()
        self._error_labels[field] = label
        return label

    def _line(self, tip: str, placeholder: str = "", secret: bool = False) -> QLineEdit:
        edit = QLineEdit()
        edit.setToolTip(tip)
        edit.setPlaceholderText(placeholder)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _ms_spin(self, tip: str, minimum: int = 0) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(minimum, MAX_MS)
        spin.setSingleStep(1000)
        spin.setSuffix(self.tr(" ms"))
        spin.setToolTip(tip)
        return spin

    def _file_row(self, edit: QLineEdit, title: str) -> QWidget:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        browse = QToolButton()
        browse.setText("…")
        browse.setToolTip(self.tr("Choose the file"))

        def choose() -> None:
            path, _ = QFileDialog.getOpenFileName(self, title, edit.text())
            if path:
                edit.setText(path)

        browse.clicked.connect(choose)
        box.addWidget(edit, 1)
        box.addWidget(browse)
        return row

    def _table(self, columns: list[str], tip: str) -> tuple[QWidget, QTableWidget]:
        table = QTableWidget(0, len(columns))
        table.setHorizontalHeaderLabels(columns)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setToolTip(tip)
        add = QPushButton(self.tr("Add"))
        add.setToolTip(self.tr("Add a row"))
        remove = QPushButton(self.tr("Remove"))
        remove.setToolTip(self.tr("Remove the selected row"))
        add.clicked.connect(lambda: self._add_row(table, [""] * len(columns), edit=True))
        remove.clicked.connect(lambda: table.removeRow(table.currentRow()))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(table)
        box.addLayout(buttons)
        return holder, table

    def _add_row(self, table: QTableWidget, values: list[str], edit: bool = False) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for col, value in enumerate(values):
            table.setItem(row, col, QTableWidgetItem(value))
        if edit:
            table.setCurrentCell(row, 0)
            first = table.item(row, 0)
            if first is not None:
                table.editItem(first)

    # -- tabs --------------------------------------------------------------------------------

    def _basic_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.name_edit = self._line(
            self.tr("How the profile is listed; must be unique"), self.tr("e.g. Local ActiveMQ")
        )
        self.name_edit.setObjectName("profileName")
        self.url_edit = self._line(
            self.tr(
                "Broker address: stomp://host:61613, stomp+ssl://host:61614, "
                "ws://host:15674/ws or wss://host/ws"
            ),
            "stomp://localhost:61613",
        )
        self.url_edit.setObjectName("profileUrl")
        self.login_edit = self._line(self.tr("Login sent in CONNECT (empty: none)"))
        self.login_edit.setObjectName("profileLogin")
        self.passcode_edit = self._line(
            self.tr(
                "Passcode sent in CONNECT; kept in the system keyring, never in the profiles file"
            ),
            secret=True,
        )
        self.passcode_edit.setObjectName("profilePasscode")
        self.vhost_edit = self._line(
            self.tr(
                'The CONNECT host header. RabbitMQ reads it as the virtual host; empty sends "/"'
            ),
            "/",
        )
        self.vhost_edit.setObjectName("profileVhost")
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow("", self._error_label("name"))
        form.addRow(self.tr("&URL:"), self.url_edit)
        form.addRow("", self._error_label("url"))
        form.addRow(self.tr("&Login:"), self.login_edit)
        form.addRow("", self._error_label("login"))
        form.addRow(self.tr("&Passcode:"), self.passcode_edit)
        if not self.store.secrets_persistent:
            note = QLabel(self.tr("Not saved: %1").replace("%1", keyring_notice()))
            note.setObjectName("secretsNote")
            note.setWordWrap(True)
            note.setToolTip(
                self.tr(
                    "Without a keyring, secrets are kept only until the app "
                    "quits and asked for again when connecting"
                )
            )
            form.addRow("", note)
        form.addRow(self.tr("&Virtual host:"), self.vhost_edit)
        form.addRow("", self._error_label("vhost"))
        return page

    def _protocol_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        versions = QGroupBox(self.tr("STOMP versions offered"))
        versions.setToolTip(self.tr("The broker picks the highest version both sides accept"))
        row = QHBoxLayout(versions)
        self.version_boxes: dict[str, QCheckBox] = {}
        for v in ALL_VERSIONS:
            box = QCheckBox(v)
            box.setObjectName(f"version_{v.replace('.', '_')}")
            box.setToolTip(self.tr("Offer STOMP %1 in accept-version").replace("%1", v))
            self.version_boxes[v] = box
            row.addWidget(box)
        row.addStretch(1)
        layout.addWidget(versions)
        layout.addWidget(self._error_label("versions"))

        hb = QGroupBox(self.tr("Heart-beat"))
        form = QFormLayout(hb)
        self.hb_send = self._ms_spin(self.tr("How often we promise to send something (0 = never)"))
        self.hb_send.setObjectName("heartBeatSend")
        self.hb_receive = self._ms_spin(
            self.tr("How often we want to hear from the broker (0 = never)")
        )
        self.hb_receive.setObjectName("heartBeatReceive")
        form.addRow(self.tr("Send every:"), self.hb_send)
        form.addRow(self.tr("Expect every:"), self.hb_receive)
        form.addRow("", self._error_label("heart_beat"))
        layout.addWidget(hb)

        rc = QGroupBox(self.tr("Reconnect"))
        form = QFormLayout(rc)
        self.reconnect_enabled = QCheckBox(self.tr("Reconnect automatically"))
        self.reconnect_enabled.setToolTip(
            self.tr("After the connection drops, try again with growing delays and re-subscribe")
        )
        self.reconnect_initial = self._ms_spin(self.tr("Wait before the first retry"), 0)
        self.reconnect_max = self._ms_spin(self.tr("The longest wait between retries"), 0)
        form.addRow(self.reconnect_enabled)
        form.addRow(self.tr("First delay:"), self.reconnect_initial)
        form.addRow(self.tr("Maximum delay:"), self.reconnect_max)
        form.addRow("", self._error_label("reconnect"))
        layout.addWidget(rc)
        layout.addStretch(1)
        return page

    def _tls_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.tls_verify = QCheckBox(self.tr("Verify the broker's certificate"))
        self.tls_verify.setObjectName("tlsVerify")
        self.tls_verify.setToolTip(
            self.tr("Turn off only for test brokers with self-signed certificates")
        )
        self.ca_file_edit = self._line(
            self.tr("PEM file with the CA certificates to trust (empty: the system's)")
        )
        self.ca_file_edit.setObjectName("tlsCaFile")
        self.cert_file_edit = self._line(
            self.tr("Client certificate (PEM) when the broker asks for one")
        )
        self.key_file_edit = self._line(self.tr("Private key of the client certificate (PEM)"))
        self.key_passphrase_edit = self._line(
            self.tr("Passphrase of the private key; kept in the system keyring"), secret=True
        )
        self.server_name_edit = self._line(
            self.tr("Name the certificate must match (SNI); empty: the URL's host")
        )
        form.addRow(self.tls_verify)
        form.addRow(
            self.tr("CA file:"), self._file_row(self.ca_file_edit, self.tr("CA certificates"))
        )
        form.addRow("", self._error_label("tls.ca_file"))
        form.addRow(
            self.tr("Client certificate:"),
            self._file_row(self.cert_file_edit, self.tr("Client certificate")),
        )
        form.addRow("", self._error_label("tls.cert_file"))
        form.addRow(
            self.tr("Client key:"), self._file_row(self.key_file_edit, self.tr("Client key"))
        )
        form.addRow("", self._error_label("tls.key_file"))
        form.addRow(self.tr("Key passphrase:"), self.key_passphrase_edit)
        form.addRow(self.tr("Server name:"), self.server_name_edit)
        return page

    def _websocket_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        holder, self.ws_headers = self._table(
            [self.tr("Header"), self.tr("Value")],
            self.tr(
                "Extra HTTP headers for the WebSocket handshake. Values of Authorization, "
                "Cookie and similar headers are kept in the system keyring"
            ),
        )
        self.ws_headers.setObjectName("wsHeaders")
        self.ws_headers.setItemDelegateForColumn(1, _SecretValueDelegate(self.ws_headers))
        self.origin_edit = self._line(
            self.tr("Origin header of the handshake (Spring applications check it)"),
            "https://app.example.com",
        )
        form.addRow(self.tr("Handshake headers:"), holder)
        form.addRow("", self._error_label("websocket.headers"))
        form.addRow(self.tr("Origin:"), self.origin_edit)
        form.addRow("", self._error_label("websocket.origin"))
        return page

    def _tree_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.split_combo = QComboBox()
        self.split_combo.setObjectName("splitRule")
        self.split_combo.setToolTip(
            self.tr("How destination names are split into the levels of the destination tree")
        )
        for rule, text in (
            ("/.", self.tr("Slashes and dots (/queue/a.b)")),
            ("/", self.tr("Slashes only (/topic/a/b)")),
            (".", self.tr("Dots only (a.b.c)")),
            ("none", self.tr("Do not split")),
        ):
            self.split_combo.addItem(text, rule)
        holder, self.subs_table = self._table(
            [self.tr("Destination"), self.tr("Ack mode"), self.tr("Headers (name=value; …)")],
            self.tr("Subscriptions opened as soon as the profile connects. Ack mode: %1").replace(
                "%1", ", ".join(ACK_MODES)
            ),
        )
        self.subs_table.setObjectName("subscriptions")
        form.addRow(self.tr("Split rule:"), self.split_combo)
        form.addRow("", self._error_label("split_rule"))
        form.addRow(self.tr("Subscribe on connect:"), holder)
        form.addRow("", self._error_label("subscriptions"))
        return page

    def _management_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.jolokia_edit = self._line(
            self.tr("ActiveMQ's Jolokia endpoint, used to list destinations"),
            "http://localhost:8161/api/jolokia",
        )
        self.mgmt_url_edit = self._line(
            self.tr("RabbitMQ's management API, used to list queues and exchanges"),
            "http://localhost:15672",
        )
        self.mgmt_login_edit = self._line(self.tr("Login for the management endpoints"))
        self.mgmt_password_edit = self._line(
            self.tr("Password for the management endpoints; kept in the system keyring"),
            secret=True,
        )
        form.addRow(self.tr("Jolokia URL:"), self.jolokia_edit)
        form.addRow("", self._error_label("management.jolokia_url"))
        form.addRow(self.tr("Management URL:"), self.mgmt_url_edit)
        form.addRow("", self._error_label("management.management_url"))
        form.addRow(self.tr("Login:"), self.mgmt_login_edit)
        form.addRow(self.tr("Password:"), self.mgmt_password_edit)
        return page

    def _notes_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.colour_edit = self._line(
            self.tr("A colour to tell connections apart (e.g. red for production)"), "#1e90ff"
        )
        self.colour_edit.setObjectName("profileColour")
        pick = QToolButton()
        pick.setText("…")
        pick.setToolTip(self.tr("Choose a colour"))
        pick.clicked.connect(self._pick_colour)
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.colour_edit, 1)
        box.addWidget(pick)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("profileNotes")
        self.notes_edit.setToolTip(self.tr("Anything worth remembering about this broker"))
        form.addRow(self.tr("Colour:"), row)
        form.addRow("", self._error_label("colour"))
        form.addRow(self.tr("Notes:"), self.notes_edit)
        return page

    def _pick_colour(self) -> None:
        colour = QColorDialog.getColor(
            QColor(self.colour_edit.text() or "#1e90ff"), self, self.tr("Profile colour")
        )
        if colour.isValid():
            self.colour_edit.setText(colour.name())

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
                tuple(plain), tuple(secret_names), self._text(self.origin_edit)
            ),
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
            self.summary.setText(text)
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
                False, self.tr("Fix first: %1").replace("%1", "; ".join(str(e) for e in problems))
            )
            return
        self.test_button.setEnabled(False)
        self.test_result.setStyleSheet("")
        self.test_result.setText(self.tr("Connecting…"))
        self._test_task = asyncio.ensure_future(self._run_test(profile, secrets))

    async def _run_test(self, profile: Profile, secrets: dict[str, str]) -> None:
        assert self._test_connection is not None
        try:
            report = await self._test_connection(profile, secrets)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # every failure is shown to the user, none crashes the app
            self._finish_test(
                False, self.tr("Failed: %1").replace("%1", str(exc) or type(exc).__name__)
            )
        else:
            self._finish_test(True, self.tr("Connected: %1").replace("%1", report))

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
