"""Decoding and encoding one setting's JSON value (user settings and IT's policy alike).

Pure Python; no Qt. A decoder raises TypeError/ValueError for a value it refuses; the caller
decides what that means (the user's setting keeps its default; a policy file is refused).
"""

from __future__ import annotations

import logging
import math
from dataclasses import fields
from datetime import time, timedelta
from urllib.parse import urlsplit

from services.errors import InsecureUrlError
from services.quiet_hours import WorkingPeriod
from services.server_time import named_zone
from services.settings_model import AlertKinds
from services.urls import normalise_base_url

logger = logging.getLogger(__name__)

POLL_INTERVAL_RANGE = (10.0, 3600.0)  # seconds
MAX_LIST = 200
MAX_TEXT = 2000
MAX_THANKS = 500
LANGUAGES = ("", "nl", "en")  # "" = follow the system's locale

JsonObject = dict[str, object]


def text(value: object) -> str:
    if isinstance(value, str) and len(value) <= MAX_TEXT:
        return value
    raise TypeError("not a string of reasonable length")


def flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raise TypeError("not true or false")


def https_url(value: object) -> str:
    result = text(value).strip()
    if result and not result.lower().startswith("https://"):
        raise ValueError("only https addresses are allowed")
    return result


def intranet_address(value: object) -> str:
    """`https://host[:port]` (http only for this machine); "" means not chosen yet."""
    raw = text(value).strip()
    if not raw:
        return ""
    try:
        url = normalise_base_url(raw)
    except InsecureUrlError as exc:
        raise ValueError(str(exc)) from None
    if urlsplit(url).path:
        raise ValueError("an intranet address is https://host[:port], without a path")
    return url


def whole_number(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise TypeError("not a whole number >= 0")


def interval(value: object) -> timedelta:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise TypeError("not a number of seconds")
    low, high = POLL_INTERVAL_RANGE
    if not low <= value <= high:
        raise ValueError(f"outside {low:g}..{high:g} s")
    return timedelta(seconds=value)


def sequence(value: object) -> list[object]:
    if not isinstance(value, list) or len(value) > MAX_LIST:
        raise TypeError("not a list of reasonable length")
    return value


def alert_kinds(value: object) -> AlertKinds:
    if not isinstance(value, dict):
        raise TypeError("not an object")
    known = {f.name for f in fields(AlertKinds)}
    chosen: dict[str, bool] = {}
    for name, switch in value.items():
        if name in known and isinstance(switch, bool):
            chosen[name] = switch
        else:
            logger.warning("Settings: alert_kinds.%s ignored", name)
    return AlertKinds(**chosen)


def alert_kinds_json(kinds: AlertKinds) -> JsonObject:
    return {f.name: getattr(kinds, f.name) for f in fields(AlertKinds)}


def period_json(period: WorkingPeriod) -> JsonObject:
    start, end = period.start.isoformat("minutes"), period.end.isoformat("minutes")
    return {"weekday": period.weekday, "start": start, "end": end}


def working_hours(value: object) -> tuple[WorkingPeriod, ...]:
    periods: list[WorkingPeriod] = []
    for item in sequence(value):
        if not isinstance(item, dict) or not {"weekday", "start", "end"} <= item.keys():
            raise TypeError("a working period needs weekday, start and end")
        start, end = (time.fromisoformat(text(item[key])) for key in ("start", "end"))
        periods.append(WorkingPeriod(whole_number(item["weekday"]), start, end))
    return tuple(periods)


def thanks(value: object) -> str:
    result = " ".join(text(value).split())
    if len(result) > MAX_THANKS:
        raise ValueError(f"longer than {MAX_THANKS} characters")
    return result


def zone_name(value: object) -> str:
    result = text(value).strip()
    if result and named_zone(result) is None:
        raise ValueError(f"unknown time zone {result!r}")
    return result


def names(value: object) -> tuple[str, ...]:
    cleaned = (text(item).strip() for item in sequence(value))
    return tuple(dict.fromkeys(n for n in cleaned if n))


def language(value: object) -> str:
    result = text(value).strip().lower()
    if result not in LANGUAGES:
        raise ValueError(f"not one of {', '.join(repr(x) for x in LANGUAGES)}")
    return result


def weekday(value: object) -> int:
    """A weekday number, 0 = Monday … 6 = Sunday."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 6:
        return value
    raise ValueError("not a weekday number 0..6")


def clock_time(value: object) -> str:
    """A local time of day as "HH:MM" (24 hours), e.g. "15:00"."""
    parts = text(value).strip().split(":")
    if len(parts) != 2 or not all(p.isascii() and p.isdigit() for p in parts):
        raise ValueError("not a time like 15:00")
    hour, minute = int(parts[0]), int(parts[1])
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValueError("not a time of day")
    return f"{hour:02d}:{minute:02d}"
