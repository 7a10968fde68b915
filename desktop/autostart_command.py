"""`startpunt autostart on|off|status`: one line on stdout; exit 1 when it cannot be done.

No Qt: it runs without a desktop session (over ssh, in a roll-out script).
"""

from __future__ import annotations

import logging
import sys

from desktop.autostart import Autostart, for_this_system, launch_command
from desktop.cli import AutostartOptions
from desktop.effective_settings import load_effective, settings_path, switch_autostart
from desktop.paths import Paths


def run_autostart(options: AutostartOptions, autostart: Autostart | None = None) -> int:
    """Do what the user asked; print the state (or why not) in one line."""
    logging.basicConfig(level=logging.DEBUG if options.debug else logging.ERROR)
    autostart = for_this_system() if autostart is None else autostart
    paths = Paths.resolve(options.profile)
    paths.ensure()
    effective, _first = load_effective(paths)
    if options.action != "status":
        command = launch_command(options.profile)
        problem = switch_autostart(
            autostart, effective, settings_path(paths), command, on=options.action == "on"
        )
        if problem is not None:
            sys.stderr.write(f"startpunt: {problem}\n")
            return 1
    state = "on" if autostart.is_on() else "off"
    locked = " (set by your organisation)" if effective.is_locked("autostart") else ""
    sys.stdout.write(f"Start at login: {state}{locked} ({autostart.where})\n")
    return 0
