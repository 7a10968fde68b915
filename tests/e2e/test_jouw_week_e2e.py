"""End to end: the demo's week of activity becomes "Jouw week" on the desktop; Open shows it."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

from devtools.rig import DesktopRig, NotifyCall
from tests.e2e.demo_app import run_demo

_LOGGED = re.compile(r"Jouw week shown \((\d+) likes, (\d+) comments, (\d+) thanks\)")


def _week_alerts(rig: DesktopRig, since: float) -> list[NotifyCall]:
    return [
        call
        for call in rig.notifications()
        if call.app_name == "Startpunt" and call.time >= since and call.summary == "Your week"
    ]


def test_jouw_week_from_the_demo_week_reaches_the_desktop_and_opens(rig, tmp_path) -> None:
    profile = tmp_path / "profile"
    with run_demo(rig, profile, "--demo-pace", "fast") as app:
        alerts = app.wait(rig, lambda: _week_alerts(rig, app.started_at), 100, what="Jouw week")
        alert = alerts[0]
        logged = _LOGGED.search(app.log_text)
        assert logged is not None
        likes, comments, thanks = (int(n) for n in logged.groups())
        assert likes >= 1  # the demo's seeded likes went through the journal
        expected = [f"{likes} like" + "s" * (likes != 1)]
        if comments:
            expected.append(f"{comments} comment" + "s" * (comments != 1))
        if thanks:
            expected.append(f"thanked {thanks} time" + "s" * (thanks != 1))
        assert alert.body == ", ".join(expected)  # the numbers computed are the ones shown
        with sqlite3.connect(
            f"file:{profile / 'data' / 'startpunt.sqlite3'}?mode=ro", uri=True
        ) as db:
            journal_likes = db.execute(
                "SELECT COUNT(*) FROM activity WHERE kind = 'like'"
            ).fetchone()[0]
        assert journal_likes >= likes
        assert "Open" in alert.labels

        rig.click("Open", notification_id=alert.id)
        app.wait_log(rig, "Jouw week window shown", 15)
        assert app.opened() == []  # a window of the app, never the browser
        shots = os.environ.get("STARTPUNT_SHOTS")
        if shots:  # the desktop with the window, to look at
            rig.screenshot(Path(shots) / "jouw-week-demo.png")
