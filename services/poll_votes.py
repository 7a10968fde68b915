"""Casting a vote the way HumHub's polls API needs it: withdraw the old vote, then vote.

A second vote alone changes nothing on the server, so a change is a reset followed by a
vote, and the result is read back. When the reset went through but the vote did not, the
error says so (`withdrawn`): the user then sees that no vote is recorded and can retry.
"""

from __future__ import annotations

import logging
from typing import Protocol

from services.errors import ServiceError
from services.models import Poll

logger = logging.getLogger(__name__)


class PollsPort(Protocol):
    """The poll calls of `services.port.IntranetPort`."""

    async def list_polls(
        self, *, page: int = 1, limit: int = 20
    ) -> tuple[tuple[Poll, ...], int]: ...
    async def get_poll(self, poll_id: int) -> Poll: ...
    async def my_votes(self, poll_id: int) -> frozenset[int]: ...
    async def vote(self, poll_id: int, answer_ids: tuple[int, ...]) -> None: ...
    async def reset_vote(self, poll_id: int) -> None: ...


class VoteRefusedError(ValueError):
    """The choice does not fit the poll (closed, no answer, several where one is allowed)."""


class VoteFailedError(Exception):
    """The server did not record the vote; `withdrawn` says the old vote is gone."""

    def __init__(self, cause: ServiceError | None, *, withdrawn: bool, message: str) -> None:
        super().__init__(message)
        self.cause = cause
        self.withdrawn = withdrawn


def check_choice(poll: Poll, answers: frozenset[int]) -> None:
    """Raise VoteRefusedError when `answers` cannot be a vote on `poll`."""
    if poll.closed:
        raise VoteRefusedError("the poll is closed")
    if not answers:
        raise VoteRefusedError("no answer chosen")
    if not answers <= {a.id for a in poll.answers}:
        raise VoteRefusedError("an answer that is not the poll's")
    if len(answers) > 1 and not poll.allow_multiple:
        raise VoteRefusedError("several answers where one is allowed")


async def cast_vote(port: PollsPort, poll: Poll, answers: frozenset[int]) -> frozenset[int]:
    """Make the user's vote on `poll` equal `answers`; returns what the server now holds."""
    check_choice(poll, answers)
    try:
        current = await port.my_votes(poll.id)
    except ServiceError as exc:
        raise VoteFailedError(
            exc, withdrawn=False, message=f"reading the vote failed: {exc}"
        ) from exc
    if current == answers:
        return current
    if current:
        try:
            await port.reset_vote(poll.id)
        except ServiceError as exc:
            logger.warning(
                "Poll %d: withdrawing the old vote failed (%s)", poll.id, type(exc).__name__
            )
            raise VoteFailedError(exc, withdrawn=False, message=f"reset failed: {exc}") from exc
    try:
        await port.vote(poll.id, tuple(sorted(answers)))
    except ServiceError as exc:
        if current:
            logger.error(
                "Poll %d: the old vote was withdrawn but the new vote failed (%s); no vote recorded",
                poll.id,
                type(exc).__name__,
            )
        raise VoteFailedError(exc, withdrawn=bool(current), message=f"vote failed: {exc}") from exc
    try:
        held = await port.my_votes(poll.id)
    except ServiceError as exc:  # the vote was accepted; only the check failed
        logger.warning("Poll %d: vote sent, read-back failed (%s)", poll.id, type(exc).__name__)
        return answers
    if held != answers:
        logger.error(
            "Poll %d: the server holds %d other answers after the vote", poll.id, len(held)
        )
        raise VoteFailedError(None, withdrawn=not held, message="the server kept another vote")
    return held
