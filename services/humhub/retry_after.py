"""Parse an HTTP Retry-After header (RFC 9110 §10.2.3): delta-seconds or an HTTP-date.

Pure function; the caller adds jitter and owns the default for a missing or garbage header.
"""

from __future__ import annotations

import email.utils
from datetime import UTC, datetime, timedelta

MIN_RETRY_AFTER = timedelta(seconds=1)
MAX_RETRY_AFTER = timedelta(hours=1)
# Longer digit strings are garbage, not a plausible delay (and int() would work hard on them).
_MAX_DIGITS = 12


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> timedelta | None:
    """Return the wait the server asks for, clamped to [1 s, 1 h]; None if absent or garbage.

    `now` (aware) is the reference for the HTTP-date form; it defaults to the current UTC time.
    A date in the past gives the minimum wait.
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if text.isascii() and text.isdigit():
        if len(text) > _MAX_DIGITS:
            return MAX_RETRY_AFTER
        return _clamp(timedelta(seconds=int(text)))
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # "-0000" dates come back naive; RFC 9110 dates are always GMT
        when = when.replace(tzinfo=UTC)
    reference = now if now is not None else datetime.now(UTC)
    try:
        return _clamp(when - reference)
    except OverflowError:
        return None


def _clamp(delay: timedelta) -> timedelta:
    return max(MIN_RETRY_AFTER, min(MAX_RETRY_AFTER, delay))
