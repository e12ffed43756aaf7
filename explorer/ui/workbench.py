"""The QA workbench in the window: the message library and Scenarios docks, the benchmark,
and the Tools menu that reaches them.

The window makes one `Workbench` and tells it the current tab's session; the workbench
wires its parts to the composer (load a saved message, save the composer's message) and
never reaches into a tab. The composer expands templates with the library's variables: those
of the collection it last loaded a message from and of the current tab's profile
(`LibraryStore.engine_for`, the same lookup as the library's own Send).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QMenuBar, QWidget

from explorer.library import LibraryError, LibraryStore
from explorer.session.compose import ComposeRequest
from explorer.templates import TemplateEngine
from explorer.ui.composer import Composer
from explorer.ui.icons import icon
from explorer.ui.library_pane import LibraryPane
from explorer.ui.scenario_pane import ScenarioPane
from explorer.ui.session import SessionController
from explorer.ui.tasks import TaskRunner

DockFactory = Callable[[str, str, QWidget, Qt.DockWidgetArea], QDockWidget]


def open_library() -> tuple[LibraryStore, str | None]:
    """The user's library, or (when its file can be neither read nor set aside) one in a
    temporary file, with the reason: the window opens either way."""
    try:
        return LibraryStore(), None
    except (LibraryError, OSError) as exc:
        fallback = Path(tempfile.mkdtemp(prefix="stomp-explorer-library-")) / "library.json"
        return LibraryStore(fallback), str(exc)


class Workbench(QObject):
    """Library, scenarios and bench for one window."""

    def __init__(
        self,
        window: QMainWindow,
        composer: Composer,
        composer_dock: QDockWidget,
        detail_dock: QDockWidget,
        runner: TaskRunner,
        dock: DockFactory,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._composer = composer
        self._composer_dock = composer_dock
        self._detail_dock = detail_dock
        self._runner = runner
        self._session: SessionController | None = None
        self.bench_dialog: QWidget | None = None
        self.collection: str | None = None  # whose variables the composer's templates use
        composer.template_engine = self.composer_engine

        store, problem = open_library()
        self.library = LibraryPane(store, runner)
        if problem is not None:
            self.library.show_notice(
                self.tr(
                    "The library file cannot be used ({problem}); saved messages go to a "
                    "temporary file until the window closes."
                ).format(problem=problem),
                ok=False,
            )
        self.library.load_requested.connect(self._load_into_composer)
        self.library.save_from_composer_requested.connect(
            lambda: self.library.ask_save(composer.build_requests())
        )
        self.library_dock = dock(
            "messageLibraryDock",
            self.tr("Library"),
            self.library,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.scenarios = ScenarioPane(self.library.store, runner)
        self.scenarios_dock = dock(
            "scenarioRunnerDock",
            self.tr("Scenarios"),
            self.scenarios,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self.bench_action = QAction(icon("gauge"), self.tr("&Benchmark…"), window)
        self.bench_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        tip = self.tr("Measure throughput, losses and latency against the current broker")
        self.bench_action.setToolTip(tip)
        self.bench_action.setStatusTip(tip)
        self.bench_action.triggered.connect(self.open_bench)
        window.addAction(self.bench_action)
        self.set_session(None)
        self.place()

    @property
    def docks(self) -> tuple[QDockWidget, QDockWidget]:
        return (self.library_dock, self.scenarios_dock)

    def place(self) -> None:
        """The default places: the library behind the message pane, the scenarios behind the
        composer (at start and on View > Reset layout)."""
        window = self._window
        for dock, beside in (
            (self.library_dock, self._detail_dock),
            (self.scenarios_dock, self._composer_dock),
        ):
            dock.setFloating(False)
            window.tabifyDockWidget(beside, dock)
            dock.show()
            beside.raise_()

    def add_menus(self, menu_bar: QMenuBar, view_menu: QMenu) -> None:
        """The docks' entries in View, and a Tools menu."""
        view_menu.addAction(self.library_dock.toggleViewAction())
        view_menu.addAction(self.scenarios_dock.toggleViewAction())
        tools = menu_bar.addMenu(self.tr("&Tools"))
        tools.addAction(self.bench_action)
        for dock, text, icon_name, tip in (
            (
                self.scenarios_dock,
                self.tr("&Scenarios"),
                "checklist",
                self.tr("Run and record send-and-expect scenarios"),
            ),
            (
                self.library_dock,
                self.tr("Message &library"),
                "file",
                self.tr("Saved messages in collections"),
            ),
        ):
            action = tools.addAction(icon(icon_name), text)
            action.setStatusTip(tip)
            action.triggered.connect(lambda _checked=False, d=dock: self._show(d))

    def set_session(self, session: SessionController | None) -> None:
        """The current tab's connection (or None): where scenarios run and library sends go."""
        self._session = session
        self.library.set_session(session)
        self.scenarios.set_session(session)
        self.bench_action.setEnabled(session is not None and session.is_connected)
        self._composer.validate()  # another profile's variables

    def composer_engine(self) -> TemplateEngine:
        """The composer's template engine: the variables of `collection` and of the current
        tab's profile, as the library's Send has them."""
        profile = self._session.name if self._session is not None else None
        return self.library.store.engine_for(self.collection, profile=profile)

    def open_bench(self) -> None:
        """The benchmark against the current tab's broker (connections of its own)."""
        from explorer.ui.bench_dialog import BenchDialog

        session = self._session
        if session is None or not session.is_connected:
            self._window.statusBar().showMessage(
                self.tr("Connect first: the benchmark runs against the current tab's broker."),
                8000,
            )
            return
        dialog = BenchDialog(session, self._runner, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.bench_dialog = dialog

    def _show(self, dock: QDockWidget) -> None:
        dock.show()
        dock.raise_()

    def _load_into_composer(self, requests: list[ComposeRequest]) -> None:
        picked = self.library.selected_message()
        self.collection = picked[0] if picked is not None else None
        self._show(self._composer_dock)
        self._composer.load_requests(requests)
        self._composer.body.setFocus()
