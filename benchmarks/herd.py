"""Thundering-herd simulation of the REAL poll scheduler (RELIABILITY.md row 29).

10,000 clients resume at 09:00; the server refuses connections for the first 120 s. Each
client is a real `services.poller.Poller` (start delay, full-jitter `retry_delay` with the
minimum gap, ±20 % interval jitter) driven on a simulated clock with a seeded random source
and no sockets. A naive client (no start jitter, fixed 5 s retry, fixed 30 s interval) is
simulated next to it. `python -m benchmarks.herd` prints the figures.
"""

from __future__ import annotations

import argparse
import heapq
import random
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import cast

from services.errors import OfflineError
from services.models import NotificationPage, UnseenProbe
from services.poller import Poller, PollOutcome
from services.port import IntranetPort

CLIENTS = 10_000
OUTAGE = timedelta(seconds=120)
WINDOW = timedelta(minutes=10)
INTERVAL = timedelta(seconds=30)
NAIVE_RETRY = timedelta(seconds=5)
START = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)  # a Monday morning


class SimClock:
    """Simulated time shared by every client; seconds since 09:00."""

    def __init__(self) -> None:
        self.t = 0.0

    def now(self) -> datetime:
        return START + timedelta(seconds=self.t)

    def monotonic(self) -> float:
        return self.t


class SimServer:
    """Answers only what the poller calls; down (connection refused) during the outage."""

    def __init__(self, clock: SimClock, outage: timedelta) -> None:
        self._clock = clock
        self._outage = outage.total_seconds()

    async def probe_unseen(self) -> UnseenProbe:
        if self._clock.t < self._outage:
            raise OfflineError("connection refused (simulated outage)")
        return UnseenProbe(0, None)

    async def list_notifications(
        self, *, unseen_only: bool = False, page: int = 1, limit: int = 20
    ) -> NotificationPage:
        return NotificationPage((), 0, page, 1)


@dataclass(frozen=True, slots=True)
class HerdResult:
    """Requests per second over the window and the figures derived from them."""

    per_second: tuple[int, ...]
    outage_s: int

    @property
    def peak(self) -> int:
        return max(self.per_second)

    @property
    def mean(self) -> float:
        return sum(self.per_second) / len(self.per_second)

    @property
    def peak_to_mean(self) -> float:
        return self.peak / self.mean

    @property
    def peak_after_recovery(self) -> int:
        return max(self.per_second[self.outage_s :])


def _finish(coro: Coroutine[object, object, PollOutcome]) -> PollOutcome:
    """Run a coroutine that never suspends (the simulated server answers at once)."""
    try:
        coro.send(None)
    except StopIteration as stop:
        return cast(PollOutcome, stop.value)
    coro.close()
    raise RuntimeError("the simulated poll suspended")


def _simulate(
    clients: int, window: timedelta, outage: timedelta, step: Callable[[int, float], float]
) -> HerdResult:
    """Event loop: `step(client, t)` sends one request at t and returns the next time."""
    counts = [0] * int(window.total_seconds())
    queue = [(step(i, -1.0), i) for i in range(clients)]  # t = -1: "schedule the first poll"
    heapq.heapify(queue)
    end = window.total_seconds()
    while queue and queue[0][0] < end:
        t, client = heapq.heappop(queue)
        counts[int(t)] += 1
        heapq.heappush(queue, (step(client, t), client))
    return HerdResult(tuple(counts), int(outage.total_seconds()))


def simulate_ours(
    clients: int = CLIENTS, *, seed: int = 9, window: timedelta = WINDOW, outage: timedelta = OUTAGE
) -> HerdResult:
    """The herd with the real `Poller` scheduling code."""
    clock = SimClock()
    port = cast(IntranetPort, SimServer(clock, outage))
    master = random.Random(seed)
    pollers = [
        Poller(port, clock, random.Random(master.getrandbits(64)), interval=INTERVAL)
        for _ in range(clients)
    ]

    def step(client: int, t: float) -> float:
        poller = pollers[client]
        if t < 0:  # resume at 09:00: the real start delay
            return poller.start_delay().total_seconds()
        clock.t = t
        outcome = _finish(poller.poll_once())
        wait = max(outcome.next_delay, poller.gap_remaining())
        return t + wait.total_seconds()

    return _simulate(clients, window, outage, step)


def simulate_naive(
    clients: int = CLIENTS, *, window: timedelta = WINDOW, outage: timedelta = OUTAGE
) -> HerdResult:
    """Every client polls at 09:00 sharp, retries every 5 s, then polls every 30 s."""
    down_until = outage.total_seconds()

    def step(client: int, t: float) -> float:
        if t < 0:
            return 0.0
        delay = NAIVE_RETRY if t < down_until else INTERVAL
        return t + delay.total_seconds()

    return _simulate(clients, window, outage, step)


def report(ours: HerdResult, naive: HerdResult, clients: int) -> str:
    """The figures as a small table."""
    rows = [
        f"herd: {clients} clients resume at 09:00, server down for {ours.outage_s} s, "
        f"first {len(ours.per_second)} s",
        f"{'client':<28}{'peak/s':>8}{'mean/s':>9}{'peak:mean':>11}{'peak after recovery':>21}",
    ]
    for name, result in (("startpunt Poller", ours), ("naive fixed 5 s / 30 s", naive)):
        rows.append(
            f"{name:<28}{result.peak:>8}{result.mean:>9.1f}{result.peak_to_mean:>11.2f}"
            f"{result.peak_after_recovery:>21}"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Run both simulations and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=CLIENTS)
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args(argv)
    ours = simulate_ours(args.clients, seed=args.seed)
    naive = simulate_naive(args.clients)
    print(report(ours, naive, args.clients))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
