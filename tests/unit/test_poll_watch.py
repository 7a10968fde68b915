"""Poll alerts, reminders and outcomes on a fake clock, with the decisions kept in SQLite."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from services.models import Poll
from services.poll_memory import PollMemory
from services.poll_watch import PollEvent, PollWatch, names_question, reminder_time
from services.quiet_hours import QuietHours, weekly
from services.store import Database
from tests.fakes.clock import FakeClock
from tests.fakes.polls import make_poll

AMS = ZoneInfo("Europe/Amsterdam")
MONDAY_9 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # 09:00 in Amsterdam


def poll(pid: int, *, closed: bool = False, ends_at: datetime | None = None) -> Poll:
    return make_poll(pid, closed=closed, ends_at=ends_at, url=f"https://i.example/p/{pid}")


def kinds(events: list[PollEvent]) -> list[tuple[str, int]]:
    return [(e.kind.value, e.poll.id) for e in events]


def test_first_check_records_what_exists_without_alerts() -> None:
    clock = FakeClock(MONDAY_9)
    watch = PollWatch(PollMemory(Database.in_memory()), clock)
    assert watch.review((poll(1), poll(2)), {}) == []
    assert watch.review((poll(3), poll(1), poll(2)), {}) == []  # waits for a notification
    assert kinds(watch.review((poll(3), poll(1), poll(2)), {})) == [("new", 3)]
    assert watch.review((poll(3), poll(1), poll(2)), {}) == []  # never twice


def test_decisions_survive_a_restart(tmp_path: Path) -> None:
    path, clock = tmp_path / "app.db", FakeClock(MONDAY_9)
    db = Database.open(path)
    PollWatch(PollMemory(db), clock).review((poll(1),), {})
    second = PollWatch(PollMemory(db), clock)
    second.review((poll(2), poll(1)), {})
    assert kinds(second.review((poll(2), poll(1)), {})) == [("new", 2)]
    db.close()
    again = PollWatch(PollMemory(Database.open(path)), clock)
    assert again.review((poll(2), poll(1)), {}) == []


def test_a_poll_a_notification_announced_is_not_alerted_again() -> None:
    # 4 was covered by the notification's alert; 5 is alerted by the check
    fresh = PollWatch(PollMemory(Database.in_memory()), FakeClock(MONDAY_9))
    fresh.review((), {})
    fresh.announced(['Alice Anders created Poll "Question 4?".'])
    assert fresh.review((poll(4), poll(5)), {}) == []
    assert kinds(fresh.review((poll(4), poll(5)), {})) == [("new", 5)]


def test_a_notification_after_the_first_sight_still_covers_the_poll() -> None:
    watch = PollWatch(PollMemory(Database.in_memory()), FakeClock(MONDAY_9))
    watch.review((), {})
    assert watch.review((poll(6),), {}) == []
    watch.announced(['Alice Anders created Poll "Question 6?".'])
    assert watch.review((poll(6),), {}) == []
    assert watch.review((replace(poll(6), closed=True),), {}) != []  # alerted: outcome told


def test_outcome_once_for_polls_alerted_or_voted_in_only() -> None:
    clock = FakeClock(MONDAY_9)
    watch = PollWatch(PollMemory(Database.in_memory()), clock)
    watch.review((poll(1), poll(2)), {})  # baseline: 1 and 2 existed
    watch.review((poll(3), poll(1), poll(2)), {})  # 3 pending
    watch.review((poll(3), poll(1), poll(2)), {})  # 3 alerted
    watch.voted(2)
    assert not watch.needs_votes(poll(9, closed=True))  # never seen open: nothing to tell
    closed = (poll(3, closed=True), poll(1, closed=True), poll(2, closed=True))
    assert watch.needs_votes(closed[1])
    events = watch.review(closed, {1: False})
    assert kinds(events) == [("outcome", 3), ("outcome", 2)]
    assert watch.review(closed, {}) == []


def test_reminder_a_day_before_the_end_unless_voted() -> None:
    clock = FakeClock(MONDAY_9)
    ends = MONDAY_9 + timedelta(days=3)
    watch = PollWatch(PollMemory(Database.in_memory()), clock)
    watch.review((), {})
    open_poll = poll(7, ends_at=ends)
    assert watch.review((open_poll,), {7: False}) == []
    assert kinds(watch.review((open_poll,), {7: False})) == [("new", 7)]
    assert watch.needs_votes(open_poll)
    clock.advance(timedelta(days=1, hours=23))
    assert watch.review((open_poll,), {7: False}) == []  # 25 h before the end: not yet
    clock.advance(timedelta(hours=1))
    assert watch.review((open_poll,), {7: True}) == []  # voted: no reminder
    assert kinds(watch.review((open_poll,), {7: False})) == [("reminder", 7)]
    assert not watch.needs_votes(open_poll)
    clock.advance(timedelta(hours=2))
    assert watch.review((open_poll,), {7: False}) == []  # once
    clock.advance(timedelta(days=1))
    assert kinds(watch.review((replace(open_poll, closed=True),), {})) == [("outcome", 7)]


def test_no_reminder_after_the_end() -> None:
    clock = FakeClock(MONDAY_9)
    watch = PollWatch(PollMemory(Database.in_memory()), clock)
    watch.review((), {})
    late = poll(8, ends_at=MONDAY_9 - timedelta(minutes=1))
    watch.review((late,), {8: False})
    assert kinds(watch.review((late,), {8: False})) == [("new", 8)]


def test_reminder_waits_for_working_time_when_it_comes_before_the_end() -> None:
    clock = FakeClock(MONDAY_9)
    quiet = QuietHours(weekly(range(5), time(9), time(17)), AMS, clock)
    # ends Wednesday 12:00 local: 24 h before is Tuesday 12:00, a working moment
    wednesday_noon = datetime(2026, 12, 2, 11, 0, tzinfo=UTC)
    assert reminder_time(wednesday_noon, quiet) == wednesday_noon - timedelta(hours=24)
    # ends Wednesday 08:00 local: 24 h before is Tuesday 08:00 (quiet) → Tuesday 09:00
    wednesday_8 = datetime(2026, 12, 2, 7, 0, tzinfo=UTC)
    at = reminder_time(wednesday_8, quiet)
    assert at == datetime(2026, 12, 1, 9, 0, tzinfo=AMS)
    # ends Saturday 20:00: 24 h before is Friday 20:00 (quiet), no working time before the end
    saturday = datetime(2026, 12, 5, 19, 0, tzinfo=UTC)
    assert reminder_time(saturday, quiet) == saturday - timedelta(hours=24)


def test_reminder_schedule_on_the_fake_clock_with_working_hours() -> None:
    clock = FakeClock(MONDAY_9)
    quiet = QuietHours(weekly(range(5), time(9), time(17)), AMS, clock)
    watch = PollWatch(PollMemory(Database.in_memory()), clock, quiet)
    watch.review((), {})
    ends = datetime(2026, 12, 2, 7, 0, tzinfo=UTC)  # Wednesday 08:00 local
    p = poll(11, ends_at=ends)
    watch.review((p,), {11: False})
    assert kinds(watch.review((p,), {11: False})) == [("new", 11)]
    clock.advance(ends - timedelta(hours=24) - MONDAY_9)  # Tuesday 08:00 local: quiet
    assert watch.review((p,), {11: False}) == []
    clock.advance(timedelta(minutes=59))
    assert watch.review((p,), {11: False}) == []
    clock.advance(timedelta(minutes=1))  # Tuesday 09:00: working time
    assert kinds(watch.review((p,), {11: False})) == [("reminder", 11)]


def test_closed_when_first_seen_is_silent() -> None:
    watch = PollWatch(PollMemory(Database.in_memory()), FakeClock(MONDAY_9))
    watch.review((), {})
    assert watch.review((poll(12, closed=True),), {12: True}) == []
    assert watch.review((poll(12, closed=True),), {}) == []


def test_a_question_the_server_cut_short_still_matches() -> None:
    question = "Welke dag past het best voor het teamoverleg?"
    cut = (
        'Noor Hendriks heeft een nieuwe peiling "Welke dag past het best voor het teamov…" gemaakt.'
    )
    assert names_question(cut, question)
    assert names_question('Alice created Poll "Welke dag past het best...".', question)
    assert not names_question('Alice created Poll "Welke week...".', question)
    assert not names_question('Alice created Poll "Welk…".', "Welke kleur?")  # too short to tell
    assert not names_question("anything", "")


def test_a_pending_poll_closed_before_its_alert_is_not_told() -> None:
    watch = PollWatch(PollMemory(Database.in_memory()), FakeClock(MONDAY_9))
    watch.review((), {})
    watch.review((poll(13),), {})
    assert watch.review((poll(13, closed=True),), {}) == []
    watch.voted(14)
    watch.review((poll(14),), {})
    assert kinds(watch.review((poll(14, closed=True),), {})) == [("outcome", 14)]


def test_a_short_poll_reminds_at_half_its_life_not_at_once() -> None:
    # a 75-second poll (the demo's): 24 h before its end is long past, so half its life counts
    clock = FakeClock(MONDAY_9)
    watch = PollWatch(PollMemory(Database.in_memory()), clock)
    watch.review((), {})
    short = replace(poll(12, ends_at=MONDAY_9 + timedelta(seconds=75)), created_at=MONDAY_9)
    assert reminder_time(short.ends_at or MONDAY_9, None, MONDAY_9) == MONDAY_9 + timedelta(
        seconds=37.5
    )
    clock.advance(timedelta(seconds=5))
    assert watch.review((short,), {12: False}) == []  # first sight
    clock.advance(timedelta(seconds=30))  # 35 s: the new-poll alert, no reminder next to it
    assert kinds(watch.review((short,), {12: False})) == [("new", 12)]
    clock.advance(timedelta(seconds=3))  # 38 s: past half its life
    reminders = watch.review((short,), {12: False})
    assert kinds(reminders) == [("reminder", 12)]
    assert reminders[0].left == timedelta(seconds=37)  # the alert says how long it stays open
    clock.advance(timedelta(seconds=40))
    assert kinds(watch.review((replace(short, closed=True),), {})) == [("outcome", 12)]


def test_a_long_poll_still_reminds_a_day_before_its_end() -> None:
    created, ends = MONDAY_9, MONDAY_9 + timedelta(days=7)
    assert reminder_time(ends, None, created) == ends - timedelta(hours=24)
    # a poll of one day and a half: half its life (18 h before the end) is later than 24 h
    ends = MONDAY_9 + timedelta(hours=36)
    assert reminder_time(ends, None, created) == MONDAY_9 + timedelta(hours=18)


def test_a_short_poll_halfway_in_quiet_time_waits_for_work_if_it_comes_in_time() -> None:
    clock = FakeClock(MONDAY_9)
    quiet = QuietHours(weekly(range(5), time(9), time(17)), AMS, clock)
    # made Monday 16:00 local, ends Tuesday 12:00: halfway (Tuesday 02:00) is quiet → 09:00
    made = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
    ends = datetime(2026, 12, 1, 11, 0, tzinfo=UTC)
    assert reminder_time(ends, quiet, made) == datetime(2026, 12, 1, 9, 0, tzinfo=AMS)
    # made Monday 16:30, ends Monday 16:50 local: halfway 16:40 is working time
    made, ends = (
        datetime(2026, 11, 30, 15, 30, tzinfo=UTC),
        datetime(2026, 11, 30, 15, 50, tzinfo=UTC),
    )
    assert reminder_time(ends, quiet, made) == made + timedelta(minutes=10)
