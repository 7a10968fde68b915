"""The outbox's rules and loop: rows → items, failed sends, recognising a post, sending.

Pure Python + asyncio, no Qt. The retry table of RELIABILITY §4 for POSTs lives in
`classify_send_failure` (a 401 after sending is ambiguous: a server or proxy may have committed
first); `OutboxSender.run` drives `Outbox.send_next` with full-jitter backoff and survives any
failure of one row.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import secrets
import socket
import sqlite3
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

from services.backoff import retry_delay
from services.compose import OutboxItem, OutboxProblem, OutboxState
from services.drafts import people_from_json, topics_from_text
from services.errors import (
    AuthError,
    ForbiddenError,
    HttpStatusError,
    NotFoundError,
    OfflineError,
    RateLimitedError,
    ServerError,
    ServiceError,
)
from services.models import Container

logger = logging.getLogger(__name__)


ROW_COLUMNS = (
    "client_id, state, container_id, contentcontainer_id, container_guid, container_name,"
    " container_url, is_space, text, message, mentions, topics, queued_at, attempts,"
    " problem, server_message, post_id, url, first_attempt_at, baseline_post_id"
)


def item_from_row(row: sqlite3.Row | tuple[object, ...]) -> OutboxItem:
    """An OutboxItem from a row selected with ROW_COLUMNS."""
    (cid, state, con_id, ccid, guid, name, curl, is_space, text, message, mentions, topics,
     queued_at, attempts, problem, server_message, post_id, url, *_) = tuple(row)  # fmt: skip
    return OutboxItem(
        client_id=str(cid),
        state=OutboxState(str(state)),
        target=Container(
            int(str(con_id)), str(guid), str(name), int(str(ccid)), str(curl), bool(is_space)
        ),
        text=str(text),
        message=str(message),
        mentions=people_from_json(str(mentions)),
        topics=topics_from_text(str(topics)),
        queued_at=datetime.fromisoformat(str(queued_at)),
        attempts=int(str(attempts)),
        problem=OutboxProblem(str(problem)),
        server_message=str(server_message),
        post_id=post_id if isinstance(post_id, int) else None,
        url=str(url),
    )


class SendOutcome(StrEnum):
    """What one `Outbox.send_next` did."""

    IDLE = "idle"  # nothing due
    SENT = "sent"  # on the server (sent now, or found while reading back)
    AMBIGUOUS = "ambiguous"  # may have reached the server: read back right away
    REQUEUED = "requeued"  # read back, not there: send again after a backoff
    RETRY = "retry"  # a transient failure: wait, then try again
    ATTENTION = "attention"  # refused (403/404/400/422): the user decides
    PAUSED = "paused"  # 401: wait for sign-in
    BUSY = "busy"  # another process holds the row's lease


@dataclass(frozen=True, slots=True)
class SendResult:
    """The outcome, the row as it is now, and the server's wish for a delay."""

    outcome: SendOutcome
    item: OutboxItem | None = None
    retry_after: timedelta | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """Where a failed row goes next."""

    state: str
    problem: OutboxProblem
    outcome: SendOutcome
    retry_after: timedelta | None = None
    server_message: str = ""


def classify_send_failure(exc: ServiceError) -> Failure:
    """Map a failed `create_post` to the row's next state (RELIABILITY §4, "Post" column)."""
    if isinstance(exc, AuthError):  # committed and then refused? read back after signing in
        return Failure("ambiguous", OutboxProblem.SIGN_IN, SendOutcome.PAUSED)
    if isinstance(exc, RateLimitedError) or (isinstance(exc, ServerError) and exc.status == 503):
        return Failure("queued", OutboxProblem.SERVER_BUSY, SendOutcome.RETRY, exc.retry_after)
    if isinstance(exc, OfflineError) and exc.nothing_sent:
        return Failure("queued", OutboxProblem.OFFLINE, SendOutcome.RETRY)
    if isinstance(exc, HttpStatusError) and 400 <= exc.status < 500:
        problem = OutboxProblem.REJECTED
        if isinstance(exc, ForbiddenError):
            problem = OutboxProblem.FORBIDDEN
        elif isinstance(exc, NotFoundError):
            problem = OutboxProblem.NOT_FOUND
        return Failure(
            "needs_attention", problem, SendOutcome.ATTENTION, None, exc.server_message[:2000]
        )
    # A lost connection or read timeout: read back at once. 500/502/504, an unreadable 2xx:
    # the server is unwell, so read back after a backoff.
    if isinstance(exc, OfflineError):
        return Failure("ambiguous", OutboxProblem.CHECKING, SendOutcome.AMBIGUOUS)
    return Failure("ambiguous", OutboxProblem.CHECKING, SendOutcome.RETRY, _retry_after(exc))


def classify_check_failure(exc: ServiceError) -> Failure:
    """A failed read-back keeps the row AMBIGUOUS; 401 pauses the outbox."""
    outcome = SendOutcome.PAUSED if isinstance(exc, AuthError) else SendOutcome.RETRY
    return Failure("ambiguous", OutboxProblem.CHECKING, outcome, _retry_after(exc))


def classify_baseline_failure(exc: ServiceError) -> Failure:
    """Reading the baseline before a first send failed: nothing was sent, the row stays QUEUED."""
    failure = classify_send_failure(exc)
    if failure.state == "needs_attention":
        return failure  # the container is gone or closed to us: posting would be refused too
    problem = (
        failure.problem if failure.problem is not OutboxProblem.CHECKING else OutboxProblem.OFFLINE
    )
    outcome = SendOutcome.PAUSED if failure.outcome is SendOutcome.PAUSED else SendOutcome.RETRY
    return Failure("queued", problem, outcome, failure.retry_after)


def _retry_after(exc: ServiceError) -> timedelta | None:
    if isinstance(exc, RateLimitedError | ServerError):
        return exc.retry_after
    return None


_LIVE_TOKENS: set[str] = set()  # lease owners created in this process


def new_owner() -> str:
    """A lease owner id for one Outbox: host, pid and a random token."""
    token = secrets.token_hex(4)
    _LIVE_TOKENS.add(token)
    return f"{socket.gethostname()}:{os.getpid()}:{token}"


def owner_alive(owner: str) -> bool:
    """Whether the holder of a lease may still be sending (unknown: assume it is)."""
    host, _, rest = owner.partition(":")
    pid_text, _, token = rest.partition(":")
    if host != socket.gethostname() or not pid_text.isdigit():
        return True  # another machine (a shared profile): trust the lease's expiry
    if int(pid_text) == os.getpid():  # this process, or a dead one whose pid we got
        return token in _LIVE_TOKENS
    return is_process_alive(int(pid_text))


def is_process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (POSIX; elsewhere assume so)."""
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class SendsNext(Protocol):
    async def send_next(self) -> SendResult: ...


Delay = Callable[[int, random.Random, timedelta | None], timedelta]


def _default_delay(attempt: int, rng: random.Random, retry_after: timedelta | None) -> timedelta:
    return retry_delay(attempt, rng, retry_after=retry_after)


class OutboxSender:
    """Drains the outbox in order; sleeps with full-jitter backoff; `wake()` cuts a wait short."""

    def __init__(
        self,
        outbox: SendsNext,
        rng: random.Random,
        *,
        delay: Delay = _default_delay,
        busy_wait: timedelta = timedelta(seconds=30),
    ) -> None:
        self._outbox = outbox
        self._rng = rng
        self._delay = delay
        self._busy_wait = busy_wait
        self._wake = asyncio.Event()
        self.failures = 0

    def wake(self) -> None:
        """Something changed (a new post, signed in again, network back): look now."""
        self._wake.set()

    async def run(self, on_result: Callable[[SendResult], Awaitable[None]]) -> None:
        """Send until cancelled; `on_result` sees every outcome except IDLE."""
        while True:
            self._wake.clear()
            try:
                result = await self._outbox.send_next()
            except ServiceError as exc:  # the local database failed (disk full): wait, retry
                logger.error("Outbox: cannot update the local database: %s", exc)
                result = SendResult(SendOutcome.RETRY)
            except Exception:  # a bug or a value nobody foresaw: never end the sender
                logger.exception("Outbox: unexpected failure; trying again after a backoff")
                result = SendResult(SendOutcome.RETRY)
            if result.outcome is not SendOutcome.IDLE:
                try:
                    await on_result(result)
                except Exception:  # the listener's bug must not stop the posts after it
                    logger.exception("Outbox: handling a send's result failed")
            wait = self._wait_after(result)
            if wait == timedelta(0):
                continue
            with contextlib.suppress(TimeoutError):
                seconds = None if wait is None else wait.total_seconds()
                await asyncio.wait_for(self._wake.wait(), seconds)

    def _wait_after(self, result: SendResult) -> timedelta | None:
        """0: go on; None: wait for `wake()`; else the backoff."""
        outcome = result.outcome
        if outcome in (SendOutcome.SENT, SendOutcome.ATTENTION):
            self.failures = 0
            return timedelta(0)
        if outcome is SendOutcome.AMBIGUOUS:
            return timedelta(0)
        if outcome in (SendOutcome.IDLE, SendOutcome.PAUSED):
            return None
        if outcome is SendOutcome.BUSY:
            return self._busy_wait
        delay = self._delay(self.failures, self._rng, result.retry_after)
        self.failures += 1
        logger.info("Outbox: next attempt in %.1f s", delay.total_seconds())
        return delay
