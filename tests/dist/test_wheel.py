"""The wheel and the sdist: only the app inside; the sdist rebuilds the same wheel; and the
wheel, installed into a fresh virtual environment outside the repository (what `pipx install`
does), runs there: `--version`, `doctor`, and `--demo --exit-when-ready` on a real desktop."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

from devtools.rig import DesktopRig, stop_process
from sandbox.server import SandboxServer
from services.environment_check import TOP_LEVEL
from tests.e2e.conftest import KEEP_VAR, require_desktop
from tests.fakes.distributions import write_dist_info

ROOT = Path(__file__).resolve().parents[2]
with (ROOT / "pyproject.toml").open("rb") as _file:
    PROJECT = tomllib.load(_file)["project"]
VERSION: str = PROJECT["version"]
DIST_INFO = f"startpunt-{VERSION}.dist-info"
# Outside the app packages, the sdist holds only what rebuilds the wheel (hatchling adds
# PKG-INFO and .gitignore itself).
SDIST_EXTRAS = {"pyproject.toml", "README.md", "CHANGELOG.md", "PKG-INFO", ".gitignore"}
LICENCE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*")  # hatchling's default globs
# Variables that would let the installed app see the repository or the developer's venv.
LEAKY_ENV = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP", "PYTHONUSERBASE")
INSTALL_TIMEOUT_S = 600


def _wheel(folder: Path) -> Path:
    path = folder / f"startpunt-{VERSION}-py3-none-any.whl"
    assert path.is_file(), f"no {path.name} in {folder}: {sorted(p.name for p in folder.iterdir())}"
    return path


def _sdist(folder: Path) -> Path:
    path = folder / f"startpunt-{VERSION}.tar.gz"
    assert path.is_file(), f"no {path.name} in {folder}: {sorted(p.name for p in folder.iterdir())}"
    return path


def _source_files() -> set[str]:
    """The files of the app packages as the build sees them: tracked or new, not ignored."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", *TOP_LEVEL],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return {name for name in listed.split("\0") if name and (ROOT / name).is_file()}


def _requirement(text: str) -> tuple[str, SpecifierSet, str]:
    parsed = Requirement(text)
    return canonicalize_name(parsed.name), parsed.specifier, str(parsed.marker or "")


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in LEAKY_ENV}
    return {**env, **extra}


def test_the_wheel_holds_the_app_packages_and_their_data_only(built_dist: Path) -> None:
    with zipfile.ZipFile(_wheel(built_dist)) as wheel:
        names = set(wheel.namelist())
    tops = {PurePosixPath(name).parts[0] for name in names}
    assert tops == {*TOP_LEVEL, DIST_INFO}
    app_files = {name for name in names if not name.startswith(DIST_INFO)}
    expected = {name for name in _source_files() if not name.endswith(".ts")}
    assert app_files == expected  # icons, .qm files, the sandbox's README: all of them, no more
    assert {"resources/i18n/startpunt_nl.qm", "resources/i18n/startpunt_en.qm"} <= app_files
    assert not [name for name in names if name.endswith((".ts", ".pyc"))]


def test_the_wheel_metadata_is_the_pyprojects(built_dist: Path) -> None:
    with zipfile.ZipFile(_wheel(built_dist)) as wheel:
        meta = wheel.read(f"{DIST_INFO}/METADATA").decode()
        entry_points = wheel.read(f"{DIST_INFO}/entry_points.txt").decode()
    fields = [line.split(": ", 1) for line in meta.split("\n\n", 1)[0].splitlines()]
    assert ["Name", "startpunt"] in fields
    assert ["Version", VERSION] in fields
    (python,) = [SpecifierSet(v) for k, v in fields if k == "Requires-Python"]
    assert python == SpecifierSet(PROJECT["requires-python"])
    required = {_requirement(v) for k, v in fields if k == "Requires-Dist" and "extra" not in v}
    assert required == {_requirement(spec) for spec in PROJECT["dependencies"]}
    assert "startpunt = desktop.__main__:main" in entry_points


def test_the_sdist_holds_what_rebuilds_the_wheel_and_no_tests(built_dist: Path) -> None:
    prefix = f"startpunt-{VERSION}/"
    with tarfile.open(_sdist(built_dist)) as sdist:
        names = {member.name for member in sdist.getmembers() if member.isfile()}
    assert all(name.startswith(prefix) for name in names)
    inside = {name.removeprefix(prefix) for name in names}
    inside -= {name for name in inside if LICENCE.fullmatch(name)}  # hatchling adds any
    assert {PurePosixPath(name).parts[0] for name in inside} == {*TOP_LEVEL, *SDIST_EXTRAS}
    assert inside - SDIST_EXTRAS == _source_files()  # the .ts translation sources included


def test_the_sdist_builds_the_same_wheel(built_dist: Path, tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir",
         str(tmp_path), str(_sdist(built_dist))],
        cwd=tmp_path, env=_clean_env(), capture_output=True, check=True,
        timeout=INSTALL_TIMEOUT_S,
    )  # fmt: skip
    with zipfile.ZipFile(_wheel(built_dist)) as given, zipfile.ZipFile(_wheel(tmp_path)) as again:
        assert sorted(given.namelist()) == sorted(again.namelist())
        changed = [n for n in given.namelist() if given.read(n) != again.read(n)]
    assert changed == []


@dataclass(frozen=True)
class Installed:
    """A fresh virtual environment with nothing but the wheel and its dependencies."""

    venv: Path
    work: Path  # an empty folder outside the repository, the working directory

    @property
    def startpunt(self) -> str:
        return str(self.venv / "bin" / "startpunt")

    def run(
        self, *args: str, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [self.startpunt, *args],
            cwd=self.work,
            env=env or _clean_env(),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )


@pytest.fixture(scope="module")
def installed(built_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("fresh-install")
    assert not base.is_relative_to(ROOT)
    venv, work = base / "venv", base / "work"
    work.mkdir()
    # A venv without pip (nothing else in it); the test's pip installs into it, as pipx does.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install",
         "--quiet", str(_wheel(built_dist))],
        cwd=work, env=_clean_env(), capture_output=True, text=True, check=False,
        timeout=INSTALL_TIMEOUT_S,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return Installed(venv, work)


def test_the_installed_app_says_its_version(installed: Installed) -> None:
    done = installed.run("--version")
    assert (done.returncode, done.stdout.strip()) == (0, f"startpunt {VERSION}"), done.stderr


def test_the_installed_app_imports_from_its_own_venv_only(installed: Installed) -> None:
    code = (
        "import importlib.util, desktop, ui, services, resources, sandbox\n"
        "from desktop.i18n import translate_for\n"
        "for m in (desktop, ui, services, resources, sandbox): print(m.__file__)\n"
        "print([n for n in ('tests', 'benchmarks', 'devtools', 'scripts')"
        " if importlib.util.find_spec(n)])\n"
        "print(translate_for('nl', 'AboutWindow', 'About Startpunt'))\n"
    )
    done = subprocess.run(
        [str(installed.venv / "bin" / "python"), "-c", code],
        cwd=installed.work, env=_clean_env(QT_QPA_PLATFORM="offscreen"),
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    *files, missing, dutch = done.stdout.splitlines()
    site = installed.venv.resolve()
    assert all(Path(f).resolve().is_relative_to(site) for f in files), files
    assert missing == "[]"  # no tests, benchmarks, devtools or scripts came along
    assert dutch == "Over Startpunt"  # the translations are shipped and found


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    server = SandboxServer(pace="off", seed=3)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def test_the_installed_doctor_checks_and_warns_about_a_shared_environment(
    installed: Installed, sandbox: SandboxServer
) -> None:
    helped = installed.run("doctor", "--help")
    assert helped.returncode == 0, helped.stderr
    assert "--intranet" in helped.stdout
    (site,) = installed.venv.glob("lib/python3.*/site-packages")
    other = write_dist_info(site, "oldtool", "2.3", record=["resources/extra.py"])
    try:
        done = installed.run(
            "doctor", "--intranet", sandbox.base_url, "--token-env", "DOCTOR_TOKEN",
            env=_clean_env(DOCTOR_TOKEN=sandbox.demo_token),
        )  # fmt: skip
    finally:
        for file in other.iterdir():
            file.unlink()
        other.rmdir()
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("[warn] python   oldtool 2.3 is installed in the same"), lines
    assert lines[-1] == "All checks passed."


@pytest.mark.e2e
def test_the_installed_demo_reaches_ready_on_a_desktop(installed: Installed) -> None:
    require_desktop("sni")
    with DesktopRig("sni", keep=os.environ.get(KEEP_VAR) == "1") as rig:
        env = {k: v for k, v in rig.env.items() if k not in LEAKY_ENV}
        proc = subprocess.Popen(
            [installed.startpunt, "--demo", "--exit-when-ready",
             "--profile", str(installed.work / "profile")],
            cwd=installed.work, env={**env, "LANGUAGE": "en"},
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            out, err = proc.communicate(timeout=90)
        finally:
            stop_process(proc)
    assert proc.returncode == 0, err.decode(errors="replace")[-3000:]
    assert out.decode().splitlines()[-1:] == ["ready"]
    assert b"Traceback" not in err
    log = (installed.work / "profile" / "log" / "startpunt.log").read_text(encoding="utf-8")
    assert "Demo intranet running at http://127.0.0.1:" in log
