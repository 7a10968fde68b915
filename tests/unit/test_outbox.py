"""Outbox state machine against a fake port (RELIABILITY rows 6-9, 11, 13, 23, 30)."""

from __future__ import annotations

import asyncio
import socket
from datetime import timedelta

import pytest

from services.compose import Composition, Draft, OutboxProblem, OutboxState
from services.errors import (
    AuthError,
    ForbiddenError,
    NotFoundError,
    OfflineError,
    RateLimitedError,
    RequestTimeoutError,
    ResponseError,
    ServerError,
    ValidationError,
)
from services.models import Container, Person, Post
from services.outbox import Outbox
from services.outbox_send import SendOutcome
from services.store import Database
from tests.fakes.clock import FakeClock
from tests.fakes.port import FakePort

TEAM = Container(3, "g-team", "Team Zorg", 30)
JAN = Person(7, "g-jan", "Jan de Boer", "https://i.example/u/jan/")


@pytest.fixture
def db(tmp_path):
    database = Database.open(tmp_path / "startpunt.sqlite3")
    yield database
    database.close()


def _outbox(db, port, clock=None):
    return Outbox(db, port, clock or FakeClock())


def _queue(outbox, text="Goedemorgen team!", **kw):
    return outbox.enqueue(Composition(Draft(text, 30, **kw), TEAM))


def _send(outbox):
    return asyncio.run(outbox.send_next())


def _server_count(port, text):
    return sum(1 for p in port.posts if text in p.message)


def test_outbox_commits_before_any_network_call(db):
    port = FakePort()
    item = _queue(_outbox(db, port), "Dank je @Jan de Boer!", mentions=(JAN,))
    assert port.calls == []
    assert item.state is OutboxState.QUEUED
    assert len(item.client_id) == 36
    assert "](mention:g-jan" in item.message
    assert item.text == "Dank je @Jan de Boer!"


def test_outbox_sends_in_order_and_records_the_post(db):
    port = FakePort()
    outbox = _outbox(db, port)
    first, second = _queue(outbox, "een"), _queue(outbox, "twee")
    results = [_send(outbox), _send(outbox), _send(outbox)]
    assert [r.outcome for r in results] == [SendOutcome.SENT, SendOutcome.SENT, SendOutcome.IDLE]
    assert [p.message for p in port.posts] == ["een", "twee"]
    sent = outbox.get(first.client_id)
    assert sent is not None
    assert sent.state is OutboxState.SENT
    assert sent.post_id == 1
    assert sent.url.endswith("/content/perma?id=1001")
    assert outbox.waiting() == ()
    assert outbox.get(second.client_id).attempts == 1


@pytest.mark.parametrize(
    ("error", "problem"),
    [
        (ForbiddenError("403", status=403, server_message="Geen toegang"), OutboxProblem.FORBIDDEN),
        (NotFoundError("404", status=404, server_message="Weg"), OutboxProblem.NOT_FOUND),
        (ValidationError("400", status=400, server_message="Te lang"), OutboxProblem.REJECTED),
        (ValidationError("422", status=422, server_message="Nee"), OutboxProblem.REJECTED),
    ],
)
def test_outbox_refusals_need_attention_keep_text_and_never_retry(db, error, problem):
    port = FakePort(fail_on={"create_post": [error]})
    outbox = _outbox(db, port)
    item = _queue(outbox)
    result = _send(outbox)
    assert result.outcome is SendOutcome.ATTENTION
    stored = outbox.get(item.client_id)
    assert stored.state is OutboxState.NEEDS_ATTENTION
    assert stored.problem is problem
    assert stored.server_message == error.server_message
    assert stored.text == "Goedemorgen team!"
    assert _send(outbox).outcome is SendOutcome.IDLE
    assert port.calls == ["list_posts", "create_post"]  # the baseline, then the post
    assert [i.client_id for i in outbox.waiting()] == [item.client_id]


def test_outbox_user_can_retry_edit_and_discard(db):
    port = FakePort(fail_on={"create_post": [ForbiddenError("403", status=403)]})
    outbox = _outbox(db, port)
    item = _queue(outbox)
    _send(outbox)
    edited = outbox.enqueue(
        Composition(item.as_draft().__class__("Beter", 30, editing=item.client_id), TEAM)
    )
    assert edited.client_id == item.client_id
    assert edited.state is OutboxState.QUEUED
    assert outbox.discard(item.client_id)
    assert _send(outbox).outcome is SendOutcome.IDLE
    assert outbox.get(item.client_id).state is OutboxState.DISCARDED  # kept, not deleted
    assert not outbox.retry(item.client_id)


def test_outbox_401_parks_the_row_and_pauses_until_resumed(db):
    """A 401 after sending may follow a commit (a proxy, a server that saved first): the row
    is read back after signing in, never simply sent again."""
    port = FakePort(fail_on={"create_post": [AuthError("401", status=401)]})
    outbox = _outbox(db, port)
    item = _queue(outbox)
    assert _send(outbox).outcome is SendOutcome.PAUSED
    assert outbox.get(item.client_id).state is OutboxState.AMBIGUOUS
    assert outbox.get(item.client_id).problem is OutboxProblem.SIGN_IN
    assert _send(outbox).outcome is SendOutcome.PAUSED
    assert port.calls == ["list_posts", "create_post"]  # the baseline, then the post
    outbox.resume()
    assert _send(outbox).outcome is SendOutcome.REQUEUED  # read back first: not there
    assert _send(outbox).outcome is SendOutcome.SENT
    assert _server_count(port, "Goedemorgen") == 1


def test_outbox_commit_then_401_is_not_posted_twice(db):
    port = FakePort(commit_then_fail=[AuthError("401", status=401)])
    outbox = _outbox(db, port)
    item = _queue(outbox)
    assert _send(outbox).outcome is SendOutcome.PAUSED
    outbox.resume()
    assert _send(outbox).outcome is SendOutcome.SENT
    assert _send(outbox).outcome is SendOutcome.IDLE
    assert _server_count(port, "Goedemorgen") == 1
    assert outbox.get(item.client_id).post_id == 1


@pytest.mark.parametrize(
    "error",
    [
        OfflineError("refused", nothing_sent=True),
        RequestTimeoutError("connect timeout", nothing_sent=True),
        ServerError("503", status=503, retry_after=timedelta(seconds=9)),
        RateLimitedError("429", retry_after=timedelta(seconds=30)),
    ],
)
def test_outbox_transient_failures_stay_queued_without_reading_back(db, error):
    port = FakePort(fail_on={"create_post": [error]})
    outbox = _outbox(db, port)
    item = _queue(outbox)
    result = _send(outbox)
    assert result.outcome is SendOutcome.RETRY
    assert result.retry_after == getattr(error, "retry_after", None)
    assert outbox.get(item.client_id).state is OutboxState.QUEUED
    assert _send(outbox).outcome is SendOutcome.SENT
    assert port.calls == ["list_posts", "create_post", "create_post"]
    assert len(port.posts) == 1


@pytest.mark.parametrize(
    "error",
    [
        OfflineError("RemoteProtocolError"),
        RequestTimeoutError("ReadTimeout"),
        ServerError("502", status=502),
        ServerError("504", status=504),
        ServerError("500", status=500),
        ResponseError("unreadable JSON"),
    ],
)
def test_outbox_committed_then_lost_is_read_back_not_reposted(db, error):
    """Row 13: the server committed, the answer was lost: exactly one post."""
    port = FakePort(commit_then_fail=[error])
    outbox = _outbox(db, port)
    item = _queue(outbox)
    first = _send(outbox)
    assert first.outcome in (SendOutcome.AMBIGUOUS, SendOutcome.RETRY)
    assert outbox.get(item.client_id).state is OutboxState.AMBIGUOUS
    second = _send(outbox)
    assert second.outcome is SendOutcome.SENT
    # the baseline, the post, then who am I and the read-back
    assert port.calls == ["list_posts", "create_post", "current_user", "list_posts"]
    assert _server_count(port, "Goedemorgen") == 1
    assert outbox.get(item.client_id).post_id == 1


def test_outbox_ambiguous_and_not_on_server_is_sent_again(db):
    port = FakePort(fail_on={"create_post": [OfflineError("reset before the server read it")]})
    outbox = _outbox(db, port)
    item = _queue(outbox)
    assert _send(outbox).outcome is SendOutcome.AMBIGUOUS
    assert _send(outbox).outcome is SendOutcome.REQUEUED
    assert _send(outbox).outcome is SendOutcome.SENT
    assert port.calls == [
        "list_posts", "create_post", "current_user", "list_posts", "create_post"
    ]  # fmt: skip
    assert _server_count(port, "Goedemorgen") == 1
    assert outbox.get(item.client_id).attempts == 2


def test_outbox_read_back_failure_keeps_it_ambiguous(db):
    clock = FakeClock()
    port = FakePort(commit_then_fail=[OfflineError("reset")])
    outbox = _outbox(db, port, clock)
    item = _queue(outbox)
    _send(outbox)
    port.fail_with.append(ServerError("502", status=502))
    assert _send(outbox).outcome is SendOutcome.RETRY
    assert outbox.get(item.client_id).state is OutboxState.AMBIGUOUS
    assert _send(outbox).outcome is SendOutcome.BUSY  # held a minute; nothing else is due
    clock.advance(timedelta(seconds=61))
    assert _send(outbox).outcome is SendOutcome.SENT
    assert len(port.posts) == 1


def test_outbox_identical_texts_are_matched_to_different_posts(db):
    port = FakePort()
    outbox = _outbox(db, port)
    _queue(outbox, "Proficiat!")
    _send(outbox)
    second = _queue(outbox, "Proficiat!")
    port.fail_on["create_post"] = [OfflineError("reset before the server read it")]
    _send(outbox)
    assert _send(outbox).outcome is SendOutcome.REQUEUED  # post 1 belongs to the first row
    assert _send(outbox).outcome is SendOutcome.SENT
    assert outbox.get(second.client_id).post_id == 2


def test_outbox_sending_row_of_a_dead_process_becomes_ambiguous(db, tmp_path):
    """Row 23: killed mid-send; on restart the row is read back before anything is re-sent."""
    port = FakePort()
    outbox = _outbox(db, port)
    item = _queue(outbox)
    db.connection.execute(
        "UPDATE outbox SET state = 'sending', lease_until = 9e12, lease_owner = ?"
        " WHERE client_id = ?",
        (f"{socket.gethostname()}:999999999:dead", item.client_id),
    )
    port.posts.append(_post_like(item.message))  # it did reach the server
    restarted = _outbox(db, port)
    assert restarted.recover() == 1
    assert restarted.get(item.client_id).state is OutboxState.AMBIGUOUS
    assert _send(restarted).outcome is SendOutcome.SENT
    assert port.calls == ["current_user", "list_posts"]


def _post_like(message):
    url = "https://intranet.example/content/perma?id=1001"
    return Post(1, 1001, message, Person(1, "g", "Sanne"), None, url, 30)


def test_outbox_live_lease_of_another_process_is_respected(db):
    """Row 30: a second process never sends (or re-checks) a row the first is sending."""
    port = FakePort()
    first, second = _outbox(db, port), _outbox(db, port)
    item = _queue(first)
    seen = []

    def during_post(name):
        if name == "create_post":
            second.recover()
            seen.append(
                asyncio.get_event_loop().run_until_complete
                if False
                else second.get(item.client_id).state
            )

    port.on_call = during_post
    assert _send(first).outcome is SendOutcome.SENT
    assert seen == [OutboxState.SENDING]
    assert _send(second).outcome is SendOutcome.IDLE
    assert len(port.posts) == 1


def test_outbox_two_processes_race_for_one_row(tmp_path):
    path = tmp_path / "startpunt.sqlite3"
    db_a, db_b = Database.open(path), Database.open(path)
    try:
        port = FakePort()
        a, b = Outbox(db_a, port, FakeClock()), Outbox(db_b, port, FakeClock())
        _queue(a, "alleen ik")

        async def both():
            return await asyncio.gather(a.send_next(), b.send_next())

        outcomes = sorted(r.outcome.value for r in asyncio.run(both()))
        assert outcomes in (["busy", "sent"], ["idle", "sent"])
        assert _server_count(port, "alleen ik") == 1
    finally:
        db_a.close()
        db_b.close()


# -- read-back only recognises our own, recent post (review finding 2) ---------------------
ME = Person(1, "g", "Sanne")  # what FakePort.current_user says
COLLEAGUE = Person(8, "g-piet", "Piet Jansen")


def _server_post(post_id, message, author, created_at):
    url = f"https://intranet.example/content/perma?id={post_id + 1000}"
    return Post(post_id, post_id + 1000, message, author, created_at, url, 30)


def _lost_send(outbox, port, text):
    """Queue `text`; its POST never reaches the server, but the answer is lost (ambiguous)."""
    item = _queue(outbox, text)
    port.fail_on["create_post"] = [OfflineError("reset before the server read it")]
    assert _send(outbox).outcome is SendOutcome.AMBIGUOUS
    return item


def test_outbox_read_back_never_claims_a_colleagues_post_when_author_unknown(db):
    """Nobody called set_author (offline at start): the author is fetched before matching."""
    clock = FakeClock()
    port = FakePort()
    outbox = _outbox(db, port, clock)
    item = _lost_send(outbox, port, "Goedemorgen allemaal!")
    port.posts.append(_server_post(50, "Goedemorgen allemaal!", COLLEAGUE, clock.now()))
    assert _send(outbox).outcome is SendOutcome.REQUEUED
    assert "current_user" in port.calls
    assert outbox.get(item.client_id).post_id is None
    assert _send(outbox).outcome is SendOutcome.SENT
    assert outbox.get(item.client_id).post_id != 50


def test_outbox_read_back_waits_while_the_author_cannot_be_fetched(db):
    port = FakePort()
    outbox = _outbox(db, port)
    item = _lost_send(outbox, port, "Goedemorgen allemaal!")
    port.fail_with.append(OfflineError("still offline", nothing_sent=True))
    result = _send(outbox)
    assert result.outcome is SendOutcome.RETRY
    assert outbox.get(item.client_id).state is OutboxState.AMBIGUOUS
    assert port.calls[2:] == ["current_user"]  # never read back without knowing who we are
    assert [p for p in port.posts if p.message == "Goedemorgen allemaal!"] == []


def test_outbox_read_back_ignores_my_identical_post_from_hours_ago(db):
    """Same text, same author, but posted this morning (e.g. on the website): not this row."""
    clock = FakeClock()
    port = FakePort()
    outbox = _outbox(db, port, clock)
    outbox.set_author("g")
    port.posts.append(
        _server_post(1, "Goedemorgen allemaal!", ME, clock.now() - timedelta(hours=3))
    )
    item = _lost_send(outbox, port, "Goedemorgen allemaal!")
    assert _send(outbox).outcome is SendOutcome.REQUEUED
    assert outbox.get(item.client_id).post_id is None


def test_outbox_read_back_tolerates_a_few_minutes_of_clock_skew(db):
    clock = FakeClock()
    port = FakePort(commit_then_fail=[OfflineError("reset")])
    outbox = _outbox(db, port, clock)
    outbox.set_author("g")
    item = _queue(outbox, "Net op tijd")
    assert _send(outbox).outcome is SendOutcome.AMBIGUOUS
    committed = port.posts[-1]
    early = _server_post(committed.id, committed.message, ME, clock.now() - timedelta(minutes=4))
    port.posts[-1] = early  # the server's clock runs 4 minutes behind ours
    assert _send(outbox).outcome is SendOutcome.SENT
    assert outbox.get(item.client_id).post_id == committed.id


def test_outbox_read_back_ignores_posts_older_than_one_we_sent_before(db):
    """Post ids grow: a post older than one we already sent earlier cannot be this row's."""
    clock = FakeClock()
    port = FakePort()
    outbox = _outbox(db, port, clock)
    outbox.set_author("g")
    port.posts.append(_server_post(1, "Koffie?", ME, None))  # no timestamp to judge by
    _queue(outbox, "iets anders")
    assert _send(outbox).outcome is SendOutcome.SENT  # post 2
    clock.advance(timedelta(minutes=1))
    item = _lost_send(outbox, port, "Koffie?")
    assert _send(outbox).outcome is SendOutcome.REQUEUED
    assert outbox.get(item.client_id).post_id is None


# -- a row being edited is held (review finding 1) -----------------------------------------
def test_outbox_held_row_is_not_sent_and_the_edit_replaces_it(db):
    port = FakePort()
    outbox = _outbox(db, port)
    item = _queue(outbox, "Eerste versie")
    held = outbox.hold(item.client_id)
    assert held is not None
    assert held.state is OutboxState.EDITING
    assert held in outbox.waiting()
    assert _send(outbox).outcome is SendOutcome.IDLE
    edited = outbox.enqueue(Composition(Draft("Tweede versie", 30, editing=item.client_id), TEAM))
    assert edited.client_id == item.client_id
    assert _send(outbox).outcome is SendOutcome.SENT
    assert [p.message for p in port.posts] == ["Tweede versie"]


def test_outbox_cancelled_edit_goes_back_to_where_it_was(db):
    port = FakePort(
        fail_on={"create_post": [ForbiddenError("403", status=403, server_message="Nee")]}
    )
    outbox = _outbox(db, port)
    refused = _queue(outbox, "Geweigerd")
    _send(outbox)
    waiting = _queue(outbox, "Wacht")
    for item in (refused, waiting):
        assert outbox.hold(item.client_id) is not None
        assert outbox.release(item.client_id)
    back = outbox.get(refused.client_id)
    assert back.state is OutboxState.NEEDS_ATTENTION
    assert back.server_message == "Nee"
    assert outbox.get(waiting.client_id).state is OutboxState.QUEUED


def test_outbox_rows_being_sent_cannot_be_held(db):
    port = FakePort(commit_then_fail=[OfflineError("reset")])
    outbox = _outbox(db, port)
    item = _queue(outbox)
    _send(outbox)
    assert outbox.get(item.client_id).state is OutboxState.AMBIGUOUS
    assert outbox.hold(item.client_id) is None


def test_outbox_holds_of_a_previous_run_are_released(db):
    port = FakePort()
    item = _queue(_outbox(db, port))
    assert _outbox(db, port).hold(item.client_id) is not None
    restarted = _outbox(db, port)
    assert restarted.release_stale_holds() == 1
    assert restarted.get(item.client_id).state is OutboxState.QUEUED


def test_outbox_sends_the_topics_the_user_chose(db):
    port = FakePort()
    outbox = _outbox(db, port)
    _queue(outbox, "Nieuwe roosters", topics=("Rooster", "Team"))
    assert _send(outbox).outcome is SendOutcome.SENT
    assert port.post_topics == [("Rooster", "Team")]
