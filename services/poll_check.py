"""One poll check: the newest polls, the user's votes where a decision needs them, events.

Bounded: one page of `CHECK_LIMIT` polls, and `my_votes` only for the polls `PollWatch`
asks about (at most `MAX_VOTE_READS` per check). The open polls for the panel are read the
same way, at most `MAX_PAGES` pages.
"""

from __future__ import annotations

import logging

from services.errors import ServiceError
from services.models import OpenPoll, Poll
from services.poll_votes import PollsPort
from services.poll_watch import PollEvent, PollWatch

logger = logging.getLogger(__name__)

CHECK_LIMIT = 20
MAX_VOTE_READS = 10
MAX_PAGES = 3
PAGE_SIZE = 20


async def check_polls(port: PollsPort, watch: PollWatch) -> list[PollEvent]:
    """Read the newest polls and return what to tell; ServiceError propagates."""
    polls, _pages = await port.list_polls(page=1, limit=CHECK_LIMIT)
    voted: dict[int, bool] = {}
    for poll in [p for p in polls if watch.needs_votes(p)][:MAX_VOTE_READS]:
        voted[poll.id] = bool(await port.my_votes(poll.id))
    return watch.review(polls, voted)


async def open_polls(port: PollsPort) -> tuple[OpenPoll, ...]:
    """The open polls, newest first, each with the user's vote; a failed vote read is skipped."""
    found: list[Poll] = []
    for page in range(1, MAX_PAGES + 1):
        polls, pages = await port.list_polls(page=page, limit=PAGE_SIZE)
        found.extend(p for p in polls if not p.closed)
        if page >= pages or not polls:
            break
    result: list[OpenPoll] = []
    for poll in found:
        try:
            mine: frozenset[int] | None = await port.my_votes(poll.id)
        except ServiceError as exc:
            logger.warning("Poll %d: own vote unknown (%s)", poll.id, type(exc).__name__)
            mine = None
        result.append(OpenPoll(poll, mine))
    return tuple(result)
