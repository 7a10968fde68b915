"""Waiting on the event loop for something to happen, with a deadline (never a fixed sleep)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


async def until(condition: Callable[[], object], seconds: float = 20, what: str = "") -> None:
    """Return once `condition()` is true; fail the test after `seconds`. The loop keeps
    running in between, so the work being waited for goes on."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out after {seconds:g} s waiting for {what}"
        await asyncio.sleep(0.02)
