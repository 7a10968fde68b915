"""The version-specific comment lists the connector's capability probe relies on.

- 1.18 (REST 0.11.5): ``GET /comment/find-by-object?objectModel=<FQCN>&objectId=N`` looks the
  *content* up by that pair first, like the real action: a post's or poll's root comments,
  oldest first, paginated; anything that is not a content (``objectId=0``, a comment, a
  non-number) is the controller's ``404 {"code":404,"message":"Content not found!"}``.
  Missing parameters are Yii's ``400 "Missing required parameters: …"`` (argument binding).
- 1.19 (REST 0.12): ``GET /comment/parent/{id}`` (``actionFindByParent``) lists a comment's
  replies, oldest first; an unknown id is the controller's own
  ``404 {"code":404,"message":"Comment not found!"}``.

Each route exists in its own version only; in the other one it is Yii's route 404
("Page not found."), like the real server where the URL rule is not registered.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from sandbox import shapes
from sandbox.db import Row
from sandbox.http import YiiError, error, paginate, require_user, world_of
from sandbox.world import World


def _only_in(request: Request, version: str) -> None:
    """Yii's route 404 when the emulated server version does not have this URL rule."""
    if world_of(request).api_version != version:
        raise HTTPException(404)


def _page(request: Request, world: World, rows: list[Row]) -> Response:
    envelope = paginate(request, rows)
    envelope["results"] = [shapes.comment(world, row) for row in envelope["results"]]
    return JSONResponse(envelope)


def _attached_to(world: World, object_model: str, object_id: str) -> list[Row] | None:
    """The root comments of the content (object_model, object_id); None: no such content."""
    if not object_id.isdigit():
        return None
    content = world.db.one(
        "SELECT id FROM content WHERE object_model = ? AND object_id = ?",
        (object_model, int(object_id)),
    )
    if content is None:
        return None
    return world.db.all(
        "SELECT * FROM comment WHERE content_id = ? AND parent_id IS NULL ORDER BY created_at, id",
        (int(content["id"]),),
    )


async def find_by_object(request: Request) -> Response:
    _only_in(request, "1.18")
    require_user(request)
    world = world_of(request)
    query = request.query_params
    missing = [name for name in ("objectModel", "objectId") if name not in query]
    if missing:
        raise YiiError(400, f"Missing required parameters: {', '.join(missing)}")
    rows = _attached_to(world, query["objectModel"], query["objectId"].strip())
    if rows is None:
        return error(404, "Content not found!")
    return _page(request, world, rows)


async def by_parent(request: Request) -> Response:
    _only_in(request, "1.19")
    require_user(request)
    world = world_of(request)
    parent_id = int(request.path_params["id"])
    parent = world.db.one("SELECT * FROM comment WHERE id = ?", (parent_id,))
    if parent is None:
        return error(404, "Comment not found!")
    if world.content(int(parent["content_id"])) is None:
        return error(404, "Content not found!")
    rows = world.db.all(
        "SELECT * FROM comment WHERE parent_id = ? ORDER BY created_at, id", (parent_id,)
    )
    return _page(request, world, rows)


ROUTES = [
    Route("/comment/find-by-object", find_by_object, methods=["GET"]),
    Route("/comment/parent/{id:int}", by_parent, methods=["GET"]),
]
