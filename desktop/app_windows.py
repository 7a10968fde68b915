"""The tray's "Settings…", "Help & tips" and "About Startpunt" windows, built on first use."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from desktop.autostart import Autostart, for_this_system, launch_command
from desktop.effective_settings import settings_path
from desktop.leadership import demo_community
from desktop.paths import Paths
from desktop.settings_host import SettingsHost, live_settings
from services.policy import Effective

if TYPE_CHECKING:  # the windows are imported on first use: not on the start-up path
    from desktop.composition import Parts
    from ui.about_window import AboutWindow
    from ui.help_window import HelpWindow


def post_command(profile: Path | None, *, platform: str = sys.platform) -> str:
    """The command line that opens this installation's post window, as a user types it."""
    words = [*launch_command(None), "post"]
    if profile is not None:
        words += ["--profile", str(profile.absolute())]
    return subprocess.list2cmdline(words) if platform == "win32" else shlex.join(words)


class AppWindows(QObject):
    """Opens each window once and raises it again when asked a second time."""

    def __init__(
        self,
        parts: Parts,
        paths: Paths,
        *,
        profile: Path | None = None,
        autostart: Autostart | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._parts, self._paths, self._profile = parts, paths, profile
        self.settings = SettingsHost(
            parts.effective,
            settings_path(paths),
            apply=self._apply,
            autostart=autostart or for_this_system(),
            command=launch_command(profile),
            parent=self,
        )
        self.help: HelpWindow | None = None
        self.about: AboutWindow | None = None

    def _apply(self, effective: Effective) -> None:
        parts = self._parts
        parts.effective = effective
        parts.settings = live_settings(parts.settings, effective.settings)
        if parts.demo:  # the demo's leaders and kudos space stay unless the user chose others
            parts.settings = demo_community(parts.settings)
        parts.controller.apply_settings(parts.settings)
        if parts.community is not None:
            parts.community.apply_settings(parts.settings)
        parts.posting.set_guidelines_url(parts.settings.guidelines_url)
        if parts.leadership is not None:
            parts.leadership.apply_settings(parts.settings)
        if parts.spotlight is not None:
            parts.spotlight.set_kudos_space(parts.settings.kudos_space)

    def open_settings(self) -> None:
        if self.settings.window is None or not self.settings.window.isVisible():
            self.settings.effective = self._parts.effective  # others may have changed it
        self.settings.open()

    def open_help(self) -> None:
        if self.help is None:
            from ui.help_window import HelpWindow

            self.help = HelpWindow(post_command(self._profile), str(self._paths.log))
        _raise(self.help)

    def open_about(self) -> None:
        if self.about is None:
            from services.licences import own_part, shipped_parts
            from ui.about_window import AboutWindow

            self.about = AboutWindow(own_part(), shipped_parts())
        _raise(self.about)

    def close(self) -> None:
        """Close every window (quitting)."""
        for window in (self.settings.window, self.help, self.about):
            if window is not None:
                window.close()


def _raise(window: QWidget) -> None:
    window.show()
    window.raise_()
    window.activateWindow()


def attach(parts: Parts, paths: Paths, profile: Path | None) -> AppWindows:
    """Create the windows' owner (kept alive by the tray) and connect the tray's menu to it."""
    windows = AppWindows(parts, paths, profile=profile, parent=parts.tray)
    parts.tray.settings_requested.connect(windows.open_settings)
    parts.tray.help_requested.connect(windows.open_help)
    parts.tray.about_requested.connect(windows.open_about)
    if parts.spotlight is not None:
        parts.spotlight.settings_requested.connect(windows.open_settings)
    return windows
