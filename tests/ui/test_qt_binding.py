"""Guards against a broken Qt binding release.

PySide6 6.12.0 returns a borrowed ``True`` from ``SignalInstance.emit``: every
emit from Python lowers True's reference count, and after enough of them the
interpreter aborts ("bool_dealloc: deallocating True or False"). The app emits
signals on every page load, so such a release must never be installed.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    ping = Signal(object)


def test_emitting_a_signal_keeps_reference_counts_intact() -> None:
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(1000):
        emitter.ping.emit(None)
    # with the bug the count falls by exactly 1000; other code may move it by a few
    assert abs(sys.getrefcount(True) - before) < 50
