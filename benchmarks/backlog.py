"""Backlog benchmark: the real app catching up with a holiday's notifications (DESIGN.md §6).

The real composition (``build`` + ``wire``: HumHubConnector over a real socket, SQLite in a
temporary profile, the real AlertPolicy) on a qasync loop with Qt offscreen, against the
sandbox on 127.0.0.1 (a thread of this process, or ``--sandbox-process``); alerts go to a
counting notifier and a 5 ms QTimer records how long the loop was blocked. Measured: a
``--count`` backlog (stall, p99 gap, alerts, fetched, time, memory), then ``--burst`` new ones
in one poll and spread over ``--bursts`` polls (alerts per 100), the app's clock moving
``--poll-gap`` s on between polls. benchmarks/README.md says how each figure is taken.

    python -m benchmarks.backlog [--count 10000] [--burst 100] [--bursts 10] [--out FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import islice
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from unittest import mock

import httpx

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop import composition, qt_async
from desktop.composition import Parts, build, wire
from desktop.paths import Paths
from devtools.rig import stop_process
from sandbox.server import SandboxServer
from services.models import Alert
from services.poller import PollOutcome

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "results" / "backlog.json"
TICK_MS = 5
BUDGET_STALL_MS = 50


Intranet = SandboxServer | SimpleNamespace  # base_url and demo_token


@contextlib.contextmanager
def sandbox(separate: bool) -> Iterator[Intranet]:
    """The sandbox in this process (its own thread), or as ``python -m sandbox`` beside it."""
    if not separate:
        # started before the qasync loop exists: its thread must get a plain asyncio loop
        with SandboxServer(pace="off") as server:
            yield server
        return
    argv = [sys.executable, "-m", "sandbox", "--port", "0", "--pace", "off"]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
    try:
        found = dict(line.strip().split("=", 1) for line in islice(proc.stdout or (), 2))
        yield SimpleNamespace(base_url=found["url"], demo_token=found["token"])
    finally:
        stop_process(proc)


@dataclass
class CountingNotifier:
    """Records every alert instead of showing it."""

    shown: list[Alert] = field(default_factory=list)
    supports_buttons: bool = True

    async def show(self, alert: Alert) -> str | None:
        self.shown.append(alert)
        return f"n{len(self.shown)}"

    async def close(self) -> None: ...

    async def withdraw_all(self) -> None: ...


class ShiftedClock:
    """The system clock, ``offset`` seconds ahead (moved on between polls)."""

    offset = 0.0

    def now(self) -> datetime:
        return datetime.now(UTC) + timedelta(seconds=ShiftedClock.offset)

    def monotonic(self) -> float:
        return time.monotonic() + ShiftedClock.offset


class GapMeter:
    """A 5 ms precise QTimer; the gaps between its ticks show how long the loop was blocked."""

    def __init__(self) -> None:
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(lambda: self._ticks.append(time.perf_counter()))
        self._ticks: list[float] = []

    def start(self) -> None:
        self._ticks = [time.perf_counter()]
        self._timer.start()

    def stop(self) -> dict[str, Any]:
        self._timer.stop()
        self._ticks.append(time.perf_counter())
        gaps = sorted((b - a) * 1000 for a, b in zip(self._ticks, self._ticks[1:], strict=False))
        worst, p99 = gaps[-1], gaps[max(0, math.ceil(0.99 * len(gaps)) - 1)]
        over = sum(g > BUDGET_STALL_MS + TICK_MS for g in gaps)
        stall = max(0.0, worst - TICK_MS)
        return {"ticks": len(gaps), "max_gap_ms": worst, "stall_ms": stall, "p99_gap_ms": p99} | {
            "stalls_over_50ms": over
        }


def memory() -> dict[str, float]:
    """RSS, PSS and peak RSS of this process (app + in-process sandbox) in MiB."""
    status = Path("/proc/self/status").read_text()
    rollup = Path("/proc/self/smaps_rollup").read_text()
    kib = dict(re.findall(r"^(VmRSS|VmHWM):\s+(\d+) kB", status, re.MULTILINE))
    kib |= dict(re.findall(r"^(Pss):\s+(\d+) kB", rollup, re.MULTILINE))
    names = {"VmRSS": "rss_mib", "Pss": "pss_mib", "VmHWM": "peak_rss_mib"}
    return {name: int(kib[key]) / 1024 for key, name in names.items()}


class Bench:
    """The app under test plus the sandbox's control API."""

    def __init__(self, parts: Parts, server: Intranet, gap: float) -> None:
        self.parts, self.gap = parts, gap
        self.notifier = CountingNotifier()
        parts.controller.set_notifier(self.notifier)
        self.poller = parts.controller._poller  # the benchmark drives the polls itself
        self.fetched = 0
        auth = {"Authorization": f"Bearer {server.demo_token}"}
        self.control = httpx.AsyncClient(base_url=server.base_url, headers=auth, timeout=120)
        connector = parts.connector
        original = connector.list_notifications

        async def counted(**kwargs: Any) -> Any:
            page = await original(**kwargs)
            if kwargs.get("unseen_only"):
                self.fetched += len(page.items)
            return page

        connector.list_notifications = counted  # type: ignore[method-assign]

    async def flood(self, count: int) -> Any:
        made = await self.control.post("/_sandbox/act", json={"action": "flood", "count": count})
        return made.raise_for_status().json()

    async def poll(self) -> tuple[PollOutcome, list[Alert]]:
        """One poll after the poll gap, handled like the app does; the alerts it showed."""
        ShiftedClock.offset += self.gap
        before = len(self.notifier.shown)
        outcome = await self.poller.poll_once()
        await self.parts.controller.handle_outcome(outcome)
        return outcome, self.notifier.shown[before:]

    async def panel(self) -> None:
        done = asyncio.Event()
        self.parts.controller.notifications_changed.connect(lambda *_: done.set())
        self.parts.controller.load_panel()
        await asyncio.wait_for(done.wait(), 60)


def _alerts(shown: list[Alert], per: int) -> dict[str, Any]:
    summaries = sum(a.key.startswith("summary:") for a in shown)
    seen_keys: set[str] = set()
    updates = 0
    for alert in shown:  # an alert with a key shown before updates that alert in place
        updates += alert.key in seen_keys
        seen_keys.add(alert.key)
    return {"alerts": len(shown), "alerts_per_100": len(shown) * 100 / per} | {
        "summaries": summaries,
        "updates_in_place": updates,
    }


async def catch_up(bench: Bench, count: int) -> dict[str, Any]:
    meter = GapMeter()
    _, warm = await bench.poll()  # the app knew the unseen ones from before the holiday
    made = await bench.flood(count)
    await asyncio.sleep(0.3)  # let start-up requests (the panel's first load) finish first
    bench.fetched = 0
    base = memory()
    meter.start()
    t0, cpu0 = time.perf_counter(), time.process_time()
    outcome, shown = await bench.poll()
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    fetched = bench.fetched
    t1 = time.perf_counter()
    await bench.panel()
    panel_s = time.perf_counter() - t1
    await asyncio.sleep(0.2)
    gaps = meter.stop()
    found = {"unread": outcome.unread, "new": len(outcome.new), "bounded": outcome.bounded}
    times = {"catch_up_s": wall, "catch_up_cpu_s": cpu, "panel_refresh_s": panel_s}
    mem = {"memory_before": base, "memory_after": memory(), "warm_up_alerts": len(warm)}
    return {"flood": made, **found, "fetched": fetched, **times, **gaps, **_alerts(shown, 1), **mem}


async def bursts(bench: Bench, total: int, pieces: int) -> dict[str, Any]:
    await bench.parts.connector.mark_all_seen()  # the backlog was read
    await bench.poll()
    meter = GapMeter()
    meter.start()
    shown: list[Alert] = []
    for _ in range(pieces):
        await bench.flood(total // pieces)
        shown += (await bench.poll())[1]
    return {"bursts": pieces, "per_burst": total // pieces, **meter.stop(), **_alerts(shown, total)}


async def benchmark(a: argparse.Namespace, server: Intranet) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="startpunt-backlog-") as tmp:
        paths = Paths.resolve(Path(tmp))
        paths.ensure()
        with mock.patch.object(composition, "SystemClock", ShiftedClock):  # for every part
            parts = build(
                paths, server.base_url, server.demo_token, poll_interval=a.poll_gap, demo=True
            )
        wire(parts, asyncio.Event())
        if parts.has_tray:  # as desktop.app does; offscreen there is no tray
            parts.tray.show()
        else:
            parts.panel.show_near(None)
        bench = Bench(parts, server, a.poll_gap)
        try:
            res = {"catch_up": await catch_up(bench, a.count)}
            res["one_burst"] = await bursts(bench, a.burst, 1)
            res["spread"] = await bursts(bench, a.burst, a.bursts)
        finally:
            await bench.control.aclose()
            await parts.controller.shutdown()
            parts.panel.close()
            parts.database.close()
    return res


def print_report(res: dict[str, Any], a: argparse.Namespace) -> None:
    c, b, s = res["catch_up"], res["one_burst"], res["spread"]
    rows = [
        (f"{a.count:,} backlog: longest UI stall [ms]", c["stall_ms"], f"<= {BUDGET_STALL_MS}"),
        ("  p99 gap between 5 ms ticks [ms]", c["p99_gap_ms"], ""),
        ("  alerts shown", c["alerts"], "<= 1 (summary)"),
        ("  notifications fetched", c["fetched"], "bounded"),
        ("  catch-up wall time [s]", c["catch_up_s"], ""),
        ("  panel refresh [s]", c["panel_refresh_s"], ""),
        ("  RSS after [MiB]", c["memory_after"]["rss_mib"], ""),
        ("  PSS after [MiB]", c["memory_after"]["pss_mib"], ""),
        (f"{a.burst} in one burst: alerts per 100", b["alerts_per_100"], ""),
        (f"{a.burst} as {a.bursts} bursts: alerts per 100", s["alerts_per_100"], ""),
        ("  longest UI stall [ms]", max(b["stall_ms"], s["stall_ms"]), f"<= {BUDGET_STALL_MS}"),
    ]
    print("\n".join(["", *(f"{f:<44} {v:>10.1f}  {b}" for f, v, b in rows), ""]))


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m benchmarks.backlog", description=__doc__.split("\n")[0]
    )
    p.add_argument("--count", type=int, default=10_000, help="backlog size (1-20000)")
    p.add_argument("--burst", type=int, default=100, help="notifications in the burst figures")
    p.add_argument("--bursts", type=int, default=10, help="polls the spread burst is cut into")
    p.add_argument("--poll-gap", type=float, default=30.0, help="app seconds between polls")
    p.add_argument("--sandbox-process", action="store_true", help="sandbox beside, not inside")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON results file")
    a = p.parse_args(argv)
    if not 1 <= a.bursts <= a.burst:
        p.error("--bursts must be from 1 to --burst")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Startpunt")  # as desktop.app does
    started = datetime.now(UTC).isoformat(timespec="seconds")
    with sandbox(a.sandbox_process) as server:
        res = qt_async.run(benchmark(a, server))
    res["meta"] = {"date": started, "qpa": QApplication.platformName(), "cpus": os.cpu_count()}
    res["settings"] = {k: str(v) for k, v in vars(a).items()}
    print_report(res, a)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(res, indent=2, default=str) + "\n")
    print(f"results written to {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    status = main()
    sys.stdout.flush(), sys.stderr.flush()
    # Skip interpreter shutdown: with PySide6 6.12 + qasync 0.28 the loop over-releases True
    # and None, and Py_FinalizeEx then aborts ("bool_dealloc") after a long run.
    os._exit(status)
