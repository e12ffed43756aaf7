"""The window fixtures (a qasync loop per test, `make_window`, `run`) for the QA workbench's
docks: the same ones the window tests use."""

from __future__ import annotations

from tests.gui.window.conftest import loop, make_window, memory_keyring, run

__all__ = ["loop", "make_window", "memory_keyring", "run"]
