"""The profile list: pick a broker, manage profiles, or connect to a URL typed in.

The model reads a `ProfileStore`; every action goes through the store (which validates and
writes the file at once) and then the model is refreshed. Deletion can be undone from the
undo bar until the widget goes away, secrets included.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from explorer.profiles import (
    Profile,
    ProfileError,
    ProfileStore,
    RemovedProfile,
    profile_from_url,
)
from explorer.ui.messages import field_message, keyring_notice
from explorer.ui.profile_dialog import ProfileDialog, TestConnection

PROFILE_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class ProfileListModel(QAbstractListModel):
    """The store's profiles in the user's order (built-ins first); hidden ones optional."""

    def __init__(self, store: ProfileStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.show_hidden = False
        self._rows: list[Profile] = []
        self._swatches: dict[str, QIcon] = {}
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = self.store.profiles(include_hidden=self.show_hidden)
        self.endResetModel()

    @property
    def rows(self) -> list[Profile]:
        return list(self._rows)

    def profile(self, row: int) -> Profile | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, name: str) -> int:
        for i, p in enumerate(self._rows):
            if p.name == name:
                return i
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def _swatch(self, colour: str) -> QIcon:
        if colour not in self._swatches:
            pixmap = QPixmap(12, 12)
            pixmap.fill(QColor(colour))
            self._swatches[colour] = QIcon(pixmap)
        return self._swatches[colour]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        profile = self.profile(index.row()) if index.isValid() else None
        if profile is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return profile.name
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [profile.url]
            if profile.effective_login:
                lines.append(
                    QCoreApplication.translate("ProfileListModel", "login: %1").replace(
                        "%1", profile.effective_login
                    )
                )
            if profile.builtin:
                lines.append(
                    QCoreApplication.translate(
                        "ProfileListModel", "built in: can be hidden or duplicated, not changed"
                    )
                )
            if profile.hidden:
                lines.append(QCoreApplication.translate("ProfileListModel", "hidden"))
            if profile.notes:
                lines.append(profile.notes)
            return "\n".join(lines)
        if role == Qt.ItemDataRole.DecorationRole and profile.colour:
            return self._swatch(profile.colour)
        if role == Qt.ItemDataRole.FontRole and (profile.builtin or profile.hidden):
            font = QFont()
            font.setItalic(True)
            return font
        if role == PROFILE_ROLE:
            return profile
        return None


class ProfileListWidget(QWidget):
    """Profiles with new/edit/duplicate/delete (undoable)/move and a quick-connect box."""

    connect_requested = Signal(object)  # a Profile: saved, or made from a quick-connect URL
    profiles_changed = Signal()
    dialog_opened = Signal(object)  # the ProfileDialog, for the window (and tests)

    def __init__(
        self,
        store: ProfileStore,
        *,
        test_connection: TestConnection | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("profileListWidget")
        self.store = store
        self.test_connection = test_connection
        self.dialog: ProfileDialog | None = None
        self._undo: list[RemovedProfile] = []

        self.model = ProfileListModel(store, self)
        self.view = QListView()
        self.view.setObjectName("profileList")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setToolTip(self.tr("Saved profiles; double-click one to connect"))
        self.view.activated.connect(self._activated)
        self.view.selectionModel().currentChanged.connect(self._update_actions)

        self.quick_connect = QLineEdit()
        self.quick_connect.setObjectName("quickConnect")
        self.quick_connect.setPlaceholderText(self.tr("Quick connect: stomp://host:61613"))
        self.quick_connect.setToolTip(
            self.tr(
                "Type a broker URL (stomp://, stomp+ssl://, ws://, wss://) and press Enter to "
                "connect without saving a profile"
            )
        )
        self.quick_connect.returnPressed.connect(self._quick_connect)
        self.quick_error = QLabel()
        self.quick_error.setObjectName("quickConnectError")
        self.quick_error.setWordWrap(True)
        self.quick_error.setStyleSheet("color: #c0392b;")
        self.quick_error.hide()
        self.quick_connect.textChanged.connect(lambda _: self.quick_error.hide())

        self.warnings = QLabel()
        self.warnings.setObjectName("profileWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.action_new = self._action(
            "actionNewProfile", self.tr("New"), self.tr("Create a profile"), self.new_profile
        )
        self.action_edit = self._action(
            "actionEditProfile",
            self.tr("Edit"),
            self.tr("Change the selected profile"),
            self.edit_profile,
        )
        self.action_duplicate = self._action(
            "actionDuplicateProfile",
            self.tr("Duplicate"),
            self.tr("Copy the selected profile, secrets included"),
            self.duplicate_profile,
        )
        self.action_delete = self._action(
            "actionDeleteProfile",
            self.tr("Delete"),
            self.tr("Delete the selected profile (you can undo)"),
            self.delete_profile,
        )
        self.action_up = self._action(
            "actionMoveProfileUp",
            self.tr("Up"),
            self.tr("Move the selected profile up"),
            lambda: self.move_selected(-1),
        )
        self.action_down = self._action(
            "actionMoveProfileDown",
            self.tr("Down"),
            self.tr("Move the selected profile down"),
            lambda: self.move_selected(1),
        )
        self.action_hide = self._action(
            "actionHideProfile",
            self.tr("Hide"),
            self.tr("Hide or show the selected profile in this list"),
            self.toggle_hidden,
        )
        self.action_connect = self._action(
            "actionConnectProfile",
            self.tr("Connect"),
            self.tr("Connect with the selected profile"),
            self._connect_selected,
        )
        self.action_delete.setShortcut(Qt.Key.Key_Delete)
        self.action_delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # Two rows, so that no action hides behind an overflow arrow in a narrow dock.
        toolbar = QToolBar()
        toolbar.setObjectName("profileToolbar")
        for action in (
            self.action_new,
            self.action_edit,
            self.action_duplicate,
            self.action_delete,
        ):
            toolbar.addAction(action)
        toolbar2 = QToolBar()
        toolbar2.setObjectName("profileToolbarOrder")
        for action in (self.action_up, self.action_down, self.action_hide):
            toolbar2.addAction(action)
        self.addAction(self.action_delete)

        self.show_hidden = QCheckBox(self.tr("Show hidden"))
        self.show_hidden.setObjectName("showHiddenProfiles")
        self.show_hidden.setToolTip(self.tr("Also list the profiles you have hidden"))
        self.show_hidden.toggled.connect(self._set_show_hidden)

        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("undoBar")
        self.undo_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.undo_label = QLabel()
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("undoButton")
        self.undo_button.setToolTip(self.tr("Bring the deleted profile back, secrets included"))
        self.undo_button.clicked.connect(self.undo_delete)
        bar = QHBoxLayout(self.undo_bar)
        bar.setContentsMargins(6, 2, 6, 2)
        bar.addWidget(self.undo_label, 1)
        bar.addWidget(self.undo_button)
        self.undo_bar.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.quick_connect)
        layout.addWidget(self.quick_error)
        layout.addWidget(self.warnings)
        layout.addWidget(toolbar)
        layout.addWidget(toolbar2)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.show_hidden)
        layout.addWidget(self.undo_bar)
        self._show_warnings()
        self._update_actions()

    def _action(self, name: str, text: str, tip: str, slot: Any) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    # -- state -------------------------------------------------------------------------------

    def _show_warnings(self, extra: str = "") -> None:
        parts = list(self.store.load_warnings)
        if not self.store.secrets_persistent:
            parts.append(keyring_notice())
        if extra:
            parts.append(extra)
        self.warnings.setText("\n".join(parts))
        self.warnings.setVisible(bool(parts))

    def selected(self) -> Profile | None:
        index = self.view.currentIndex()
        return self.model.profile(index.row()) if index.isValid() else None

    def select(self, name: str) -> None:
        row = self.model.row_of(name)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))
        self._update_actions()

    def _refresh(self, select: str | None = None) -> None:
        current = select or (p.name if (p := self.selected()) else None)
        self.model.refresh()
        if current:
            self.select(current)
        self._update_actions()
        self.profiles_changed.emit()

    def _update_actions(self, *_: object) -> None:
        p = self.selected()
        editable = p is not None and not p.builtin and not self.store.read_only
        self.action_edit.setEnabled(editable)
        self.action_delete.setEnabled(editable)
        self.action_duplicate.setEnabled(p is not None and not self.store.read_only)
        self.action_new.setEnabled(not self.store.read_only)
        self.action_connect.setEnabled(p is not None)
        self.action_hide.setEnabled(p is not None and not self.store.read_only)
        self.action_hide.setText(self.tr("Show") if p is not None and p.hidden else self.tr("Hide"))
        row = self.view.currentIndex().row()
        saved = [q for q in self.model.rows if not q.builtin]
        first_saved = len(self.model.rows) - len(saved)
        self.action_up.setEnabled(editable and row > first_saved)
        self.action_down.setEnabled(editable and 0 <= row < len(self.model.rows) - 1)

    def _set_show_hidden(self, on: bool) -> None:
        self.model.show_hidden = on
        self._refresh()

    def _run(self, what: str, func: Any, *args: Any) -> Any:
        """Call a store method; show its error in the warnings line instead of raising."""
        try:
            return func(*args)
        except ProfileError as exc:
            self._show_warnings(
                self.tr("%1 failed: %2").replace("%1", what).replace("%2", exc.message)
            )
            return None

    # -- actions -----------------------------------------------------------------------------

    def _open_dialog(self, profile: Profile | None) -> ProfileDialog:
        dialog = ProfileDialog(
            self.store, profile, test_connection=self.test_connection, parent=self
        )
        dialog.saved.connect(lambda p: self._refresh(select=p.name))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def new_profile(self) -> ProfileDialog:
        return self._open_dialog(None)

    def edit_profile(self) -> ProfileDialog | None:
        p = self.selected()
        if p is None or p.builtin:
            return None
        return self._open_dialog(p)

    def duplicate_profile(self) -> Profile | None:
        p = self.selected()
        if p is None:
            return None
        copy: Profile | None = self._run(self.tr("Duplicate"), self.store.duplicate, p.name)
        if copy is not None:
            self._refresh(select=copy.name)
        return copy

    def delete_profile(self) -> None:
        p = self.selected()
        if p is None or p.builtin:
            return
        removed: RemovedProfile | None = self._run(self.tr("Delete"), self.store.remove, p.name)
        if removed is None:
            return
        self._undo.append(removed)
        self.undo_label.setText(self.tr("Deleted “%1”.").replace("%1", p.name))
        self.undo_bar.show()
        self._refresh()

    def undo_delete(self) -> None:
        if not self._undo:
            return
        removed = self._undo.pop()
        restored = self._run(self.tr("Undo"), self.store.restore, removed)
        if not self._undo:
            self.undo_bar.hide()
        else:
            self.undo_label.setText(
                self.tr("Deleted “%1”.").replace("%1", self._undo[-1].profile.name)
            )
        if restored is not None:
            self._refresh(select=removed.profile.name)

    def move_selected(self, step: int) -> None:
        p = self.selected()
        if p is None or p.builtin:
            return
        saved = [q.name for q in self.store.profiles() if not q.builtin]
        index = saved.index(p.name) + step
        if 0 <= index < len(saved):
            self._run(self.tr("Move"), self.store.move, p.name, index)
            self._refresh(select=p.name)

    def toggle_hidden(self) -> None:
        p = self.selected()
        if p is None:
            return
        self._run(self.tr("Hide"), self.store.set_hidden, p.name, not p.hidden)
        self._refresh(select=p.name)

    def _activated(self, index: QModelIndex) -> None:
        p = self.model.profile(index.row())
        if p is not None:
            self.connect_requested.emit(p)

    def _connect_selected(self) -> None:
        p = self.selected()
        if p is not None:
            self.connect_requested.emit(p)

    def _quick_connect(self) -> None:
        try:
            profile = profile_from_url(self.quick_connect.text())
        except ProfileError as exc:
            errors = getattr(exc, "errors", ())
            self.quick_error.setText(
                "; ".join(field_message(e) for e in errors) or exc.message.removeprefix("url: ")
            )
            self.quick_error.show()
            return
        self.quick_error.hide()
        self.connect_requested.emit(profile)
