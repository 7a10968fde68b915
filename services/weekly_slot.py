"""A weekly moment within the user's working hours ("Friday 15:00, or when I'm at work").

Pure Python, reusable by every weekly feature. The wanted weekday and wall-clock time are
moved onto the working schedule: a day the user does not work becomes the last working day
before it in the same week (else the first one after it); a time outside that day's working
periods becomes the nearest moment inside them (a little before the end of the period that
ended before it, else the start of the first period). An empty schedule keeps the wish as is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from services.quiet_hours import QuietHours, WorkingPeriod

BEFORE_END = timedelta(minutes=30)  # a slot moved to a period's end comes this much earlier
_WEEK = 7


def slot_weekday(weekday: int, schedule: Sequence[WorkingPeriod]) -> int:
    """The weekday to use: `weekday` if worked, else the last worked day before it, else after."""
    worked = {p.weekday for p in schedule if p.start != p.end}
    if not worked or weekday in worked:
        return weekday
    earlier = [d for d in worked if d < weekday]
    return max(earlier) if earlier else min(d for d in worked if d > weekday)


def slot_time(weekday: int, at: time, schedule: Sequence[WorkingPeriod]) -> time:
    """`at` if it falls in a working period of that weekday, else the nearest time inside one."""
    periods = sorted((p for p in schedule if p.weekday == weekday and p.start != p.end),
                     key=lambda p: p.start)  # fmt: skip
    if not periods:
        return at
    for p in periods:
        if p.start <= at and (p.crosses_midnight or at < p.end):
            return at
    ended = [p for p in periods if p.start <= at]
    if not ended:
        return periods[0].start
    last = ended[-1]
    length = datetime.combine(date.min, last.end) - datetime.combine(date.min, last.start)
    back = min(BEFORE_END, length / 2)
    return (datetime.combine(date.min, last.end) - back).time()


def local_instant(day: date, wall: time, tz: tzinfo) -> datetime:
    """The real instant showing `wall` on `day` (a time in the spring-forward gap moves on)."""
    return datetime.combine(day, wall, tzinfo=tz).astimezone(UTC).astimezone(tz)


def monday_of(moment: datetime, tz: tzinfo) -> date:
    """The Monday of the local week `moment` falls in."""
    local = moment.astimezone(tz).date()
    return local - timedelta(days=local.weekday())


def weekly_slot(
    moment: datetime, weekday: int, at: time, schedule: Sequence[WorkingPeriod], tz: tzinfo
) -> datetime:
    """The slot of the local week that `moment` falls in (it may lie before `moment`)."""
    day = slot_weekday(weekday % _WEEK, schedule)
    wall = slot_time(day, at, schedule)
    return local_instant(monday_of(moment, tz) + timedelta(days=day), wall, tz)


def next_week_slot(
    moment: datetime, weekday: int, at: time, schedule: Sequence[WorkingPeriod], tz: tzinfo
) -> datetime:
    """The slot of the week after the one `moment` falls in."""
    monday = monday_of(moment, tz) + timedelta(days=_WEEK)
    return weekly_slot(local_instant(monday, time(12, 0), tz), weekday, at, schedule, tz)


@dataclass(frozen=True, slots=True)
class Decision:
    """Show now (`due`), else look again at `wake_at` (None: never)."""

    due: bool
    wake_at: datetime | None = None


def week_key(moment: datetime, tz: tzinfo) -> str:
    """The local ISO week of `moment`, e.g. "2026-W49"."""
    year, week, _ = moment.astimezone(tz).isocalendar()
    return f"{year}-W{week:02d}"


def weekly_decision(
    now: datetime,
    weekday: int,
    at: time,
    quiet: QuietHours,
    last_shown: str,
    *,
    since: datetime | None = None,
) -> Decision:
    """Once a week at the slot; missed (app off, quiet) → the next working moment that week.

    A slot that passed before `since` (the profile's first start) was not missed: Startpunt
    was not there yet, so a first start on Saturday waits for next week's slot.
    """
    tz, schedule = quiet.tz, quiet.schedule
    later = next_week_slot(now, weekday, at, schedule, tz)
    if last_shown == week_key(now, tz):
        return Decision(False, later)
    slot = weekly_slot(now, weekday, at, schedule, tz)
    if now < slot:
        return Decision(False, slot)
    if since is not None and slot < since:
        return Decision(False, later)
    if not quiet.is_quiet(now):
        return Decision(True)
    resume = quiet.quiet_until(now)
    if resume is not None and week_key(resume, tz) == week_key(now, tz):
        return Decision(False, resume)
    return Decision(False, later)
