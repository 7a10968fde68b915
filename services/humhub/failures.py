"""Turn httpx exceptions and HTTP error statuses into the services error tree.

The HTTP status decides, never the body's `code` (BRIEF §3). Messages are English log lines
without URLs' query strings, bodies or credentials.
"""

from __future__ import annotations

import json
import logging
import socket
import ssl

import httpx

from services.errors import (
    AuthError,
    ForbiddenError,
    HttpStatusError,
    InsecureUrlError,
    NotAnApiError,
    NotFoundError,
    OfflineError,
    RateLimitedError,
    RequestTimeoutError,
    ResponseError,
    ServerError,
    ServiceError,
    TlsError,
    ValidationError,
)
from services.humhub.parse import parse_error_body
from services.humhub.retry_after import parse_retry_after
from services.urls import origin_of

logger = logging.getLogger(__name__)

TLS_UNKNOWN_CA = "unknown_ca"
TLS_EXPIRED = "expired"
TLS_NOT_YET_VALID = "not_yet_valid"
TLS_HOSTNAME_MISMATCH = "hostname_mismatch"
TLS_OTHER = "other"
TLS_HANDSHAKE = "handshake"

# OpenSSL X509_V_ERR_* codes (x509_vfy.h); truststore on Linux surfaces the same ones.
_TLS_REASON_BY_CODE = {
    2: TLS_UNKNOWN_CA,  # unable to get issuer certificate
    9: TLS_NOT_YET_VALID,
    10: TLS_EXPIRED,
    18: TLS_UNKNOWN_CA,  # self-signed leaf
    19: TLS_UNKNOWN_CA,  # self-signed certificate in chain
    20: TLS_UNKNOWN_CA,  # unable to get local issuer certificate
    21: TLS_UNKNOWN_CA,  # unable to verify the first certificate
    62: TLS_HOSTNAME_MISMATCH,
    64: TLS_HOSTNAME_MISMATCH,  # IP address mismatch
}
_DNS_MARKERS = (
    "name or service not known",
    "nodename nor servname",
    "getaddrinfo",
    "name resolution",
)
# Fallback on the message (macOS/Windows verifiers through truststore word it differently).
_TLS_REASON_BY_TEXT = (
    ("not yet valid", TLS_NOT_YET_VALID),
    ("expired", TLS_EXPIRED),
    ("hostname", TLS_HOSTNAME_MISMATCH),
    ("mismatch", TLS_HOSTNAME_MISMATCH),
    ("doesn't match", TLS_HOSTNAME_MISMATCH),
    ("self-signed", TLS_UNKNOWN_CA),
    ("self signed", TLS_UNKNOWN_CA),
    ("issuer", TLS_UNKNOWN_CA),
    ("untrusted", TLS_UNKNOWN_CA),
    ("not trusted", TLS_UNKNOWN_CA),
)


_NOTHING_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception and everything in its __cause__/__context__ chain (cycle-safe)."""
    seen: list[BaseException] = []
    pending: list[BaseException] = [exc]
    while pending:
        current = pending.pop()
        if any(current is known for known in seen) or len(seen) > 50:
            continue
        seen.append(current)
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)
    return seen


def tls_reason(exc: BaseException) -> str | None:
    """The certificate problem behind `exc`, or None when the failure was not TLS."""
    chain = _chain(exc)
    for item in chain:
        if isinstance(item, ssl.SSLCertVerificationError):
            reason = _TLS_REASON_BY_CODE.get(item.verify_code or -1)
            if reason is not None:
                return reason
            text = f"{item.verify_message or ''} {item}".lower()
            return next((r for key, r in _TLS_REASON_BY_TEXT if key in text), TLS_OTHER)
    if any(isinstance(item, ssl.SSLError) for item in chain):
        return TLS_HANDSHAKE
    return None


def from_transport_error(exc: httpx.HTTPError, what: str) -> ServiceError:
    """Map an httpx exception raised while sending or reading to a ServiceError."""
    # Only a failed connect (or pool wait) proves the request never left: the outbox may
    # then repeat a POST blindly; anything later (read/write errors, a reset, a read
    # timeout, an SSL error mid-stream) may come after the server committed it.
    nothing_sent = isinstance(exc, _NOTHING_SENT)
    reason = tls_reason(exc)
    if reason is not None:
        return TlsError(
            f"{what}: TLS certificate refused ({reason})", reason=reason, nothing_sent=nothing_sent
        )
    if isinstance(exc, httpx.TimeoutException):
        return RequestTimeoutError(f"{what}: {type(exc).__name__}", nothing_sent=nothing_sent)
    if isinstance(exc, httpx.ProxyError):
        return OfflineError(f"{what}: the proxy refused the connection", nothing_sent=True)
    if isinstance(exc, httpx.DecodingError):
        return ResponseError(f"{what}: undecodable response body")
    if isinstance(exc, httpx.UnsupportedProtocol):
        return InsecureUrlError(f"{what}: unusable URL")
    if isinstance(exc, httpx.TransportError):
        return OfflineError(
            f"{what}: {type(exc).__name__} ({_offline_detail(exc)})", nothing_sent=nothing_sent
        )
    return ResponseError(f"{what}: {type(exc).__name__}")


def _offline_detail(exc: BaseException) -> str:
    """Name lookup vs. refused vs. anything else, for the log line (RELIABILITY #1, #2)."""
    chain = _chain(exc)
    text = " ".join(str(item) for item in chain).lower()
    if any(isinstance(item, socket.gaierror) for item in chain) or any(
        marker in text for marker in _DNS_MARKERS
    ):
        return "name lookup failed"
    if any(isinstance(item, ConnectionRefusedError) for item in chain) or "refused" in text:
        return "connection refused"
    return "server unreachable"


def _decode_error_body(body: bytes) -> object:
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        return None


def from_status(status: int, *, headers: httpx.Headers, body: bytes, what: str) -> ServiceError:
    """Map a non-2xx status (with its headers and capped body) to a ServiceError."""
    message, fields = parse_error_body(_decode_error_body(body))
    line = f"{what}: HTTP {status}"
    retry_after = parse_retry_after(headers.get("retry-after"))
    if 300 <= status < 400:
        _, host, _ = origin_of(headers.get("location", ""))
        return NotAnApiError(
            f"{line} redirect to {host or '?'!r} not followed (portal or not the API)"
        )
    if status == 401:
        return AuthError(line, status=status, server_message=message)
    if status == 403:
        return ForbiddenError(line, status=status, server_message=message)
    if status == 404:
        return NotFoundError(line, status=status, server_message=message)
    if status in (400, 422):
        return ValidationError(line, status=status, server_message=message, fields=fields)
    if status == 429:
        return RateLimitedError(line, status=status, retry_after=retry_after)
    if status >= 500:
        return ServerError(line, status=status, retry_after=retry_after)
    return HttpStatusError(line, status=status, server_message=message)
