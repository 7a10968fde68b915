"""The catch-up against misbehaving servers on 127.0.0.1: never more than 5 requests a poll
(RELIABILITY rows 18 and 19: bounded catch-up; repeated or reordered pages).

Issue 7: a server (or proxy) that ignores `page` or repeats a page made one catch-up send
200 requests in two seconds. Counted on the server side; the real connector and poller.
Also: an unexpected error in a poll or in its handling never ends polling.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import random
from collections.abc import Callable
from datetime import timedelta

import pytest

from services.humhub.connector import HumHubConnector
from services.models import ConnectionState, Notification
from services.poller import MAX_REQUESTS_PER_POLL, MIN_GAP, Poller, PollOutcome
from tests.fakes.clock import FakeClock
from tests.fakes.hostile import Query, Reply, hostile_server, notification_page
from tests.fakes.port import FakePort, make_notification
from tests.unit.test_humhub_support import notification_json

Route = Callable[[str, str, Query], Reply]
UNSEEN = "/notification/unseen"


def _ignores_page(method: str, path: str, query: Query) -> Reply:
    """Always page 1 of many, whatever was asked (a proxy that drops the query string)."""
    return notification_page([notification_json(1)], total=500, page=1, pages=500)


def _repeats_page(method: str, path: str, query: Query) -> Reply:
    """Claims the page asked for, but serves the same items every time."""
    page = int(query.get("page", 1))
    items = [notification_json(i) for i in range(50, 0, -1)]
    return notification_page(items, total=500, page=page, pages=500)


_ids = itertools.count(10**6, -1)


def _endless_pages(method: str, path: str, query: Query) -> Reply:
    """A never-seen item on every answer (the probe's too) of an endless list; `total` says 1."""
    page = int(query.get("page", 1))
    return notification_page([notification_json(next(_ids))], total=1, page=page, pages=10**6)


def _poll_twice(route: Route) -> tuple[list[int], list[PollOutcome]]:
    """Two polls (the first-start path, then the probe path); requests per poll."""

    async def scenario(url: str, counts: Callable[[], int]) -> tuple[list[int], list[PollOutcome]]:
        connector = HumHubConnector(url, token="t")
        poller = Poller(connector, FakeClock(), random.Random(3))
        per_poll: list[int] = []
        outcomes: list[PollOutcome] = []
        try:
            for _ in range(2):
                before = counts()
                outcomes.append(await poller.poll_once())
                per_poll.append(counts() - before)
        finally:
            await connector.aclose()
        return per_poll, outcomes

    with hostile_server(route) as server:
        return asyncio.run(scenario(server.url, lambda: server.count(UNSEEN)))


@pytest.mark.parametrize(
    ("route", "most"),
    [(_ignores_page, 2), (_repeats_page, 2), (_endless_pages, MAX_REQUESTS_PER_POLL)],
    ids=["ignores-page", "repeats-page", "endless-pages"],
)
def test_a_catch_up_never_runs_away(route: Route, most: int) -> None:
    per_poll, outcomes = _poll_twice(route)
    assert all(o.state is ConnectionState.ONLINE for o in outcomes)
    assert per_poll[0] <= most, per_poll
    assert max(per_poll) <= MAX_REQUESTS_PER_POLL, per_poll
    if route is _endless_pages:  # the probe path spends the budget too, never more
        assert per_poll == [MAX_REQUESTS_PER_POLL, MAX_REQUESTS_PER_POLL]
    assert outcomes[0].new  # what was read is still alerted


def test_a_poll_that_hits_an_unexpected_error_reports_it_and_the_next_one_works(
    caplog: pytest.LogCaptureFixture,
) -> None:
    class Poisoned:
        calls = 0

        def take_new(self, items: tuple[Notification, ...]) -> tuple[Notification, ...]:
            self.calls += 1
            if self.calls == 1:
                raise OverflowError("Python int too large to convert to SQLite INTEGER")
            return items

    port = FakePort(unseen=[make_notification(2), make_notification(1)])
    poller = Poller(port, FakeClock(), random.Random(1), seen=Poisoned())
    caplog.set_level(logging.ERROR, logger="services.poller")
    first = asyncio.run(poller.poll_once())
    assert first.error is not None
    assert first.next_delay.total_seconds() >= 10  # backs off: no crash loop, no storm
    assert "unexpected OverflowError" in caplog.text
    second = asyncio.run(poller.poll_once())
    assert [n.id for n in second.new] == [2, 1]


def test_a_failing_handler_does_not_end_polling(caplog: pytest.LogCaptureFixture) -> None:
    port = FakePort(unseen=[make_notification(1)])
    clock = FakeClock()
    poller = Poller(port, clock, random.Random(1))
    handled: list[PollOutcome] = []

    def handler(outcome: PollOutcome) -> None:
        handled.append(outcome)
        if len(handled) == 1:
            clock.advance(MIN_GAP)  # the minimum gap has passed: the next poll may go now
            poller.refresh_soon()
            raise OverflowError("int too big to convert")  # what Qt said to a total of 10^30
        poller.stop()

    caplog.set_level(logging.ERROR, logger="services.poller")
    asyncio.run(asyncio.wait_for(poller.run(handler, first_delay=timedelta(0)), 30))
    assert len(handled) == 2
    assert "Handling a poll's outcome failed" in caplog.text
