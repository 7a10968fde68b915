"""One version: pyproject.toml's `[project] version`, which the metadata, `startpunt --version`,
the About window and the newest release heading in CHANGELOG.md all show."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

from services.licences import own_part
from services.version import installed_version, package_version, source_tree_version

ROOT = Path(__file__).resolve().parents[2]
# A release heading in Keep a Changelog form: "## [0.2.0] - 2026-12-01".
RELEASE = re.compile(r"## \[(?P<version>\d+\.\d+\.\d+)\] - (?P<date>\d{4}-\d{2}-\d{2})")


def _pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        version = tomllib.load(file)["project"]["version"]
    assert isinstance(version, str)
    return version


def _newest_release_heading() -> str:
    """The first `## [` heading of CHANGELOG.md that is not `## [Unreleased]`."""
    for line in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## [") and not line.startswith("## [Unreleased]"):
            return line.rstrip()
    raise AssertionError("CHANGELOG.md has no release heading such as '## [0.2.0] - 2026-12-01'")


def test_the_newest_changelog_release_is_the_pyproject_version() -> None:
    heading = _newest_release_heading()
    found = RELEASE.fullmatch(heading)
    assert found, f"{heading!r} is not of the form '## [X.Y.Z] - YYYY-MM-DD'"
    assert found["version"] == _pyproject_version()
    date.fromisoformat(found["date"])  # a real day


def test_the_installed_metadata_carries_the_pyproject_version() -> None:
    # A stale editable install (pyproject.toml changed since) fails here: `make .venv/.installed`.
    assert package_version() == _pyproject_version()
    assert own_part().version == _pyproject_version()  # what the About window shows


def test_the_console_script_of_this_install_prints_it() -> None:
    startpunt = Path(sys.executable).with_name("startpunt")  # the editable install of `make`
    done = subprocess.run([startpunt, "--version"], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == f"startpunt {_pyproject_version()}"


def test_a_source_tree_that_was_never_installed_reads_its_pyproject() -> None:
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
        "from services.version import package_version; print(package_version())"
    )
    # -S: no site-packages, so no installed metadata (as when run from a bare checkout)
    done = subprocess.run(
        [sys.executable, "-S", "-c", code], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == _pyproject_version()


def test_the_source_tree_fallback_takes_only_startpunts_own_pyproject(tmp_path: Path) -> None:
    assert source_tree_version(tmp_path) is None  # no pyproject.toml
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "other"\nversion = "9.9"\n')
    assert source_tree_version(tmp_path) is None
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "startpunt"\nversion = "3.1"\n')
    assert source_tree_version(tmp_path) == "3.1"
    (tmp_path / "pyproject.toml").write_text('[project\nname = "startpunt"\n')
    assert source_tree_version(tmp_path) is None
    (tmp_path / "pyproject.toml").write_text('project = "startpunt"\n')
    assert source_tree_version(tmp_path) is None


def test_an_unknown_distribution_falls_back_to_the_tree_then_to_none(tmp_path: Path) -> None:
    name = "startpunt-never-installed"
    assert installed_version(name, tmp_path) is None
    (tmp_path / "pyproject.toml").write_text(f'[project]\nname = "{name}"\nversion = "0.0.7"\n')
    assert installed_version(name, tmp_path) == "0.0.7"
