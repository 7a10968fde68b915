"""End to end, issue 3: never twice across a restart, a burst is one alert, Thanks! once."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator

import httpx
import pytest

from devtools.rig import DesktopRig, NotifyCall
from sandbox.server import SandboxServer
from tests.e2e.demo_app import DemoApp, run_against, run_demo


def _ours(rig: DesktopRig, since: float) -> list[NotifyCall]:
    return [c for c in rig.notifications() if c.app_name == "Startpunt" and c.time >= since]


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    server = SandboxServer(pace="off", seed=11)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _at_least(rig: DesktopRig, since: float, count: int) -> list[NotifyCall]:
    calls = _ours(rig, since)
    return calls if len(calls) >= count else []


def _control(sandbox: SandboxServer, method: str, path: str, **body: object) -> dict[str, object]:
    reply = httpx.request(
        method,
        f"{sandbox.base_url}/_sandbox/{path}",
        json=body or None,
        headers={"Authorization": f"Bearer {sandbox.demo_token}"},
        timeout=10,
    )
    reply.raise_for_status()
    data: dict[str, object] = reply.json()
    return data


def test_no_notification_is_alerted_twice_across_a_restart(rig, tmp_path):
    profile = tmp_path / "profile"
    with run_demo(rig, profile, "--demo-pace", "fast") as first:
        alerts = first.wait(
            rig,
            lambda: _at_least(rig, first.started_at, 2),
            40,
            what="alerts of the first run",
        )
        time.sleep(3)
        before = {(c.summary, c.body) for c in _ours(rig, first.started_at)}
    assert len(before) >= len({(a.summary, a.body) for a in alerts})
    with run_demo(rig, profile, "--demo-pace", "off") as second:
        second.wait(
            rig,
            lambda: (
                "Native notifications" in second.log_text
                or "Notification server capabilities" in second.log_text
            ),
            30,
            what="the second run's first poll",
        )
        time.sleep(4)
        again = [c for c in _ours(rig, second.started_at) if (c.summary, c.body) in before]
    assert again == [], f"alerted again after the restart: {again}"


@contextlib.contextmanager
def _app_on_a_quiet_sandbox(rig: DesktopRig, tmp_path, sandbox: SandboxServer) -> Iterator[DemoApp]:
    """Everything seen on the sandbox, then the app started and past its first poll."""
    httpx.patch(
        f"{sandbox.base_url}/api/v1/notification/mark-as-seen",
        headers={"Authorization": f"Bearer {sandbox.demo_token}"},
        timeout=10,
    ).raise_for_status()
    with run_against(
        rig, tmp_path / "p", sandbox.base_url, sandbox.demo_token, "--poll-interval", "10"
    ) as app:
        app.wait(
            rig, lambda: "Notification server capabilities" in app.log_text, 30, what="first poll"
        )
        yield app


def test_a_burst_of_likes_is_one_alert_updated_in_place(rig, tmp_path, sandbox):
    with _app_on_a_quiet_sandbox(rig, tmp_path, sandbox) as app:
        first = _control(sandbox, "POST", "act", action="like_burst", count=1)
        post_id = first["post_id"]
        app.wait(rig, lambda: _ours(rig, app.started_at), 25, what="the first like alert")
        second = _control(sandbox, "POST", "act", action="like_burst", count=3, post_id=post_id)
        assert second["notification_id"] == first["notification_id"]  # HumHub regroups
        calls = app.wait(
            rig,
            lambda: _at_least(rig, app.started_at, 2),
            25,
            what="the updated alert",
        )
    original, update = calls[0], calls[-1]
    assert original.replaces_id == 0
    assert update.replaces_id == original.id  # the same OS notification, updated in place
    assert update.summary == "New likes on your post"
    assert "en 3 anderen" in update.body  # the server's regrouped text: 4 people now
    assert len({c.id for c in calls}) == 1


def test_thanks_button_posts_exactly_one_comment(rig, tmp_path, sandbox):
    with _app_on_a_quiet_sandbox(rig, tmp_path, sandbox) as app:
        app.wait_log(rig, "Capabilities:", 15)
        like = _control(sandbox, "POST", "act", action="like_burst", count=1)
        post_id = str(like["post_id"])
        before = _control(sandbox, "GET", "state")
        calls = app.wait(
            rig,
            lambda: [c for c in _ours(rig, app.started_at) if "Thanks!" in c.labels],
            25,
            what="a like alert with Thanks!",
        )
        rig.click("Thanks!", notification_id=calls[-1].id)
        app.wait_log(rig, "Thanked for notification", 15)
        time.sleep(1)
        after = _control(sandbox, "GET", "state")
    comments_before = _comments(before, post_id)
    assert _comments(after, post_id) == comments_before + 1
    assert app.log_text.count("Thanked for notification") == 1


def _comments(state: dict[str, object], post_id: str) -> int:
    per_post = state["comments"]
    assert isinstance(per_post, dict)
    return int(per_post.get(post_id, 0))
