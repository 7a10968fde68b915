"""The desktop rig: brings up Xvfb, a session bus, a recorder, dunst, a tray host; D-Bus queries.

``DesktopRig`` is re-exported by ``devtools.rig``, whose docstring gives the whole picture. It
builds on ``devtools.rig_notifications`` (notifications and clicks) and ``devtools.rig_processes``
(starting and stopping by PID); what runs with which options and files is ``devtools.rig_config``.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
from pathlib import Path
from types import TracebackType
from typing import Self, get_args

from devtools.notify_log import NOTIFICATIONS
from devtools.rig_config import (
    INSTALL_HINT,
    KEYRING_PROGRAMS,
    SNI_HOST_OPTS,
    TRAYER_OPTS,
    XVFB_OPTS,
    Tray,
    missing_programs,
    rig_environment,
    write_dunst_config,
)
from devtools.rig_notifications import RigNotifications
from devtools.rig_processes import RigError, stop_process
from devtools.x11 import selection_owned

__all__ = [
    "KEYRING_PASSWORD",
    "SECRETS",
    "SNI_WATCHER",
    "SNI_WATCHER_PATH",
    "START_TIMEOUT_S",
    "DesktopRig",
]

log = logging.getLogger(__name__)

SNI_WATCHER = "org.kde.StatusNotifierWatcher"
SNI_WATCHER_PATH = "/StatusNotifierWatcher"

START_TIMEOUT_S = 15.0
SECRETS = "org.freedesktop.secrets"  # the Secret Service's bus name
KEYRING_PASSWORD = "startpunt-rig"  # noqa: S105 -- unlocks the rig's throwaway login keyring


class DesktopRig(RigNotifications):
    """A headless desktop (X server, session bus, notification daemon, tray host).

    Use as a context manager::

        with DesktopRig() as rig:
            app = rig.popen(["startpunt", "--demo"])
            rig.wait_for(lambda: rig.sni_items(), 10, what="the tray icon")
    """

    def __init__(
        self,
        tray: Tray = "sni",
        screen: str = "1280x800x24",
        *,
        keep: bool = False,
        base_dir: str | os.PathLike[str] | None = None,
        start_timeout: float = START_TIMEOUT_S,
        keyring: bool = False,
    ) -> None:
        if tray not in get_args(Tray):
            raise ValueError(f"tray must be one of {get_args(Tray)}, not {tray!r}")
        if not re.fullmatch(r"\d+x\d+x\d+", screen):
            raise ValueError(f"screen must look like 1280x800x24, not {screen!r}")
        self.tray: Tray = tray
        self.screen = screen
        self.keyring = keyring
        super().__init__(keep=keep, base_dir=base_dir, start_timeout=start_timeout)

    # ---- public state

    @property
    def display(self) -> str:
        return self.env["DISPLAY"]

    # ---- context manager

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> None:
        """Bring the desktop up; on any failure, take down what was started and raise."""
        if self._run_dir is not None:
            raise RigError("the rig is already running")
        missing = missing_programs(self.tray, KEYRING_PROGRAMS if self.keyring else ())
        if missing:
            raise RigError(
                f"programs missing for the desktop rig: {', '.join(missing)}"
                f" (install them with `{INSTALL_HINT}`)"
            )
        self._make_run_dir()
        try:
            self._start()
        except BaseException:
            self.stop()
            raise

    def _start(self) -> None:
        run = self.run_dir
        self._env = rig_environment(run, self.tray)
        self._start_x_server()
        self._start_session_bus()
        if self.keyring:
            self._start_keyring()
        self._start_recorder()
        self._start_dunst()
        if self.tray == "sni":
            self._start_sni_host()
        elif self.tray == "xembed":
            self._start_xembed_tray()
        log.debug("rig up: %s DISPLAY=%s", run, self._env["DISPLAY"])

    def _start_x_server(self) -> None:
        """Xvfb picks a free display and writes its number to our pipe."""
        w, h, d = self.screen.split("x")
        self._env["DISPLAY"] = ":" + self._start_with_pipe(
            "xvfb",
            ["Xvfb", "-displayfd", "{fd}", "-screen", "0", f"{w}x{h}x{d}", *XVFB_OPTS],
            what="the X server (Xvfb) display number",
        )

    def _start_session_bus(self) -> None:
        """A private session bus, in the foreground so its PID is ours."""
        bus = f"unix:dir={self._env['XDG_RUNTIME_DIR']}"
        self._env["DBUS_SESSION_BUS_ADDRESS"] = self._start_with_pipe(
            "dbus",
            ["dbus-daemon", "--session", "--nofork", "--print-address={fd}", f"--address={bus}"],
            what="the session bus (dbus-daemon) address",
        )

    def _start_keyring(self) -> None:
        """gnome-keyring-daemon in the foreground (its PID is ours), password on stdin."""
        self._spawn(
            "keyring",
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            stdin=KEYRING_PASSWORD.encode(),
        )
        self.wait_for(
            lambda: self.name_has_owner(SECRETS),
            self.start_timeout,
            what=f"gnome-keyring-daemon to own {SECRETS}",
            log_name="keyring",
        )

    def _start_recorder(self) -> None:
        """Record the notification traffic (calls, signals, and the daemon's replies)."""
        self.notify_log.touch()
        self._spawn(
            "dbus-monitor",
            [
                "dbus-monitor",
                "--session",
                f"type='method_call',interface='{NOTIFICATIONS}'",
                f"type='signal',interface='{NOTIFICATIONS}'",
                f"type='method_return',sender='{NOTIFICATIONS}'",
            ],
            stdout=self.notify_log,
        )
        # dbus-monitor prints its own NameAcquired/NameLost as soon as it is a monitor
        self.wait_for(
            lambda: self.notify_log.stat().st_size > 0,
            self.start_timeout,
            what="dbus-monitor to attach to the bus",
            log_name="dbus-monitor",
        )

    def _start_dunst(self) -> None:
        dunstrc = write_dunst_config(self.run_dir)
        self._spawn("dunst", ["dunst", "-config", str(dunstrc)])
        self.wait_for(
            lambda: self.name_has_owner(NOTIFICATIONS),
            self.start_timeout,
            what=f"dunst to own {NOTIFICATIONS}",
            log_name="dunst",
        )

    def _start_xembed_tray(self) -> None:
        self._spawn("tray", ["trayer", *TRAYER_OPTS])
        display = self._env["DISPLAY"]
        self.wait_for(
            lambda: selection_owned(display, "_NET_SYSTEM_TRAY_S0"),
            self.start_timeout,
            what="the XEmbed tray (trayer) to own _NET_SYSTEM_TRAY_S0",
            log_name="tray",
        )

    def _start_sni_host(self, attempts: int = 3) -> None:
        """Start gtk-sni-tray-standalone; it sometimes dies at start-up, so try again.

        Seen here: its watcher and host race and it exits with "Pattern match failure"
        (about one start in twenty under load); a fresh start then comes up normally.
        """
        for attempt in range(1, attempts + 1):
            proc = self._spawn("tray", ["gtk-sni-tray-standalone", *SNI_HOST_OPTS])

            def up_or_gone(proc: subprocess.Popen[bytes] = proc) -> bool:
                # exited first: once it is gone, asking its watcher raises ("not yet")
                return proc.poll() is not None or self._sni_host_registered()

            up = self.wait_for(
                up_or_gone,
                self.start_timeout,
                what="the StatusNotifierItem host (gtk-sni-tray-standalone) to register",
                log_name="tray",
            )
            if up and proc.poll() is None:
                return
            log.warning("SNI tray host exited at start-up (attempt %d); restarting", attempt)
            with self._lock:
                self._daemons = [(n, p) for n, p in self._daemons if p is not proc]
            stop_process(proc, "tray")
        raise RigError("the StatusNotifierItem host kept exiting at start-up" + self._tail("tray"))

    # ---- D-Bus

    def _dbus(self, dest: str, path: str, method: str, *args: str) -> str:
        return self._tool(
            "dbus-send", "--session", "--print-reply", f"--dest={dest}", path, method, *args
        )

    def name_has_owner(self, name: str) -> bool:
        """Whether someone owns ``name`` on the rig's session bus."""
        out = self._dbus(
            "org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            f"string:{name}",
        )
        return "boolean true" in out

    def _watcher_property(self, prop: str) -> str:
        return self._dbus(
            SNI_WATCHER,
            SNI_WATCHER_PATH,
            "org.freedesktop.DBus.Properties.Get",
            f"string:{SNI_WATCHER}",
            f"string:{prop}",
        )

    def _sni_host_registered(self) -> bool:
        return "boolean true" in self._watcher_property("IsStatusNotifierHostRegistered")

    def sni_items(self) -> list[str]:
        """Items registered with the StatusNotifierWatcher (``<bus name><object path>``)."""
        out = self._watcher_property("RegisteredStatusNotifierItems")
        return re.findall(r'string "([^"]*)"', out)

    # ---- screen

    def screenshot(self, path: str | os.PathLike[str]) -> Path:
        """Save the whole screen as an image (ImageMagick ``import``; PNG by extension)."""
        if shutil.which("import") is None:
            raise RigError(f"`import` (ImageMagick) is missing; install it with `{INSTALL_HINT}`")
        target = Path(path).resolve()
        self._tool("import", "-window", "root", str(target), timeout=30)
        return target
