"""The figures: start-to-ready runs (interleaved) and all variants idling side by side.

Takes processes, variants and proxies as given; builds no table (``benchmarks.report`` does).
"""

from __future__ import annotations

import math
import re
import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.options import Settings
from benchmarks.processes import BenchError, LineReader, Procs, cpu_seconds, rss_pss_kib, tail
from benchmarks.proxy import Counters, CountingProxy
from benchmarks.report import say
from benchmarks.variants import Variant


def nearest_rank(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def time_to_ready(procs: Procs, variant: Variant, timeout: float) -> tuple[float, str | None]:
    """Seconds from spawn to the ``ready`` line, and a warning if the exit was not clean."""
    argv = [*variant.argv(procs), "--exit-when-ready"]
    t0 = time.perf_counter()
    proc, log_path = procs.spawn(argv, name=variant.name, extra_env=variant.env)
    try:
        m = LineReader(proc).wait(re.compile(r"^ready\b"), timeout)
        elapsed = time.perf_counter() - t0
        if m is None:
            rc = proc.poll()
            state = "timed out" if rc is None else f"exited {rc}"
            raise BenchError(f"{variant.name}: no `ready` line ({state})\n      {tail(log_path)}")
        try:
            rc = proc.wait(30)
        except subprocess.TimeoutExpired:
            return elapsed, f"{variant.name}: still running 30 s after `ready`"
        if rc != 0:
            return (
                elapsed,
                f"{variant.name}: exit status {rc} after `ready`\n      {tail(log_path)}",
            )
        return elapsed, None
    finally:
        procs.stop(proc)


def measure_start(procs: Procs, variants: list[Variant], s: Settings) -> dict[str, Any]:
    """Interleaved runs (one untimed warm-up round first)."""
    samples: dict[str, list[float]] = {v.name: [] for v in variants}
    errors: dict[str, str] = {}
    warnings: dict[str, str] = {}
    for rnd in range(s.runs + 1):
        for v in variants:
            if v.name in errors:
                continue
            try:
                t, warning = time_to_ready(procs, v, s.ready_timeout)
            except BenchError as exc:
                errors[v.name] = str(exc)
                say(f"  ! {exc}")
                continue
            if warning and v.name not in warnings:
                warnings[v.name] = warning
                say(f"  ! {warning}")
            if rnd > 0:
                samples[v.name].append(t)
        say(f"  start-to-ready round {rnd}/{s.runs}{' (warm-up)' if rnd == 0 else ''}")
    out: dict[str, Any] = {}
    for name, vals in samples.items():
        if name in errors:
            out[name] = {"error": errors[name]}
        else:
            out[name] = {
                "runs": len(vals),
                "median_s": statistics.median(vals),
                "p90_s": nearest_rank(vals, 0.9),
                "min_s": min(vals),
                "max_s": max(vals),
                "samples_s": vals,
            }
            if name in warnings:
                out[name]["warning"] = warnings[name]
    return out


@dataclass(slots=True)
class Idle:
    name: str
    proc: subprocess.Popen[bytes]
    log: Path
    t0: float
    proxy: CountingProxy | None = None
    result: dict[str, Any] = field(default_factory=dict)
    cpu0: float | None = None
    net0: Counters | None = None


def measure_idle(
    procs: Procs, variants: list[Variant], s: Settings, proxies: dict[str, CountingProxy]
) -> dict[str, Any]:
    """All variants idle side by side; memory at mem_after, CPU and bytes over the window."""
    idle: list[Idle] = []
    for v in variants:
        proc, log_path = procs.spawn(v.argv(procs), name=f"idle {v.name}", extra_env=v.env)
        LineReader(proc).drain_in_background()
        idle.append(Idle(v.name, proc, log_path, time.monotonic(), proxies.get(v.name)))
    events = sorted(
        [(s.mem_after, "mem"), (s.cpu_warmup, "cpu0"), (s.cpu_warmup + s.cpu_window, "cpu1")]
    )
    start = min(i.t0 for i in idle)
    for at, what in events:
        time.sleep(max(0.0, start + at - time.monotonic()))
        for i in idle:
            if "error" not in i.result:
                _observe(i, what, s)
        say(f"  idle: {what} at {at:g} s")
    for i in idle:
        procs.stop(i.proc)
    return {i.name: i.result for i in idle}


def _observe(i: Idle, what: str, s: Settings) -> None:
    """Take the ``what`` event's figures of one idle variant (or note that it has exited)."""
    if i.proc.poll() is not None:
        i.result["error"] = (
            f"{i.name} exited ({i.proc.returncode}) before {what}\n      {tail(i.log)}"
        )
        say(f"  ! {i.result['error']}")
        return
    pid = i.proc.pid
    if what == "mem":
        rss, pss = rss_pss_kib(pid)
        i.result.update(rss_mib=rss / 1024, pss_mib=pss / 1024, mem_after_s=s.mem_after)
    elif what == "cpu0":
        i.cpu0 = cpu_seconds(pid)
        i.net0 = i.proxy.snapshot() if i.proxy else None
    elif i.cpu0 is not None:
        cpu = cpu_seconds(pid) - i.cpu0
        i.result.update(
            cpu_s=cpu,
            cpu_window_s=s.cpu_window,
            cpu_s_per_5min=cpu * 300 / s.cpu_window,
        )
        if i.proxy is not None and i.net0 is not None:
            d = i.proxy.snapshot().minus(i.net0)
            i.result["net_window"] = asdict(d)
            i.result["bytes_down_per_response"] = (
                d.bytes_down / d.responses if d.responses else None
            )
            i.result["bytes_up_per_request"] = d.bytes_up / d.requests if d.requests else None
            i.result["net_total"] = asdict(i.proxy.snapshot())
