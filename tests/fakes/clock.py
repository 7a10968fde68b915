"""A clock the test moves by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class FakeClock:
    """Wall and monotonic time that only move when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
        self._mono = 1000.0

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def advance(self, delta: timedelta, *, suspended: bool = False) -> None:
        """Move the wall clock; the monotonic clock stands still while suspended."""
        self._now += delta
        if not suspended:
            self._mono += delta.total_seconds()
