"""Startpunt's version and licence, and those of the parts it ships with (for "About").

Pure Python; no Qt. Everything is read from the installed distributions' metadata
(`importlib.metadata`): the runtime dependencies are those Startpunt's own metadata requires
(its optional "dev" extra left out), so the list cannot drift from `pyproject.toml`; the
shipped parts add what those require in turn (as installed here), and the Python of a bundle. A
distribution whose metadata names no licence falls back to `KNOWN`, the licence its project
publishes; one that is not installed says so.
"""

from __future__ import annotations

import platform
import re
import sys
from dataclasses import dataclass
from email.message import Message
from importlib import metadata

from services.version import PACKAGE, installed_version

# What each project publishes, for metadata that names no licence (short SPDX identifiers).
KNOWN: dict[str, str] = {
    "startpunt": "EUPL-1.2",
    "pyside6-essentials": "LGPL-3.0-only",
    "shiboken6": "LGPL-3.0-only",
    "httpx": "BSD-3-Clause",
    "qasync": "BSD-2-Clause",
    "platformdirs": "MIT",
    "keyring": "MIT",
    "desktop-notifier": "MIT",
    "dbus-fast": "MIT",
    "truststore": "MIT",
    "starlette": "BSD-3-Clause",
    "uvicorn": "BSD-3-Clause",
}
# Trove classifiers ("License :: OSI Approved :: MIT License") in SPDX words.
_CLASSIFIERS: dict[str, str] = {
    "MIT License": "MIT",
    "BSD License": "BSD",
    "Apache Software License": "Apache-2.0",
    "GNU Lesser General Public License v3 (LGPLv3)": "LGPL-3.0",
    "European Union Public Licence 1.2 (EUPL 1.2)": "EUPL-1.2",
}
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
MAX_LICENCE = 60  # a "License" field holding the whole licence text is not a name


@dataclass(frozen=True, slots=True)
class Part:
    """One distribution: its name, installed version ("" = not installed) and licence."""

    name: str
    version: str
    licence: str


def canonical(name: str) -> str:
    """A distribution name as packaging compares them ("PySide6_Essentials" = "pyside6-essentials")."""
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_requirements(package: str = PACKAGE) -> list[str]:
    """The names of the distributions `package` needs at run time (no extras), in order."""
    names: list[str] = []
    for requirement in metadata.requires(package) or []:
        spec, _, marker = requirement.partition(";")
        if "extra" in marker:
            continue
        found = _NAME.match(spec)
        if found and found.group(1) not in names:
            names.append(found.group(1))
    return names


def licence_of(meta: Message | None, name: str) -> str:
    """The licence a distribution's metadata names, else the one its project publishes."""
    if meta is not None:
        for field in ("License-Expression", "License"):
            value = " ".join((meta.get(field) or "").split())
            if value and value.upper() != "UNKNOWN" and len(value) <= MAX_LICENCE:
                return value
        for classifier in meta.get_all("Classifier") or []:
            if classifier.startswith("License ::"):
                last = classifier.rsplit("::", 1)[-1].strip()
                if last in _CLASSIFIERS and canonical(name) not in KNOWN:
                    return _CLASSIFIERS[last]
    return KNOWN.get(canonical(name), "")


def part(name: str) -> Part:
    """One distribution as "About" lists it."""
    try:
        dist = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return Part(name, "", KNOWN.get(canonical(name), ""))
    meta: Message = dist.metadata  # type: ignore[assignment]  # PackageMetadata is a Message
    return Part(meta.get("Name") or name, dist.version, licence_of(meta, name))


def own_part() -> Part:
    """Startpunt itself, with the version `startpunt --version` prints ("" if none is known)."""
    found = part(PACKAGE)
    return Part(found.name, installed_version() or "", found.licence)


def bundled_parts(package: str = PACKAGE) -> list[Part]:
    """Every runtime dependency, with what the metadata says of its licence."""
    return [part(name) for name in runtime_requirements(package)]


def _installed(name: str) -> bool:
    try:
        metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return False
    return True


def shipped_parts(package: str = PACKAGE, *, frozen: bool | None = None) -> list[Part]:
    """What an installation carries: the runtime dependencies, then what they need in turn
    (those installed here, by name), then Python itself when this is a frozen bundle."""
    direct = runtime_requirements(package)
    names = list(direct)
    seen = {canonical(name) for name in names} | {canonical(package)}
    for name in names:  # grows while walked: breadth first through the requirements
        if not _installed(name):
            continue
        for needed in runtime_requirements(name):
            if canonical(needed) not in seen and _installed(needed):
                seen.add(canonical(needed))
                names.append(needed)
    indirect = sorted(
        (part(name) for name in names[len(direct) :]), key=lambda p: canonical(p.name)
    )
    parts = [part(name) for name in direct] + indirect
    if getattr(sys, "frozen", False) if frozen is None else frozen:
        parts.append(Part("Python", platform.python_version(), "PSF-2.0"))
    return parts
