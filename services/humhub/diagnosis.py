"""`startpunt doctor`: check an intranet step by step (address, DNS, TCP, TLS, API, sign-in).

Each check yields one `CheckResult` as soon as it is known, so a slow step shows where it hangs.
English text: the audience is IT reading a terminal. Never prints or logs a token or password.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import ssl
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import truststore

from services.errors import (
    AuthError,
    InsecureUrlError,
    NotAnApiError,
    NotFoundError,
    ServiceError,
    ValidationError,
)
from services.humhub.connector import HumHubConnector
from services.humhub.failures import (
    TLS_EXPIRED,
    TLS_HOSTNAME_MISMATCH,
    TLS_NOT_YET_VALID,
    TLS_UNKNOWN_CA,
    tls_reason,
)
from services.urls import normalise_base_url

NETWORK_TIMEOUT_S = 8.0
_TLS_ADVICE = {
    TLS_UNKNOWN_CA: "certificate not trusted (unknown CA): install the organisation's CA "
    "in the operating system's trust store",
    TLS_EXPIRED: "certificate has expired: renew it on the server",
    TLS_NOT_YET_VALID: "certificate not yet valid: check this machine's clock",
    TLS_HOSTNAME_MISMATCH: "certificate is for another host name: check the address",
}


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One line of the report."""

    name: str
    ok: bool
    detail: str


@dataclass(frozen=True, slots=True)
class Credentials:
    """What to sign in with: a token, or a username and password."""

    token: str | None = None
    username: str | None = None
    password: str | None = None


ConnectorFactory = Callable[[str], HumHubConnector]


async def diagnose(
    raw_url: str,
    credentials: Credentials,
    *,
    connector_factory: ConnectorFactory = HumHubConnector,
) -> AsyncIterator[CheckResult]:
    """Run the checks in order; stop after the first failure of a network step."""
    try:
        base = normalise_base_url(raw_url)
    except InsecureUrlError as exc:
        yield CheckResult("address", False, f"{exc} (use https://host)")
        return
    parts = urlsplit(base)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    yield CheckResult("address", True, base)
    steps: tuple[Callable[[], Awaitable[CheckResult]], ...] = (
        lambda: _dns(host, port),
        lambda: _tcp(host, port),
        lambda: _tls(parts.scheme, host, port),
    )
    for step in steps:
        result = await step()
        yield result
        if not result.ok:
            return
    connector = connector_factory(base)
    try:
        async for result in _api_checks(connector, credentials):
            yield result
            if not result.ok:
                return
    finally:
        await connector.aclose()


async def _dns(host: str, port: int) -> CheckResult:
    loop = asyncio.get_running_loop()
    try:
        infos = await asyncio.wait_for(
            loop.getaddrinfo(host, port, type=socket.SOCK_STREAM), NETWORK_TIMEOUT_S
        )
    except (OSError, TimeoutError) as exc:
        return CheckResult("dns", False, f"cannot resolve {host}: {exc}")
    addresses = sorted({str(info[4][0]) for info in infos})
    return CheckResult("dns", True, f"{host} resolves to {', '.join(addresses[:4])}")


async def _tcp(host: str, port: int) -> CheckResult:
    started = time.monotonic()
    try:
        _, writer = await asyncio.wait_for(asyncio.open_connection(host, port), NETWORK_TIMEOUT_S)
    except (OSError, TimeoutError) as exc:
        reason = "timed out" if isinstance(exc, TimeoutError) else str(exc)
        return CheckResult("tcp", False, f"cannot connect to {host}:{port}: {reason}")
    await _close(writer)
    ms = (time.monotonic() - started) * 1000
    return CheckResult("tcp", True, f"port {port} open ({ms:.0f} ms)")


async def _tls(scheme: str, host: str, port: int) -> CheckResult:
    if scheme != "https":
        return CheckResult("tls", True, "not used: plain http is only allowed on loopback")
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    try:
        _, writer = await asyncio.wait_for(
            asyncio.open_connection(host, port, ssl=context, server_hostname=host),
            NETWORK_TIMEOUT_S,
        )
    except (OSError, TimeoutError) as exc:
        reason = tls_reason(exc)
        if reason is None:
            return CheckResult("tls", False, f"TLS handshake failed: {exc}")
        return CheckResult("tls", False, _TLS_ADVICE.get(reason, f"certificate refused: {exc}"))
    ssl_object = writer.get_extra_info("ssl_object")
    version = ssl_object.version() if isinstance(ssl_object, ssl.SSLObject) else "TLS"
    await _close(writer)
    return CheckResult("tls", True, f"{version}, certificate trusted by the operating system")


async def _close(writer: asyncio.StreamWriter) -> None:
    writer.close()
    with contextlib.suppress(OSError, TimeoutError):
        await asyncio.wait_for(writer.wait_closed(), 2)


async def _api_checks(
    connector: HumHubConnector, credentials: Credentials
) -> AsyncIterator[CheckResult]:
    yield await _api_present(connector)
    yield await _sign_in(connector, credentials)
    try:
        caps = await connector.capabilities()
    except ServiceError as exc:
        yield CheckResult("modules", False, f"could not read capabilities: {exc}")
        return
    polls = "installed" if caps.polls else "not installed (poll features hidden)"
    yield CheckResult(
        "modules", True, f"comment API: HumHub {caps.comment_api.value} shape; polls: {polls}"
    )


async def _api_present(connector: HumHubConnector) -> CheckResult:
    """Ask who we are without credentials: a HumHub REST API answers 401 in JSON."""
    try:
        await connector.current_user()
    except AuthError:
        return CheckResult("api", True, "HumHub REST API answers at /api/v1")
    except NotAnApiError:
        return CheckResult(
            "api",
            False,
            "an HTML page answered, not the API: wrong address, a login portal, "
            "or HumHub's pretty URLs are off",
        )
    except NotFoundError:
        return CheckResult("api", False, "no /api/v1 here: the REST API module is not enabled")
    except ServiceError as exc:
        return CheckResult("api", False, f"the API did not answer as expected: {exc}")
    return CheckResult("api", True, "HumHub REST API answers at /api/v1 (open access)")


async def _sign_in(connector: HumHubConnector, credentials: Credentials) -> CheckResult:
    try:
        if credentials.token:
            connector.use_token(credentials.token)
        elif credentials.username is not None and credentials.password is not None:
            await connector.sign_in(credentials.username, credentials.password)
        else:
            return CheckResult("sign-in", False, "not checked: give --token-env VAR or --user NAME")
        user = await connector.current_user()
    except (AuthError, ValidationError) as exc:
        what = "token" if credentials.token else "username or password"
        detail = exc.server_message or "refused"
        return CheckResult("sign-in", False, f"{what} refused ({detail})")
    except ServiceError as exc:
        return CheckResult("sign-in", False, f"sign-in failed: {exc}")
    return CheckResult(
        "sign-in", True, f"signed in as {user.person.display_name} ({user.username})"
    )
