"""The connector on real sockets (127.0.0.1 only): TLS verdicts and environment proxies.

No custom transport here, so this is the production client: truststore + environment proxies.
Certificates are made with `cryptography` (skipped if absent); trust comes from SSL_CERT_FILE,
which truststore honours on Linux through OpenSSL's default verify paths.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import ssl
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from services.errors import OfflineError, RequestTimeoutError, ServiceError, TlsError
from services.humhub import HumHubConnector
from tests.fakes.certs import write_certs
from tests.unit.test_humhub_support import TOKEN, run

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="SSL_CERT_FILE trust is Linux-only")

PROXY_VARS = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy")  # fmt: skip
BODY = b'{"total":0,"page":1,"pages":1,"results":[]}'
StreamHandler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


@pytest.fixture(autouse=True)
def _no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARS:
        monkeypatch.delenv(name, raising=False)


async def _answer_json(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        await reader.readuntil(b"\r\n\r\n")
        head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(BODY)}\r\nConnection: close\r\n\r\n"
        writer.write(head.encode() + BODY)
        await writer.drain()
    except (OSError, asyncio.IncompleteReadError, ssl.SSLError):
        pass
    finally:
        writer.close()
        with contextlib.suppress(OSError, ssl.SSLError):
            await writer.wait_closed()


async def _probe_via(
    handler: StreamHandler, server_ssl: ssl.SSLContext | None, url_host: str
) -> ServiceError | None:
    """Serve `handler` on 127.0.0.1 and run one probe against https://url_host:port."""
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda _loop, _context: None)  # server-side handshake noise
    server = await asyncio.start_server(handler, "127.0.0.1", 0, ssl=server_ssl)
    port = server.sockets[0].getsockname()[1]
    conn = HumHubConnector(f"https://{url_host}:{port}", token=TOKEN)
    try:
        await conn.probe_unseen()
    except ServiceError as exc:
        return exc
    finally:
        await conn.aclose()
        server.close()
        await server.wait_closed()
    return None


def _tls_case(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    trusted: bool,
    cert_host: str,
    valid: tuple[timedelta, timedelta],
) -> ServiceError | None:
    now = datetime.now(UTC)
    validity = (now + valid[0], now + valid[1])
    ca, leaf, key = write_certs(tmp_path, host=cert_host, validity=validity)
    if trusted:
        monkeypatch.setenv("SSL_CERT_FILE", str(ca))
    else:
        monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "empty.pem"))
        (tmp_path / "empty.pem").write_text("")
    server_ssl = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ssl.load_cert_chain(leaf, key)
    return run(_probe_via(_answer_json, server_ssl, "localhost"))


VALID = (timedelta(days=-1), timedelta(days=10))


def test_trusted_corporate_ca_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert (
        _tls_case(tmp_path, monkeypatch, trusted=True, cert_host="localhost", valid=VALID) is None
    )


@pytest.mark.parametrize(
    ("trusted", "cert_host", "valid", "reason"),
    [
        (False, "localhost", VALID, "unknown_ca"),
        (True, "localhost", (timedelta(days=-10), timedelta(days=-1)), "expired"),
        (True, "localhost", (timedelta(days=2), timedelta(days=10)), "not_yet_valid"),
        (True, "intranet.example.org", VALID, "hostname_mismatch"),
    ],
)
def test_certificate_problems_are_tls_errors(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    trusted: bool,
    cert_host: str,
    valid: tuple[timedelta, timedelta],
    reason: str,
) -> None:
    error = _tls_case(tmp_path, monkeypatch, trusted=trusted, cert_host=cert_host, valid=valid)
    assert isinstance(error, TlsError)
    assert error.reason == reason


def test_environment_proxy_is_used_and_gets_no_token(monkeypatch: pytest.MonkeyPatch) -> None:
    """RELIABILITY #32: without a custom transport, HTTPS_PROXY is honoured (CONNECT tunnel)."""
    received: list[bytes] = []

    async def proxy(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            received.append(await reader.readuntil(b"\r\n\r\n"))
            writer.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
            await writer.drain()
        finally:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()

    async def scenario() -> ServiceError | None:
        server = await asyncio.start_server(proxy, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{port}")
        conn = HumHubConnector("https://intranet.example.org", token=TOKEN)
        try:
            await conn.probe_unseen()
        except ServiceError as exc:
            return exc
        finally:
            await conn.aclose()
            server.close()
            await server.wait_closed()
        return None

    error = run(scenario())
    assert isinstance(error, OfflineError)
    assert len(received) == 1
    assert received[0].startswith(b"CONNECT intranet.example.org:443 HTTP/1.1\r\n")
    assert TOKEN.encode() not in received[0]


def test_closed_port_is_offline_connection_refused() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    async def scenario() -> ServiceError | None:
        conn = HumHubConnector(f"http://127.0.0.1:{port}", token=TOKEN)
        try:
            await conn.probe_unseen()
        except ServiceError as exc:
            return exc
        finally:
            await conn.aclose()
        return None

    error = run(scenario())
    assert type(error) is OfflineError
    assert "connection refused" in str(error)


def test_silent_server_hits_the_deadline() -> None:
    writers: list[asyncio.StreamWriter] = []

    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writers.append(writer)  # never answers

    async def scenario() -> tuple[ServiceError | None, float]:
        server = await asyncio.start_server(silent, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        conn = HumHubConnector(
            f"http://127.0.0.1:{port}", token=TOKEN, deadline=timedelta(seconds=0.4)
        )
        started = time.monotonic()
        try:
            await conn.probe_unseen()
        except ServiceError as exc:
            return exc, time.monotonic() - started
        finally:
            await conn.aclose()
            for writer in writers:
                writer.close()
                with contextlib.suppress(OSError):
                    await writer.wait_closed()
            server.close()
            await server.wait_closed()
        return None, 0.0

    error, elapsed = run(scenario())
    assert isinstance(error, RequestTimeoutError)
    assert elapsed < 3.0
