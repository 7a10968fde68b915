"""A counting TCP proxy for the benchmarks: bytes both ways and HTTP/1.1 requests/responses.

Runs its own asyncio loop in a daemon thread; knows nothing about the app or the figures.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass

# A response starts with its status line, right after the previous body (which need not
# end in CRLF), so these match anywhere; a body that quotes an HTTP status line would
# be miscounted, which the JSON of an intranet API does not do.
_STATUS = re.compile(rb"HTTP/1\.[01] [1-5]\d\d [^\r\n]*\r\n")
_REQUEST = re.compile(rb"(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \S+ HTTP/1\.[01]\r\n")


@dataclass(slots=True)
class Counters:
    connections: int = 0
    bytes_up: int = 0
    bytes_down: int = 0
    requests: int = 0
    responses: int = 0

    def minus(self, other: Counters) -> Counters:
        return Counters(*(getattr(self, f) - getattr(other, f) for f in self.__dataclass_fields__))


class _Scanner:
    """Counts pattern hits in a byte stream that arrives in arbitrary chunks."""

    def __init__(self, pattern: re.Pattern[bytes]) -> None:
        self.pattern = pattern
        self.tail = b""

    def feed(self, chunk: bytes) -> int:
        buf = self.tail + chunk
        hits = sum(1 for m in self.pattern.finditer(buf) if m.end() > len(self.tail))
        self.tail = buf[-256:]
        return hits


class CountingProxy:
    """A TCP proxy on 127.0.0.1 that counts bytes and HTTP/1.1 requests/responses."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.counters = Counters()
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.Server | None = None
        self.port = 0

    def start(self) -> int:
        self._thread.start()
        fut = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._handle, "127.0.0.1", 0), self._loop
        )
        self._server = fut.result(10)
        self.port = int(self._server.sockets[0].getsockname()[1])
        return self.port

    def snapshot(self) -> Counters:
        with self._lock:
            return Counters(**asdict(self.counters))

    def stop(self) -> None:
        async def close() -> None:
            if self._server is not None:
                self._server.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()

        if self._thread.is_alive():
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(close(), self._loop).result(5)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(5)
        self._loop.close()

    def _add(self, **delta: int) -> None:
        with self._lock:
            for name, value in delta.items():
                setattr(self.counters, name, getattr(self.counters, name) + value)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._add(connections=1)
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return

        async def pump(
            src: asyncio.StreamReader,
            dst: asyncio.StreamWriter,
            scanner: _Scanner,
            on_chunk: Callable[[int, int], None],
        ) -> None:
            try:
                while chunk := await src.read(65536):
                    on_chunk(len(chunk), scanner.feed(chunk))
                    dst.write(chunk)
                    await dst.drain()
            except (OSError, asyncio.IncompleteReadError):
                pass
            finally:
                with contextlib.suppress(OSError):
                    dst.close()

        await asyncio.gather(
            pump(
                reader,
                up_writer,
                _Scanner(_REQUEST),
                lambda n, hits: self._add(bytes_up=n, requests=hits),
            ),
            pump(
                up_reader,
                writer,
                _Scanner(_STATUS),
                lambda n, hits: self._add(bytes_down=n, responses=hits),
            ),
        )
