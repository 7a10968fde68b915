"""API routes for auth, notifications, spaces and topics (``/api/v1/...``)."""

from __future__ import annotations

import time
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from sandbox import notify, shapes
from sandbox.http import YiiError, error, json_body, paginate, require_user, success, world_of
from sandbox.tokens import issue

NOTIFICATION_LIMIT = 10


# HumHub's `failedLoginDelayTimes`: more than 2 failures → 10 s, more than 6 → 20 s.
LOGIN_DELAYS = ((2, 10.0), (6, 20.0))
WRONG_LOGIN = "Wrong username or password"


def _login_delay(failures: int) -> float:
    return max((seconds for more_than, seconds in LOGIN_DELAYS if failures > more_than), default=0)


async def login(request: Request) -> Response:
    """`POST /auth/login`, throttled like HumHub: after 3 failed attempts of a user, even the
    right password is refused with the same 400 for 10 s (20 s after 7); those refusals do not
    count; a success resets the count. JWT sign-in switched off: Yii's 404 with no message."""
    world = world_of(request)
    if not world.password_login:
        raise YiiError(404, "")
    body = await json_body(request)
    username, password = str(body.get("username", "")), str(body.get("password", ""))
    user = world.user_by_name(username) if username else None
    key = str(user["username"]) if user is not None else ""
    failures, next_try = world.login_failures.get(key, (0, 0.0))
    if user is not None and time.monotonic() < next_try:
        return error(400, WRONG_LOGIN)
    if user is None or user["password"] != password:
        if user is not None:
            failures += 1
            world.login_failures[key] = (failures, time.monotonic() + _login_delay(failures))
        return error(400, WRONG_LOGIN)
    world.login_failures.pop(key, None)
    token, expired_at = issue(
        world.jwt_key, uid=int(user["id"]), email=str(user["email"]), issuer=world.base_url
    )
    return JSONResponse(
        {"code": 200, "message": "Success", "auth_token": token, "expired_at": expired_at}
    )


async def current(request: Request) -> Response:
    user = require_user(request)
    return JSONResponse(shapes.user_full(world_of(request), user))


def _notifications(request: Request, *, unseen_only: bool) -> Response:
    user = require_user(request)
    world = world_of(request)
    raw = request.query_params.get("excludeFilters", "") if not unseen_only else ""
    exclude = {part.strip() for part in raw.split(",") if part.strip()}
    rows = notify.query(world, int(user["id"]), unseen_only=unseen_only, exclude=exclude)
    envelope = paginate(request, rows, default_limit=NOTIFICATION_LIMIT)
    envelope["results"] = [notify.serialize(world, row) for row in envelope["results"]]
    return JSONResponse(envelope)


async def notifications(request: Request) -> Response:
    return _notifications(request, unseen_only=False)


async def unseen(request: Request) -> Response:
    return _notifications(request, unseen_only=True)


async def notification(request: Request) -> Response:
    user = require_user(request)
    world = world_of(request)
    row = world.db.one(
        "SELECT * FROM notification WHERE id = ? AND user_id = ?",
        (request.path_params["id"], user["id"]),
    )
    if row is None:
        return error(404, "Notification not found")
    return JSONResponse(notify.serialize(world, row))


async def mark_as_seen(request: Request) -> Response:
    user = require_user(request)
    notify.mark_all_seen(world_of(request), int(user["id"]))
    return success("All notifications successfully marked as seen")


async def spaces(request: Request) -> Response:
    require_user(request)
    world = world_of(request)
    envelope = paginate(request, world.db.all("SELECT * FROM space ORDER BY id"))
    envelope["results"] = [shapes.space(world, row) for row in envelope["results"]]
    return JSONResponse(envelope)


async def space(request: Request) -> Response:
    require_user(request)
    world = world_of(request)
    row = world.space(request.path_params["id"])
    if row is None:
        return error(404, "Space not found")
    return JSONResponse(shapes.space(world, row))


async def topics(request: Request) -> Response:
    require_user(request)
    world = world_of(request)
    envelope = paginate(request, world.db.all("SELECT id, name FROM topic ORDER BY id"))
    envelope["results"] = [{"id": t["id"], "name": t["name"]} for t in envelope["results"]]
    return JSONResponse(envelope)


async def container_topics(request: Request) -> Response:
    """`GET /topic/container/{id}`: a space's or one's own profile's topics (HumHub lists
    those of spaces one is a member of; every sandbox user is a member of every space)."""
    user = require_user(request)
    world = world_of(request)
    cid = int(request.path_params["id"])
    own_profile = int(user["container_id"]) == cid
    rows: list[Any] = []
    if own_profile or world.space_by_container(cid) is not None:
        rows = world.db.all("SELECT id, name FROM topic WHERE container_id = ? ORDER BY id", (cid,))
    envelope = paginate(request, rows)
    envelope["results"] = [{"id": t["id"], "name": t["name"]} for t in envelope["results"]]
    return JSONResponse(envelope)


async def space_members(request: Request) -> Response:
    """`GET /space/{id}/membership`: for the space's admins only, as in HumHub's REST module
    (others get 400 "You cannot administer this space!")."""
    user = require_user(request)
    world = world_of(request)
    row = world.space(request.path_params["id"])
    if row is None:
        return error(404, "Space  not found!")
    if int(row["owner_id"]) != int(user["id"]):
        return error(400, "You cannot administer this space!")
    members = world.db.all("SELECT * FROM user ORDER BY id")
    envelope = paginate(request, members)
    envelope["results"] = [
        {
            "user": shapes.user_short(world, m),
            "role": "admin" if int(m["id"]) == int(row["owner_id"]) else "member",
            "status": 3,
        }
        for m in envelope["results"]
    ]
    return JSONResponse(envelope)


async def user(request: Request) -> Response:
    """``GET /user/{id}``: the REST module's user routes are for administrators only."""
    require_user(request)
    raise YiiError(403, "You are not permitted to access this section.")


ROUTES = [
    Route("/auth/login", login, methods=["POST"]),
    Route("/auth/current", current, methods=["GET"]),
    Route("/notification", notifications, methods=["GET"]),
    Route("/notification/unseen", unseen, methods=["GET"]),
    Route("/notification/mark-as-seen", mark_as_seen, methods=["PATCH"]),
    Route("/notification/{id:int}", notification, methods=["GET"]),
    Route("/space", spaces, methods=["GET"]),
    Route("/space/{id:int}", space, methods=["GET"]),
    Route("/space/{id:int}/membership", space_members, methods=["GET"]),
    Route("/topic", topics, methods=["GET"]),
    Route("/topic/container/{id:int}", container_topics, methods=["GET"]),
    Route("/user/{id:int}", user, methods=["GET"]),
]
