"""The server's time zone from its clock: wall-clock readings, HTTP dates, offset estimates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.server_time import (
    estimate_offset,
    named_zone,
    offset_zone,
    parse_http_date,
    parse_wall_clock,
)


def test_wall_clock_times_as_humhub_writes_them() -> None:
    assert parse_wall_clock("2026-12-01 13:04:38") == datetime(2026, 12, 1, 13, 4, 38)  # noqa: DTZ001
    # last_login is PHP's date('Y-m-d G:i:s'): no leading zero before ten o'clock
    assert parse_wall_clock("2026-12-01 9:04:46") == datetime(2026, 12, 1, 9, 4, 46)  # noqa: DTZ001
    for bad in (None, "", "2026-13-01 10:00:00", "yesterday", 1764590000, "2026-12-01"):
        assert parse_wall_clock(bad) is None


def test_http_dates_are_utc() -> None:
    assert parse_http_date("Tue, 01 Dec 2026 12:04:38 GMT") == datetime(
        2026, 12, 1, 12, 4, 38, tzinfo=UTC
    )
    assert parse_http_date(None) is None
    assert parse_http_date("not a date") is None


@pytest.mark.parametrize(
    ("wall", "offset"),
    [
        ("2026-12-01 13:04:38", timedelta(hours=1)),  # Europe/Amsterdam in winter
        ("2026-12-01 13:04:40", timedelta(hours=1)),  # a second or two between the clocks
        ("2026-12-01 07:04:38", timedelta(hours=-5)),  # America/New_York
        ("2026-12-01 17:49:38", timedelta(hours=5, minutes=45)),  # Asia/Kathmandu
        ("2026-12-01 12:04:38", timedelta(0)),
    ],
)
def test_offset_estimates_are_quarter_hours(wall: str, offset: timedelta) -> None:
    moment = datetime(2026, 12, 1, 12, 4, 38, tzinfo=UTC)
    stamp = parse_wall_clock(wall)
    assert stamp is not None
    assert estimate_offset(stamp, moment) == offset


def test_no_estimate_from_a_reading_that_is_not_now() -> None:
    moment = datetime(2026, 12, 1, 12, 4, 38, tzinfo=UTC)
    stale = datetime(2026, 12, 1, 9, 11, 2)  # an old last_login  # noqa: DTZ001
    assert estimate_offset(stale, moment) is None
    far = datetime(2026, 12, 3, 12, 4, 38)  # noqa: DTZ001
    assert estimate_offset(far, moment) is None


def test_zones() -> None:
    assert offset_zone(timedelta(0)) is UTC
    assert offset_zone(timedelta(hours=1)).utcoffset(None) == timedelta(hours=1)
    assert named_zone("Europe/Amsterdam") == ZoneInfo("Europe/Amsterdam")
    assert named_zone("") is None
    assert named_zone("Mars/Olympus") is None
    assert named_zone("../etc/passwd") is None


def test_a_date_header_beyond_the_calendar_is_no_date() -> None:
    # 9999-12-31 23:59:59 at -23:59 is past year 9999 in UTC: OverflowError, not ValueError
    assert parse_http_date("Fri, 31 Dec 9999 23:59:59 -2359") is None


def test_current_user_survives_a_hostile_date_header() -> None:
    """The port raises only ServiceError: a Date header that overflows the calendar must not
    make `current_user` (and every poll, post and Thanks! behind it) raise OverflowError."""
    import asyncio

    from tests.unit.test_humhub_support import (
        Recorder,
        connector_for,
        current_user_json,
        json_response,
    )

    user = current_user_json()
    user["account"]["last_login"] = "2026-12-01 13:04:38"  # type: ignore[index]
    hostile = {"date": "Fri, 31 Dec 9999 23:59:59 -2359"}
    rec = Recorder({("GET", "/api/v1/auth/current"): json_response(200, user, headers=hostile)})

    async def go() -> None:
        connector = connector_for(rec)
        try:
            me = await connector.current_user()
        finally:
            await connector.aclose()
        assert me.username

    asyncio.run(go())
