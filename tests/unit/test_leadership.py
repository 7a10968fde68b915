"""Leaders' example: the nudge moment, the team's waiting posts, and leader posts never twice."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.leader_posts import MAX_ALERTS, LeaderPosts, is_leader
from services.leadership import (
    NudgeTime,
    first_line,
    nudge_due,
    nudge_time,
    parse_nudge_time,
    waiting_posts,
    week_key,
)
from services.models import Notification, NotificationKind, Person, Post
from services.quiet_hours import QuietHours, weekly
from services.seen import SeenStore
from services.store import Database
from tests.fakes.clock import FakeClock

AMS = ZoneInfo("Europe/Amsterdam")
MONDAY = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # 09:00 in Amsterdam
BOSS = Person(7, "guid-boss", "Marieke Jansen")
ME = Person(1, "guid-me", "Sanne de Vries")
JAN = Person(3, "guid-jan", "Jan Bakker")


def _post(pid: int, who: Person, *, cid: int = 10, at: datetime = MONDAY, likes: int = 0) -> Post:
    return Post(pid, pid + 100, f"Bericht {pid}\nmeer", who, at, f"https://i/p/{pid}", cid, likes)


def _created(nid: int, post_id: int, who: Person = BOSS, at: datetime = MONDAY) -> Notification:
    return Notification(
        nid,
        NotificationKind.CONTENT_CREATED,
        "humhub\\modules\\content\\notifications\\ContentCreated",
        f"{who.display_name} heeft een nieuw bericht geplaatst.",
        who,
        at,
        post_id=post_id,
    )


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("mon 09:30", "mon 09:30"), ("Maandag 9:30", "mon 09:30"), ("vr 16:00", "fri 16:00"),
     ("  ", "")],
)  # fmt: skip
def test_nudge_time_reads_english_and_dutch_days(typed: str, stored: str) -> None:
    assert nudge_time(typed) == stored


@pytest.mark.parametrize("bad", ["09:30", "someday 09:30", "mon 24:00", "mon 9:75"])
def test_nudge_time_refuses_what_it_cannot_read(bad: str) -> None:
    with pytest.raises(ValueError, match=r"day|time"):
        nudge_time(bad)
    with pytest.raises(TypeError):
        nudge_time(5)


def test_nudge_is_due_from_its_moment_until_the_week_ends_once() -> None:
    when = parse_nudge_time("mon 09:30")
    anytime = QuietHours((), AMS, FakeClock(MONDAY))  # no working hours: any moment counts
    assert not nudge_due(MONDAY + timedelta(minutes=29), when, anytime, shown=False)
    assert nudge_due(MONDAY + timedelta(minutes=30), when, anytime, shown=False)
    assert not nudge_due(MONDAY + timedelta(minutes=30), when, anytime, shown=True)
    wednesday = MONDAY + timedelta(days=2)  # the app was off on Monday: made up this week
    assert nudge_due(wednesday, when, anytime, shown=False)
    assert week_key(wednesday.date()) == week_key(MONDAY.date())
    next_monday = MONDAY + timedelta(days=7)  # a new week has its own key and moment
    assert week_key(next_monday.date()) != week_key(MONDAY.date())
    assert not nudge_due(next_monday, when, anytime, shown=False)  # 09:00 < 09:30


def test_waiting_posts_are_the_colleagues_posts_in_my_spaces_without_a_reaction() -> None:
    posts = [
        _post(1, ME, cid=10),  # I posted in 10: my team's space
        _post(2, JAN, cid=10),  # waits
        _post(3, JAN, cid=10, likes=1),  # has a like
        _post(4, JAN, cid=20),  # not my team's space
        _post(5, JAN, cid=10, at=MONDAY - timedelta(days=8)),  # older than a week
        _post(6, BOSS, cid=10),  # waits
    ]
    assert [p.id for p in waiting_posts(posts, ME, MONDAY)] == [6, 2]
    assert NudgeTime(0, time(9, 30)) == parse_nudge_time("ma 09:30")


def test_leaders_match_by_guid_or_name_and_first_line_is_plain() -> None:
    assert is_leader(BOSS, ["guid-boss"])
    assert is_leader(BOSS, [" marieke jansen "])
    assert not is_leader(JAN, ["guid-boss", "Marieke Jansen"])
    assert not is_leader(None, ["guid-boss"])
    assert first_line("\n[Jan](mention:g) *top*\nrest") == "@Jan *top*"


def test_leader_posts_never_alert_twice_and_the_first_check_only_records(tmp_path) -> None:
    clock = FakeClock(MONDAY)
    db = Database.open(tmp_path / "db.sqlite3")
    posts = LeaderPosts(SeenStore(db, clock=clock))
    leaders = ["Marieke Jansen"]
    existing = [_post(1, BOSS), _post(2, JAN)]
    assert posts.new_posts(existing, leaders=leaders, me=ME, now=MONDAY) == ()  # baseline
    newer = [_post(3, BOSS), *existing]
    assert [p.id for p in posts.new_posts(newer, leaders=leaders, me=ME, now=MONDAY)] == [3]
    assert posts.new_posts(newer, leaders=leaders, me=ME, now=MONDAY) == ()
    db.close()
    again = LeaderPosts(SeenStore(Database.open(tmp_path / "db.sqlite3"), clock=clock))
    assert again.new_posts(newer, leaders=leaders, me=ME, now=MONDAY) == ()  # after a restart
    old = _post(4, BOSS, at=MONDAY - timedelta(days=2))
    many = [_post(i, BOSS) for i in range(10, 16)]
    fresh = again.new_posts([old, *many], leaders=leaders, me=ME, now=MONDAY)
    assert [p.id for p in fresh] == [15, 14, 13][:MAX_ALERTS]  # newest, capped; old: silent
    assert again.new_posts([old, *many], leaders=leaders, me=ME, now=MONDAY) == ()


def test_a_leader_post_alerts_once_whether_notified_or_read_from_the_post_list() -> None:
    posts = LeaderPosts(SeenStore(Database.in_memory(), clock=FakeClock(MONDAY)))
    leaders = ["guid-boss"]
    assert posts.new_posts([], leaders=leaders, me=ME, now=MONDAY) == ()  # baseline
    assert [p.id for p in posts.new_posts([_post(5, BOSS)], leaders=leaders, me=ME, now=MONDAY)]
    other = Notification(9, NotificationKind.LIKE, "NewLike", "x", JAN, MONDAY)
    claimed, alert = posts.claim_notifications(
        [_created(1, 5), _created(2, 6), other], leaders=leaders, now=MONDAY
    )
    assert [n.id for n in claimed] == [1, 2]  # out of the ordinary flow
    assert [n.id for n in alert] == [2]  # post 5 alerted already from the post list
    assert posts.new_posts([_post(6, BOSS)], leaders=leaders, me=ME, now=MONDAY) == ()
    assert posts.new_posts([_post(7, ME)], leaders=["guid-me"], me=ME, now=MONDAY) == ()


def test_a_post_recorded_by_the_first_check_still_alerts_when_its_notification_comes() -> None:
    posts = LeaderPosts(SeenStore(Database.in_memory(), clock=FakeClock(MONDAY)))
    leaders = ["guid-boss"]
    assert posts.new_posts([_post(5, BOSS)], leaders=leaders, me=ME, now=MONDAY) == ()
    _, alert = posts.claim_notifications([_created(1, 5)], leaders=leaders, now=MONDAY)
    assert [n.id for n in alert] == [1]
    _, alert = posts.claim_notifications([_created(1, 5)], leaders=leaders, now=MONDAY)
    assert alert == ()


def test_nudge_of_a_leader_who_starts_later_comes_at_the_start_of_work() -> None:
    """The moment moves into working hours like "Jouw week": 09:30 for someone who starts at
    10:00 on Mondays is due at 10:00, not before."""
    when = parse_nudge_time("mon 09:30")
    late = QuietHours(weekly([0], time(10, 0), time(16, 0)), AMS, FakeClock(MONDAY))
    assert not nudge_due(MONDAY + timedelta(minutes=45), when, late, shown=False)
    assert nudge_due(MONDAY + timedelta(hours=1), when, late, shown=False)
