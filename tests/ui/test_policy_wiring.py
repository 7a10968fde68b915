"""The app as `startpunt` builds it runs on the effective settings: IT's policy applied, a
broken policy told once while the user's own settings stay as they were."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest

from desktop.app import _intranet, show_start_problems, shut_down
from desktop.cli import RunOptions, parse
from desktop.composition import build
from desktop.effective_settings import load_effective, settings_path
from desktop.paths import Paths
from services.models import Alert
from services.policy import POLICY_ENV

INTRANET = "https://intranet.example.org"


class FakeNotifier:
    supports_buttons = True

    def __init__(self) -> None:
        self.shown: list[Alert] = []

    async def show(self, alert: Alert) -> str | None:
        self.shown.append(alert)
        return str(len(self.shown))

    async def close(self) -> None:
        pass

    async def withdraw_all(self) -> None:
        pass


@pytest.fixture
def profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Paths:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    paths = Paths.resolve(tmp_path / "profile")
    paths.ensure()
    user = {"schema_version": 3, "leaders": ["Me"], "thanks_text": "Top!"}
    settings_path(paths).write_text(json.dumps(user))
    return paths


def _policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    path = tmp_path / "policy.json"
    path.write_text(text)
    monkeypatch.setenv(POLICY_ENV, str(path))


def _options(*argv: str) -> RunOptions:
    options = parse(list(argv))
    assert isinstance(options, RunOptions)
    return options


def _run_start(parts, notifier: FakeNotifier) -> None:
    async def go() -> None:
        parts.controller.set_notifier(notifier)
        show_start_problems(parts)
        deadline = time.monotonic() + 10
        while not notifier.shown and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        await asyncio.sleep(0)  # a second alert would be queued by now
        await shut_down(parts)

    asyncio.run(go())


def test_the_app_runs_on_the_effective_settings(qtbot, tmp_path, monkeypatch, profile) -> None:
    policy = {
        "policy_version": 1,
        "locked": {"leaders": ["Directie"]},
        "defaults": {"guidelines_url": f"{INTRANET}/richtlijnen"},
    }
    _policy(tmp_path, monkeypatch, json.dumps(policy))
    parts = build(profile, "http://127.0.0.1:9", "t0ken", poll_interval=None, demo=False)
    assert parts.settings.leaders == ("Directie",)
    assert parts.settings.guidelines_url == f"{INTRANET}/richtlijnen"
    assert parts.settings.thanks_text == "Top!"
    assert parts.effective.is_locked("leaders")
    notifier = FakeNotifier()
    _run_start(parts, notifier)
    assert notifier.shown == []  # a good policy is not announced


def test_a_broken_policy_is_told_once_and_loses_nothing(qtbot, tmp_path, monkeypatch, profile):
    before = settings_path(profile).read_bytes()
    _policy(tmp_path, monkeypatch, '{"policy_version": 1, "locked": {"leaders": "Directie"}')
    parts = build(profile, "http://127.0.0.1:9", "t0ken", poll_interval=None, demo=False)
    assert parts.effective.policy.problem.startswith("not valid JSON")
    assert parts.settings.leaders == ("Me",)
    assert parts.settings.thanks_text == "Top!"
    notifier = FakeNotifier()
    _run_start(parts, notifier)
    assert [a.key for a in notifier.shown] == ["policy"]
    assert "IT department" in notifier.shown[0].body
    assert settings_path(profile).read_bytes() == before


def test_the_intranet_address_comes_from_the_command_line_or_the_settings(
    tmp_path, monkeypatch, profile, capsys
) -> None:
    settings_path(profile).write_text(json.dumps({"schema_version": 3, "intranet_url": INTRANET}))
    effective, _ = load_effective(profile)
    assert _intranet(_options("--demo"), effective) == ""
    from_cli = _options("--intranet", "https://other.example.org", "--token-env", "T")
    assert _intranet(from_cli, effective) == "https://other.example.org"
    without = _options("post")
    assert _intranet(without, effective) == INTRANET
    _policy(tmp_path, monkeypatch, json.dumps({"locked": {"intranet_url": "intra.example.net"}}))
    locked, _ = load_effective(profile)
    assert _intranet(without, locked) == "https://intra.example.net"
    assert _intranet(from_cli, locked) is None
    assert capsys.readouterr().err == (
        "startpunt: your organisation set the intranet address to https://intra.example.net\n"
    )
