"""Poller scheduling: Retry-After defaults, interval jitter, the minimum gap, resume, one in flight."""

from __future__ import annotations

import asyncio
import random
from datetime import timedelta

import pytest

from services.errors import RateLimitedError, ServerError
from services.models import ConnectionState, UnseenProbe
from services.poller import DEFAULT_RETRY_AFTER, MIN_GAP, Poller, PollOutcome
from tests.fakes.clock import FakeClock
from tests.fakes.port import FakePort, make_notification


def _poller(port: FakePort, clock: FakeClock | None = None, **kw) -> Poller:
    return Poller(port, clock or FakeClock(), random.Random(13), **kw)


@pytest.mark.parametrize(
    "error",
    [RateLimitedError("busy", retry_after=None), ServerError("unavailable", status=503)],
    ids=["429", "503"],
)
def test_poller_busy_without_retry_after_waits_the_default(error):
    outcome = asyncio.run(_poller(FakePort(fail_with=[error])).poll_once())
    low = DEFAULT_RETRY_AFTER
    assert low <= outcome.next_delay <= low + timedelta(seconds=5)


def test_poller_other_5xx_without_retry_after_just_backs_off():
    error = ServerError("boom", status=500)
    outcome = asyncio.run(_poller(FakePort(fail_with=[error])).poll_once())
    assert outcome.next_delay == MIN_GAP  # attempt 0: full jitter in [0, 5] s, floored


def test_poller_regular_interval_has_twenty_percent_jitter():
    poller = _poller(FakePort(), interval=timedelta(seconds=30))
    delays = [asyncio.run(poller.poll_once()).next_delay.total_seconds() for _ in range(300)]
    assert min(delays) >= 24.0
    assert max(delays) <= 36.0
    assert min(delays) < 25.0
    assert max(delays) > 35.0


def test_poller_jittered_interval_never_below_the_minimum_gap():
    poller = _poller(FakePort(), interval=timedelta(seconds=10))
    delays = [poller.next_interval() for _ in range(200)]
    assert min(delays) == MIN_GAP
    assert max(delays) > MIN_GAP


def test_poller_gap_remaining_counts_from_the_last_request():
    clock = FakeClock()
    poller = _poller(FakePort(), clock)
    assert poller.gap_remaining() == timedelta(0)
    asyncio.run(poller.poll_once())
    assert poller.gap_remaining() == MIN_GAP
    clock.advance(timedelta(seconds=4))
    assert poller.gap_remaining() == timedelta(seconds=6)
    clock.advance(timedelta(seconds=60))
    assert poller.gap_remaining() == timedelta(0)


def test_poller_keeps_one_request_in_flight():
    in_flight = 0
    most = 0

    class SlowPort(FakePort):
        async def probe_unseen(self) -> UnseenProbe:
            nonlocal in_flight, most
            in_flight += 1
            most = max(most, in_flight)
            await asyncio.sleep(0.01)
            in_flight -= 1
            return UnseenProbe(0, None)

    poller = _poller(SlowPort())

    async def burst() -> None:
        await asyncio.gather(*(poller.poll_once() for _ in range(5)))

    asyncio.run(burst())
    assert most == 1


async def _wait_for(predicate, timeout: float = 3.0) -> None:
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.005)


def test_poller_resume_polls_again_after_a_short_random_delay():
    clock = FakeClock()
    port = FakePort(unseen=[make_notification(1)], fail_with=[])
    poller = _poller(
        port, clock, interval=timedelta(minutes=10), start_jitter=timedelta(milliseconds=50)
    )
    outcomes: list[PollOutcome] = []

    async def scenario() -> None:
        task = asyncio.create_task(poller.run(outcomes.append, first_delay=timedelta(0)))
        await _wait_for(lambda: len(outcomes) == 1)
        clock.advance(timedelta(hours=14), suspended=True)  # the laptop was closed
        poller.resume()
        await _wait_for(lambda: len(outcomes) == 2)  # not after the 10-minute interval
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(scenario())
    assert outcomes[1].state is ConnectionState.ONLINE
    assert outcomes[1].fetched  # the old probe was forgotten: the page is read again
    assert outcomes[1].new == ()  # and nothing is alerted twice
    assert port.calls == ["list_notifications", "list_notifications"]


def test_poller_resume_resets_the_backoff():
    port = FakePort(fail_with=[ServerError("down", status=502)] * 8)
    poller = _poller(port)
    for _ in range(7):
        asyncio.run(poller.poll_once())
    poller.resume()
    outcome = asyncio.run(poller.poll_once())
    assert outcome.next_delay == MIN_GAP  # attempt 0 again


def test_poller_start_delay_follows_the_configured_jitter():
    poller = _poller(FakePort(), start_jitter=timedelta(seconds=2))
    delays = [poller.start_delay() for _ in range(100)]
    assert all(timedelta(0) <= d <= timedelta(seconds=2) for d in delays)
