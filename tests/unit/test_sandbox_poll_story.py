"""The sandbox's poll story: a colleague's poll, colleagues' votes, closed at its own end."""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass

from sandbox import poll_story
from sandbox.db import Database
from sandbox.seed import seed
from sandbox.world import World


@dataclass(frozen=True)
class Quick:
    every: tuple[float, float] = (0.1, 0.15)  # starts after ~1 s, closes ~2.3 s later


def test_the_story_starts_a_poll_gathers_votes_and_closes_it() -> None:
    world = World(Database(), "http://sandbox.test")
    seed(world, 1)
    before = {int(r["id"]) for r in world.db.all("SELECT id FROM poll")}
    asyncio.run(asyncio.wait_for(poll_story.run(world, random.Random(2), Quick()), 10))
    new = [r for r in world.db.all("SELECT * FROM poll") if int(r["id"]) not in before]
    assert [r["question"] for r in new] == [poll_story.QUESTION]
    assert new[0]["closed"] == 1
    voters = world.db.all(
        "SELECT DISTINCT user_id FROM poll_vote WHERE poll_id = ?", (new[0]["id"],)
    )
    assert len(voters) >= 3
    demo = int(world.demo_user()["id"])
    assert demo not in {int(v["user_id"]) for v in voters}  # the demo user votes only herself


def test_polls_without_an_end_stay_open() -> None:
    world = World(Database(), "http://sandbox.test")
    seed(world, 1)
    assert poll_story.close_due(world) == []
    assert all(r["closed"] == 0 for r in world.db.all("SELECT closed FROM poll"))
