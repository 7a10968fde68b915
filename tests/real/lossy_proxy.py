"""A small HTTP proxy on 127.0.0.1 that loses what a flaky network loses.

It reads one request per client connection, forwards it to the upstream server over a new
connection (``Connection: close``), and passes the answer back, except for requests that
``lose`` picks: then it either forwards the request and drops the answer (the server did the
work, the client never hears of it: ``"answer"``) or drops the request itself (``"request"``),
and closes the client's connection without a byte. Every request line is recorded.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable
from typing import Literal

Loss = Literal["answer", "request"]
HEAD_LIMIT = 64 * 1024


def _read_until(conn: socket.socket, data: bytes, marker: bytes) -> bytes:
    while marker not in data:
        chunk = conn.recv(65536)
        if not chunk:
            break
        data += chunk
        if len(data) > HEAD_LIMIT and marker not in data:
            raise ValueError("request head too long")
    return data


def _read_request(conn: socket.socket) -> bytes:
    data = _read_until(conn, b"", b"\r\n\r\n")
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return _with_close(head) + b"\r\n\r\n" + body


def _with_close(head: bytes) -> bytes:
    """The head with ``Connection: close`` instead of whatever the client asked for."""
    lines = [line for line in head.split(b"\r\n") if not line.lower().startswith(b"connection:")]
    return b"\r\n".join([*lines, b"Connection: close"])


class LossyProxy:
    """``with LossyProxy(port, lose) as proxy:`` then talk to ``proxy.url``."""

    def __init__(
        self,
        upstream_port: int,
        lose: Callable[[str], bool],
        *,
        loss: Loss = "answer",
        times: int = 1,
    ) -> None:
        self._upstream = ("127.0.0.1", upstream_port)
        self._lose = lose
        self._loss = loss
        self._left = times
        self._lock = threading.Lock()
        self.requests: list[str] = []  # request lines, in order
        self.lost: list[str] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def __enter__(self) -> LossyProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(OSError):  # wakes the blocked accept() (close alone does not)
            self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()
        self._thread.join(timeout=10)
        assert not self._thread.is_alive(), "the proxy did not stop"

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:  # closed by __exit__
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _take_loss(self, line: str) -> bool:
        with self._lock:
            self.requests.append(line)
            if self._left > 0 and self._lose(line):
                self._left -= 1
                self.lost.append(line)
                return True
            return False

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            try:
                request = _read_request(conn)
            except (OSError, ValueError):
                return
            if not request.strip():
                return
            line = request.split(b"\r\n", 1)[0].decode("latin-1")
            lose = self._take_loss(line)
            if lose and self._loss == "request":
                return  # closed unanswered, never forwarded
            answer = self._forward(request)
            if lose:
                return  # the server did the work; the client never hears of it
            with contextlib.suppress(OSError):
                conn.sendall(answer)

    def _forward(self, request: bytes) -> bytes:
        with socket.create_connection(self._upstream, timeout=60) as upstream:
            upstream.sendall(request)
            chunks = []
            while chunk := upstream.recv(65536):
                chunks.append(chunk)
        answer = b"".join(chunks)
        head, sep, body = answer.partition(b"\r\n\r\n")
        return _with_close(head) + sep + body
