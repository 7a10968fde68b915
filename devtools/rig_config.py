"""What the desktop rig runs, and with what: programs, their options, config files, environment.

No processes here: ``devtools.desktop_rig`` starts them. This module knows which programs each
tray mode needs, how they are invoked, the dunst config and context-menu picker the rig writes
into its run folder, and the scrubbed environment apps in the rig get.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

__all__ = [
    "INSTALL_HINT",
    "KEYRING_PROGRAMS",
    "SNI_HOST_OPTS",
    "TRAYER_OPTS",
    "XVFB_OPTS",
    "Tray",
    "missing_programs",
    "required_programs",
    "rig_environment",
    "write_dunst_config",
]

Tray = Literal["sni", "xembed", "none"]

#: the one command that installs every program the rig needs (see the Makefile)
INSTALL_HINT = "make system-deps"

_BASE_PROGRAMS = ("Xvfb", "dbus-daemon", "dbus-monitor", "dbus-send", "dunst", "dunstctl")
_TRAY_PROGRAMS: dict[str, tuple[str, ...]] = {
    "sni": ("gtk-sni-tray-standalone",),
    "xembed": ("trayer",),
    "none": (),
}

KEYRING_PROGRAMS = ("gnome-keyring-daemon",)  # DesktopRig(keyring=True)

XVFB_OPTS = ("-nolisten", "tcp", "-noreset")
# bottom-right panel, 32 px icons, with its own StatusNotifierWatcher (-w)
SNI_HOST_OPTS = ("--bottom", "--end", "-s", "32", "-w", "-c", "#303030")
TRAYER_OPTS = (
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


def required_programs(tray: Tray = "sni") -> list[str]:
    """Programs the rig runs for this tray mode."""
    return [*_BASE_PROGRAMS, *_TRAY_PROGRAMS[tray]]


def missing_programs(tray: Tray = "sni", extra: Sequence[str] = ()) -> list[str]:
    """Which of the programs the rig (plus ``extra``) needs are not on ``PATH``."""
    return [p for p in [*required_programs(tray), *extra] if shutil.which(p) is None]


def rig_environment(run: Path, tray: Tray) -> dict[str, str]:
    """Make ``home``, ``runtime`` (0700) and ``tmp`` in ``run``; the environment that uses them.

    Starts from ``os.environ`` without what would tie an app to the developer's session; the
    caller adds ``DISPLAY`` and ``DBUS_SESSION_BUS_ADDRESS`` once the rig has them.
    """
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
        RIG_TRAY=tray,
    )
    return env


def write_dunst_config(run: Path) -> Path:
    """Write the context-menu picker and ``dunstrc`` into ``run``; the path of ``dunstrc``."""
    picker = run / "dmenu-pick"
    picker.write_text(_PICKER.format(python=sys.executable))
    picker.chmod(0o755)
    dunstrc = run / "dunstrc"
    dunstrc.write_text(_DUNSTRC.format(picker=picker))
    return dunstrc
