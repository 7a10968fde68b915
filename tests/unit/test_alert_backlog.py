"""A backlog never floods the screen, and a group's alert counts everyone in it (issue 7;
RELIABILITY rows 18 and 37: a backlog or a flood gives at most 3 alerts).

About 500 notifications at first start gave 4 alerts, and the grouped like alert named one
colleague ("X likes your post") although hundreds had liked.
"""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from services.alert_policy import MAX_ALERTS_PER_POLL
from services.models import AlertPlanKind, Notification, NotificationKind
from tests.unit.test_alert_policy import T0, Harness, like, note


def _likes(first_id: int, count: int, title: str, first_colleague: int = 0) -> list[Notification]:
    return [
        like(first_id + i, f"Collega {first_colleague + i}", title)
        for i in range(count - 1, -1, -1)
    ]


def _first_start() -> list[Notification]:
    """~500 unseen at first start: 60 likes on each of 8 posts and one mention, newest first."""
    items = [note(999, NotificationKind.MENTION, who="Fatima")]
    for post in range(8):
        items += _likes(1 + 100 * post, 60, f"Bericht {post}", 100 * post)
    return sorted(items, key=lambda n: -n.id)


def test_a_first_start_backlog_gives_at_most_three_alerts_mention_first() -> None:
    items = _first_start()
    plans = Harness().poll(items[:200], bounded=True, total=len(items))  # the catch-up's 200
    assert len(plans) <= MAX_ALERTS_PER_POLL
    first = plans[0].notification
    assert first is not None
    assert first.kind is NotificationKind.MENTION
    assert plans[-1].kind is AlertPlanKind.SUMMARY
    assert plans[-1].count == len(items) - 1  # everything but the mention shown on its own


def test_a_few_groups_unbounded_give_at_most_three_alerts() -> None:
    items = [*_likes(1, 3, "A"), *_likes(10, 3, "B", 10), *_likes(20, 3, "C", 20)]
    items += [note(50), *_likes(30, 3, "D", 30)]
    plans = Harness().poll(sorted(items, key=lambda n: -n.id))
    assert len(plans) == MAX_ALERTS_PER_POLL
    assert plans[0].notification is not None
    assert plans[0].notification.kind is NotificationKind.MENTION
    assert plans[-1].kind is AlertPlanKind.SUMMARY


def test_a_group_counts_everyone_in_it_across_polls() -> None:
    h = Harness()
    first = h.poll(_likes(1, 300, "Kerstborrel"))
    assert [p.kind for p in first] == [AlertPlanKind.GROUP]
    assert first[0].others == 299
    later = h.poll(_likes(1000, 100, "Kerstborrel", 300), T0 + timedelta(minutes=5))
    assert [p.kind for p in later] == [AlertPlanKind.GROUP]
    assert later[0].others == 399  # nobody forgotten within the group's 15 minutes


KINDS = st.sampled_from([NotificationKind.LIKE, NotificationKind.COMMENT, NotificationKind.MENTION])


@settings(max_examples=60, deadline=None)
@given(
    shape=st.lists(st.tuples(KINDS, st.integers(0, 6)), min_size=1, max_size=60),
    bounded=st.booleans(),
)
def test_no_poll_ever_gives_more_than_three_alerts_and_mentions_come_first(
    shape: list[tuple[NotificationKind, int]], bounded: bool
) -> None:
    items: list[Notification] = []
    for i, (kind, post) in enumerate(shape, start=1):
        if kind is NotificationKind.LIKE:
            items.append(like(i, f"Collega {i}", f"Bericht {post}"))
        else:
            items.append(note(i, kind, who=f"Collega {i}", text=f'Reactie op "Bericht {post}" {i}'))
    items.reverse()
    plans = Harness().poll(items, bounded=bounded, total=len(items) + 100 * bounded)
    assert 1 <= len(plans) <= MAX_ALERTS_PER_POLL
    own = [p for p in plans if p.kind is not AlertPlanKind.SUMMARY]
    kinds = [p.notification.kind for p in own if p.notification is not None]
    if any(n.kind is NotificationKind.MENTION for n in items):
        assert kinds
        assert kinds[0] is NotificationKind.MENTION
    assert kinds == sorted(kinds, key=lambda k: k is not NotificationKind.MENTION)
