"""Leaders' example: which recent posts are by leadership, and the leader's weekly nudge.

Pure Python; no Qt, no I/O (`services.leader_posts` keeps what was alerted).

Leader accounts are the `leaders` setting (IT's policy may give or lock it): a user's GUID (stable,
what HumHub puts in every author and originator) or their display name (readable, but it changes
when someone renames). User ids are not accepted: they differ between the REST shapes a client sees
and a name or GUID is what an administrator can copy from a profile.

Two sources of "a leader posted": HumHub's ContentCreated notification (only for members who
switched notifications on for the space) and `GET /post` (the newest posts the user can see), read
every few minutes while leaders are configured (`services.leader_posts`).

"Team" (for the nudge): HumHub's REST API has no "my memberships" call for a normal user
(`GET /space` lists every visible space), so a leader's team is taken to be the spaces where the
leader posted among the recent posts; their colleagues' posts there of the last seven days that
have no like and no comment yet are the ones the nudge lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from services.mentions import to_plain
from services.models import Person, Post
from services.quiet_hours import QuietHours
from services.weekly_slot import week_key as iso_week
from services.weekly_slot import weekly_decision

NUDGE_KEY = "leader-nudge:"
CHECK_EVERY = timedelta(minutes=3)  # reading `GET /post` while leaders are configured
WEEK = timedelta(days=7)
FIRST_LINE = 140
DEFAULT_NUDGE = "mon 09:30"
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DUTCH_DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
_NUDGE = re.compile(r"^\s*([a-z]{2,9})\s+(\d{1,2}):(\d{2})\s*$")


def first_line(message: str) -> str:
    """A post's first non-empty line as plain text, cut to a short alert line."""
    for line in to_plain(message).splitlines():
        if line.strip():
            line = " ".join(line.split())
            return line if len(line) <= FIRST_LINE else line[: FIRST_LINE - 1] + "…"
    return ""


# -- the weekly nudge --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NudgeTime:
    """When in the week the nudge is due: a weekday (0 = Monday) and a wall-clock time."""

    weekday: int
    at: time


def nudge_time(value: object) -> str:
    """The `leader_nudge` setting: "mon 09:30" (English or Dutch day), "" = off; normalised."""
    if not isinstance(value, str) or len(value) > 40:
        raise TypeError("not a short text")
    if not value.strip():
        return ""
    parsed = parse_nudge_time(value)
    return f"{DAYS[parsed.weekday]} {parsed.at:%H:%M}"


def parse_nudge_time(value: str) -> NudgeTime:
    """ "mon 09:30" / "maandag 9:30" as a NudgeTime; ValueError otherwise."""
    match = _NUDGE.match(value.lower())
    if match is None:
        raise ValueError("use a day and a time, like mon 09:30")
    word, hour, minute = match.group(1), int(match.group(2)), int(match.group(3))
    for names in (DAYS, _DUTCH_DAYS):
        for index, name in enumerate(names):
            if word.startswith(name):
                if hour > 23 or minute > 59:
                    raise ValueError("the time must be between 00:00 and 23:59")
                return NudgeTime(index, time(hour, minute))
    raise ValueError(f"unknown day {word!r}")


def week_key(local: date) -> str:
    """The seen-table key of the ISO week that holds `local`."""
    year, week, _ = local.isocalendar()
    return f"{NUDGE_KEY}{year}-W{week:02d}"


def nudge_due(now: datetime, when: NudgeTime, quiet: QuietHours, *, shown: bool) -> bool:
    """Whether this week's nudge is due: the weekly moment of `weekly_slot` (moved into
    the working hours; a week missed while the app was off is made up in that week only)."""
    last = iso_week(now, quiet.tz) if shown else ""
    return weekly_decision(now, when.weekday, when.at, quiet, last).due


def team_spaces(posts: Iterable[Post], me: Person) -> frozenset[int]:
    """The containers where the leader posted among `posts` (their team, as far as REST shows)."""
    return frozenset(
        p.contentcontainer_id
        for p in posts
        if p.author is not None and p.author.guid == me.guid and p.contentcontainer_id is not None
    )


def waiting_posts(posts: Iterable[Post], me: Person, now: datetime) -> tuple[Post, ...]:
    """Colleagues' posts of the last seven days in the leader's team spaces with no like and
    no comment yet, newest first."""
    every = tuple(posts)
    team = team_spaces(every, me)
    return tuple(
        sorted(
            (
                p
                for p in every
                if p.contentcontainer_id in team
                and p.author is not None
                and p.author.guid != me.guid
                and p.likes == 0
                and p.comments == 0
                and (p.created_at is None or now - p.created_at <= WEEK)
            ),
            key=lambda p: p.id,
            reverse=True,
        )
    )
