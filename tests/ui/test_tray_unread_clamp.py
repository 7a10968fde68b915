"""The tray survives absurd unread counts (issue 7: a `total` of 10^30 overflowed Qt's int;
RELIABILITY row 15)."""

from __future__ import annotations

import pytest

from desktop.tray import MAX_UNREAD, TrayIcon
from ui.tray_icon import TrayLook


@pytest.mark.parametrize("unread", [10**30, 2**31, 2**63])
def test_tray_clamps_an_absurd_unread_count(qtbot, unread: int) -> None:
    tray = TrayIcon()
    tray.set_look(TrayLook.ONLINE, "Connected")
    tray.set_unread(unread)
    assert tray.notifications_action.text() == "Notifications (99+)"
    assert f"{MAX_UNREAD} new notification" in tray.tray.toolTip()
    assert tray.mark_read_action.isEnabled()
