"""The "Jouw week": the week's appreciation computed from the local activity journal.

Pure Python. A week runs from Monday 00:00 local time to the moment asked about, so a week
with a DST change is still Monday to Monday on the wall clock.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, tzinfo

from services.activity import ActivityJournal, ActivityKind
from services.people import fold
from services.week_model import PostReactions, WeekSummary


def week_start(now: datetime, tz: tzinfo) -> datetime:
    """Monday 00:00 local time of the week `now` falls in (aware, in `tz`)."""
    local = now.astimezone(tz)
    monday = local.date() - timedelta(days=local.weekday())
    return datetime.combine(monday, time(0, 0), tzinfo=tz).astimezone(UTC).astimezone(tz)


def _words(text: str) -> str:
    folded = "".join(ch if ch.isalnum() else " " for ch in fold(text))
    return " ".join(folded.split())


def _belongs(subject: str, post_id: int | None, post_text: str, own_id: int | None) -> bool:
    if post_id is not None and own_id is not None:
        return post_id == own_id
    title = _words(subject)
    return bool(title) and _words(post_text).startswith(title)


def summarize(journal: ActivityJournal, now: datetime, tz: tzinfo) -> WeekSummary:
    """The summary of the week up to `now`."""
    start = week_start(now, tz)
    entries = journal.entries(start, now + timedelta(microseconds=1))
    counts = dict.fromkeys(ActivityKind, 0)
    thanked_by: list[str] = []
    votes: list[str] = []
    for kind, actor, subject, _post_id, _url in entries:
        counts[ActivityKind(kind)] += 1
        if kind == ActivityKind.THANKS and actor and actor not in thanked_by:
            thanked_by.append(actor)
        if kind == ActivityKind.VOTE:
            votes.append(subject)
    reactions = [e for e in entries if e[0] in (ActivityKind.LIKE, ActivityKind.COMMENT,
                                                ActivityKind.THANKS)]  # fmt: skip
    posts = []
    for kind, _actor, text, own_id, url in entries:
        if kind != ActivityKind.POST:
            continue
        mine = [r for r in reactions if _belongs(r[2], r[3], text, own_id)]
        likes = sum(1 for r in mine if r[0] == ActivityKind.LIKE)
        posts.append(PostReactions(text, url, likes, len(mine) - likes))
    return WeekSummary(
        likes=counts[ActivityKind.LIKE],
        comments=counts[ActivityKind.COMMENT],
        thanks=counts[ActivityKind.THANKS],
        thanked_by=tuple(thanked_by),
        mentions=counts[ActivityKind.MENTION],
        posts=tuple(posts),
        votes=tuple(votes),
    )
