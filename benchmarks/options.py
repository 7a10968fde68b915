"""The benchmark's command line: every option with its full and ``--quick`` default.

No measuring here; ``parse_args`` only turns ``argv`` into :class:`Settings`.
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "results" / "latest.json"


@dataclass(frozen=True, slots=True)
class Settings:
    """What one benchmark run measures, how often and for how long (from the command line)."""

    runs: int
    mem_after: float
    cpu_warmup: float
    cpu_window: float
    probe_interval: float
    ready_timeout: float
    app_cmd: tuple[str, ...] | None
    sandbox_cmd: tuple[str, ...]
    out: Path
    skip_app: bool


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description="Measure Startpunt against a bare PySide6 tray app (figures, not pass/fail).",
    )
    p.add_argument("--quick", action="store_true", help="3 runs and short windows (development)")
    p.add_argument("--runs", type=int, help="start-to-ready runs per variant (default 11; quick 3)")
    p.add_argument("--mem-after", type=float, help="seconds after spawn (default 30; quick 5)")
    p.add_argument("--cpu-warmup", type=float, help="seconds before the window (default 10; 5)")
    p.add_argument("--cpu-window", type=float, help="seconds of CPU window (default 60; 12)")
    p.add_argument(
        "--probe-interval", type=float, default=10.0, help="--poll-interval for the probe"
    )
    p.add_argument("--ready-timeout", type=float, default=60.0)
    p.add_argument("--app", help="app command (default: the `startpunt` next to this Python)")
    p.add_argument(
        "--sandbox",
        default=f"{shlex.quote(sys.executable)} -m sandbox --port 0 --pace off",
        help="standalone sandbox command; must print url=... and token=... lines",
    )
    p.add_argument("--skip-app", action="store_true", help="measure the floor only")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON results file")
    return p


def _app_command(app: str | None) -> tuple[str, ...] | None:
    """``--app`` split like a shell would, else the ``startpunt`` next to this Python or on PATH."""
    if app:
        return tuple(shlex.split(app))
    exe = Path(sys.executable).parent / "startpunt"
    found = str(exe) if exe.exists() else shutil.which("startpunt")
    return (found,) if found else None


def parse_args(argv: Sequence[str] | None) -> Settings:
    """Read the command line (``None``: ``sys.argv``) into :class:`Settings`."""
    p = _parser()
    a = p.parse_args(argv)
    quick = bool(a.quick)
    runs = a.runs if a.runs is not None else (3 if quick else 11)
    if runs < 1:
        p.error("--runs must be at least 1")
    return Settings(
        runs=runs,
        mem_after=a.mem_after if a.mem_after is not None else (5.0 if quick else 30.0),
        cpu_warmup=a.cpu_warmup if a.cpu_warmup is not None else (5.0 if quick else 10.0),
        cpu_window=a.cpu_window if a.cpu_window is not None else (12.0 if quick else 60.0),
        probe_interval=a.probe_interval,
        ready_timeout=a.ready_timeout,
        app_cmd=_app_command(a.app),
        sandbox_cmd=tuple(shlex.split(a.sandbox)),
        out=a.out,
        skip_app=bool(a.skip_app),
    )
