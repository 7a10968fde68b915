"""The tray's "Polls" entry: hidden until the server is known to have the polls module."""

from __future__ import annotations

from desktop.tray import TrayIcon


def test_polls_entry_follows_the_capability_and_emits(qtbot) -> None:
    tray = TrayIcon()
    try:
        assert not tray.polls_action.isVisible()
        tray.set_polls_available(True)
        assert tray.polls_action.isVisible()
        assert tray.polls_action.text() == "Polls"
        with qtbot.waitSignal(tray.polls_requested):
            tray.polls_action.trigger()
        tray.set_polls_available(False)
        assert not tray.polls_action.isVisible()
    finally:
        tray.hide()
