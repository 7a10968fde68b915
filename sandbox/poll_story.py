"""Poll ends and the demo's poll story.

HumHub's polls 1.4.5 has no end date, and its API shows none. The sandbox keeps an end in
its table `poll_end`, names it in its poll answers as ``end_date`` (`end_of`; null without
one), as a server whose polls module knows ends would, so the demo shows the app's reminder
before the end; it is a known difference from the real server (tests/real/test_fidelity.py).
It also does what a person would do on a real intranet: it closes the poll when the end has
passed (`close_due`, run before every poll read); the app learns of the close from the
`closed` flag, as it would on a real server.

The story (`run`): a colleague starts a poll in Algemeen shortly after the start (within the
first minute at ``fast``), other colleagues vote on it now and then, and it closes at its end.
"""

from __future__ import annotations

import asyncio
import logging
import random
from datetime import timedelta
from typing import Protocol

from sandbox import model
from sandbox.clock import local_now, stamp
from sandbox.world import DEMO_USERNAME, World

log = logging.getLogger(__name__)

QUESTION = "Waar houden we de kerstborrel?"
ANSWERS = ["Op kantoor", "In het café om de hoek", "Bij de bowlingbaan"]
START_FACTOR = 8  # the poll starts after 8 "every" intervals (fast: 16-40 s)
LIFE_FACTOR = 15  # and lives 15 of the longest intervals (fast: 75 s)


class StoryPace(Protocol):
    @property
    def every(self) -> tuple[float, float]: ...


def _ensure(world: World) -> None:
    world.db.execute(
        "CREATE TABLE IF NOT EXISTS poll_end(poll_id INTEGER PRIMARY KEY, end_at TEXT NOT NULL)"
    )


def set_end(world: World, poll_id: int, after: timedelta) -> None:
    """Close `poll_id` once `after` has passed (sandbox only; not part of the API shape)."""
    _ensure(world)
    world.db.execute(
        "INSERT OR REPLACE INTO poll_end(poll_id, end_at) VALUES(?, ?)",
        (poll_id, stamp(local_now() + after)),
    )


def end_of(world: World, poll_id: int) -> str | None:
    """The end of `poll_id` in the server's time format, or None when it has none."""
    _ensure(world)
    row = world.db.one("SELECT end_at FROM poll_end WHERE poll_id = ?", (poll_id,))
    return None if row is None else str(row["end_at"])


def close_due(world: World) -> list[int]:
    """Close the open polls whose end has passed; returns their ids."""
    _ensure(world)
    due = world.db.all(
        "SELECT poll.id FROM poll JOIN poll_end ON poll_end.poll_id = poll.id"
        " WHERE poll.closed = 0 AND poll_end.end_at <= ?",
        (stamp(),),
    )
    ids = [int(row["id"]) for row in due]
    for poll_id in ids:
        world.db.execute("UPDATE poll SET closed = 1 WHERE id = ?", (poll_id,))
        log.info("sandbox closed poll %d at its end", poll_id)
    return ids


def vote_by_a_colleague(world: World, poll_id: int, rng: random.Random) -> int | None:
    """A colleague who has not voted votes for a random answer; their id, or None."""
    voters = world.db.all(
        "SELECT id FROM user WHERE username != ? AND id NOT IN"
        " (SELECT user_id FROM poll_vote WHERE poll_id = ?) ORDER BY id",
        (DEMO_USERNAME, poll_id),
    )
    answers = world.db.all("SELECT id FROM poll_answer WHERE poll_id = ? ORDER BY id", (poll_id,))
    if not voters or not answers:
        return None
    voter = int(rng.choice(voters)["id"])
    model.vote(world, voter, poll_id, [int(rng.choice(answers)["id"])])
    return voter


def start_poll(world: World, rng: random.Random, life: timedelta) -> int:
    """A colleague starts the story's poll in Algemeen (members are notified)."""
    row = world.db.one("SELECT container_id FROM space WHERE slug = 'algemeen'")
    authors = world.db.all("SELECT id FROM user WHERE username != ? ORDER BY id", (DEMO_USERNAME,))
    if row is None or not authors:
        raise LookupError("no Algemeen space or no colleagues")
    author = int(rng.choice(authors)["id"])
    poll_id, _made = model.create_poll(
        world, author, int(row["container_id"]), QUESTION, ANSWERS, rng=rng
    )
    set_end(world, poll_id, life)
    return poll_id


async def run(world: World, rng: random.Random, pace: StoryPace) -> None:
    """The story; ends when its poll is closed."""
    low, high = pace.every
    await asyncio.sleep(rng.uniform(low, high) * START_FACTOR)
    try:
        poll_id = start_poll(world, rng, timedelta(seconds=high * LIFE_FACTOR))
    except LookupError:
        log.info("no poll story: %s", "no space or colleagues")
        return
    while True:
        await asyncio.sleep(rng.uniform(low, high))
        if poll_id in close_due(world) or world.poll(poll_id) is None:
            return
        row = world.poll(poll_id)
        if row is not None and row["closed"]:
            return
        vote_by_a_colleague(world, poll_id, rng)
