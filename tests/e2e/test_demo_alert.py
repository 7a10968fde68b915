"""End to end: a simulated colleague's like reaches the desktop as an OS alert with Open."""

from __future__ import annotations

import re

import httpx

from devtools.rig import DesktopRig, NotifyCall
from tests.e2e.demo_app import run_demo

_ENTRY = re.compile(r"/notification/entry\?id=(\d+)$")


def _like_alerts(rig: DesktopRig, since: float) -> list[NotifyCall]:
    return [
        call
        for call in rig.notifications()
        if call.app_name == "Startpunt" and call.time >= since and "leuk" in call.body
    ]


def test_demo_like_reaches_the_desktop_and_open_opens_the_entry(rig, tmp_path):
    with run_demo(rig, tmp_path / "profile", "--demo-pace", "fast") as app:
        items = rig.wait_for(rig.sni_items, 20, what="the tray item")
        assert items, "the app registered no StatusNotifierItem"

        alerts = rig.wait_for(lambda: _like_alerts(rig, app.started_at), 30, what="a like alert")
        alert = alerts[0]
        assert "Open" in alert.labels
        assert "Dismiss" in alert.labels

        rig.click("Open", notification_id=alert.id)
        opened = rig.wait_for(app.opened, 10, what="the browser to be asked to open a URL")
        assert len(opened) == 1
        assert opened[0].startswith(app.base_url() + "/notification/entry?id=")
        match = _ENTRY.search(opened[0])
        assert match is not None
        kind, originator, _ = app.notification_row(int(match.group(1)))
        assert kind == "humhub\\modules\\like\\notifications\\NewLike"
        assert alert.summary == originator  # the colleague's name is the alert's title

        # What the browser would do: the entry page marks it seen and leads to the post.
        page = httpx.get(opened[0], follow_redirects=True, timeout=10)
        assert page.status_code == 200
        assert "/content/perma?id=" in str(page.url)
        assert app.notification_row(int(match.group(1)))[2] == 1
