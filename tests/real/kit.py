"""Bring the real HumHub of ``../shared/humhub-real`` up and down for the test session.

The kit's ``up.sh STATE_DIR`` installs (first run) or restarts an unmodified HumHub 1.18.5 with the
REST and Polls modules on 127.0.0.1; ``down.sh STATE_DIR`` stops what it started, by PID. The
state folder lives in the repository (``.humhub-real/state``, git-ignored), so a second session
restarts in seconds. The server runs in :data:`SERVER_TZ`, a zone that is not UTC, so every test
sees HumHub's zone-less timestamps the way a European intranet sends them.

Missing kit or a failing ``up.sh`` is a test FAILURE with the reason; only
``STARTPUNT_SKIP_REAL=1`` turns the real-server tests into skips.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

KIT_VAR = "STARTPUNT_HUMHUB_REAL"
SKIP_VAR = "STARTPUNT_SKIP_REAL"
SERVER_TZ = "Europe/Amsterdam"
REPO = Path(__file__).resolve().parents[2]
WORK = REPO / ".humhub-real"  # git-ignored: the kit's state folder, logs, the timing record
STATE = WORK / "state"
UP_TIMEOUT_S = 240.0  # below pytest-timeout (300 s), which counts fixture set-up too
DOWN_TIMEOUT_S = 120.0
KIT_FILES = ("up.sh", "down.sh", "like.sh")


class KitError(RuntimeError):
    """The real HumHub could not be brought up (the message says why and what to do)."""


def kit_folder() -> Path:
    """``$STARTPUNT_HUMHUB_REAL`` or else ``<repo>/../shared/humhub-real``."""
    configured = os.environ.get(KIT_VAR)
    return Path(configured) if configured else REPO.parent / "shared" / "humhub-real"


def check_kit(kit: Path) -> None:
    """Raise KitError unless the kit's scripts are there."""
    missing = [name for name in KIT_FILES if not (kit / name).is_file()]
    if missing:
        raise KitError(
            f"the real HumHub kit is missing at {kit} (no {', '.join(missing)}); put it there or"
            f" set {KIT_VAR} to its folder, or set {SKIP_VAR}=1 to skip the real-server tests"
        )


def as_root(argv: list[str]) -> list[str]:
    """``argv`` as root: unchanged when we are root, else through ``sudo -n`` (never asks)."""
    if os.geteuid() == 0:
        return argv
    if shutil.which("sudo") is None:
        raise KitError(
            "the real HumHub kit needs root (apt, MariaDB) and sudo is not installed;"
            f" run the tests as root, or set {SKIP_VAR}=1 to skip the real-server tests"
        )
    probe = subprocess.run(["sudo", "-n", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        raise KitError(
            "the real HumHub kit needs root and `sudo -n` is not allowed here"
            f" ({probe.stderr.decode(errors='replace').strip()}); run the tests as root or allow"
            f" password-less sudo, or set {SKIP_VAR}=1 to skip the real-server tests"
        )
    return ["sudo", "-n", *argv]


def read_text(path: Path) -> str:
    """A file of the state folder (its tokens are root-only when up.sh ran through sudo)."""
    try:
        return path.read_text(encoding="utf-8")
    except PermissionError:
        done = subprocess.run(as_root(["cat", str(path)]), capture_output=True, check=True)
        return done.stdout.decode("utf-8")


def read_env(state: Path) -> dict[str, str]:
    """The ``KEY=VALUE`` lines of ``STATE/env`` that up.sh writes last."""
    values: dict[str, str] = {}
    for line in read_text(state / "env").splitlines():
        if "=" in line and not line.lstrip().startswith("#"):
            key, _, raw = line.partition("=")
            words = shlex.split(raw)
            values[key.strip()] = words[0] if len(words) == 1 else " ".join(words)
    return values


@dataclass(frozen=True, slots=True)
class BringUp:
    """How the session got its server."""

    seconds: float
    fresh: bool  # a new state folder (archive extracted, database installed)
    log: Path
    url: str


def _tail(path: Path, lines: int = 25) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no output)"


def up(kit: Path, state: Path = STATE, tz: str = SERVER_TZ) -> BringUp:
    """Run ``up.sh STATE`` with the server time zone ``tz``; KitError with its output if it fails."""
    check_kit(kit)
    state.parent.mkdir(parents=True, exist_ok=True)
    fresh = not (state / "humhub").is_dir()
    log = state.parent / "up.log"
    argv = as_root(["env", f"HUMHUB_TZ={tz}", "bash", str(kit / "up.sh"), str(state)])
    started = time.monotonic()
    with log.open("wb") as out:
        try:
            done = subprocess.run(
                argv, stdout=out, stderr=subprocess.STDOUT, timeout=UP_TIMEOUT_S, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise KitError(f"up.sh did not finish in {UP_TIMEOUT_S:.0f} s; see {log}") from exc
    seconds = time.monotonic() - started
    if done.returncode != 0:
        raise KitError(
            f"up.sh {state} failed (exit {done.returncode}) after {seconds:.1f} s;"
            f" its last lines ({log}):\n{_tail(log)}\n"
            f"Set {SKIP_VAR}=1 to skip the real-server tests."
        )
    url = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-1].strip()
    return BringUp(seconds=seconds, fresh=fresh, log=log, url=url)


def down(kit: Path, state: Path = STATE) -> float:
    """Run ``down.sh STATE`` (stops the kit's processes by PID, keeps the files); seconds taken."""
    started = time.monotonic()
    with (state.parent / "down.log").open("wb") as out:
        subprocess.run(
            as_root(["bash", str(kit / "down.sh"), str(state)]),
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=DOWN_TIMEOUT_S,
            check=False,
        )
    return time.monotonic() - started
