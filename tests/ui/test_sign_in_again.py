"""After a 401, polling and the outbox resume together once the server takes the credentials
again: the app as `startpunt` builds and wires it, against the sandbox on 127.0.0.1."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import httpx

from desktop.composition import build, wire
from desktop.paths import Paths
from sandbox.server import SandboxServer
from services.compose import Composition, Draft
from services.models import ConnectionState, Container
from tests.waiting import until

MESSAGE = "Na het opnieuw aanmelden verstuurd"


def _arm_401(server: SandboxServer, route: str) -> None:
    answer = httpx.post(
        f"{server.base_url}/_sandbox/fault",
        json={"route": route, "mode": "status", "status": 401, "times": 1},
        headers={"Authorization": f"Bearer {server.demo_token}"},
    )
    assert answer.status_code == 200, answer.text


def test_a_post_parked_by_a_401_goes_out_when_polling_is_back(qtbot, tmp_path: Path) -> None:
    with SandboxServer(pace="off", seed=2) as server:
        paths = Paths.resolve(tmp_path)
        paths.ensure()
        parts = build(paths, server.base_url, server.demo_token, poll_interval=None, demo=True)
        quit_event = asyncio.Event()
        wire(parts, quit_event)
        space = server.world.db.one("SELECT * FROM space WHERE slug = 'algemeen'")
        assert space is not None
        target = Container(int(space["id"]), str(space["guid"]), str(space["name"]),
                           int(space["container_id"]))  # fmt: skip
        sent: list[str] = []
        parts.posting.post_sent.connect(sent.append)
        states: list[str] = []
        parts.controller.connection_changed.connect(lambda state, _s: states.append(state))
        _arm_401(server, "GET /notification")  # the first poll: the token is refused
        _arm_401(server, "POST /post/container")  # and so is the post

        async def go() -> None:
            controller, posting = parts.controller, parts.posting
            controller._poller.start_jitter = timedelta(0)
            controller.start(first_delay=timedelta(0))
            await until(lambda: controller.state is ConnectionState.AUTH_REQUIRED, 10)
            posting.start()
            posting.outbox.enqueue(Composition(Draft(MESSAGE, target.contentcontainer_id), target))
            posting._sender.wake()
            await until(lambda: posting.outbox.paused, 10)
            assert posting.outbox.waiting()  # parked, not lost
            parts.tray.retry_requested.emit()  # "Try to connect again": the server takes it now
            await until(lambda: bool(sent), 30)  # the poller's 10 s minimum gap comes first
            await posting.shutdown()
            await controller.shutdown()

        asyncio.run(go())
        parts.database.close()
        assert states[0] == ConnectionState.AUTH_REQUIRED.value
        assert ConnectionState.ONLINE.value in states
        row = server.world.db.one("SELECT COUNT(*) AS n FROM post WHERE message = ?", (MESSAGE,))
        assert row is not None
        assert row["n"] == 1
