"""Benchmarks: Startpunt side by side with a bare PySide6 tray app, in one desktop rig.

Figures (see benchmarks/README.md for how each one is taken):

* start to ready: spawn -> ``ready`` on stdout, median and p90 of N runs
  (bare tray, bare tray + httpx + qasync, the app against a standalone sandbox,
  the app with ``--demo``);
* idle memory: RSS and PSS (``/proc/PID/smaps_rollup``) some seconds after spawn;
* idle CPU: utime + stime (``/proc/PID/stat``) over a window after a warm-up;
* bytes down per idle probe: through a counting TCP proxy between app and sandbox.

These are figures to compare with the budgets in DESIGN.md §6, not pass/fail checks.

    python -m benchmarks.run [--quick] [--runs N] [--out FILE] ...

Run it inside ``python -m devtools.rig -- ...`` (what ``make bench`` does); started
outside a rig it brings up its own.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import math
import os
import platform
import re
import select
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from devtools.rig import DesktopRig, stop_process

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "results" / "latest.json"
TOKEN_VAR = "STARTPUNT_TOKEN"  # noqa: S105 - the name of the variable, not a token
CLK_TCK = os.sysconf("SC_CLK_TCK")

BARE = "bare"
BARE_HQ = "bare+httpx+qasync"
APP = "app"
APP_DEMO = "app --demo"
APP_POLL10 = "app --poll-interval 10"


class BenchError(RuntimeError):
    """One figure could not be taken (the others still are)."""


# --------------------------------------------------------------------------- settings


@dataclass(frozen=True, slots=True)
class Settings:
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


def parse_args(argv: Sequence[str] | None) -> Settings:
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
    a = p.parse_args(argv)
    quick = bool(a.quick)
    runs = a.runs if a.runs is not None else (3 if quick else 11)
    if runs < 1:
        p.error("--runs must be at least 1")
    app_cmd: tuple[str, ...] | None
    if a.app:
        app_cmd = tuple(shlex.split(a.app))
    else:
        exe = Path(sys.executable).parent / "startpunt"
        found = str(exe) if exe.exists() else shutil.which("startpunt")
        app_cmd = (found,) if found else None
    return Settings(
        runs=runs,
        mem_after=a.mem_after if a.mem_after is not None else (5.0 if quick else 30.0),
        cpu_warmup=a.cpu_warmup if a.cpu_warmup is not None else (5.0 if quick else 10.0),
        cpu_window=a.cpu_window if a.cpu_window is not None else (12.0 if quick else 60.0),
        probe_interval=a.probe_interval,
        ready_timeout=a.ready_timeout,
        app_cmd=app_cmd,
        sandbox_cmd=tuple(shlex.split(a.sandbox)),
        out=a.out,
        skip_app=bool(a.skip_app),
    )


# --------------------------------------------------------------------------- processes


class Procs:
    """Starts processes with the desktop's environment; stops them (by PID) at the end."""

    def __init__(self, env: dict[str, str], work: Path) -> None:
        self.env = env
        self.work = work
        self._live: list[subprocess.Popen[bytes]] = []
        self._n = 0

    def spawn(
        self, argv: Sequence[str], *, name: str, extra_env: dict[str, str] | None = None
    ) -> tuple[subprocess.Popen[bytes], Path]:
        """Start ``argv`` with stdout on a pipe and stderr in ``<work>/<name>-<n>.log``."""
        self._n += 1
        log_path = self.work / f"{re.sub(r'[^A-Za-z0-9]+', '_', name)}-{self._n}.log"
        env = {**self.env, **(extra_env or {})}
        with log_path.open("wb") as err:
            proc = subprocess.Popen(
                list(argv), env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err
            )
        self._live.append(proc)
        return proc, log_path

    def stop(self, proc: subprocess.Popen[bytes]) -> None:
        stop_process(proc)
        if proc.stdout is not None:
            proc.stdout.close()
        with contextlib.suppress(ValueError):
            self._live.remove(proc)

    def stop_all(self) -> None:
        for proc in reversed(list(self._live)):
            self.stop(proc)

    def profile(self) -> Path:
        return Path(tempfile.mkdtemp(prefix="profile-", dir=self.work))


def _tail(path: Path, lines: int = 8) -> str:
    try:
        text = path.read_text(errors="replace").strip()
    except OSError:
        return ""
    return "\n      ".join(text.splitlines()[-lines:])


class LineReader:
    """Reads a child's stdout without blocking forever: ``wait(pattern, timeout)``."""

    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        if proc.stdout is None:
            raise ValueError("the process needs stdout=PIPE")
        self.proc = proc
        self.fd = proc.stdout.fileno()
        self.buf = b""
        self.lines: list[str] = []
        self.eof = False

    def _fill(self, timeout: float) -> None:
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0.0))
        if not ready:
            return
        chunk = os.read(self.fd, 65536)
        if not chunk:
            self.eof = True
            return
        self.buf += chunk
        *done, self.buf = self.buf.split(b"\n")
        self.lines.extend(line.decode(errors="replace").rstrip("\r") for line in done)

    def wait(self, pattern: re.Pattern[str], timeout: float) -> re.Match[str] | None:
        """The first new line matching ``pattern`` (None on EOF or timeout)."""
        deadline = time.monotonic() + timeout
        seen = 0
        while True:
            for k in range(seen, len(self.lines)):
                m = pattern.search(self.lines[k])
                if m:
                    del self.lines[: k + 1]
                    return m
            seen = len(self.lines)
            left = deadline - time.monotonic()
            if self.eof or left <= 0:
                return None
            self._fill(min(left, 0.2))

    def drain_in_background(self) -> None:
        """Keep reading (and dropping) output so the child never blocks on a full pipe."""

        def drain() -> None:
            with contextlib.suppress(OSError, ValueError):
                while os.read(self.fd, 65536):
                    pass

        threading.Thread(target=drain, daemon=True).start()


# --------------------------------------------------------------------------- /proc


def rss_pss_kib(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in KiB from /proc/PID/smaps_rollup."""
    text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    values = dict(re.findall(r"^(Rss|Pss):\s+(\d+) kB", text, re.MULTILINE))
    return int(values["Rss"]), int(values["Pss"])


def cpu_seconds(pid: int) -> float:
    """utime + stime of the process (not its children), in seconds."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    # fields[0] is field 3 (state); utime and stime are fields 14 and 15
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


# --------------------------------------------------------------------------- proxy


# A response starts with its status line, right after the previous body (which need not
# end in CRLF), so these match anywhere; a body that quotes an HTTP status line would
# be miscounted, which the JSON of an intranet API does not do.
_STATUS = re.compile(rb"HTTP/1\.[01] [1-5]\d\d [^\r\n]*\r\n")
_REQUEST = re.compile(rb"(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \S+ HTTP/1\.[01]\r\n")


@dataclass(slots=True)
class Counters:
    connections: int = 0
    bytes_up: int = 0
    bytes_down: int = 0
    requests: int = 0
    responses: int = 0

    def minus(self, other: Counters) -> Counters:
        return Counters(*(getattr(self, f) - getattr(other, f) for f in self.__dataclass_fields__))


class _Scanner:
    """Counts pattern hits in a byte stream that arrives in arbitrary chunks."""

    def __init__(self, pattern: re.Pattern[bytes]) -> None:
        self.pattern = pattern
        self.tail = b""

    def feed(self, chunk: bytes) -> int:
        buf = self.tail + chunk
        hits = sum(1 for m in self.pattern.finditer(buf) if m.end() > len(self.tail))
        self.tail = buf[-256:]
        return hits


class CountingProxy:
    """A TCP proxy on 127.0.0.1 that counts bytes and HTTP/1.1 requests/responses."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.counters = Counters()
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.Server | None = None
        self.port = 0

    def start(self) -> int:
        self._thread.start()
        fut = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._handle, "127.0.0.1", 0), self._loop
        )
        self._server = fut.result(10)
        self.port = int(self._server.sockets[0].getsockname()[1])
        return self.port

    def snapshot(self) -> Counters:
        with self._lock:
            return Counters(**asdict(self.counters))

    def stop(self) -> None:
        async def close() -> None:
            if self._server is not None:
                self._server.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()

        if self._thread.is_alive():
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(close(), self._loop).result(5)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(5)
        self._loop.close()

    def _add(self, **delta: int) -> None:
        with self._lock:
            for name, value in delta.items():
                setattr(self.counters, name, getattr(self.counters, name) + value)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._add(connections=1)
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return

        async def pump(
            src: asyncio.StreamReader,
            dst: asyncio.StreamWriter,
            scanner: _Scanner,
            on_chunk: Callable[[int, int], None],
        ) -> None:
            try:
                while chunk := await src.read(65536):
                    on_chunk(len(chunk), scanner.feed(chunk))
                    dst.write(chunk)
                    await dst.drain()
            except (OSError, asyncio.IncompleteReadError):
                pass
            finally:
                with contextlib.suppress(OSError):
                    dst.close()

        await asyncio.gather(
            pump(
                reader,
                up_writer,
                _Scanner(_REQUEST),
                lambda n, hits: self._add(bytes_up=n, requests=hits),
            ),
            pump(
                up_reader,
                writer,
                _Scanner(_STATUS),
                lambda n, hits: self._add(bytes_down=n, responses=hits),
            ),
        )


# --------------------------------------------------------------------------- sandbox


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
                f"sandbox `{shlex.join(cmd)}` printed no url=/token= lines\n      {_tail(log_path)}"
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


# --------------------------------------------------------------------------- figures


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
            raise BenchError(f"{variant.name}: no `ready` line ({state})\n      {_tail(log_path)}")
        try:
            rc = proc.wait(30)
        except subprocess.TimeoutExpired:
            return elapsed, f"{variant.name}: still running 30 s after `ready`"
        if rc != 0:
            return (
                elapsed,
                f"{variant.name}: exit status {rc} after `ready`\n      {_tail(log_path)}",
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
            if "error" in i.result:
                continue
            if i.proc.poll() is not None:
                i.result["error"] = (
                    f"{i.name} exited ({i.proc.returncode}) before {what}\n      {_tail(i.log)}"
                )
                say(f"  ! {i.result['error']}")
                continue
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
                    i.result["bytes_up_per_request"] = (
                        d.bytes_up / d.requests if d.requests else None
                    )
                    i.result["net_total"] = asdict(i.proxy.snapshot())
        say(f"  idle: {what} at {at:g} s")
    for i in idle:
        procs.stop(i.proc)
    return {i.name: i.result for i in idle}


# --------------------------------------------------------------------------- report


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _num(value: Any, fmt: str) -> str:
    if isinstance(value, int | float):
        return format(value, fmt)
    width = re.match(r"\d*", fmt)
    return "-".rjust(int(width.group() or 0) if width else 0)


def _get(d: dict[str, Any], *path: str) -> Any:
    for key in path:
        if not isinstance(d, dict) or key not in d:
            return None
        d = d[key]
    return d


_Ref = tuple[dict[str, Any], str, str]  # (results section, variant, key)


def build_table(res: dict[str, Any]) -> list[dict[str, Any]]:
    st, idle = res["start_to_ready"], res["idle"]
    cpu_win = res["settings"]["cpu_window"]
    mem_after = res["settings"]["mem_after"]
    poll = res["settings"]["probe_interval"]
    rows: list[tuple[str, _Ref | None, _Ref, str]] = [
        ("start to ready, median [s]", (st, BARE, "median_s"), (st, APP, "median_s"), "<= 1.3x"),
        ("start to ready, p90 [s]", (st, BARE, "p90_s"), (st, APP, "p90_s"), "<= 1.3x"),
        ("  same, vs bare+httpx+qasync", (st, BARE_HQ, "median_s"), (st, APP, "median_s"), ""),
        (
            "start to ready, median, --demo [s]",
            (st, BARE, "median_s"),
            (st, APP_DEMO, "median_s"),
            "",
        ),
        (
            f"RSS after {mem_after:g} s [MiB]",
            (idle, BARE_HQ, "rss_mib"),
            (idle, APP, "rss_mib"),
            "<= 1.3x",
        ),
        (
            f"PSS after {mem_after:g} s [MiB]",
            (idle, BARE_HQ, "pss_mib"),
            (idle, APP, "pss_mib"),
            "<= 1.3x",
        ),
        (f"CPU over {cpu_win:g} s idle [s]", (idle, BARE, "cpu_s"), (idle, APP, "cpu_s"), ""),
        (
            "  same, per 5 min [s]",
            (idle, BARE, "cpu_s_per_5min"),
            (idle, APP, "cpu_s_per_5min"),
            "<= 0.3 s",
        ),
        (
            f"CPU over {cpu_win:g} s, poll {poll:g} s [s]",
            (idle, BARE, "cpu_s"),
            (idle, APP_POLL10, "cpu_s"),
            "",
        ),
        (
            f"bytes down per probe, poll {poll:g} s [B]",
            None,
            (idle, APP_POLL10, "bytes_down_per_response"),
            "<= 1024 B",
        ),
    ]
    table: list[dict[str, Any]] = []
    for figure, floor_ref, app_ref, budget in rows:
        floor = _get(floor_ref[0], floor_ref[1], floor_ref[2]) if floor_ref else None
        app = _get(app_ref[0], app_ref[1], app_ref[2])
        ratio = app / floor if isinstance(app, int | float) and floor else None
        table.append(
            {
                "figure": figure,
                "floor_variant": floor_ref[1] if floor_ref else None,
                "floor": floor,
                "app_variant": app_ref[1],
                "app": app,
                "ratio": ratio,
                "budget": budget,
            }
        )
    return table


def print_report(res: dict[str, Any]) -> None:
    st, idle = res["start_to_ready"], res["idle"]
    print()
    print(f"{'variant':<24} {'ready med':>9} {'p90':>7} {'RSS MiB':>8} {'PSS MiB':>8} {'CPU s':>7}")
    for name in (BARE, BARE_HQ, APP, APP_DEMO, APP_POLL10):
        a, b = st.get(name, {}), idle.get(name, {})
        if not a and not b:
            continue
        print(
            f"{name:<24} {_num(a.get('median_s'), '9.3f')} {_num(a.get('p90_s'), '7.3f')}"
            f" {_num(b.get('rss_mib'), '8.1f')} {_num(b.get('pss_mib'), '8.1f')}"
            f" {_num(b.get('cpu_s'), '7.3f')}"
        )
    print()
    print(f"{'figure':<38} {'floor':>9} {'app':>9} {'app/floor':>9}  budget")
    for row in res["table"]:
        print(
            f"{row['figure']:<38} {_num(row['floor'], '9.3f')} {_num(row['app'], '9.3f')}"
            f" {_num(row['ratio'], '9.2f')}  {row['budget']}"
        )
    for name, d in (*st.items(), *idle.items()):
        for kind in ("error", "warning"):
            if kind in d:
                print(f"\n{name} ({kind}): {d[kind]}")
    print()


def meta() -> dict[str, Any]:
    info: dict[str, Any] = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "kernel": platform.release(),
        "cpus": os.cpu_count(),
        "loadavg": os.getloadavg(),
        "tray": os.environ.get("RIG_TRAY"),
    }
    with contextlib.suppress(ImportError):
        import PySide6

        info["pyside6"] = PySide6.__version__
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        info["git"] = subprocess.run(
            ["git", "-C", str(HERE), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        ).stdout.strip()
    return info


# --------------------------------------------------------------------------- main


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
        app = s.app_cmd
        try:
            sandbox = start_sandbox(procs, s.sandbox_cmd, s.ready_timeout)
            say(f"sandbox at {sandbox.url}")
        except BenchError as exc:
            errors[APP] = errors[APP_POLL10] = str(exc)
            say(f"  ! {exc}")
        token_env = {TOKEN_VAR: sandbox.token} if sandbox else {}
        if sandbox is not None:
            url = sandbox.url
            start_variants.append(app_variant(APP, app, url, token_env))
            for name, extra in (
                (APP, ()),
                (APP_POLL10, ("--poll-interval", f"{s.probe_interval:g}")),
            ):
                proxy = CountingProxy(sandbox.host, sandbox.port)
                proxies[name] = proxy
                proxy_url = f"http://127.0.0.1:{proxy.start()}"
                idle_variants.append(app_variant(name, app, proxy_url, token_env, *extra))
        start_variants.append(
            Variant(APP_DEMO, lambda p: [*app, "--demo", "--profile", str(p.profile())])
        )

    say(f"start to ready: {s.runs} runs of {', '.join(v.name for v in start_variants)}")
    res["start_to_ready"] = measure_start(procs, start_variants, s)
    total = s.cpu_warmup + s.cpu_window
    say(
        f"idle side by side for {max(total, s.mem_after):g} s: {', '.join(v.name for v in idle_variants)}"
    )
    res["idle"] = measure_idle(procs, idle_variants, s, proxies)
    for name, msg in errors.items():
        if name in (APP, APP_DEMO):
            res["start_to_ready"].setdefault(name, {"error": msg})
        if name in (APP, APP_POLL10):
            res["idle"].setdefault(name, {"error": msg})
    if sandbox is not None:
        procs.stop(sandbox.proc)
    res["table"] = build_table(res)
    return res


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
