"""Emit Qt signals from Python without losing references to `True`.

PySide6 6.12.0 on CPython 3.11 returns `True` from `SignalInstance.emit()` without taking a
reference, so every emit from Python drops one reference to `True`. After as many emits as
`True` has references (tens of thousands) the interpreter aborts with "bool_dealloc:
deallocating True or False". CPython 3.12+ makes `True` immortal, which hides the bug.

`emit()` detects the bug once, at import, and gives the reference back after each emit only
where it is present. Signals emitted by Qt itself (C++), e.g. `rowsInserted`, are unaffected.

This is a partial mitigation: the same 6.12.0 build also drops a reference to `None` on every
call of a void method from Python (`QTimer.start()`, `setText()`, ...). The real fix is
`PySide6-Essentials<6.12` on CPython 3.11 (6.11.3 has neither bug) or CPython >= 3.12.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any, Final

from PySide6.QtCore import QObject, Signal, SignalInstance

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    ping = Signal()


def _emit_steals_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    for _ in range(max(0, lost)):
        _incref(True)  # give back what the probe took
    return lost >= 8


EMIT_STEALS: Final = _emit_steals_a_reference()
"""True when this PySide6 build has the reference bug (checked once at import)."""


def emit(signal: SignalInstance, *args: Any) -> None:
    """`signal.emit(*args)`, compensating PySide6 6.12's missing reference when needed."""
    result: object = signal.emit(*args)  # type: ignore[func-returns-value]
    if EMIT_STEALS and result is not None:
        _incref(result)
