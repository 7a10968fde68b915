"""A misbehaving HumHub API on 127.0.0.1: a real HTTP/1.1 server in a thread, for fault tests.

Each test gives it a `route` function: (method, path, query) → `Reply`. The server records
every request and counts TCP connections it accepted and that ended, so a test can count
requests (a runaway catch-up) and connections left open (a leak). Loopback only.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

Query = dict[str, str]


@dataclass
class Reply:
    """One answer: a JSON value, raw bytes, or chunks sent with chunked transfer encoding."""

    status: int = 200
    json_body: object = None
    body: bytes | None = None
    chunks: Iterable[bytes] | None = None
    content_type: str = "application/json"

    def payload(self) -> bytes:
        if self.body is not None:
            return self.body
        return json.dumps(self.json_body).encode()


Route = Callable[[str, str, Query], Reply]


def notification_page(items: Sequence[object], *, total: int, page: int, pages: int) -> Reply:
    """A notification list envelope as HumHub sends it."""
    return Reply(json_body={"total": total, "page": page, "pages": pages, "results": list(items)})


@dataclass
class _Stats:
    lock: threading.Lock = field(default_factory=threading.Lock)
    requests: list[tuple[str, str, Query]] = field(default_factory=list)
    accepted: int = 0
    ended: int = 0


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    route: Route
    stats: _Stats

    def process_request(self, request: Any, client_address: Any) -> None:
        with self.stats.lock:
            self.stats.accepted += 1
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self.stats.lock:
            self.stats.ended += 1
        super().shutdown_request(request)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        parts = urlsplit(self.path)
        query = dict(parse_qsl(parts.query))
        path = parts.path.removeprefix("/api/v1")
        with self.server.stats.lock:
            self.server.stats.requests.append((self.command, path, query))
        reply = self.server.route(self.command, path, query)
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        if reply.chunks is None:
            payload = reply.payload()
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
            return
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            for chunk in reply.chunks:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
        except OSError:
            self.close_connection = True  # the client went away mid-body

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _answer  # noqa: N815


class HostileServer:
    """Runs `route` behind a real HTTP/1.1 server on 127.0.0.1 until `stop()`."""

    def __init__(self, route: Route) -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.route = route
        self._server.stats = _Stats()
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def set_route(self, route: Route) -> None:
        self._server.route = route

    @property
    def requests(self) -> list[tuple[str, str, Query]]:
        with self._server.stats.lock:
            return list(self._server.stats.requests)

    def count(self, path: str) -> int:
        """How many requests reached `path` (without /api/v1)."""
        return sum(1 for _, p, _ in self.requests if p == path)

    @property
    def open_connections(self) -> int:
        """Connections accepted whose handling has not ended (the peer still holds them)."""
        stats = self._server.stats
        with stats.lock:
            return stats.accepted - stats.ended

    @property
    def accepted(self) -> int:
        with self._server.stats.lock:
            return self._server.stats.accepted

    def wait_open_connections(self, wanted: int, timeout: float) -> int:
        """Wait until at most `wanted` connections are open; return the last count seen."""
        deadline = time.monotonic() + timeout
        while self.open_connections > wanted and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.open_connections

    def start(self) -> HostileServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


@contextlib.contextmanager
def hostile_server(route: Route) -> Iterator[HostileServer]:
    """A started HostileServer, stopped at the end of the block."""
    server = HostileServer(route).start()
    try:
        yield server
    finally:
        server.stop()
