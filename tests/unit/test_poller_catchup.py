"""Poller catch-up: bounded paging for a huge backlog, yielding, overlaps, people, store errors."""

from __future__ import annotations

import asyncio
import random

from services.alert_policy import AlertPolicy
from services.errors import OfflineError
from services.models import AlertPlanKind, ConnectionState, Notification, Person, SummaryReason
from services.poller import CATCH_UP_LIMIT, PAGE_SIZE, Poller
from services.seen import SeenStore
from services.settings import Settings
from services.store import Database, StoreError
from tests.fakes.clock import FakeClock
from tests.fakes.port import FakePort, make_notification


def _backlog(n: int, start: int = 1) -> list[Notification]:
    return [make_notification(i) for i in range(start + n - 1, start - 1, -1)]  # newest first


def _poller(port: FakePort, **kw) -> Poller:
    return Poller(port, FakeClock(), random.Random(5), **kw)


def test_poller_catch_up_is_bounded_for_a_huge_backlog():
    port = FakePort(unseen=_backlog(10_000))
    seen = SeenStore(Database.in_memory())
    outcome = asyncio.run(_poller(port, seen=seen).poll_once())
    # the first poll's page 1 doubles as the probe
    assert port.calls == ["list_notifications"] * (CATCH_UP_LIMIT // PAGE_SIZE)
    assert len(outcome.new) == CATCH_UP_LIMIT
    assert outcome.new[0].id == 10_000  # the newest ones
    assert outcome.bounded
    assert outcome.unread == 10_000
    plans = AlertPolicy(seen).plan(
        outcome.new,
        now=FakeClock().now(),
        settings=Settings(),
        quiet=False,
        bounded=outcome.bounded,
        total=outcome.unread,
    )
    assert len(plans) == 1  # at most one summary alert, never 10,000 popups
    assert plans[0].kind is AlertPlanKind.SUMMARY
    assert (plans[0].reason, plans[0].count, plans[0].more) == (SummaryReason.BACKLOG, 10_000, True)


def test_poller_catch_up_yields_to_the_event_loop_between_pages():
    port = FakePort(unseen=_backlog(1_000))
    poller = _poller(port)

    async def scenario() -> int:
        ticks = 0
        done = asyncio.Event()

        async def ticker() -> None:
            nonlocal ticks
            while not done.is_set():
                ticks += 1
                await asyncio.sleep(0)

        task = asyncio.create_task(ticker())
        await asyncio.sleep(0)
        before = ticks
        await poller.poll_once()
        during = ticks - before
        done.set()
        await task
        return during

    assert asyncio.run(scenario()) >= CATCH_UP_LIMIT // PAGE_SIZE - 1


def test_poller_stops_paging_at_known_items():
    port = FakePort(unseen=_backlog(120))
    poller = _poller(port)
    first = asyncio.run(poller.poll_once())
    assert len(first.new) == 120
    assert not first.bounded
    port.unseen[:0] = _backlog(3, start=500)
    port.calls.clear()
    second = asyncio.run(poller.poll_once())
    assert [n.id for n in second.new] == [502, 501, 500]
    assert port.calls == ["probe_unseen", "list_notifications"]


def test_poller_handles_pages_that_shift_while_paging():
    port = FakePort(unseen=_backlog(120))
    pages: list[int] = []

    def on_call(name: str) -> None:
        if name == "list_notifications":
            pages.append(len(pages) + 1)
            if len(pages) == 2:  # new items arrive between page 1 and page 2
                port.unseen[:0] = _backlog(5, start=900)

    port.on_call = on_call
    poller = _poller(port)
    first = asyncio.run(poller.poll_once())
    ids = [n.id for n in first.new]
    assert len(ids) == len(set(ids)) == 120  # overlap deduplicated, nothing lost
    second = asyncio.run(poller.poll_once())
    assert [n.id for n in second.new] == [904, 903, 902, 901, 900]


def test_poller_remembers_originators_in_the_people_cache():
    remembered: list[Person] = []

    class Sink:
        def remember(self, people):
            remembered.extend(people)

    port = FakePort(unseen=[make_notification(1, who="Fatima"), make_notification(2, who="Jan")])
    asyncio.run(_poller(port, people=Sink()).poll_once())
    assert [p.display_name for p in remembered] == ["Fatima", "Jan"]


def test_poller_survives_a_broken_seen_store_and_retries_next_time():
    class Broken:
        fail = True

        def take_new(self, items):
            if self.fail:
                raise StoreError("disk full")
            return items

    seen = Broken()
    port = FakePort(unseen=[make_notification(1)])
    poller = _poller(port, seen=seen)
    outcome = asyncio.run(poller.poll_once())
    assert outcome.new == ()
    assert outcome.unread == 1
    seen.fail = False
    again = asyncio.run(poller.poll_once())
    assert [n.id for n in again.new] == [1]


def test_poller_ignores_a_broken_people_cache():
    class Broken:
        def remember(self, people):
            raise StoreError("disk full")

    port = FakePort(unseen=[make_notification(1)])
    outcome = asyncio.run(_poller(port, people=Broken()).poll_once())
    assert [n.id for n in outcome.new] == [1]


def test_poller_fetches_again_when_a_page_request_failed():
    port = FakePort(unseen=[make_notification(1)])

    def fail_first_list(name: str) -> None:
        if name == "list_notifications" and port.calls.count(name) == 1:
            raise OfflineError("reset mid-response")

    port.on_call = fail_first_list
    poller = _poller(port)
    failed = asyncio.run(poller.poll_once())
    assert failed.error is not None
    again = asyncio.run(poller.poll_once())
    assert [n.id for n in again.new] == [1]


def test_poller_alerts_earlier_pages_when_a_later_page_fails():
    port = FakePort(unseen=[make_notification(i) for i in range(60, 0, -1)])

    def fail_second_page(name: str) -> None:
        if name == "list_notifications" and port.calls.count(name) == 2:
            raise OfflineError("reset mid-response")

    port.on_call = fail_second_page
    poller = _poller(port)
    outcome = asyncio.run(poller.poll_once())
    assert outcome.state is ConnectionState.ONLINE
    assert len(outcome.new) == 50  # the first page is not lost
    assert outcome.bounded  # the rest counts as backlog in the summary
    again = asyncio.run(poller.poll_once())
    assert again.new == ()  # nothing alerted twice
