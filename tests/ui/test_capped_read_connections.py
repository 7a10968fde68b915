"""A body cut at the size cap closes its TCP connection, under qasync as under plain asyncio.

Issue 7 (RELIABILITY row 17, endless chunked stream): under qasync a chunked body cut at the cap left
its connection open until quit (5 of 5), because qasync installs no async-generator hooks
and httpcore's body iterator was finalised outside the loop. Counted on a real 127.0.0.1
server: connections it accepted minus connections whose handling ended.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from desktop.qt_async import QEventLoop
from services.errors import ResponseError
from services.humhub.http import ApiHttp
from tests.fakes.hostile import HostileServer, Reply, hostile_server

CAP = 64 * 1024
ROUNDS = 5


def _endless_body() -> Iterator[bytes]:
    chunk = b"[" + b"1," * 8191
    for _ in range(10_000):  # 160 MiB: far beyond the cap, bounded all the same
        yield chunk


async def _cut_bodies(server: HostileServer) -> int:
    http = ApiHttp(server.url, user_agent="test", max_body_bytes=CAP)
    cut = 0
    try:
        for _ in range(ROUNDS):
            with pytest.raises(ResponseError, match="exceeds"):
                await http.call("GET", "/notification")
            cut += 1
        # Wait on the loop (not in a blocking sleep) so the loop can finish any closing.
        deadline = asyncio.get_running_loop().time() + 5.0
        while server.open_connections and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.02)
        return cut
    finally:
        await http.aclose()


@pytest.mark.parametrize("loop_kind", ["qasync", "asyncio"])
def test_cut_bodies_leave_no_connection_open(qapp, loop_kind: str) -> None:
    with hostile_server(lambda method, path, query: Reply(chunks=_endless_body())) as server:
        loop = QEventLoop(qapp) if loop_kind == "qasync" else asyncio.new_event_loop()
        try:
            assert loop.run_until_complete(_cut_bodies(server)) == ROUNDS
            open_before_close = server.open_connections
        finally:
            loop.close()
        assert server.accepted == ROUNDS  # a cut connection is never reused
        assert open_before_close == 0, f"{open_before_close} of {ROUNDS} connections left open"
