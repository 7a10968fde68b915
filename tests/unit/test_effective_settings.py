"""The settings in effect for a profile, and autostart kept equal to the real entry."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from desktop.autostart import XdgAutostart
from desktop.effective_settings import (
    load_effective,
    reconcile_autostart,
    settings_path,
    switch_autostart,
)
from desktop.paths import Paths
from services.policy import POLICY_ENV
from services.settings import FIRST_START_NAMES
from tests.unit.test_autostart import _parse_exec

ROOT = Path(__file__).resolve().parents[2]
COMMAND = ["/usr/local/bin/startpunt"]


def _policy(tmp_path: Path, **parts: object) -> dict[str, str]:
    path = tmp_path / "policy.json"
    path.write_text(json.dumps({"policy_version": 1, **parts}))
    return {POLICY_ENV: str(path)}


def _start(tmp_path: Path, env: dict[str, str], autostart: XdgAutostart):
    paths = Paths.resolve(tmp_path / "profile")
    paths.ensure()
    effective, first = load_effective(paths, platform="linux", env=env)
    path = settings_path(paths)
    return reconcile_autostart(autostart, effective, path, COMMAND, first_start=first), path


def test_first_start_writes_only_what_it_cannot_get_from_it(tmp_path) -> None:
    env = _policy(tmp_path, defaults={"guidelines_url": "https://intranet.example.org/g"})
    paths = Paths.resolve(tmp_path / "profile")
    effective, first = load_effective(paths, platform="linux", env=env)
    assert first
    written = json.loads(settings_path(paths).read_text())
    assert set(written) == FIRST_START_NAMES | {"schema_version"}
    assert "guidelines_url" not in written
    assert effective.settings.guidelines_url == "https://intranet.example.org/g"
    again, first = load_effective(paths, platform="linux", env=env)
    assert not first
    assert again.settings == effective.settings


def test_policy_default_turns_autostart_on_at_first_start_only(tmp_path) -> None:
    env = _policy(tmp_path, defaults={"autostart": True})
    autostart = XdgAutostart(tmp_path / "autostart")
    effective, path = _start(tmp_path, env, autostart)
    assert autostart.is_on()
    assert effective.settings.autostart is True
    assert "Exec=/usr/local/bin/startpunt\n" in autostart.path.read_text()
    autostart.turn_off()  # the user switched it off in the desktop's own settings
    effective, path = _start(tmp_path, env, autostart)
    assert not autostart.is_on()  # not turned on again
    assert effective.settings.autostart is False  # the setting mirrors the entry
    assert json.loads(path.read_text())["autostart"] is False


def test_without_policy_the_app_never_turns_autostart_on_but_mirrors_it(tmp_path) -> None:
    autostart = XdgAutostart(tmp_path / "autostart")
    effective, path = _start(tmp_path, {}, autostart)
    assert not autostart.is_on()
    assert effective.settings.autostart is False
    autostart.turn_on(COMMAND)  # turned on elsewhere (the CLI, by hand)
    effective, path = _start(tmp_path, {}, autostart)
    assert effective.settings.autostart is True
    assert json.loads(path.read_text())["autostart"] is True


@pytest.mark.parametrize("locked", [True, False])
def test_a_locked_autostart_is_enforced_at_every_start(tmp_path, locked) -> None:
    env = _policy(tmp_path, locked={"autostart": locked})
    autostart = XdgAutostart(tmp_path / "autostart")
    if not locked:
        autostart.turn_on(COMMAND)
    _start(tmp_path, env, autostart)
    assert autostart.is_on() is locked
    (autostart.turn_off if locked else lambda: autostart.turn_on(COMMAND))()
    effective, path = _start(tmp_path, env, autostart)
    assert autostart.is_on() is locked
    assert effective.is_locked("autostart")
    problem = switch_autostart(autostart, effective, path, COMMAND, on=not locked)
    assert problem == f"start at login is set {'on' if locked else 'off'} by your organisation"
    assert autostart.is_on() is locked
    assert "autostart" not in json.loads(path.read_text())


class BrokenAutostart(XdgAutostart):
    def turn_on(self, command: Sequence[str]) -> None:
        raise PermissionError(13, "Permission denied")


def test_an_unwritable_autostart_folder_is_logged_not_fatal(tmp_path, caplog) -> None:
    env = _policy(tmp_path, locked={"autostart": True})
    autostart = BrokenAutostart(tmp_path / "autostart")
    with caplog.at_level(logging.WARNING):
        effective, _ = _start(tmp_path, env, autostart)
    assert "Could not turn autostart on (" in caplog.text
    assert effective.settings.autostart is True  # what IT asked; the log says it failed
    problem = switch_autostart(autostart, effective, tmp_path / "s.json", COMMAND, on=True)
    assert problem is not None
    assert problem.startswith("could not change")


def _cli(tmp_path: Path, *args: str, policy: dict[str, str] | None = None, profile: str = "p"):
    env = {
        **os.environ,
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg"),
        POLICY_ENV: str(tmp_path / "no-policy.json"),
        **(policy or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "desktop", "autostart", *args, "--profile", str(tmp_path / profile)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
        timeout=60,
    )


@pytest.mark.parametrize("profile", ["p", "my 'profile' $HOME 100%"])
def test_the_autostart_command_for_real(tmp_path, profile) -> None:
    entry = tmp_path / "xdg" / "autostart" / "startpunt.desktop"
    on = _cli(tmp_path, "on", profile=profile)
    assert on.returncode == 0, on.stderr
    assert on.stdout == f"Start at login: on ({entry})\n"
    exec_line = next(line for line in entry.read_text().splitlines() if line.startswith("Exec="))
    launcher = Path(sys.executable).parent / "startpunt"  # the installed one, next to Python
    assert launcher.is_file()
    words = _parse_exec(exec_line.removeprefix("Exec="))
    assert words == [str(launcher.absolute()), "--profile", str(tmp_path / profile)]
    validate = shutil.which("desktop-file-validate")
    assert validate, "desktop-file-validate missing: install desktop-file-utils"
    checked = subprocess.run([validate, str(entry)], capture_output=True, text=True, check=False)
    assert (checked.returncode, checked.stdout, checked.stderr) == (0, "", "")
    settings = json.loads((tmp_path / profile / "config" / "settings.json").read_text())
    assert settings["autostart"] is True
    # The command a desktop session will run, read back as the spec says, really starts us.
    started = subprocess.run(
        [*_parse_exec(exec_line.removeprefix("Exec=")), "--version"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert started.stdout.startswith("startpunt "), started.stderr
    assert _cli(tmp_path, "status", profile=profile).stdout == f"Start at login: on ({entry})\n"
    off = _cli(tmp_path, "off", profile=profile)
    assert off.stdout == f"Start at login: off ({entry})\n"
    assert not entry.exists()
    settings = json.loads((tmp_path / profile / "config" / "settings.json").read_text())
    assert settings["autostart"] is False


def test_the_autostart_command_refuses_against_a_lock(tmp_path) -> None:
    policy = _policy(tmp_path, locked={"autostart": False})
    refused = _cli(tmp_path, "on", policy=policy)
    assert refused.returncode == 1
    assert refused.stderr == "startpunt: start at login is set off by your organisation\n"
    status = _cli(tmp_path, "status", policy=policy)
    entry = tmp_path / "xdg" / "autostart" / "startpunt.desktop"
    assert status.stdout == f"Start at login: off (set by your organisation) ({entry})\n"
