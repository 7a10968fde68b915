"""Autostart from the installed bundles: the command a Windows or macOS build registers, and
that it agrees with what the installers write (packaging/windows/startpunt.iss)."""

from __future__ import annotations

import plistlib
import subprocess
from pathlib import Path

from desktop.autostart import (
    AGENT_LABEL,
    RUN_VALUE,
    LaunchAgentAutostart,
    RunKeyAutostart,
    for_this_system,
    launch_command,
)
from tests.unit.test_autostart import FakeRegistry


def _bundle(folder: Path, *names: str) -> None:
    folder.mkdir(parents=True)
    for name in names:
        (folder / name).write_text("")


def test_windows_bundle_registers_the_windowed_exe(tmp_path: Path) -> None:
    app = tmp_path / "Programs" / "Startpunt"
    _bundle(app, "startpunt.exe", "startpunt-cli.exe")
    tray = str(app / "startpunt.exe")
    assert launch_command(None, platform="win32", argv0=tray, executable=tray) == [tray]
    # `startpunt-cli autostart on` in a terminal still registers the windowed exe: no console
    # window at every login
    cli = str(app / "startpunt-cli.exe")
    assert launch_command(None, platform="win32", argv0=cli, executable=cli) == [tray]


def test_windows_run_value_of_the_installer_counts_as_on() -> None:
    registry = FakeRegistry()
    autostart = for_this_system(
        platform="win32", env={}, home=Path("C:/Users/jan"), registry=registry
    )
    assert isinstance(autostart, RunKeyAutostart)
    # what the installer's "Start Startpunt when I sign in" task writes
    registry.write(RUN_VALUE, r'"C:\Users\jan\AppData\Local\Programs\Startpunt\startpunt.exe"')
    assert autostart.is_on()
    autostart.turn_on([r"C:\Users\jan\AppData\Local\Programs\Startpunt\startpunt.exe"])
    written = registry.read(RUN_VALUE)
    assert written == r"C:\Users\jan\AppData\Local\Programs\Startpunt\startpunt.exe"
    autostart.turn_on([r"C:\Program Files\Startpunt\startpunt.exe"])
    assert registry.read(RUN_VALUE) == subprocess.list2cmdline(
        [r"C:\Program Files\Startpunt\startpunt.exe"]
    )


def test_macos_app_bundle_registers_its_executable(tmp_path: Path) -> None:
    macos = tmp_path / "Applications" / "Startpunt.app" / "Contents" / "MacOS"
    _bundle(macos, "startpunt")
    exe = str(macos / "startpunt")
    command = launch_command(None, platform="darwin", argv0=exe, executable=exe)
    assert command == [exe]
    autostart = for_this_system(platform="darwin", env={}, home=tmp_path)
    assert isinstance(autostart, LaunchAgentAutostart)
    autostart.turn_on(command)
    agent = plistlib.loads(autostart.path.read_bytes())
    assert agent["ProgramArguments"] == [exe]
    assert agent["Label"] == AGENT_LABEL == "org.startpunt.startpunt"
