"""End to end against the real HumHub: the real app in the rig, signed in as alice with her
token (`startpunt --intranet http://127.0.0.1:PORT --token-env VAR`, loopback http, a fresh
profile); bobby likes alice's post through the kit's like.sh; the OS alert reaches dunst with
Open and Thanks!; clicking Thanks! leaves exactly one comment on the real server.
"""

from __future__ import annotations

import pytest

from devtools.rig import DesktopRig, NotifyCall
from tests.e2e.demo_app import run_against
from tests.real.server import RealHumHub, unique

pytestmark = pytest.mark.real

THANK_YOU = "Thank you!"  # the app's text in English (LANGUAGE=en in the rig)


def _alerts_about(rig: DesktopRig, since: float, marker: str) -> list[NotifyCall]:
    return [
        c
        for c in rig.notifications()
        if c.app_name == "Startpunt" and c.time >= since and marker in c.summary + c.body
    ]


def test_a_real_like_alerts_with_open_and_thanks_and_thanks_comments_once(
    rig: DesktopRig, tmp_path, real_humhub: RealHumHub
) -> None:
    hh = real_humhub
    hh.mark_all_seen("alice")
    text = unique("e2e like")
    marker = text.split()[0]
    post = hh.create_post("alice", hh.space_container_id, text)
    profile = tmp_path / "profile"
    with run_against(rig, profile, hh.base_url, hh.tokens["alice"], "--poll-interval", "10") as app:
        app.wait_log(rig, "Capabilities:", 60)  # signed in, first poll done, Thanks! possible
        hh.like("bobby", f"post:{post['id']}")
        calls = app.wait(
            rig, lambda: _alerts_about(rig, app.started_at, marker), 60, what="the like alert"
        )
        alert = calls[-1]
        assert {"Open", "Thanks!"} <= set(alert.labels), alert.labels
        assert "Bob Bakker" in alert.summary + alert.body
        rig.click("Thanks!", notification_id=alert.id)
        app.wait_log(rig, "Thanked for notification", 30)
    assert app.log_text.count("Thanked for notification") == 1
    comments = hh.comments_on(post["id"])
    assert [(c["createdBy"]["guid"], c["message"]) for c in comments] == [
        (hh.guid("alice"), THANK_YOU)
    ]
