"""The intranet's time zone: HumHub sends times without an offset, in its own configured zone.

The API does not name that zone (`account.time_zone` of `/auth/current` is the *user's* zone,
possibly null, not the server's). Two ways to know it:

- a setting/policy names it (`Settings.server_time_zone`, an IANA name): that wins, and gets
  daylight saving right for old times too;
- otherwise an *offset estimate*: the server's wall-clock time of a moment we know in UTC.
  HumHub logs a REST caller in on every request and stores `last_login` as its own "now", so
  `/auth/current` answers with the server's wall clock next to the HTTP `Date` header (UTC) of
  the same answer; a post we just created (`created_at` vs. `Date`) says the same. Offsets
  are whole quarter hours; a difference further than MAX_RESIDUAL from one is no estimate
  (an old `last_login`, a wrong clock). An estimate is an offset, not a zone: it is re-made
  from time to time, so it follows a DST change within hours.

Pure functions; no I/O.
"""

from __future__ import annotations

import re
import zoneinfo
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime

QUARTER_HOUR = timedelta(minutes=15)
MAX_RESIDUAL = timedelta(minutes=2)
# UTC-12 … UTC+14 are the offsets in use.
OFFSET_RANGE = (timedelta(hours=-12), timedelta(hours=14))
# PHP's date('Y-m-d G:i:s') writes the hour without a leading zero ("2026-12-01 9:04:46").
_WALL_CLOCK = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2}):(\d{2})\s*")


def parse_wall_clock(value: object) -> datetime | None:
    """A server time `YYYY-MM-DD H:MM:SS` as a naive datetime; None when unreadable."""
    if not isinstance(value, str):
        return None
    match = _WALL_CLOCK.fullmatch(value)
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(part) for part in match.groups())
    try:
        return datetime(year, month, day, hour, minute, second)  # noqa: DTZ001 - wall clock
    except ValueError:
        return None


def parse_http_date(value: str | None) -> datetime | None:
    """The HTTP `Date` header as an aware UTC datetime; None when absent or unreadable."""
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value)
        return moment.astimezone(UTC) if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    except (TypeError, ValueError, IndexError, OverflowError):  # a date past the calendar
        return None


def estimate_offset(server_wall: datetime, utc_moment: datetime) -> timedelta | None:
    """The server's UTC offset, from its wall-clock reading of `utc_moment` (same instant).

    Rounded to a quarter hour; None when the difference is not close to one or out of range.
    """
    difference = server_wall.replace(tzinfo=None) - utc_moment.astimezone(UTC).replace(tzinfo=None)
    quarters = round(difference / QUARTER_HOUR)
    offset = quarters * QUARTER_HOUR
    if abs(difference - offset) > MAX_RESIDUAL:
        return None
    low, high = OFFSET_RANGE
    return offset if low <= offset <= high else None


def offset_zone(offset: timedelta) -> tzinfo:
    """A fixed-offset zone for an estimate (UTC itself for zero)."""
    return UTC if not offset else timezone(offset)


def named_zone(name: str) -> tzinfo | None:
    """The IANA zone `name` (e.g. "Europe/Amsterdam"); None when empty or unknown."""
    if not name:
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None
