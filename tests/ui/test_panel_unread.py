"""The panel shows a like group unread when a new like arrived after the group was seen: the
AppController against the sandbox, which lists grouped likes as a real HumHub 1.18.5 does."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Iterator
from datetime import UTC
from typing import Any

import httpx
import pytest

from desktop.browser import Browser
from desktop.controller import AppController
from sandbox.server import SandboxServer
from services.alert_policy import AlertPolicy
from services.humhub.connector import HumHubConnector
from services.poller import Poller
from services.quiet_hours import QuietHours
from services.seen import SeenStore
from services.settings import Settings
from services.store import Database
from tests.fakes.clock import FakeClock
from ui.notification_model import NotificationListModel


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with SandboxServer(pace="off", seed=4) as running:
        yield running


def _api(server: SandboxServer, method: str, path: str, **kwargs: Any) -> Any:
    headers = {"Authorization": f"Bearer {server.demo_token}"}
    answer = httpx.request(method, f"{server.base_url}{path}", headers=headers, **kwargs)
    assert answer.is_success, answer.text
    return answer.json()


def test_a_new_like_on_a_seen_group_shows_unread_in_the_panel(qtbot, server) -> None:
    first = _api(server, "POST", "/_sandbox/act", json={"action": "like_burst", "count": 1})
    _api(server, "PATCH", "/api/v1/notification/mark-as-seen")
    again = {"action": "like_burst", "count": 1, "post_id": first["post_id"]}
    second = _api(server, "POST", "/_sandbox/act", json=again)
    old_id, new_id = first["notification_id"], second["notification_id"]
    assert new_id != old_id  # a new row, as on the real server
    badge = _api(server, "GET", "/api/v1/notification/unseen")["total"]
    assert badge == 1

    clock = FakeClock()
    db = Database.in_memory()
    seen = SeenStore(db, clock=clock)
    connector = HumHubConnector(server.base_url, token=server.demo_token)
    controller = AppController(
        connector,
        Poller(connector, clock, random.Random(1), seen=seen),
        Browser(connector.base_url, allow_loopback_http=True),
        policy=AlertPolicy(seen),
        quiet=QuietHours((), UTC, clock),
        settings=Settings(),
        clock=clock,
    )

    async def load() -> None:
        await controller._load_panel()
        await connector.aclose()

    with qtbot.waitSignal(controller.notifications_changed) as changed:
        asyncio.run(load())
    items, unread = changed.args
    rows = server.world.db.all(
        "SELECT id FROM notification WHERE group_key = ? ORDER BY id",
        (f"humhub\\modules\\post\\models\\Post:{first['post_id']}",),
    )
    episodes = [int(r["id"]) for r in rows]  # the seed liked this post before, too
    assert {old_id, new_id} <= set(episodes)
    group = [n for n in items if n.id in episodes]
    assert [n.id for n in group] == [episodes[0]]  # listed once, under the group's oldest id
    assert unread == frozenset({episodes[0]})  # ...and unread, as the badge says
    model = NotificationListModel()
    model.set_notifications(items, unread)
    assert model.unread_count() == badge
