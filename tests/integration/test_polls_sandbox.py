"""Polls against the sandbox over real sockets: list, vote, change (reset first), my votes,
the poll notification, and a poll closed by the sandbox at its (sandbox-only) end."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Iterator
from datetime import timedelta

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
            assert newest[0].ends_at is None  # the end is the sandbox's own, as on HumHub
            poll_story.set_end(world, poll_id, timedelta(seconds=-1))
            assert (await port.get_poll(poll_id)).closed
        finally:
            await port.aclose()

    asyncio.run(go())
