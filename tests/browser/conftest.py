"""The window's fixtures, for the test that sends from the composer to a browser page."""

from tests.gui.window.conftest import loop, make_window, memory_keyring, run

__all__ = ["loop", "make_window", "memory_keyring", "run"]
