"""Keep secrets out of logs: a logging.Filter that scrubs tokens, cookies and registered strings.

Pure Python; it changes log records only, never raises, and stores secrets only in memory.
Install it on the log handlers (desktop/ does this in its logging setup).
"""

from __future__ import annotations

import logging
import re
import threading

logger = logging.getLogger(__name__)

MASK = "[redacted]"
# Shorter strings would mask ordinary words; real tokens are far longer.
MIN_SECRET_LENGTH = 6

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?i)\b(bearer)\s+[^\s'\",;]+"), r"\1 " + MASK),
    (re.compile(r"(?i)(authorization['\"]?\s*[:=,]\s*['\"]?\w+\s+)[^\s'\",;]+"), r"\1" + MASK),
    (re.compile(r"\b(Basic|Impersonate)\s+[A-Za-z0-9+/=._-]{8,}"), r"\1 " + MASK),
    (
        re.compile(r"(?i)([?&;\s]?(?:access[-_]token|auth_token|token|password)=)[^&\s'\",;]*"),
        r"\1" + MASK,
    ),
    (
        re.compile(r"(?i)(\"(?:auth_token|access_token|token|password)\"\s*:\s*\")[^\"]*"),
        r"\1" + MASK,
    ),
    (re.compile(r"(?im)\b((?:set-)?cookie\s*:\s*).*$"), r"\1" + MASK),
    (re.compile(r"(?i)(['\"](?:set-)?cookie['\"]\s*[:,]\s*['\"])[^'\"]*"), r"\1" + MASK),
)

_lock = threading.Lock()
_secrets: set[str] = set()


def register_secret(secret: str) -> None:
    """Remember a secret (a token) so every later log line containing it is masked."""
    if len(secret) >= MIN_SECRET_LENGTH:
        with _lock:
            _secrets.add(secret)


def unregister_secret(secret: str) -> None:
    """Forget a secret again (after sign-out)."""
    with _lock:
        _secrets.discard(secret)


def redact(text: str) -> str:
    """Return `text` with every known secret shape and registered secret masked."""
    with _lock:
        known = sorted(_secrets, key=len, reverse=True)
    for secret in known:
        if secret in text:
            text = text.replace(secret, MASK)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class SecretsFilter(logging.Filter):
    """Scrub a record's message, arguments and exception text in place; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError, KeyError):  # a broken format must not lose the record
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
            record.exc_info = None
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True
