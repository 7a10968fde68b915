"""The community schedules on a fake clock: Friday summary, working hours, app off, monthly."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from services.community_schedule import CommunityState, month_key, monthly_decision
from services.quiet_hours import QuietHours, weekly
from services.store import Database
from services.weekly_slot import slot_time, slot_weekday, week_key, weekly_decision, weekly_slot
from tests.fakes.clock import FakeClock

AMS = ZoneInfo("Europe/Amsterdam")
FULL_TIME = weekly(range(5), time(8, 30), time(17, 0))
FRIDAY, AT = 4, time(15, 0)


def local(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=AMS)


def quiet(schedule=FULL_TIME, at: datetime | None = None) -> QuietHours:
    return QuietHours(schedule, AMS, FakeClock(at or local(2026, 12, 4, 9)))


def test_friday_summary_waits_for_friday_15_and_comes_once_that_week() -> None:
    q = quiet()
    monday = local(2026, 11, 30, 9)
    decision = weekly_decision(monday, FRIDAY, AT, q, "")
    assert not decision.due
    assert decision.wake_at == local(2026, 12, 4, 15)
    assert weekly_decision(local(2026, 12, 4, 15), FRIDAY, AT, q, "").due
    shown = week_key(local(2026, 12, 4, 15), AMS)
    again = weekly_decision(local(2026, 12, 4, 16), FRIDAY, AT, q, shown)
    assert not again.due
    assert again.wake_at == local(2026, 12, 11, 15)


def test_part_timer_who_does_not_work_friday_gets_it_on_the_last_working_day() -> None:
    schedule = weekly(range(3), time(9, 0), time(13, 0))  # Monday to Wednesday mornings
    assert slot_weekday(FRIDAY, schedule) == 2
    assert slot_time(2, AT, schedule) == time(12, 30)  # 15:00 is after work: just before 13:00
    slot = weekly_slot(local(2026, 12, 1, 10), FRIDAY, AT, schedule, AMS)
    assert slot == local(2026, 12, 2, 12, 30)
    q = quiet(schedule)
    assert weekly_decision(local(2026, 12, 2, 12, 30), FRIDAY, AT, q, "").due


def test_works_only_weekends_gets_it_on_the_first_working_day_after() -> None:
    schedule = weekly([5, 6], time(7, 0), time(15, 0))
    assert slot_weekday(FRIDAY, schedule) == 5
    assert slot_time(5, time(6, 0), schedule) == time(7, 0)


def test_app_off_on_friday_shows_it_saturday_only_when_saturday_is_a_working_day() -> None:
    q = quiet()  # Monday to Friday
    saturday = local(2026, 12, 5, 10)
    decision = weekly_decision(saturday, FRIDAY, AT, q, "")
    assert not decision.due
    assert decision.wake_at == local(2026, 12, 11, 15)  # next week's, not a stale Monday one
    monday = weekly_decision(local(2026, 12, 7, 9), FRIDAY, AT, q, "")
    assert not monday.due
    assert monday.wake_at == local(2026, 12, 11, 15)
    anytime = quiet(())  # no working hours: any moment is fine
    assert weekly_decision(saturday, FRIDAY, AT, anytime, "").due


def test_started_friday_evening_after_work_waits_for_next_week() -> None:
    q = quiet()
    decision = weekly_decision(local(2026, 12, 4, 18), FRIDAY, AT, q, "")
    assert not decision.due
    assert decision.wake_at == local(2026, 12, 11, 15)


def test_missed_slot_within_the_week_comes_at_the_next_working_start() -> None:
    schedule = (*weekly([4], time(8, 0), time(12, 0)), *weekly([4], time(13, 0), time(16, 0)))
    q = quiet(schedule)
    lunch = local(2026, 12, 4, 15, 30)  # after the slot but within work: now
    assert weekly_decision(lunch, FRIDAY, time(12, 30), q, "").due
    decision = weekly_decision(local(2026, 12, 4, 12, 40), FRIDAY, time(12, 30), q, "")
    assert not decision.due
    assert decision.wake_at == local(2026, 12, 4, 13, 0)


def test_a_pause_defers_the_summary_until_it_ends() -> None:
    q = quiet()
    friday = local(2026, 12, 4, 15)
    q.pause_for(timedelta(hours=1), friday)
    decision = weekly_decision(friday, FRIDAY, AT, q, "")
    assert not decision.due
    assert decision.wake_at == local(2026, 12, 4, 16)


def test_slot_in_a_dst_week_keeps_the_wall_clock_time() -> None:
    slot = weekly_slot(local(2026, 10, 26, 9), FRIDAY, AT, FULL_TIME, AMS)  # week after DST end
    assert slot.astimezone(AMS).hour == 15
    assert slot.astimezone(UTC).hour == 14
    before = weekly_slot(local(2026, 10, 19, 9), FRIDAY, AT, FULL_TIME, AMS)
    assert before.astimezone(UTC).hour == 13


def test_monthly_nudge_once_a_month_within_working_time_never_when_complete() -> None:
    q = quiet()
    monday = local(2026, 12, 7, 9)
    assert monthly_decision(monday, q, "", complete=False).due
    shown = month_key(monday, AMS)
    later = monthly_decision(local(2026, 12, 28, 9), q, shown, complete=False)
    assert not later.due
    assert later.wake_at == local(2027, 1, 1)
    night = monthly_decision(local(2027, 1, 1, 0, 5), q, shown, complete=False)
    assert not night.due
    assert night.wake_at == local(2027, 1, 1, 8, 30)
    assert monthly_decision(local(2027, 1, 1, 9), q, shown, complete=False).due
    assert monthly_decision(monday, q, "", complete=True) == monthly_decision(
        monday, q, shown, complete=True
    )
    assert monthly_decision(monday, q, "", complete=True).wake_at is None


def test_weekly_tip_on_monday_morning_once() -> None:
    q = quiet()
    first = weekly_decision(local(2026, 12, 7, 10), 0, time(10, 0), q, "")
    assert first.due
    shown = week_key(local(2026, 12, 7, 10), AMS)
    assert not weekly_decision(local(2026, 12, 9, 10), 0, time(10, 0), q, shown).due


def test_state_survives_a_restart(tmp_path) -> None:
    path = tmp_path / "db.sqlite3"
    db = Database.open(path)
    CommunityState(db).set("jouw_week_shown", "2026-W49")
    CommunityState(db).set("jouw_week_shown", "2026-W50")
    db.close()
    again = Database.open(path)
    assert CommunityState(again).get("jouw_week_shown") == "2026-W50"
    assert CommunityState(again).get("other") == ""
    again.close()
    memory = CommunityState(None)
    memory.set("x", "1")
    assert memory.get("x") == "1"


def test_a_slot_before_the_first_start_was_not_missed() -> None:
    """Installed on Friday evening in a weekend-working schedule: no summary of a week the app
    did not see; the next week's slot comes as usual."""
    weekend_too = weekly(range(7), time(8, 0), time(20, 0))
    q = quiet(weekend_too)
    first_start = local(2026, 12, 4, 18)  # Friday 18:00, after the 15:00 slot
    saturday = local(2026, 12, 5, 10)
    assert weekly_decision(saturday, FRIDAY, AT, q, "").due  # an old profile catches up
    fresh = weekly_decision(saturday, FRIDAY, AT, q, "", since=first_start)
    assert not fresh.due
    assert fresh.wake_at == local(2026, 12, 11, 15)
    # started before the slot: the slot is missed only while the app was off, so it catches up
    assert weekly_decision(saturday, FRIDAY, AT, q, "", since=local(2026, 12, 1, 9)).due


def test_no_profile_nudge_on_the_day_of_the_first_start() -> None:
    q = quiet()
    first_start = local(2026, 12, 1, 10)  # Tuesday, working time
    day_one = monthly_decision(local(2026, 12, 1, 11), q, "", complete=False, since=first_start)
    assert not day_one.due
    assert day_one.wake_at == first_start + timedelta(days=1)
    assert monthly_decision(local(2026, 12, 2, 11), q, "", complete=False, since=first_start).due
    assert not monthly_decision(local(2026, 12, 2, 11), q, "", complete=True, since=first_start).due
