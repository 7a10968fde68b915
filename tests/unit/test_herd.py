"""Herd simulation (RELIABILITY row 29) with the real Poller scheduling code.

Why the threshold: with N clients the steady state is N / interval (30 s) requests per second.
While the server is down every client retries no closer than the 10 s minimum gap, so the
busiest second cannot be below about N / MIN_GAP: the peak-to-mean ratio of this design is
about interval / MIN_GAP = 3. We allow 4 (one third for randomness and overlapping retry
waves). The naive client (no start jitter, fixed 5 s retry) sends all N in one second, a ratio
of 15 here, so a regression to synchronised clients fails the test.
"""

from __future__ import annotations

import pytest

from benchmarks.herd import CLIENTS, INTERVAL, report, simulate_naive, simulate_ours
from services.poller import MIN_GAP

RATIO_LIMIT = 4.0


@pytest.fixture(scope="module")
def results():
    return simulate_ours(CLIENTS, seed=9), simulate_naive(CLIENTS)


def test_herd_peak_to_mean_stays_under_the_limit(results):
    ours, _ = results
    designed = INTERVAL / MIN_GAP
    assert ours.peak_to_mean < RATIO_LIMIT
    assert ours.peak_to_mean >= designed * 0.8  # the model really ran and hit the outage


def test_herd_naive_client_is_much_worse(results):
    ours, naive = results
    assert naive.peak_to_mean > 3 * ours.peak_to_mean
    assert naive.peak == CLIENTS


def test_herd_recovery_peak_is_close_to_the_steady_state(results):
    ours, naive = results
    steady = CLIENTS / INTERVAL.total_seconds()
    assert ours.peak_after_recovery < 1.5 * steady
    assert naive.peak_after_recovery == CLIENTS


def test_herd_is_reproducible_and_reports():
    small = simulate_ours(500, seed=1)
    assert small == simulate_ours(500, seed=1)
    text = report(small, simulate_naive(500), 500)
    assert "peak:mean" in text
