"""Quiet hours: alerts only within working time (part-time patterns), plus "pause" choices.

Pure Python; the clock and the local time zone are injected. Working periods are wall-clock
times in the local zone, so a DST change moves the instants, not the times on the schedule.
An empty schedule means "never quiet". A period whose end is not after its start crosses
midnight into the next day (a night shift); a period whose start equals its end is ignored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from services.clock import Clock

DEFAULT_TOMORROW_AT = time(8, 0)
_SEARCH_DAYS = 8
_WEEKDAYS = 7


@dataclass(frozen=True, slots=True)
class WorkingPeriod:
    """Alerts are allowed on `weekday` (0 = Monday) from `start` until `end` (local times)."""

    weekday: int
    start: time
    end: time

    def __post_init__(self) -> None:
        if not 0 <= self.weekday < _WEEKDAYS:
            raise ValueError(f"weekday must be 0..6, not {self.weekday}")
        if self.start.tzinfo is not None or self.end.tzinfo is not None:
            raise ValueError("working times are local wall-clock times without a zone")

    @property
    def crosses_midnight(self) -> bool:
        """Whether the period ends on the next day."""
        return self.end <= self.start

    def contains(self, local: datetime) -> bool:
        """Whether the local wall-clock moment falls within this period."""
        weekday, moment = local.weekday(), local.time().replace(tzinfo=None)
        if not self.crosses_midnight:
            return weekday == self.weekday and self.start <= moment < self.end
        if weekday == self.weekday:
            return moment >= self.start
        return weekday == (self.weekday + 1) % _WEEKDAYS and moment < self.end


def weekly(days: Iterable[int], start: time, end: time) -> tuple[WorkingPeriod, ...]:
    """The same hours on several weekdays, e.g. `weekly(range(4), time(8, 30), time(17))`."""
    return tuple(WorkingPeriod(d, start, end) for d in days)


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("quiet hours need an aware datetime")
    return moment.astimezone(UTC)


class QuietHours:
    """Decides whether alerts should be silent now, and until when."""

    def __init__(self, schedule: Iterable[WorkingPeriod], tz: tzinfo, clock: Clock) -> None:
        self.schedule = tuple(p for p in schedule if p.start != p.end)
        self.tz = tz
        self._clock = clock
        self._paused_until: datetime | None = None

    def set_schedule(self, schedule: Iterable[WorkingPeriod]) -> None:
        """Use new working hours from now on (the settings window); a running pause stays."""
        self.schedule = tuple(p for p in schedule if p.start != p.end)

    @property
    def paused_until(self) -> datetime | None:
        """The end of a pause the user chose (local time), or None."""
        return None if self._paused_until is None else self._paused_until.astimezone(self.tz)

    def is_paused(self, now: datetime | None = None) -> bool:
        """Whether a user-chosen pause is running."""
        moment = _utc(now or self._clock.now())
        return self._paused_until is not None and moment < self._paused_until

    def in_working_time(self, now: datetime | None = None) -> bool:
        """Whether the schedule allows alerts at this moment (always, when it is empty)."""
        if not self.schedule:
            return True
        local = _utc(now or self._clock.now()).astimezone(self.tz)
        return any(p.contains(local) for p in self.schedule)

    def is_quiet(self, now: datetime | None = None) -> bool:
        """Whether alerts should go silently to the panel now."""
        moment = now or self._clock.now()
        return self.is_paused(moment) or not self.in_working_time(moment)

    def quiet_until(self, now: datetime | None = None) -> datetime | None:
        """When the quiet time that holds now ends (local time); None when not quiet."""
        moment = _utc(now or self._clock.now())
        if not self.is_quiet(moment):
            return None
        if self._paused_until is not None and moment < self._paused_until:
            moment = self._paused_until
            if self.in_working_time(moment):
                return moment.astimezone(self.tz)
        return self.next_start(moment)

    def next_start(self, after: datetime, *, later_day: bool = False) -> datetime | None:
        """The first working-period start strictly after `after` (local time), if any.

        With `later_day`, only periods starting on a later local calendar date count.
        """
        reference = _utc(after)
        today = reference.astimezone(self.tz).date()
        starts = [
            start
            for offset in range(_SEARCH_DAYS)
            for start in self._starts_on(today + timedelta(days=offset))
            if _utc(start) > reference and (not later_day or start.date() > today)
        ]
        return min(starts, key=_utc) if starts else None

    def pause_for(self, duration: timedelta, now: datetime | None = None) -> datetime:
        """Silence alerts for `duration` from now; return the end (local time)."""
        self._paused_until = _utc(now or self._clock.now()) + duration
        return self._paused_until.astimezone(self.tz)

    def pause_until_tomorrow(self, now: datetime | None = None) -> datetime:
        """Silence alerts until the next working period on a later day (else tomorrow 08:00)."""
        moment = _utc(now or self._clock.now())
        until = self.next_start(moment, later_day=True)
        if until is None:
            tomorrow = moment.astimezone(self.tz).date() + timedelta(days=1)
            until = self._localize(tomorrow, DEFAULT_TOMORROW_AT)
        self._paused_until = _utc(until)
        return until

    def end_pause(self) -> None:
        """Allow alerts again (within working time)."""
        self._paused_until = None

    def _starts_on(self, day: date) -> list[datetime]:
        return [
            start
            for p in self.schedule
            if p.weekday == day.weekday()
            for start in self._instants(day, p.start)
        ]

    def _instants(self, day: date, wall: time) -> list[datetime]:
        """The real instants showing `wall` on `day`: two on fall-back night, else one.

        A wall time inside the spring-forward gap becomes the first instant after the gap.
        """
        found = []
        for fold in (0, 1):
            aware = datetime.combine(day, wall).replace(fold=fold, tzinfo=self.tz)
            real = aware.astimezone(UTC).astimezone(self.tz)
            if fold == 0 or real.time() == wall:
                found.append(real)
        return found

    def _localize(self, day: date, wall: time) -> datetime:
        return self._instants(day, wall)[0]
