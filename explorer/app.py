"""Composition root of the window: QApplication, the qasync loop and the main window."""

from __future__ import annotations

import argparse
import asyncio
import sys

from explorer import __version__


def run_window(args: argparse.Namespace) -> int:
    """Open the main window and run Qt's loop with asyncio inside it until it closes."""
    import qasync
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("STOMP Explorer")
    app.setApplicationVersion(__version__)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    window = QMainWindow()
    window.setWindowTitle("STOMP Explorer")
    window.resize(1200, 800)
    window.show()
    closed = asyncio.Event()
    app.lastWindowClosed.connect(closed.set)
    with loop:
        loop.run_until_complete(closed.wait())
    return 0
