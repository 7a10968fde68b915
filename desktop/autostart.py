"""Start Startpunt at login: an XDG autostart entry (Linux and other free desktops), the
HKCU `Run` key (Windows), a LaunchAgent (macOS).

No Qt. The entry the OS reads is the truth; the `autostart` setting mirrors it
(`desktop.autostart_setting`). Each place is written whole and atomically; `winreg` is
imported only on Windows (behind the small `Registry` protocol the tests fake).
"""

from __future__ import annotations

import logging
import os
import plistlib
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

from services.settings_file import write_atomically

logger = logging.getLogger(__name__)

ENTRY_NAME = "startpunt.desktop"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "Startpunt"
AGENT_LABEL = "org.startpunt.startpunt"
# Characters that make the desktop entry spec require a quoted argument in Exec=.
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPED_IN_QUOTES = frozenset('"`$\\')


class Autostart(Protocol):
    """One OS's way of starting a program at login."""

    @property
    def where(self) -> str:
        """The file or registry value, for the user and the log."""
        ...

    def is_on(self) -> bool:
        """Whether the OS will start Startpunt at the next login."""
        ...

    def turn_on(self, command: Sequence[str]) -> None:
        """Start `command` at login (raises OSError)."""
        ...

    def turn_off(self) -> None:
        """Do not start Startpunt at login any more (raises OSError)."""
        ...


def launch_command(
    profile: Path | None,
    *,
    platform: str = sys.platform,
    argv0: str = sys.argv[0],
    executable: str = sys.executable,
) -> list[str]:
    """The command that starts this installation: its `startpunt` launcher, else `-m desktop`."""
    folder = Path(executable).parent
    if platform == "win32":  # pythonw: no console window at every login
        windowless = folder / "pythonw.exe"
        base = [str(windowless), "-m", "desktop"] if windowless.is_file() else []
    else:
        base = []
    ran = Path(argv0)
    if not base and ran.name in {"startpunt", "startpunt.exe"} and ran.is_file():
        base = [str(ran.resolve())]
    installed = folder / ("startpunt.exe" if platform == "win32" else "startpunt")
    if not base and installed.is_file():
        base = [str(installed.absolute())]
    if not base:
        base = [str(Path(executable).absolute()), "-m", "desktop"]
    if profile is not None:
        base += ["--profile", str(profile.absolute())]
    return base


def for_this_system(
    *,
    platform: str = sys.platform,
    env: Mapping[str, str] | None = None,
    home: Path | None = None,
    registry: Registry | None = None,
) -> Autostart:
    """The autostart place of this OS."""
    env = os.environ if env is None else env
    home = Path.home() if home is None else home
    if platform == "win32":
        return RunKeyAutostart(registry if registry is not None else WindowsRunKey())
    if platform == "darwin":
        return LaunchAgentAutostart(home / "Library" / "LaunchAgents")
    configured = env.get("XDG_CONFIG_HOME", "")
    config_home = Path(configured) if configured.startswith("/") else home / ".config"
    return XdgAutostart(config_home / "autostart")


# -- Linux and other free desktops: an XDG autostart desktop entry --------------------------


def exec_value(command: Sequence[str]) -> str:
    """`command` as the value of a desktop entry's Exec key (quoting, then string escapes)."""
    words = []
    for arg in command:
        if arg and not _RESERVED & set(arg):
            word = arg
        else:
            inner = "".join("\\" + c if c in _ESCAPED_IN_QUOTES else c for c in arg)
            word = f'"{inner}"'
        words.append(word.replace("%", "%%"))
    return _string_value(" ".join(words))


def _string_value(text: str) -> str:
    escaped = text.replace("\\", "\\\\")
    return escaped.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def desktop_entry(command: Sequence[str]) -> str:
    """The whole autostart entry."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Version=1.0\n"
        "Name=Startpunt\n"
        "Comment=Your intranet in the system tray\n"
        f"TryExec={_string_value(command[0])}\n"
        f"Exec={exec_value(command)}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


class XdgAutostart:
    """`$XDG_CONFIG_HOME/autostart/startpunt.desktop` (freedesktop Desktop Application
    Autostart spec; honoured by GNOME, KDE, Xfce, Cinnamon, MATE, LXQt)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / ENTRY_NAME

    @property
    def where(self) -> str:
        return str(self.path)

    def is_on(self) -> bool:
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return False
        except (OSError, UnicodeDecodeError) as exc:
            logger.warning("Autostart entry %s unreadable: %s", self.path, exc)
            return False
        keys = {line.partition("=")[0].strip(): line.partition("=")[2].strip() for line in lines}
        # The desktop's own "start at login" switch writes one of these.
        return keys.get("Hidden") != "true" and keys.get("X-GNOME-Autostart-enabled") != "false"

    def turn_on(self, command: Sequence[str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(self.path, desktop_entry(command).encode("utf-8"))
        logger.info("Autostart on: %s", self.path)

    def turn_off(self) -> None:
        self.path.unlink(missing_ok=True)
        logger.info("Autostart off: removed %s", self.path)


# -- Windows: HKCU\Software\Microsoft\Windows\CurrentVersion\Run -----------------------------


class Registry(Protocol):
    """The string values of the current user's Run key."""

    def read(self, name: str) -> str | None: ...

    def write(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


class WindowsRunKey:
    """The real Run key of the current user (Windows only)."""

    def read(self, name: str) -> str | None:
        if sys.platform == "win32":
            import winreg

            try:
                with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                    value, kind = winreg.QueryValueEx(key, name)
            except FileNotFoundError:
                return None
            return value if kind in (winreg.REG_SZ, winreg.REG_EXPAND_SZ) else None
        raise OSError("the Windows registry exists only on Windows")

    def write(self, name: str, value: str) -> None:
        if sys.platform == "win32":
            import winreg

            with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)
            return
        raise OSError("the Windows registry exists only on Windows")

    def delete(self, name: str) -> None:
        if sys.platform == "win32":
            import winreg

            try:
                with winreg.OpenKey(
                    winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE
                ) as k:
                    winreg.DeleteValue(k, name)
            except FileNotFoundError:
                pass
            return
        raise OSError("the Windows registry exists only on Windows")


class RunKeyAutostart:
    """The value `Startpunt` in the current user's Run key: a command line."""

    def __init__(self, registry: Registry) -> None:
        self._registry = registry

    @property
    def where(self) -> str:
        return rf"HKEY_CURRENT_USER\{RUN_KEY}\{RUN_VALUE}"

    def is_on(self) -> bool:
        return bool(self._registry.read(RUN_VALUE))

    def turn_on(self, command: Sequence[str]) -> None:
        self._registry.write(RUN_VALUE, subprocess.list2cmdline(list(command)))
        logger.info("Autostart on: %s", self.where)

    def turn_off(self) -> None:
        self._registry.delete(RUN_VALUE)
        logger.info("Autostart off: removed %s", self.where)


# -- macOS: ~/Library/LaunchAgents/<label>.plist with RunAtLoad --------------------------------


def launch_agent(command: Sequence[str]) -> bytes:
    """The whole LaunchAgent property list."""
    agent = {
        "Label": AGENT_LABEL,
        "ProgramArguments": list(command),
        "RunAtLoad": True,
        "LimitLoadToSessionType": "Aqua",  # the graphical login only, not ssh sessions
        "ProcessType": "Interactive",
    }
    return plistlib.dumps(agent, fmt=plistlib.FMT_XML, sort_keys=True)


class LaunchAgentAutostart:
    """`~/Library/LaunchAgents/org.startpunt.startpunt.plist`, loaded by launchd at login."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / f"{AGENT_LABEL}.plist"

    @property
    def where(self) -> str:
        return str(self.path)

    def is_on(self) -> bool:
        try:
            agent = plistlib.loads(self.path.read_bytes())
        except FileNotFoundError:
            return False
        except (OSError, ValueError, plistlib.InvalidFileException) as exc:
            logger.warning("LaunchAgent %s unreadable: %s", self.path, exc)
            return False
        return (
            isinstance(agent, dict)
            and agent.get("RunAtLoad") is True
            and not agent.get("Disabled", False)
        )

    def turn_on(self, command: Sequence[str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(self.path, launch_agent(command))
        logger.info("Autostart on: %s", self.path)

    def turn_off(self) -> None:
        self.path.unlink(missing_ok=True)
        logger.info("Autostart off: removed %s", self.path)
