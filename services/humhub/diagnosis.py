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
from datetime import UTC, datetime, timedelta, tzinfo
from urllib.parse import urlsplit

import truststore

from services.errors import (
    AuthError,
    InsecureUrlError,
    NotFoundError,
    ServiceError,
    ValidationError,
)
from services.humhub.connector import HumHubConnector
from services.humhub.doctor_probe import fetch_page
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
    yield await _api_present(connector.base_url)
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


async def _api_present(base: str) -> CheckResult:
    """Ask who we are without credentials: a HumHub REST API answers 401 (or 200) in JSON.

    Anything else says only that the API is not at this address; HumHub's sign-in page tells
    whether HumHub itself is there (REST module off), elsewhere on the host (wrong path), or
    not at all.
    """
    try:
        api = await fetch_page(f"{base}/api/v1/auth/current")
    except ServiceError as exc:
        return CheckResult("api", False, f"the API did not answer: {exc}")
    if api.is_json and api.status in (200, 401):
        open_access = " (open access)" if api.status == 200 else ""
        return CheckResult("api", True, f"HumHub REST API answers at /api/v1{open_access}")
    if api.redirect_host:
        return CheckResult(
            "api",
            False,
            f"/api/v1 redirects to {api.redirect_host!r}: a sign-in portal or proxy is in "
            "between, or this is not the intranet's address",
        )
    try:
        login = await fetch_page(f"{base}/user/auth/login")
    except ServiceError:
        login = None
    if login is not None and login.status == 200 and login.is_humhub:
        return CheckResult(
            "api",
            False,
            "HumHub answers at this address, but its REST API does not: the REST API module "
            "is not enabled (Administration > Modules), or HumHub's pretty URLs are off",
        )
    if api.is_humhub or (login is not None and login.is_humhub):
        return CheckResult(
            "api",
            False,
            "this server runs HumHub, but not at this path: check the path in the address",
        )
    answer = f"HTTP {api.status}" + (" with an HTML page" if api.is_html else "")
    return CheckResult(
        "api",
        False,
        f"no HumHub at this address: /api/v1/auth/current answered {answer}; "
        "check the address (a wrong host or path, or a login portal)",
    )


THROTTLE_HINT = "wrong username or password, or too many attempts: wait a minute and try again"


async def _sign_in(connector: HumHubConnector, credentials: Credentials) -> CheckResult:
    """One sign-in, never repeated: HumHub throttles failed attempts (see THROTTLE_HINT)."""
    step = "sign-in"
    try:
        if credentials.token:
            connector.use_token(credentials.token)
        elif credentials.username is not None and credentials.password is not None:
            await connector.sign_in(credentials.username, credentials.password)
            step = "current"
        else:
            return CheckResult("sign-in", False, "not checked: give --token-env VAR or --user NAME")
        user = await connector.current_user()
    except NotFoundError:
        if step == "sign-in" and not credentials.token:
            return CheckResult(
                "sign-in",
                False,
                "password sign-in is switched off on this intranet; use a token (--token-env VAR)",
            )
        return CheckResult("sign-in", False, "sign-in failed: /api/v1/auth/current not found")
    except (AuthError, ValidationError) as exc:
        return CheckResult(
            "sign-in", False, _refusal(exc, credentials, signed_in=step != "sign-in")
        )
    except ServiceError as exc:
        return CheckResult("sign-in", False, f"sign-in failed: {exc}")
    clock = _describe_zone(connector.server_timezone)
    return CheckResult(
        "sign-in", True, f"signed in as {user.person.display_name} ({user.username}); {clock}"
    )


def _describe_zone(zone: tzinfo) -> str:
    """How server times are read (estimated from the server's clock, or from the setting)."""
    offset = zone.utcoffset(datetime.now(UTC)) or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"server times read as UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _refusal(exc: ServiceError, credentials: Credentials, *, signed_in: bool) -> str:
    detail = getattr(exc, "server_message", "") or "refused"
    if credentials.token:
        return f"token refused ({detail})"
    if signed_in:
        return f"signed in, but the server refused the new token ({detail})"
    if getattr(exc, "status", 0) == 401:
        return (
            f"this user may not use the REST API ({detail}): an admin allows it in the "
            "REST API module's settings"
        )
    # HumHub answers a throttled attempt exactly like a wrong password (400).
    return f"{THROTTLE_HINT} ({detail})"
