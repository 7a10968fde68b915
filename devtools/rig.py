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

This module is the command line and the public face; the parts, re-exported here, are
``devtools.desktop_rig`` (bring-up, D-Bus), ``devtools.rig_notifications`` (notifications,
clicks), ``devtools.rig_processes`` (processes by PID), ``devtools.rig_config`` (programs,
options, files, environment), ``devtools.notify_log`` (the D-Bus record) and ``devtools.x11``.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import get_args

from devtools.desktop_rig import SNI_WATCHER, SNI_WATCHER_PATH, START_TIMEOUT_S, DesktopRig
from devtools.notify_log import NOTIFICATIONS, NOTIFICATIONS_PATH, NotifyCall, parse_notify_log
from devtools.rig_config import INSTALL_HINT, Tray, missing_programs, required_programs
from devtools.rig_notifications import DunstCount
from devtools.rig_processes import STOP_GRACE_S, RigError, stop_process

__all__ = [
    "INSTALL_HINT",
    "NOTIFICATIONS",
    "NOTIFICATIONS_PATH",
    "SNI_WATCHER",
    "SNI_WATCHER_PATH",
    "START_TIMEOUT_S",
    "STOP_GRACE_S",
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


def _parse_shot(value: str) -> tuple[Path, float]:
    file, sep, secs = value.rpartition("@")
    if not sep:
        return Path(value), 3.0
    try:
        return Path(file), float(secs)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected FILE@SECONDS, not {value!r}") from None


def _split_command(args: list[str]) -> tuple[list[str], list[str]]:
    """(options, COMMAND): everything before ``--``, and everything after it."""
    if "--" in args:
        cut = args.index("--")
        return args[:cut], args[cut + 1 :]
    return args, []


def _parser() -> argparse.ArgumentParser:
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
    parser.add_argument(
        "--keyring", action="store_true", help="run an unlocked Secret Service (gnome-keyring)"
    )
    parser.add_argument("--verbose", "-v", action="store_true")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m devtools.rig [options] -- COMMAND ...``: run COMMAND in a rig."""
    options, command = _split_command(list(sys.argv[1:] if argv is None else argv))
    parser = _parser()
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
        with DesktopRig(opts.tray, opts.screen, keep=opts.keep, keyring=opts.keyring) as rig:
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
