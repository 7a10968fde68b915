"""Poller: cheap probe, fetch only on change, backoff, Retry-After, 401 stops."""

from __future__ import annotations

import asyncio
import random
from datetime import timedelta

import pytest

from services.errors import AuthError, OfflineError, RateLimitedError, ServerError, ServiceError
from services.models import ConnectionState
from services.poller import MIN_GAP, Poller, PollOutcome
from tests.fakes.clock import FakeClock
from tests.fakes.port import FakePort, make_notification


def _poller(port: FakePort, **kw: object) -> Poller:
    return Poller(port, FakeClock(), random.Random(7), **kw)  # type: ignore[arg-type]


def test_poller_fetches_details_only_when_probe_changes():
    port = FakePort(unseen=[make_notification(1)])
    poller = _poller(port)
    first = asyncio.run(poller.poll_once())
    second = asyncio.run(poller.poll_once())
    assert first.fetched
    assert [n.id for n in first.new] == [1]
    assert first.unread == 1
    assert first.state is ConnectionState.ONLINE
    assert not second.fetched
    assert second.new == ()
    # the first poll knows nothing: one request gives count and details; then the cheap probe
    assert port.calls == ["list_notifications", "probe_unseen"]


def test_poller_reports_only_new_items_after_a_change():
    port = FakePort(unseen=[make_notification(1)])
    poller = _poller(port)
    asyncio.run(poller.poll_once())
    port.unseen.insert(0, make_notification(2))
    outcome = asyncio.run(poller.poll_once())
    assert [n.id for n in outcome.new] == [2]
    assert outcome.unread == 2


def test_poller_treats_rewritten_group_text_as_new():
    port = FakePort(unseen=[make_notification(1, "Jan vindt je bericht leuk.")])
    poller = _poller(port)
    asyncio.run(poller.poll_once())
    port.unseen[0] = make_notification(1, "Jan en Fatima vinden je bericht leuk.")
    outcome = asyncio.run(poller.poll_once())
    assert [n.text for n in outcome.new] == ["Jan en Fatima vinden je bericht leuk."]


def test_poller_skips_fetch_when_nothing_unseen():
    port = FakePort()
    poller = _poller(port)
    first = asyncio.run(poller.poll_once())
    second = asyncio.run(poller.poll_once())
    assert first.unread == 0
    assert not first.fetched
    assert not second.fetched
    assert port.calls == ["list_notifications", "probe_unseen"]  # one request per poll


def test_poller_backs_off_with_growing_jittered_delays():
    port = FakePort(fail_with=[OfflineError("refused") for _ in range(8)])
    poller = _poller(port)
    ceilings = [min(900.0, 5.0 * 2**i) for i in range(8)]
    outcomes = [asyncio.run(poller.poll_once()) for _ in range(8)]
    assert all(o.state is ConnectionState.OFFLINE for o in outcomes)
    for outcome, ceiling in zip(outcomes, ceilings, strict=True):
        # full jitter in [0, ceiling], but never closer than the minimum gap
        assert MIN_GAP.total_seconds() <= outcome.next_delay.total_seconds()
        assert outcome.next_delay.total_seconds() <= max(ceiling, MIN_GAP.total_seconds())
    assert len({o.next_delay for o in outcomes[4:]}) == 4  # jittered, not constant
    # one request per cycle: no retry storm inside a poll
    assert len(port.calls) == 8


def test_poller_resets_backoff_after_success():
    port = FakePort(fail_with=[OfflineError("x")] * 6)
    poller = _poller(port, interval=timedelta(seconds=30))
    before = [asyncio.run(poller.poll_once()).next_delay for _ in range(6)]
    assert max(before) > timedelta(seconds=40)  # the backoff really had grown
    ok = asyncio.run(poller.poll_once())
    assert timedelta(seconds=24) <= ok.next_delay <= timedelta(seconds=36)  # interval ±20 %
    again = FakePort(fail_with=[OfflineError("x")] * 3)
    poller.port = again
    # back at attempt 0, 1, 2: ceilings 5, 10, 20 s (floored at the 10 s minimum gap)
    failed = [asyncio.run(poller.poll_once()).next_delay for _ in range(3)]
    assert failed[0] == failed[1] == MIN_GAP
    assert failed[2] <= timedelta(seconds=20)


@pytest.mark.parametrize("error_type", [RateLimitedError, ServerError])
def test_poller_waits_at_least_retry_after(error_type):
    error: ServiceError
    if error_type is RateLimitedError:
        error = RateLimitedError("busy", retry_after=timedelta(seconds=120))
    else:
        error = ServerError("down", status=503, retry_after=timedelta(seconds=120))
    port = FakePort(fail_with=[error])
    outcome = asyncio.run(_poller(port).poll_once())
    assert timedelta(seconds=120) <= outcome.next_delay <= timedelta(seconds=125)


def test_poller_stops_on_401_without_retrying():
    port = FakePort(fail_with=[AuthError("expired", status=401)])
    outcomes: list[PollOutcome] = []
    poller = _poller(port)

    async def go() -> None:
        await asyncio.wait_for(poller.run(outcomes.append, first_delay=timedelta(0)), timeout=5)

    asyncio.run(go())
    assert [o.state for o in outcomes] == [ConnectionState.AUTH_REQUIRED]
    assert len(port.calls) == 1


def test_poller_interval_never_below_minimum_gap():
    poller = _poller(FakePort(), interval=timedelta(seconds=1))
    assert poller.interval == MIN_GAP


def test_poller_start_delay_is_within_ten_seconds():
    poller = _poller(FakePort())
    delays = [poller.start_delay().total_seconds() for _ in range(200)]
    assert min(delays) >= 0
    assert max(delays) <= 10
    assert max(delays) - min(delays) > 5  # actually spread, not constant


def test_poller_keeps_a_refresh_asked_for_during_a_poll():
    clock = FakeClock()
    port = FakePort()
    poller = Poller(port, clock, random.Random(7))
    port.on_call = lambda name: poller.refresh_soon()  # e.g. the panel opened mid-request

    async def go() -> None:
        await poller.poll_once()
        clock.advance(MIN_GAP)
        await asyncio.wait_for(poller._sleep(timedelta(minutes=5)), timeout=2)

    asyncio.run(go())  # returns at once instead of waiting the full interval


def test_poller_stop_ends_run_even_when_the_cancel_is_lost():
    clock = FakeClock()
    poller = Poller(FakePort(), clock, random.Random(7))

    async def go() -> None:
        task = asyncio.ensure_future(poller.run(lambda _o: None, first_delay=timedelta(0)))
        await asyncio.sleep(0.05)  # polled once; now waiting out the interval
        poller.stop()  # on Python 3.11 a cancel racing with this wake-up can be swallowed
        await asyncio.wait_for(task, timeout=1)  # the 10 s minimum gap is not waited out

    asyncio.run(go())


def test_a_new_interval_from_settings_is_used_and_a_shorter_one_wakes_the_wait():
    poller = _poller(FakePort(), interval=timedelta(seconds=3600))
    poller.set_interval(timedelta(seconds=3))
    assert poller.interval == MIN_GAP  # the floor holds for the settings window too
    assert poller._wake.is_set()  # the hour-long wait ends now (the gap still applies)
    poller._wake.clear()
    poller.set_interval(timedelta(seconds=600))
    assert poller.interval == timedelta(seconds=600)
    assert not poller._wake.is_set()  # a longer interval waits for the current wait to end
