"""Opens the settings window and applies what the user saved there.

The window checks the values; this saves them in one atomic write (0600) through the settings
API (`services.policy.choose` refuses a locked setting), switches autostart through the OS's
entry, and hands the settings declared `live` to the running app at once (`apply`). The others
apply at the next start; the window says which.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.autostart import Autostart
from desktop.effective_settings import switch_autostart
from services.policy import Effective, choose
from services.settings import BY_NAME, Settings, save
from services.store import StoreError

if TYPE_CHECKING:  # built on first use: not on the start-up path
    from ui.settings_window import SettingsWindow

logger = logging.getLogger(__name__)


class SettingsHost(QObject):
    """Builds the window on first use; `effective` is always the settings in effect."""

    def __init__(
        self,
        effective: Effective,
        path: Path,
        *,
        apply: Callable[[Effective], None],
        autostart: Autostart,
        command: list[str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.effective = effective
        self._path, self._apply = path, apply
        self._autostart, self._command = autostart, command
        self.window: SettingsWindow | None = None

    def open(self) -> None:
        """Show the window with the settings in effect (raised when already open)."""
        if self.window is None:
            self.window = declared_window()
            self.window.save_requested.connect(self.save)
        if not self.window.isVisible():
            self.window.set_settings(self.effective.settings, self.effective.locked)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()

    def save(self, changed: dict[str, object]) -> None:
        """Save the changed values (already checked by the window), then apply the live ones."""
        effective = self.effective
        for name, value in changed.items():
            if name != "autostart":
                effective = choose(effective, name, value)  # a locked one is refused
        if effective is not self.effective:
            try:
                save(self._path, effective.user, effective.user_names)
            except StoreError as exc:
                logger.warning("Settings not saved: %s", exc)
                self._failed(self.tr("the settings file could not be written."))
                return
        problem = None
        if "autostart" in changed:
            on = changed["autostart"] is True
            problem = switch_autostart(self._autostart, effective, self._path, self._command, on=on)
            if problem is None:
                effective = choose(effective, "autostart", self._autostart.is_on())
            else:
                logger.warning("Start at login not changed: %s", problem)
        self.effective = effective
        logger.info("Settings saved: %s", ", ".join(sorted(changed)))
        self._apply(effective)
        if self.window is not None:
            restart = [name for name in changed if not BY_NAME[name].live]
            self.window.show_saved(effective.settings, effective.locked, restart)
        if problem is not None:
            self._failed(self.tr("start at login could not be changed (see the log)."))

    def _failed(self, reason: str) -> None:
        if self.window is not None:
            self.window.show_save_failed(reason)


def live_settings(running: Settings, saved: Settings) -> Settings:
    """The running settings with the saved values of every `live` setting taken over."""
    changes = {
        d.name: getattr(saved, d.name)
        for d in BY_NAME.values()
        if d.live and getattr(saved, d.name) != getattr(running, d.name)
    }
    return replace(running, **changes) if changes else running


def declared_window() -> SettingsWindow:
    """A settings window checking values with `DECLARATIONS` (ui cannot import them)."""
    from ui.settings_window import SettingsWindow

    live = frozenset(name for name, d in BY_NAME.items() if d.live)
    return SettingsWindow(lambda name, value: BY_NAME[name].decode(value), live)
