"""Tray icon: badge text, states, menu intents."""

from __future__ import annotations

import pytest

from PySide6.QtGui import QImage

from desktop.tray import TrayIcon
from ui.tray_icon import TrayLook, badge_text, render_pixmap


@pytest.mark.parametrize(
    ("unread", "text"), [(0, ""), (-3, ""), (1, "1"), (42, "42"), (99, "99"), (100, "99+")]
)
def test_tray_badge_text(unread, text):
    assert badge_text(unread) == text


def _red_pixels(image: QImage) -> int:
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if c.red() > 180 and c.green() < 90 and c.blue() < 90 and c.alpha() > 200:
                count += 1
    return count


def test_tray_icon_draws_a_badge_only_with_unread(qapp):
    plain = render_pixmap(32, TrayLook.ONLINE, 0).toImage()
    badged = render_pixmap(32, TrayLook.ONLINE, 7).toImage()
    assert _red_pixels(plain) == 0
    assert _red_pixels(badged) > 40


def test_tray_icon_offline_is_grey(qapp):
    image = render_pixmap(32, TrayLook.OFFLINE, 0).toImage()
    centre_left = image.pixelColor(6, 16)
    assert abs(centre_left.red() - centre_left.blue()) < 10  # grey, not the online blue
    online = render_pixmap(32, TrayLook.ONLINE, 0).toImage().pixelColor(6, 16)
    assert online.blue() - online.red() > 60


def test_tray_shows_count_in_menu_and_tooltip(qtbot):
    tray = TrayIcon()
    tray.set_look(TrayLook.ONLINE, "Connected")
    tray.set_unread(3)
    assert tray.notifications_action.text() == "Notifications (3)"
    assert "Connected" in tray.tray.toolTip()
    assert tray.mark_read_action.isEnabled()
    tray.set_unread(0)
    assert tray.notifications_action.text() == "Notifications"
    assert not tray.mark_read_action.isEnabled()


def test_tray_menu_emits_intents(qtbot):
    tray = TrayIcon()
    with qtbot.waitSignal(tray.open_intranet_requested, timeout=1000):
        tray.open_action.trigger()
    with qtbot.waitSignal(tray.quit_requested, timeout=1000):
        tray.quit_action.trigger()
