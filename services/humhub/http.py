"""The connector's one httpx.AsyncClient: TLS, timeouts, deadline, origin guard, capped reads.

Owns transport concerns only: it returns decoded JSON (`object`) or raises a ServiceError; it
never retries, never follows redirects and never logs bodies, tokens or query strings.

Proxy trap (RELIABILITY §4): httpx ignores HTTP(S)_PROXY/NO_PROXY as soon as a custom
`transport=` is passed. Production therefore passes no transport (httpx builds its own
transports from `verify=` and the environment, `trust_env=True`); only tests inject one. For
the same reason there are no transport-level connect retries (they need a custom transport).
"""

from __future__ import annotations

import asyncio
import json
import logging
import ssl
from collections.abc import Awaitable, Callable
from datetime import timedelta

import httpx
import truststore

from services.errors import NotAnApiError, RequestTimeoutError, ResponseError
from services.humhub.failures import from_status, from_transport_error
from services.urls import api_url, origin_of

logger = logging.getLogger(__name__)

TIMEOUT = httpx.Timeout(connect=5.0, read=20.0, write=10.0, pool=5.0)
DEFAULT_DEADLINE = timedelta(seconds=30)
MAX_BODY_BYTES = 4 * 1024 * 1024  # decoded bytes; also bounds a gzip bomb
QueryParams = dict[str, str | int]
RequestHook = Callable[[httpx.Request], Awaitable[None]]


def build_client(
    *,
    transport: httpx.AsyncBaseTransport | None,
    user_agent: str,
    language: str | None,
    on_request: RequestHook | None = None,
) -> httpx.AsyncClient:
    """Create the client: OS trust store, explicit timeouts, no redirects, JSON only."""
    headers = {"Accept": "application/json", "User-Agent": user_agent}
    if language:
        headers["Accept-Language"] = language
    return httpx.AsyncClient(
        headers=headers,
        timeout=TIMEOUT,
        follow_redirects=False,
        verify=truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT),
        trust_env=True,
        transport=transport,
        event_hooks={"request": [on_request] if on_request else [], "response": []},
    )


class ApiHttp:
    """Sends API requests to one origin; the bearer token never leaves that origin."""

    def __init__(
        self,
        base_url: str,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        user_agent: str,
        language: str | None = None,
        deadline: timedelta = DEFAULT_DEADLINE,
        max_body_bytes: int = MAX_BODY_BYTES,
    ) -> None:
        self._base_url = base_url
        self._origin = origin_of(base_url)
        self._token: str | None = None
        self._deadline = deadline
        self._max_body_bytes = max_body_bytes
        self._client_options = (transport, user_agent, language)
        self._client = self._new_client()

    def _new_client(self) -> httpx.AsyncClient:
        transport, user_agent, language = self._client_options
        return build_client(
            transport=transport,
            user_agent=user_agent,
            language=language,
            on_request=self._guard_origin,
        )

    async def reset(self) -> None:
        """Close the pool and start a fresh one (stale sockets after a suspend)."""
        old, self._client = self._client, self._new_client()
        await old.aclose()

    def set_token(self, token: str | None) -> None:
        """Use `token` as the bearer credential from now on (None: send none)."""
        self._token = token or None

    @property
    def has_token(self) -> bool:
        """Whether a credential is set."""
        return self._token is not None

    async def call(
        self,
        method: str,
        path: str,
        *,
        params: QueryParams | None = None,
        body: dict[str, object] | None = None,
        auth: bool = True,
    ) -> object:
        """Send one request to `<base>/api/v1<path>` and return its decoded JSON body."""
        return (await self.call_dated(method, path, params=params, body=body, auth=auth))[0]

    async def call_dated(
        self,
        method: str,
        path: str,
        *,
        params: QueryParams | None = None,
        body: dict[str, object] | None = None,
        auth: bool = True,
    ) -> tuple[object, str | None]:
        """Like `call`, plus the answer's HTTP `Date` header (the server's clock, in UTC)."""
        what = f"{method} {path}"
        response, data = await self._send(method, path, params=params, body=body, auth=auth)
        if not 200 <= response.status_code < 300:
            raise from_status(response.status_code, headers=response.headers, body=data, what=what)
        decoded = decode_json(data, response.headers.get("content-type", ""), what)
        return decoded, response.headers.get("date")

    async def probe(self, path: str, *, params: QueryParams | None = None) -> tuple[int, object]:
        """GET `path` for a feature probe: (status, JSON body or None), without raising on 4xx.

        Still raises for what says nothing about features: transport errors, 401, 429, 5xx.
        """
        what = f"GET {path}"
        response, data = await self._send("GET", path, params=params, body=None, auth=True)
        status = response.status_code
        if status in (401, 429) or status >= 500:
            raise from_status(status, headers=response.headers, body=data, what=what)
        try:
            return status, decode_json(data, response.headers.get("content-type", ""), what)
        except ResponseError:
            return status, None

    async def fetch(self, url: str, *, limit: int) -> tuple[int, str, bytes]:
        """GET an absolute URL of the intranet's own origin (status, content type, body up to
        `limit` bytes); another origin is refused before any request (ResponseError)."""
        if origin_of(url) != self._origin:
            raise ResponseError("refused to fetch from another origin")
        headers = {"Authorization": f"Bearer {self._token}"} if self._token else {}
        request = self._client.build_request("GET", url, headers=headers)
        seconds = self._deadline.total_seconds()
        try:
            async with asyncio.timeout(seconds):
                response = await self._client.send(request, stream=True)
                try:
                    data = await read_capped(response, limit, "GET image")
                finally:
                    await response.aclose()
        except TimeoutError as exc:
            raise RequestTimeoutError(f"GET image: no answer within {seconds:g} s") from exc
        except httpx.HTTPError as exc:
            raise from_transport_error(exc, "GET image") from exc
        return response.status_code, response.headers.get("content-type", ""), data

    async def _send(
        self,
        method: str,
        path: str,
        *,
        params: QueryParams | None,
        body: dict[str, object] | None,
        auth: bool,
    ) -> tuple[httpx.Response, bytes]:
        what = f"{method} {path}"  # never the query string: it could carry a token
        url = api_url(self._base_url, path)
        headers: dict[str, str] = {}
        if auth and self._token is not None and origin_of(url) == self._origin:
            headers["Authorization"] = f"Bearer {self._token}"
        request = self._client.build_request(method, url, params=params, json=body, headers=headers)
        seconds = self._deadline.total_seconds()
        try:
            async with asyncio.timeout(seconds):
                response, data = await self._exchange(request, what)
        except TimeoutError as exc:
            raise RequestTimeoutError(f"{what}: no complete answer within {seconds:g} s") from exc
        logger.debug("%s → %d (%d bytes)", what, response.status_code, len(data))
        return response, data

    async def _exchange(self, request: httpx.Request, what: str) -> tuple[httpx.Response, bytes]:
        try:
            response = await self._client.send(request, stream=True)
        except httpx.HTTPError as exc:
            raise from_transport_error(exc, what) from exc
        try:
            return response, await read_capped(response, self._max_body_bytes, what)
        except httpx.HTTPError as exc:
            raise from_transport_error(exc, what) from exc
        finally:
            await response.aclose()

    async def _guard_origin(self, request: httpx.Request) -> None:
        """Event hook: strip credentials from any request that leaves the configured origin."""
        if origin_of(str(request.url)) != self._origin and "authorization" in request.headers:
            del request.headers["authorization"]
            logger.warning(
                "Removed credentials from a request to another origin (%s)", request.url.host
            )

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._client.aclose()


async def read_capped(response: httpx.Response, limit: int, what: str) -> bytes:
    """Read the decoded body, aborting with ResponseError once it exceeds `limit` bytes."""
    declared = response.headers.get("content-length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > limit:
        raise ResponseError(f"{what}: response of {declared} bytes exceeds {limit}")
    data = bytearray()
    async for chunk in response.aiter_bytes():
        data += chunk
        if len(data) > limit:
            # Close the response here, in this task, before the body's iterators are left
            # behind: qasync installs no async-generator hooks, so httpcore's iterator was
            # finalised by the garbage collector, outside any loop; it marked the stream closed
            # without closing the connection, which then stayed open until quit.
            await response.aclose()
            raise ResponseError(f"{what}: response exceeds {limit} bytes")
    return bytes(data)


def decode_json(data: bytes, content_type: str, what: str) -> object:
    """Decode a JSON body; HTML becomes NotAnApiError, anything unreadable ResponseError."""
    head = data.lstrip()[:1]
    if "html" in content_type.lower() or head == b"<":
        raise NotAnApiError(f"{what}: HTML where JSON was expected (portal or not the API)")
    if not head:
        raise ResponseError(f"{what}: empty response body")
    try:
        return json.loads(data)
    except RecursionError as exc:
        raise ResponseError(f"{what}: JSON nested too deeply") from exc
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, int too long
        raise ResponseError(f"{what}: unreadable JSON ({type(exc).__name__})") from exc
