"""The message library's small dialogs: save a message under a name in a collection, and edit
the variables of a collection and of a profile.

Variable values are typed as JSON when they read as JSON (`1001`, `true`, `[1, 2]`) and kept
as text otherwise, so `{{user}}` renders `1001` either way and lists stay lists.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.library import LibraryError, LibraryFileError, StrippedSecret, looks_secret
from explorer.templates import VariableError, check_variable_names
from explorer.ui.icons import icon


def value_from_text(text: str) -> Any:
    """`1001` -> 1001, `true` -> True, `[1, 2]` -> [1, 2]; anything else stays text."""
    stripped = text.strip()
    if not stripped:
        return ""
    try:
        return json.loads(stripped)
    except ValueError:
        return text


def value_to_text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class SaveMessageDialog(QDialog):
    """Name and collection for the composer's message; says when the name replaces one."""

    def __init__(
        self,
        collections: Mapping[str, set[str]],
        name: str = "",
        collection: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("librarySaveDialog")
        self.setWindowTitle(self.tr("Save to library"))
        self._collections = collections
        self.name = QLineEdit(name)
        self.name.setObjectName("librarySaveName")
        self.name.setPlaceholderText(self.tr("for example: new order for user 1001"))
        self.name.setToolTip(self.tr("The message's name in its collection"))
        self.collection = QComboBox()
        self.collection.setObjectName("librarySaveCollection")
        self.collection.setEditable(True)
        self.collection.setToolTip(self.tr("A collection of the library, or a new name"))
        self.collection.addItems(sorted(collections))
        self.collection.setCurrentText(collection or next(iter(sorted(collections)), "default"))
        self.note = QLabel()
        self.note.setObjectName("librarySaveNote")
        self.note.setWordWrap(True)
        self.note.setProperty("hint", "true")
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Collection"), self.collection)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check)
        self.collection.currentTextChanged.connect(self._check)
        self.setMinimumWidth(420)
        self._check()

    def values(self) -> tuple[str, str]:
        return self.name.text().strip(), self.collection.currentText().strip()

    def _check(self) -> None:
        name, collection = self.values()
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(bool(name and collection))
        if name and name in self._collections.get(collection, set()):
            self.note.setText(
                self.tr("'{name}' is in '{collection}' already: saving replaces it.").format(
                    name=name, collection=collection
                )
            )
        else:
            self.note.setText(
                self.tr(
                    "Headers that look like secrets (Authorization, passcode, token…) are not "
                    "saved; write them as templates such as {{env.API_TOKEN}}."
                )
            )


class VariableTable(QWidget):
    """Name/value rows with add and remove buttons."""

    def __init__(self, variables: Mapping[str, Any], name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName(name)
        self.table.setHorizontalHeaderLabels([self.tr("Variable"), self.tr("Value")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().resizeSection(0, 160)
        self.table.verticalHeader().hide()
        self.table.setToolTip(self.tr("Name and value; {{name}} in a template uses it"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for key, value in variables.items():
            self.add(key, value_to_text(value))
        add = QToolButton()
        add.setObjectName("variableAdd")
        add.setIcon(icon("add"))
        add.setToolTip(self.tr("Add a variable"))
        add.clicked.connect(lambda: self.add("", ""))
        remove = QToolButton()
        remove.setIcon(icon("remove"))
        remove.setToolTip(self.tr("Remove the selected variables"))
        remove.clicked.connect(self._remove_selected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def add(self, name: str, value: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        self.table.setItem(row, 1, QTableWidgetItem(value))

    def variables(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for row in range(self.table.rowCount()):
            name_item, value_item = self.table.item(row, 0), self.table.item(row, 1)
            name = name_item.text().strip() if name_item else ""
            if name:
                found[name] = value_from_text(value_item.text() if value_item else "")
        return found

    def _remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)


class VariablesDialog(QDialog):
    """The variables of one collection and of the current connection's profile; the most
    specific wins when a message is expanded (profile, then collection)."""

    def __init__(
        self,
        collection: tuple[str, Mapping[str, Any]] | None,
        profile: tuple[str, Mapping[str, Any]] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("libraryVariablesDialog")
        self.setWindowTitle(self.tr("Template variables"))
        self.tabs = QTabWidget()
        self.collection_table: VariableTable | None = None
        self.profile_table: VariableTable | None = None
        if collection is not None:
            self.collection_table = VariableTable(collection[1], "collectionVariables")
            self.tabs.addTab(
                self.collection_table,
                self.tr("Collection “{name}”").format(name=collection[0]),
            )
        if profile is not None:
            self.profile_table = VariableTable(profile[1], "profileVariables")
            self.tabs.addTab(
                self.profile_table, self.tr("Profile “{name}”").format(name=profile[0])
            )
        hint = QLabel(
            self.tr(
                "Use them as {{name}} in destinations, headers and bodies. A collection's "
                "value wins over the profile's. Values that read as JSON (1001, true, [1, 2]) "
                "keep their type. Secrets are never saved here: use {{env.NAME}}."
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("hint", "true")
        self.problem = QLabel()
        self.problem.setObjectName("libraryVariablesProblem")
        self.problem.setProperty("valid", "false")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(hint)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(520, 360)

    def problem_text(self) -> str | None:
        """Why the variables cannot be saved (a bad name, a value that looks like a secret)."""
        for table in (self.collection_table, self.profile_table):
            if table is None:
                continue
            variables = table.variables()
            try:
                check_variable_names(variables)
            except VariableError as exc:
                bad = next((n for n in variables if n in exc.reason), exc.reason)
                return self.tr(
                    "“{name}” cannot be a variable name: use letters, digits and _, not "
                    "starting with a digit, and not a built-in name (n, uuid, now, …)."
                ).format(name=bad)
            for name, value in variables.items():
                if looks_secret(name, value):
                    return self.tr(
                        "“{name}” looks like a secret and would not be saved: write its value "
                        "as a template such as {{{{env.API_TOKEN}}}}."
                    ).format(name=name)
        return None

    def _accept_if_valid(self) -> None:
        problem = self.problem_text()
        self.problem.setText(problem or "")
        if problem is None:
            self.accept()


# -- the library's conditions in the window's words ---------------------------------------


def _tr(text: str) -> str:
    return QCoreApplication.translate("LibraryWords", text)


def stripped_text(stripped: Sequence[StrippedSecret]) -> str:
    """What was left out of a save, import or export because it looked like a secret."""
    names = ", ".join(
        f"{item.name} ({item.message})" if item.message else item.name for item in stripped
    )
    return _tr(
        "Not saved because they look like secrets: {names}. Write such values as "
        "templates, for example Bearer {{{{env.API_TOKEN}}}}."
    ).format(names=names)


def library_error(error: LibraryError) -> str:
    if isinstance(error, LibraryFileError):
        place = f"{error.where}: " if error.where else ""
        return _tr("{file} cannot be used: {place}{reason}").format(
            file=Path(error.path).name, place=place, reason=error.reason
        )
    return _tr("The library refused it: {reason}").format(reason=error.message)
