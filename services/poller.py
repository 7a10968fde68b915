"""The notification poller: a cheap probe, details only on change, backoff on failure.

Pure asyncio; no Qt. One request in flight, a minimum gap between requests, ±20 % jitter on
every regular interval, full-jitter backoff, Retry-After honoured (60 s when a 429/503 has
none), a bounded catch-up that yields between pages, a jittered poll after resume, and a 401
stops polling until the user signs in again.

A poll sends at most MAX_REQUESTS_PER_POLL requests, whatever the server answers: the
catch-up also stops at a page that brings nothing new and at an answer for another page than
the one asked for (a server or proxy that ignores `page`). An unexpected error in a poll or
in handling its outcome is logged with its traceback and polling goes on, backing off.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from http import HTTPStatus
from typing import Protocol

from services.backoff import retry_delay
from services.clock import Clock
from services.errors import (
    AuthError,
    RateLimitedError,
    ServerError,
    ServiceError,
)
from services.models import (
    ConnectionState,
    Notification,
    NotificationPage,
    Person,
    UnseenProbe,
)
from services.port import MAX_PAGE_SIZE, IntranetPort
from services.store import StoreError

logger = logging.getLogger(__name__)

DEFAULT_INTERVAL = timedelta(seconds=30)
MIN_GAP = timedelta(seconds=10)
START_JITTER = timedelta(seconds=10)
INTERVAL_JITTER = 0.2  # every regular interval is drawn from interval * [0.8, 1.2]
DEFAULT_RETRY_AFTER = timedelta(seconds=60)  # a 429/503 without a usable Retry-After
PAGE_SIZE = MAX_PAGE_SIZE
CATCH_UP_LIMIT = 200  # newest items fetched after a big backlog; the rest is only counted
MAX_REQUESTS_PER_POLL = 5  # probe + pages: 1 + CATCH_UP_LIMIT / PAGE_SIZE


class SeenFilter(Protocol):
    """Decides which notifications are new; the durable version lives in the store."""

    def take_new(self, items: tuple[Notification, ...]) -> tuple[Notification, ...]:
        """Return the items never taken before and remember them."""
        ...


class PersonSink(Protocol):
    """Remembers the people seen in notifications (the @mention cache)."""

    def remember(self, people: Iterable[Person]) -> object:
        """Insert or refresh these people."""
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
    bounded: bool = False  # the catch-up stopped at CATCH_UP_LIMIT; `unread` is the backlog


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
    people: PersonSink | None = None
    start_jitter: timedelta = START_JITTER
    catch_up_limit: int = CATCH_UP_LIMIT
    _stopping: bool = False
    _last_probe: UnseenProbe | None = None
    _last_request_at: float | None = None
    _backoff: _Backoff = field(default_factory=_Backoff)
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    _wake: asyncio.Event = field(default_factory=asyncio.Event)
    _resumed: bool = False

    def __post_init__(self) -> None:
        self.interval = max(self.interval, MIN_GAP)

    def start_delay(self) -> timedelta:
        """A random delay before the first poll after start or resume (herd protection)."""
        return timedelta(seconds=self.rng.uniform(0.0, self.start_jitter.total_seconds()))

    def next_interval(self) -> timedelta:
        """The regular wait after a good poll: the interval ±20 %, never below MIN_GAP."""
        factor = self.rng.uniform(1.0 - INTERVAL_JITTER, 1.0 + INTERVAL_JITTER)
        return max(MIN_GAP, self.interval * factor)

    def failure_delay(self, exc: ServiceError) -> timedelta:
        """The wait after a failed poll: full-jitter backoff, Retry-After as a floor."""
        retry_after = exc.retry_after if isinstance(exc, RateLimitedError | ServerError) else None
        busy = isinstance(exc, RateLimitedError) or (
            isinstance(exc, ServerError) and exc.status == HTTPStatus.SERVICE_UNAVAILABLE
        )
        if busy and retry_after is None:
            retry_after = DEFAULT_RETRY_AFTER
        delay = retry_delay(self._backoff.attempt, self.rng, retry_after=retry_after)
        self._backoff.attempt += 1
        return max(MIN_GAP, delay)

    def gap_remaining(self) -> timedelta:
        """How long until a request may be sent without breaking the minimum gap."""
        if self._last_request_at is None:
            return timedelta(0)
        since = self.clock.monotonic() - self._last_request_at
        return max(timedelta(0), MIN_GAP - timedelta(seconds=since))

    def set_interval(self, interval: timedelta) -> None:
        """Use a new regular interval (the settings window); a shorter one is used at once."""
        shorter = interval < self.interval
        self.interval = max(interval, MIN_GAP)
        if shorter:
            self._wake.set()  # the current wait may be long; the minimum gap still holds

    def refresh_soon(self) -> None:
        """Ask for a poll now (panel opened, network back); the minimum gap still holds."""
        self._wake.set()

    def forget_probe(self) -> None:
        """Make the next poll fetch details even if the probe looks unchanged."""
        self._last_probe = None

    def resume(self) -> None:
        """After a suspend: forget the old state, then poll after a fresh random 0-10 s."""
        self._last_probe = None
        self._last_request_at = None  # the monotonic clock stood still while suspended
        self._backoff.attempt = 0
        self._resumed = True
        self._wake.set()

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
            except Exception as exc:  # a bug or poisoned data must not end polling for the day
                logger.exception(
                    "Poll failed by an unexpected %s; polling goes on", type(exc).__name__
                )
                error = ServiceError(f"unexpected {type(exc).__name__} while polling")
                return PollOutcome(ConnectionState.ONLINE, self.failure_delay(error), error=error)

    async def _probe_and_fetch(self) -> PollOutcome:
        first_page: NotificationPage | None = None
        if self._last_probe is None:
            # Nothing known yet (start, resume, after "mark all read"): the newest page gives the
            # count too, where the cheap probe would need a second request right after it.
            first_page = await self.port.list_notifications(unseen_only=True, limit=PAGE_SIZE)
            newest = first_page.items[0].fingerprint if first_page.items else None
            probe = UnseenProbe(first_page.total, newest)
        else:
            probe = await self.port.probe_unseen()
        new: tuple[Notification, ...] = ()
        fetched = bounded = False
        if probe != self._last_probe:
            self._last_probe = probe  # before the catch-up, which may forget it again
            if probe.total > 0:
                try:
                    new, bounded = await self._catch_up(probe.total, first_page)
                except BaseException:
                    self._last_probe = None  # fetch again next time
                    raise
                fetched = True
        self._backoff.attempt = 0
        logger.debug("Polled: %d unseen, %d new", probe.total, len(new))
        return PollOutcome(
            ConnectionState.ONLINE,
            self.next_interval(),
            unread=probe.total,
            new=new,
            fetched=fetched,
            bounded=bounded,
        )

    async def _catch_up(
        self, total: int, first_page: NotificationPage | None = None
    ) -> tuple[tuple[Notification, ...], bool]:
        """Fetch newest-first pages until known items show up; True when cut at the limit.

        `first_page` is page 1 when the caller already has it (fetched with PAGE_SIZE).
        Yields to the event loop between pages so a big backlog never blocks the UI.
        """
        limit = PAGE_SIZE if first_page is not None else min(PAGE_SIZE, total)
        new: list[Notification] = []
        taken: set[str] = set()
        number = fetched = 0
        requests = 1  # the probe, or the first page that stood in for it
        while True:
            number += 1
            if number > 1 or first_page is None:
                if requests >= MAX_REQUESTS_PER_POLL:
                    logger.info("Catch-up stopped at the request budget (page %d)", number)
                    return tuple(new), True
                requests += 1
            try:
                if number == 1 and first_page is not None:
                    page = first_page
                else:
                    page = await self.port.list_notifications(
                        unseen_only=True, page=number, limit=limit
                    )
            except ServiceError as exc:
                if not new:
                    raise
                # Items of earlier pages are already recorded as seen: alert them now rather
                # than lose them; older pages count as backlog (bounded).
                logger.info("Catch-up stopped at page %d (%s)", number, type(exc).__name__)
                return tuple(new), True
            if page.page != number:
                logger.warning(
                    "Catch-up stopped: asked for page %d, the server answered page %d",
                    number,
                    page.page,
                )
                return tuple(new), True
            self._remember(page.items)
            fresh = self._take_new(page.items)
            unique = {n.fingerprint for n in page.items} - taken
            taken |= unique
            new.extend(fresh)
            fetched += len(page.items)
            if not unique:
                if page.items:  # the same items again: a server or proxy repeating a page
                    logger.warning("Catch-up stopped: page %d repeats items already read", number)
                return tuple(new), False
            if len(fresh) < len(unique) or page.page >= page.pages:
                return tuple(new), False
            if fetched >= self.catch_up_limit:
                return tuple(new), True
            await asyncio.sleep(0)

    def _take_new(self, items: tuple[Notification, ...]) -> tuple[Notification, ...]:
        try:
            return self.seen.take_new(items)
        except StoreError as exc:
            # Without a working seen store nothing can be alerted safely; try again next time.
            logger.error("Seen store unusable (%s); no alerts from this poll", exc)
            self._last_probe = None
            return ()

    def _remember(self, items: tuple[Notification, ...]) -> None:
        if self.people is None:
            return
        try:
            self.people.remember(n.originator for n in items if n.originator is not None)
        except StoreError as exc:
            logger.warning("People cache not updated: %s", exc)

    def _failed(self, exc: ServiceError) -> PollOutcome:
        delay = self.failure_delay(exc)
        logger.info(
            "Poll failed (%s: %s); retry %d in %.1fs",
            type(exc).__name__,
            exc,
            self._backoff.attempt,
            delay.total_seconds(),
        )
        return PollOutcome(ConnectionState.OFFLINE, delay, error=exc)

    def stop(self) -> None:
        """End `run()` at its next step.

        Cancelling the task is not enough on Python 3.11: a cancellation that arrives while
        httpcore shields its connection clean-up can be swallowed, and the loop goes on.
        """
        self._stopping = True
        self._wake.set()

    def _stop_requested(self) -> bool:
        return self._stopping

    async def run(self, handler: OutcomeHandler, *, first_delay: timedelta | None = None) -> None:
        """Poll until stopped, cancelled, or until the server refuses the credentials."""
        self._stopping = False
        delay = self.start_delay() if first_delay is None else first_delay
        while True:
            await self._sleep(delay)
            if self._stop_requested():
                return
            outcome = await self.poll_once()
            if self._stop_requested():
                return
            try:
                result = handler(outcome)
                if result is not None:
                    await result
            except Exception:  # the UI side failed on this outcome: log it, keep polling
                logger.exception("Handling a poll's outcome failed; polling goes on")
            if outcome.state is ConnectionState.AUTH_REQUIRED:
                return
            delay = outcome.next_delay

    async def _sleep(self, delay: timedelta) -> None:
        """Sleep `delay`, or less when woken, but never closer than MIN_GAP to the last request.

        A `resume()` restarts the wait with a fresh random start delay.
        """
        while True:
            if self._resumed:
                self._resumed = False
                delay = self.start_delay()
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=delay.total_seconds())
            except TimeoutError:
                break
            # Cleared only once consumed: a refresh asked for during a poll is not lost.
            self._wake.clear()
            if not self._resumed:
                break
        if self._stop_requested():
            return
        remaining = self.gap_remaining().total_seconds()
        if remaining > 0:
            await asyncio.sleep(remaining)
