"""What the benchmarks tell: progress lines on stderr, the comparison table, the final report.

Reads result dictionaries only; measures nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import platform
import re
import subprocess
import sys
from typing import Any

from benchmarks.bundle import BUNDLE, BUNDLE_DEMO
from benchmarks.options import HERE
from benchmarks.text_conversion import report_lines as text_report_lines
from benchmarks.variants import APP, APP_DEMO, APP_POLL10, BARE, BARE_HQ, BARE_PROBE


def say(text: str) -> None:
    """One progress line, on stderr (stdout is the report)."""
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
_Row = tuple[str, _Ref | None, _Ref, str]  # (figure, floor, app, budget)


def _start_rows(st: dict[str, Any]) -> list[_Row]:
    return [
        ("start to ready, median [s]", (st, BARE, "median_s"), (st, APP, "median_s"), "<= 1.3x"),
        ("start to ready, p90 [s]", (st, BARE, "p90_s"), (st, APP, "p90_s"), "<= 1.3x"),
        ("  same, vs bare+httpx+qasync", (st, BARE_HQ, "median_s"), (st, APP, "median_s"), ""),
        (
            "  same, vs that + the first probe",
            (st, BARE_PROBE, "median_s"),
            (st, APP, "median_s"),
            "",
        ),
        (
            "start to ready, median, --demo [s]",
            (st, BARE, "median_s"),
            (st, APP_DEMO, "median_s"),
            "",
        ),
        # the Linux bundle (app column) against the venv install (floor column)
        ("bundle vs venv, median [s]", (st, APP, "median_s"), (st, BUNDLE, "median_s"), ""),
        ("bundle vs venv, p90 [s]", (st, APP, "p90_s"), (st, BUNDLE, "p90_s"), ""),
        (
            "bundle vs venv, median, --demo [s]",
            (st, APP_DEMO, "median_s"),
            (st, BUNDLE_DEMO, "median_s"),
            "",
        ),
    ]


def _idle_rows(idle: dict[str, Any], settings: dict[str, Any]) -> list[_Row]:
    cpu_win = settings["cpu_window"]
    mem_after = settings["mem_after"]
    poll = settings["probe_interval"]
    return [
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


def build_table(res: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per figure: floor and app value, their ratio and the budget (DESIGN.md §6)."""
    rows = _start_rows(res["start_to_ready"]) + _idle_rows(res["idle"], res["settings"])
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
    for name in (BARE, BARE_HQ, BARE_PROBE, APP, APP_DEMO, APP_POLL10, BUNDLE, BUNDLE_DEMO):
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
    if "text" in res:
        print()
        print("\n".join(text_report_lines(res["text"])))
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
