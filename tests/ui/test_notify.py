"""Alert text never becomes markup on the way to the notification server."""

from __future__ import annotations

import asyncio
import sys

import pytest

from PySide6.QtCore import QObject, Signal

from desktop.notify import TrayBalloonNotifier, trim
from desktop.notify_freedesktop import _plain
from services.models import Alert

EVIL = 'Jan <a href="https://evil.example">klik</a> <img src="file:///etc/passwd"> & co'


class FakeTray(QObject):
    messageClicked = Signal()  # noqa: N815 -- Qt's name

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[tuple[str, str]] = []

    def showMessage(self, title: str, body: str, _icon: object) -> None:  # noqa: N802 -- Qt API
        self.messages.append((title, body))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="freedesktop servers only")
def test_notify_balloon_escapes_markup_for_the_notification_server(qapp):
    tray = FakeTray()
    opened: list[Alert] = []
    notifier = TrayBalloonNotifier(tray, lambda alert, _action: opened.append(alert))  # type: ignore[arg-type]
    alert = Alert("k", "Jan", EVIL, "https://intranet.example/x")
    asyncio.run(notifier.show(alert))
    (_title, body) = tray.messages[0]
    assert "<a" not in body
    assert "<img" not in body
    assert "&lt;a href" in body
    assert "&amp; co" in body
    tray.messageClicked.emit()
    assert opened == [alert]


def test_notify_summary_cannot_carry_markup():
    cleaned = _plain("<b>Jan</b> <img src=x>")
    assert "<" not in cleaned
    assert ">" not in cleaned
    assert "Jan" in cleaned


def test_notify_trim_keeps_alerts_short():
    assert trim("x" * 500) == "x" * 199 + "…"
    assert trim("kort") == "kort"
