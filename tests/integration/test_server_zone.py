"""Server times without an offset, in the server's own zone: the connector finds the zone
(or is told it), so fresh items read as fresh and the outbox's read-back still matches.

The sandbox serves times like a HumHub configured for Europe/Amsterdam (an hour ahead of UTC
in winter) or America/New_York (five hours behind).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest

from sandbox.server import SandboxServer
from services.clock import SystemClock
from services.compose import Composition, Draft, OutboxState
from services.humhub.connector import HumHubConnector
from services.models import Container
from services.outbox import Outbox
from services.outbox_send import SendOutcome
from services.store import Database

FRESH = timedelta(minutes=1)


@pytest.fixture(params=["Europe/Amsterdam", "America/New_York"])
def server(request: pytest.FixtureRequest) -> Iterator[SandboxServer]:
    with SandboxServer(pace="off", seed=6, server_zone=request.param) as running:
        yield running


def _control(server: SandboxServer) -> httpx.Client:
    headers = {"Authorization": f"Bearer {server.demo_token}"}
    return httpx.Client(base_url=server.base_url, headers=headers, timeout=10)


def test_a_fresh_notification_is_read_as_fresh(server: SandboxServer) -> None:
    with _control(server) as control:
        made = control.post("/_sandbox/act", json={"action": "like_burst", "count": 1})
        assert made.status_code == 200, made.text
    nid = made.json()["notification_id"]

    async def read() -> datetime | None:
        connector = HumHubConnector(server.base_url, token=server.demo_token)  # zone unknown
        try:
            page = await connector.list_notifications(unseen_only=True, limit=50)
        finally:
            await connector.aclose()
        [item] = [n for n in page.items if n.id == nid]
        return item.created_at

    created = asyncio.run(read())
    assert created is not None
    assert abs(datetime.now(UTC) - created) < FRESH  # not an hour ahead, not five behind


def test_a_named_zone_wins_and_costs_no_request(server: SandboxServer) -> None:
    zone = ZoneInfo(server.server_zone)
    requests: list[str] = []

    async def read() -> None:
        connector = HumHubConnector(server.base_url, token=server.demo_token, server_timezone=zone)
        connector._http._client.event_hooks["request"].append(
            lambda request: _note(requests, request)
        )
        try:
            page = await connector.list_notifications(limit=5)
        finally:
            await connector.aclose()
        assert connector.server_timezone is zone
        assert all(n.created_at is None or n.created_at.tzinfo is zone for n in page.items)

    asyncio.run(read())
    assert requests == ["/api/v1/notification"]


async def _note(requests: list[str], request: httpx.Request) -> None:
    requests.append(request.url.path)


def test_the_outbox_read_back_matches_in_any_server_zone(server: SandboxServer, tmp_path) -> None:
    """The answer to the create is lost; reading back must find the post, not send it twice
    (a server west of UTC read as UTC looks five hours older than the first attempt)."""
    with _control(server) as control:
        fault = {"route": "POST /post/container", "mode": "commit_then_drop"}
        control.post("/_sandbox/fault", json=fault).raise_for_status()
    demo = server.world.demo_user()
    target = Container(int(demo["id"]), str(demo["guid"]), "profiel", int(demo["container_id"]))
    text = f"Tijdzone {uuid.uuid4().hex[:8]}"

    async def main() -> tuple[list[SendOutcome], OutboxState | None]:
        connector = HumHubConnector(server.base_url, token=server.demo_token)
        db = Database.open(tmp_path / "startpunt.sqlite3")
        try:
            outbox = Outbox(db, connector, SystemClock())
            item = outbox.enqueue(Composition(Draft(text), target))
            outcomes = [(await outbox.send_next()).outcome for _ in range(3)]
            final = outbox.get(item.client_id)
            return outcomes, None if final is None else final.state
        finally:
            await connector.aclose()
            db.close()

    outcomes, state = asyncio.run(main())
    assert outcomes == [SendOutcome.AMBIGUOUS, SendOutcome.SENT, SendOutcome.IDLE]
    assert state is OutboxState.SENT
    rows = server.world.db.all("SELECT id FROM post WHERE message = ?", (text,))
    assert len(rows) == 1
