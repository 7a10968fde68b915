"""The sandbox's community scene: the director's post notifies everyone, and the spotlight in
the kudos space mentions the demo user; both come early in a fast demo."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from sandbox import community, texts
from sandbox.db import Database
from sandbox.seed import seed
from sandbox.simulation import PACES, Pace, Simulation
from sandbox.world import World


@pytest.fixture
def world() -> Iterator[World]:
    db = Database()
    w = World(db, "http://sandbox.test")
    seed(w, 1)
    yield w
    db.close()


def _demo_notifications(world: World, cls: str) -> list[int]:
    rows = world.db.all(
        "SELECT source_id FROM notification WHERE user_id = ? AND class = ?",
        (world.demo_user()["id"], cls),
    )
    return [int(r["source_id"]) for r in rows]


def test_leader_post_and_spotlight_reach_the_demo_user(world: World) -> None:
    post_id = community.leader_post(world)["post_id"]
    assert isinstance(post_id, int)
    post = world.post(post_id)
    assert post is not None
    author = world.user(int(post["created_by"]))
    assert author is not None
    assert author["username"] == community.LEADER
    assert post_id in _demo_notifications(world, texts.CONTENT_CREATED)

    sim = Simulation(world, pace="off")
    spotlight_id = community.spotlight(sim)["post_id"]
    assert isinstance(spotlight_id, int)
    assert spotlight_id in _demo_notifications(world, texts.MENTIONED)
    kudos = world.post(spotlight_id)
    assert kudos is not None
    space = world.space_by_container(int(kudos["container_id"]))
    assert space is not None
    assert space["slug"] == "complimenten"


def test_the_scene_comes_within_the_first_minute_at_fast_pace(world: World) -> None:
    fast = PACES["fast"]
    assert isinstance(fast, Pace)
    assert fast.every[1] * 6 < 60
    quick = Pace(first=(0, 0), group=(0, 0), every=(0.001, 0.001), react=(0, 0))
    sim = Simulation(world, pace="off")
    asyncio.run(community.opening(sim, quick))
    assert len(_demo_notifications(world, texts.MENTIONED)) >= 1
