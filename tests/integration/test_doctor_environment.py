"""`startpunt doctor` warns when another installed distribution owns one of Startpunt's names."""

from __future__ import annotations

from pathlib import Path

import pytest

from sandbox.server import SandboxServer
from tests.doctor_run import doctor
from tests.fakes.distributions import write_dist_info


def test_a_clashing_distribution_is_a_warning_that_does_not_fail_the_checks(
    sandbox: SandboxServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    write_dist_info(tmp_path, "oldtool", "2.3", record=["resources/__init__.py", "ui.py"])
    monkeypatch.syspath_prepend(str(tmp_path))
    code, report = doctor(sandbox.base_url, token=sandbox.demo_token)
    assert code == 0, report
    lines = report.splitlines()
    assert lines[0].startswith("[warn] python   oldtool 2.3 is installed in the same Python")
    assert "also owns resources, ui;" in lines[0]
    assert "pipx install" in lines[0]
    assert sum(line.startswith("[warn]") for line in lines) == 1
    assert lines[-1] == "All checks passed."


def test_an_environment_of_its_own_gets_no_warning(sandbox: SandboxServer):
    code, report = doctor(sandbox.base_url, token=sandbox.demo_token)
    assert code == 0, report
    assert "[warn]" not in report
