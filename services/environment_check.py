"""Is Startpunt sharing its Python environment with a distribution that owns one of its names?

Startpunt's top-level packages (`desktop`, `ui`, `services`, `resources`, `sandbox`) are common
words. Another distribution installed beside it that ships a package or module of the same name
overwrites Startpunt's files, or Startpunt overwrites its. `clashes` finds such distributions
from their metadata alone (`importlib.metadata`): `top_level.txt` where the installer wrote one,
else the first part of every path in RECORD. Nothing is imported. Pure Python; no Qt.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import PurePosixPath

from services.version import PACKAGE

TOP_LEVEL = ("desktop", "ui", "services", "resources", "sandbox")
# What a RECORD entry's first part ends with when it is a module, not a package folder:
# "ui.py", "ui.pyi", "ui.cpython-312-x86_64-linux-gnu.so", "ui.pyd", "ui.abi3.so".
_MODULE_FILE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(?:\.[A-Za-z0-9_-]+)*\.(?:py|pyi|pyc|so|pyd)$")


@dataclass(frozen=True, slots=True)
class Clash:
    """Another distribution and the Startpunt top-level names it owns too."""

    distribution: str
    version: str
    names: tuple[str, ...]


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _field(dist: metadata.Distribution, field: str) -> str:
    values = dist.metadata.get_all(field) or [""]  # a folder without METADATA has none
    return str(values[0]).strip()


def _top_level_of_path(entry: str) -> str | None:
    parts = PurePosixPath(entry.replace("\\", "/")).parts
    if not parts or parts[0] in ("..", "/", "__pycache__"):
        return None
    first = parts[0]
    if len(parts) > 1:
        return None if first.endswith((".dist-info", ".egg-info", ".data")) else first
    found = _MODULE_FILE.match(first)
    return found.group(1) if found else None


def top_level_names(dist: metadata.Distribution) -> set[str]:
    """The packages and modules a distribution puts at the top of its environment."""
    listed = dist.read_text("top_level.txt")
    if listed is not None:
        return {line.strip().replace("\\", "/").split("/")[0] for line in listed.splitlines()} - {
            ""
        }
    try:
        files = dist.files or []
    except (OSError, ValueError, csv.Error):  # an unreadable RECORD owns nothing we can see
        return set()
    names: set[str] = set()
    for file in files:
        name = _top_level_of_path(str(file))
        if name is not None:
            names.add(name)
    return names


def clashes(
    path: list[str] | None = None, names: Iterable[str] = TOP_LEVEL, own: str = PACKAGE
) -> list[Clash]:
    """Every distribution on `path` (default: `sys.path`) other than `own` that owns one of
    `names`, by name; each distribution once (the first found, as the import system would)."""
    wanted = frozenset(names)
    seen: set[str] = {_canonical(own)}
    found: list[Clash] = []
    distributions = metadata.distributions() if path is None else metadata.distributions(path=path)
    for dist in distributions:
        name = _field(dist, "Name")
        key = _canonical(name)
        if not key or key in seen:
            continue
        seen.add(key)
        owned = top_level_names(dist) & wanted
        if owned:
            found.append(Clash(name, _field(dist, "Version"), tuple(sorted(owned))))
    return sorted(found, key=lambda clash: _canonical(clash.distribution))


def advice(clash: Clash) -> str:
    """One line for IT: who clashes on which names, and what to do about it."""
    names = ", ".join(clash.names)
    who = f"{clash.distribution} {clash.version}".strip()
    return (
        f"{who} is installed in the same Python environment and also owns {names}; the two "
        "overwrite each other's files. Install Startpunt in an environment of its own: "
        "pipx install startpunt-VERSION-py3-none-any.whl, or a virtual environment of its own"
    )
