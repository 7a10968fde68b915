"""The alert policy: which new notifications become desktop alerts, grouped, summarised or held.

Pure decision logic; its only I/O is the seen table (through `SeenStore`) and the alert_group
table of the same database. It produces `AlertPlan` data and no user-facing text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from services.models import (
    THANKABLE_KINDS,
    AlertPlan,
    AlertPlanKind,
    Notification,
    NotificationKind,
    SummaryReason,
)
from services.people import fold
from services.seen import Disposition, SeenStore
from services.settings import Settings
from services.store import Database, db_time, parse_db_time

BACKLOG_THRESHOLD = 5  # more alert units than this at once are a backlog
MAX_ALERTS_PER_POLL = 3  # summary included: a backlog never floods the screen
GROUP_WINDOW = timedelta(minutes=15)
GROUP_RETENTION = timedelta(days=2)
RATE_BURST = 3  # alerts allowed back to back ...
RATE_INTERVAL = timedelta(seconds=10)  # ... then about one per interval
MAX_ACTORS = 1000  # names kept per group, so that its alert can count everyone in it
TITLE_LENGTH = 120
_GROUPED = (NotificationKind.LIKE, NotificationKind.COMMENT)
_SWITCH_BY_KIND = {
    NotificationKind.LIKE: "like",
    NotificationKind.MENTION: "mention",
    NotificationKind.COMMENT: "comment",
    NotificationKind.POLL: "poll",
    NotificationKind.CUSTOM: "custom",
    NotificationKind.CONTENT_CREATED: "content_created",
    NotificationKind.FOLLOW: "follow",
    NotificationKind.SPACE_MEMBERSHIP: "space_membership",
    NotificationKind.OTHER: "other",
}
# HumHub quotes the title of the post in its texts, in every language: 'likes post "X".'
_QUOTED = re.compile(r"[\"“„«]([^\"“”„«»]{1,500})[\"”“»]")


def quoted_title(text: str) -> str:
    """The first quoted phrase of a notification text (the post's title), or ""."""
    match = _QUOTED.search(text)
    return " ".join(match.group(1).split())[:TITLE_LENGTH] if match else ""


def is_leader(notification: Notification, leaders: Iterable[str]) -> bool:
    """Whether the originator is one of the leader accounts (by guid or by name)."""
    person = notification.originator
    if person is None:
        return False
    wanted = {fold(name).strip() for name in leaders}
    return person.guid in leaders or fold(person.display_name).strip() in wanted


def alert_switch(notification: Notification, leaders: Sequence[str]) -> str:
    """The name of the `AlertKinds` switch that governs this notification."""
    if notification.kind is NotificationKind.CONTENT_CREATED and is_leader(notification, leaders):
        return "leader_post"
    return _SWITCH_BY_KIND.get(notification.kind, "other")


def group_key(notification: Notification) -> str | None:
    """What likes or comments are grouped on; None for kinds that are never grouped.

    Likes carry no post in HumHub's API, but their text quotes the liked title, and HumHub
    itself keeps regrouping likes on one object under one notification id.
    """
    if notification.kind not in _GROUPED:
        return None
    kind = notification.kind.value
    if notification.post_id is not None:
        return f"{kind}:post:{notification.post_id}"
    if notification.content_id is not None:
        return f"{kind}:content:{notification.content_id}"
    title = quoted_title(notification.text)
    if title:
        return f"{kind}:title:{fold(title)}"
    return f"{kind}:id:{notification.id}"


class RateLimiter:
    """A token bucket: `burst` alerts at once, then one per `interval`."""

    def __init__(self, burst: int = RATE_BURST, interval: timedelta = RATE_INTERVAL) -> None:
        self._burst = float(burst)
        self._interval = interval.total_seconds()
        self._tokens = float(burst)
        self._last: datetime | None = None

    def take(self, now: datetime) -> bool:
        """Spend one token if there is one."""
        if self._last is not None:
            elapsed = max(0.0, (now - self._last).total_seconds())
            self._tokens = min(self._burst, self._tokens + elapsed / self._interval)
        self._last = now
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return True
        return False


@dataclass(frozen=True, slots=True)
class _Group:
    actors: tuple[str, ...]
    started_at: datetime


class _GroupTable:
    """The alert_group rows: who is in a group and since when (the notifier replaces the
    group's OS alert by the plan's key)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str) -> _Group | None:
        row = self._db.connection.execute(
            "SELECT actor_names, started_at FROM alert_group WHERE group_key = ?",
            (key,),
        ).fetchone()
        if row is None:
            return None
        actors = tuple(str(a) for a in json.loads(row[0]))
        return _Group(actors, parse_db_time(row[1]))

    def put(self, key: str, group: _Group, now: datetime) -> None:
        names = json.dumps(list(group.actors[:MAX_ACTORS]), ensure_ascii=False)
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO alert_group (group_key, actor_names, started_at,"
                " updated_at) VALUES (?, ?, ?, ?)",
                (key, names, db_time(group.started_at), db_time(now)),
            )
            conn.execute(
                "DELETE FROM alert_group WHERE updated_at < ?", (db_time(now - GROUP_RETENTION),)
            )


def _actors(items: Iterable[Notification]) -> tuple[str, ...]:
    names = (n.originator.display_name for n in items if n.originator is not None)
    return tuple(dict.fromkeys(name for name in names if name))


def _units(alertable: Sequence[Notification]) -> list[list[Notification]]:
    """Split newest-first items into alert units (a group or a single), oldest unit first."""
    units: dict[str, list[Notification]] = {}
    for item in alertable:
        units.setdefault(group_key(item) or f"single:{item.fingerprint}", []).append(item)
    return list(reversed(units.values()))


class AlertPolicy:
    """Turns the new notifications of one poll into alert plans, and records its decisions.

    Decisions are recorded before the plans are returned: an alert may be lost in a crash,
    but it is never shown twice.
    """

    def __init__(self, seen: SeenStore, *, limiter: RateLimiter | None = None) -> None:
        self._seen = seen
        self._groups = _GroupTable(seen.db)
        self._limiter = limiter or RateLimiter()

    def plan(
        self,
        new: Sequence[Notification],
        *,
        now: datetime,
        settings: Settings,
        quiet: bool,
        bounded: bool = False,
        total: int | None = None,
    ) -> list[AlertPlan]:
        """Plan the alerts for `new` (newest first, as polled); call it after every poll.

        `quiet` is the quiet-hours/pause state now; `bounded` says the poller stopped its
        catch-up early and `total` is the server's unseen count (the backlog size).
        """
        alertable = self._filter(new, settings)
        if quiet:
            self._seen.mark((n.fingerprint for n in alertable), Disposition.HELD)
            return []
        held = self._seen.held()
        if held:
            fingerprints = held + tuple(n.fingerprint for n in alertable)
            reason = SummaryReason.QUIET_ENDED
            return [self._summary(fingerprints, len(fingerprints), reason, more=bounded)]
        units = _units(alertable)
        backlog = bounded or len(units) > BACKLOG_THRESHOLD
        return self._plan_units(units, now, settings, backlog=backlog, total=total, more=bounded)

    def _filter(self, new: Sequence[Notification], settings: Settings) -> list[Notification]:
        alertable: list[Notification] = []
        muted: list[Notification] = []
        for item in new:
            enabled = settings.alert_kinds.enabled(alert_switch(item, settings.leaders))
            (alertable if enabled else muted).append(item)
        self._seen.mark((n.fingerprint for n in muted), Disposition.MUTED)
        return alertable

    def _plan_units(
        self,
        units: list[list[Notification]],
        now: datetime,
        settings: Settings,
        *,
        backlog: bool,
        total: int | None,
        more: bool,
    ) -> list[AlertPlan]:
        """At most MAX_ALERTS_PER_POLL alerts: mentions first, then reactions to one's own
        posts, then the rest (`_rank`); one summary for what is left.

        A backlog gives its mentions (up to two) their own alerts and summarises everything
        else; otherwise up to three units get their own alerts, as the rate limit allows.
        """
        ordered = sorted(units, key=lambda unit: _rank(unit[0].kind))
        if backlog:
            mentions = sum(1 for unit in ordered if unit[0].kind is NotificationKind.MENTION)
            own = min(mentions, MAX_ALERTS_PER_POLL - 1)
        elif len(ordered) > MAX_ALERTS_PER_POLL:
            own = MAX_ALERTS_PER_POLL - 1
        else:
            own = len(ordered)
        rest = [n.fingerprint for unit in ordered[own:] for n in unit]
        plans: list[AlertPlan] = []
        for unit in ordered[:own]:
            if self._limiter.take(now):
                plans.append(self._plan_unit(unit, now, settings))
            else:
                rest.extend(n.fingerprint for n in unit)
        self._seen.mark_alerted(fp for p in plans for fp in p.fingerprints)
        if rest:
            reason = SummaryReason.BACKLOG if backlog else SummaryReason.RATE_LIMIT
            shown = sum(len(p.fingerprints) for p in plans)
            count = max(len(rest), (total or 0) - shown) if more else len(rest)
            plans.append(self._summary(tuple(rest), count, reason, more=more))
        return plans

    def _plan_unit(self, unit: list[Notification], now: datetime, settings: Settings) -> AlertPlan:
        newest = unit[0]
        single = AlertPlan(
            AlertPlanKind.SINGLE,
            newest.fingerprint,
            notification=newest,
            actor_names=_actors(unit),
            title=quoted_title(newest.text),
            leader=is_leader(newest, settings.leaders),
            fingerprints=tuple(n.fingerprint for n in unit),
        )
        key = group_key(newest)
        if key is None:
            return single
        group = self._groups.get(key)
        if group is not None and now - group.started_at < GROUP_WINDOW:
            actors = tuple(dict.fromkeys(single.actor_names + group.actors))
            group = _Group(actors, group.started_at)
        else:
            group = _Group(single.actor_names, now)
        self._groups.put(key, group, now)
        return replace(
            single,
            kind=AlertPlanKind.GROUP,
            key=f"{key}@{db_time(group.started_at)}",
            group_key=key,
            actor_names=group.actors,
            server_counted=self._regrouped(newest),
        )

    def _regrouped(self, notification: Notification) -> bool:
        """Whether the server rewrote this notification (same id, new text): HumHub regroups
        likes on one object under one id, and its text then counts everyone itself."""
        row = self._seen.db.connection.execute(
            "SELECT 1 FROM seen_notification WHERE notification_id = ? AND fingerprint != ?"
            " LIMIT 1",
            (notification.id, notification.fingerprint),
        ).fetchone()
        return row is not None

    def _summary(
        self,
        fingerprints: tuple[str, ...],
        count: int,
        reason: SummaryReason,
        *,
        more: bool = False,
    ) -> AlertPlan:
        self._seen.mark(fingerprints, Disposition.SUMMARIZED)
        return AlertPlan(
            AlertPlanKind.SUMMARY,
            f"summary:{reason.value}",
            count=count,
            more=more,
            reason=reason,
            fingerprints=fingerprints,
        )


def _rank(kind: NotificationKind) -> int:
    """Which alerts win when the rate limit lets only some through: being mentioned, then
    feedback on one's own posts (tip 5), then news such as new posts or polls (those also
    wait in the panel and its Polls block)."""
    if kind is NotificationKind.MENTION:
        return 0
    return 1 if kind in THANKABLE_KINDS else 2
