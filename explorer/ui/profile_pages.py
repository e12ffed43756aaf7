"""The pages of the profile dialog: one builder per group of settings, and their helpers.

`ProfileDialog` inherits these builders; they create the form's widgets as attributes
(`name_edit`, `url_edit`, `ws_headers`, `subs_table`, ...) that the dialog loads, reads back
and validates. Kept apart so that each module stays readable on its own.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.profiles import ALL_VERSIONS, ProfileStore, is_secret_header
from explorer.stomp import ACK_MODES
from explorer.ui.messages import keyring_notice

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


class ProfilePages(QDialog):
    """The page builders of `ProfileDialog` (a base class, never shown by itself)."""

    store: ProfileStore
    _error_labels: dict[str, QLabel]

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
                "ws://host:15674/ws, wss://host/ws, or a SockJS endpoint https://host/ws"
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
