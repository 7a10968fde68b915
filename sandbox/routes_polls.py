"""API routes of the polls module (``/api/v1/polls``...), with the module's own messages."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from sandbox import model, poll_story, shapes
from sandbox.db import Row
from sandbox.http import error, json_body, paginate, require_user, success, world_of
from sandbox.shapes import JSON
from sandbox.world import World

NOT_FOUND = "Poll is not found!"


async def polls(request: Request) -> Response:
    require_user(request)
    world = world_of(request)
    poll_story.close_due(world)  # polls with a sandbox-only end close when it has passed
    rows = world.db.all(
        "SELECT poll.* FROM poll JOIN content ON content.id = poll.content_id"
        " ORDER BY content.created_at DESC, poll.id DESC"
    )
    envelope = paginate(request, rows)
    envelope["results"] = [_with_end(world, row) for row in envelope["results"]]
    return JSONResponse(envelope)


async def poll(request: Request) -> Response:
    require_user(request)
    world = world_of(request)
    poll_story.close_due(world)
    row = world.poll(int(request.path_params["id"]))
    if row is None:
        return error(404, "Poll not found!")
    return JSONResponse(_with_end(world, row))


def _with_end(world: World, row: Row) -> JSON:
    """A poll as the module shows it, plus its end (sandbox only: see sandbox.poll_story)."""
    body = shapes.poll(world, row)
    body["end_date"] = poll_story.end_of(world, int(row["id"]))
    return body


async def vote(request: Request) -> Response:
    user = require_user(request)
    world = world_of(request)
    poll_id = int(request.path_params["id"])
    row = world.poll(poll_id)
    if row is None:
        return error(404, NOT_FOUND)
    raw = (await json_body(request)).get("answers")
    answers = [a for a in raw if isinstance(a, int)] if isinstance(raw, list) else []
    valid = {
        int(a["id"])
        for a in world.db.all("SELECT id FROM poll_answer WHERE poll_id = ?", (poll_id,))
    }
    if not answers or any(a not in valid for a in answers):
        return error(400, "Invalid answer!")
    if row["closed"]:
        return error(403, "Poll is closed!")
    if len(set(answers)) > 1 and not row["allow_multiple"]:
        return error(403, "Voting for multiple answers is disabled!")
    if model.votes(world, int(user["id"]), poll_id):
        return success("You are already voted on this poll.")
    model.vote(world, int(user["id"]), poll_id, sorted(set(answers)))
    return success("You have voted.")


async def my_votes(request: Request) -> Response:
    user = require_user(request)
    world = world_of(request)
    poll_id = int(request.path_params["id"])
    if world.poll(poll_id) is None:
        return error(404, NOT_FOUND)
    return JSONResponse(model.votes(world, int(user["id"]), poll_id))


async def reset_vote(request: Request) -> Response:
    user = require_user(request)
    world = world_of(request)
    poll_id = int(request.path_params["id"])
    if world.poll(poll_id) is None:
        return error(404, NOT_FOUND)
    model.reset_vote(world, int(user["id"]), poll_id)
    return success("You have reset your vote.")


ROUTES = [
    Route("/polls", polls, methods=["GET"]),
    Route("/polls/poll/{id:int}", poll, methods=["GET"]),
    Route("/polls/vote/{id:int}", vote, methods=["PUT"]),
    Route("/polls/vote/{id:int}", my_votes, methods=["GET"]),
    Route("/polls/vote/{id:int}", reset_vote, methods=["DELETE"]),
]
