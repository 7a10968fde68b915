"""Time for the sandbox: HumHub's zone-less "YYYY-MM-DD HH:MM:SS" in the server's time zone.

A real HumHub writes every timestamp as wall-clock time of its configured zone and says
nothing about the zone. The sandbox does the same in :func:`zone` (Europe/Amsterdam unless
the server was started with another one), so clients always meet times that are not UTC.
One zone per process: the last started sandbox sets it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

FORMAT = "%Y-%m-%d %H:%M:%S"
DEFAULT_ZONE = "Europe/Amsterdam"
_ZONE: list[ZoneInfo] = [ZoneInfo(DEFAULT_ZONE)]


def set_zone(name: str) -> None:
    """Serve times in the IANA zone `name` from now on (ZoneInfoNotFoundError if unknown)."""
    _ZONE[0] = ZoneInfo(name)


def zone() -> ZoneInfo:
    """The server's time zone."""
    return _ZONE[0]


def local_now() -> datetime:
    """The current wall-clock time of the server (aware, in its zone)."""
    return datetime.now(UTC).astimezone(zone())


def stamp(when: datetime | None = None) -> str:
    """Format a time like HumHub does: server time without a zone."""
    return (when or local_now()).astimezone(zone()).strftime(FORMAT)


def ago(**delta: float) -> str:
    """A stamp for some time ago, e.g. ``ago(hours=3)``."""
    return stamp(local_now() - timedelta(**delta))
