"""Composition root of the window: QApplication, translations, theme, qasync loop, window.

`run_window(args)` is what `stomp-explorer` (no subcommand) calls. `create_window()` builds
the same window for tests and benchmarks, on an existing QApplication and loop.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import TYPE_CHECKING

from explorer import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from explorer.profiles import ProfileStore
    from explorer.ui.main_window import MainWindow


def configure_application(app: QApplication) -> None:
    """Names, icon, translations and the light/dark theme (once per QApplication)."""
    from explorer.ui import config, i18n, theme
    from explorer.ui.about import APP_ID, application_icon

    if app.property("explorerConfigured"):
        return
    app.setApplicationName("STOMP Explorer")
    app.setOrganizationName("stomp-explorer")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # Wayland matches the window to the .desktop entry by it
    app.setWindowIcon(application_icon())
    settings = config.WindowSettings()
    translators = i18n.install(app, settings)
    theme.set_preference(settings.appearance)
    app.setProperty("explorerConfigured", True)
    app._explorer_translators = translators  # type: ignore[attr-defined]  # keep alive
    theme.follow_system(app)


def open_store(profiles_path: str | None = None) -> ProfileStore:
    """The user's profiles (or a team file), with the built-in Sandbox profile."""
    from explorer.profiles import ProfileStore
    from explorer.ui.sandbox_runner import sandbox_profile

    return ProfileStore(profiles_path, builtins=[sandbox_profile()])


def create_window(profiles_path: str | None = None, *, first_run: bool = True) -> MainWindow:
    """Build (not show) the main window. On a fresh config (no profiles of the user's own)
    the Sandbox profile connects at once, so the window is alive from the first second."""
    from explorer.ui import config, last_session
    from explorer.ui.main_window import MainWindow
    from explorer.ui.sandbox_runner import SANDBOX_NAME

    store = open_store(profiles_path)
    window = MainWindow(store, config.WindowSettings())
    fresh = not any(not p.builtin for p in store.profiles())
    if first_run and fresh and window.select_profile(SANDBOX_NAME):
        window.connect_selected()
    elif window.settings.reopen_session:  # the last session's tabs and subscriptions
        for profile, subscriptions in last_session.planned(window.settings.last_session, store):
            window.opener.open(profile, subscriptions)
    return window


def run_window(args: argparse.Namespace) -> int:
    """Open the main window and run Qt's loop with asyncio inside it until it closes."""
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure_application(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    closed = asyncio.Event()
    app.lastWindowClosed.connect(closed.set)
    with loop:
        window = create_window(getattr(args, "profiles", None))
        window.show()
        tune_garbage_collection()
        _close_on_signals(window)
        _report_unexpected_errors(window)
        loop.run_until_complete(closed.wait())
    return 0


def tune_garbage_collection() -> None:
    """Python's cyclic garbage collector, set for a window that may take in tens of thousands
    of messages a second (call once the window is up).

    The objects start-up made (modules, classes, functions, Qt wrappers: about 85,000 that
    live as long as the process) are frozen out of its passes: a full collection walked them
    all, 100-250 ms, every second or so under a flood. And the youngest generation is
    collected when 50,000 more tracked objects are alive than after the last collection,
    not 700: a flood's frames and messages die young by reference counting, but at 700 the
    ones waiting for their turn were collected 600 times a second (5 % of the window's CPU)
    and promoted, which set off the full collections. Garbage in reference cycles waits a
    little longer for its collection (at most those 50,000 objects).
    """
    import gc

    gc.freeze()
    gc.set_threshold(50_000, 20, 10)


def _report_unexpected_errors(window: MainWindow) -> None:
    """A bug in a slot must not pass silently or kill the window: the traceback goes to
    stderr for the bug report and one line to the status bar for the person at the keyboard.
    """
    import traceback
    from types import TracebackType

    from PySide6.QtCore import QCoreApplication

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        traceback.print_exception(kind, error, tb, file=sys.stderr)
        text = QCoreApplication.translate(
            "MainWindow",
            "Something went wrong inside STOMP Explorer: {error} (details in the terminal; "
            "please report it)",
        )
        window.statusBar().showMessage(text.format(error=error), 15000)

    sys.excepthook = hook


def _close_on_signals(window: MainWindow) -> None:
    """Ctrl+C in the terminal or a SIGTERM closes the window the normal way: layout saved,
    connections disconnected. (Python runs the handler at the next timer tick.)"""
    import signal

    from PySide6.QtCore import QTimer

    def close(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, window.close)

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, close)
