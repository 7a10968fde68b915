"""Time formatting for the sandbox: HumHub's zone-less "YYYY-MM-DD HH:MM:SS" server time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

FORMAT = "%Y-%m-%d %H:%M:%S"


def local_now() -> datetime:
    """The current local wall-clock time (aware, in the machine's zone)."""
    return datetime.now(UTC).astimezone()


def stamp(when: datetime | None = None) -> str:
    """Format a time like HumHub does: local server time without a zone."""
    return (when or local_now()).strftime(FORMAT)


def ago(**delta: float) -> str:
    """A stamp for some time ago, e.g. ``ago(hours=3)``."""
    return stamp(local_now() - timedelta(**delta))
