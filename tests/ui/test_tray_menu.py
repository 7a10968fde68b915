"""Tray menu and states: pause submenu, the panel entry, left click, paused/sign-in looks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QSystemTrayIcon

from desktop.tray import PauseChoice, TrayIcon
from ui.tray_icon import TrayLook, render_pixmap


@pytest.fixture
def tray(qtbot):
    icon = TrayIcon()
    yield icon
    icon.hide()


@pytest.mark.parametrize(
    ("action", "value"),
    [
        ("pause_hour_action", "1h"),
        ("pause_tomorrow_action", "tomorrow"),
        ("resume_action", "resume"),
    ],
)
def test_tray_menu_pause_entries_emit_intents(qtbot, tray, action, value):
    tray.set_paused(datetime.now(UTC) + timedelta(hours=1))  # so "Resume" is enabled
    with qtbot.waitSignal(tray.pause_requested, timeout=1000) as pause:
        getattr(tray, action).trigger()
    assert pause.args == [value]
    assert PauseChoice(value).value == value


def test_tray_menu_pause_submenu_layout(tray):
    texts = [a.text() for a in tray.pause_menu.actions() if not a.isSeparator()]
    assert texts == ["For 1 hour", "Until tomorrow", "Resume alerts"]
    assert tray.pause_menu.menuAction() in tray.menu.actions()
    assert not tray.resume_action.isEnabled()
    tray.set_paused(datetime.now(UTC) + timedelta(hours=1))
    assert tray.resume_action.isEnabled()
    tray.set_paused(None)
    assert not tray.resume_action.isEnabled()


def test_tray_menu_left_click_opens_the_panel(qtbot, tray):
    with qtbot.waitSignal(tray.panel_requested, timeout=1000):
        tray.tray.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    with qtbot.assertNotEmitted(tray.panel_requested):
        tray.tray.activated.emit(QSystemTrayIcon.ActivationReason.Context)


def test_tray_menu_notifications_entry_counts_and_opens_the_panel(qtbot, tray):
    assert tray.notifications_action.text() == "Notifications"
    tray.set_unread(7)
    assert tray.notifications_action.text() == "Notifications (7)"
    tray.set_unread(250)
    assert tray.notifications_action.text() == "Notifications (99+)"
    with qtbot.waitSignal(tray.panel_requested, timeout=1000):
        tray.notifications_action.trigger()


def _same_image(tray: TrayIcon, look: TrayLook, unread: int) -> bool:
    shown = (
        tray.tray.icon()
        .pixmap(32)
        .toImage()
        .convertToFormat(render_pixmap(32, look, unread).toImage().format())
    )
    return shown == render_pixmap(32, look, unread).toImage()


def test_tray_menu_paused_shows_the_moon(tray):
    tray.set_look(TrayLook.ONLINE, "Connected")
    tray.set_paused(datetime.now(UTC) + timedelta(minutes=30))
    assert tray.look is TrayLook.PAUSED
    assert _same_image(tray, TrayLook.PAUSED, 0)
    moon = render_pixmap(32, TrayLook.PAUSED, 0).toImage()
    assert moon.pixelColor(4, 16) == QColor("#4b4f7a")  # the night tile
    assert moon.pixelColor(14, 16) == QColor("white")  # the crescent's body
    assert moon.pixelColor(22, 16) != QColor("white")  # bitten off on the right
    assert "Alerts paused until" in tray.tray.toolTip()
    tray.set_paused(None)
    assert tray.look.value == TrayLook.ONLINE.value  # (mypy narrows `look` to PAUSED above)
    assert "paused" not in tray.tray.toolTip()


def test_tray_menu_sign_in_beats_paused(tray):
    tray.set_paused(datetime.now(UTC) + timedelta(hours=1))
    tray.set_connection("auth_required", 0)
    assert tray.look is TrayLook.SIGN_IN
    assert "Sign in again" in tray.tray.toolTip()


def test_tray_menu_offline_tooltip_says_why_and_the_true_next_try(tray, qtbot):
    now = datetime(2025, 3, 14, 9, 0, 0, tzinfo=UTC)
    tray.set_connection("offline", 10, now=now)  # the poller retries after 10 s, not 1 min
    assert tray.look is TrayLook.OFFLINE
    local = (now + timedelta(seconds=10)).astimezone()
    assert f"{local.minute:02d}:{local.second:02d}" in tray.tray.toolTip()
    assert "minute" not in tray.tray.toolTip()
    tray.set_cause("The intranet doesn't answer.")
    assert "The intranet doesn't answer." in tray.tray.toolTip()
    assert tray.retry_action.isVisible()
    assert tray.retry_action.text() == "Try now"
    with qtbot.waitSignal(tray.retry_requested):
        tray.retry_action.trigger()
    with qtbot.waitSignal(tray.check_requested):
        tray.check_action.trigger()
    with qtbot.waitSignal(tray.open_log_requested):
        tray.log_action.trigger()
    tray.set_connection("online", 30, now=now)
    assert not tray.retry_action.isVisible()


def test_tray_menu_paused_text_names_the_time_or_the_day(tray):
    now = datetime(2025, 3, 14, 9, 0, tzinfo=UTC).astimezone()
    tray.set_paused(now + timedelta(hours=1))
    today = tray.paused_text(now)
    tray.set_paused(now + timedelta(days=1))
    tomorrow = tray.paused_text(now)
    assert today.startswith("Alerts paused until ")
    assert len(tomorrow) > len(today)  # a date as well as a time
    tray.set_paused(None)
    assert tray.paused_text(now) == ""
