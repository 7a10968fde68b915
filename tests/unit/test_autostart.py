"""Autostart at login: the exact entry per OS (Linux for real, Windows and macOS on fakes)."""

from __future__ import annotations

import plistlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.autostart import (
    AGENT_LABEL,
    RUN_KEY,
    LaunchAgentAutostart,
    RunKeyAutostart,
    XdgAutostart,
    desktop_entry,
    exec_value,
    for_this_system,
    launch_command,
)

ODD_ARGS = [
    "/opt/Start punt/bin/startpunt",
    "--profile",
    '/home/jan/"100%" $HOME `x` back\\slash & co; (1) #2 it\'s',
]


class FakeRegistry:
    """The current user's Run key as a dict of string values."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def read(self, name: str) -> str | None:
        return self.values.get(name)

    def write(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


def _parse_exec(value: str) -> list[str]:
    """Read an Exec value back as the desktop entry spec says: string escapes, then %%, then
    the quoting (inside double quotes a backslash escapes " ` $ and itself)."""
    text = value.replace("\\\\", "\0").replace("\\n", "\n").replace("\\t", "\t")
    text = text.replace("\0", "\\").replace("%%", "%")
    words: list[str] = []
    index = 0
    while index < len(text):
        if text[index] == " ":
            index += 1
            continue
        if text[index] != '"':
            end = text.find(" ", index)
            end = len(text) if end < 0 else end
            words.append(text[index:end])
            index = end
            continue
        word, index = "", index + 1
        while text[index] != '"':
            if text[index] == "\\" and text[index + 1] in '"`$\\':
                index += 1
            word += text[index]
            index += 1
        words.append(word)
        index += 1
    return words


def test_linux_entry_is_exact(tmp_path) -> None:
    config = tmp_path / "xdg-config"
    autostart = for_this_system(
        platform="linux", env={"XDG_CONFIG_HOME": str(config)}, home=tmp_path
    )
    assert not autostart.is_on()
    autostart.turn_on(["/usr/local/bin/startpunt"])
    path = config / "autostart" / "startpunt.desktop"
    assert autostart.where == str(path)
    assert path.read_text() == (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Version=1.0\n"
        "Name=Startpunt\n"
        "Comment=Your intranet in the system tray\n"
        "TryExec=/usr/local/bin/startpunt\n"
        "Exec=/usr/local/bin/startpunt\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )
    assert autostart.is_on()
    autostart.turn_off()
    assert not path.exists()
    assert not autostart.is_on()
    autostart.turn_off()  # twice is fine


def test_linux_without_xdg_config_home_uses_dot_config(tmp_path) -> None:
    autostart = for_this_system(platform="linux", env={"XDG_CONFIG_HOME": "rel"}, home=tmp_path)
    assert autostart.where == str(tmp_path / ".config" / "autostart" / "startpunt.desktop")


def test_exec_quoting_follows_the_desktop_entry_spec() -> None:
    assert (
        exec_value(["/usr/bin/startpunt", "--profile", "/p"]) == "/usr/bin/startpunt --profile /p"
    )
    assert exec_value(["/a b/startpunt"]) == '"/a b/startpunt"'
    assert exec_value(["/x", "100%"]) == "/x 100%%"
    assert exec_value(["/x", 'say "hi" $HOME']) == r'/x "say \\"hi\\" \\$HOME"'
    assert exec_value(["/x", "a\\b"]) == r'/x "a\\\\b"'
    assert exec_value(["/x", ""]) == '/x ""'
    assert _parse_exec(exec_value(ODD_ARGS)) == ODD_ARGS


def test_the_entry_is_valid_for_desktop_file_validate(tmp_path) -> None:
    validate = shutil.which("desktop-file-validate")
    assert validate, "desktop-file-validate missing: install desktop-file-utils (make system-deps)"
    for command in (["/usr/local/bin/startpunt"], ODD_ARGS, [sys.executable, "-m", "desktop"]):
        path = tmp_path / "startpunt.desktop"
        path.write_text(desktop_entry(command))
        result = subprocess.run([validate, str(path)], capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stdout + result.stderr == ""  # not even a hint


def test_linux_respects_the_desktops_own_switch(tmp_path) -> None:
    autostart = XdgAutostart(tmp_path)
    autostart.turn_on(["/usr/bin/startpunt"])
    text = autostart.path.read_text()
    autostart.path.write_text(text.replace("enabled=true", "enabled=false"))
    assert not autostart.is_on()
    autostart.path.write_text(text + "Hidden=true\n")
    assert not autostart.is_on()


def test_windows_run_key_holds_the_exact_command_line() -> None:
    registry = FakeRegistry()
    autostart = for_this_system(
        platform="win32", env={}, home=Path("C:/Users/jan"), registry=registry
    )
    assert isinstance(autostart, RunKeyAutostart)
    assert autostart.where == rf"HKEY_CURRENT_USER\{RUN_KEY}\Startpunt"
    assert RUN_KEY == r"Software\Microsoft\Windows\CurrentVersion\Run"
    assert not autostart.is_on()
    command = [r"C:\Program Files\Startpunt\pythonw.exe", "-m", "desktop", "--profile", r"D:\p q"]
    autostart.turn_on(command)
    assert registry.values == {
        "Startpunt": r'"C:\Program Files\Startpunt\pythonw.exe" -m desktop --profile "D:\p q"'
    }
    assert autostart.is_on()
    autostart.turn_off()
    assert registry.values == {}
    assert not autostart.is_on()


def test_winreg_is_not_imported_here() -> None:
    assert "winreg" not in sys.modules


def test_macos_launch_agent_is_exact(tmp_path) -> None:
    autostart = for_this_system(platform="darwin", env={}, home=tmp_path)
    assert isinstance(autostart, LaunchAgentAutostart)
    path = tmp_path / "Library" / "LaunchAgents" / f"{AGENT_LABEL}.plist"
    assert path.name == "org.startpunt.startpunt.plist"
    assert autostart.where == str(path)
    assert not autostart.is_on()
    autostart.turn_on(["/Applications/Startpunt.app/Contents/MacOS/startpunt"])
    assert plistlib.loads(path.read_bytes()) == {
        "Label": "org.startpunt.startpunt",
        "ProgramArguments": ["/Applications/Startpunt.app/Contents/MacOS/startpunt"],
        "RunAtLoad": True,
        "LimitLoadToSessionType": "Aqua",
        "ProcessType": "Interactive",
    }
    assert path.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist')
    assert autostart.is_on()
    autostart.turn_off()
    assert not path.exists()


def test_macos_a_disabled_or_broken_agent_is_off(tmp_path) -> None:
    autostart = LaunchAgentAutostart(tmp_path)
    autostart.turn_on(["/x"])
    agent = plistlib.loads(autostart.path.read_bytes())
    autostart.path.write_bytes(plistlib.dumps({**agent, "Disabled": True}))
    assert not autostart.is_on()
    autostart.path.write_bytes(b"not a plist")
    assert not autostart.is_on()


@pytest.mark.parametrize("platform", ["linux", "darwin"])
def test_launch_command_prefers_the_installed_launcher(tmp_path, platform) -> None:
    bin_dir = tmp_path / "venv" / "bin"
    bin_dir.mkdir(parents=True)
    python = bin_dir / "python3"
    python.write_text("")
    kwargs = {"platform": platform, "argv0": "-c", "executable": str(python)}
    assert launch_command(None, **kwargs) == [str(python), "-m", "desktop"]
    (bin_dir / "startpunt").write_text("")
    assert launch_command(tmp_path / "prof", **kwargs) == [
        str(bin_dir / "startpunt"),
        "--profile",
        str(tmp_path / "prof"),
    ]
    ran = tmp_path / "elsewhere" / "startpunt"
    ran.parent.mkdir()
    ran.write_text("")
    assert launch_command(None, **{**kwargs, "argv0": str(ran)}) == [str(ran)]


def test_launch_command_on_windows_uses_pythonw(tmp_path) -> None:
    (tmp_path / "pythonw.exe").write_text("")
    (tmp_path / "startpunt.exe").write_text("")
    command = launch_command(
        None, platform="win32", argv0="startpunt", executable=str(tmp_path / "python.exe")
    )
    assert command == [str(tmp_path / "pythonw.exe"), "-m", "desktop"]
