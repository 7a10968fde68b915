"""Retry delays: full-jitter exponential backoff and the Retry-After clamp. Pure functions."""

from __future__ import annotations

import random
from datetime import timedelta

BACKOFF_BASE = timedelta(seconds=5)
BACKOFF_CAP = timedelta(minutes=15)
RETRY_AFTER_MIN = timedelta(seconds=1)
RETRY_AFTER_MAX = timedelta(hours=1)
RETRY_AFTER_JITTER = timedelta(seconds=5)


def full_jitter(
    attempt: int,
    rng: random.Random,
    *,
    base: timedelta = BACKOFF_BASE,
    cap: timedelta = BACKOFF_CAP,
) -> timedelta:
    """Return a delay drawn uniformly from [0, min(cap, base * 2**attempt)].

    Full jitter spreads a crowd of clients that failed together (AWS Architecture Blog,
    "Exponential Backoff And Jitter", 2015), unlike a fixed or purely exponential delay.
    """
    exponent = min(max(attempt, 0), 30)
    ceiling = min(cap.total_seconds(), base.total_seconds() * (2**exponent))
    return timedelta(seconds=rng.uniform(0.0, ceiling))


def clamp_retry_after(delay: timedelta) -> timedelta:
    """Keep a server's Retry-After within [1 s, 1 h]."""
    return max(RETRY_AFTER_MIN, min(RETRY_AFTER_MAX, delay))


def retry_delay(
    attempt: int,
    rng: random.Random,
    *,
    retry_after: timedelta | None = None,
) -> timedelta:
    """Return the wait before the next attempt after a failure.

    A Retry-After is honoured as a floor, with extra jitter so that clients handed the same
    HTTP-date do not all come back in the same second.
    """
    jittered = full_jitter(attempt, rng)
    if retry_after is None:
        return jittered
    floor = clamp_retry_after(retry_after)
    extra = timedelta(seconds=rng.uniform(0.0, RETRY_AFTER_JITTER.total_seconds()))
    return max(floor + extra, jittered)
