"""The message library dock: saved messages in collections, searched, previewed with their
variables, loaded into the composer or sent straight to the current connection.

GUI-free rules live in `explorer.library` (file, secrets, templates, send_saved); this pane
shows them. It never reaches into the composer: the window hands it the composer's request
(`ask_save(request)`) and loads what `load_requested(ComposeRequest)` carries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.library import (
    LibraryError,
    LibraryMessage,
    LibraryStore,
    StrippedSecret,
)
from explorer.library.requests import from_request, send_saved, to_request
from explorer.session.compose import ComposeRequest
from explorer.templates import TemplateError
from explorer.ui.icons import icon
from explorer.ui.library_dialogs import (
    SaveMessageDialog,
    VariablesDialog,
    library_error,
    stripped_text,
)
from explorer.ui.library_tree import LibraryTree
from explorer.ui.message_detail import monospace_font
from explorer.ui.outcome import show_outcome
from explorer.ui.tasks import TaskRunner, describe_failure
from explorer.ui.wrap_row import WrapRow

if TYPE_CHECKING:
    from explorer.ui.session import SessionController


class LibraryPane(QWidget):
    """Collections and their messages, with search, preview, load, send, import and export."""

    load_requested = Signal(object)  # list[ComposeRequest], one per destination, for the composer
    save_from_composer_requested = Signal()  # the window answers with ask_save(request)

    def __init__(
        self, store: LibraryStore, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("messageLibrary")
        self.store = store
        self._runner = runner
        self._session: SessionController | None = None
        self._last_collection = ""

        self.search = QLineEdit()
        self.search.setObjectName("libraryFilter")
        self.search.setPlaceholderText(self.tr("Search names, destinations, bodies"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(
            self.tr("Show only messages whose name, destination or body has this")
        )
        self.search.textChanged.connect(lambda _text: self.refresh())
        save = self._tool(
            "librarySave", "add", self.tr("Save the composer's message in the library")
        )
        save.clicked.connect(self.save_from_composer_requested.emit)
        importer = self._tool("libraryImport", "import", self.tr("Import a library file"))
        importer.clicked.connect(self._choose_import)
        self.export_button = self._tool(
            "libraryExport", "export", self.tr("Export collections to a file for your team")
        )
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(self.export_button)
        self.export_selected_action = export_menu.addAction(self.tr("Export this collection…"))
        self.export_selected_action.triggered.connect(lambda: self._choose_export(selected=True))
        export_menu.addAction(self.tr("Export all collections…")).triggered.connect(
            lambda: self._choose_export(selected=False)
        )
        self.export_button.setMenu(export_menu)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        for button in (save, importer, self.export_button):
            top.addWidget(button)

        self.tree = LibraryTree()
        self.tree.setToolTip(
            self.tr("Saved messages by collection: double-click loads one into the composer")
        )
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self.load_selected())
        self.tree.itemSelectionChanged.connect(self._selection_changed)

        self.preview_title = QLabel(self.tr("Preview"))
        self.preview_title.setObjectName("libraryPreviewTitle")
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("libraryPreview")
        self.preview.setReadOnly(True)
        self.preview.setFont(monospace_font())
        self.preview.setPlaceholderText(
            self.tr("Select a message to see it as it will be sent, variables filled in.")
        )
        self.notice = QLabel()
        self.notice.setObjectName("libraryNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()
        self.variables_button = QPushButton(self.tr("Variables…"))
        self.variables_button.setObjectName("libraryVariables")
        self.variables_button.setToolTip(
            self.tr("Template variables of this collection and of the current profile")
        )
        self.variables_button.clicked.connect(self.edit_variables)
        self.load_button = QPushButton(icon("edit"), self.tr("Load"))
        self.load_button.setObjectName("libraryLoad")
        self.load_button.setToolTip(
            self.tr("Load into the composer to edit and send (double-click does the same)")
        )
        self.load_button.clicked.connect(self.load_selected)
        self.send_button = QPushButton(icon("send"), self.tr("Send"))
        self.send_button.setObjectName("librarySend")
        self.send_button.setToolTip(
            self.tr("Send to every destination of the message on the current connection")
        )
        self.send_button.clicked.connect(self.send_selected)
        buttons = WrapRow()  # two lines in a narrow dock (small screens)
        buttons.add_group([(self.variables_button, 0)])
        buttons.add_group([(self.load_button, 0), (self.send_button, 0)], at_end=True)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.preview_title)
        bottom_layout.addWidget(self.preview, 1)
        bottom_layout.addWidget(self.notice)
        bottom_layout.addWidget(buttons)
        self.tree.setMinimumHeight(48)
        self.preview.setMinimumHeight(36)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("librarySplitter")
        splitter.addWidget(self.tree)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        for warning in store.load_warnings:
            self.show_notice(
                self.tr("The library file could not be read and was set aside: {why}").format(
                    why=warning
                ),
                ok=False,
            )
        self.refresh()

    def _tool(self, name: str, icon_name: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setIcon(icon(icon_name))
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    # -- what the window tells the pane ----------------------------------------------------

    def set_session(self, session: SessionController | None) -> None:
        """The current tab's connection: where Send goes, whose profile variables apply."""
        self._session = session
        self._selection_changed()

    @property
    def profile(self) -> str | None:
        return self._session.name if self._session is not None else None

    # -- the tree ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the library again (after a change, or as the search text changes)."""
        self.tree.show_library(self.store.library, self.search.text().strip())
        self._selection_changed()

    def selected(self) -> tuple[str, str | None] | None:
        """(collection, message name or None for the collection itself)."""
        return self.tree.selected()

    def select(self, collection: str, message: str | None = None) -> bool:
        return self.tree.select(collection, message)

    def selected_message(self) -> tuple[str, LibraryMessage] | None:
        chosen = self.selected()
        if chosen is None or chosen[1] is None:
            return None
        collection = self.store.library.collection(chosen[0])
        message = collection.message(chosen[1]) if collection else None
        return (chosen[0], message) if message is not None else None

    def _selection_changed(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self._last_collection = chosen[0]
        picked = self.selected_message()
        connected = self._session is not None and self._session.is_connected
        self.load_button.setEnabled(picked is not None)
        self.send_button.setEnabled(picked is not None and connected)
        self.export_selected_action.setEnabled(chosen is not None)
        self._show_preview(picked)

    def _show_preview(self, picked: tuple[str, LibraryMessage] | None) -> None:
        if picked is None:
            self.preview_title.setText(self.tr("Preview"))
            self.preview.clear()
            return
        collection, message = picked
        profile = self.profile
        if profile:
            title = self.tr("Preview with the variables of “{collection}” and “{profile}”")
        else:
            title = self.tr("Preview with the variables of “{collection}”")
        self.preview_title.setText(title.format(collection=collection, profile=profile))
        try:
            templates = self.store.templates(
                collection, message.name, self.store.engine_for(collection, profile=profile)
            )
            rendered = [t.preview() for t in templates]
        except TemplateError as exc:
            self.preview.setPlainText(describe_failure(exc))
            return
        blocks = []
        for one in rendered:
            lines = [f"SEND {one.destination}", *(f"{k}: {v}" for k, v in one.headers)]
            if message.receipt:
                lines.append(self.tr("(with a receipt)"))
            body = one.body.decode("utf-8", errors="replace")
            blocks.append("\n".join(lines) + "\n\n" + body)
        extra = []
        if message.count > 1:
            rate = self.tr("as fast as possible") if not message.rate else f"{message.rate:g}/s"
            extra.append(
                self.tr("× {count} copies, {rate}; this is copy 1").format(
                    count=message.count, rate=rate
                )
            )
        self.preview.setPlainText("\n\n".join([*extra, *blocks]))

    # -- actions --------------------------------------------------------------------------

    def load_selected(self) -> bool:
        picked = self.selected_message()
        if picked is None:
            return False
        message = picked[1]
        self.load_requested.emit([to_request(message, d) for d in message.destinations])
        return True

    def send_selected(self) -> None:
        picked, session = self.selected_message(), self._session
        if picked is None or session is None:
            return
        collection, message = picked
        try:
            templates = self.store.templates(
                collection, message.name, self.store.engine_for(collection, profile=session.name)
            )
        except TemplateError as exc:
            self.show_notice(describe_failure(exc), ok=False)
            return
        self.show_notice(self.tr("Sending “{name}”…").format(name=message.name))
        self._runner.run(
            send_saved(session.execute, templates, message),
            lambda sent: self.show_notice(
                self.tr("Sent “{name}”: {count} frames to {where}.").format(
                    name=message.name, count=sent, where=", ".join(message.destinations)
                ),
                ok=True,
            ),
            failed=lambda error: self.show_notice(describe_failure(error), ok=False),
        )

    def ask_save(self, requests: ComposeRequest | Sequence[ComposeRequest]) -> None:
        """Ask for a name and a collection, then save the composer's frame (one request, or
        one per destination of its list: they become one message with every destination)."""
        batch = [requests] if isinstance(requests, ComposeRequest) else list(requests)
        first = batch[0] if batch else None
        destinations = [r.destination for r in batch if r.destination]
        if first is None or first.raw is not None or first.command != "SEND" or not destinations:
            self.show_notice(
                self.tr("Only a SEND with a destination can be saved in the library."), ok=False
            )
            return
        if first.body_file is not None:
            self.show_notice(
                self.tr(
                    "A body sent from a file is not kept in the library: paste the body into "
                    "the composer to save it."
                ),
                ok=False,
            )
            return
        request = replace(
            first,
            headers=(
                *(("destination", d) for d in destinations),
                *(h for h in first.headers if h[0] != "destination"),
            ),
        )
        collections = {c.name: {m.name for m in c.messages} for c in self.store.library.collections}
        chosen = self.selected_message()
        name = chosen[1].name if chosen else destinations[0].rsplit("/", 1)[-1]
        dialog = SaveMessageDialog(collections, name, self._last_collection, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.save_request(request, *dialog.values()))
        dialog.open()

    def save_request(
        self, request: ComposeRequest, name: str, collection: str
    ) -> list[StrippedSecret]:
        """Save `request` as `name` in `collection`; says what was left out as a secret."""
        try:
            stripped = self.store.save_message(collection, from_request(request, name))
        except LibraryError as exc:
            self.show_notice(library_error(exc), ok=False)
            return []
        self._last_collection = collection
        self.refresh()
        self.select(collection, name)
        if stripped:
            self.show_notice(stripped_text(stripped), ok=False)
        else:
            self.show_notice(
                self.tr("Saved “{name}” in “{collection}”.").format(
                    name=name, collection=collection
                ),
                ok=True,
            )
        return stripped

    def edit_variables(self) -> None:
        chosen = self.selected()
        collection = self.store.library.collection(chosen[0]) if chosen else None
        profile = self.profile
        if collection is None and profile is None:
            self.show_notice(
                self.tr("Select a collection, or connect, to edit its variables."), ok=False
            )
            return
        dialog = VariablesDialog(
            (collection.name, collection.variables) if collection else None,
            (profile, self.store.library.profile_variables.get(profile, {})) if profile else None,
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def save() -> None:
            stripped: list[StrippedSecret] = []
            try:
                if collection is not None and dialog.collection_table is not None:
                    variables = dialog.collection_table.variables()
                    stripped += self.store.save_collection(replace(collection, variables=variables))
                if profile is not None and dialog.profile_table is not None:
                    variables = dialog.profile_table.variables()
                    stripped += self.store.set_profile_variables(profile, variables)
            except LibraryError as exc:
                self.show_notice(library_error(exc), ok=False)
                return
            self.refresh()
            if stripped:
                self.show_notice(stripped_text(stripped), ok=False)
            else:
                self.show_notice(self.tr("Variables saved."), ok=True)

        dialog.accepted.connect(save)
        dialog.open()

    def delete_selected(self, confirm: bool = True) -> bool:
        chosen = self.selected()
        if chosen is None:
            return False
        collection, message = chosen
        if message is None:
            question = self.tr("Delete the collection “{name}” and all its messages?").format(
                name=collection
            )
        else:
            question = self.tr("Delete “{name}” from “{collection}”?").format(
                name=message, collection=collection
            )
        if confirm:
            answer = QMessageBox.question(self, self.tr("Delete"), question)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            if message is None:
                self.store.remove_collection(collection)
            else:
                self.store.remove_message(collection, message)
        except LibraryError as exc:
            self.show_notice(library_error(exc), ok=False)
            return False
        self.refresh()
        return True

    def import_file(self, path: Path) -> bool:
        try:
            report = self.store.import_from(path)
        except LibraryError as exc:
            self.show_notice(library_error(exc), ok=False)
            return False
        self.refresh()
        names = ", ".join([*report.added, *report.replaced])
        text = self.tr("Imported {names} from {file}.").format(names=names, file=Path(path).name)
        if report.replaced:
            text += " " + self.tr("Replaced: {names}.").format(names=", ".join(report.replaced))
        if report.stripped:
            text += " " + stripped_text(list(report.stripped))
        self.show_notice(text, ok=not report.stripped)
        return True

    def export_file(self, path: Path, collections: list[str] | None = None) -> bool:
        try:
            stripped = self.store.export_to(path, collections)
        except (LibraryError, OSError) as exc:
            reason = library_error(exc) if isinstance(exc, LibraryError) else str(exc)
            self.show_notice(reason, ok=False)
            return False
        text = self.tr("Exported to {file}.").format(file=Path(path).name)
        if stripped:
            text += " " + stripped_text(stripped)
        self.show_notice(text, ok=True)
        return True

    def _choose_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import a library file"), "", self.tr("Library files (*.json)")
        )
        if path:
            self.import_file(Path(path))

    def _choose_export(self, selected: bool) -> None:
        chosen = self.selected()
        collections = [chosen[0]] if selected and chosen else None
        suggestion = f"{chosen[0]}.json" if selected and chosen else "library.json"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the library"), suggestion, self.tr("Library files (*.json)")
        )
        if path:
            self.export_file(Path(path), collections)

    def _context_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        picked = self.selected_message()
        if picked is not None:
            menu.addAction(icon("edit"), self.tr("Load into the composer"), self.load_selected)
            send = menu.addAction(icon("send"), self.tr("Send"), self.send_selected)
            send.setEnabled(self.send_button.isEnabled())
        if self.selected() is not None:
            menu.addAction(self.tr("Variables…"), self.edit_variables)
            menu.addSeparator()
            menu.addAction(icon("remove"), self.tr("Delete…"), self.delete_selected)
        if not menu.isEmpty():
            menu.popup(self.tree.viewport().mapToGlobal(position))

    # -- words -------------------------------------------------------------------------------

    def show_notice(self, text: str, ok: bool | None = None) -> None:
        """Green for done, red for a problem, neutral for information."""
        show_outcome(self.notice, text, ok)
        self.notice.setVisible(bool(text))
