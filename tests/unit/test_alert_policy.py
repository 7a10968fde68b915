"""alert_policy.py: grouping, backlog summary, rate limit, per-kind switches, quiet time."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from services.alert_policy import (
    AlertPolicy,
    RateLimiter,
    alert_switch,
    group_key,
    quoted_title,
)
from services.models import (
    AlertPlan,
    AlertPlanKind,
    Notification,
    NotificationKind,
    Person,
    SummaryReason,
)
from services.seen import Disposition, SeenStore
from services.settings import AlertKinds, Settings
from services.store import Database

T0 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
DEFAULTS = Settings()
CLASS = {
    NotificationKind.LIKE: "humhub\\modules\\like\\notifications\\NewLike",
    NotificationKind.COMMENT: "humhub\\modules\\comment\\notifications\\NewComment",
    NotificationKind.MENTION: "humhub\\modules\\user\\notifications\\Mentioned",
    NotificationKind.CONTENT_CREATED: "humhub\\modules\\content\\notifications\\ContentCreated",
    NotificationKind.FOLLOW: "humhub\\modules\\user\\notifications\\Followed",
}


def note(
    nid: int,
    kind: NotificationKind = NotificationKind.MENTION,
    *,
    who: str = "Jan de Boer",
    text: str = "",
    post_id: int | None = None,
    guid: str = "",
) -> Notification:
    return Notification(
        id=nid,
        kind=kind,
        class_name=CLASS.get(kind, "x"),
        text=text or f"{who} deed iets ({nid}).",
        originator=Person(nid + 1000, guid or f"guid-{who}", who),
        created_at=None,
        post_id=post_id,
    )


def like(nid: int, who: str, title: str = "Kerstborrel") -> Notification:
    return note(nid, NotificationKind.LIKE, who=who, text=f'{who} vindt je bericht "{title}" leuk.')


class Harness:
    def __init__(self, db: Database | None = None) -> None:
        self.db = db or Database.in_memory()
        self.seen = SeenStore(self.db)
        self.policy = AlertPolicy(self.seen)

    def poll(
        self, items: list[Notification], at: datetime = T0, *, quiet: bool = False, **kw
    ) -> list[AlertPlan]:
        new = self.seen.take_new(tuple(items))
        return self.policy.plan(
            new, now=at, settings=kw.pop("settings", DEFAULTS), quiet=quiet, **kw
        )


def test_policy_single_mention_is_one_single_alert():
    plans = Harness().poll([note(1)])
    assert len(plans) == 1
    plan = plans[0]
    assert plan.kind is AlertPlanKind.SINGLE
    assert plan.first_actor == "Jan de Boer"
    assert plan.others == 0
    assert plan.notification_kind is NotificationKind.MENTION
    assert plan.fingerprints == (note(1).fingerprint,)


def test_policy_likes_on_one_post_in_one_poll_are_one_group():
    plans = Harness().poll([like(3, "Fatima"), like(2, "Piet"), like(1, "Jan")])
    assert len(plans) == 1
    plan = plans[0]
    assert plan.kind is AlertPlanKind.GROUP
    assert plan.actor_names == ("Fatima", "Piet", "Jan")
    assert (plan.first_actor, plan.others) == ("Fatima", 2)
    assert plan.title == "Kerstborrel"
    assert plan.group_key == "like:title:kerstborrel"


def test_policy_later_likes_within_15_minutes_update_the_group_in_place():
    h = Harness()
    first = h.poll([like(1, "Jan")])[0]
    # HumHub regroups: same notification id, rewritten text, new originator
    regrouped = replace(
        like(1, "Fatima"), text='Fatima en Jan vinden je bericht "Kerstborrel" leuk.'
    )
    second = h.poll([regrouped], T0 + timedelta(minutes=5))[0]
    assert second.key == first.key  # the notifier replaces the alert with the same key
    assert second.actor_names == ("Fatima", "Jan")
    third = h.poll([like(2, "Piet")], T0 + timedelta(minutes=14))[0]
    assert third.key == first.key
    assert (third.first_actor, third.others) == ("Piet", 2)


def test_policy_likes_after_15_minutes_start_a_new_group():
    h = Harness()
    first = h.poll([like(1, "Jan")])[0]
    later = h.poll([like(2, "Piet")], T0 + timedelta(minutes=16))[0]
    assert later.key != first.key
    assert later.actor_names == ("Piet",)


def test_policy_likes_on_different_posts_are_different_groups():
    plans = Harness().poll([like(1, "Jan", "Kerstborrel"), like(2, "Piet", "Nieuwe koffie")])
    assert len({p.key for p in plans}) == 2


def test_policy_comments_group_on_the_post_id():
    plans = Harness().poll(
        [
            note(2, NotificationKind.COMMENT, who="Piet", post_id=7),
            note(1, NotificationKind.COMMENT, who="Jan", post_id=7),
        ]
    )
    assert [p.group_key for p in plans] == ["comment:post:7"]
    assert plans[0].actor_names == ("Piet", "Jan")


def test_policy_group_keys_and_titles():
    assert quoted_title('Jan likes post "Quarterly  results".') == "Quarterly results"
    assert quoted_title("Jan vindt je bericht “Koffie” leuk.") == "Koffie"
    assert quoted_title("no title here") == ""
    assert group_key(note(5)) is None  # mentions are never grouped
    untitled = note(9, NotificationKind.LIKE, text="Jan likes your comment.")
    assert group_key(untitled) == "like:id:9"


def test_policy_backlog_becomes_one_summary():
    plans = Harness().poll([like(i, "Jan", f"Bericht {i}") for i in range(8, 0, -1)])
    assert len(plans) == 1
    assert plans[0].kind is AlertPlanKind.SUMMARY
    assert plans[0].reason is SummaryReason.BACKLOG
    assert (plans[0].count, plans[0].more) == (8, False)


def test_policy_backlog_shows_two_mentions_then_one_summary():
    plans = Harness().poll([note(i) for i in range(8, 0, -1)])
    assert [p.kind for p in plans] == [AlertPlanKind.SINGLE] * 2 + [AlertPlanKind.SUMMARY]
    assert (plans[-1].reason, plans[-1].count, plans[-1].more) == (SummaryReason.BACKLOG, 6, False)


def test_policy_bounded_backlog_counts_the_server_total():
    h = Harness()
    plans = h.poll([note(i) for i in range(200, 0, -1)], bounded=True, total=10_000)
    assert len(plans) == 3
    assert (plans[-1].count, plans[-1].more) == (10_000 - 2, True)
    assert h.seen.disposition(note(3).fingerprint) is Disposition.SUMMARIZED


def test_policy_many_likes_on_one_post_are_not_a_backlog():
    plans = Harness().poll([like(i, f"Collega {i}") for i in range(9, 0, -1)])
    assert len(plans) == 1
    assert plans[0].kind is AlertPlanKind.GROUP
    assert plans[0].others == 8


def test_policy_five_at_once_are_two_alerts_and_a_summary():
    plans = Harness().poll([note(i) for i in range(5, 0, -1)])
    singles = [p for p in plans if p.kind is AlertPlanKind.SINGLE]
    assert [p.notification.id for p in singles if p.notification] == [1, 2]  # oldest first
    assert plans[-1].reason is SummaryReason.RATE_LIMIT
    assert plans[-1].count == 3
    assert len(plans) == 3


def test_policy_rate_limit_recovers_at_one_per_ten_seconds():
    h = Harness()
    assert len(h.poll([note(3), note(2), note(1)])) == 3
    over = h.poll([note(4)], T0 + timedelta(seconds=2))
    assert [p.kind for p in over] == [AlertPlanKind.SUMMARY]
    assert [p.kind for p in h.poll([note(5)], T0 + timedelta(seconds=12))] == [AlertPlanKind.SINGLE]
    assert [p.kind for p in h.poll([note(6)], T0 + timedelta(seconds=13))] == [
        AlertPlanKind.SUMMARY
    ]


def test_rate_limiter_tolerates_a_clock_going_back():
    limiter = RateLimiter(burst=1, interval=timedelta(seconds=10))
    assert limiter.take(T0)
    assert not limiter.take(T0 - timedelta(hours=1))
    assert limiter.take(T0 + timedelta(seconds=10))


def test_policy_switches_off_by_default_go_silently_to_the_panel():
    h = Harness()
    follow = note(1, NotificationKind.FOLLOW)
    space_post = note(2, NotificationKind.CONTENT_CREATED, who="Collega")
    assert h.poll([follow, space_post]) == []
    assert h.seen.disposition(follow.fingerprint) is Disposition.MUTED
    assert h.seen.disposition(space_post.fingerprint) is Disposition.MUTED


def test_policy_leader_posts_are_on_by_default():
    leaders = replace(DEFAULTS, leaders=("guid-petra", "Ömer Çelik"))
    by_guid = note(1, NotificationKind.CONTENT_CREATED, who="Petra", guid="guid-petra")
    by_name = note(2, NotificationKind.CONTENT_CREATED, who="ömer celik")
    assert alert_switch(by_guid, leaders.leaders) == "leader_post"
    plans = Harness().poll([by_guid, by_name], settings=leaders)
    assert len(plans) == 2
    assert all(p.leader for p in plans)


def test_policy_user_can_switch_likes_off_and_space_posts_on():
    chosen = replace(DEFAULTS, alert_kinds=AlertKinds(like=False, content_created=True))
    plans = Harness().poll(
        [like(1, "Jan"), note(2, NotificationKind.CONTENT_CREATED)], settings=chosen
    )
    assert [p.notification_kind for p in plans] == [NotificationKind.CONTENT_CREATED]


def test_policy_quiet_time_holds_then_one_summary():
    h = Harness()
    assert h.poll([note(1), like(2, "Jan")], quiet=True) == []
    assert h.poll([note(3)], T0 + timedelta(hours=1), quiet=True) == []
    assert h.poll([note(4, NotificationKind.FOLLOW)], T0 + timedelta(hours=2), quiet=True) == []
    plans = h.poll([], T0 + timedelta(hours=3))
    assert len(plans) == 1
    assert plans[0].reason is SummaryReason.QUIET_ENDED
    assert plans[0].count == 3  # the muted follow is not counted
    assert h.poll([], T0 + timedelta(hours=3, minutes=1)) == []


def test_policy_quiet_summary_survives_a_restart(tmp_path):
    path = tmp_path / "startpunt.db"
    h = Harness(Database.open(path))
    h.poll([note(1), note(2)], quiet=True)
    h.db.close()
    again = Harness(Database.open(path))
    plans = again.poll([note(1), note(2), note(3)], T0 + timedelta(hours=9))
    assert [(p.reason, p.count) for p in plans] == [(SummaryReason.QUIET_ENDED, 3)]
    again.db.close()


def test_policy_nothing_alerted_twice_across_a_restart(tmp_path):
    path = tmp_path / "startpunt.db"
    h = Harness(Database.open(path))
    assert len(h.poll([note(1)])) == 1
    h.db.close()
    again = Harness(Database.open(path))
    assert again.poll([note(2), note(1)], T0 + timedelta(minutes=1))[0].fingerprints == (
        note(2).fingerprint,
    )
    again.db.close()


_POOL = [note(i) for i in range(1, 15)] + [like(i, f"P{i}", f"post {i % 3}") for i in range(20, 35)]
_POOL += [note(i, NotificationKind.FOLLOW) for i in range(40, 44)]


@settings(max_examples=60, deadline=None)
@given(
    polls=st.lists(
        st.tuples(
            st.lists(st.sampled_from(_POOL), max_size=12),
            st.integers(0, 900),
            st.booleans(),
        ),
        min_size=1,
        max_size=10,
    )
)
def test_policy_property_never_twice_and_only_new(polls):
    h = Harness()
    at = T0
    covered: list[str] = []
    for items, seconds, quiet in polls:
        at += timedelta(seconds=seconds)
        new = h.seen.take_new(tuple(items))
        fresh = {n.fingerprint for n in new} | set(h.seen.held())  # new now, or held earlier
        plans = h.policy.plan(new, now=at, settings=DEFAULTS, quiet=quiet)
        for plan in plans:
            assert set(plan.fingerprints) <= fresh
            covered += plan.fingerprints
        assert len([p for p in plans if p.kind is AlertPlanKind.SUMMARY]) <= 1
    assert len(covered) == len(set(covered))  # no fingerprint alerted twice


def test_policy_feedback_on_own_posts_goes_before_news_when_alerts_compete():
    """Four at once with room for two alerts: the mention, then the like on one's post; the
    two new polls wait in the summary (and in the panel's Polls block)."""
    items = [
        like(5, "Jan"),  # the newest: oldest-first order alone would put it in the summary
        note(4, NotificationKind.POLL, who="Marieke"),
        note(3, NotificationKind.POLL, who="Kees"),
        note(1, NotificationKind.MENTION, who="Noor"),
    ]
    plans = Harness().poll(items)
    own = [p.notification for p in plans if p.kind is not AlertPlanKind.SUMMARY]
    assert [n.id for n in own if n is not None] == [1, 5]
    assert plans[-1].kind is AlertPlanKind.SUMMARY
    assert plans[-1].count == 2
