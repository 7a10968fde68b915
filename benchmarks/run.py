"""Benchmarks: Startpunt side by side with a bare PySide6 tray app, in one desktop rig.

Figures (see benchmarks/README.md for how each one is taken):

* start to ready: spawn -> ``ready`` on stdout, median and p90 of N runs
  (bare tray, bare tray + httpx + qasync, the app against a standalone sandbox,
  the app with ``--demo``);
* idle memory: RSS and PSS (``/proc/PID/smaps_rollup``) some seconds after spawn;
* idle CPU: utime + stime (``/proc/PID/stat``) over a window after a warm-up;
* bytes down per idle probe: through a counting TCP proxy between app and sandbox;
* server text: the worst-case conversion time of a 4 MiB body of hostile HTML
  (``benchmarks.text_conversion``).

These are figures to compare with the budgets in DESIGN.md §6, not pass/fail checks.

    python -m benchmarks.run [--quick] [--runs N] [--out FILE] ...

Run it inside ``python -m devtools.rig -- ...`` (what ``make bench`` does); started
outside a rig it brings up its own.

This module runs the whole thing; the parts, re-exported here, are ``benchmarks.options`` (the
command line), ``benchmarks.processes`` (children and /proc), ``benchmarks.proxy`` (the counting
proxy), ``benchmarks.variants`` (what runs), ``benchmarks.measure`` (the figures) and
``benchmarks.report`` (the table).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from benchmarks.bundle import BUNDLE, BUNDLE_DEMO, MISSING, bundle_variants
from benchmarks.measure import Idle, measure_idle, measure_start, nearest_rank, time_to_ready
from benchmarks.options import DEFAULT_OUT, HERE, Settings, parse_args
from benchmarks.processes import (
    CLK_TCK,
    BenchError,
    LineReader,
    Procs,
    cpu_seconds,
    rss_pss_kib,
)
from benchmarks.proxy import Counters, CountingProxy
from benchmarks.report import build_table, meta, print_report, say
from benchmarks.text_conversion import measure as measure_text
from benchmarks.variants import (
    APP,
    APP_DEMO,
    APP_POLL10,
    BARE,
    BARE_HQ,
    TOKEN_VAR,
    Sandbox,
    Variant,
    app_argv,
    app_variant,
    bare_probe_variant,
    bare_variants,
    daily_app_variant,
    start_sandbox,
)
from devtools.rig import DesktopRig

__all__ = [
    "APP",
    "APP_DEMO",
    "APP_POLL10",
    "BARE",
    "BARE_HQ",
    "CLK_TCK",
    "DEFAULT_OUT",
    "HERE",
    "TOKEN_VAR",
    "BenchError",
    "Counters",
    "CountingProxy",
    "Idle",
    "LineReader",
    "Procs",
    "Sandbox",
    "Settings",
    "Variant",
    "app_argv",
    "app_variant",
    "bare_variants",
    "benchmark",
    "build_table",
    "cpu_seconds",
    "desktop_env",
    "main",
    "measure_idle",
    "measure_start",
    "meta",
    "nearest_rank",
    "parse_args",
    "print_report",
    "rss_pss_kib",
    "say",
    "start_sandbox",
    "time_to_ready",
]


def benchmark(s: Settings, env: dict[str, str]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="startpunt-bench-") as work_dir:
        procs = Procs(env, Path(work_dir))
        proxies: dict[str, CountingProxy] = {}
        try:
            return _benchmark(s, procs, proxies)
        finally:
            procs.stop_all()
            for proxy in proxies.values():
                proxy.stop()


def _benchmark(s: Settings, procs: Procs, proxies: dict[str, CountingProxy]) -> dict[str, Any]:
    res: dict[str, Any] = {"meta": meta(), "settings": {**asdict(s), "out": str(s.out)}}
    errors: dict[str, str] = {}
    start_variants = bare_variants()
    idle_variants = bare_variants()
    sandbox: Sandbox | None = None
    if s.skip_app:
        errors[APP] = errors[APP_DEMO] = errors[APP_POLL10] = "skipped (--skip-app)"
    elif s.app_cmd is None:
        errors[APP] = errors[APP_DEMO] = errors[APP_POLL10] = "`startpunt` is not installed"
    else:
        sandbox = _add_app_variants(
            s,
            procs,
            proxies,
            app=s.app_cmd,
            start=start_variants,
            idle=idle_variants,
            errors=errors,
        )
    say(f"start to ready: {s.runs} runs of {', '.join(v.name for v in start_variants)}")
    res["start_to_ready"] = measure_start(procs, start_variants, s)
    total = s.cpu_warmup + s.cpu_window
    say(
        f"idle side by side for {max(total, s.mem_after):g} s: {', '.join(v.name for v in idle_variants)}"
    )
    res["idle"] = measure_idle(procs, idle_variants, s, proxies)
    for name, msg in errors.items():
        if name in (APP, APP_DEMO, BUNDLE, BUNDLE_DEMO):
            res["start_to_ready"].setdefault(name, {"error": msg})
        if name in (APP, APP_POLL10):
            res["idle"].setdefault(name, {"error": msg})
    if sandbox is not None:
        procs.stop(sandbox.proc)
    say("server text: worst-case conversion of a 4 MiB body")
    res["text"] = measure_text(runs=2 if s.runs < 5 else 3)
    res["table"] = build_table(res)
    return res


def _add_app_variants(
    s: Settings,
    procs: Procs,
    proxies: dict[str, CountingProxy],
    *,
    app: tuple[str, ...],
    start: list[Variant],
    idle: list[Variant],
    errors: dict[str, str],
) -> Sandbox | None:
    """Start the sandbox and add the app variants (behind counting proxies for the idle ones)."""
    sandbox: Sandbox | None = None
    try:
        sandbox = start_sandbox(procs, s.sandbox_cmd, s.ready_timeout)
        say(f"sandbox at {sandbox.url}")
    except BenchError as exc:
        errors[APP] = errors[APP_POLL10] = str(exc)
        say(f"  ! {exc}")
    token_env = {TOKEN_VAR: sandbox.token} if sandbox else {}
    if sandbox is not None:
        url = sandbox.url
        start.append(bare_probe_variant(url, token_env))
        start.append(daily_app_variant(APP, app, url, token_env))
        for name, extra in (
            (APP, ()),
            (APP_POLL10, ("--poll-interval", f"{s.probe_interval:g}")),
        ):
            proxy = CountingProxy(sandbox.host, sandbox.port)
            proxies[name] = proxy
            proxy_url = f"http://127.0.0.1:{proxy.start()}"
            idle.append(app_variant(name, app, proxy_url, token_env, *extra))
    start.append(Variant(APP_DEMO, lambda p: [*app, "--demo", "--profile", str(p.profile())]))
    bundle = bundle_variants(sandbox.url if sandbox else None, token_env)
    start.extend(bundle)  # the Linux bundle beside the venv install
    if not bundle:
        say(MISSING)
        errors[BUNDLE] = errors[BUNDLE_DEMO] = MISSING
    return sandbox


@contextlib.contextmanager
def desktop_env() -> Iterator[dict[str, str]]:
    """The environment of the rig we run in, or of one we start for ourselves."""
    if os.environ.get("RIG_DIR") and os.environ.get("DISPLAY"):
        yield dict(os.environ)
        return
    say("not inside a rig: starting one")
    with DesktopRig() as rig:
        yield rig.env


def main(argv: Sequence[str] | None = None) -> int:
    s = parse_args(argv)
    with desktop_env() as env:
        res = benchmark(s, env)
    print_report(res)
    s.out.parent.mkdir(parents=True, exist_ok=True)
    s.out.write_text(json.dumps(res, indent=2, default=str) + "\n")
    say(f"results written to {s.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
