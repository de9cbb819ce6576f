"""Emitting Qt signals from Python, safe against PySide6 6.12's lost reference to `True`.

PySide6 6.12.0 returns `True` from `SignalInstance.emit()` without counting the reference, so
every emit takes one reference from `True`; after a few hundred emits Python aborts with
"bool_dealloc: deallocating True or False". `emit` gives the reference back when (and only when)
this PySide6 is measured to lose it, so a fixed PySide6 needs no change here.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    ping = Signal()


def _loses_reference() -> bool:
    """Whether an emit with nothing connected takes a reference from its return value."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    if lost > 0:
        for _ in range(lost):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))  # repay what the probe itself took
    return lost >= 8


_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None
LEAKS = _loses_reference()


def emit(signal: Any, *args: Any) -> None:
    """`signal.emit(*args)`, repaying the reference PySide6 6.12 takes from the returned bool."""
    result = signal.emit(*args)
    if LEAKS and isinstance(result, bool):
        _incref(result)
