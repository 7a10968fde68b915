"""HTTP plumbing shared by the API routes: both HumHub error shapes, auth, paging, bodies."""

from __future__ import annotations

import json
import math
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse

from sandbox.db import Row
from sandbox.tokens import verify
from sandbox.world import World

STATUS_NAMES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}
INVALID_CREDENTIALS = "Your request was made with invalid credentials."


class YiiError(Exception):
    """An exception Yii renders as ``{"name","message","code":0,"status"}``."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def yii_body(status: int, message: str) -> dict[str, Any]:
    return {
        "name": STATUS_NAMES.get(status, "Error"),
        "message": message,
        "code": 0,
        "status": status,
    }


def route_not_found(path: str) -> dict[str, Any]:
    """Yii's 404 for a request no URL rule matches, with the ``previous`` exception it wraps."""
    body = yii_body(404, "Page not found.")
    message = f'Unable to resolve the request "{path.lstrip("/")}".'
    body["previous"] = {"name": "Invalid Route", "message": message, "code": 0}
    return body


def yii_response(error: YiiError) -> JSONResponse:
    return JSONResponse(yii_body(error.status, error.message), error.status, error.headers)


def error(status: int, message: str, **extra: Any) -> JSONResponse:
    """A controller error (``returnError``): ``{"code": N, "message": ..., **extra}``."""
    return JSONResponse({"code": status, "message": message, **extra}, status)


def success(message: str) -> JSONResponse:
    return JSONResponse({"code": 200, "message": message})


def world_of(request: Request) -> World:
    world: World = request.app.state.world
    return world


def bearer_user(request: Request) -> Row | None:
    """The user behind the request's ``Authorization: Bearer`` token, if valid."""
    world = world_of(request)
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    uid = verify(world.jwt_key, token.strip())
    return world.user(uid) if uid is not None else None


def require_user(request: Request) -> Row:
    user = bearer_user(request)
    if user is None:
        raise YiiError(401, INVALID_CREDENTIALS)
    return user


async def json_body(request: Request) -> dict[str, Any]:
    """The JSON object body; Yii answers 400 for JSON it cannot parse."""
    raw = await request.body()
    if not raw.strip():
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        raise YiiError(400, "Invalid JSON data in request body: Syntax error.") from None
    return data if isinstance(data, dict) else {}


def int_param(request: Request, name: str, default: int) -> int:
    try:
        return int(request.query_params.get(name, default))
    except ValueError:
        return default


def paginate(request: Request, items: list[Any], *, default_limit: int = 100) -> dict[str, Any]:
    """HumHub's list envelope over ``items``: 1-based page, limit capped at 100, never 4xx."""
    limit = min(int_param(request, "limit", default_limit), 100)
    page = max(int_param(request, "page", 1) - 1, 0)
    total = len(items)
    if limit < 1:
        pages, chunk = (1 if total else 0), items
    else:
        pages, chunk = math.ceil(total / limit), items[page * limit : (page + 1) * limit]
    return {
        "total": total,
        "page": page + 1,
        "pages": pages,
        "links": _links(request, page, pages, limit),
        "results": chunk,
    }


def _links(request: Request, page: int, pages: int, limit: int) -> dict[str, str]:
    params = dict(request.query_params)

    def url(target: int) -> str:
        query = {**params, "page": str(target + 1)}
        if limit != 20:
            query["per-page"] = str(limit)
        return f"{request.url.path}?{urlencode(query)}"

    links = {"self": url(page)}
    if pages > 0:
        links["first"] = url(0)
        links["last"] = url(pages - 1)
        if page > 0:
            links["prev"] = url(page - 1)
        if page < pages - 1:
            links["next"] = url(page + 1)
    return links
