"""Polls against the sandbox over real sockets: list, vote, change (reset first), my votes,
the poll notification, and a poll closed by the sandbox at its end (named in its JSON)."""

from __future__ import annotations

import asyncio
import random
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from sandbox import poll_story
from sandbox.server import SandboxServer
from services.humhub.connector import HumHubConnector
from services.models import NotificationKind
from services.poll_check import open_polls
from services.poll_votes import cast_vote


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with SandboxServer(pace="off", seed=5) as running:
        yield running


def test_list_vote_change_and_read_back(server: SandboxServer) -> None:
    async def go() -> None:
        port = HumHubConnector(server.base_url, token=server.demo_token)
        try:
            assert (await port.capabilities()).polls
            polls, pages = await port.list_polls(limit=5)
            assert polls
            assert pages >= 1
            poll = await port.get_poll(polls[0].id)
            assert poll.question == polls[0].question
            assert len(poll.answers) >= 2
            first, second = poll.answers[0].id, poll.answers[1].id
            assert await cast_vote(port, poll, frozenset({first})) == {first}
            assert await port.my_votes(poll.id) == {first}
            await port.vote(poll.id, (second,))  # a second vote alone changes nothing
            assert await port.my_votes(poll.id) == {first}
            assert await cast_vote(port, poll, frozenset({second})) == {second}
            listed = {item.poll.id: item.my_answers for item in await open_polls(port)}
            assert listed[poll.id] == frozenset({second})
            await port.reset_vote(poll.id)
            assert await port.my_votes(poll.id) == frozenset()
        finally:
            await port.aclose()

    asyncio.run(go())


def test_a_colleagues_poll_notifies_and_closes_at_its_end(server: SandboxServer) -> None:
    world, rng = server.world, random.Random(4)
    poll_id = poll_story.start_poll(world, rng, timedelta(hours=1))
    assert poll_story.vote_by_a_colleague(world, poll_id, rng) is not None

    async def go() -> None:
        port = HumHubConnector(server.base_url, token=server.demo_token)
        try:
            page = await port.list_notifications(limit=10)
            polls = [n for n in page.items if n.kind is NotificationKind.POLL]
            assert polls
            assert poll_story.QUESTION in polls[0].text
            newest, _ = await port.list_polls(limit=1)
            assert newest[0].id == poll_id
            assert not newest[0].closed
            # the sandbox names the end, as a polls module with ends would (HumHub's has none)
            ends_at = newest[0].ends_at
            assert ends_at is not None
            left = ends_at - datetime.now(UTC)
            assert timedelta(minutes=58) < left <= timedelta(hours=1)
            poll_story.set_end(world, poll_id, timedelta(seconds=-1))
            assert (await port.get_poll(poll_id)).closed
        finally:
            await port.aclose()

    asyncio.run(go())


def test_the_poll_json_names_its_end_in_the_server_time_format(server: SandboxServer) -> None:
    poll_id = poll_story.start_poll(server.world, random.Random(6), timedelta(minutes=3))
    headers = {"Authorization": f"Bearer {server.demo_token}"}
    with httpx.Client(base_url=f"{server.base_url}/api/v1/", headers=headers) as api:
        listed = {p["id"]: p for p in api.get("polls", params={"limit": 50}).json()["results"]}
        one = api.get(f"polls/poll/{poll_id}").json()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", one["end_date"])
    assert listed[poll_id]["end_date"] == one["end_date"] > one["created_at"]
    assert all(p["end_date"] is None for pid, p in listed.items() if pid != poll_id)  # the seed's
