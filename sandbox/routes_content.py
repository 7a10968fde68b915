"""API routes for posts, comments and likes (``/api/v1/post``, ``/comment``, ``/like``).

``POST /comment`` follows the emulated server version: the 1.18 body
``{"objectModel", "objectId", "Comment": {"message"}}`` or the 1.19 call
``POST /comment?contentId=N`` with ``{"message"}``; the other shape fails the way the real
server's code would make it fail.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from sandbox import model, shapes
from sandbox.http import YiiError, error, json_body, paginate, require_user, world_of
from sandbox.world import COMMENT_MODEL, POLL_MODEL, POST_MODEL, World

BLANK_MESSAGE = "Bericht mag niet leeg zijn."
NOT_FOUND_RECORD = "Could not find underlying content or content addon record!"


def _post_list(
    request: Request, world: World, container: int | None, topics: list[str]
) -> Response:
    rows = world.db.all(
        "SELECT post.id AS id, post.content_id AS content_id FROM post JOIN content"
        " ON content.id = post.content_id WHERE (? IS NULL OR content.container_id = ?)"
        " ORDER BY content.created_at DESC, post.id DESC",
        (container, container),
    )
    if topics:
        tagged = {
            int(r["content_id"])
            for r in world.db.all(
                "SELECT content_topic.content_id, topic.name FROM content_topic JOIN topic"
                " ON topic.id = content_topic.topic_id WHERE topic.container_id = ?",
                (container,),
            )
            if r["name"] in topics
        }
        rows = [r for r in rows if int(r["content_id"]) in tagged]
    envelope = paginate(request, [int(r["id"]) for r in rows])
    envelope["results"] = [shapes.post(world, pid) for pid in envelope["results"]]
    return JSONResponse(envelope)


async def posts(request: Request) -> Response:
    require_user(request)
    return _post_list(request, world_of(request), None, [])


async def container_posts(request: Request) -> Response:
    require_user(request)
    world = world_of(request)
    cid = int(request.path_params["id"])
    if world.container(cid) is None:
        return error(404, "Content container not found!")
    names = [t for t in request.query_params.get("topics", "").split(",") if t]
    return _post_list(request, world, cid, names)


async def post(request: Request) -> Response:
    require_user(request)
    world = world_of(request)
    pid = int(request.path_params["id"])
    if world.post(pid) is None:
        return error(404, "Requested content not found!")
    return JSONResponse(shapes.post(world, pid))


def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


async def create_post(request: Request) -> Response:
    user = require_user(request)
    world = world_of(request)
    cid = int(request.path_params["id"])
    if world.container(cid) is None:
        return error(404, "Content container not found!")
    data = _obj((await json_body(request)).get("data"))
    message = data.get("message")
    if not isinstance(message, str) or not message.strip():
        return error(400, "Validation failed", post={"message": [BLANK_MESSAGE]})
    content = _obj(data.get("content"))
    visibility = _obj(content.get("metadata")).get("visibility", 0)
    visibility = visibility if visibility in (0, 1, 2) else 0
    topics = [
        str(t["name"])
        for t in content.get("topics") or []
        if isinstance(t, dict) and str(t.get("name", "")).strip()
    ]
    post_id, _ = model.create_post(
        world,
        int(user["id"]),
        cid,
        message,
        visibility=visibility,
        topics=topics,
        may_create_topics=world.may_create_topics(int(user["id"]), cid),
    )
    world.emit("post", post_id)
    return JSONResponse(shapes.post(world, post_id))


def _comment_target_118(request: Request, body: dict[str, Any]) -> tuple[int, int | None]:
    """(content id, parent comment id) from the 1.18 ``objectModel``/``objectId`` pair."""
    world = world_of(request)
    model_name = request.query_params.get("objectModel", body.get("objectModel"))
    raw_id = request.query_params.get("objectId", body.get("objectId"))
    try:
        object_id = int(raw_id) if raw_id is not None else 0
    except (TypeError, ValueError):
        object_id = 0
    if model_name not in (POST_MODEL, POLL_MODEL, COMMENT_MODEL):
        raise YiiError(500, "An internal server error occurred.")
    if model_name == COMMENT_MODEL:
        parent = world.db.one("SELECT * FROM comment WHERE id = ?", (object_id,))
        if parent is None:
            raise YiiError(404, NOT_FOUND_RECORD)
        return int(parent["content_id"]), object_id
    row = world.db.one(
        "SELECT id FROM content WHERE object_model = ? AND object_id = ?", (model_name, object_id)
    )
    if row is None:
        raise YiiError(404, NOT_FOUND_RECORD)
    return int(row["id"]), None


def _comment_target_119(request: Request) -> tuple[int, int | None]:
    world = world_of(request)
    raw = request.query_params.get("contentId")
    if raw is None or not raw.isdigit():
        raise YiiError(400, "Missing required parameters: contentId")
    if world.content(int(raw)) is None:
        raise YiiError(404, "Content not found!")
    parent = request.query_params.get("parentCommentId")
    if parent is not None and parent.isdigit():
        row = world.db.one(
            "SELECT id FROM comment WHERE id = ? AND content_id = ?", (int(parent), int(raw))
        )
        if row is None:
            raise YiiError(404, "Parent comment not found!")
        return int(raw), int(parent)
    return int(raw), None


async def create_comment(request: Request) -> Response:
    user = require_user(request)
    world = world_of(request)
    body = await json_body(request)
    if world.api_version == "1.19":
        content_id, parent_id = _comment_target_119(request)
        message: Any = body.get("message")
    else:
        content_id, parent_id = _comment_target_118(request, body)
        wrapped = body.get("Comment")
        if not isinstance(wrapped, dict):
            return error(400, "Validation failed", comment=[])
        message = wrapped.get("message")
    if not isinstance(message, str) or not message.strip():
        return error(400, "Validation failed", comment={"message": [BLANK_MESSAGE]})
    comment_id, _ = model.add_comment(
        world, int(user["id"]), content_id, message, parent_id=parent_id
    )
    world.emit("comment", comment_id)
    row = world.db.one("SELECT * FROM comment WHERE id = ?", (comment_id,))
    assert row is not None  # noqa: S101 - inserted just before
    return JSONResponse(shapes.comment(world, row))


async def comment(request: Request) -> Response:
    require_user(request)
    world = world_of(request)
    row = world.db.one("SELECT * FROM comment WHERE id = ?", (request.path_params["id"],))
    if row is None:
        return error(404, "Comment not found!")
    return JSONResponse(shapes.comment(world, row))


async def content_comments(request: Request) -> Response:
    require_user(request)
    world = world_of(request)
    cid = int(request.path_params["id"])
    if world.content(cid) is None:
        return error(404, "Content not found!")
    rows = world.db.all(
        "SELECT * FROM comment WHERE content_id = ? AND parent_id IS NULL ORDER BY created_at, id",
        (cid,),
    )
    envelope = paginate(request, rows)
    envelope["results"] = [shapes.comment(world, row) for row in envelope["results"]]
    return JSONResponse(envelope)


async def likes_by_object(request: Request) -> Response:
    require_user(request)
    world = world_of(request)
    model_name = request.query_params.get("model")
    pk = request.query_params.get("pk")
    if model_name is None or pk is None:
        missing = ", ".join(n for n, v in (("model", model_name), ("pk", pk)) if v is None)
        raise YiiError(400, f"Missing required parameters: {missing}")
    found = None
    if pk.isdigit() and model_name == POST_MODEL:
        found = world.post(int(pk))
    elif pk.isdigit() and model_name == POLL_MODEL:
        found = world.poll(int(pk))
    if found is None:
        return error(404, "Content not found!")
    rows = world.db.all(
        'SELECT * FROM "like" WHERE object_model = ? AND object_id = ? ORDER BY id',
        (model_name, int(pk)),
    )
    envelope = paginate(request, rows)
    envelope["results"] = [shapes.like(world, row) for row in envelope["results"]]
    return JSONResponse(envelope)


ROUTES = [
    Route("/post", posts, methods=["GET"]),
    Route("/post/{id:int}", post, methods=["GET"]),
    Route("/post/container/{id:int}", container_posts, methods=["GET"]),
    Route("/post/container/{id:int}", create_post, methods=["POST"]),
    Route("/comment", create_comment, methods=["POST"]),
    Route("/comment/{id:int}", comment, methods=["GET"]),
    Route("/comment/content/{id:int}", content_comments, methods=["GET"]),
    Route("/like/find-by-object", likes_by_object, methods=["GET"]),
]
