"""The notification poller: a cheap probe, details only on change, backoff on failure.

Pure asyncio; no Qt. One request in flight, a minimum gap between requests, full-jitter
backoff, Retry-After honoured, and a 401 stops polling until the user signs in again.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Protocol

from services.backoff import retry_delay
from services.clock import Clock
from services.errors import (
    AuthError,
    RateLimitedError,
    ServerError,
    ServiceError,
)
from services.models import ConnectionState, Notification, UnseenProbe
from services.port import IntranetPort

logger = logging.getLogger(__name__)

DEFAULT_INTERVAL = timedelta(seconds=30)
MIN_GAP = timedelta(seconds=10)
FETCH_LIMIT = 20
START_JITTER = timedelta(seconds=10)


class SeenFilter(Protocol):
    """Decides which notifications are new; the durable version lives in the store."""

    def take_new(self, items: tuple[Notification, ...]) -> tuple[Notification, ...]:
        """Return the items never taken before and remember them."""
        ...


class MemorySeenFilter:
    """A session-only seen set (used until the durable store is wired in)."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def take_new(self, items: tuple[Notification, ...]) -> tuple[Notification, ...]:
        new = tuple(n for n in items if n.fingerprint not in self._seen)
        self._seen.update(n.fingerprint for n in new)
        return new


@dataclass(frozen=True, slots=True)
class PollOutcome:
    """What one poll found, and when the next one is due."""

    state: ConnectionState
    next_delay: timedelta
    unread: int | None = None
    new: tuple[Notification, ...] = ()
    error: ServiceError | None = None
    fetched: bool = False


OutcomeHandler = Callable[[PollOutcome], Awaitable[None] | None]


@dataclass(slots=True)
class _Backoff:
    attempt: int = 0


@dataclass
class Poller:
    """Polls one intranet; `run()` loops until cancelled or the credentials are refused."""

    port: IntranetPort
    clock: Clock
    rng: random.Random
    seen: SeenFilter = field(default_factory=MemorySeenFilter)
    interval: timedelta = DEFAULT_INTERVAL
    _last_probe: UnseenProbe | None = None
    _last_request_at: float | None = None
    _backoff: _Backoff = field(default_factory=_Backoff)
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    _wake: asyncio.Event = field(default_factory=asyncio.Event)

    def __post_init__(self) -> None:
        self.interval = max(self.interval, MIN_GAP)

    def start_delay(self) -> timedelta:
        """A random delay before the first poll after start or resume (herd protection)."""
        return timedelta(seconds=self.rng.uniform(0.0, START_JITTER.total_seconds()))

    def refresh_soon(self) -> None:
        """Ask for a poll now (panel opened, network back); the minimum gap still holds."""
        self._wake.set()

    def forget_probe(self) -> None:
        """Make the next poll fetch details even if the probe looks unchanged."""
        self._last_probe = None

    async def poll_once(self) -> PollOutcome:
        """Probe, fetch on change, and say when to poll next. Never raises ServiceError."""
        async with self._lock:
            self._last_request_at = self.clock.monotonic()
            try:
                return await self._probe_and_fetch()
            except AuthError as exc:
                logger.warning("Polling stopped: credentials refused (%s)", exc)
                return PollOutcome(ConnectionState.AUTH_REQUIRED, timedelta(0), error=exc)
            except ServiceError as exc:
                return self._failed(exc)

    async def _probe_and_fetch(self) -> PollOutcome:
        probe = await self.port.probe_unseen()
        new: tuple[Notification, ...] = ()
        fetched = False
        if probe != self._last_probe:
            if probe.total > 0:
                limit = min(FETCH_LIMIT, probe.total)
                page = await self.port.list_notifications(unseen_only=True, limit=limit)
                new = self.seen.take_new(page.items)
                fetched = True
            self._last_probe = probe
        self._backoff.attempt = 0
        logger.debug("Polled: %d unseen, %d new", probe.total, len(new))
        return PollOutcome(
            ConnectionState.ONLINE, self.interval, unread=probe.total, new=new, fetched=fetched
        )

    def _failed(self, exc: ServiceError) -> PollOutcome:
        retry_after = exc.retry_after if isinstance(exc, RateLimitedError | ServerError) else None
        delay = retry_delay(self._backoff.attempt, self.rng, retry_after=retry_after)
        self._backoff.attempt += 1
        logger.info(
            "Poll failed (%s: %s); retry %d in %.1fs",
            type(exc).__name__,
            exc,
            self._backoff.attempt,
            delay.total_seconds(),
        )
        return PollOutcome(ConnectionState.OFFLINE, delay, error=exc)

    async def run(self, handler: OutcomeHandler, *, first_delay: timedelta | None = None) -> None:
        """Poll until cancelled or until the server refuses the credentials."""
        delay = self.start_delay() if first_delay is None else first_delay
        while True:
            await self._sleep(delay)
            outcome = await self.poll_once()
            result = handler(outcome)
            if result is not None:
                await result
            if outcome.state is ConnectionState.AUTH_REQUIRED:
                return
            delay = outcome.next_delay

    async def _sleep(self, delay: timedelta) -> None:
        """Sleep `delay`, or less when woken, but never closer than MIN_GAP to the last request."""
        self._wake.clear()
        try:
            await asyncio.wait_for(self._wake.wait(), timeout=delay.total_seconds())
        except TimeoutError:
            return
        if self._last_request_at is not None:
            since = self.clock.monotonic() - self._last_request_at
            remaining = MIN_GAP.total_seconds() - since
            if remaining > 0:
                await asyncio.sleep(remaining)
