"""IT's policy file: system-wide defaults and locks, and the settings in effect.

Pure Python; no Qt. One JSON file per machine, found at a fixed place per OS (`policy_paths`)
or at `$STARTPUNT_POLICY`. It may give a *default* or a *lock* for the settings declared with
`policy=True` (`services.settings.DECLARATIONS`), plus two things only IT sets: the kudos space
and the launcher links. Precedence: locked policy > the user's own setting > policy default >
the product's default. A file that cannot be used is refused whole (a precise log line; the
app tells the user once) and Startpunt runs as if there were none: a broken policy never
crashes the app and never touches the user's settings.
"""

from __future__ import annotations

import json
import logging
import os
import stat
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from typing import Any

from services import setting_values as values
from services.settings import BY_NAME, Settings, save
from services.store import StoreError

logger = logging.getLogger(__name__)

POLICY_ENV = "STARTPUNT_POLICY"
POLICY_VERSION = 1
FILE_NAME = "policy.json"
MAX_BYTES = 256 * 1024
MAX_LINKS = 50
MAX_LINK_NAME = 100
_TOP_LEVEL = frozenset({"policy_version", "defaults", "locked", "kudos_space_id", "launcher_links",
                        "tips_container_id", "tips_topic"})  # fmt: skip


class PolicyError(ValueError):
    """The policy file cannot be used; the message says exactly why (for the log)."""


@dataclass(frozen=True, slots=True)
class LauncherLink:
    """A link IT puts in Startpunt's launcher (https only)."""

    name: str
    url: str


@dataclass(frozen=True, slots=True)
class Policy:
    """What IT decided; the empty policy changes nothing."""

    defaults: Mapping[str, object] = field(default_factory=dict)  # typed values
    locked: Mapping[str, object] = field(default_factory=dict)
    kudos_space_id: int | None = None
    launcher_links: tuple[LauncherLink, ...] = ()
    source: str = ""  # the file read ("" = none)
    problem: str = ""  # why the file was refused ("" = used, or there was none)
    # The tip of the week from the intranet: the newest post in this content container
    # (a space's `contentcontainer_id`), only those with `tips_topic` when it is set
    tips_container_id: int | None = None
    tips_topic: str = ""


@dataclass(frozen=True, slots=True)
class Effective:
    """The settings in effect, which of them are locked, and the user's own layer."""

    settings: Settings
    locked: frozenset[str]
    user: Settings  # what the user's file says (their own choices and built-in defaults)
    user_names: frozenset[str]  # the settings the user's file really holds
    policy: Policy

    def is_locked(self, name: str) -> bool:
        """Whether IT fixed this setting ("Set by your organisation")."""
        return name in self.locked


def policy_paths(platform: str, env: Mapping[str, str]) -> list[PurePath]:
    """Where the policy file is looked for, first found wins (`$STARTPUNT_POLICY` alone)."""
    override = env.get(POLICY_ENV, "").strip()
    if override:
        return [PureWindowsPath(override) if platform == "win32" else PurePosixPath(override)]
    if platform == "win32":
        program_data = env.get("ProgramData") or env.get("PROGRAMDATA") or r"C:\ProgramData"
        return [PureWindowsPath(program_data, "Startpunt", FILE_NAME)]
    if platform == "darwin":
        return [PurePosixPath("/Library/Application Support/Startpunt", FILE_NAME)]
    dirs = [d for d in env.get("XDG_CONFIG_DIRS", "").split(":") if d.startswith("/")]
    candidates = [PurePosixPath("/etc/startpunt", FILE_NAME)]
    candidates += [PurePosixPath(d, "startpunt", FILE_NAME) for d in dirs or ["/etc/xdg"]]
    return list(dict.fromkeys(candidates))


def load_policy(platform: str = sys.platform, env: Mapping[str, str] | None = None) -> Policy:
    """The machine's policy; the empty policy (with `problem` set) when the file is unusable."""
    env = os.environ if env is None else env
    for candidate in policy_paths(platform, env):
        path = Path(str(candidate))
        try:
            with path.open("rb") as handle:
                unsafe = _unsafe_owner_or_mode(os.fstat(handle.fileno()))
                data = handle.read(MAX_BYTES + 1)
        except FileNotFoundError:
            if POLICY_ENV in env:
                logger.warning("Policy file %s (from %s) not found; no policy", path, POLICY_ENV)
            continue
        except OSError as exc:
            return _refused(str(path), f"unreadable ({exc.strerror or exc})")
        if unsafe:
            return _refused(str(path), unsafe)
        try:
            policy = parse_policy(data, str(path))
        except PolicyError as exc:
            return _refused(str(path), str(exc))
        logger.info(
            "Policy %s: defaults for %s; locked: %s",
            path,
            ", ".join(sorted(policy.defaults)) or "nothing",
            ", ".join(sorted(policy.locked)) or "nothing",
        )
        return policy
    return Policy()


def _unsafe_owner_or_mode(info: os.stat_result) -> str:
    """Why anyone but IT could have written this file ("" when only IT or the user could).

    A lock on the intranet address is a lock on where the token goes: a file any local user
    can write must not set it.
    """
    if os.name != "posix":
        return ""  # Windows: %ProgramData% is guarded by its ACLs
    if info.st_mode & stat.S_IWOTH:
        return "writable by every user of this computer (chmod o-w)"
    if info.st_uid not in (0, os.getuid()):
        return f"owned by another user (uid {info.st_uid}), not by root"
    return ""


def _refused(source: str, reason: str) -> Policy:
    logger.error("Policy file %s refused: %s. Running without a policy.", source, reason)
    return Policy(source=source, problem=reason)


def parse_policy(data: bytes, source: str = "") -> Policy:
    """A policy from the file's bytes; PolicyError says exactly what is wrong."""
    if len(data) > MAX_BYTES:
        raise PolicyError(f"larger than {MAX_BYTES} bytes")
    try:
        doc = json.loads(data.decode("utf-8-sig"))  # Notepad writes a byte order mark
    except UnicodeDecodeError as exc:
        raise PolicyError(f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except ValueError as exc:
        raise PolicyError(f"not valid JSON ({exc})") from None
    except RecursionError:
        raise PolicyError("not valid JSON (nested too deeply)") from None
    if not isinstance(doc, dict):
        raise PolicyError(f"holds {type(doc).__name__}, not a JSON object")
    unknown = sorted(doc.keys() - _TOP_LEVEL)
    if unknown:
        raise PolicyError(f"unknown key(s) {', '.join(map(repr, unknown))}")
    version = doc.get("policy_version", POLICY_VERSION)
    if version != POLICY_VERSION or isinstance(version, bool):
        raise PolicyError(f"policy_version {version!r} is not {POLICY_VERSION}")
    defaults = _settings_section(doc, "defaults")
    locked = _settings_section(doc, "locked")
    both = sorted(defaults.keys() & locked.keys())
    if both:
        raise PolicyError(f"{', '.join(both)} both in defaults and locked: choose one")
    return Policy(
        defaults=defaults,
        locked=locked,
        kudos_space_id=_kudos_space(doc.get("kudos_space_id")),
        launcher_links=_links(doc.get("launcher_links", [])),
        source=source,
        tips_container_id=_tips_container(doc.get("tips_container_id")),
        tips_topic=_tips_topic(doc.get("tips_topic", "")),
    )


def _settings_section(doc: Mapping[str, object], key: str) -> dict[str, object]:
    section = doc.get(key, {})
    if not isinstance(section, dict):
        raise PolicyError(f"{key} must be a JSON object")
    result: dict[str, object] = {}
    for name, raw in section.items():
        declaration = BY_NAME.get(name)
        if declaration is None or not declaration.policy:
            allowed = ", ".join(d for d, decl in BY_NAME.items() if decl.policy)
            raise PolicyError(f"{key}.{name}: not a setting the policy can set ({allowed})")
        try:
            result[name] = declaration.decode(raw)
        except (TypeError, ValueError, OverflowError) as exc:
            raise PolicyError(f"{key}.{name}: {exc}") from None
    return result


def _kudos_space(raw: object) -> int | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 1:
        raise PolicyError("kudos_space_id must be a space id (a whole number >= 1)")
    return raw


def _links(raw: object) -> tuple[LauncherLink, ...]:
    if not isinstance(raw, list) or len(raw) > MAX_LINKS:
        raise PolicyError(f"launcher_links must be a list of at most {MAX_LINKS} links")
    links: list[LauncherLink] = []
    for index, item in enumerate(raw):
        where = f"launcher_links[{index}]"
        if not isinstance(item, dict) or set(item) != {"name", "url"}:
            raise PolicyError(f"{where} must be an object with exactly name and url")
        name, url = item["name"], item["url"]
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_LINK_NAME:
            raise PolicyError(f"{where}.name must be text of 1 to {MAX_LINK_NAME} characters")
        try:
            url = values.https_url(url)
        except (TypeError, ValueError) as exc:
            raise PolicyError(f"{where}.url: {exc}") from None
        if not url or len(url) <= len("https://"):
            raise PolicyError(f"{where}.url must be an https address")
        links.append(LauncherLink(" ".join(name.split()), url))
    return tuple(links)


def combine(user: Settings, user_names: frozenset[str], policy: Policy) -> Effective:
    """The settings in effect: locked policy > user's own > policy default > product default."""
    chosen: dict[str, Any] = {
        name: value for name, value in policy.defaults.items() if name not in user_names
    }
    chosen.update({name: getattr(user, name) for name in user_names})
    chosen.update(policy.locked)
    return Effective(
        settings=replace(Settings(), **chosen),
        locked=frozenset(policy.locked),
        user=user,
        user_names=user_names,
        policy=policy,
    )


def choose(effective: Effective, name: str, value: object) -> Effective:
    """The user chose `value` for `name`; a locked setting is refused (logged, unchanged)."""
    if effective.is_locked(name):
        logger.warning("Setting %s is locked by the policy file; the change is ignored", name)
        return effective
    change: dict[str, Any] = {name: value}
    user = replace(effective.user, **change)
    return combine(user, effective.user_names | {name}, effective.policy)


def save_choice(path: Path, effective: Effective, name: str, value: object) -> Effective:
    """`choose`, then write the user's own settings (raises StoreError; nothing half-done)."""
    changed = choose(effective, name, value)
    if changed is not effective:
        try:
            save(path, changed.user, changed.user_names)
        except StoreError:
            logger.warning("Could not save the setting %s", name)
            raise
    return changed


def _tips_container(raw: object) -> int | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 1:
        raise PolicyError("tips_container_id must be a container id (a whole number >= 1)")
    return raw


def _tips_topic(raw: object) -> str:
    if not isinstance(raw, str) or len(raw) > MAX_LINK_NAME:
        raise PolicyError(f"tips_topic must be a topic name of at most {MAX_LINK_NAME} characters")
    return raw.strip()
