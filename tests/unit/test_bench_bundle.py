"""The bundle variants of `make bench`: present only when the bundle is built, and reported
against the venv install of the same run."""

from __future__ import annotations

from benchmarks.bundle import BUNDLE, BUNDLE_DEMO, bundle_variants
from benchmarks.processes import Procs
from benchmarks.report import build_table
from benchmarks.variants import APP, APP_DEMO, TOKEN_VAR


def test_no_bundle_no_variants(tmp_path):
    assert bundle_variants("http://127.0.0.1:1", {}, exe=tmp_path / "startpunt") == []


def test_bundle_runs_like_the_app_against_the_sandbox_and_with_demo(tmp_path):
    exe = tmp_path / "startpunt"
    exe.write_text("#!/bin/sh\n")
    env = {TOKEN_VAR: "t"}
    daily, demo = bundle_variants("http://127.0.0.1:9", env, exe=exe)
    procs = Procs({}, tmp_path)
    assert daily.name == BUNDLE
    assert daily.env == env
    first, second = daily.argv(procs), daily.argv(procs)
    assert first == second  # one profile for every start, like `app`
    assert first[:3] == [str(exe), "--intranet", "http://127.0.0.1:9"]
    assert demo.name == BUNDLE_DEMO
    assert demo.argv(procs)[:2] == [str(exe), "--demo"]
    assert demo.argv(procs) != demo.argv(procs)  # a fresh profile each start
    (only_demo,) = bundle_variants(None, env, exe=exe)  # no sandbox: --demo still runs
    assert only_demo.name == BUNDLE_DEMO


def test_report_sets_the_bundle_against_the_venv_install():
    start = {
        APP: {"median_s": 0.6, "p90_s": 0.8},
        BUNDLE: {"median_s": 0.3, "p90_s": 0.4},
        APP_DEMO: {"median_s": 1.0},
        BUNDLE_DEMO: {"median_s": 0.5},
    }
    settings = {"cpu_window": 60, "mem_after": 30, "probe_interval": 10}
    rows = {
        r["figure"]: r
        for r in build_table({"start_to_ready": start, "idle": {}, "settings": settings})
    }
    median = rows["bundle vs venv, median [s]"]
    assert (median["floor_variant"], median["app_variant"]) == (APP, BUNDLE)
    assert median["ratio"] == 0.5
    assert rows["bundle vs venv, p90 [s]"]["ratio"] == 0.5
    assert rows["bundle vs venv, median, --demo [s]"]["ratio"] == 0.5
