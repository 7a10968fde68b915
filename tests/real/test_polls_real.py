"""Polls against the real HumHub (module 1.4.5): alice creates, carol (who receives new-content
notifications for Team) is alerted, votes, changes her vote (reset first) and learns the close.
The server is the oracle: carol's votes are read back with her own token by the harness."""

from __future__ import annotations

import asyncio
from pathlib import Path

from services.clock import SystemClock
from services.humhub.connector import HumHubConnector
from services.models import NotificationKind
from services.poll_check import check_polls
from services.poll_memory import PollMemory
from services.poll_votes import cast_vote
from services.poll_watch import PollEventKind, PollWatch
from services.store import Database
from tests.contract import specs
from tests.contract.test_polls_contract import Recording
from tests.real.server import RealHumHub, about, unique


def test_carol_is_told_votes_changes_and_learns_the_close(
    real_humhub: RealHumHub, tmp_path: Path
) -> None:
    server = real_humhub
    server.mark_all_seen("carol")
    db = Database.open(tmp_path / "carol.db")
    recording = Recording()
    watch = PollWatch(PollMemory(db), SystemClock())

    async def go() -> None:
        port = HumHubConnector(server.base_url, token=server.tokens["carol"], transport=recording)
        try:
            assert (await port.capabilities()).polls
            assert await check_polls(port, watch) == []  # the baseline: nothing alerted
            question = unique("Waar lunchen we?")
            created = server.create_poll("alice", question, ["Kantine", "Park", "Online"])
            poll_id = int(created["id"])
            # the ContentCreated notification (carol has send_notifications on for Team)
            server.wait_for_notification("carol", about(question.split()[0]))
            page = await port.list_notifications(unseen_only=True, limit=20)
            note = next(n for n in page.items if question.split()[0] in n.text)
            assert note.kind is NotificationKind.POLL
            # the notification's alert covers the poll: the check does not alert it again
            watch.announced([note.text])
            assert await check_polls(port, watch) == []
            assert await check_polls(port, watch) == []
            poll = await port.get_poll(poll_id)
            assert poll.question == question
            assert [a.text for a in poll.answers] == ["Kantine", "Park", "Online"]
            first, second = poll.answers[0].id, poll.answers[1].id
            assert await cast_vote(port, poll, frozenset({first})) == {first}
            assert server.my_votes("carol", poll_id) == [first]
            assert await cast_vote(port, poll, frozenset({second})) == {second}
            assert server.my_votes("carol", poll_id) == [second]
            watch.voted(poll_id)
            server.close_poll("alice", poll_id)
            events = await check_polls(port, watch)
            assert [(e.kind, e.poll.id) for e in events] == [(PollEventKind.OUTCOME, poll_id)]
            assert await check_polls(port, watch) == []
        finally:
            await port.aclose()

    try:
        asyncio.run(go())
    finally:
        db.close()
    # what the connector sent for polls, and what the real server answered, fit the bundled spec
    polls = [r for r in recording.exchanges if r.request.url.path.startswith("/api/v1/polls")]
    calls = {(r.request.method, r.request.url.path.rsplit("/", 1)[0]) for r in polls}
    assert {("PUT", "/api/v1/polls/vote"), ("DELETE", "/api/v1/polls/vote")} <= calls
    assert ("GET", "/api/v1/polls/vote") in calls
    for response in polls:
        assert response.status_code == 200, response.text
        assert specs.validate_everywhere(response) == list(specs.VERSIONS)
