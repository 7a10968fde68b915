"""Which links may open in the browser: only https (or loopback http in demo) on the intranet host.

Pure Python. Relative links are resolved against the intranet address first, and the result is
checked again, because `https://intranet/` + `//evil.example/x` resolves to another host.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from services.urls import is_loopback

_FORBIDDEN_CHARS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\\")


@dataclass(frozen=True, slots=True)
class LinkVerdict:
    """The resolved link, whether it may open, and the host to show when it may not."""

    url: str
    allowed: bool
    shown_host: str


_DEFAULT_PORTS = {"http": 80, "https": 443}


def _effective_port(scheme: str, port: int | None) -> int | None:
    return port if port is not None else _DEFAULT_PORTS.get(scheme)


def _normal_host(host: str) -> str | None:
    try:
        return host.encode("idna").decode("ascii").lower().rstrip(".")
    except UnicodeError:
        return None


def _has_bad_chars(url: str) -> bool:
    return any(
        ch in _FORBIDDEN_CHARS or unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"} for ch in url
    )


def judge_link(url: str, *, intranet: str, allow_loopback_http: bool = False) -> LinkVerdict:
    """Resolve `url` against the intranet address and decide whether it may open."""
    if _has_bad_chars(url):
        return LinkVerdict(url, False, "")
    try:
        resolved = urljoin(intranet.rstrip("/") + "/", url.strip())
        target = urlsplit(resolved)
        base = urlsplit(intranet)
        shown = target.hostname or ""
        port_ok = _effective_port(target.scheme, target.port) == _effective_port(
            base.scheme, base.port
        )
    except ValueError:
        return LinkVerdict(url, False, "")
    if target.username is not None or target.password is not None or "@" in target.netloc:
        return LinkVerdict(resolved, False, shown)
    host = _normal_host(target.hostname or "")
    base_host = _normal_host(base.hostname or "")
    same_host = host is not None and host == base_host and host != ""
    if target.scheme == "https":
        scheme_ok = True
    elif target.scheme == "http":
        scheme_ok = allow_loopback_http and base.scheme == "http" and is_loopback(host or "")
    else:
        scheme_ok = False
    return LinkVerdict(resolved, scheme_ok and same_host and port_ok, shown)
