"""End to end, issue 9: Thanks! on a post that mentions someone; the alert answers the click.

`STARTPUNT_SHOTS=DIR` also saves a screenshot of the desktop after the click.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from devtools.rig import DesktopRig, NotifyCall
from sandbox.server import SandboxServer
from tests.e2e.demo_app import run_against


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    server = SandboxServer(pace="off", seed=11)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _ours(rig: DesktopRig, since: float) -> list[NotifyCall]:
    return [c for c in rig.notifications() if c.app_name == "Startpunt" and c.time >= since]


def _api(sandbox: SandboxServer) -> httpx.Client:
    return httpx.Client(
        base_url=sandbox.base_url,
        headers={"Authorization": f"Bearer {sandbox.demo_token}"},
        timeout=10,
    )


def test_thanks_on_a_post_with_a_mention_is_posted_and_the_alert_says_so(rig, tmp_path, sandbox):
    world = sandbox.world
    jan = world.db.one("SELECT guid FROM user WHERE username = 'jan'")
    assert jan is not None
    container = int(world.demo_user()["container_id"])
    message = f"Dank je [Jan Bakker](mention:{jan['guid']}) voor de koffie vanochtend!"
    with _api(sandbox) as api:
        api.patch("/api/v1/notification/mark-as-seen").raise_for_status()
        post = api.post(f"/api/v1/post/container/{container}", json={"data": {"message": message}})
        post.raise_for_status()
    post_id = int(post.json()["id"])
    content_id = int(post.json()["content"]["id"])
    with run_against(
        rig, tmp_path / "p", sandbox.base_url, sandbox.demo_token, "--poll-interval", "10"
    ) as app:
        app.wait(
            rig, lambda: "Notification server capabilities" in app.log_text, 30, what="first poll"
        )
        with _api(sandbox) as api:
            api.post(
                "/_sandbox/act", json={"action": "like_burst", "count": 1, "post_id": post_id}
            ).raise_for_status()
        calls = app.wait(
            rig,
            lambda: [c for c in _ours(rig, app.started_at) if "Thanks!" in c.labels],
            30,
            what="a like alert with Thanks!",
        )
        alert = calls[-1]
        assert "image-data" in alert.hints  # the app icon travels with the alert
        rig.click("Thanks!", notification_id=alert.id)
        app.wait_log(rig, "Thanked for notification", 15)
        updated = app.wait(
            rig,
            lambda: [
                c
                for c in _ours(rig, app.started_at)
                if c.replaces_id == alert.id and "You said thanks." in c.body
            ],
            15,
            what="the alert updated in place",
        )
        assert "Thanks!" not in updated[-1].labels
        shots = os.environ.get("STARTPUNT_SHOTS")
        if shots:
            time.sleep(1)  # dunst redraws the replaced alert
            rig.screenshot(Path(shots) / "defect1-thanks-on-a-mention.png")
    assert "post not found" not in app.log_text
    assert "was not found" not in app.log_text
    with _api(sandbox) as api:
        comments = api.get(f"/api/v1/comment/content/{content_id}").json()["results"]
    assert [str(c["message"]) for c in comments] == ["Bedankt!"]  # the intranet user is Dutch
