"""Shared helpers for the HumHub connector tests: spec-shaped payloads and a recording transport.

Holds no tests itself; the contract tests reuse the payloads (they are validated there against
both bundled specs, so the unit tests parse spec-valid JSON).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TypeVar

import httpx

from services.humhub import HumHubConnector
from services.humhub.http import DEFAULT_DEADLINE, MAX_BODY_BYTES

T = TypeVar("T")

BASE = "https://intranet.example.org"
TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzUxMiJ9.sentinel-token-4711"
POST_MODEL = "humhub\\modules\\post\\models\\Post"
NS = "humhub\\modules\\"
NEW_LIKE = NS + "like\\notifications\\NewLike"
MENTIONED = NS + "user\\notifications\\Mentioned"
NEW_COMMENT = NS + "comment\\notifications\\NewComment"
CONTENT_CREATED = NS + "content\\notifications\\ContentCreated"

Handler = Callable[[httpx.Request], httpx.Response]


def run(coro: Coroutine[object, object, T]) -> T:
    """Run one async scenario to completion in a fresh event loop."""
    return asyncio.run(coro)


def user_short(user_id: int = 2, name: str = "Jan de Vries") -> dict[str, object]:
    return {
        "id": user_id,
        "guid": f"0000000{user_id}-aaaa-bbbb-cccc-dddddddddddd",
        "display_name": name,
        "url": f"{BASE}/u/user{user_id}/",
    }


def current_user_json() -> dict[str, object]:
    return {
        **user_short(1, "Anna Bakker"),
        "account": {
            "id": 1,
            "guid": "00000001-aaaa-bbbb-cccc-dddddddddddd",
            "username": "anna",
            "email": "anna@example.org",
            "visibility": 1,
            "status": 1,
            "tags": [],
            "language": "nl",
            "time_zone": "Europe/Amsterdam",
            "contentcontainer_id": 3,
            "last_login": "2026-06-01 08:00:00",
        },
        "profile": {"firstname": "Anna", "lastname": "Bakker"},
    }


def post_json(
    post_id: int = 11, content_id: int = 21, *, container: int = 5, message: str = "Hallo team"
) -> dict[str, object]:
    return {
        "id": post_id,
        "message": message,
        "content": {
            "metadata": {
                "id": content_id,
                "guid": "c0ffee00-0000-0000-0000-000000000021",
                "object_model": POST_MODEL,
                "object_id": post_id,
                "visibility": 1,
                "state": 1,
                "archived": False,
                "hidden": False,
                "pinned": False,
                "locked_comments": False,
                "created_by": user_short(),
                "created_at": "2026-06-01 09:30:00",
                "updated_by": user_short(),
                "updated_at": "2026-06-01 09:30:00",
                "url": f"{BASE}/s/team/post/{post_id}",
                "contentcontainer_id": container,
                "stream_channel": "default",
            },
            "comments": {"total": 2, "latestComments": []},
            "likes": {"total": 3},
            "topics": [],
        },
    }


def notification_json(
    notification_id: int = 1,
    class_name: str = NEW_LIKE,
    *,
    output: object = "<strong>Jan de Vries</strong> vindt je bericht &quot;Hallo&quot; leuk.",
    source: object = None,
) -> dict[str, object]:
    return {
        "id": notification_id,
        "class": class_name,
        "output": output,
        "originator": user_short(),
        "source": post_json() if source is None else source,
        "createdAt": "2026-06-01 10:00:00",
    }


def envelope(
    results: list[object], *, total: int | None = None, page: int = 1
) -> dict[str, object]:
    return {
        "total": len(results) if total is None else total,
        "page": page,
        "pages": 1,
        "links": {"self": "/api/v1/x?page=1"},
        "results": results,
    }


def space_json(space_id: int = 4, container: int = 5, name: str = "Team Zorg") -> dict[str, object]:
    return {
        "id": space_id,
        "guid": f"5pace000-0000-0000-0000-00000000000{space_id}",
        "name": name,
        "description": "",
        "url": f"{BASE}/s/team/",
        "contentcontainer_id": container,
        "visibility": 1,
        "join_policy": 1,
        "status": 1,
        "tags": [],
        "owner": user_short(),
    }


def json_response(
    status: int, payload: object, *, headers: dict[str, str] | None = None
) -> httpx.Response:
    """A JSON answer as HumHub sends it (PHP's content type with a charset)."""
    all_headers = {"content-type": "application/json; charset=UTF-8", **(headers or {})}
    return httpx.Response(status, content=json.dumps(payload).encode(), headers=all_headers)


@dataclass
class Recorder:
    """A MockTransport handler: answers by (method, path) and records every request."""

    routes: dict[tuple[str, str], httpx.Response | Handler] = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.routes.get((request.method, request.url.path))
        if answer is None:
            return json_response(
                404, {"name": "Not Found", "message": "Page not found.", "code": 0, "status": 404}
            )
        return answer(request) if callable(answer) else answer

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


def connector_for(
    handler: Handler,
    *,
    token: str | None = TOKEN,
    language: str | None = None,
    deadline: timedelta = DEFAULT_DEADLINE,
    max_body_bytes: int = MAX_BODY_BYTES,
) -> HumHubConnector:
    """A connector on BASE whose traffic goes to `handler`."""
    return HumHubConnector(
        BASE,
        token=token,
        transport=httpx.MockTransport(handler),
        language=language,
        deadline=deadline,
        max_body_bytes=max_body_bytes,
    )
