"""The connector's poll calls against the sandbox: every request it sends and every answer it
gets validate against the bundled polls spec (both API versions carry it)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest

from sandbox.server import SandboxServer
from services.humhub.connector import HumHubConnector
from services.poll_votes import cast_vote
from tests.contract import specs

pytestmark = [pytest.mark.contract]


class Recording(httpx.AsyncBaseTransport):
    """A real transport that keeps every exchange (bodies read) for validation."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.exchanges: list[httpx.Response] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        content = await response.aread()  # decoded: the copies carry no content-encoding
        headers = [
            (k, v)
            for k, v in response.headers.multi_items()
            if k.lower() not in ("content-encoding", "content-length")
        ]
        self.exchanges.append(
            httpx.Response(response.status_code, headers=headers, content=content, request=request)
        )
        return httpx.Response(
            response.status_code, headers=headers, content=content, request=request
        )

    async def aclose(self) -> None:
        await self.inner.aclose()


@pytest.fixture(params=specs.VERSIONS)
def server(request: pytest.FixtureRequest) -> Iterator[SandboxServer]:
    with SandboxServer(pace="off", seed=2, api_version=request.param) as running:
        yield running


def test_every_poll_call_is_valid_against_the_spec(server: SandboxServer) -> None:
    recording = Recording()

    async def tour() -> None:
        port = HumHubConnector(server.base_url, token=server.demo_token, transport=recording)
        try:
            polls, _pages = await port.list_polls(page=0, limit=500)  # clamped to 1 and 50
            poll = await port.get_poll(polls[0].id)
            first, second = poll.answers[0].id, poll.answers[1].id
            await cast_vote(port, poll, frozenset({first}))  # GET, PUT, GET
            await cast_vote(port, poll, frozenset({second}))  # GET, DELETE, PUT, GET
        finally:
            await port.aclose()

    asyncio.run(tour())
    calls = [(r.request.method, r.request.url.path) for r in recording.exchanges]
    vote = f"/api/v1/polls/vote/{recording.exchanges[1].json()['id']}"
    assert calls[:2] == [("GET", "/api/v1/polls"), ("GET", vote.replace("vote", "poll"))]
    assert calls[2:] == [
        ("GET", vote), ("PUT", vote), ("GET", vote),
        ("GET", vote), ("DELETE", vote), ("PUT", vote), ("GET", vote),
    ]  # fmt: skip
    assert recording.exchanges[0].request.url.params["limit"] == "50"
    for response in recording.exchanges:
        assert response.status_code == 200, response.text
        assert specs.validate_everywhere(response) == list(specs.VERSIONS)
