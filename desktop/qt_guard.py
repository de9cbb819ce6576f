"""A guard against PySide6 6.12's lost references to None, True and False on CPython 3.11.

Measured here: with PySide6 6.12.0 on Python 3.11, every call of a Qt method that returns nothing
takes one reference from `None`, and every `signal.emit()` one from `True`; after some thousands
of calls Python aborts ("none_dealloc: deallocating None"). From Python 3.12 these objects are
immortal and nothing happens. `guard()` measures the loss once and, only if it is there, gives the
three singletons a reference count no session can exhaust (they are never freed anyway).
Remove this module once PySide6 is fixed or Haichi requires Python 3.12.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

HEADROOM = 1 << 40  # references added to each singleton: ~10^12 Qt calls


class _Probe(QObject):
    ping = Signal()


def loses_references() -> bool:
    """Whether Qt calls from Python take references from None or True in this interpreter."""
    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(16):
        probe.setObjectName("probe")
        probe.ping.emit()
    lost = max(none_before - sys.getrefcount(None), true_before - sys.getrefcount(True))
    return lost >= 16


def _add_references(obj: object, count: int) -> None:
    # ob_refcnt is the first field of every CPython object (release builds)
    ctypes.c_ssize_t.from_address(id(obj)).value += count


def guard() -> bool:
    """Apply the guard if this interpreter needs it; returns whether it was applied."""
    global _guarded
    if _guarded or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return _guarded
    if loses_references():
        for singleton in (None, True, False):
            _add_references(singleton, HEADROOM)
        _guarded = True
    return _guarded


_guarded = False
guard()
