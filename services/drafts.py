"""Drafts and recently used post targets, kept in the app's SQLite database.

Pure Python (sqlite3 through `services.store.Database`). A draft is saved as the user types
(the dialog debounces) and cleared in the same transaction that queues the post
(`clear_draft`), so a crash can never leave both a draft and its queued post. The quick-post
draft has one slot; an edit of a waiting post has its own (`Draft.slot`), so editing a post
never overwrites or clears the draft of a new one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import datetime

from services.compose import QUICK_POST_SLOT, Draft
from services.models import Container, Person
from services.store import Database

MAX_RECENT = 8


def people_to_json(people: Sequence[Person]) -> str:
    """Mentions as stored in a row."""
    return json.dumps(
        [{"id": p.id, "guid": p.guid, "name": p.display_name, "url": p.url} for p in people],
        ensure_ascii=False,
    )


def people_from_json(raw: str) -> tuple[Person, ...]:
    """Mentions read back from a row; malformed entries are skipped."""
    try:
        items = json.loads(raw or "[]")
    except ValueError:
        return ()
    people: list[Person] = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("guid"), str):
            pid = item.get("id")
            people.append(
                Person(
                    id=pid if isinstance(pid, int) else 0,
                    guid=item["guid"],
                    display_name=str(item.get("name", "")),
                    url=str(item.get("url", "")),
                )
            )
    return tuple(people)


def topics_to_text(topics: Sequence[str]) -> str:
    """Topics as stored in a row (one per line)."""
    return "\n".join(t.strip() for t in topics if t.strip())


def topics_from_text(raw: str) -> tuple[str, ...]:
    """Topics read back from a row."""
    return tuple(t for t in raw.split("\n") if t)


def clear_draft(connection: sqlite3.Connection, slot: str = QUICK_POST_SLOT) -> None:
    """Delete a draft inside the caller's transaction (used when its post is queued)."""
    connection.execute("DELETE FROM draft WHERE slot = ?", (slot,))


def record_target(connection: sqlite3.Connection, target: Container, now: datetime) -> None:
    """Remember `target` as just used, inside the caller's transaction."""
    connection.execute(
        "INSERT INTO recent_target (contentcontainer_id, container_id, guid, name, url,"
        " is_space, used_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (contentcontainer_id) DO UPDATE SET container_id = excluded.container_id,"
        " guid = excluded.guid, name = excluded.name, url = excluded.url,"
        " is_space = excluded.is_space, used_at = excluded.used_at",
        (
            target.contentcontainer_id,
            target.id,
            target.guid,
            target.name,
            target.url,
            int(target.is_space),
            now.isoformat(),
        ),
    )


class DraftStore:
    """Reads and writes drafts and recent targets; every write raises StoreError on failure."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def save(self, draft: Draft, now: datetime, *, slot: str | None = None) -> None:
        """Keep `draft` in its slot (`Draft.slot` unless given); an empty one deletes it."""
        slot = draft.slot if slot is None else slot
        with self._db.transaction() as conn:
            if draft.is_empty:
                clear_draft(conn, slot)
                return
            conn.execute(
                "INSERT INTO draft (slot, container_id, text, mentions, topics, editing,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (slot) DO UPDATE SET"
                " container_id = excluded.container_id, text = excluded.text,"
                " mentions = excluded.mentions, topics = excluded.topics,"
                " editing = excluded.editing, updated_at = excluded.updated_at",
                (
                    slot,
                    draft.container_id,
                    draft.text,
                    people_to_json(draft.mentions),
                    topics_to_text(draft.topics),
                    draft.editing,
                    now.isoformat(),
                ),
            )

    def load(self, slot: str = QUICK_POST_SLOT) -> Draft | None:
        """The saved draft, or None."""
        row = self._db.connection.execute(
            "SELECT container_id, text, mentions, topics, editing FROM draft WHERE slot = ?",
            (slot,),
        ).fetchone()
        if row is None:
            return None
        container_id, text, mentions, topics, editing = row
        return Draft(
            text=str(text),
            container_id=container_id if isinstance(container_id, int) else None,
            mentions=people_from_json(str(mentions)),
            topics=topics_from_text(str(topics)),
            editing=editing if isinstance(editing, str) else None,
        )

    def clear(self, slot: str = QUICK_POST_SLOT) -> None:
        """Forget the draft (the user discarded it)."""
        with self._db.transaction() as conn:
            clear_draft(conn, slot)

    def recent_targets(self, limit: int = MAX_RECENT) -> tuple[Container, ...]:
        """The targets posted to most recently, newest first."""
        rows = self._db.connection.execute(
            "SELECT container_id, guid, name, contentcontainer_id, url, is_space"
            " FROM recent_target ORDER BY used_at DESC, rowid DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return tuple(
            Container(
                id=int(r[0]),
                guid=str(r[1]),
                name=str(r[2]),
                contentcontainer_id=int(r[3]),
                url=str(r[4]),
                is_space=bool(r[5]),
            )
            for r in rows
        )


def order_targets(
    profile: Container | None, spaces: Sequence[Container], recent: Sequence[Container]
) -> tuple[Container, ...]:
    """Targets for the picker: recently used first, then the profile, then spaces by name."""
    ordered: dict[int, Container] = {}
    for target in recent:
        ordered.setdefault(target.contentcontainer_id, target)
    if profile is not None:
        ordered.setdefault(profile.contentcontainer_id, profile)
    for space in sorted(spaces, key=lambda s: s.name.casefold()):
        ordered.setdefault(space.contentcontainer_id, space)
    return tuple(ordered.values())
