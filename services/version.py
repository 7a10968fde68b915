"""Startpunt's version, from its one source: `[project] version` in pyproject.toml.

Installed (a wheel, pipx, an editable install, a bundle that carries the distribution's
metadata) it is read from the metadata, which the build copied from pyproject.toml. Run from a
source tree that was never installed, it is read from that tree's pyproject.toml. Nothing is
generated at build time, so there is no second copy that could fall behind. Pure Python; no Qt.
"""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

PACKAGE = "startpunt"
UNKNOWN = "unknown"
_SOURCE_TREE = Path(__file__).resolve().parent.parent


def source_tree_version(tree: Path = _SOURCE_TREE, package: str = PACKAGE) -> str | None:
    """The version in `tree`/pyproject.toml when that file describes `package`, else None."""
    try:
        with (tree / "pyproject.toml").open("rb") as file:
            project = tomllib.load(file).get("project")
    except (OSError, tomllib.TOMLDecodeError):
        return None
    if not isinstance(project, dict) or project.get("name") != package:
        return None
    version = project.get("version")
    return version if isinstance(version, str) and version else None


def installed_version(package: str = PACKAGE, tree: Path = _SOURCE_TREE) -> str | None:
    """The installed distribution's version; the source tree's if it is not installed."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return source_tree_version(tree, package)


def package_version() -> str:
    """What `startpunt --version` prints: the version, or "unknown" if nothing names one."""
    return installed_version() or UNKNOWN
