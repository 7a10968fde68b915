"""Before Qt starts: is there a desktop to show a tray icon on? One clear line if not.

Without a display Qt aborts the process with a long message about platform plugins (and on
X11 without libxcb-cursor0 it names that library in the middle of it). Checked before the
QApplication exists, on Linux only; other platforms always have a desktop session.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Callable, Mapping

# The X11 libraries Qt's xcb plugin needs beyond libxcb itself (Debian/Ubuntu package names).
XCB_LIBRARIES = {"xcb-cursor": "libxcb-cursor0", "xkbcommon-x11": "libxkbcommon-x11-0"}
_NON_DESKTOP = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb")


def display_problem(
    env: Mapping[str, str] | None = None,
    *,
    platform: str = sys.platform,
    find_library: Callable[[str], str | None] = ctypes.util.find_library,
) -> str | None:
    """Why Qt could not show a tray icon here (one sentence), or None when it can try."""
    env = os.environ if env is None else env
    if not platform.startswith("linux"):
        return None
    chosen = env.get("QT_QPA_PLATFORM", "").split(":")[0]
    if chosen.startswith(_NON_DESKTOP):
        return None  # tests and special set-ups choose their own platform
    x11, wayland = bool(env.get("DISPLAY")), bool(env.get("WAYLAND_DISPLAY"))
    if not x11 and not wayland:
        return (
            "no desktop session: Startpunt needs a graphical desktop with a system tray "
            "(neither DISPLAY nor WAYLAND_DISPLAY is set)"
        )
    if chosen.startswith("wayland") or (wayland and not chosen):
        return None
    missing = [pkg for lib, pkg in XCB_LIBRARIES.items() if find_library(lib) is None]
    if missing:
        return (
            f"the X11 libraries Qt needs are missing: install {' '.join(missing)} "
            f"(sudo apt-get install {' '.join(missing)})"
        )
    return None
