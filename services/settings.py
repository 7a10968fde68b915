"""The user's settings: one typed frozen dataclass, every default in one place, stored as JSON.

Pure Python; no Qt. Writes are atomic with mode 0600 in a 0700 folder (the file on disk is
`services.settings_file`'s). Loading never crashes and never loses the other settings: an
unknown or invalid field falls back to its default with a logged warning. No secrets here:
the token lives in the OS keychain.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from datetime import time, timedelta
from pathlib import Path
from typing import Any

from services.errors import InsecureUrlError
from services.quiet_hours import WorkingPeriod
from services.server_time import named_zone
from services.settings_file import DIR_MODE as DIR_MODE  # re-exported: part of this API
from services.settings_file import FILE_MODE as FILE_MODE
from services.settings_file import (
    keep_copy,
    prepare_dir,
    repair_mode,
    write_atomically,
)
from services.store import StoreError
from services.urls import normalise_base_url

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 2
DEFAULT_POLL_INTERVAL = timedelta(seconds=30)
POLL_INTERVAL_RANGE = (10.0, 3600.0)  # seconds
MAX_LIST = 200
MAX_TEXT = 2000
MAX_THANKS = 500
# Written by version 1 but never read by the app: dropped on upgrade, silently ignored in old
# files (the UI language follows the system; the intranet address is a command-line option).
RETIRED_FIELDS = frozenset(
    {"intranet_url", "language", "autostart", "start_my_day", "kudos_space_id", "recent_targets"}
)

JsonObject = dict[str, object]


@dataclass(frozen=True, slots=True)
class AlertKinds:
    """Which kinds of notification raise a desktop alert (the others go silently to the panel)."""

    like: bool = True
    mention: bool = True
    comment: bool = True
    poll: bool = True
    custom: bool = True
    leader_post: bool = True  # new content by someone in `Settings.leaders`
    content_created: bool = False  # other new content in spaces one follows
    follow: bool = False
    space_membership: bool = False
    other: bool = False

    def enabled(self, switch: str) -> bool:
        """Whether the named switch is on; an unknown name counts as off."""
        value = getattr(self, switch, False)
        return value is True


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the user (or IT's policy) can choose; the defaults are the product's."""

    poll_interval: timedelta = DEFAULT_POLL_INTERVAL
    alert_kinds: AlertKinds = field(default_factory=AlertKinds)
    working_hours: tuple[WorkingPeriod, ...] = ()  # empty: alerts at any time
    leaders: tuple[str, ...] = ()  # guids or display names whose posts count as "leadership"
    guidelines_url: str = ""
    thanks_text: str = ""  # the Thanks! comment; "" = "Thank you!" in the intranet's language
    # HumHub's time zone (IANA name, e.g. "Europe/Amsterdam"): the API sends times without
    # one. Empty: estimated from the server's clock (services.server_time); set: it wins.
    server_time_zone: str = ""
    intranet_url: str = ""  # where `startpunt login` signed in (the token is in the keychain)


def _upgrade_0_to_1(raw: JsonObject) -> JsonObject:
    # Pre-release files had no schema_version but already used today's keys.
    return dict(raw)


def _upgrade_1_to_2(raw: JsonObject) -> JsonObject:
    # Version 1 wrote settings nothing read; the next save leaves them out.
    return {key: value for key, value in raw.items() if key not in RETIRED_FIELDS}


# UPGRADES[n] turns a version-n document into a version-(n+1) document.
UPGRADES: dict[int, Callable[[JsonObject], JsonObject]] = {
    0: _upgrade_0_to_1,
    1: _upgrade_1_to_2,
}


def load(path: Path) -> Settings:
    """Read the settings; missing, corrupt or invalid parts fall back to defaults."""
    prepare_dir(path.parent, path.name)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError) as exc:
        logger.warning("Settings file unreadable (%s); using defaults", exc)
        keep_copy(path)
        return Settings()
    repair_mode(path, FILE_MODE)
    raw = _parse(text)
    if raw is None:
        keep_copy(path)
        return Settings()
    return from_json(raw)


def save(path: Path, settings: Settings) -> None:
    """Write the settings atomically; raises StoreError (disk full, no permission)."""
    data = json.dumps(to_json(settings), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    try:
        prepare_dir(path.parent, None)
        write_atomically(path, data.encode("utf-8"))
    except OSError as exc:
        raise StoreError(f"could not save settings: {exc}") from exc


def to_json(settings: Settings) -> JsonObject:
    """The JSON document for these settings."""
    return {
        "schema_version": SCHEMA_VERSION,
        "poll_interval": settings.poll_interval.total_seconds(),
        "alert_kinds": {f.name: getattr(settings.alert_kinds, f.name) for f in fields(AlertKinds)},
        "working_hours": [_period_json(p) for p in settings.working_hours],
        "leaders": list(settings.leaders),
        "guidelines_url": settings.guidelines_url,
        "thanks_text": settings.thanks_text,
        "server_time_zone": settings.server_time_zone,
        "intranet_url": settings.intranet_url,
    }


def from_json(raw: JsonObject) -> Settings:
    """Settings from a parsed document of any version; bad fields become defaults."""
    doc = _upgraded(raw)
    defaults = Settings()
    values: dict[str, Any] = {}  # each decoder returns its field's type
    for name in sorted(doc.keys() - _DECODERS.keys() - {"schema_version"} - RETIRED_FIELDS):
        logger.warning("Settings: unknown field %r ignored", name)
    for item in fields(Settings):
        if item.name not in doc:
            continue
        try:
            values[item.name] = _DECODERS[item.name](doc[item.name])
        except (TypeError, ValueError, OverflowError) as exc:
            logger.warning("Settings: invalid %s (%s); using the default", item.name, exc)
    return replace(defaults, **values)


def _upgraded(raw: JsonObject) -> JsonObject:
    version = raw.get("schema_version", 0)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        logger.warning("Settings: invalid schema_version %r; reading as current", version)
        return raw
    if version > SCHEMA_VERSION:
        logger.warning("Settings written by a newer version (%d); reading what we know", version)
        return raw
    doc = raw
    for step in range(version, SCHEMA_VERSION):
        try:
            doc = UPGRADES[step](doc)
        except (KeyError, TypeError, ValueError) as exc:
            logger.warning("Settings upgrade from version %d failed (%s)", step, exc)
    return doc


def _parse(text: str) -> JsonObject | None:
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError) as exc:
        logger.warning("Settings file is not valid JSON (%s); using defaults", exc)
        return None
    if isinstance(raw, dict):
        return raw
    logger.warning("Settings file holds %s, not an object; using defaults", type(raw).__name__)
    return None


# -- decoding one field: raise TypeError/ValueError and the field keeps its default ---------


def _text(value: object) -> str:
    if isinstance(value, str) and len(value) <= MAX_TEXT:
        return value
    raise TypeError("not a string of reasonable length")


def _https_url(value: object) -> str:
    text = _text(value).strip()
    if text and not text.lower().startswith("https://"):
        raise ValueError("only https addresses are allowed")
    return text


def _integer(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise TypeError("not a whole number >= 0")


def _interval(value: object) -> timedelta:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise TypeError("not a number of seconds")
    low, high = POLL_INTERVAL_RANGE
    if not low <= value <= high:
        raise ValueError(f"outside {low:g}..{high:g} s")
    return timedelta(seconds=value)


def _sequence(value: object) -> list[object]:
    if not isinstance(value, list) or len(value) > MAX_LIST:
        raise TypeError("not a list of reasonable length")
    return value


def _alert_kinds(value: object) -> AlertKinds:
    if not isinstance(value, dict):
        raise TypeError("not an object")
    known = {f.name for f in fields(AlertKinds)}
    chosen: dict[str, bool] = {}
    for name, flag in value.items():
        if name in known and isinstance(flag, bool):
            chosen[name] = flag
        else:
            logger.warning("Settings: alert_kinds.%s ignored", name)
    return AlertKinds(**chosen)


def _period_json(period: WorkingPeriod) -> JsonObject:
    start, end = period.start.isoformat("minutes"), period.end.isoformat("minutes")
    return {"weekday": period.weekday, "start": start, "end": end}


def _working_hours(value: object) -> tuple[WorkingPeriod, ...]:
    periods: list[WorkingPeriod] = []
    for item in _sequence(value):
        if not isinstance(item, dict) or not {"weekday", "start", "end"} <= item.keys():
            raise TypeError("a working period needs weekday, start and end")
        start, end = (time.fromisoformat(_text(item[key])) for key in ("start", "end"))
        periods.append(WorkingPeriod(_integer(item["weekday"]), start, end))
    return tuple(periods)


def _thanks(value: object) -> str:
    text = " ".join(_text(value).split())
    if len(text) > MAX_THANKS:
        raise ValueError(f"longer than {MAX_THANKS} characters")
    return text


def _zone_name(value: object) -> str:
    text = _text(value).strip()
    if text and named_zone(text) is None:
        raise ValueError(f"unknown time zone {text!r}")
    return text


def _intranet_url(value: object) -> str:
    text = _text(value).strip()
    try:
        return normalise_base_url(text) if text else ""
    except InsecureUrlError as exc:
        raise ValueError(str(exc)) from None


def _names(value: object) -> tuple[str, ...]:
    names = (_text(item).strip() for item in _sequence(value))
    return tuple(dict.fromkeys(n for n in names if n))


_DECODERS: dict[str, Callable[[object], object]] = {
    "poll_interval": _interval,
    "alert_kinds": _alert_kinds,
    "working_hours": _working_hours,
    "leaders": _names,
    "guidelines_url": _https_url,
    "thanks_text": _thanks,
    "server_time_zone": _zone_name,
    "intranet_url": _intranet_url,
}
