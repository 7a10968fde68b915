"""The one error hierarchy of the services layer. Messages are English, for logs only.

ServiceError
 ├── OfflineError ............ no answer: DNS, refused, reset, timeout (`nothing_sent`)
 │    ├── RequestTimeoutError ..... a connect/read/write timeout or the overall deadline
 │    └── TlsError ........... the certificate was not accepted (never retried insecurely)
 ├── AuthError ............... 401: credentials missing, expired or revoked
 ├── ForbiddenError .......... 403: signed in, but not allowed
 ├── NotFoundError ........... 404: wrong address, deleted item, module not installed
 ├── ValidationError ......... 400/422: the server refused the input
 ├── RateLimitedError ........ 429 (retry_after)
 ├── ServerError ............. 5xx (status, retry_after)
 ├── ResponseError ........... an answer we cannot use: bad JSON, wrong shape, too large
 │    └── NotAnApiError ...... HTML or a login page where JSON was expected
 └── InsecureUrlError ........ http:// to a non-loopback host, or a URL we refuse to use
"""

from __future__ import annotations

from datetime import timedelta


class ServiceError(Exception):
    """Base of every error the services raise; `str()` is a precise English log line."""


class OfflineError(ServiceError):
    """The server could not be reached, or the answer was lost.

    `nothing_sent` is True only when the request certainly never left this machine (the
    connection or TLS handshake failed), so even a POST may be repeated blindly. False means
    the server may have received (and committed) it: a POST is then ambiguous.
    """

    def __init__(self, message: str, *, nothing_sent: bool = False) -> None:
        super().__init__(message)
        self.nothing_sent = nothing_sent


class RequestTimeoutError(OfflineError):
    """A timeout; for a POST the request may or may not have been committed."""


class TlsError(OfflineError):
    """The server's certificate was refused (unknown CA, expired, wrong host)."""

    def __init__(self, message: str, *, reason: str = "", nothing_sent: bool = True) -> None:
        super().__init__(message, nothing_sent=nothing_sent)
        self.reason = reason


class HttpStatusError(ServiceError):
    """An HTTP error status; `server_message` is the server's own text (plain, may be empty)."""

    def __init__(self, message: str, *, status: int, server_message: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.server_message = server_message


class AuthError(HttpStatusError):
    """401: sign in again."""


class ForbiddenError(HttpStatusError):
    """403: not allowed."""


class NotFoundError(HttpStatusError):
    """404."""


class ValidationError(HttpStatusError):
    """400/422 with the server's field messages."""

    def __init__(
        self,
        message: str,
        *,
        status: int,
        server_message: str = "",
        fields: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        super().__init__(message, status=status, server_message=server_message)
        self.fields = fields or {}


class RateLimitedError(HttpStatusError):
    """429; `retry_after` is the server's wish, already clamped, or None."""

    def __init__(
        self, message: str, *, status: int = 429, retry_after: timedelta | None = None
    ) -> None:
        super().__init__(message, status=status)
        self.retry_after = retry_after


class ServerError(HttpStatusError):
    """5xx; 502/504 after a POST are ambiguous (the server may have committed)."""

    def __init__(self, message: str, *, status: int, retry_after: timedelta | None = None) -> None:
        super().__init__(message, status=status)
        self.retry_after = retry_after


class ResponseError(ServiceError):
    """The server answered, but not with something we can use."""


class NotAnApiError(ResponseError):
    """HTML (captive portal, proxy login, a web page) where the API's JSON was expected."""


class InsecureUrlError(ServiceError):
    """A URL we refuse to talk to: plain http off loopback, userinfo, another origin."""
