"""The profile list: pick a broker, manage profiles, or connect to a URL typed in.

The model (`profile_model`) reads a `ProfileStore` and shows a state dot per profile; every
action goes through the store (which validates and writes the file at once) and then the
model is refreshed. The actions sit in one row of icons (the rarer ones behind "More") and in
the list's context menu; profiles can be imported from and exported to a file (without
secrets). Deletion can be undone from the undo bar until the widget goes away, secrets
included. The keyring note is a banner you can dismiss.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.profiles import (
    Profile,
    ProfileError,
    ProfileStore,
    RemovedProfile,
    export_profiles,
    import_profiles,
    profile_from_url,
)
from explorer.ui.banner import Banner
from explorer.ui.icons import icon
from explorer.ui.messages import field_message, keyring_notice
from explorer.ui.profile_dialog import ProfileDialog, TestConnection
from explorer.ui.profile_exchange import import_summary, load_note_text, quick_name
from explorer.ui.profile_model import PROFILE_ROLE, STATE_ROLE, ProfileListModel

__all__ = ["PROFILE_ROLE", "STATE_ROLE", "ProfileListModel", "ProfileListWidget"]


class ProfileListWidget(QWidget):
    """Profiles with new/edit/duplicate/delete (undoable)/move/hide, import/export and a
    quick-connect box."""

    connect_requested = Signal(object)  # a Profile: saved, or made from a quick-connect URL
    profiles_changed = Signal()
    dialog_opened = Signal(object)  # the ProfileDialog, for the window (and tests)
    keyring_note_dismissed = Signal()
    profile_saved = Signal(object, str)  # the Profile as stored, its name before ("" if new)

    def __init__(
        self,
        store: ProfileStore,
        *,
        test_connection: TestConnection | None = None,
        show_keyring_note: bool = True,
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
        self.view.setToolTip(
            self.tr("Saved profiles; double-click one to connect, right-click for more")
        )
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
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
        self.quick_connect.setClearButtonEnabled(True)
        self.quick_connect.returnPressed.connect(self._quick_connect)
        self.quick_error = QLabel()
        self.quick_error.setObjectName("quickConnectError")
        self.quick_error.setWordWrap(True)
        self.quick_error.setProperty("valid", False)
        self.quick_error.hide()
        self.quick_connect.textChanged.connect(lambda _: self.quick_error.hide())

        # Load problems and what the last import or export did (not dismissed for good).
        self.warnings = Banner()
        self.warnings.setObjectName("profileWarnings")
        # The keyring note: dismissed once, it stays away (the window remembers).
        self.keyring_note = Banner()
        self.keyring_note.setObjectName("keyringNote")
        if show_keyring_note and not store.secrets_persistent:
            self.keyring_note.show_message(keyring_notice(), "info")
        self.keyring_note.dismissed.connect(self.keyring_note_dismissed)

        self._build_actions()
        self.show_hidden = QCheckBox(self.tr("Show hidden"))
        self.show_hidden.setObjectName("showHiddenProfiles")
        self.show_hidden.setToolTip(self.tr("Also list the profiles you have hidden"))
        self.show_hidden.toggled.connect(self._set_show_hidden)
        self.show_hidden.hide()  # its twin is the checkable "Show hidden" of the More menu
        self.action_show_hidden.toggled.connect(self.show_hidden.setChecked)
        self.show_hidden.toggled.connect(self.action_show_hidden.setChecked)

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
        layout.setSpacing(4)
        layout.addWidget(self.quick_connect)
        layout.addWidget(self.quick_error)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.warnings)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.show_hidden)
        layout.addWidget(self.undo_bar)
        self._show_warnings()
        self._update_actions()

    def _action(self, name: str, text: str, tip: str, slot: Any, icon_name: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if icon_name:
            action.setIcon(icon(icon_name))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        """One row of icons (connect, new, edit, duplicate, delete, More ▾)."""
        self.action_connect = self._action(
            "actionConnectProfile",
            self.tr("Connect"),
            self.tr("Connect with the selected profile"),
            self._connect_selected,
            "connect",
        )
        self.action_new = self._action(
            "actionNewProfile", self.tr("New"), self.tr("Create a profile"), self.new_profile, "add"
        )
        self.action_edit = self._action(
            "actionEditProfile",
            self.tr("Edit"),
            self.tr("Change the selected profile"),
            self.edit_profile,
            "edit",
        )
        self.action_duplicate = self._action(
            "actionDuplicateProfile",
            self.tr("Duplicate"),
            self.tr("Copy the selected profile, secrets included"),
            self.duplicate_profile,
            "duplicate",
        )
        self.action_delete = self._action(
            "actionDeleteProfile",
            self.tr("Delete"),
            self.tr("Delete the selected profile (you can undo)"),
            self.delete_profile,
            "remove",
        )
        self.action_up = self._action(
            "actionMoveProfileUp",
            self.tr("Move up"),
            self.tr("Move the selected profile up"),
            lambda: self.move_selected(-1),
            "up",
        )
        self.action_down = self._action(
            "actionMoveProfileDown",
            self.tr("Move down"),
            self.tr("Move the selected profile down"),
            lambda: self.move_selected(1),
            "down",
        )
        self.action_hide = self._action(
            "actionHideProfile",
            self.tr("Hide"),
            self.tr("Hide or show the selected profile in this list"),
            self.toggle_hidden,
            "hide",
        )
        self.action_show_hidden = self._action(
            "actionShowHiddenProfiles",
            self.tr("Show hidden profiles"),
            self.tr("Also list the profiles you have hidden"),
            lambda: None,
        )
        self.action_show_hidden.setCheckable(True)
        self.action_import = self._action(
            "actionImportProfiles",
            self.tr("Import profiles…"),
            self.tr("Add the profiles of a file exported from STOMP Explorer (no secrets)"),
            self.ask_import,
            "import",
        )
        self.action_export = self._action(
            "actionExportProfiles",
            self.tr("Export profiles…"),
            self.tr("Save your profiles to a file to share them (secrets are never written)"),
            self.ask_export,
            "export",
        )
        self.action_delete.setShortcut(Qt.Key.Key_Delete)
        self.action_delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.action_delete)
        self.more_menu = QMenu(self)
        self.more_menu.setObjectName("profileMoreMenu")
        self.more_menu.setToolTipsVisible(True)
        for action in (self.action_up, self.action_down, self.action_hide):
            self.more_menu.addAction(action)
        self.more_menu.addAction(self.action_show_hidden)
        self.more_menu.addSeparator()
        self.more_menu.addAction(self.action_import)
        self.more_menu.addAction(self.action_export)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("profileToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for action in (
            self.action_connect,
            self.action_new,
            self.action_edit,
            self.action_duplicate,
            self.action_delete,
        ):
            self.toolbar.addAction(action)
        more = QToolButton()
        more.setObjectName("profileMore")
        more.setIcon(icon("more"))
        more.setToolTip(self.tr("More: order, hide, import and export profiles"))
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more.setMenu(self.more_menu)
        self.toolbar.addWidget(more)

    def context_actions(self) -> QMenu:
        """The list's context menu (tests trigger its actions by objectName)."""
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        for action in (self.action_connect, None, self.action_edit, self.action_duplicate):
            menu.addSeparator() if action is None else menu.addAction(action)
        menu.addAction(self.action_delete)
        menu.addSeparator()
        for action in (self.action_up, self.action_down, self.action_hide):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.action_new)
        menu.addAction(self.action_import)
        menu.addAction(self.action_export)
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
        self.context_actions().exec(self.view.viewport().mapToGlobal(pos))

    def set_states(self, states: dict[str, str]) -> None:
        """Each profile's connection state: connected, connecting, failed or idle."""
        self.model.set_states(states)

    # -- import and export -------------------------------------------------------------------

    def ask_import(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import profiles"), "", self.tr("Profiles (*.json);;All files (*)")
        )
        if name:
            self.import_from(Path(name))

    def import_from(self, path: Path) -> None:
        """Add a file's profiles (a name taken is renamed); say what happened."""
        result = self._run(self.tr("Import"), import_profiles, self.store, path)
        if result is None:
            return
        self._refresh()
        self.warnings.show_message(import_summary(result, path.name), "info")

    def ask_export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export profiles"), "profiles.json", self.tr("Profiles (*.json)")
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        """Write every saved profile (no secrets) to `path`; say how many."""
        names = self._run(self.tr("Export"), export_profiles, self.store, path)
        if names is not None:
            self.warnings.show_message(
                self.tr("Exported {count} profile(s) to {file}, without secrets.").format(
                    count=len(names), file=path.name
                ),
                "info",
            )

    # -- state -------------------------------------------------------------------------------

    def _show_warnings(self, extra: str = "") -> None:
        parts = [load_note_text(note) for note in self.store.load_notes]
        if extra:
            parts.append(extra)
        if parts:
            self.warnings.show_message("\n".join(parts), "error")
        else:
            self.warnings.hide()

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
        before = profile.name if profile is not None else ""
        dialog.saved.connect(lambda p: self.profile_saved.emit(p, before))
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
        text = self.quick_connect.text().strip()
        try:
            # The tab is named after the URL as typed, scheme included (stomp:// and ws://
            # to the same host are different connections).
            profile = profile_from_url(text, name=quick_name(text))
        except ProfileError as exc:
            errors = getattr(exc, "errors", ())
            self.quick_error.setText(
                "; ".join(field_message(e) for e in errors) or exc.message.removeprefix("url: ")
            )
            self.quick_error.show()
            return
        self.quick_error.hide()
        self.connect_requested.emit(profile)
