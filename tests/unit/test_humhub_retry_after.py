"""retry_after.py: both Retry-After forms, clamped; garbage is None."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.humhub.retry_after import MAX_RETRY_AFTER, MIN_RETRY_AFTER, parse_retry_after

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("5", timedelta(seconds=5)),
        (" 60 ", timedelta(seconds=60)),
        ("0", MIN_RETRY_AFTER),
        ("7200", MAX_RETRY_AFTER),
        ("9" * 40, MAX_RETRY_AFTER),
        ("Mon, 01 Jun 2026 09:02:00 GMT", timedelta(minutes=2)),
        ("Mon, 01 Jun 2026 08:00:00 GMT", MIN_RETRY_AFTER),
        ("Tue, 02 Jun 2026 09:00:00 GMT", MAX_RETRY_AFTER),
        ("Mon, 01 Jun 2026 09:00:30 -0000", timedelta(seconds=30)),
        ("-5", None),
        ("1.5", None),
        ("soon", None),
        ("", None),
        (None, None),
        ("٣", None),  # a non-ASCII digit
        ("Mon, 99 Foo 2026 09:00:00 GMT", None),
    ],
)
def test_parse_retry_after(value: str | None, expected: timedelta | None) -> None:
    assert parse_retry_after(value, now=NOW) == expected


@given(value=st.text(max_size=40))
def test_parse_retry_after_is_none_or_clamped(value: str) -> None:
    result = parse_retry_after(value, now=NOW)
    assert result is None or MIN_RETRY_AFTER <= result <= MAX_RETRY_AFTER
