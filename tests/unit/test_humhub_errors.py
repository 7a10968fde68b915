"""HumHubConnector failure paths: every status, transport fault and bad body maps to one error."""

from __future__ import annotations

import asyncio
import gzip
import logging
import ssl
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from services.errors import (
    AuthError,
    ForbiddenError,
    HttpStatusError,
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
from services.humhub import HumHubConnector
from services.humhub.http import DEFAULT_DEADLINE, MAX_BODY_BYTES
from tests.unit.test_humhub_support import (
    BASE,
    TOKEN,
    Handler,
    Recorder,
    connector_for,
    envelope,
    json_response,
    notification_json,
    run,
)

UNSEEN = ("GET", "/api/v1/notification/unseen")


def _probe_error(
    handler: Handler,
    *,
    token: str | None = TOKEN,
    deadline: timedelta = DEFAULT_DEADLINE,
    max_body_bytes: int = MAX_BODY_BYTES,
) -> ServiceError:
    """Run probe_unseen against `handler` and return the ServiceError it raised."""

    async def scenario() -> ServiceError:
        conn = connector_for(handler, token=token, deadline=deadline, max_body_bytes=max_body_bytes)
        try:
            await conn.probe_unseen()
        except ServiceError as exc:
            return exc
        finally:
            await conn.aclose()
        raise AssertionError("probe_unseen did not fail")

    return run(scenario())


def _answer(response: httpx.Response) -> Recorder:
    return Recorder({UNSEEN: response})


def _raise(exc: Exception) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc

    return handler


@pytest.mark.parametrize(
    ("status", "error_type"),
    [
        (401, AuthError),
        (403, ForbiddenError),
        (404, NotFoundError),
        (400, ValidationError),
        (422, ValidationError),
        (429, RateLimitedError),
        (500, ServerError),
        (502, ServerError),
        (503, ServerError),
        (504, ServerError),
        (418, HttpStatusError),
    ],
)
def test_status_maps_to_error(status: int, error_type: type[HttpStatusError]) -> None:
    # The body's `code` lies on purpose: the HTTP status must win.
    error = _probe_error(_answer(json_response(status, {"code": 200, "message": "Nope"})))
    assert type(error) is error_type
    assert isinstance(error, HttpStatusError)
    assert error.status == status


def test_server_message_is_kept_as_plain_text() -> None:
    body = {"name": "Forbidden", "message": "<b>Geen</b>\u202etoegang", "code": 0, "status": 403}
    error = _probe_error(_answer(json_response(403, body)))
    assert isinstance(error, ForbiddenError)
    assert error.server_message == "<b>Geen</b>toegang"


def test_validation_error_carries_field_messages() -> None:
    body = {"code": 400, "message": "Validation failed", "post": {"message": ["Bericht is leeg."]}}
    error = _probe_error(_answer(json_response(422, body)))
    assert isinstance(error, ValidationError)
    assert error.server_message == "Validation failed"
    assert error.fields == {"message": ("Bericht is leeg.",)}


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("120", timedelta(seconds=120)),
        ("0", timedelta(seconds=1)),
        ("86400", timedelta(hours=1)),
        ("soon", None),
        ("", None),
        (None, None),
    ],
)
def test_429_retry_after_seconds_and_garbage(
    header: str | None, expected: timedelta | None
) -> None:
    headers = {} if header is None else {"retry-after": header}
    error = _probe_error(_answer(json_response(429, {}, headers=headers)))
    assert isinstance(error, RateLimitedError)
    assert error.retry_after == expected


def test_429_retry_after_http_date() -> None:
    when = datetime.now(UTC) + timedelta(minutes=5)
    header = format_datetime(when, usegmt=True)
    error = _probe_error(_answer(json_response(429, {}, headers={"retry-after": header})))
    assert isinstance(error, RateLimitedError)
    assert error.retry_after is not None
    assert timedelta(minutes=4) < error.retry_after <= timedelta(minutes=5)


def test_503_keeps_retry_after() -> None:
    error = _probe_error(_answer(json_response(503, {}, headers={"retry-after": "30"})))
    assert isinstance(error, ServerError)
    assert error.retry_after == timedelta(seconds=30)


@pytest.mark.parametrize(
    "exc",
    [
        httpx.ReadTimeout("slow"),
        httpx.ConnectTimeout("slow"),
        httpx.WriteTimeout("slow"),
        httpx.PoolTimeout("x"),
    ],
)
def test_timeouts_are_request_timeout(exc: Exception) -> None:
    error = _probe_error(_raise(exc))
    assert isinstance(error, RequestTimeoutError)
    assert error.__cause__ is exc


@pytest.mark.parametrize(
    ("exc", "detail"),
    [
        (httpx.ConnectError("[Errno 111] Connection refused"), "connection refused"),
        (httpx.ConnectError("[Errno -2] Name or service not known"), "name lookup failed"),
        (
            httpx.RemoteProtocolError("Server disconnected without sending a response."),
            "unreachable",
        ),
        (httpx.ReadError("Connection reset by peer"), "unreachable"),
        (httpx.ProxyError("407 Proxy Authentication Required"), "proxy"),
    ],
)
def test_unreachable_is_offline(exc: Exception, detail: str) -> None:
    error = _probe_error(_raise(exc))
    assert type(error) is OfflineError
    assert error.__cause__ is exc
    assert detail in str(error)


def _tls_failure(code: int, message: str) -> httpx.ConnectError:
    cert_error = ssl.SSLCertVerificationError(1, f"[SSL: CERTIFICATE_VERIFY_FAILED] {message}")
    cert_error.verify_code = code
    cert_error.verify_message = message
    try:
        try:
            raise cert_error
        except ssl.SSLError as inner:
            raise httpx.ConnectError(str(inner)) from inner
    except httpx.ConnectError as outer:
        return outer


@pytest.mark.parametrize(
    ("code", "message", "reason"),
    [
        (20, "unable to get local issuer certificate", "unknown_ca"),
        (19, "self-signed certificate in certificate chain", "unknown_ca"),
        (10, "certificate has expired", "expired"),
        (9, "certificate is not yet valid", "not_yet_valid"),
        (62, "Hostname mismatch, certificate is not valid for 'x'.", "hostname_mismatch"),
        (0, "The certificate's hostname doesn't match", "hostname_mismatch"),
        (0, "something odd", "other"),
    ],
)
def test_certificate_failures_are_tls_errors(code: int, message: str, reason: str) -> None:
    exc = _tls_failure(code, message)
    error = _probe_error(_raise(exc))
    assert isinstance(error, TlsError)
    assert error.reason == reason
    assert error.__cause__ is exc


def test_handshake_failure_is_tls_error() -> None:
    try:
        try:
            raise ssl.SSLError(1, "[SSL: TLSV1_ALERT_PROTOCOL_VERSION] tlsv1 alert")
        except ssl.SSLError as inner:
            raise httpx.ConnectError("handshake") from inner
    except httpx.ConnectError as exc:
        error = _probe_error(_raise(exc))
    assert isinstance(error, TlsError)
    assert error.reason == "handshake"


def test_trickling_server_hits_the_overall_deadline() -> None:
    async def trickle() -> AsyncIterator[bytes]:
        yield b'{"total": 1, "results": ['
        while True:
            await asyncio.sleep(0.05)
            yield b" "

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=trickle(), headers={"content-type": "application/json"})

    error = _probe_error(handler, deadline=timedelta(seconds=0.3))
    assert isinstance(error, RequestTimeoutError)
    assert isinstance(error.__cause__, TimeoutError)


@pytest.mark.parametrize(
    "body",
    [
        b'{"total": 2, "results": [1, 2',
        b"",
        b"   ",
        b"\xff\xfe\x00garbage",
        b'{"total": 1e999999999999999999999}x',
        b"[" * 100_000 + b"]" * 100_000,
    ],
)
def test_unreadable_json_is_response_error(body: bytes) -> None:
    error = _probe_error(
        _answer(httpx.Response(200, content=body, headers={"content-type": "application/json"}))
    )
    assert type(error) is ResponseError


@pytest.mark.parametrize(
    "payload",
    [
        [],
        "results",
        {"total": 1, "results": {"0": {}}},
        {"total": "1", "results": []},
        {"total": 1},
        None,
    ],
)
def test_wrong_top_level_types_are_response_error(payload: object) -> None:
    error = _probe_error(_answer(json_response(200, payload)))
    assert type(error) is ResponseError


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("text/html; charset=utf-8", b"<!DOCTYPE html><html><body>Wi-Fi login</body></html>"),
        ("application/json", b"  <html>proxy says no</html>"),
        ("", b"<?xml version='1.0'?><a/>"),
    ],
)
def test_html_instead_of_json_is_not_an_api(content_type: str, body: bytes) -> None:
    error = _probe_error(
        _answer(httpx.Response(200, content=body, headers={"content-type": content_type}))
    )
    assert isinstance(error, NotAnApiError)


def test_redirect_to_another_host_is_not_followed_and_gets_no_token() -> None:
    rec = _answer(httpx.Response(302, headers={"location": "https://evil.example.com/steal?x=1"}))
    error = _probe_error(rec)
    assert isinstance(error, NotAnApiError)
    assert "evil.example.com" in str(error)
    assert "x=1" not in str(error)
    assert [r.url.host for r in rec.requests] == ["intranet.example.org"]


def test_origin_guard_strips_credentials_from_foreign_requests() -> None:
    """Defence in depth: even a request built by hand never carries the token elsewhere."""
    rec = Recorder({("GET", "/other"): json_response(200, {})})

    async def scenario() -> None:
        conn = connector_for(rec)
        client = conn._http._client  # the guard is an event hook on the one client
        auth = {"Authorization": f"Bearer {TOKEN}"}
        await client.get("https://evil.example.com/other", headers=auth)
        await client.get("http://intranet.example.org/other", headers=auth)  # scheme differs
        await client.get(f"{BASE}/other", headers=auth)
        await conn.aclose()

    run(scenario())
    sent = [(r.url.host, r.url.scheme, "authorization" in r.headers) for r in rec.requests]
    assert sent == [
        ("evil.example.com", "https", False),
        ("intranet.example.org", "http", False),
        ("intranet.example.org", "https", True),
    ]


def test_oversized_body_is_refused_by_declared_length() -> None:
    big = json_response(200, envelope([notification_json(i) for i in range(50)]))
    error = _probe_error(_answer(big), max_body_bytes=1024)
    assert type(error) is ResponseError
    assert "exceeds" in str(error)


def test_oversized_streamed_body_is_aborted() -> None:
    chunks_sent = 0

    async def endless() -> AsyncIterator[bytes]:
        nonlocal chunks_sent
        yield b'{"results": ['
        while True:
            chunks_sent += 1
            yield b"1," * 512

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=endless(), headers={"content-type": "application/json"})

    error = _probe_error(handler, max_body_bytes=64 * 1024)
    assert type(error) is ResponseError
    assert chunks_sent < 200


def test_gzip_bomb_is_capped_on_decoded_bytes() -> None:
    bomb = gzip.compress(b" " * (8 * 1024 * 1024))
    assert len(bomb) < 64 * 1024
    response = httpx.Response(
        200, content=bomb, headers={"content-type": "application/json", "content-encoding": "gzip"}
    )
    error = _probe_error(_answer(response))
    assert type(error) is ResponseError
    assert "exceeds" in str(error)


def test_bad_items_are_skipped_and_logged_by_id_only(caplog: pytest.LogCaptureFixture) -> None:
    secret_text = "Vertrouwelijk-bericht-1234"
    good = notification_json(1)
    items: list[object] = [
        {**notification_json(2, output=secret_text), "id": "2"},  # id as a string
        {**notification_json(3), "output": None},
        {**notification_json(4), "class": 4, "output": secret_text},
        "not an object",
        good,
    ]
    rec = Recorder({("GET", "/api/v1/notification"): json_response(200, envelope(items))})

    async def scenario() -> None:
        conn = connector_for(rec)
        page = await conn.list_notifications()
        await conn.aclose()
        assert [n.id for n in page.items] == [1]
        assert page.skipped == 4
        assert page.total == 5

    with caplog.at_level(logging.DEBUG):
        run(scenario())
    assert secret_text not in caplog.text
    assert "id=3" in caplog.text
    assert "id=<str>" in caplog.text


def test_secrets_never_reach_the_log(caplog: pytest.LogCaptureFixture) -> None:
    login = {
        "code": 200,
        "message": "Success",
        "auth_token": "jwt-from-login-0815",
        "expired_at": 0,
    }
    rec = Recorder(
        {
            ("POST", "/api/v1/auth/login"): json_response(200, login),
            UNSEEN: json_response(
                401, {"message": "Your request was made with invalid credentials."}
            ),
        }
    )

    async def scenario() -> None:
        conn = connector_for(rec, token=None)
        await conn.sign_in("anna", "wachtwoord-geheim")
        with pytest.raises(AuthError):
            await conn.probe_unseen()
        await conn.aclose()

    with caplog.at_level(logging.DEBUG):
        run(scenario())
    for secret in ("jwt-from-login-0815", "wachtwoord-geheim"):
        assert secret not in caplog.text


def test_errors_are_chained_and_name_no_token() -> None:
    error = _probe_error(_answer(json_response(500, {"message": TOKEN})))
    assert TOKEN not in str(error)
    assert TOKEN not in repr(error)


def test_connector_refuses_userinfo_in_base_url() -> None:
    from services.errors import InsecureUrlError

    with pytest.raises(InsecureUrlError):
        HumHubConnector("https://user:pw@intranet.example.org")
