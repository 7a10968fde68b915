"""Outbox + real connector against the sandbox on 127.0.0.1 (RELIABILITY rows 1, 7, 11, 13).

Exactly-once is checked on the server: the sandbox's `commit_then_drop` fault creates the post
and then cuts the connection, like a proxy timing out after the server committed.
"""

from __future__ import annotations

import asyncio
import socket
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta

import httpx
import pytest

from sandbox import model
from sandbox.server import SandboxServer
from services.clock import SystemClock
from services.compose import Composition, Draft, OutboxProblem, OutboxState
from services.humhub.connector import HumHubConnector
from services.mentions import mentioned
from services.models import Container, Person
from services.outbox import Outbox
from services.outbox_send import SendOutcome
from services.store import Database


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with SandboxServer(pace="off", seed=5) as running:
        yield running


def _control(server: SandboxServer) -> httpx.Client:
    return httpx.Client(
        base_url=server.base_url,
        headers={"Authorization": f"Bearer {server.demo_token}"},
        timeout=10,
    )


def arm(server: SandboxServer, **fault: object) -> None:
    with _control(server) as c:
        c.post(
            "/_sandbox/fault", json={"route": "POST /post/container", **fault}
        ).raise_for_status()


def count_on_server(server: SandboxServer, marker: str) -> int:
    rows = server.world.db.all("SELECT message FROM post")
    return sum(marker in str(r["message"]) for r in rows)


def profile(server: SandboxServer) -> Container:
    demo = server.world.demo_user()
    return Container(int(demo["id"]), str(demo["guid"]), "profiel", int(demo["container_id"]))


class SkewedClock(SystemClock):
    """Our clock, `ahead` of the server's (or the server's zone-less times read as UTC while
    its zone is west of UTC: the same thing to the outbox)."""

    def __init__(self, ahead: timedelta) -> None:
        self.ahead = ahead

    def now(self) -> datetime:
        return super().now() + self.ahead


def run_outbox(server, tmp_path, steps, *, base_url=None, draft=None, clock=None, between=None):
    """Queue one post, then call send_next once per step; return (outcomes, item, text).

    A step "resume" signs in again instead; `between` runs after the first step."""
    draft = draft or Draft(f"Outbox test {uuid.uuid4().hex[:8]}")

    async def main():
        connector = HumHubConnector(base_url or server.base_url, token=server.demo_token)
        db = Database.open(tmp_path / "startpunt.sqlite3")
        try:
            outbox = Outbox(db, connector, clock or SystemClock())
            item = outbox.enqueue(Composition(draft, profile(server)))
            outcomes = []
            for step in steps:
                if step == "resume":
                    outbox.resume()
                    continue
                outcomes.append((await outbox.send_next()).outcome)
                if between is not None and len(outcomes) == 1:
                    between()
            return outcomes, outbox.get(item.client_id), draft.text
        finally:
            await connector.aclose()
            db.close()

    return asyncio.run(main())


def test_outbox_sandbox_sends_and_records_the_permalink(server, tmp_path):
    outcomes, item, marker = run_outbox(server, tmp_path, ["send"])
    assert outcomes == [SendOutcome.SENT]
    assert item.state is OutboxState.SENT
    assert item.url.startswith(server.base_url + "/content/perma?id=")
    assert count_on_server(server, marker) == 1


def test_outbox_sandbox_commit_then_drop_makes_exactly_one_post(server, tmp_path):
    """Row 13: a naive retry makes 2 posts; reading back first makes 1."""
    arm(server, mode="commit_then_drop")
    outcomes, item, marker = run_outbox(server, tmp_path, ["send", "check", "idle"])
    assert outcomes == [SendOutcome.AMBIGUOUS, SendOutcome.SENT, SendOutcome.IDLE]
    assert item.state is OutboxState.SENT
    assert item.post_id is not None
    assert count_on_server(server, marker) == 1


def test_outbox_sandbox_dropped_before_commit_is_sent_again_once(server, tmp_path):
    arm(server, mode="drop")
    outcomes, item, marker = run_outbox(server, tmp_path, ["send", "check", "resend"])
    assert outcomes == [SendOutcome.AMBIGUOUS, SendOutcome.REQUEUED, SendOutcome.SENT]
    assert item.attempts == 2
    assert count_on_server(server, marker) == 1


def test_outbox_sandbox_502_is_read_back_before_any_retry(server, tmp_path):
    arm(server, mode="status", status=502)
    outcomes, _, marker = run_outbox(server, tmp_path, ["send", "check", "resend"])
    assert outcomes == [SendOutcome.RETRY, SendOutcome.REQUEUED, SendOutcome.SENT]
    assert count_on_server(server, marker) == 1


def test_outbox_sandbox_503_with_retry_after_stays_queued(server, tmp_path):
    arm(server, mode="status", status=503, retry_after="7")
    outcomes, item, marker = run_outbox(server, tmp_path, ["send"])
    assert outcomes == [SendOutcome.RETRY]
    assert item.state is OutboxState.QUEUED
    assert item.problem is OutboxProblem.SERVER_BUSY
    assert count_on_server(server, marker) == 0


def test_outbox_sandbox_403_needs_attention_and_keeps_the_text(server, tmp_path):
    arm(server, mode="status", status=403)
    outcomes, item, marker = run_outbox(server, tmp_path, ["send", "idle"])
    assert outcomes == [SendOutcome.ATTENTION, SendOutcome.IDLE]
    assert item.state is OutboxState.NEEDS_ATTENTION
    assert item.text == marker


def test_outbox_sandbox_connection_refused_stays_queued(server, tmp_path):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    outcomes, item, _ = run_outbox(server, tmp_path, ["send"], base_url=f"http://127.0.0.1:{port}")
    assert outcomes == [SendOutcome.RETRY]
    assert item.state is OutboxState.QUEUED
    assert item.problem is OutboxProblem.OFFLINE


def test_outbox_sandbox_mentions_arrive_encoded(server, tmp_path):
    row = server.world.db.all("SELECT * FROM user WHERE username != 'demo' ORDER BY id")[0]
    jan = Person(int(row["id"]), str(row["guid"]), f"{row['firstname']} {row['lastname']}", "")
    draft = Draft(f"Dank je @{jan.display_name} voor *alles*", mentions=(jan,))
    outcomes, item, _ = run_outbox(server, tmp_path, ["send"], draft=draft)
    assert outcomes == [SendOutcome.SENT]
    with _control(server) as c:
        stored = c.get(f"/api/v1/post/{item.post_id}").json()["message"]
    assert mentioned(stored) == ((jan.display_name, jan.guid),)
    assert f"[{jan.display_name}](mention:{jan.guid}" in stored
    assert stored.endswith(r"voor \*alles\*")


# -- posted twice (issue 7): the read-back must find the first post -----------------------
@pytest.mark.parametrize("ahead", [timedelta(minutes=15), timedelta(hours=5)])
def test_outbox_sandbox_clock_skew_never_posts_twice(server, tmp_path, ahead):
    """Our clock 15 min ahead, or a server in UTC-5 whose zone-less times we read as UTC."""
    arm(server, mode="commit_then_drop")
    outcomes, item, marker = run_outbox(
        server, tmp_path, ["send", "check", "idle"], clock=SkewedClock(ahead)
    )
    assert outcomes == [SendOutcome.AMBIGUOUS, SendOutcome.SENT, SendOutcome.IDLE]
    assert item.post_id is not None
    assert count_on_server(server, marker) == 1


def test_outbox_sandbox_flood_of_other_posts_never_posts_twice(server, tmp_path):
    """60 colleagues' posts land in the container between the lost answer and the read-back."""
    arm(server, mode="commit_then_drop")
    demo = server.world.demo_user()
    other = server.world.db.all("SELECT id FROM user WHERE username != 'demo' ORDER BY id")[0]

    def flood() -> None:
        for n in range(60):
            model.create_post(
                server.world, int(other["id"]), int(demo["container_id"]), f"ruis {n}"
            )

    outcomes, item, marker = run_outbox(server, tmp_path, ["send", "check", "idle"], between=flood)
    assert outcomes == [SendOutcome.AMBIGUOUS, SendOutcome.SENT, SendOutcome.IDLE]
    assert item.state is OutboxState.SENT
    assert count_on_server(server, marker) == 1


def test_outbox_sandbox_commit_then_401_is_read_back_after_sign_in(server, tmp_path):
    arm(server, mode="commit_then_status", status=401)
    outcomes, item, marker = run_outbox(server, tmp_path, ["send", "paused", "resume", "check"])
    assert outcomes == [SendOutcome.PAUSED, SendOutcome.PAUSED, SendOutcome.SENT]
    assert item.state is OutboxState.SENT
    assert count_on_server(server, marker) == 1
