"""Sample notifications for the panel and model tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from services.models import Notification, NotificationKind, Person

NOW = datetime(2025, 3, 14, 10, 0, tzinfo=UTC)


def note(
    nid: int,
    kind: NotificationKind = NotificationKind.LIKE,
    *,
    who: str | None = "Fatima el Amrani",
    text: str = "",
    minutes_ago: float = 0,
) -> Notification:
    """A notification `minutes_ago` before NOW."""
    return Notification(
        id=nid,
        kind=kind,
        class_name="humhub\\modules\\like\\notifications\\NewLike",
        text=text or f"{who} vindt je bericht {nid} leuk.",
        originator=Person(id=nid + 100, guid=f"guid-{nid}", display_name=who) if who else None,
        created_at=NOW - timedelta(minutes=minutes_ago),
    )


def mixed() -> list[Notification]:
    """One of each interesting kind, deliberately not in time order."""
    return [
        note(1, NotificationKind.LIKE, minutes_ago=30),
        note(2, NotificationKind.COMMENT, who="Pieter van Dijk", minutes_ago=5),
        note(3, NotificationKind.MENTION, who="Sanne de Vries", minutes_ago=60),
        note(4, NotificationKind.POLL, who="Jan de Boer", minutes_ago=1),
        note(5, NotificationKind.FOLLOW, who="Mo Yilmaz", minutes_ago=600),
        note(6, NotificationKind.SPACE_MEMBERSHIP, who=None, minutes_ago=3000),
    ]
