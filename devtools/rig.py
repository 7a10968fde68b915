"""A throwaway headless desktop for end-to-end tests, benchmarks and screenshots.

``DesktopRig`` starts, in its own temporary run folder:

1. an X server (``Xvfb``; it chooses a free display number and tells us through a pipe),
2. a private D-Bus session bus (``dbus-daemon --nofork``, so we own its PID),
3. a recorder of every ``org.freedesktop.Notifications`` call, signal and reply
   (``dbus-monitor`` writing ``notify.log``),
4. the notification daemon ``dunst`` with our own config: notifications never time out,
   its "dmenu" is a picker script that plays the user in ``dunstctl context``,
5. a tray host: a StatusNotifierItem host with its own watcher (``gtk-sni-tray-standalone``),
   a legacy XEmbed tray (``trayer``), or none.

Apps run with :attr:`DesktopRig.env`: a fresh ``HOME``, ``TMPDIR`` and ``XDG_RUNTIME_DIR``
inside the run folder, the rig's ``DISPLAY`` and ``DBUS_SESSION_BUS_ADDRESS`` and
``RIG_DIR``. On exit every process the rig started is stopped by PID (SIGTERM, then
SIGKILL after 3 s), newest first, and the run folder is deleted unless ``keep``.

Files in the run folder (``RIG_DIR``): ``notify.log`` (the D-Bus record), ``dmenu.in``
(the menu dunst offered on the last ``dunstctl context``), ``dmenu.pick`` (what the
picker should choose), ``dmenu.out`` (what it chose), and one ``*.log`` per process.

Command line::

    python -m devtools.rig [--tray sni|xembed|none] [--screen WxHxD] [--shot FILE@SECS]
                           [--keep] -- COMMAND [ARG ...]

runs COMMAND inside a rig and exits with its status.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import ctypes.util
import logging
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any, Literal, Self, TypeVar, get_args

__all__ = [
    "DesktopRig",
    "DunstCount",
    "NotifyCall",
    "RigError",
    "Tray",
    "main",
    "missing_programs",
    "parse_notify_log",
    "required_programs",
    "stop_process",
]

log = logging.getLogger(__name__)

Tray = Literal["sni", "xembed", "none"]
T = TypeVar("T")

NOTIFICATIONS = "org.freedesktop.Notifications"
NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"
SNI_WATCHER = "org.kde.StatusNotifierWatcher"
SNI_WATCHER_PATH = "/StatusNotifierWatcher"

#: the one command that installs every program the rig needs (see the Makefile)
INSTALL_HINT = "make system-deps"

STOP_GRACE_S = 3.0
START_TIMEOUT_S = 15.0

_BASE_PROGRAMS = ("Xvfb", "dbus-daemon", "dbus-monitor", "dbus-send", "dunst", "dunstctl")
_TRAY_PROGRAMS: dict[str, tuple[str, ...]] = {
    "sni": ("gtk-sni-tray-standalone",),
    "xembed": ("trayer",),
    "none": (),
}

_XVFB_OPTS = ("-nolisten", "tcp", "-noreset")
# bottom-right panel, 32 px icons, with its own StatusNotifierWatcher (-w)
_SNI_HOST_OPTS = ("--bottom", "--end", "-s", "32", "-w", "-c", "#303030")
_TRAYER_OPTS = (
    *("--edge", "bottom", "--align", "right", "--widthtype", "request", "--height", "32"),
    *("--transparent", "false", "--tint", "0x303030"),
)

# Variables that would tie an app in the rig to the developer's real session.
_SCRUBBED_ENV = (
    "DBUS_SESSION_BUS_ADDRESS",
    "DESKTOP_SESSION",
    "DISPLAY",
    "SESSION_MANAGER",
    "WAYLAND_DISPLAY",
    "XAUTHORITY",
    "XDG_CACHE_HOME",
    "XDG_CONFIG_HOME",
    "XDG_CURRENT_DESKTOP",
    "XDG_DATA_HOME",
    "XDG_SESSION_DESKTOP",
    "XDG_SESSION_TYPE",
    "XDG_STATE_HOME",
)

_DUNSTRC = """\
# written by devtools.rig: notifications stay until closed, the context menu is scripted
[global]
    monitor = 0
    follow = none
    width = 320
    height = 120
    origin = top-right
    offset = 10x50
    font = DejaVu Sans 9
    format = "<b>%s</b>\\n%b"
    show_indicators = yes
    sticky_history = yes
    history_length = 100
    dmenu = {picker}
    browser = /bin/true

[urgency_low]
    timeout = 0

[urgency_normal]
    timeout = 0

[urgency_critical]
    timeout = 0
"""

# dunst's "dmenu": it gets one menu line per action of every displayed notification,
# "#<label> (<summary>) [<id>,<action key>]", and answers with the chosen line.
_PICKER = '''\
#!{python} -I
"""Scripted user for dunst's context menu (written by devtools.rig)."""
import os, re, sys
from pathlib import Path

run = Path(__file__).resolve().parent
offered = sys.stdin.read().splitlines()
(run / "dmenu.in").write_text("".join(line + "\\n" for line in offered))
try:
    want = (run / "dmenu.pick").read_text().splitlines()
except OSError:
    want = []
text = want[0] if want else ""
only_id = want[1] if len(want) > 1 and want[1] else None

def nid(line):
    m = re.search(r"\\[(\\d+),[^\\]]*\\]$", line)
    return int(m.group(1)) if m else -1

lines = [l for l in offered if text in l and (only_id is None or nid(l) == int(only_id))]
answer = max(lines, key=nid) if lines else ""
tmp = run / "dmenu.out.tmp"
tmp.write_text(answer + "\\n")
os.replace(tmp, run / "dmenu.out")
if answer:
    print(answer)
'''


class RigError(RuntimeError):
    """The rig could not start, or a helper could not do what was asked."""


def required_programs(tray: Tray = "sni") -> list[str]:
    """Programs the rig runs for this tray mode."""
    return [*_BASE_PROGRAMS, *_TRAY_PROGRAMS[tray]]


def missing_programs(tray: Tray = "sni", extra: Sequence[str] = ()) -> list[str]:
    """Which of the programs the rig (plus ``extra``) needs are not on ``PATH``."""
    return [p for p in [*required_programs(tray), *extra] if shutil.which(p) is None]


# --------------------------------------------------------------------------- notify.log


@dataclass(frozen=True, slots=True)
class NotifyCall:
    """One ``org.freedesktop.Notifications.Notify`` call seen on the bus."""

    time: float
    sender: str
    serial: int
    app_name: str
    replaces_id: int
    app_icon: str
    summary: str
    body: str
    actions: tuple[tuple[str, str], ...]
    hints: dict[str, object] = field(default_factory=dict)
    expire_timeout: int = -1
    #: the id the daemon answered with (None if the reply was not seen)
    id: int | None = None

    @property
    def labels(self) -> tuple[str, ...]:
        """The button labels, in the order sent."""
        return tuple(label for _key, label in self.actions)


@dataclass(frozen=True, slots=True)
class _Message:
    kind: str  # "method call" | "method return" | "signal" | "error"
    time: float
    sender: str
    destination: str
    serial: int
    reply_serial: int | None
    interface: str | None
    member: str | None
    args: list[object]


_HEADER = re.compile(
    r"^(?P<kind>method call|method return|signal|error) time=(?P<time>\S+)"
    r" sender=(?P<sender>\S+) -> destination=(?P<dest>.*?)"
    r"(?: error_name=\S+)?(?: serial=(?P<serial>\d+))?(?: reply_serial=(?P<reply>\d+))?"
    r"(?: path=[^;]*; interface=(?P<iface>[^;]*); member=(?P<member>\S+))?\s*$"
)
_VALUE_START = (
    r"(?:string |object path |signature |array |dict entry\(|variant|struct \{"
    r"|u?int(?:16|32|64) |byte |double |boolean |unix fd |file descriptor|\]|\)|\})"
)
_AFTER_STRING = re.compile(r"\s*(?:" + _VALUE_START + r"|\Z)")
_SCALAR = re.compile(r"(u?int(?:16|32|64)|byte|double|boolean) +(\S+)")


class _BodyParser:
    """Reads the argument list dbus-monitor prints under a message header."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def _ws(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def values(self) -> list[object]:
        out: list[object] = []
        self._ws()
        while self.pos < len(self.text):
            out.append(self.value())
            self._ws()
        return out

    def _eat(self, prefix: str) -> bool:
        if self.text.startswith(prefix, self.pos):
            self.pos += len(prefix)
            return True
        return False

    def _quoted(self) -> str:
        # dbus-monitor prints strings unescaped, so a closing quote is one that is
        # followed by the start of the next value (or the end of the message).
        start = self.pos
        i = start
        while True:
            i = self.text.find('"', i)
            if i < 0:
                raise ValueError("unterminated string")
            if _AFTER_STRING.match(self.text, i + 1):
                self.pos = i + 1
                return self.text[start:i]
            i += 1

    def _until(self, closer: str) -> list[object]:
        items: list[object] = []
        while True:
            self._ws()
            if self._eat(closer):
                return items
            if self.pos >= len(self.text):
                raise ValueError(f"missing {closer!r}")
            items.append(self.value())

    def value(self) -> object:
        self._ws()
        for prefix in ('string "', 'object path "', 'signature "'):
            if self._eat(prefix):
                return self._quoted()
        if self._eat("array of bytes"):
            self._ws()
            if self._eat('"'):
                return self._quoted().encode()
            end = self.text.find("]", self.pos)
            if end < 0:
                raise ValueError("unterminated byte array")
            self.pos = end + 1
            return b""
        if self._eat("array ["):
            return self._until("]")
        if self._eat("dict entry("):
            pair = self._until(")")
            if len(pair) != 2:
                raise ValueError("bad dict entry")
            return (pair[0], pair[1])
        if self._eat("struct {"):
            return tuple(self._until("}"))
        if self._eat("variant"):
            return self.value()
        m = _SCALAR.match(self.text, self.pos)
        if m:
            self.pos = m.end()
            kind, raw = m.group(1), m.group(2)
            if kind == "boolean":
                return raw == "true"
            if kind == "double":
                return float(raw)
            return int(raw)
        raise ValueError(f"unexpected {self.text[self.pos : self.pos + 30]!r}")


def _messages(text: str) -> list[_Message]:
    out: list[_Message] = []
    header: re.Match[str] | None = None
    body: list[str] = []

    def flush() -> None:
        if header is None:
            return
        try:
            args = _BodyParser("\n".join(body)).values()
        except ValueError:
            log.debug("notify.log: unreadable message at %s", header.group("time"))
            return
        out.append(
            _Message(
                kind=header.group("kind"),
                time=float(header.group("time")),
                sender=header.group("sender"),
                destination=header.group("dest"),
                serial=int(header.group("serial") or 0),
                reply_serial=int(header.group("reply")) if header.group("reply") else None,
                interface=header.group("iface"),
                member=header.group("member"),
                args=args,
            )
        )

    for line in text.split("\n"):
        m = _HEADER.match(line)
        if m:
            flush()
            header, body = m, []
        else:
            body.append(line)
    flush()
    return out


def parse_notify_log(
    text: str,
) -> tuple[list[NotifyCall], list[tuple[int, str]], list[tuple[int, int]]]:
    """Read a ``dbus-monitor`` record: (Notify calls, ActionInvoked, NotificationClosed)."""
    messages = _messages(text)
    replies: dict[tuple[str, int], int] = {}
    for msg in messages:
        if msg.kind == "method return" and msg.reply_serial is not None and msg.args:
            first = msg.args[0]
            if isinstance(first, int) and not isinstance(first, bool):
                replies[(msg.destination, msg.reply_serial)] = first
    calls: list[NotifyCall] = []
    invoked: list[tuple[int, str]] = []
    closed: list[tuple[int, int]] = []
    for msg in messages:
        if msg.interface != NOTIFICATIONS:
            continue
        a = msg.args
        if msg.kind == "method call" and msg.member == "Notify" and len(a) >= 8:
            raw_actions = [str(x) for x in a[5]] if isinstance(a[5], list) else []
            hints: dict[str, object] = {}
            if isinstance(a[6], list):
                for entry in a[6]:
                    if isinstance(entry, tuple) and len(entry) == 2:
                        hints[str(entry[0])] = entry[1]
            calls.append(
                NotifyCall(
                    time=msg.time,
                    sender=msg.sender,
                    serial=msg.serial,
                    app_name=str(a[0]),
                    replaces_id=_int(a[1]),
                    app_icon=str(a[2]),
                    summary=str(a[3]),
                    body=str(a[4]),
                    actions=tuple(zip(raw_actions[0::2], raw_actions[1::2], strict=False)),
                    hints=hints,
                    expire_timeout=_int(a[7]),
                    id=replies.get((msg.sender, msg.serial)),
                )
            )
        elif msg.kind == "signal" and msg.member == "ActionInvoked" and len(a) >= 2:
            invoked.append((_int(a[0]), str(a[1])))
        elif msg.kind == "signal" and msg.member == "NotificationClosed" and len(a) >= 2:
            closed.append((_int(a[0]), _int(a[1])))
    return calls, invoked, closed


def _int(value: object) -> int:
    return value if isinstance(value, int) else -1


@dataclass(frozen=True, slots=True)
class DunstCount:
    """``dunstctl count``: waiting (paused), displayed, and in history (closed)."""

    waiting: int
    displayed: int
    history: int


# --------------------------------------------------------------------------- X11


class _XLib:
    """Just enough libX11 (through ctypes) to ask who owns an X selection."""

    _lib: ctypes.CDLL | None = None

    @classmethod
    def lib(cls) -> ctypes.CDLL:
        if cls._lib is None:
            lib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
            lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
            lib.XOpenDisplay.restype = ctypes.c_void_p
            lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
            lib.XInternAtom.restype = ctypes.c_ulong
            lib.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
            lib.XGetSelectionOwner.restype = ctypes.c_ulong
            lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
            lib.XCloseDisplay.restype = ctypes.c_int
            cls._lib = lib
        return cls._lib

    @classmethod
    def selection_owned(cls, display: str, selection: str) -> bool:
        lib = cls.lib()
        dpy = lib.XOpenDisplay(display.encode())
        if not dpy:
            return False
        try:
            atom = lib.XInternAtom(dpy, selection.encode(), 0)
            return bool(lib.XGetSelectionOwner(dpy, atom))
        finally:
            lib.XCloseDisplay(dpy)


# --------------------------------------------------------------------------- the rig


def _read_line_from_fd(fd: int, timeout: float, proc: subprocess.Popen[bytes]) -> str:
    """Read one line a child writes to our end of a pipe, or fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    data = b""
    while b"\n" not in data:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        ready, _, _ = select.select([fd], [], [], min(left, 0.1))
        if ready:
            chunk = os.read(fd, 4096)
            if not chunk:
                break
            data += chunk
        elif proc.poll() is not None:
            break
    return data.decode(errors="replace").strip()


class DesktopRig:
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
    ) -> None:
        if tray not in get_args(Tray):
            raise ValueError(f"tray must be one of {get_args(Tray)}, not {tray!r}")
        if not re.fullmatch(r"\d+x\d+x\d+", screen):
            raise ValueError(f"screen must look like 1280x800x24, not {screen!r}")
        self.tray: Tray = tray
        self.screen = screen
        self.keep = keep
        self.start_timeout = start_timeout
        self._base_dir = base_dir if base_dir is not None else os.environ.get("RIG_BASE")
        self._run_dir: Path | None = None
        self._env: dict[str, str] = {}
        self._daemons: list[tuple[str, subprocess.Popen[bytes]]] = []
        self._children: list[subprocess.Popen[Any]] = []
        self._lock = threading.Lock()

    # ---- public state

    @property
    def run_dir(self) -> Path:
        """The run folder (``RIG_DIR``)."""
        if self._run_dir is None:
            raise RigError("the rig is not running")
        return self._run_dir

    @property
    def env(self) -> dict[str, str]:
        """The environment to run apps with (a copy)."""
        if not self._env:
            raise RigError("the rig is not running")
        return dict(self._env)

    @property
    def display(self) -> str:
        return self.env["DISPLAY"]

    @property
    def notify_log(self) -> Path:
        return self.run_dir / "notify.log"

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
        missing = missing_programs(self.tray)
        if missing:
            raise RigError(
                f"programs missing for the desktop rig: {', '.join(missing)}"
                f" (install them with `{INSTALL_HINT}`)"
            )
        self._run_dir = Path(tempfile.mkdtemp(prefix="startpunt-rig-", dir=self._base_dir))
        try:
            self._start()
        except BaseException:
            self.stop()
            raise

    def _start(self) -> None:
        run = self.run_dir
        home, runtime, tmp = run / "home", run / "runtime", run / "tmp"
        for folder in (home, tmp):
            folder.mkdir()
        runtime.mkdir(mode=0o700)
        runtime.chmod(0o700)
        env = dict(os.environ)
        for name in _SCRUBBED_ENV:
            env.pop(name, None)
        env.update(
            HOME=str(home),
            TMPDIR=str(tmp),
            XDG_RUNTIME_DIR=str(runtime),
            MESA_SHADER_CACHE_DIR=str(home / ".cache" / "mesa_shader_cache"),
            NO_AT_BRIDGE="1",
            GTK_A11Y="none",
            QT_QPA_PLATFORM="xcb",
            RIG_DIR=str(run),
            RIG_TRAY=self.tray,
        )
        self._env = env

        # 1. X server: it picks a free display and writes its number to our pipe
        w, h, d = self.screen.split("x")
        self._env["DISPLAY"] = ":" + self._start_with_pipe(
            "xvfb",
            ["Xvfb", "-displayfd", "{fd}", "-screen", "0", f"{w}x{h}x{d}", *_XVFB_OPTS],
            what="the X server (Xvfb) display number",
        )

        bus = f"unix:dir={runtime}"
        # 2. private session bus, in the foreground so its PID is ours
        self._env["DBUS_SESSION_BUS_ADDRESS"] = self._start_with_pipe(
            "dbus",
            ["dbus-daemon", "--session", "--nofork", "--print-address={fd}", f"--address={bus}"],
            what="the session bus (dbus-daemon) address",
        )

        # 3. recorder of the notification traffic (calls, signals, and the daemon's replies)
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

        # 4. notification daemon
        picker = run / "dmenu-pick"
        picker.write_text(_PICKER.format(python=sys.executable))
        picker.chmod(0o755)
        (run / "dunstrc").write_text(_DUNSTRC.format(picker=picker))
        self._spawn("dunst", ["dunst", "-config", str(run / "dunstrc")])
        self.wait_for(
            lambda: self.name_has_owner(NOTIFICATIONS),
            self.start_timeout,
            what=f"dunst to own {NOTIFICATIONS}",
            log_name="dunst",
        )

        # 5. tray host
        if self.tray == "sni":
            self._start_sni_host()
        elif self.tray == "xembed":
            self._spawn(
                "tray",
                ["trayer", *_TRAYER_OPTS],
            )
            display = self._env["DISPLAY"]
            self.wait_for(
                lambda: _XLib.selection_owned(display, "_NET_SYSTEM_TRAY_S0"),
                self.start_timeout,
                what="the XEmbed tray (trayer) to own _NET_SYSTEM_TRAY_S0",
                log_name="tray",
            )
        log.debug("rig up: %s DISPLAY=%s", run, self._env["DISPLAY"])

    def _start_sni_host(self, attempts: int = 3) -> None:
        """Start gtk-sni-tray-standalone; it sometimes dies at start-up, so try again.

        Seen here: its watcher and host race and it exits with "Pattern match failure"
        (about one start in twenty under load); a fresh start then comes up normally.
        """
        for attempt in range(1, attempts + 1):
            proc = self._spawn("tray", ["gtk-sni-tray-standalone", *_SNI_HOST_OPTS])

            def up_or_gone(proc: subprocess.Popen[bytes] = proc) -> bool:
                return self._sni_host_registered() or proc.poll() is not None

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

    def stop(self) -> None:
        """Stop everything the rig started (newest first, by PID) and clean up."""
        with self._lock:
            children, self._children = self._children, []
            daemons, self._daemons = self._daemons, []
        for proc in reversed(children):
            stop_process(proc, proc.args)
        for name, proc in reversed(daemons):
            stop_process(proc, name)
        run, self._run_dir = self._run_dir, None
        self._env = {}
        if run is not None:
            if self.keep:
                log.info("kept the rig's run folder %s", run)
            else:
                shutil.rmtree(run, ignore_errors=True)

    # ---- starting processes

    def _spawn(
        self,
        name: str,
        argv: list[str],
        *,
        stdout: Path | None = None,
        pass_fds: Sequence[int] = (),
    ) -> subprocess.Popen[bytes]:
        log_path = self.run_dir / f"{name}.log"
        with (
            log_path.open("ab") as err,
            stdout.open("ab") if stdout else contextlib.nullcontext(err) as out,
        ):
            proc = subprocess.Popen(  # noqa: S603 - fixed argv of known programs
                argv,
                env=self._env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                pass_fds=tuple(pass_fds),
                start_new_session=True,  # a Ctrl-C in the terminal reaches only us
                cwd=self.run_dir,
            )
        with self._lock:
            self._daemons.append((name, proc))
        return proc

    def _start_with_pipe(self, name: str, argv: list[str], *, what: str) -> str:
        r, w = os.pipe()
        try:
            proc = self._spawn(name, [a.replace("{fd}", str(w)) for a in argv], pass_fds=[w])
            os.close(w)
            w = -1
            try:
                line = _read_line_from_fd(r, self.start_timeout, proc)
            except TimeoutError:
                line = ""
            if not line:
                raise RigError(f"no {what} within {self.start_timeout:g} s{self._tail(name)}")
            return line
        finally:
            os.close(r)
            if w >= 0:
                os.close(w)

    def _tail(self, name: str, lines: int = 15) -> str:
        if self._run_dir is None:
            return ""
        path = self._run_dir / f"{name}.log"
        try:
            text = path.read_text(errors="replace").strip()
        except OSError:
            return ""
        if not text:
            return f" ({path.name} is empty)"
        return f"; last lines of {path.name}:\n" + "\n".join(text.splitlines()[-lines:])

    def popen(self, cmd: Sequence[str], **kwargs: Any) -> subprocess.Popen[Any]:
        """Start ``cmd`` in the rig (``subprocess.Popen``); stopped with the rig if still running.

        ``env=`` is laid over the rig's environment rather than replacing it.
        """
        env = self.env
        env.update(kwargs.pop("env", None) or {})
        proc: subprocess.Popen[Any] = subprocess.Popen(cmd, env=env, **kwargs)  # noqa: S603
        with self._lock:
            self._children.append(proc)
        return proc

    def run(self, cmd: Sequence[str], **kwargs: Any) -> subprocess.CompletedProcess[Any]:
        """Run ``cmd`` in the rig to completion (``subprocess.run``; ``env=`` is laid over)."""
        env = self.env
        env.update(kwargs.pop("env", None) or {})
        return subprocess.run(cmd, env=env, **kwargs)  # noqa: S603

    def _tool(self, *cmd: str, timeout: float = 10.0) -> str:
        try:
            done = self.run(list(cmd), capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise RigError(f"`{' '.join(cmd)}` did not finish within {timeout:g} s") from exc
        if done.returncode != 0:
            raise RigError(f"`{' '.join(cmd)}` failed ({done.returncode}): {done.stderr.strip()}")
        return str(done.stdout)

    # ---- waiting

    def wait_for(
        self,
        predicate: Callable[[], T],
        timeout: float,
        *,
        interval: float = 0.05,
        what: str | None = None,
        log_name: str | None = None,
    ) -> T:
        """Poll ``predicate`` until it returns something truthy, and return that.

        Exceptions from the predicate count as "not yet". Raises :class:`RigError`
        after ``timeout`` seconds (with the tail of ``<log_name>.log`` if given).
        """
        deadline = time.monotonic() + timeout
        last_error: Exception | None = None
        while True:
            try:
                result = predicate()
            except Exception as exc:  # noqa: BLE001 - "not yet"
                last_error = exc
            else:
                if result:
                    return result
            if time.monotonic() >= deadline:
                detail = f" (last error: {last_error})" if last_error else ""
                tail = self._tail(log_name) if log_name else ""
                raise RigError(
                    f"timed out after {timeout:g} s waiting for {what or predicate!r}{detail}{tail}"
                )
            time.sleep(interval)

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

    # ---- notifications

    def _read_log(self) -> tuple[list[NotifyCall], list[tuple[int, str]], list[tuple[int, int]]]:
        return parse_notify_log(self.notify_log.read_text(errors="replace"))

    def notifications(self) -> list[NotifyCall]:
        """Every Notify call so far, oldest first (with the daemon's id when seen)."""
        return self._read_log()[0]

    def action_invoked(self) -> list[tuple[int, str]]:
        """Every ActionInvoked signal so far: (notification id, action key)."""
        return self._read_log()[1]

    def notifications_closed(self) -> list[tuple[int, int]]:
        """Every NotificationClosed signal so far: (notification id, reason)."""
        return self._read_log()[2]

    def dunst_count(self) -> DunstCount:
        """``dunstctl count``."""
        out = self._tool("dunstctl", "count")
        nums = [int(n) for n in re.findall(r":\s*(\d+)", out)]
        if len(nums) != 3:
            raise RigError(f"cannot read `dunstctl count`: {out!r}")
        return DunstCount(*nums)

    def close_all(self) -> None:
        """Close every displayed notification (they then move to dunst's history)."""
        self._tool("dunstctl", "close-all")

    def click(
        self, label_substring: str, *, notification_id: int | None = None, timeout: float = 10.0
    ) -> tuple[int, str]:
        """Press a notification button the way a user does through dunst's context menu.

        ``dunstctl context`` makes dunst offer one line per action of every displayed
        notification, ``#<label> (<summary>) [<id>,<key>]``; our picker answers with the
        line containing ``label_substring`` (of ``notification_id`` if given) with the
        highest id, i.e. the newest notification offering it. dunst then emits
        ActionInvoked; this waits for it and returns (id, action key).
        """
        run = self.run_dir
        out = run / "dmenu.out"
        out.unlink(missing_ok=True)
        pick = label_substring + "\n" + ("" if notification_id is None else str(notification_id))
        (run / "dmenu.pick").write_text(pick + "\n")
        before = len(self.action_invoked())
        self._tool("dunstctl", "context")
        try:
            answer: str = self.wait_for(
                lambda: out.read_text() if out.exists() else "",
                min(timeout, 5.0),
                what="dunst's context menu",
            )
        except RigError:
            raise RigError(
                "dunst opened no context menu: no displayed notification has actions"
            ) from None
        if not answer.strip():
            offered = (run / "dmenu.in").read_text()
            raise RigError(f"no menu line contains {label_substring!r}; dunst offered:\n{offered}")
        log.debug("clicked %s", answer.strip())
        self.wait_for(lambda: len(self.action_invoked()) > before, timeout, what="ActionInvoked")
        return self.action_invoked()[-1]

    # ---- screen

    def screenshot(self, path: str | os.PathLike[str]) -> Path:
        """Save the whole screen as an image (ImageMagick ``import``; PNG by extension)."""
        if shutil.which("import") is None:
            raise RigError(f"`import` (ImageMagick) is missing; install it with `{INSTALL_HINT}`")
        target = Path(path).resolve()
        self._tool("import", "-window", "root", str(target), timeout=30)
        return target


def stop_process(proc: subprocess.Popen[Any], name: object = None) -> None:
    """SIGTERM one process we started, SIGKILL it after the grace period, reap it."""
    name = name or proc.args
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(proc.pid, signal.SIGTERM)
    try:
        proc.wait(STOP_GRACE_S)
    except subprocess.TimeoutExpired:
        log.warning("%s (pid %d) ignored SIGTERM; killing it", name, proc.pid)
        with contextlib.suppress(ProcessLookupError):
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()


# --------------------------------------------------------------------------- CLI


def _parse_shot(value: str) -> tuple[Path, float]:
    file, sep, secs = value.rpartition("@")
    if not sep:
        return Path(value), 3.0
    try:
        return Path(file), float(secs)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected FILE@SECONDS, not {value!r}") from None


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m devtools.rig [options] -- COMMAND ...``: run COMMAND in a rig."""
    args = list(sys.argv[1:] if argv is None else argv)
    if "--" in args:
        cut = args.index("--")
        options, command = args[:cut], args[cut + 1 :]
    else:
        options, command = args, []
    parser = argparse.ArgumentParser(
        prog="python -m devtools.rig",
        description="Run COMMAND inside a throwaway headless desktop (Xvfb, a private session "
        "bus, dunst, a tray host) and exit with its status.",
        usage="%(prog)s [--tray sni|xembed|none] [--screen WxHxD] [--shot FILE@SECS] [--keep]"
        " -- COMMAND [ARG ...]",
    )
    parser.add_argument("--tray", choices=get_args(Tray), default="sni")
    parser.add_argument("--screen", default="1280x800x24")
    parser.add_argument(
        "--shot",
        type=_parse_shot,
        metavar="FILE@SECS",
        help="screenshot of the whole screen SECS (default 3) after COMMAND starts",
    )
    parser.add_argument("--keep", action="store_true", help="keep the run folder")
    parser.add_argument("--verbose", "-v", action="store_true")
    opts, rest = parser.parse_known_args(options)
    command = rest + command
    if not command:
        parser.error("no COMMAND given (put it after --)")
    logging.basicConfig(
        level=logging.DEBUG if opts.verbose else logging.INFO, format="rig: %(message)s"
    )

    def on_term(signum: int, _frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_term)
    try:
        with DesktopRig(opts.tray, opts.screen, keep=opts.keep) as rig:
            if opts.keep:
                log.info("run folder: %s", rig.run_dir)
            return _run_command(rig, command, opts.shot)
    except RigError as exc:
        log.error("%s", exc)
        return 125
    except FileNotFoundError as exc:
        log.error("cannot run %s: %s", command[0], exc.strerror)
        return 127


def _run_command(rig: DesktopRig, command: list[str], shot: tuple[Path, float] | None) -> int:
    proc = rig.popen(command)
    timer: threading.Timer | None = None
    taken = threading.Event()
    if shot is not None:
        file, delay = shot

        def take() -> None:
            taken.set()
            try:
                log.info("screenshot %s", rig.screenshot(file))
            except RigError as exc:
                log.error("screenshot failed: %s", exc)

        timer = threading.Timer(delay, take)
        timer.start()
    # Ctrl-C goes to the whole foreground group: let the command handle it and report.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        rc = proc.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
        if timer is not None:
            timer.cancel()
            if not taken.is_set():
                log.warning("the command ended before the screenshot was due")
            timer.join()
    return 128 - rc if rc < 0 else rc


if __name__ == "__main__":
    sys.exit(main())
