"""Workaround: PySide6 6.12.0 on CPython 3.11 leaks references to `True` and `None` away.

In that build `SignalInstance.emit()` returns `True` without taking a reference, and every
void method called from Python (`setText`, `QTimer.start`, ...) drops one reference to
`None`. CPython 3.12+ makes these objects immortal, so only 3.11 crashes: after roughly a
thousand emits (or some tens of thousands of void calls) the interpreter aborts with
"Fatal Python error: bool_dealloc" (verified here: 1,000 `emit("x")` calls abort a fresh
interpreter). A window that runs for hours makes millions of such calls.

Until the dependency is pinned to a fixed PySide6 (6.11.3 has neither bug), we do what 3.12
does: give `True`, `False` and `None` so many references that they can never reach zero.
Only on the affected combination; a no-op everywhere else.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

_EXTRA = 1 << 48  # far more than any process can drop in its lifetime


def applies() -> bool:
    return sys.version_info < (3, 12) and PySide6.__version__.startswith("6.12.")


def make_singletons_immortal() -> bool:
    """Add `_EXTRA` references to True, False and None (CPython 3.11: ob_refcnt comes first
    in every object). Returns whether it was needed."""
    if not applies() or getattr(sys, "_explorer_immortal", False):
        return False
    for obj in (True, False, None):
        ctypes.c_ssize_t.from_address(id(obj)).value += _EXTRA
    sys._explorer_immortal = True  # type: ignore[attr-defined]
    return True
