"""``POST /_sandbox/act {"action": "flood"}``: a holiday's backlog, spared by the trimming."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from sandbox import flood, notify, recycle
from sandbox.db import Database
from sandbox.seed import seed
from sandbox.server import SandboxServer
from sandbox.simulation import Simulation
from sandbox.world import World

KINDS = {
    "humhub\\modules\\like\\notifications\\NewLike",
    "humhub\\modules\\comment\\notifications\\NewComment",
    "humhub\\modules\\user\\notifications\\Mentioned",
}


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with SandboxServer(pace="off") as server:
        headers = {"Authorization": f"Bearer {server.demo_token}"}
        with httpx.Client(base_url=server.base_url, headers=headers, timeout=30) as api:
            yield api


def unseen_total(client: httpx.Client) -> int:
    return int(client.get("/api/v1/notification/unseen", params={"limit": 1}).json()["total"])


def flood_now(client: httpx.Client, count: object) -> httpx.Response:
    return client.post("/_sandbox/act", json={"action": "flood", "count": count})


def test_a_flood_adds_that_many_unseen_notifications_each_its_own(client: httpx.Client) -> None:
    before = unseen_total(client)
    made = flood_now(client, 1500)
    assert made.status_code == 200
    body: dict[str, Any] = made.json()
    assert body["created"] == 1500
    assert body["last_id"] - body["first_id"] == 1499
    assert sum(body["kinds"].values()) == 1500
    assert min(body["kinds"].values()) > 0  # likes, comments and mentions
    assert unseen_total(client) == before + 1500
    page = client.get("/api/v1/notification/unseen", params={"limit": 100}).json()["results"]
    assert [n["id"] for n in page] == list(range(body["last_id"], body["last_id"] - 100, -1))
    assert {n["class"] for n in page} <= KINDS
    for n in page:  # one actor each: never regrouped into "A en B ..."
        assert n["output"].count("<strong>") == 1
        assert n["originator"]["display_name"] != "Sanne de Vries"
        assert n["source"] is not None


def test_a_flood_is_newer_than_everything_before_it(client: httpx.Client) -> None:
    first = flood_now(client, 50).json()
    second = flood_now(client, 50).json()
    page = client.get("/api/v1/notification/unseen", params={"limit": 100}).json()["results"]
    ids = [n["id"] for n in page]
    assert ids[:100] == list(range(second["last_id"], first["first_id"] - 1, -1))
    stamps = [n["createdAt"] for n in page]
    assert stamps == sorted(stamps, reverse=True)


@pytest.mark.parametrize("count", [0, -1, 20_001, "10", True, None, 1.5])
def test_a_flood_needs_a_count_from_1_to_20000(client: httpx.Client, count: object) -> None:
    before = unseen_total(client)
    refused = flood_now(client, count)
    assert refused.status_code == 400
    assert "20000" in refused.json()["message"]
    assert unseen_total(client) == before


def test_the_largest_flood_is_fast_enough_for_a_benchmark(client: httpx.Client) -> None:
    made = flood_now(client, flood.MAX_FLOOD)
    assert made.json()["created"] == flood.MAX_FLOOD
    assert made.elapsed.total_seconds() < 10  # one transaction (about 0.5 s here)


@pytest.fixture
def world(monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.setattr(recycle, "MAX_NOTIFICATIONS", 40)
    monkeypatch.setattr(recycle, "MAX_COMMENTS", 5)
    db = Database()
    w = World(db, "http://sandbox.test")
    seed(w, 1)
    yield w
    db.close()


def _count(world: World, sql: str, *args: object) -> int:
    return world.db.scalar(sql, args)


def test_trimming_spares_an_unseen_flood_and_bounds_it_once_seen(world: World) -> None:
    demo = int(world.demo_user()["id"])
    made = flood.flood(world, 600, random.Random(3))
    sim = Simulation(world, pace="fast", seed=2)
    for _ in range(20):
        sim.beat()
    flooded = "SELECT COUNT(*) FROM notification WHERE id BETWEEN ? AND ? AND seen = 0"
    assert _count(world, flooded, made["first_id"], made["last_id"]) == 600
    orphans = "SELECT COUNT(*) FROM notification WHERE comment_id IS NOT NULL AND comment_id NOT IN (SELECT id FROM comment)"
    assert _count(world, orphans) == 0
    notify.mark_all_seen(world, demo)
    sim.beat()
    per_user = world.db.all("SELECT COUNT(*) AS n FROM notification GROUP BY user_id")
    assert max(int(r["n"]) for r in per_user) <= 40
    roots = world.db.all(
        "SELECT COUNT(*) AS n FROM comment WHERE parent_id IS NULL GROUP BY content_id"
    )
    assert max(int(r["n"]) for r in roots) <= 5
    assert world.db.meta(recycle.FLOOD_KEY) == "[]"  # nothing left to spare


def test_at_most_max_flood_kept_are_spared(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recycle, "MAX_FLOOD_KEPT", 100)
    older = flood.flood(world, 80, random.Random(1))
    newer = flood.flood(world, 80, random.Random(2))
    recycle.trim(world)
    left = "SELECT COUNT(*) FROM notification WHERE id BETWEEN ? AND ?"
    assert _count(world, left, newer["first_id"], newer["last_id"]) == 80
    assert _count(world, left, older["first_id"], older["last_id"]) < 80


def test_a_flood_needs_demo_posts(world: World) -> None:
    world.db.execute("DELETE FROM post")
    with pytest.raises(LookupError):
        flood.flood(world, 10, random.Random(1))
