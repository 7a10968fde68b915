"""Never twice: which leaders' posts alerted, whichever way they were found.

A leader's post is found through HumHub's ContentCreated notification or through `GET /post`;
both take the key "leader-post:ID" in the seen table (`SeenStore.take_keys`), so one post alerts
at most once, across restarts. The first check ever only records what is there.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from services.models import Notification, NotificationKind, Person, Post
from services.people import fold
from services.seen import Disposition, SeenStore

POST_KEY = "leader-post:"
BASELINE_KEY = "leader-post:baseline"
KIND = "leader-post"
MAX_AGE = timedelta(days=1)  # older leader posts never alert (a new leader, back from leave)
MAX_ALERTS = 3  # per check: the rest are only recorded


def is_leader(person: Person | None, leaders: Iterable[str]) -> bool:
    """Whether `person` is one of the leader accounts (by GUID, or by display name)."""
    if person is None:
        return False
    wanted = tuple(leaders)
    names = {fold(name).strip() for name in wanted}
    return person.guid in wanted or fold(person.display_name).strip() in names


class LeaderPosts:
    """Decides which leader posts alert; remembers every one it has decided on."""

    def __init__(self, seen: SeenStore) -> None:
        self._seen = seen

    def new_posts(
        self,
        posts: Sequence[Post],
        *,
        leaders: Sequence[str],
        me: Person | None,
        now: datetime,
    ) -> tuple[Post, ...]:
        """The leader posts to alert now (newest first, at most MAX_ALERTS); every leader post
        in `posts` is recorded. The first check ever only records (no flood at first start)."""
        found = {
            POST_KEY + str(p.id): p
            for p in posts
            if is_leader(p.author, leaders) and not (me and p.author and p.author.guid == me.guid)
        }
        first_ever = bool(self._seen.take_keys([BASELINE_KEY], kind=KIND))
        fresh = [found[key] for key in self._seen.take_keys(found, kind=KIND)]
        alert: list[Post] = []
        if not first_ever:
            young = [p for p in fresh if p.created_at is None or now - p.created_at <= MAX_AGE]
            alert = sorted(young, key=lambda p: p.id, reverse=True)[:MAX_ALERTS]
        quiet = [POST_KEY + str(p.id) for p in fresh if p not in alert]
        self._seen.mark(quiet, Disposition.MUTED)  # recorded, never alerted
        return tuple(alert)

    def claim_notifications(
        self, items: Sequence[Notification], *, leaders: Sequence[str], now: datetime
    ) -> tuple[tuple[Notification, ...], tuple[Notification, ...]]:
        """Split off leaders' ContentCreated notifications: (claimed, to alert now).

        Claimed ones leave the ordinary alert flow (they alert as leadership, never summarised
        away). Of those, the ones whose post alerted before (from `GET /post`) or that are
        older than MAX_AGE do not alert; at most MAX_ALERTS do.
        """
        claimed = [
            n
            for n in items
            if n.kind is NotificationKind.CONTENT_CREATED
            and n.post_id is not None
            and is_leader(n.originator, leaders)
        ]
        by_key = {POST_KEY + str(n.post_id): n for n in claimed}
        fresh = set(self._seen.take_keys(by_key, kind=KIND))
        # Recorded without an alert by the post list (its first check, an age or count cap)
        # still alerts now: the notification says the post is new to this user.
        open_keys = [
            key
            for key in by_key
            if key in fresh or self._seen.disposition(key) is Disposition.MUTED
        ]
        young = [n for n in (by_key[key] for key in open_keys) if _young(n.created_at, now)]
        alert = sorted(young, key=lambda n: n.id, reverse=True)[:MAX_ALERTS]
        alerted = {POST_KEY + str(n.post_id) for n in alert}
        self._seen.mark(alerted, Disposition.ALERTED)
        self._seen.mark([k for k in open_keys if k not in alerted], Disposition.MUTED)
        self._seen.mark([n.fingerprint for n in claimed], Disposition.ALERTED)
        return tuple(claimed), tuple(alert)


def held_in_quiet(seen: SeenStore, items: Sequence[Notification], leaders: Sequence[str]) -> None:
    """Leaders' ContentCreated notifications that arrived in quiet time go to its summary:
    their posts are recorded (HELD), so `GET /post` after the quiet time does not alert them
    a second time."""
    keys = [
        POST_KEY + str(n.post_id)
        for n in items
        if n.kind is NotificationKind.CONTENT_CREATED
        and n.post_id is not None
        and is_leader(n.originator, leaders)
    ]
    seen.mark(seen.take_keys(keys, kind=KIND), Disposition.HELD)


def _young(created_at: datetime | None, now: datetime) -> bool:
    return created_at is None or now - created_at <= MAX_AGE
