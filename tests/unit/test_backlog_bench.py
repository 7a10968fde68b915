"""A quick run of ``benchmarks.backlog`` with small numbers, so the benchmark cannot rot."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("where", [[], ["--sandbox-process"]], ids=["in-process", "beside"])
def test_a_small_backlog_run_writes_every_figure(tmp_path: Path, where: list[str]) -> None:
    out = tmp_path / "backlog.json"
    argv = ["--count", "400", "--burst", "20", "--bursts", "4", "--out", str(out), *where]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.backlog", *argv],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "longest UI stall" in done.stdout
    res = json.loads(out.read_text())
    catch_up = res["catch_up"]
    assert catch_up["flood"]["created"] == 400
    assert catch_up["unread"] >= 400
    assert catch_up["bounded"] is True
    assert 0 < catch_up["fetched"] <= 200  # the poller's CATCH_UP_LIMIT
    assert catch_up["summaries"] == 1
    assert catch_up["alerts"] <= 3  # the summary, and the newest mentions first
    assert catch_up["ticks"] > 0
    assert catch_up["stall_ms"] >= 0
    assert catch_up["memory_after"]["rss_mib"] > 0
    assert res["one_burst"]["bursts"] == 1
    assert res["spread"]["bursts"] == 4
    assert res["spread"]["per_burst"] == 5
    assert res["spread"]["alerts"] >= 1
    assert res["meta"]["qpa"] == "offscreen"
