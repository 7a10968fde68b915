"""What the benchmarks run: the variants (bare tray, the app) and the standalone sandbox.

Each variant knows its command line and environment; the app gets a fresh profile each start.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.processes import BenchError, LineReader, Procs, tail

TOKEN_VAR = "STARTPUNT_TOKEN"  # noqa: S105 - the name of the variable, not a token

BARE = "bare"
BARE_HQ = "bare+httpx+qasync"
BARE_PROBE = "bare+httpx+qasync+probe"
APP = "app"
APP_DEMO = "app --demo"
APP_POLL10 = "app --poll-interval 10"


@dataclass(slots=True)
class Sandbox:
    proc: subprocess.Popen[bytes]
    url: str
    token: str
    host: str
    port: int


def start_sandbox(procs: Procs, cmd: Sequence[str], timeout: float) -> Sandbox:
    proc, log_path = procs.spawn(cmd, name="sandbox")
    reader = LineReader(proc)
    found: dict[str, str] = {}
    deadline = time.monotonic() + timeout
    while len(found) < 2:
        line = reader.wait(re.compile(r"^(url|token)=(\S+)"), deadline - time.monotonic())
        if line is None:
            procs.stop(proc)
            raise BenchError(
                f"sandbox `{shlex.join(cmd)}` printed no url=/token= lines\n      {tail(log_path)}"
            )
        found[line.group(1)] = line.group(2)
    reader.drain_in_background()
    m = re.match(r"https?://([^:/]+):(\d+)", found["url"])
    if not m:
        procs.stop(proc)
        raise BenchError(f"sandbox url not understood: {found['url']}")
    return Sandbox(proc, found["url"], found["token"], m.group(1), int(m.group(2)))


# --------------------------------------------------------------------------- variants


@dataclass(frozen=True, slots=True)
class Variant:
    name: str
    argv: Callable[[Procs], list[str]]
    env: dict[str, str] = field(default_factory=dict)


def bare_variants() -> list[Variant]:
    py = [sys.executable, "-m", "benchmarks.bare_tray"]
    return [
        Variant(BARE, lambda _p: list(py)),
        Variant(BARE_HQ, lambda _p: [*py, "--with-httpx-qasync"]),
    ]


def bare_probe_variant(url: str, env: dict[str, str]) -> Variant:
    """The floor doing the app's first request (the unread probe) before it is ready."""
    probe = f"{url}/api/v1/notification/unseen?limit=1"
    argv = [sys.executable, "-m", "benchmarks.bare_tray", "--with-httpx-qasync", "--probe", probe]
    return Variant(BARE_PROBE, lambda _p: list(argv), env)


def app_argv(app: Sequence[str], url: str, procs: Procs, *extra: str) -> list[str]:
    return [
        *app,
        *("--intranet", url, "--token-env", TOKEN_VAR, "--profile", str(procs.profile())),
        *extra,
    ]


def app_variant(
    name: str, app: Sequence[str], url: str, env: dict[str, str], *extra: str
) -> Variant:
    """The app against ``url`` (the sandbox, or a proxy in front of it), fresh profile each start."""
    return Variant(name, lambda procs: app_argv(app, url, procs, *extra), env)


def daily_app_variant(name: str, app: Sequence[str], url: str, env: dict[str, str]) -> Variant:
    """The app started again and again with one profile: the everyday start at login.

    The first start creates the database and settings (a first run); the median of the
    starts is the everyday figure.
    """
    profiles: list[Path] = []

    def argv(procs: Procs) -> list[str]:
        if not profiles:
            profiles.append(procs.profile())
        return [*app, "--intranet", url, "--token-env", TOKEN_VAR, "--profile", str(profiles[0])]

    return Variant(name, argv, env)
