"""OutboxSender: drains in order, backs off with full jitter, waits for wake() when idle."""

from __future__ import annotations

import asyncio
import random
from datetime import timedelta

from services.outbox_send import OutboxSender, SendOutcome, SendResult
from services.store import StoreError


class ScriptedOutbox:
    def __init__(self, outcomes):
        self.outcomes = list(outcomes)
        self.calls = 0

    async def send_next(self):
        self.calls += 1
        if not self.outcomes:
            return SendResult(SendOutcome.IDLE)
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return SendResult(outcome, None, timedelta(seconds=7))


def _run(outbox, until_calls, delays):
    def delay(attempt, rng, retry_after):
        delays.append((attempt, retry_after))
        return timedelta(milliseconds=1)

    sender = OutboxSender(outbox, random.Random(1), delay=delay)
    seen = []

    async def on_result(result):
        seen.append(result.outcome)

    async def main():
        task = asyncio.create_task(sender.run(on_result))
        while outbox.calls < until_calls:
            await asyncio.sleep(0.001)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    asyncio.run(asyncio.wait_for(main(), 5))
    return sender, seen


def test_outbox_sender_backs_off_growing_and_resets_after_success():
    outbox = ScriptedOutbox(
        [SendOutcome.RETRY, SendOutcome.RETRY, SendOutcome.SENT, SendOutcome.RETRY]
    )
    delays: list[tuple[int, timedelta | None]] = []
    _, seen = _run(outbox, 5, delays)
    assert seen[:4] == [SendOutcome.RETRY, SendOutcome.RETRY, SendOutcome.SENT, SendOutcome.RETRY]
    assert [a for a, _ in delays] == [0, 1, 0]
    assert delays[0][1] == timedelta(seconds=7)  # Retry-After reaches the backoff


def test_outbox_sender_reads_back_at_once_after_an_ambiguous_send():
    outbox = ScriptedOutbox([SendOutcome.AMBIGUOUS, SendOutcome.SENT])
    delays: list[tuple[int, timedelta | None]] = []
    _, seen = _run(outbox, 3, delays)
    assert seen[:2] == [SendOutcome.AMBIGUOUS, SendOutcome.SENT]
    assert delays == []


def test_outbox_sender_requeue_counts_as_a_failure():
    outbox = ScriptedOutbox([SendOutcome.AMBIGUOUS, SendOutcome.REQUEUED, SendOutcome.AMBIGUOUS])
    delays: list[tuple[int, timedelta | None]] = []
    _run(outbox, 4, delays)
    assert [a for a, _ in delays] == [0]


def test_outbox_sender_survives_a_full_disk():
    outbox = ScriptedOutbox([StoreError("disk full"), SendOutcome.SENT])
    delays: list[tuple[int, timedelta | None]] = []
    _, seen = _run(outbox, 3, delays)
    assert seen[:2] == [SendOutcome.RETRY, SendOutcome.SENT]


def test_outbox_sender_sleeps_when_idle_until_woken():
    outbox = ScriptedOutbox([])
    sender = OutboxSender(outbox, random.Random(1))

    async def main():
        task = asyncio.create_task(sender.run(lambda r: asyncio.sleep(0)))
        await asyncio.sleep(0.05)
        idle_calls = outbox.calls
        sender.wake()
        await asyncio.sleep(0.05)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        return idle_calls, outbox.calls

    idle_calls, after = asyncio.run(main())
    assert idle_calls == 1
    assert after == 2
