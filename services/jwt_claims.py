"""Read a JWT's `exp` claim without verifying it (only the server can); pure Python.

The app uses it to tell "this token has expired: sign in again" before the first request,
instead of learning it from a 401. An opaque bearer token (not a JWT) has no expiry here.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from datetime import UTC, datetime


def expires_at(token: str) -> datetime | None:
    """The token's `exp` as an aware UTC datetime; None for a token without one."""
    parts = token.split(".")
    if len(parts) != 3 or not parts[1] or len(parts[1]) > 8192:
        return None
    try:
        raw = base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4))
        payload = json.loads(raw)
    except (ValueError, binascii.Error, RecursionError):
        return None
    exp = payload.get("exp") if isinstance(payload, dict) else None
    if isinstance(exp, bool) or not isinstance(exp, int | float) or not math.isfinite(exp):
        return None
    try:
        return datetime.fromtimestamp(exp, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def has_expired(token: str, now: datetime) -> bool:
    """Whether the token's `exp` is at or before `now` (False without an `exp`)."""
    expiry = expires_at(token)
    return expiry is not None and expiry <= now
