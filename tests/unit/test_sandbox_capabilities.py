"""The comment-list routes the connector's capability probe relies on, per server version, and
the real HumHubConnector detecting the comment API shape against the running sandbox."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest

from sandbox.server import SandboxServer
from services.humhub.connector import HumHubConnector
from services.models import Capabilities, CommentApi

POST_MODEL = "humhub\\modules\\post\\models\\Post"
COMMENT_MODEL = "humhub\\modules\\comment\\models\\Comment"
YII_404 = {"name": "Not Found", "message": "Page not found.", "code": 0, "status": 404}


def no_route(response: httpx.Response) -> dict[str, object]:
    """Yii's route 404 as the real server sends it: the error, wrapping an "Invalid Route"."""
    route = response.request.url.path.lstrip("/")
    previous = {"name": "Invalid Route", "message": f'Unable to resolve the request "{route}".', "code": 0}  # fmt: skip
    return {**YII_404, "previous": previous}


FIND = "/comment/find-by-object"


@pytest.fixture(scope="module", params=["1.18", "1.19"])
def server(request: pytest.FixtureRequest) -> Iterator[SandboxServer]:
    with SandboxServer(pace="off", api_version=request.param) as running:
        yield running


@pytest.fixture
def api(server: SandboxServer) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {server.demo_token}"}
    with httpx.Client(base_url=f"{server.base_url}/api/v1", headers=headers, timeout=5) as c:
        yield c


def thanks_post(server: SandboxServer) -> tuple[int, int]:
    """(post id, content id) of the demo's seeded post that has a comment."""
    row = server.world.db.one(
        "SELECT post.id, post.content_id FROM post WHERE message LIKE 'Dank aan het team%'"
    )
    assert row is not None
    return int(row["id"]), int(row["content_id"])


def _capabilities(server: SandboxServer) -> Capabilities:
    async def probe() -> Capabilities:
        connector = HumHubConnector(server.base_url, token=server.demo_token)
        try:
            return await connector.capabilities()
        finally:
            await connector.aclose()

    return asyncio.run(probe())


def test_connector_detects_the_comment_api_of_the_emulated_version(
    server: SandboxServer,
) -> None:
    found = _capabilities(server)
    expected = CommentApi.V1_18 if server.api_version == "1.18" else CommentApi.V1_19
    assert found.rest_api
    assert found.polls
    assert found.comment_api is expected


def test_connector_comments_in_the_detected_shape(server: SandboxServer) -> None:
    async def run() -> int:
        connector = HumHubConnector(server.base_url, token=server.demo_token)
        try:
            api = (await connector.capabilities()).comment_api
            post = server.world.post(1)
            assert post is not None
            return await connector.comment_on_post(
                1, int(post["content_id"]), "Via de probe", api=api
            )
        finally:
            await connector.aclose()

    comment_id = asyncio.run(run())
    row = server.world.db.one("SELECT message FROM comment WHERE id = ?", (comment_id,))
    assert row is not None
    assert row["message"] == "Via de probe"


def test_find_by_object_exists_only_in_1_18(server: SandboxServer, api: httpx.Client) -> None:
    probe = api.get(FIND, params={"objectModel": POST_MODEL, "objectId": 0})
    if server.api_version == "1.19":
        assert probe.status_code == 404
        assert probe.json() == no_route(probe)
        return
    # REST 0.11.5 looks the content up first: the probe's objectId=0 is the controller's 404
    assert probe.status_code == 404
    assert probe.json() == {"code": 404, "message": "Content not found!"}
    post_id, _ = thanks_post(server)
    body = api.get(FIND, params={"objectModel": POST_MODEL, "objectId": post_id}).json()
    assert (body["page"], body["pages"]) == (1, 1)
    assert body["links"]["self"].startswith(f"/api/v1{FIND}?")
    missing = api.get(FIND, params={"objectModel": POST_MODEL})
    assert missing.status_code == 400
    assert missing.json()["message"] == "Missing required parameters: objectId"


def test_find_by_object_lists_a_posts_root_comments_but_no_comments_replies() -> None:
    with SandboxServer(pace="off", api_version="1.18") as server:
        headers = {"Authorization": f"Bearer {server.demo_token}"}
        with httpx.Client(base_url=f"{server.base_url}/api/v1", headers=headers) as api:
            _find_by_object_lists(server, api)


def _find_by_object_lists(server: SandboxServer, api: httpx.Client) -> None:
    post_id, content_id = thanks_post(server)
    by_content = api.get(f"/comment/content/{content_id}").json()
    by_object = api.get(FIND, params={"objectModel": POST_MODEL, "objectId": post_id}).json()
    assert by_object["total"] == by_content["total"] >= 1
    assert by_object["results"] == by_content["results"]
    parent = by_object["results"][0]["id"]
    reply = api.post(
        "/comment",
        json={"objectModel": COMMENT_MODEL, "objectId": parent, "Comment": {"message": "Eens!"}},
    ).json()
    assert reply["objectModel"] == COMMENT_MODEL
    # a comment is no content: the real action answers 404 for its replies too
    replies = api.get(FIND, params={"objectModel": COMMENT_MODEL, "objectId": parent})
    assert (replies.status_code, replies.json()["message"]) == (404, "Content not found!")
    unknown = api.get(FIND, params={"objectModel": POST_MODEL, "objectId": "abc"})
    assert (unknown.status_code, unknown.json()["message"]) == (404, "Content not found!")


def test_parent_route_exists_only_in_1_19(server: SandboxServer, api: httpx.Client) -> None:
    missing = api.get("/comment/parent/0")
    assert missing.status_code == 404
    if server.api_version == "1.18":
        assert missing.json() == no_route(missing)
        return
    assert missing.json() == {"code": 404, "message": "Comment not found!"}
    _, content_id = thanks_post(server)
    root = api.post(f"/comment?contentId={content_id}", json={"message": "Vraag"}).json()
    empty = api.get(f"/comment/parent/{root['id']}").json()
    assert (empty["total"], empty["results"]) == (0, [])
    params = {"contentId": content_id, "parentCommentId": root["id"]}
    reply = api.post("/comment", params=params, json={"message": "Antwoord"}).json()
    listed = api.get(f"/comment/parent/{root['id']}").json()
    assert [c["id"] for c in listed["results"]] == [reply["id"]]
    assert listed["results"][0]["parentCommentId"] == root["id"]


def test_unknown_routes_need_no_token_but_known_ones_do(server: SandboxServer) -> None:
    with httpx.Client(base_url=f"{server.base_url}/api/v1") as anon:
        find = anon.get(FIND, params={"objectModel": POST_MODEL, "objectId": 0})
        parent = anon.get("/comment/parent/0")
    exists, absent = (find, parent) if server.api_version == "1.18" else (parent, find)
    assert exists.status_code == 401
    assert absent.status_code == 404
    assert absent.json() == no_route(absent)
