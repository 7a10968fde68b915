"""A post written before the app ever reached the intranet goes to the profile once it can.

Real parts: the connector, the outbox in a SQLite file, and the sandbox on 127.0.0.1, which
is started only after the post was queued (the intranet was unreachable until then).
"""

from __future__ import annotations

import asyncio
import random
import socket
import uuid

import httpx

from desktop.posting import PostingController
from desktop.profile_target import PLACEHOLDER_ID, placeholder
from sandbox.server import SandboxServer
from services.clock import SystemClock
from services.compose import Composition, Draft
from services.humhub.connector import HumHubConnector
from services.models import Container
from services.store import Database
from tests.fakes.clock import FakeClock
from tests.fakes.port import FakePort


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _posts_with(server: SandboxServer, marker: str) -> list[dict[str, object]]:
    reply = httpx.get(
        f"{server.base_url}/api/v1/post",
        params={"limit": 50},
        headers={"Authorization": f"Bearer {server.demo_token}"},
        timeout=10,
    )
    reply.raise_for_status()
    return [p for p in reply.json()["results"] if marker in str(p.get("message", ""))]


def test_a_post_to_my_profile_before_the_first_connection_arrives_later(qtbot, tmp_path):
    port = _free_port()
    connector = HumHubConnector(f"http://127.0.0.1:{port}", token="not-yet")
    db = Database.open(tmp_path / "startpunt.sqlite3")
    posting = PostingController(db, connector, SystemClock(), rng=random.Random(1))
    marker = uuid.uuid4().hex[:8]
    server = SandboxServer(pace="off", seed=3, port=port)

    async def go() -> tuple[list[dict[str, object]], object]:
        posting.start()  # the targets can't be read: nothing answers on the port
        dialog = posting.open_dialog(f"Vanuit de trein {marker}")
        qtbot.addWidget(dialog)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 20
        while posting._background:  # reading the targets failed: nothing answers
            assert loop.time() < deadline, "the targets were never read"
            await asyncio.sleep(0.01)
        targets = [dialog.target.itemText(i) for i in range(dialog.target.count())]
        assert targets == ["My profile"], targets
        dialog.request_post()
        assert dialog.editor.toPlainText() == ""  # queued
        while posting._sender.failures < 1:  # the sender tried and found nobody
            assert loop.time() < deadline, "the sender never tried"
            await asyncio.sleep(0.01)
        assert len(posting.outbox.waiting()) == 1
        server.start()
        connector.use_token(server.demo_token)
        posting.network_back()
        deadline = loop.time() + 20
        while loop.time() < deadline and posting.outbox.waiting():
            await asyncio.sleep(0.1)
        found = await asyncio.to_thread(_posts_with, server, marker)
        profile_container = server.world.demo_user()["container_id"]
        await posting.shutdown()
        await connector.aclose()
        return found, profile_container

    try:
        found, profile_container = asyncio.run(go())
    finally:
        server.stop()
        db.close()
    assert len(found) == 1
    container = found[0]["content"]["metadata"]["contentcontainer_id"]  # type: ignore[index]
    assert container == profile_container


def test_editing_a_post_queued_to_my_profile_before_connecting_keeps_it_there(qtbot, tmp_path):
    """Queued to "My profile" before the first connection (the placeholder target), opened
    with Edit… once the profile is known: the dialog must show the profile as its target,
    not leave whatever target was chosen last (posting the edit would send it there)."""
    team = Container(3, "g-team", "Team Zorg", 30)
    port = FakePort(spaces=[team])
    db = Database.open(tmp_path / "startpunt.sqlite3")
    posting = PostingController(db, port, FakeClock(), rng=random.Random(1))
    queued = posting.outbox.enqueue(
        Composition(Draft("Vanuit de trein", PLACEHOLDER_ID), placeholder())
    )

    async def go() -> Container | None:
        await posting._refresh_targets()  # connected now: the profile is known
        dialog = posting.open_dialog()
        qtbot.addWidget(dialog)
        dialog.target.select(30)  # the user wrote to the team last
        posting.edit(queued.client_id)
        assert dialog.draft().editing == queued.client_id
        chosen = dialog.target.current_target()
        await posting.shutdown()
        return chosen

    try:
        chosen = asyncio.run(go())
    finally:
        db.close()
    assert chosen is not None
    assert chosen.contentcontainer_id == 1  # the profile of the signed-in user (FakePort)
