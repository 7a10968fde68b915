"""Guard against Qt bindings that corrupt reference counts under qasync.

PySide6 6.12.0 decrements `None` once too often for each Python callable that a Qt timer
runs. qasync runs every asyncio timer through Qt, so each `asyncio.sleep` cost two
references; `None` starts with about 8,000, and a tray app polling all day crashed when it
reached zero ("none_dealloc"). Python 3.12+ makes `None` immortal, which hides the bug there.
"""

from __future__ import annotations

import asyncio
import gc
import sys

import pytest

from PySide6.QtCore import QTimer

from desktop.qt_async import QEventLoop

ROUNDS = 300


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal on Python 3.12+")
def test_qt_timers_keep_none_refcount_stable(qapp):
    loop = QEventLoop(qapp)
    fired: list[int] = []

    async def churn() -> int:
        await asyncio.sleep(0.01)  # let start-up work settle
        gc.collect()
        gc.disable()  # objects freed by a collection would release None references too
        before = sys.getrefcount(None)
        for _ in range(ROUNDS):
            await asyncio.sleep(0.0005)
        for _ in range(ROUNDS):
            QTimer.singleShot(0, lambda: fired.append(1))
        await asyncio.sleep(0.05)
        drift = sys.getrefcount(None) - before
        gc.enable()
        return drift

    try:
        drift = loop.run_until_complete(churn())
    finally:
        loop.close()
    assert len(fired) == ROUNDS
    # A healthy binding drifts by a few references; the broken one loses about 3 per round.
    assert drift > -ROUNDS // 2, f"None lost {-drift} references in {ROUNDS} timer rounds"
