"""The fast pace's opening (a NEW notification within seconds, then a grouped second like),
restarts on the same database file, and a simulation that stays bounded however long it runs."""

from __future__ import annotations

import asyncio
import random
import time
from pathlib import Path

import httpx
import pytest

from sandbox import notify, recycle, simulation
from sandbox.db import Database
from sandbox.seed import seed
from sandbox.server import SandboxServer
from sandbox.simulation import Simulation
from sandbox.world import POST_MODEL, World

NEW_LIKE = "humhub\\modules\\like\\notifications\\NewLike"


def _client(server: SandboxServer, token: str | None = None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {token or server.demo_token}"}
    return httpx.Client(base_url=server.base_url, headers=headers, timeout=5)


def _unseen(api: httpx.Client) -> dict[int, tuple[str, str]]:
    results = api.get("/api/v1/notification/unseen", params={"limit": 50}).json()["results"]
    return {int(n["id"]): (str(n["class"]), str(n["output"])) for n in results}


def _watch_opening(api: httpx.Client, started: float) -> tuple[float, float, int]:
    """Seconds until a NEW unseen notification, until it was regrouped; and its id."""
    base = _unseen(api)
    new_at, nid, text = 0.0, 0, ""
    while time.monotonic() - started < 15:
        now = _unseen(api)
        fresh = [i for i in now if i not in base]
        if not nid and fresh:
            new_at, nid = time.monotonic() - started, fresh[0]
            text = now[nid][1]
        if nid and now.get(nid, ("", text))[1] != text:
            return new_at, time.monotonic() - started, nid
        time.sleep(0.05)
    pytest.fail(f"no new notification, or it was not regrouped, within 15 s (new at {new_at})")


def test_fast_pace_opens_with_a_new_like_then_groups_a_second_one(tmp_path: Path) -> None:
    started = time.monotonic()
    with SandboxServer(pace="fast", seed=4, db_path=tmp_path / "s.db") as server:
        with _client(server) as api:
            new_at, grouped_at, nid = _watch_opening(api, started)
            row = server.world.db.one("SELECT * FROM notification WHERE id = ?", (nid,))
        assert row is not None
        assert row["class"] == NEW_LIKE
        likes = server.world.db.scalar(
            'SELECT COUNT(*) FROM "like" WHERE object_model = ? AND object_id = ?',
            (POST_MODEL, int(str(row["group_key"]).rpartition(":")[2])),
        )
    assert new_at < 3.0
    assert grouped_at < 10.0
    assert likes >= 2


def test_restart_on_the_same_file_keeps_token_data_and_story(tmp_path: Path) -> None:
    db = tmp_path / "sandbox.db"
    with SandboxServer(pace="off", db_path=db) as first, _client(first) as api:
        login = {"username": "demo", "password": "demo"}
        signed_in = api.post("/api/v1/auth/login", json=login).json()["auth_token"]
        old_token = first.demo_token
        for _ in range(3):
            assert api.post("/_sandbox/tick").status_code == 200
        posts = api.get("/_sandbox/state").json()["posts"]
    started = time.monotonic()
    with SandboxServer(pace="fast", db_path=db) as again:
        for token in (old_token, signed_in):
            with _client(again, token) as old:
                assert old.get("/api/v1/auth/current").json()["account"]["username"] == "demo"
        with _client(again) as api:
            state = api.get("/_sandbox/state").json()
            assert state["posts"] == posts  # not seeded again
            assert state["simulated_events"] == 3  # the count carries over
            _watch_opening(api, started)
            assert api.get("/_sandbox/state").json()["simulated_events"] >= 5
        world = again.world
        assert world.db.scalar("SELECT COUNT(*) FROM user") == 9
        assert world.db.meta(simulation.RUNS_KEY) == "1"


def test_each_start_on_a_database_draws_another_random_stream() -> None:
    db = Database()
    world = World(db, "http://sandbox.test")
    seed(world, 1)

    async def start_and_stop() -> float:
        sim = Simulation(world, pace="slow", seed=5)
        sim.start()
        await sim.stop()
        return sim.rng.random()

    draws = [asyncio.run(start_and_stop()) for _ in range(3)]
    db.close()
    assert draws[0] == random.Random(5).random()  # the first run is the seed's own story
    assert len(set(draws)) == 3


def test_a_long_run_stays_bounded_and_keeps_liking(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recycle, "MAX_NOTIFICATIONS", 40)
    monkeypatch.setattr(recycle, "MAX_COLLEAGUE_CONTENT", 12)
    monkeypatch.setattr(recycle, "MAX_COMMENTS", 5)
    monkeypatch.setattr(simulation, "LOG_SIZE", 50)
    db = Database()
    world = World(db, "http://sandbox.test")
    seed(world, 1)
    sim = Simulation(world, pace="fast", seed=9)
    demo = int(world.demo_user()["id"])
    for beat in range(1500):
        sim.beat()
        if beat % 7 == 0:
            notify.mark_all_seen(world, demo)  # the user reads their notifications now and then
    count = db.scalar
    per_user = db.all("SELECT COUNT(*) AS n FROM notification GROUP BY user_id")
    roots = db.all("SELECT COUNT(*) AS n FROM comment WHERE parent_id IS NULL GROUP BY content_id")
    assert max(int(r["n"]) for r in per_user) <= 40
    assert max(int(r["n"]) for r in roots) <= 5
    colleague_content = count("SELECT COUNT(*) FROM content WHERE created_by != ?", (demo,))
    assert colleague_content <= 12
    assert count("SELECT COUNT(*) FROM notification_actor WHERE notification_id NOT IN"
                 " (SELECT id FROM notification)") == 0  # fmt: skip
    assert count("SELECT COUNT(*) FROM comment WHERE content_id NOT IN"
                 " (SELECT id FROM content)") == 0  # fmt: skip
    assert len(sim.log) == 50
    assert sim.events == 1500
    recent = {event for event, _ in sim.log}
    assert "like" in recent  # likes keep coming: used-up posts are recycled
    db.close()
