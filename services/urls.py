"""Intranet base-URL policy: normalise what a user or IT typed, refuse what we must not use.

Pure Python (urllib + ipaddress); no Qt, no httpx, no network access.
"""

from __future__ import annotations

import ipaddress
import logging
from urllib.parse import urlsplit, urlunsplit

from services.errors import InsecureUrlError

logger = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
_DEFAULT_PORTS = {"http": 80, "https": 443}


def is_loopback(host: str) -> bool:
    """Tell whether `host` is this machine: localhost, 127.0.0.0/8 or ::1 (brackets allowed)."""
    name = host.strip().lower().rstrip(".")
    if name.startswith("[") and name.endswith("]"):
        name = name[1:-1]
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def normalise_base_url(raw: str) -> str:
    """Return the canonical intranet address: `https://host[:port][/path]`, no trailing slash.

    Accepts what people paste: surrounding spaces, no scheme (https is assumed), a trailing
    slash, a pasted `/api/v1` suffix, upper-case host names. Refuses (InsecureUrlError) any
    scheme but https, plain http unless the host is loopback, user:password@ parts, query
    strings and fragments.
    """
    text = raw.strip()
    if not text:
        raise InsecureUrlError("empty intranet address")
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise InsecureUrlError("unparseable intranet address") from exc
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    _check_parts(
        scheme, host, userinfo="@" in parts.netloc, extra=bool(parts.query or parts.fragment)
    )
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    path = parts.path.rstrip("/")
    if path.lower().endswith(API_PREFIX):
        path = path[: -len(API_PREFIX)].rstrip("/")
    return urlunsplit((scheme, netloc, path, "", ""))


def _check_parts(scheme: str, host: str, *, userinfo: bool, extra: bool) -> None:
    if scheme not in _DEFAULT_PORTS:
        raise InsecureUrlError(f"unsupported scheme {scheme!r}")
    if not host:
        raise InsecureUrlError("intranet address without a host")
    if userinfo:
        raise InsecureUrlError("intranet address with user info (user@host) refused")
    if extra:
        raise InsecureUrlError("intranet address with a query or fragment refused")
    if any(ch.isspace() or ch in "/\\" for ch in host):
        raise InsecureUrlError("intranet host contains invalid characters")
    if scheme == "http" and not is_loopback(host):
        raise InsecureUrlError("plain http refused for a non-loopback host")


def origin_of(url: str) -> tuple[str, str, int]:
    """Return (scheme, host, port) of an absolute URL, lower-cased, default ports filled in."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, host, port if port is not None else _DEFAULT_PORTS.get(scheme, -1)


def api_url(base_url: str, path: str) -> str:
    """Join a normalised base URL and an API path such as `/notification/unseen`."""
    return f"{base_url}{API_PREFIX}/{path.lstrip('/')}"
