"""The simulated colleagues: pacing, reproducibility and reacting to the demo user's posts."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from sandbox.db import Database
from sandbox.seed import seed
from sandbox.server import SandboxServer
from sandbox.simulation import Simulation
from sandbox.world import World

NEW_LIKE = "humhub\\modules\\like\\notifications\\NewLike"


def _likes(api: httpx.Client) -> set[tuple[int, str]]:
    results = api.get("/notification/unseen", params={"limit": 50}).json()["results"]
    return {(n["id"], n["output"]) for n in results if n["class"] == NEW_LIKE}


def _client(server: SandboxServer) -> httpx.Client:
    return httpx.Client(
        base_url=f"{server.base_url}/api/v1",
        headers={"Authorization": f"Bearer {server.demo_token}"},
        timeout=5,
    )


def test_fast_pace_brings_a_like_within_ten_seconds() -> None:
    with SandboxServer(pace="fast", seed=1) as server, _client(server) as api:
        before = _likes(api)
        started = time.monotonic()
        while time.monotonic() - started < 10:
            if _likes(api) - before:
                break
            time.sleep(0.2)
        assert _likes(api) - before, "no new or regrouped like notification within 10 s"


def test_a_post_by_the_demo_user_gets_a_like_within_seconds() -> None:
    with SandboxServer(pace="fast", seed=2) as server, _client(server) as api:
        cid = api.get("/auth/current").json()["account"]["contentcontainer_id"]
        post = api.post(f"/post/container/{cid}", json={"data": {"message": "Net gepost!"}})
        post_id = post.json()["id"]
        params = {"model": "humhub\\modules\\post\\models\\Post", "pk": post_id}
        started = time.monotonic()
        while time.monotonic() - started < 8:
            if api.get("/like/find-by-object", params=params).json()["total"]:
                break
            time.sleep(0.2)
        assert api.get("/like/find-by-object", params=params).json()["total"] >= 1
        outputs = [output for _, output in _likes(api)]
        assert any('"Net gepost!"' in output for output in outputs)


def _run(seed_value: int, steps: int = 20) -> list[tuple[str, str]]:
    db = Database()
    world = World(db, "http://sandbox.test")
    seed(world, 1)
    sim = Simulation(world, pace="fast", seed=seed_value)
    for _ in range(steps):
        sim.step()
    rows = db.all("SELECT * FROM notification WHERE user_id = 1 ORDER BY id")
    from sandbox import notify

    trace = [(event, str(nid)) for event, nid in sim.log]
    trace += [(str(r["class"]), notify.output(world, r)) for r in rows]
    db.close()
    return trace


def test_same_seed_same_story_other_seed_other_story() -> None:
    assert _run(7) == _run(7)
    assert _run(7) != _run(8)


def test_steps_cover_the_positive_feedback_events() -> None:
    db = Database()
    world = World(db, "http://sandbox.test")
    seed(world, 1)
    sim = Simulation(world, pace="normal", seed=3)
    for event in ("like", "comment", "mention", "post", "poll", "like_other"):
        sim.step(event)
    classes = {
        r["class"] for r in db.all("SELECT class FROM notification WHERE user_id = 1 AND seen = 0")
    }
    db.close()
    assert {
        NEW_LIKE,
        "humhub\\modules\\comment\\notifications\\NewComment",
        "humhub\\modules\\user\\notifications\\Mentioned",
        "humhub\\modules\\content\\notifications\\ContentCreated",
    } <= classes


def test_pace_off_runs_nothing() -> None:
    db = Database()
    world = World(db, "http://sandbox.test")
    seed(world, 1)
    sim = Simulation(world, pace="off", seed=1)

    async def briefly() -> None:
        sim.start()
        world.emit("post", 1)
        await asyncio.sleep(0.05)
        await sim.stop()

    asyncio.run(briefly())
    db.close()
    assert sim.log == []


def test_unknown_pace_is_rejected() -> None:
    with pytest.raises(ValueError, match="pace"):
        SandboxServer(pace="turbo")
