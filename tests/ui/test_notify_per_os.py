"""Tray balloons per OS: only a freedesktop server (Linux) reads markup, so only there is the
text escaped; Windows and macOS show it as it is (escaping would show "&lt;" to the user)."""

from __future__ import annotations

import asyncio

import pytest

from desktop.notify import TrayBalloonNotifier
from services.models import Alert
from tests.ui.test_notify import EVIL, FakeTray


@pytest.mark.parametrize(
    ("platform", "escaped"), [("linux", True), ("win32", False), ("darwin", False)]
)
def test_balloon_text_per_os(qapp, platform: str, escaped: bool) -> None:
    tray = FakeTray()
    notifier = TrayBalloonNotifier(tray, lambda _a, _b: None, platform=platform)  # type: ignore[arg-type]
    asyncio.run(notifier.show(Alert("k", "Jan", EVIL, "https://intranet.example/x")))
    (_title, body) = tray.messages[0]
    assert ("&lt;a href" in body) is escaped
    assert ('<a href="https://evil.example">' in body) is not escaped
