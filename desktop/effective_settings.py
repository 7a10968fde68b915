"""The settings in effect for this profile (the user's file combined with IT's policy), and
the `autostart` setting kept equal to the OS's real autostart entry.

No Qt. The OS's entry is the truth: the setting mirrors it. The app turns autostart on by
itself only when the policy asks (a default of true at first start, or a lock); otherwise
only the user does (`startpunt autostart on`, later the first-run wizard and the settings).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Mapping
from pathlib import Path

from desktop.autostart import Autostart
from desktop.paths import Paths
from services.policy import Effective, Policy, combine, load_policy, save_choice
from services.settings import FIRST_START_NAMES, load_with_names, save
from services.store import StoreError

logger = logging.getLogger(__name__)

SETTINGS_NAME = "settings.json"


def settings_path(paths: Paths) -> Path:
    """The user's settings file in this profile."""
    return paths.config / SETTINGS_NAME


def load_effective(
    paths: Paths, *, platform: str = sys.platform, env: Mapping[str, str] | None = None
) -> tuple[Effective, bool]:
    """The settings in effect and whether this is the profile's first start (no file yet).

    At first start the product defaults of the settings IT cannot set are written, so there
    is a file to look at; the others stay out of it, so a policy default still applies.
    """
    path = settings_path(paths)
    first_start = not path.exists()
    user, names = load_with_names(path)
    if first_start:
        try:
            save(path, user, FIRST_START_NAMES)
            names = FIRST_START_NAMES
        except StoreError as exc:
            logger.warning("Could not write the default settings: %s", exc)
    policy = load_policy(platform, env)
    return combine(user, names, policy), first_start


def wanted_by_policy(policy: Policy, *, first_start: bool) -> bool | None:
    """What the policy asks of autostart now (None: nothing)."""
    if "autostart" in policy.locked:
        return policy.locked["autostart"] is True
    if first_start and policy.defaults.get("autostart") is True:
        return True
    return None


def reconcile_autostart(
    autostart: Autostart,
    effective: Effective,
    path: Path,
    command: list[str],
    *,
    first_start: bool,
) -> Effective:
    """Apply what the policy asks of autostart, then mirror the real state in the setting."""
    real = autostart.is_on()
    wanted = wanted_by_policy(effective.policy, first_start=first_start)
    if wanted is not None and wanted != real:
        try:
            autostart.turn_on(command) if wanted else autostart.turn_off()
        except OSError as exc:
            logger.warning("Could not turn autostart %s (%s)", "on" if wanted else "off", exc)
        real = autostart.is_on()
    if effective.settings.autostart == real or effective.is_locked("autostart"):
        return effective
    try:
        return save_choice(path, effective, "autostart", real)
    except StoreError as exc:
        logger.warning("Could not record the autostart state: %s", exc)
        return effective


def switch_autostart(
    autostart: Autostart, effective: Effective, path: Path, command: list[str], *, on: bool
) -> str | None:
    """Turn autostart on or off for the user; an English reason when it cannot be done."""
    if effective.is_locked("autostart") and effective.settings.autostart != on:
        state = "on" if effective.settings.autostart else "off"
        return f"start at login is set {state} by your organisation"
    try:
        autostart.turn_on(command) if on else autostart.turn_off()
    except OSError as exc:
        logger.warning("Could not change autostart: %s", exc)
        return f"could not change {autostart.where}: {exc.strerror or exc}"
    if not effective.is_locked("autostart"):
        try:
            save_choice(path, effective, "autostart", autostart.is_on())
        except StoreError as exc:
            return f"autostart changed, but the setting could not be saved: {exc}"
    return None
