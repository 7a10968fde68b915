"""The sandbox ASGI application: HumHub REST routes under ``/api/v1``, the browser pages, the
``/_sandbox`` control API, HumHub's error shapes and the fault-injection middleware.

Responses are gzip-compressed like a HumHub behind nginx/Apache with compression on: when the
client sends ``Accept-Encoding: gzip`` and the body has at least :data:`GZIP_MIN_BYTES` bytes
(Starlette's ``GZipMiddleware``, level :data:`GZIP_LEVEL` like Apache's mod_deflate default).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount
from starlette.types import ASGIApp, Receive, Scope, Send

from sandbox import control, pages, routes_api, routes_content, routes_polls, routes_threads
from sandbox.faults import FaultBook, FaultMiddleware
from sandbox.http import YiiError, route_not_found, yii_body, yii_response
from sandbox.simulation import Simulation
from sandbox.world import World

PAGE_NOT_FOUND = "Page not found."
GZIP_MIN_BYTES = 500
GZIP_LEVEL = 6


async def _yii_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, YiiError)  # noqa: S101 - registered for YiiError only
    return yii_response(exc)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)  # noqa: S101 - registered for HTTPException only
    path = request.url.path
    if path.startswith("/api/") and exc.status_code in (404, 405):
        # Yii's REST URL rules include the verb: a known path with another verb is no route
        return JSONResponse(route_not_found(path), 404)
    if path.startswith(("/api/", "/_sandbox/")):
        if exc.status_code == 404:
            return JSONResponse(yii_body(404, PAGE_NOT_FOUND), 404)
        message = exc.detail
        if exc.status_code == 405:
            allowed = (exc.headers or {}).get("Allow", "")
            message = f"Method Not Allowed. This URL can only handle the following request methods: {allowed}."
        return JSONResponse(yii_body(exc.status_code, message), exc.status_code, exc.headers)
    if exc.status_code == 404:
        return pages.not_found()
    return pages.page(str(exc.detail), "", exc.status_code)


class RestModuleSwitch:
    """With the REST module off (`World.rest_api`), `/api/…` is an ordinary web path: HumHub
    answers it with its HTML "page not found", as a real server does."""

    def __init__(self, app: ASGIApp, world: World) -> None:
        self.app, self.world = app, world

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = str(scope.get("path", ""))
        if scope["type"] == "http" and not self.world.rest_api and path.startswith("/api/"):
            await pages.not_found()(scope, receive, send)
            return
        await self.app(scope, receive, send)


async def _crash(request: Request, exc: Exception) -> Response:
    return JSONResponse(yii_body(500, "An internal server error occurred."), 500)


def build_app(world: World, simulation: Simulation, faults: FaultBook) -> ASGIApp:
    """The full ASGI app; the simulation runs while the app's lifespan is active."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        simulation.start()
        try:
            yield
        finally:
            await simulation.stop()

    app = Starlette(
        routes=[
            Mount(
                "/api/v1",
                routes=routes_api.ROUTES
                + routes_content.ROUTES
                + routes_threads.ROUTES
                + routes_polls.ROUTES,
            ),
            Mount("/_sandbox", routes=control.ROUTES),
            *pages.ROUTES,
        ],
        middleware=[
            Middleware(GZipMiddleware, minimum_size=GZIP_MIN_BYTES, compresslevel=GZIP_LEVEL)
        ],
        exception_handlers={YiiError: _yii_error, HTTPException: _http_error, Exception: _crash},
        lifespan=lifespan,
    )
    app.state.world = world
    app.state.simulation = simulation
    app.state.faults = faults
    return FaultMiddleware(RestModuleSwitch(app, world), faults)
