"""Outbox after crashes, hostile answers and clock trouble (issue 7): never stuck, never twice.

Real SQLite files, the fake port. Each test failed before its fix.
"""

from __future__ import annotations

import asyncio
import random
import socket
from datetime import timedelta

import pytest

from services.compose import Composition, Draft, OutboxState
from services.errors import OfflineError
from services.models import Container, Person, Post
from services.outbox import Outbox
from services.outbox_readback import MAX_PAGES, PAGE_SIZE
from services.outbox_send import OutboxSender, SendOutcome, SendResult
from services.store import Database
from tests.fakes.clock import FakeClock
from tests.fakes.port import ME, FakePort

TEAM = Container(3, "g-team", "Team Zorg", 30)
COLLEAGUE = Person(8, "g-piet", "Piet Jansen")
DEAD = f"{socket.gethostname()}:999999999:dead"  # a lease owner whose process is gone


@pytest.fixture
def db(tmp_path):
    database = Database.open(tmp_path / "startpunt.sqlite3")
    yield database
    database.close()


def _queue(outbox, text="Goedemorgen team!"):
    return outbox.enqueue(Composition(Draft(text, 30), TEAM))


def _send(outbox):
    return asyncio.run(outbox.send_next())


def _item(outbox, item):
    """The row as stored now."""
    return outbox.get(item.client_id)


def _count(port, text):
    return sum(1 for p in port.posts if p.message == text)


def _post(post_id, message, author, created_at=None):
    url = f"https://intranet.example/content/perma?id={post_id + 1000}"
    return Post(post_id, post_id + 1000, message, author, created_at, url, 30)


# -- a crash during read-back (item: "blocks the outbox for 2 minutes") --------------------
def _ambiguous_leased_by_dead_process(db, port, text):
    outbox = Outbox(db, port, FakeClock())
    item = _queue(outbox, text)
    until = (FakeClock().now() + timedelta(minutes=2)).timestamp()
    db.connection.execute(
        "UPDATE outbox SET state = 'ambiguous', problem = 'checking', lease_until = ?,"
        " lease_owner = ?, first_attempt_at = ?, attempts = 1, baseline_post_id = 0"
        " WHERE client_id = ?",
        (until, DEAD, FakeClock().now().isoformat(), item.client_id),
    )
    return item


def test_outbox_read_back_killed_by_a_crash_is_resumed_at_the_next_start(db):
    port = FakePort()
    item = _ambiguous_leased_by_dead_process(db, port, "Na de crash")
    restarted = Outbox(db, port, FakeClock())
    assert restarted.recover() == 1
    assert _send(restarted).outcome is SendOutcome.REQUEUED  # read back at once, not there
    assert _send(restarted).outcome is SendOutcome.SENT
    assert _item(restarted, item).state is OutboxState.SENT
    assert _count(port, "Na de crash") == 1


def test_outbox_a_row_held_by_a_live_process_does_not_block_the_next(db):
    port = FakePort()
    outbox = Outbox(db, port, FakeClock())
    stuck = _queue(outbox, "vast")
    _queue(outbox, "volgende")
    until = (FakeClock().now() + timedelta(minutes=2)).timestamp()
    live = f"{socket.gethostname()}:1:other"  # pid 1 is alive: a lease we must respect
    db.connection.execute(
        "UPDATE outbox SET state = 'ambiguous', lease_until = ?, lease_owner = ?"
        " WHERE client_id = ?",
        (until, live, stuck.client_id),
    )
    assert _send(outbox).outcome is SendOutcome.SENT
    assert _count(port, "volgende") == 1
    assert _send(outbox).outcome is SendOutcome.BUSY  # only the held row is left
    assert _count(port, "vast") == 0


def test_outbox_a_row_that_cannot_be_read_back_does_not_block_the_next(db):
    clock = FakeClock()
    port = FakePort()
    outbox = Outbox(db, port, clock)
    outbox.set_author(ME.guid)
    port.fail_on["create_post"] = [OfflineError("reset before the server read it")]
    stuck = _queue(outbox, "vast")
    assert _send(outbox).outcome is SendOutcome.AMBIGUOUS
    _queue(outbox, "volgende")
    port.fail_on["list_posts"] = [OfflineError("read-back refused", nothing_sent=True)]
    assert _send(outbox).outcome is SendOutcome.RETRY  # the stuck row's read-back failed
    assert _send(outbox).outcome is SendOutcome.SENT  # the next row goes meanwhile
    assert _count(port, "volgende") == 1
    clock.advance(timedelta(seconds=61))
    assert _send(outbox).outcome is SendOutcome.REQUEUED  # the stuck row is checked again
    assert _send(outbox).outcome is SendOutcome.SENT
    assert _item(outbox, stuck).state is OutboxState.SENT
    assert _count(port, "vast") == 1


def test_outbox_sender_does_not_spin_on_a_row_another_process_holds(db):
    """BUSY waits: a stuck row costs a handful of calls, not 100,000 a second."""
    port = FakePort()
    outbox = Outbox(db, port, FakeClock())
    item = _queue(outbox, "vast")
    until = (FakeClock().now() + timedelta(minutes=2)).timestamp()
    db.connection.execute(
        "UPDATE outbox SET state = 'ambiguous', lease_until = ?, lease_owner = ?"
        " WHERE client_id = ?",
        (until, f"{socket.gethostname()}:1:other", item.client_id),
    )
    calls = 0
    real = outbox.send_next

    async def counted() -> SendResult:
        nonlocal calls
        calls += 1
        return await real()

    outbox.send_next = counted  # type: ignore[method-assign]
    sender = OutboxSender(outbox, random.Random(1))

    async def main():
        task = asyncio.create_task(sender.run(lambda r: asyncio.sleep(0)))
        await asyncio.sleep(0.3)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    asyncio.run(main())
    assert calls == 1
    assert port.calls == []


# -- an id above 2^63-1 in a create answer -------------------------------------------------
class HugeIdPort(FakePort):
    async def create_post(self, contentcontainer_id, message, *, topics=()):
        post = await super().create_post(contentcontainer_id, message, topics=topics)
        huge = Post(2**63, post.content_id, post.message, ME, None, post.url, 30)
        self.posts[-1] = huge
        return huge


def test_outbox_a_post_id_above_int64_is_sent_once_and_the_next_row_goes_on(db):
    port = HugeIdPort()
    outbox = Outbox(db, port, FakeClock())
    first, second = _queue(outbox, "een"), _queue(outbox, "twee")
    assert _send(outbox).outcome is SendOutcome.SENT
    stored = _item(outbox, first)
    assert stored.state is OutboxState.SENT  # on the server: never SENDING, never again
    assert stored.post_id is None
    assert stored.url.endswith("/content/perma?id=1001")
    assert _send(outbox).outcome is SendOutcome.SENT
    assert _item(outbox, second).state is OutboxState.SENT
    assert [p.message for p in port.posts] == ["een", "twee"]


class ExplodingPort(FakePort):
    async def create_post(self, contentcontainer_id, message, *, topics=()):
        await super().create_post(contentcontainer_id, message, topics=topics)
        raise OverflowError("Python int too large to convert to SQLite INTEGER")


def test_outbox_an_unforeseen_failure_leaves_the_row_to_be_read_back(db):
    clock = FakeClock()
    port = ExplodingPort()
    outbox = Outbox(db, port, clock)
    item = _queue(outbox)
    assert _send(outbox).outcome is SendOutcome.RETRY
    assert _item(outbox, item).state is OutboxState.AMBIGUOUS  # not SENDING
    clock.advance(timedelta(seconds=61))
    assert _send(outbox).outcome is SendOutcome.SENT  # found by reading back
    assert _count(port, "Goedemorgen team!") == 1


def test_outbox_sender_survives_any_exception_of_one_row():
    outcomes: list[object] = [OverflowError("too large"), SendOutcome.SENT]
    calls = 0

    class Scripted:
        async def send_next(self) -> SendResult:
            nonlocal calls
            calls += 1
            step = outcomes.pop(0) if outcomes else SendOutcome.IDLE
            if isinstance(step, Exception):
                raise step
            return SendResult(step)  # type: ignore[arg-type]

    seen: list[SendOutcome] = []
    sender = OutboxSender(Scripted(), random.Random(1), delay=lambda *_: timedelta(0))

    async def on_result(result: SendResult) -> None:
        seen.append(result.outcome)

    async def main():
        task = asyncio.create_task(sender.run(on_result))
        while calls < 3:
            await asyncio.sleep(0.001)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        return task

    task = asyncio.run(asyncio.wait_for(main(), 5))
    assert task.cancelled()
    assert seen == [SendOutcome.RETRY, SendOutcome.SENT]


def test_outbox_sender_survives_a_failure_of_whoever_hears_its_results():
    """`on_result` (the UI side: signals, reading the outbox for the tray) failing once must
    not end the sender for the session: the posts after it still go out."""
    outcomes = [SendOutcome.SENT, SendOutcome.SENT]
    calls = 0

    class Scripted:
        async def send_next(self) -> SendResult:
            nonlocal calls
            calls += 1
            return SendResult(outcomes.pop(0) if outcomes else SendOutcome.IDLE)

    heard: list[SendOutcome] = []

    async def on_result(result: SendResult) -> None:
        heard.append(result.outcome)
        if len(heard) == 1:
            raise RuntimeError("the tray could not be updated")

    sender = OutboxSender(Scripted(), random.Random(1), delay=lambda *_: timedelta(0))

    async def main():
        task = asyncio.create_task(sender.run(on_result))
        deadline = asyncio.get_running_loop().time() + 5
        while calls < 3 and not task.done():
            assert asyncio.get_running_loop().time() < deadline, "the sender stalled"
            await asyncio.sleep(0.001)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        return task

    task = asyncio.run(main())
    assert task.cancelled()  # still running until cancelled, not ended by the error
    assert heard == [SendOutcome.SENT, SendOutcome.SENT]


# -- read back by identity, not by a time window ------------------------------------------
def _committed_then_lost(outbox, port, text):
    port.commit_then_fail.append(OfflineError("reset"))
    item = _queue(outbox, text)
    assert _send(outbox).outcome is SendOutcome.AMBIGUOUS
    return item


@pytest.mark.parametrize("ahead", [timedelta(minutes=15), timedelta(hours=5)])
def test_outbox_read_back_finds_the_post_whatever_the_clocks_say(db, ahead):
    """Our clock ahead of the server's, or the server's zone west of UTC (its zone-less
    times read as UTC): the committed post has an 'old' timestamp and is still ours."""
    clock = FakeClock()
    port = FakePort()
    outbox = Outbox(db, port, clock)
    outbox.set_author(ME.guid)
    item = _committed_then_lost(outbox, port, "Scheve klok")
    ours = port.posts[-1]
    port.posts[-1] = _post(ours.id, ours.message, ME, clock.now() - ahead)
    assert _send(outbox).outcome is SendOutcome.SENT
    assert _send(outbox).outcome is SendOutcome.IDLE
    assert _item(outbox, item).post_id == ours.id
    assert _count(port, "Scheve klok") == 1


def test_outbox_read_back_pages_past_a_flood_of_other_posts(db):
    port = FakePort()
    outbox = Outbox(db, port, FakeClock())
    outbox.set_author(ME.guid)
    item = _committed_then_lost(outbox, port, "Onder de vloed")
    start = len(port.posts) + 1
    port.posts.extend(_post(i, f"ander {i}", COLLEAGUE) for i in range(start, start + 120))
    assert _send(outbox).outcome is SendOutcome.SENT
    assert _item(outbox, item).post_id == start - 1
    assert port.calls.count("list_posts") == 1 + 3  # the baseline, then three pages of 50
    assert _count(port, "Onder de vloed") == 1


def test_outbox_read_back_stops_at_the_baseline(db):
    port = FakePort()
    port.posts.extend(_post(i, f"oud {i}", COLLEAGUE) for i in range(1, 301))
    outbox = Outbox(db, port, FakeClock())
    outbox.set_author(ME.guid)
    port.fail_on["create_post"] = [OfflineError("reset before the server read it")]
    _queue(outbox, "Nieuw")
    assert _send(outbox).outcome is SendOutcome.AMBIGUOUS
    assert _send(outbox).outcome is SendOutcome.REQUEUED
    assert port.calls.count("list_posts") == 1 + 1  # page 1 already reaches post 300


def test_outbox_read_back_never_takes_my_identical_older_post(db):
    """The same text by me minutes before the first send (e.g. on the website): not ours,
    even though no timestamp tells them apart."""
    port = FakePort()
    port.posts.append(_post(1, "Koffie?", ME))
    outbox = Outbox(db, port, FakeClock())
    outbox.set_author(ME.guid)
    port.fail_on["create_post"] = [OfflineError("reset before the server read it")]
    item = _queue(outbox, "Koffie?")
    assert _send(outbox).outcome is SendOutcome.AMBIGUOUS
    assert _send(outbox).outcome is SendOutcome.REQUEUED
    assert _send(outbox).outcome is SendOutcome.SENT
    assert _item(outbox, item).post_id == 2


def test_outbox_read_back_is_bounded_on_a_server_that_never_ends(db):
    class EndlessPort(FakePort):
        async def list_posts(self, contentcontainer_id, *, limit=20, page=1):
            self._enter("list_posts")
            if limit == 1:
                return ()  # the container was empty before the first send: baseline 0
            base = 100_000 - page * limit
            return tuple(_post(base + i, "ruis", COLLEAGUE) for i in range(limit, 0, -1))

    port = EndlessPort()
    outbox = Outbox(db, port, FakeClock())
    outbox.set_author(ME.guid)
    port.fail_on["create_post"] = [OfflineError("reset before the server read it")]
    item = _queue(outbox, "Eindeloos")
    assert _send(outbox).outcome is SendOutcome.AMBIGUOUS
    assert _send(outbox).outcome is SendOutcome.RETRY  # can't tell: keep checking, never resend
    assert port.calls.count("list_posts") == 1 + MAX_PAGES
    assert _item(outbox, item).state is OutboxState.AMBIGUOUS
    assert PAGE_SIZE == 50
