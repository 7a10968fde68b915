"""The user's settings: one declaration per setting, stored as versioned JSON.

Pure Python; no Qt. Each setting is declared once in `DECLARATIONS` (name, type, default,
decoder, encoder, whether it applies without a restart, its label and help for the settings
window, whether IT's policy may set it); the values live in the typed `Settings` dataclass
(`services.settings_model`). Writes are atomic with mode 0600 in a 0700 folder (the file on
disk is `services.settings_file`'s). Loading never crashes and never loses the other
settings: an unknown or invalid field falls back to its default with a logged warning. No
secrets here: the token lives in the OS keychain.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from services import setting_values as values
from services.leadership import nudge_time
from services.settings_file import DIR_MODE as DIR_MODE  # re-exported: part of this API
from services.settings_file import FILE_MODE as FILE_MODE
from services.settings_file import (
    keep_copy,
    prepare_dir,
    repair_mode,
    write_atomically,
)
from services.settings_model import DEFAULT_POLL_INTERVAL as DEFAULT_POLL_INTERVAL
from services.settings_model import AlertKinds as AlertKinds
from services.settings_model import Settings as Settings
from services.store import StoreError

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 3
POLL_INTERVAL_RANGE = values.POLL_INTERVAL_RANGE
MAX_LIST = values.MAX_LIST
MAX_TEXT = values.MAX_TEXT
MAX_THANKS = values.MAX_THANKS
# Written by version 1 but never read by the app: dropped on the upgrade to version 2 and
# silently ignored in old files. (`intranet_url` and `autostart` came back in version 3 with
# readers; a version-1 value of theirs was never read, so it is not carried over.)
RETIRED_FIELDS = frozenset(
    {"intranet_url", "language", "autostart", "start_my_day", "kudos_space_id", "recent_targets"}
)
# `language` came back later with a reader (an override of the system locale); an old
# value of it was never read and is not carried over either.
_STILL_RETIRED = RETIRED_FIELDS - {"intranet_url", "autostart", "language"}

JsonObject = dict[str, object]


def _same(value: Any) -> object:
    return value


def kudos_space(value: object) -> str:
    """A space's name or id, or "" (none chosen)."""
    result = " ".join(values.text(value).split())
    if len(result) > 100:
        raise ValueError("a space name has at most 100 characters")
    return result


@dataclass(frozen=True, slots=True)
class Declaration:
    """One setting: how it is stored, checked, shown and who may set it."""

    name: str  # the `Settings` field and the JSON key
    decode: Callable[[object], object]  # JSON value -> typed value; TypeError/ValueError
    encode: Callable[[Any], object] = _same  # typed value -> JSON value
    live: bool = False  # applies without restarting Startpunt
    label: str = ""  # English source text, translated in the "Settings" context
    help: str = ""  # likewise: one sentence for the settings window
    policy: bool = False  # IT's policy file may give a default or lock it

    @property
    def default(self) -> object:
        """The product's default (from `Settings`)."""
        return getattr(Settings(), self.name)

    @property
    def type(self) -> type:
        """The Python type of the value."""
        return type(self.default)


DECLARATIONS: tuple[Declaration, ...] = (
    Declaration(
        "intranet_url",
        values.intranet_address,
        label="Intranet address",
        help="The address of your HumHub intranet, such as https://intranet.example.org.",
        policy=True,
    ),
    Declaration(
        "poll_interval",
        values.interval,
        lambda v: v.total_seconds(),
        live=True,
        label="Check for news every (seconds)",
        help="How often Startpunt asks the intranet for new notifications.",
    ),
    Declaration(
        "alert_kinds",
        values.alert_kinds,
        values.alert_kinds_json,
        live=True,
        label="Alerts",
        help="Which kinds of notification show a desktop alert.",
    ),
    Declaration(
        "working_hours",
        values.working_hours,
        lambda v: [values.period_json(p) for p in v],
        live=True,
        label="Working hours",
        help="Outside these hours alerts wait; you get a summary when your day starts.",
        policy=True,
    ),
    Declaration(
        "leaders",
        values.names,
        list,
        live=True,
        label="Leadership accounts",
        help="Posts by these people are announced as coming from leadership.",
        policy=True,
    ),
    Declaration(
        "guidelines_url",
        values.https_url,
        live=True,
        label="Posting guidelines",
        help="The page the post dialog links to.",
        policy=True,
    ),
    Declaration(
        "thanks_text",
        values.thanks,
        live=True,
        label="Thanks text",
        help="The comment the Thanks! button posts.",
    ),
    Declaration(
        "server_time_zone",
        values.zone_name,
        label="Intranet time zone",
        help="Leave empty to let Startpunt work it out from the intranet's clock.",
    ),
    Declaration(
        "autostart",
        values.flag,
        live=True,
        label="Start at login",
        help="Start Startpunt when you log in to your computer.",
        policy=True,
    ),
    Declaration(
        "language",
        values.language,
        label="Language",
        help="The language of Startpunt's windows and alerts.",
    ),
    Declaration(
        "kudos_space",
        kudos_space,
        live=True,
        label="Spotlight space",
        help="The space where you put a colleague in the spotlight (its name).",
        policy=True,
    ),
    Declaration(
        "leader_nudge",
        nudge_time,
        live=True,
        label="Leader's weekly nudge",
        help="When leaders hear which team posts still wait for a reaction (e.g. mon 09:30).",
        policy=True,
    ),
    Declaration(
        "jouw_week",
        values.flag,
        live=True,
        label="Your week",
        help="On Friday afternoon, a private summary of the appreciation you received.",
        policy=True,
    ),
    Declaration(
        "jouw_week_day",
        values.weekday,
        live=True,
        label="Your week on",
        help="The day of your weekly summary (if you don't work then: your last working day).",
        policy=True,
    ),
    Declaration(
        "jouw_week_time",
        values.clock_time,
        live=True,
        label="Your week at",
        help="The time of your weekly summary, such as 15:00 (within your working hours).",
        policy=True,
    ),
    Declaration(
        "profile_nudge",
        values.flag,
        live=True,
        label="Profile reminder",
        help="At most once a month, a reminder when your intranet profile lacks a picture or your function.",
        policy=True,
    ),
    Declaration(
        "weekly_tip",
        values.flag,
        live=True,
        label="Tip of the week",
        help="Once a week, a short tip about the intranet and Startpunt.",
        policy=True,
    ),
)
BY_NAME: dict[str, Declaration] = {d.name: d for d in DECLARATIONS}
# Written with their defaults at first start (a file to edit); the others only once chosen,
# so that a policy default IT adds later still applies.
FIRST_START_NAMES = frozenset(d.name for d in DECLARATIONS if not d.policy)


def _upgrade_0_to_1(raw: JsonObject) -> JsonObject:
    # Pre-release files had no schema_version but already used today's keys.
    return dict(raw)


def _upgrade_1_to_2(raw: JsonObject) -> JsonObject:
    # Version 1 wrote settings nothing read; the next save leaves them out.
    return {key: value for key, value in raw.items() if key not in RETIRED_FIELDS}


def _upgrade_2_to_3(raw: JsonObject) -> JsonObject:
    # Version 3 adds intranet_url and autostart, and IT's policy defaults. Version 2 wrote
    # every default at first start, so a product default there is not the user's choice:
    # dropped for the settings a policy may set, so that a policy default can apply.
    unchosen = {"working_hours": [], "leaders": [], "guidelines_url": ""}
    return {key: value for key, value in raw.items() if unchosen.get(key, ...) != value}


# UPGRADES[n] turns a version-n document into a version-(n+1) document.
UPGRADES: dict[int, Callable[[JsonObject], JsonObject]] = {
    0: _upgrade_0_to_1,
    1: _upgrade_1_to_2,
    2: _upgrade_2_to_3,
}


def load(path: Path) -> Settings:
    """Read the settings; missing, corrupt or invalid parts fall back to defaults."""
    return load_with_names(path)[0]


def load_with_names(path: Path) -> tuple[Settings, frozenset[str]]:
    """The settings and the names of those the file really holds (the user's own choices)."""
    prepare_dir(path.parent, path.name)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), frozenset()
    except (OSError, UnicodeDecodeError) as exc:
        logger.warning("Settings file unreadable (%s); using defaults", exc)
        keep_copy(path)
        return Settings(), frozenset()
    repair_mode(path, FILE_MODE)
    raw = _parse(text)
    if raw is None:
        keep_copy(path)
        return Settings(), frozenset()
    return decode(raw)


def save(path: Path, settings: Settings, names: frozenset[str] | None = None) -> None:
    """Write the settings atomically (only `names` when given); raises StoreError."""
    data = json.dumps(to_json(settings, names), indent=2, ensure_ascii=False, sort_keys=True)
    try:
        prepare_dir(path.parent, None)
        write_atomically(path, (data + "\n").encode("utf-8"))
    except OSError as exc:
        raise StoreError(f"could not save settings: {exc}") from exc


def to_json(settings: Settings, names: frozenset[str] | None = None) -> JsonObject:
    """The JSON document for these settings (every one, or only `names`)."""
    doc: JsonObject = {"schema_version": SCHEMA_VERSION}
    for item in DECLARATIONS:
        if names is None or item.name in names:
            doc[item.name] = item.encode(getattr(settings, item.name))
    return doc


def from_json(raw: JsonObject) -> Settings:
    """Settings from a parsed document of any version; bad fields become defaults."""
    return decode(raw)[0]


def decode(raw: JsonObject) -> tuple[Settings, frozenset[str]]:
    """Settings from a parsed document, and the names of the fields it validly holds."""
    doc = _upgraded(raw)
    found: dict[str, Any] = {}  # each decoder returns its field's type
    for name in sorted(doc.keys() - BY_NAME.keys() - {"schema_version"} - _STILL_RETIRED):
        logger.warning("Settings: unknown field %r ignored", name)
    for item in DECLARATIONS:
        if item.name not in doc:
            continue
        try:
            found[item.name] = item.decode(doc[item.name])
        except (TypeError, ValueError, OverflowError) as exc:
            logger.warning("Settings: invalid %s (%s); using the default", item.name, exc)
    return replace(Settings(), **found), frozenset(found)


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


def check_declarations() -> None:
    """Every `Settings` field is declared exactly once (raises AssertionError otherwise)."""
    declared = [d.name for d in DECLARATIONS]
    if sorted(declared) != sorted(f.name for f in fields(Settings)):
        raise AssertionError(f"declarations {declared} do not match the Settings fields")
