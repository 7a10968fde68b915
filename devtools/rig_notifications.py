"""The user's side of notifications in the rig: what was sent, what dunst shows, pressing buttons.

Reads ``notify.log`` (through ``devtools.notify_log``) and drives dunst with ``dunstctl``; starts
nothing itself. ``devtools.desktop_rig.DesktopRig`` builds on this.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from devtools.notify_log import NotifyCall, parse_notify_log
from devtools.rig_processes import RigError, RigProcesses

__all__ = ["DunstCount", "RigNotifications"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DunstCount:
    """``dunstctl count``: waiting (paused), displayed, and in history (closed)."""

    waiting: int
    displayed: int
    history: int


class RigNotifications(RigProcesses):
    """Notifications in a running rig: the D-Bus record, dunst's counts, clicking a button."""

    @property
    def notify_log(self) -> Path:
        """The D-Bus record of notification traffic (``dbus-monitor``'s output)."""
        return self.run_dir / "notify.log"

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
