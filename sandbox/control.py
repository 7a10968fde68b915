"""The ``/_sandbox`` control API for tests and demos (not part of HumHub; bearer token needed).

- ``POST /_sandbox/act`` ``{"actor": "<username>", "action": "like"|"comment"|"mention"|"post"|
  "poll", "post_id": N?, "text": "..."?}`` performs one simulated action now and returns the ids
  it created, e.g. ``{"notification_id": 12, "like_id": 7, "post_id": 3}``.
- ``POST /_sandbox/act`` ``{"action": "like_burst", "post_id": N?, "count": K}``: K different
  colleagues like the post at once, each updating the owner's grouped NewLike notification
  as HumHub would; returns ``post_id``, ``like_ids``, ``notification_ids`` (one per like, the
  same id once grouped) and ``notification_id``. Without ``post_id`` a demo post is picked on
  which the burst opens a NEW notification. 409 when fewer than K colleagues can still like.
- ``POST /_sandbox/act`` ``{"action": "flood", "count": N}`` (1-20,000): N new unseen
  notifications for the demo user at once, each its own (likes, comments, mentions by the
  colleagues on the demo posts, as after a long holiday; see :mod:`sandbox.flood`); returns
  ``{"created": N, "first_id": ..., "last_id": ..., "kinds": {...}}``. Trimming spares them
  while unseen.
- ``POST /_sandbox/tick`` performs one random simulation step.
- ``GET /_sandbox/state`` returns counts: posts, comments per post, likes per post,
  notifications (total/unseen for the demo user), plus pace, api_version and armed faults.
- ``POST /_sandbox/switch`` ``{"rest_api": false, "password_login": false}`` flips what an
  admin can switch on a real server: the REST API module (off: ``/api/…`` is HumHub's HTML
  404 page) and password sign-in (off: ``POST /auth/login`` is Yii's 404). Returns both.
- ``POST /_sandbox/fault`` ``{"route": "POST /post/container", "mode": "status"|
  "commit_then_drop"|"drop", "status": 503, "times": 1, "retry_after": "5"}`` arms a fault for
  the next ``times`` matching API requests (see :mod:`sandbox.faults`);
  ``DELETE /_sandbox/fault`` disarms all.
"""

from __future__ import annotations

import random
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from sandbox import actions, flood
from sandbox.faults import FaultBook, parse_fault
from sandbox.http import error, json_body, require_user, world_of
from sandbox.simulation import Simulation
from sandbox.world import DEMO_USERNAME, POST_MODEL

_rng = random.Random(4242)


def _sim(request: Request) -> Simulation:
    sim: Simulation = request.app.state.simulation
    return sim


def _faults(request: Request) -> FaultBook:
    book: FaultBook = request.app.state.faults
    return book


MAX_BURST = 8


def _like_burst(request: Request, body: dict[str, Any]) -> Response:
    world = world_of(request)
    count, post_id = body.get("count", 2), body.get("post_id")
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= MAX_BURST:
        return error(400, f"count must be a number from 1 to {MAX_BURST}")
    if post_id is None:
        post_id = actions.like_target(world, need=count)
        if post_id is None:
            return error(409, "Every demo post has an unseen like notification")
    elif not isinstance(post_id, int) or world.post(post_id) is None:
        return error(404, "Post not found")
    try:
        return JSONResponse(actions.like_burst(world, post_id, count, _rng))
    except LookupError as exc:
        return error(409, str(exc).capitalize())


def _flood(request: Request, body: dict[str, Any]) -> Response:
    count = body.get("count")
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= flood.MAX_FLOOD:
        return error(400, f"count must be a number from 1 to {flood.MAX_FLOOD}")
    try:
        return JSONResponse(flood.flood(world_of(request), count, _rng))
    except LookupError as exc:
        return error(409, str(exc).capitalize())


async def act(request: Request) -> Response:
    require_user(request)
    world = world_of(request)
    body = await json_body(request)
    if body.get("action") == "like_burst":
        return _like_burst(request, body)
    if body.get("action") == "flood":
        return _flood(request, body)
    actor = world.user_by_name(str(body.get("actor", "")))
    if actor is None or actor["username"] == DEMO_USERNAME:
        return error(400, "actor must be the username of a colleague")
    action, text = body.get("action"), body.get("text")
    raw_post = body.get("post_id")
    post_id = raw_post if isinstance(raw_post, int) else None
    if post_id is not None and world.post(post_id) is None:
        return error(404, "Post not found")
    text = text if isinstance(text, str) and text.strip() else None
    if action == "like":
        target = post_id or actions.unliked_demo_post(world, actor)
        if target is None:
            return error(409, "Nothing left to like for this actor")
        result = actions.like(world, actor, target)
    elif action == "comment":
        target = post_id or next(iter(actions.demo_posts(world)), None)
        if target is None:
            return error(409, "Nothing to comment on")
        result = actions.comment(world, actor, target, text or _rng.choice(actions.COMMENTS))
    elif action == "mention":
        result = actions.mention(world, actor, post_id, text, _rng)
    elif action == "post":
        result = actions.post(world, actor, text, _rng)
    elif action == "poll":
        result = actions.poll(world, actor, _rng)
    else:
        return error(400, "action must be like, like_burst, flood, comment, mention, post or poll")
    return JSONResponse(result)


async def tick(request: Request) -> Response:
    require_user(request)
    return JSONResponse(_sim(request).step())


async def state(request: Request) -> Response:
    require_user(request)
    world = world_of(request)
    demo = world.demo_user()
    comments = world.db.all(
        "SELECT post.id AS id, COUNT(comment.id) AS n FROM post LEFT JOIN comment"
        " ON comment.content_id = post.content_id GROUP BY post.id ORDER BY post.id"
    )
    likes = world.db.all(
        'SELECT object_id AS id, COUNT(*) AS n FROM "like" WHERE object_model = ?'
        " GROUP BY object_id ORDER BY object_id",
        (POST_MODEL,),
    )
    count = world.db.scalar
    return JSONResponse(
        {
            "posts": count("SELECT COUNT(*) FROM post"),
            "polls": count("SELECT COUNT(*) FROM poll"),
            "comments": {str(r["id"]): r["n"] for r in comments},
            "likes": {str(r["id"]): r["n"] for r in likes},
            "notifications": {
                "total": count(
                    "SELECT COUNT(*) FROM notification WHERE user_id = ?", (demo["id"],)
                ),
                "unseen": count(
                    "SELECT COUNT(*) FROM notification WHERE user_id = ? AND seen = 0",
                    (demo["id"],),
                ),
            },
            "api_version": world.api_version,
            "simulated_events": _sim(request).events,
            "faults": _faults(request).armed(),
        }
    )


async def arm_fault(request: Request) -> Response:
    require_user(request)
    try:
        fault = parse_fault(await json_body(request))
    except ValueError as exc:
        return error(400, str(exc))
    book = _faults(request)
    book.arm(fault)
    return JSONResponse({"code": 200, "message": "Fault armed", "faults": book.armed()})


async def clear_faults(request: Request) -> Response:
    require_user(request)
    _faults(request).clear()
    return JSONResponse({"code": 200, "message": "Faults cleared", "faults": []})


SWITCHES = ("rest_api", "password_login")


async def switch(request: Request) -> Response:
    require_user(request)
    world = world_of(request)
    body = await json_body(request)
    for name in SWITCHES:
        value = body.get(name)
        if isinstance(value, bool):
            setattr(world, name, value)
        elif value is not None:
            return error(400, f"{name} must be true or false")
    return JSONResponse({name: getattr(world, name) for name in SWITCHES})


ROUTES = [
    Route("/switch", switch, methods=["POST"]),
    Route("/act", act, methods=["POST"]),
    Route("/tick", tick, methods=["POST"]),
    Route("/state", state, methods=["GET"]),
    Route("/fault", arm_fault, methods=["POST"]),
    Route("/fault", clear_faults, methods=["DELETE"]),
]
