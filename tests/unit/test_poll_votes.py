"""Casting and changing a vote: reset first, read back, and say when the old vote is gone."""

from __future__ import annotations

import asyncio

import pytest

from services.errors import OfflineError, ServerError
from services.models import Poll
from services.poll_votes import VoteFailedError, VoteRefusedError, cast_vote
from tests.fakes.polls import WHERE, make_poll
from tests.fakes.port import FakePort


def poll(*, multiple: bool = False, closed: bool = False) -> Poll:
    return make_poll(7, "Where?", answers=WHERE, multiple=multiple, closed=closed)


def run(port: FakePort, p: Poll, answers: set[int]) -> frozenset[int]:
    return asyncio.run(cast_vote(port, p, frozenset(answers)))


def test_first_vote() -> None:
    port = FakePort()
    assert run(port, poll(), {2}) == {2}
    assert port.calls == ["my_votes", "vote", "my_votes"]


def test_change_resets_first_then_votes() -> None:
    port = FakePort(votes={7: frozenset({1})})
    assert run(port, poll(), {3}) == {3}
    assert port.calls == ["my_votes", "reset_vote", "vote", "my_votes"]


def test_the_same_vote_sends_nothing() -> None:
    port = FakePort(votes={7: frozenset({1})})
    assert run(port, poll(), {1}) == {1}
    assert port.calls == ["my_votes"]


def test_vote_failing_after_the_reset_says_the_old_vote_is_gone() -> None:
    port = FakePort(votes={7: frozenset({1})}, fail_on={"vote": [ServerError("boom", status=500)]})
    with pytest.raises(VoteFailedError) as caught:
        run(port, poll(), {2})
    assert caught.value.withdrawn
    assert port.votes == {}
    assert run(port, poll(), {2}) == {2}  # retrying works


def test_reset_failing_keeps_the_old_vote() -> None:
    port = FakePort(votes={7: frozenset({1})}, fail_on={"reset_vote": [OfflineError("x")]})
    with pytest.raises(VoteFailedError) as caught:
        run(port, poll(), {2})
    assert not caught.value.withdrawn
    assert port.votes == {7: {1}}
    assert "vote" not in port.calls


def test_a_lost_read_back_trusts_the_accepted_vote() -> None:
    port = FakePort()
    original = port.my_votes
    seen: list[int] = []

    async def flaky(poll_id: int) -> frozenset[int]:
        seen.append(poll_id)
        if len(seen) == 2:
            raise OfflineError("lost")
        return await original(poll_id)

    port.my_votes = flaky  # type: ignore[method-assign]
    assert run(port, poll(), {1}) == {1}


@pytest.mark.parametrize(
    ("p", "answers"),
    [(poll(closed=True), {1}), (poll(), set()), (poll(), {9}), (poll(), {1, 2})],
)
def test_refused_before_sending(p: Poll, answers: set[int]) -> None:
    port = FakePort()
    with pytest.raises(VoteRefusedError):
        run(port, p, answers)
    assert port.calls == []


def test_several_answers_when_allowed() -> None:
    assert run(FakePort(), poll(multiple=True), {1, 3}) == {1, 3}
