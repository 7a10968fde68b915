"""Like grouping through the API, ``like_burst`` and recycling (``/_sandbox/act``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from sandbox import actions, recycle
from sandbox.server import SandboxServer

NEW_LIKE = "humhub\\modules\\like\\notifications\\NewLike"
POST_MODEL = "humhub\\modules\\post\\models\\Post"


@pytest.fixture
def sandbox() -> Iterator[tuple[SandboxServer, httpx.Client]]:
    with SandboxServer(pace="off") as server:
        headers = {"Authorization": f"Bearer {server.demo_token}"}
        with httpx.Client(base_url=server.base_url, headers=headers, timeout=5) as client:
            yield server, client


def new_post(client: httpx.Client, message: str) -> int:
    cid = client.get("/api/v1/auth/current").json()["account"]["contentcontainer_id"]
    made = client.post(f"/api/v1/post/container/{cid}", json={"data": {"message": message}})
    return int(made.json()["id"])


def act(client: httpx.Client, **body: Any) -> httpx.Response:
    return client.post("/_sandbox/act", json=body)


def notification(client: httpx.Client, nid: int) -> dict[str, Any]:
    found: dict[str, Any] = client.get(f"/api/v1/notification/{nid}").json()
    return found


def unseen_ids(client: httpx.Client) -> set[int]:
    results = client.get("/api/v1/notification/unseen", params={"limit": 100}).json()["results"]
    return {int(n["id"]) for n in results}


def test_unseen_like_is_regrouped_and_a_seen_one_starts_a_new_notification(
    sandbox: tuple[SandboxServer, httpx.Client],
) -> None:
    _, client = sandbox
    post_id = new_post(client, "Taart in de kantine!")
    first = act(client, actor="jan", action="like", post_id=post_id).json()["notification_id"]
    assert notification(client, first)["output"] == (
        '<strong>Jan Bakker</strong> vindt je bericht "Taart in de kantine!" leuk.'
    )
    second = act(client, actor="fatima", action="like", post_id=post_id).json()
    assert second["notification_id"] == first
    regrouped = notification(client, first)
    assert regrouped["output"] == (
        "<strong>Fatima El Amrani</strong> en <strong>Jan Bakker</strong> vinden je bericht"
        ' "Taart in de kantine!" leuk.'
    )
    assert regrouped["originator"]["display_name"] == "Fatima El Amrani"
    assert client.patch("/api/v1/notification/mark-as-seen").status_code == 200
    third = act(client, actor="daan", action="like", post_id=post_id).json()["notification_id"]
    assert third != first
    assert third in unseen_ids(client)
    assert notification(client, third)["output"] == (
        '<strong>Daan Visser</strong> vindt je bericht "Taart in de kantine!" leuk.'
    )
    assert notification(client, first)["output"] == regrouped["output"]


def test_like_burst_groups_every_like_into_one_notification(
    sandbox: tuple[SandboxServer, httpx.Client],
) -> None:
    _, client = sandbox
    post_id = new_post(client, "Wie helpt mee met de verhuizing?")
    before = unseen_ids(client)
    burst = act(client, action="like_burst", post_id=post_id, count=3)
    assert burst.status_code == 200, burst.text
    body = burst.json()
    assert body["post_id"] == post_id
    assert len(set(body["like_ids"])) == 3
    assert len(set(body["notification_ids"])) == 1
    nid = body["notification_id"]
    assert nid not in before
    assert nid in unseen_ids(client)
    output = notification(client, nid)["output"]
    assert output.endswith(
        ' en 2 anderen vinden je bericht "Wie helpt mee met de verhuizing?" leuk.'
    )
    params: dict[str, str | int] = {"model": POST_MODEL, "pk": post_id}
    assert client.get("/api/v1/like/find-by-object", params=params).json()["total"] == 3
    again = act(client, action="like_burst", post_id=post_id, count=2).json()
    assert again["notification_ids"] == [nid, nid]
    assert " en 4 anderen vinden " in notification(client, nid)["output"]


def test_like_burst_refusals(sandbox: tuple[SandboxServer, httpx.Client]) -> None:
    _, client = sandbox
    post_id = new_post(client, "Nog iemand koffie?")
    assert act(client, action="like_burst", post_id=post_id, count=6).status_code == 200
    full = act(client, action="like_burst", post_id=post_id, count=3)
    assert full.status_code == 409
    assert full.json() == {"code": 409, "message": f"Only 2 colleagues can still like post {post_id}"}  # fmt: skip
    for count in (0, 9, "2", True):
        bad = act(client, action="like_burst", post_id=post_id, count=count)
        assert bad.status_code == 400, count
    assert act(client, action="like_burst", post_id=9999, count=1).status_code == 404


def test_like_burst_without_post_picks_one_that_opens_a_new_notification(
    sandbox: tuple[SandboxServer, httpx.Client],
) -> None:
    server, client = sandbox
    before = unseen_ids(client)
    body = act(client, action="like_burst", count=4).json()
    assert body["post_id"] in actions.demo_posts(server.world)
    assert len(set(body["notification_ids"])) == 1
    assert body["notification_id"] not in before


def test_a_used_up_post_is_recycled_once_its_likes_were_seen(
    sandbox: tuple[SandboxServer, httpx.Client],
) -> None:
    server, client = sandbox
    world = server.world
    for post_id in actions.demo_posts(world):
        left = len(actions.likers(world, post_id))
        if left:
            act(client, action="like_burst", post_id=post_id, count=left)
    assert actions.like_target(world) is None  # every like group is unseen: nothing to recycle
    client.patch("/api/v1/notification/mark-as-seen")
    oldest = actions.demo_posts(world)[-1]
    assert actions.like_target(world, need=2) == oldest
    assert len(actions.likers(world, oldest)) == 8
    assert (
        world.db.scalar(
            "SELECT COUNT(*) FROM notification WHERE class = ? AND group_key = ?",
            (NEW_LIKE, f"{POST_MODEL}:{oldest}"),
        )
        == 0
    )
    recycle.unlike_all(world, oldest)  # idempotent
    assert act(client, actor="kees", action="like", post_id=oldest).status_code == 200
