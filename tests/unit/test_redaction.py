"""services/redaction.py: log records never carry tokens, cookies or registered secrets."""

from __future__ import annotations

import logging
import sys

import pytest

from services.redaction import MASK, SecretsFilter, redact, register_secret, unregister_secret


@pytest.mark.parametrize(
    ("line", "hidden"),
    [
        ("Authorization: Bearer eyJhbGciOi.abc.def", "eyJhbGciOi.abc.def"),
        ("GET /api/v1/x?access-token=s3cr3tvalue&page=2", "s3cr3tvalue"),
        ("url token=abcdef123 ok", "abcdef123"),
        ('{"auth_token":"jwt-value-1","expired_at":0}', "jwt-value-1"),
        ("Cookie: PHPSESSID=abc123; _csrf=zzz", "PHPSESSID=abc123"),
        ("set-cookie: _identity=xyz; HttpOnly", "_identity=xyz"),
        ("{'cookie': 'sess=qq1'}", "sess=qq1"),
        ("Authorization: basic dXNlcjpwYXNz", "dXNlcjpwYXNz"),
        ("{'Authorization': 'Impersonate impersonated-abc'}", "impersonated-abc"),
        ("header Basic dXNlcjpwYXNz", "dXNlcjpwYXNz"),
    ],
)
def test_redact_known_shapes(line: str, hidden: str) -> None:
    out = redact(line)
    assert hidden not in out
    assert MASK in out


def test_redact_leaves_ordinary_text() -> None:
    for line in ("Polled 3 items in 0.2s; page=2", "basic setup done", "Bearer"):
        assert redact(line) == line


def test_registered_secret_is_masked_everywhere() -> None:
    register_secret("plain-static-token-42")
    try:
        assert "plain-static-token-42" not in redact("oops: plain-static-token-42!")
    finally:
        unregister_secret("plain-static-token-42")
    assert redact("oops: plain-static-token-42!") == "oops: plain-static-token-42!"


def test_short_strings_are_not_registered() -> None:
    register_secret("ab")
    assert redact("a b ab") == "a b ab"


def _record(msg: str, args: tuple[object, ...], exc: bool = False) -> logging.LogRecord:
    exc_info = None
    if exc:
        try:
            raise RuntimeError("failed with Bearer exc-token-999")
        except RuntimeError:
            exc_info = sys.exc_info()
    return logging.LogRecord("t", logging.ERROR, __file__, 1, msg, args, exc_info)


def test_filter_scrubs_message_args_and_exception() -> None:
    record = _record("sent %s to %s", ("Bearer arg-token-123", "host"), exc=True)
    assert SecretsFilter().filter(record) is True
    formatted = logging.Formatter().format(record)
    assert "arg-token-123" not in formatted
    assert "exc-token-999" not in formatted
    assert "sent Bearer [redacted] to host" in formatted
    assert "RuntimeError" in formatted


def test_filter_survives_a_broken_format_string() -> None:
    record = _record("value %d token=abcdef", ("not a number",))
    assert SecretsFilter().filter(record) is True
    assert "abcdef" not in record.getMessage()


def test_filter_on_a_real_logger(caplog: pytest.LogCaptureFixture) -> None:
    log = logging.getLogger("tests.redaction")
    secrets_filter = SecretsFilter()
    caplog.handler.addFilter(secrets_filter)
    try:
        with caplog.at_level(logging.INFO, logger="tests.redaction"):
            log.info("login answered %s", '{"auth_token":"live-jwt-77"}')
    finally:
        caplog.handler.removeFilter(secrets_filter)
    assert "live-jwt-77" not in caplog.text
