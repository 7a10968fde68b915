"""The activity journal: idempotent, pruned, weeks from Monday 00:00 local (also across DST)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from services.activity import ActivityJournal, is_thanks
from services.models import Notification, NotificationKind, Person
from services.store import Database
from services.week_summary import summarize, week_start
from tests.fakes.clock import FakeClock

AMS = ZoneInfo("Europe/Amsterdam")
JAN = Person(1, "guid-jan", "Jan Bakker")
SARA = Person(2, "guid-sara", "Sara de Vries")


def at(y: int, mo: int, d: int, h: int = 12) -> datetime:
    return datetime(y, mo, d, h, tzinfo=AMS)


def note(nid: int, kind: NotificationKind, who: Person, when: datetime, **kw) -> Notification:
    texts = {
        NotificationKind.LIKE: f'{who.display_name} likes post "Kerstborrel vrijdag".',
        NotificationKind.COMMENT: f'{who.display_name} commented post "Kerstborrel vrijdag".',
        NotificationKind.MENTION: f"{who.display_name} mentioned you.",
    }
    return Notification(nid, kind, "cls", texts.get(kind, "x"), who, when, **kw)


def journal(tmp_path, now: datetime) -> tuple[ActivityJournal, FakeClock, Database]:
    db = Database.open(tmp_path / "db.sqlite3")
    clock = FakeClock(now)
    return ActivityJournal(db, clock), clock, db


def test_a_seeded_week_is_summed_up(tmp_path) -> None:
    friday = at(2026, 12, 4, 15)
    j, _, _ = journal(tmp_path, friday)
    j.record_post(
        77, "Kerstborrel vrijdag om vier uur in de kantine", "https://i/p/77", at(2026, 12, 1)
    )
    j.record_notifications((
        note(1, NotificationKind.LIKE, JAN, at(2026, 12, 1)),
        note(1, NotificationKind.LIKE, SARA, at(2026, 12, 2)),  # regrouped: a second liker
        note(2, NotificationKind.COMMENT, JAN, at(2026, 12, 2), post_id=77, comment_text="Leuk!"),
        note(3, NotificationKind.COMMENT, SARA, at(2026, 12, 3), post_id=77,
             comment_text="Bedankt voor het regelen!"),
        note(4, NotificationKind.MENTION, SARA, at(2026, 12, 3)),
        note(5, NotificationKind.FOLLOW, SARA, at(2026, 12, 3)),  # not about appreciation
    ))  # fmt: skip
    j.record_vote(9, "Welke dag voor de teamlunch?", at(2026, 12, 3))
    week = summarize(j, friday, AMS)
    assert (week.likes, week.comments, week.thanks, week.mentions) == (2, 1, 1, 1)
    assert week.thanked_by == ("Sara de Vries",)
    assert week.votes == ("Welke dag voor de teamlunch?",)
    assert len(week.posts) == 1
    assert (week.posts[0].likes, week.posts[0].comments) == (2, 2)
    assert not week.empty


def test_the_same_notification_never_counts_twice_across_restarts(tmp_path) -> None:
    friday = at(2026, 12, 4, 15)
    j, clock, db = journal(tmp_path, friday)
    item = note(1, NotificationKind.LIKE, JAN, at(2026, 12, 1))
    assert j.record_notifications((item, item)) == 1
    assert j.record_vote(9, "q", friday)
    db.close()
    again = ActivityJournal(Database.open(tmp_path / "db.sqlite3"), clock)
    assert again.record_notifications((item,)) == 0
    assert not again.record_vote(9, "q changed", friday)
    assert summarize(again, friday, AMS).likes == 1


def test_week_runs_from_monday_midnight_local_and_old_entries_are_pruned(tmp_path) -> None:
    friday = at(2026, 12, 4, 15)
    j, _, _ = journal(tmp_path, friday)
    sunday_night = datetime(2026, 11, 29, 23, 59, tzinfo=AMS)
    monday_early = datetime(2026, 11, 30, 0, 1, tzinfo=AMS)
    j.record_notifications((
        note(1, NotificationKind.LIKE, JAN, sunday_night),
        note(2, NotificationKind.LIKE, JAN, monday_early),
        note(3, NotificationKind.LIKE, JAN, friday + timedelta(days=2)),  # future: counts as now
        note(4, NotificationKind.LIKE, JAN, friday - timedelta(weeks=10)),
    ))  # fmt: skip
    assert summarize(j, friday, AMS).likes == 2
    assert j.count() == 3  # the 10-week-old entry was pruned on the write
    j.record_vote(1, "q", friday - timedelta(weeks=7))
    assert j.prune(friday + timedelta(weeks=1, hours=1)) == 1


def test_a_dst_week_is_monday_to_monday_on_the_wall_clock(tmp_path) -> None:
    sunday = at(2026, 11, 1)  # DST ended on Sunday 25 October 2026
    start = week_start(at(2026, 10, 28), AMS)
    assert start.hour == 0
    assert start.day == 26
    assert start.utcoffset() == timedelta(hours=1)
    spring = week_start(at(2026, 3, 31), AMS)  # DST began Sunday 29 March
    assert spring.day == 30
    assert spring.utcoffset() == timedelta(hours=2)
    j, _, _ = journal(tmp_path, sunday)
    j.record_notifications((note(1, NotificationKind.LIKE, JAN, at(2026, 10, 26, 0)),))
    j.record_notifications((note(2, NotificationKind.LIKE, JAN, at(2026, 10, 25, 23)),))
    assert summarize(j, sunday, AMS).likes == 1


def test_empty_week_and_thanks_words() -> None:
    db = Database.in_memory()
    j = ActivityJournal(db, FakeClock(at(2026, 12, 4)))
    assert summarize(j, at(2026, 12, 4), AMS).empty
    for text in ("Bedankt!", "dank je wel", "Dankjewel Jan", "Thanks a lot", "THANK YOU"):
        assert is_thanks(text), text
    for text in ("", "Leuk!", "ondankbaar werk"):
        assert not is_thanks(text), text
