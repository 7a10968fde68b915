"""quiet_hours.py: part-time working patterns, midnight-crossing shifts, DST, pauses."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.quiet_hours import QuietHours, WorkingPeriod, weekly
from tests.fakes.clock import FakeClock

AMS = ZoneInfo("Europe/Amsterdam")
PART_TIME = weekly(range(4), time(8, 30), time(17, 0))  # Mon-Thu 08:30-17:00


def _local(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMS)


def _quiet(schedule=PART_TIME, tz=AMS, start: datetime | None = None) -> QuietHours:
    return QuietHours(schedule, tz, FakeClock(start or datetime(2026, 11, 30, 9, tzinfo=UTC)))


@pytest.mark.parametrize(
    ("moment", "quiet"),
    [
        (_local(2026, 11, 30, 10, 0), False),  # Monday morning
        (_local(2026, 11, 30, 8, 29), True),
        (_local(2026, 11, 30, 8, 30), False),  # start inclusive
        (_local(2026, 11, 30, 17, 0), True),  # end exclusive
        (_local(2026, 12, 3, 16, 59), False),  # Thursday
        (_local(2026, 12, 4, 10, 0), True),  # Friday: not a working day
        (_local(2026, 12, 5, 10, 0), True),  # Saturday
    ],
)
def test_quiet_hours_part_time_pattern(moment, quiet):
    assert _quiet().is_quiet(moment) is quiet


def test_quiet_hours_uses_the_local_zone_not_utc():
    # 07:45 UTC is 08:45 in Amsterdam (winter): working time there
    assert not _quiet().is_quiet(datetime(2026, 11, 30, 7, 45, tzinfo=UTC))
    assert _quiet(tz=ZoneInfo("America/New_York")).is_quiet(
        datetime(2026, 11, 30, 7, 45, tzinfo=UTC)
    )


def test_quiet_hours_quiet_until_next_working_period():
    quiet = _quiet()
    assert quiet.quiet_until(_local(2026, 11, 30, 10, 0)) is None
    assert quiet.quiet_until(_local(2026, 12, 3, 18, 0)) == _local(2026, 12, 7, 8, 30)
    assert quiet.quiet_until(_local(2026, 11, 30, 6, 0)) == _local(2026, 11, 30, 8, 30)


def test_quiet_hours_empty_schedule_is_never_quiet():
    quiet = _quiet(schedule=())
    assert not quiet.is_quiet(_local(2026, 12, 5, 3, 0))
    assert quiet.quiet_until(_local(2026, 12, 5, 3, 0)) is None
    # zero-length periods count as no schedule at all
    assert not _quiet(schedule=weekly([0], time(9), time(9))).is_quiet(_local(2026, 12, 1, 3, 0))


def test_quiet_hours_midnight_crossing_night_shift():
    night = (WorkingPeriod(0, time(22, 0), time(6, 0)),)  # Monday 22:00 to Tuesday 06:00
    quiet = _quiet(schedule=night)
    assert quiet.is_quiet(_local(2026, 11, 30, 21, 59))
    assert not quiet.is_quiet(_local(2026, 11, 30, 23, 0))
    assert not quiet.is_quiet(_local(2026, 12, 1, 5, 59))
    assert quiet.is_quiet(_local(2026, 12, 1, 6, 0))
    assert quiet.quiet_until(_local(2026, 12, 1, 6, 0)) == _local(2026, 12, 7, 22, 0)
    # Sunday night 22:00 wraps into Monday morning
    sunday = _quiet(schedule=(WorkingPeriod(6, time(22), time(6)),))
    assert not sunday.is_quiet(_local(2026, 11, 30, 2, 0))


def test_quiet_hours_across_spring_forward():
    # 2026-03-29: clocks go from 02:00 to 03:00 in Amsterdam
    quiet = _quiet(schedule=weekly([0], time(8, 30), time(17)))
    until = quiet.quiet_until(_local(2026, 3, 28, 12, 0))
    assert until == _local(2026, 3, 30, 8, 30)
    assert until is not None
    assert until.utcoffset() == timedelta(hours=2)  # CEST
    assert until.astimezone(UTC) == datetime(2026, 3, 30, 6, 30, tzinfo=UTC)


def test_quiet_hours_start_inside_the_dst_gap_becomes_the_first_real_instant():
    quiet = _quiet(schedule=(WorkingPeriod(6, time(2, 30), time(4, 0)),))
    until = quiet.quiet_until(_local(2026, 3, 29, 1, 0))
    assert until is not None
    assert until.astimezone(UTC) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 03:30 CEST
    assert not quiet.is_quiet(until)


def test_quiet_hours_across_fall_back_night_shift():
    # 2026-10-25: 03:00 CEST becomes 02:00 CET; a Saturday-night shift lasts an hour longer
    quiet = _quiet(schedule=(WorkingPeriod(5, time(22), time(6)),))
    for hour in range(8):
        moment = datetime(2026, 10, 24, 20, tzinfo=UTC) + timedelta(hours=hour)
        assert not quiet.is_quiet(moment), moment  # 22:00 CEST .. 05:00 CET
    assert quiet.is_quiet(datetime(2026, 10, 25, 5, 0, tzinfo=UTC))  # 06:00 CET


def test_quiet_hours_pause_for_an_hour():
    clock = FakeClock(_local(2026, 11, 30, 10, 0).astimezone(UTC))
    quiet = QuietHours(PART_TIME, AMS, clock)
    end = quiet.pause_for(timedelta(hours=1))
    assert end == _local(2026, 11, 30, 11, 0)
    assert quiet.is_quiet()
    assert quiet.quiet_until() == _local(2026, 11, 30, 11, 0)
    clock.advance(timedelta(hours=1))
    assert not quiet.is_quiet()
    assert quiet.quiet_until() is None


def test_quiet_hours_pause_ending_outside_working_time_lasts_until_the_next_period():
    quiet = _quiet()
    quiet.pause_for(timedelta(hours=1), _local(2026, 11, 30, 16, 30))
    assert quiet.quiet_until(_local(2026, 11, 30, 16, 45)) == _local(2026, 12, 1, 8, 30)


def test_quiet_hours_pause_until_tomorrow():
    quiet = _quiet()
    assert quiet.pause_until_tomorrow(_local(2026, 11, 30, 14, 0)) == _local(2026, 12, 1, 8, 30)
    # early on a working day, "tomorrow" still means the next day's period
    assert quiet.pause_until_tomorrow(_local(2026, 11, 30, 7, 0)) == _local(2026, 12, 1, 8, 30)
    # Thursday evening: the next working period is Monday
    assert quiet.pause_until_tomorrow(_local(2026, 12, 3, 18, 0)) == _local(2026, 12, 7, 8, 30)
    assert quiet.is_quiet(_local(2026, 12, 4, 9, 0))
    quiet.end_pause()
    assert not quiet.is_paused(_local(2026, 12, 3, 18, 0))


def test_quiet_hours_pause_until_tomorrow_without_schedule_is_next_day_0800():
    quiet = _quiet(schedule=())
    assert quiet.pause_until_tomorrow(_local(2026, 11, 30, 23, 30)) == _local(2026, 12, 1, 8, 0)
    assert quiet.is_quiet(_local(2026, 12, 1, 7, 59))
    assert not quiet.is_quiet(_local(2026, 12, 1, 8, 0))
    assert quiet.paused_until == _local(2026, 12, 1, 8, 0)


def test_quiet_hours_rejects_naive_times_and_bad_weekdays():
    with pytest.raises(ValueError, match="aware"):
        _quiet().is_quiet(datetime(2026, 11, 30, 10, 0))  # noqa: DTZ001 -- on purpose
    with pytest.raises(ValueError, match="weekday"):
        WorkingPeriod(7, time(9), time(17))


_TIMES = st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45]))
_PERIODS = st.lists(st.builds(WorkingPeriod, st.integers(0, 6), _TIMES, _TIMES), max_size=6)
_ZONES = st.sampled_from([AMS, ZoneInfo("America/New_York"), ZoneInfo("Asia/Kolkata"), UTC])
_MOMENTS = st.datetimes(
    min_value=datetime(2026, 1, 1),  # noqa: DTZ001 -- hypothesis needs naive bounds
    max_value=datetime(2027, 12, 31),  # noqa: DTZ001
    timezones=st.just(UTC),
)


@settings(max_examples=150, deadline=None)
@given(schedule=_PERIODS, tz=_ZONES, moment=_MOMENTS)
def test_quiet_hours_property_quiet_until_is_the_end_of_quiet(schedule, tz, moment):
    quiet = QuietHours(schedule, tz, FakeClock(moment))
    until = quiet.quiet_until(moment)
    assert (until is None) is (not quiet.is_quiet(moment))
    if until is not None:
        assert until > moment
        assert until - moment <= timedelta(days=7, hours=2)
        assert not quiet.is_quiet(until)
        for step in range(1, 8):  # quiet all the way to `until`
            assert quiet.is_quiet(moment + (until - moment) * step / 8)


@settings(max_examples=100, deadline=None)
@given(schedule=_PERIODS, tz=_ZONES, moment=_MOMENTS)
def test_quiet_hours_property_pause_until_tomorrow_is_on_a_later_day(schedule, tz, moment):
    quiet = QuietHours(schedule, tz, FakeClock(moment))
    until = quiet.pause_until_tomorrow(moment)
    assert until.date() > moment.astimezone(tz).date()
    assert quiet.is_quiet(moment)
    assert until - moment <= timedelta(days=8)


def test_quiet_hours_ambiguous_start_on_fall_back_night_counts_twice():
    # 02:15-02:45 happens twice on 2026-10-25; at 02:50 CEST the next start is 02:15 CET
    quiet = _quiet(schedule=(WorkingPeriod(6, time(2, 15), time(2, 45)),))
    moment = datetime(2026, 10, 25, 0, 50, tzinfo=UTC)
    assert quiet.is_quiet(moment)
    until = quiet.quiet_until(moment)
    assert until is not None
    assert until.astimezone(UTC) == datetime(2026, 10, 25, 1, 15, tzinfo=UTC)


def test_new_working_hours_apply_at_once_and_keep_a_running_pause():
    quiet = _quiet(start=_local(2026, 12, 4, 10, 0))  # a Friday: outside Mon-Thu
    assert quiet.is_quiet()
    quiet.set_schedule(weekly(range(5), time(8, 30), time(17, 0)))
    assert not quiet.is_quiet()
    quiet.pause_for(timedelta(hours=1))
    quiet.set_schedule(())
    assert quiet.is_paused()
    assert quiet.in_working_time()  # no schedule: alerts at any time, once the pause ends
    quiet.set_schedule([WorkingPeriod(0, time(9, 0), time(9, 0))])
    assert quiet.schedule == ()  # an empty period is dropped, as at start
