"""The Linux bundle and .deb, built once per test session, and what the tests use with them.

`built(tmp_path_factory)` runs packaging/linux/build_deb.py into a session folder the first
time it is asked, or takes what `make dist` left in ``$STARTPUNT_DIST_DIR`` (the folder with
``bundle/startpunt/`` and ``startpunt_*.deb``). `open_rig()` is a headless desktop that fails
(never skips) when its programs are missing.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from devtools.rig import INSTALL_HINT, DesktopRig, missing_programs, stop_process

ROOT = Path(__file__).resolve().parents[2]
DIST_VAR = "STARTPUNT_DIST_DIR"
BUILD_SCRIPT = ROOT / "packaging" / "linux" / "build_deb.py"
BUILD_TIMEOUT_S = 600
READY_TIMEOUT_S = 60


@dataclass(frozen=True)
class Linux:
    """The built artifacts."""

    bundle: Path  # the folder with the `startpunt` executable and `_internal/`
    deb: Path

    @property
    def executable(self) -> Path:
        return self.bundle / "startpunt"


_built: dict[str, Linux] = {}


def _found(folder: Path) -> Linux | None:
    debs = sorted(folder.glob("startpunt_*.deb"))
    bundle = folder / "bundle" / "startpunt"
    if len(debs) == 1 and (bundle / "startpunt").is_file():
        return Linux(bundle, debs[0])
    return None


def built(factory: pytest.TempPathFactory) -> Linux:
    """The bundle and the .deb (built on first use in this session)."""
    if "linux" in _built:
        return _built["linux"]
    given = os.environ.get(DIST_VAR)
    if given:
        found = _found(Path(given).resolve())
        if found is None:
            pytest.fail(f"{DIST_VAR}={given} holds no bundle/startpunt and one .deb", pytrace=False)
    else:
        out = factory.mktemp("linux-dist")
        done = subprocess.run(
            [sys.executable, str(BUILD_SCRIPT), "--out", str(out)],
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT_S,
            check=False,
            cwd=ROOT,
        )
        if done.returncode != 0:
            pytest.fail(f"build_deb.py failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
        found = _found(out)
        assert found is not None, f"build_deb.py left no bundle and .deb in {out}"
    _built["linux"] = found
    return found


def deb_files() -> ModuleType:
    """packaging/linux/deb_files.py (loaded by path: `packaging` is a PyPI package's name)."""
    path = ROOT / "packaging" / "linux" / "deb_files.py"
    spec = importlib.util.spec_from_file_location("startpunt_deb_files", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@contextmanager
def open_rig(*, keyring: bool = False) -> Iterator[DesktopRig]:
    """A headless desktop with an SNI tray host (and gnome-keyring's Secret Service when
    `keyring`); fails when its programs are missing."""
    missing = missing_programs("sni", ["gnome-keyring-daemon", "secret-tool"] if keyring else [])
    if missing:
        pytest.fail(
            f"the desktop rig needs {', '.join(missing)}: install them with `{INSTALL_HINT}`",
            pytrace=False,
        )
    with DesktopRig("sni", keyring=keyring) as rig:
        yield rig


def time_to_ready(rig: DesktopRig, argv: Sequence[str], env: Mapping[str, str], cwd: Path) -> float:
    """Seconds from start to the `ready` line of `argv ... --exit-when-ready`; it must exit 0."""
    started = time.monotonic()
    proc = rig.popen(
        [*argv, "--exit-when-ready"],
        env=dict(env),
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    ready_after = None
    try:
        assert proc.stdout is not None
        for line in proc.stdout:  # ends at exit; pytest-timeout guards a hang
            if line.strip() == "ready":
                ready_after = time.monotonic() - started
                break
        out, err = proc.communicate(timeout=READY_TIMEOUT_S)
    finally:
        stop_process(proc)
    assert proc.returncode == 0, f"{argv[0]} exited {proc.returncode}:\n{err[-3000:]}"
    assert ready_after is not None, f"{argv[0]} printed no `ready`:\n{out[-1000:]}\n{err[-2000:]}"
    return ready_after


def report(figure: str, value: str) -> None:
    """One measured figure, on the terminal (pytest -s) and in the run's log file."""
    line = f"[dist] {figure}: {value}"
    sys.stderr.write(line + "\n")
    log = os.environ.get("STARTPUNT_DIST_FIGURES")
    if log:
        with Path(log).open("a", encoding="utf-8") as f:
            f.write(line + "\n")
