"""Fault injection for the next N matching API requests (armed via ``POST /_sandbox/fault``).

Modes: ``status`` answers with the given status (and ``Retry-After``) without touching data;
``commit_then_drop`` performs the request (the write is committed), then aborts the TCP
connection without sending a response; ``drop`` aborts without performing anything;
``commit_then_status`` performs the request, then answers with the given status instead (a
proxy or server that saves first and refuses after, e.g. a 401); ``commit_then_hang``
performs the request and never answers: the connection stays open until the client goes.

Aborting needs the connection's transport, which ASGI does not expose: :func:`abortable`
wraps uvicorn's protocol class so every request scope carries an ``abort`` callable in
``scope["extensions"]["sandbox.abort"]``.
"""

from __future__ import annotations

import asyncio
import json
import threading
from dataclasses import asdict, dataclass
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sandbox.http import STATUS_NAMES

ABORT_KEY = "sandbox.abort"
MODES = ("status", "commit_then_drop", "drop", "commit_then_status", "commit_then_hang")
API_PREFIX = "/api/v1"


@dataclass
class Fault:
    method: str
    path: str
    mode: str
    status: int = 503
    times: int = 1
    retry_after: str | None = None

    def matches(self, method: str, path: str) -> bool:
        if path.startswith(API_PREFIX):
            path = path[len(API_PREFIX) :]
        return method == self.method and (path == self.path or path.startswith(self.path + "/"))


def parse_fault(body: dict[str, Any]) -> Fault:
    """Validate a ``/_sandbox/fault`` body; raises ``ValueError`` with a reason."""
    method, _, path = str(body.get("route", "")).strip().partition(" ")
    path = path.strip().rstrip("/")
    if path.startswith(API_PREFIX):
        path = path[len(API_PREFIX) :]
    if not method or not path.startswith("/"):
        raise ValueError('route must look like "POST /post/container"')
    mode = str(body.get("mode", "status"))
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}")
    status, times = body.get("status", 503), body.get("times", 1)
    if not isinstance(status, int) or not 100 <= status <= 599:
        raise ValueError("status must be an HTTP status code")
    if not isinstance(times, int) or times < 1:
        raise ValueError("times must be a positive integer")
    retry = body.get("retry_after")
    return Fault(method.upper(), path, mode, status, times, None if retry is None else str(retry))


class FaultBook:
    """The armed faults; thread-safe."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()

    def arm(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def armed(self) -> list[dict[str, Any]]:
        with self._lock:
            return [asdict(f) for f in self._faults]

    def take(self, method: str, path: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.matches(method, path):
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                    return fault
        return None


class FaultMiddleware:
    """ASGI middleware applying armed faults to ``/api/v1`` requests."""

    def __init__(self, app: ASGIApp, book: FaultBook) -> None:
        self.app = app
        self.book = book

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        fault = None
        if scope["type"] == "http" and str(scope["path"]).startswith(API_PREFIX):
            fault = self.book.take(str(scope["method"]), str(scope["path"]))
        if fault is None:
            await self.app(scope, receive, send)
        elif fault.mode == "status":
            await _send_status(send, fault)
        elif fault.mode == "commit_then_status":
            await self.app(scope, receive, _discard)
            await _send_status(send, fault)
        elif fault.mode == "commit_then_hang":
            await self.app(scope, receive, _discard)
            await _until_disconnected(receive)
        else:
            if fault.mode == "commit_then_drop":
                await self.app(scope, receive, _discard)
            await _abort(scope)


async def _discard(message: Message) -> None:
    """A ``send`` that drops the response."""


async def _until_disconnected(receive: Receive) -> None:
    """Wait (answering nothing) until the client closes or loses the connection."""
    while (await receive())["type"] != "http.disconnect":
        pass


async def _send_status(send: Send, fault: Fault) -> None:
    body = json.dumps(
        {
            "name": STATUS_NAMES.get(fault.status, "Error"),
            "message": "Injected sandbox fault.",
            "code": 0,
            "status": fault.status,
        }
    ).encode()
    headers = [
        (b"content-type", b"application/json; charset=UTF-8"),
        (b"content-length", str(len(body)).encode()),
    ]
    if fault.retry_after is not None:
        headers.append((b"retry-after", fault.retry_after.encode("latin-1")))
    await send({"type": "http.response.start", "status": fault.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _abort(scope: Scope) -> None:
    abort = scope.get("extensions", {}).get(ABORT_KEY)
    if abort is None:  # not served by our uvicorn protocol (e.g. an in-process transport)
        raise ConnectionAbortedError("sandbox fault: connection dropped")
    abort()
    for _ in range(3):  # let the loop deliver connection_lost before the app returns
        await asyncio.sleep(0)


def abortable(protocol_class: type[asyncio.Protocol]) -> type[asyncio.Protocol]:
    """Subclass a uvicorn HTTP protocol so request scopes can abort their connection."""

    class AbortableProtocol(protocol_class):  # type: ignore[valid-type,misc]
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            super().connection_made(transport)
            inner: ASGIApp = self.__dict__["app"]  # set by uvicorn's protocol __init__

            async def app(scope: Scope, receive: Receive, send: Send) -> None:
                extensions = dict(scope.get("extensions") or {})
                extensions[ABORT_KEY] = transport.abort  # type: ignore[attr-defined]
                await inner({**scope, "extensions": extensions}, receive, send)

            self.app = app

    return AbortableProtocol
