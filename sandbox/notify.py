"""Notifications like HumHub creates them: who gets what, like-grouping, and the JSON shape.

Storage: one row per *episode* of a like group. Several likes on the same object while its
``NewLike`` episode is unseen stay in that row (the liker is added to ``notification_actor``);
once the row was seen, the next like opens a new row (a new id).

Listing (HumHub's ``Notification::findGrouped``, checked on a real 1.18.5): one entry per
``(class, group_key)`` over the rows the list includes (``/notification``: all of them;
``/notification/unseen``: the unseen ones only). The entry carries the id, ``createdAt`` and
``source`` of the group's *oldest* included row (its first like); the originator is the
newest liker and the text names the group's likers, newest first. Groups with an unseen row
come first, then the newest activity first. So once a like group was seen, a new like shows
under the OLD id and old ``createdAt`` in ``/notification`` and under a NEW id in
``/notification/unseen``. Opening one (``/notification/entry``) marks the whole group seen.
"""

from __future__ import annotations

import re
from typing import Any

from sandbox import shapes, texts
from sandbox.db import Row
from sandbox.world import POLL_MODEL, World, display_name

CATEGORIES = {
    texts.NEW_LIKE: "like",
    texts.MENTIONED: "mentioned",
    texts.NEW_COMMENT: "comments",
    texts.CONTENT_CREATED: "content_created",
}
MENTION = re.compile(r"\[[^\]]*\]\(mention:([0-9a-f-]{36})(?: \"[^\"]*\")?\)")


def mentioned_user_ids(world: World, message: str) -> list[int]:
    ids: list[int] = []
    for guid in MENTION.findall(message):
        row = world.db.one("SELECT id FROM user WHERE guid = ?", (guid,))
        if row is not None and int(row["id"]) not in ids:
            ids.append(int(row["id"]))
    return ids


def _insert(
    world: World,
    *,
    user_id: int,
    cls: str,
    originator: int,
    kind: str,
    source_id: int,
    content_id: int,
    created_at: str,
    group_key: str | None = None,
    comment_id: int | None = None,
) -> int:
    return world.db.execute(
        "INSERT INTO notification(user_id, class, group_key, originator_id, source_kind,"
        " source_id, content_id, comment_id, seen, created_at) VALUES(?,?,?,?,?,?,?,?,0,?)",
        (user_id, cls, group_key, originator, kind, source_id, content_id, comment_id, created_at),
    )


def on_like(world: World, like_id: int) -> int | None:
    """Notify the owner of the liked object; returns the (possibly grouped) notification id."""
    like = world.db.one('SELECT * FROM "like" WHERE id = ?', (like_id,))
    if like is None:
        return None
    content = world.content(int(like["content_id"]))
    if content is None or content["created_by"] == like["created_by"]:
        return None
    owner, liker, when = int(content["created_by"]), int(like["created_by"]), like["created_at"]
    group_key = f"{like['object_model']}:{like['object_id']}"
    with world.db.tx():
        row = world.db.one(
            "SELECT id FROM notification WHERE user_id = ? AND class = ? AND group_key = ?"
            " AND seen = 0 ORDER BY id DESC LIMIT 1",
            (owner, texts.NEW_LIKE, group_key),
        )
        if row is None:
            nid = _insert(
                world,
                user_id=owner,
                cls=texts.NEW_LIKE,
                originator=liker,
                kind="like",
                source_id=like_id,
                content_id=int(content["id"]),
                created_at=when,
                group_key=group_key,
            )
        else:
            nid = int(row["id"])
            world.db.execute(
                "UPDATE notification SET originator_id = ?, source_id = ?, created_at = ?"
                " WHERE id = ?",
                (liker, like_id, when, nid),
            )
        world.db.execute(
            "INSERT OR REPLACE INTO notification_actor(notification_id, user_id, source_id,"
            " created_at) VALUES(?,?,?,?)",
            (nid, liker, like_id, when),
        )
    return nid


def on_comment(world: World, comment_id: int) -> dict[int, int]:
    """Mentioned for mentioned users, NewComment for the content owner; {user_id: notif id}."""
    comment = world.db.one("SELECT * FROM comment WHERE id = ?", (comment_id,))
    if comment is None:
        return {}
    content = world.content(int(comment["content_id"]))
    if content is None:
        return {}
    author, when = int(comment["created_by"]), str(comment["created_at"])
    made: dict[int, int] = {}

    def notify(user_id: int, cls: str) -> None:
        made[user_id] = _insert(
            world,
            user_id=user_id,
            cls=cls,
            originator=author,
            kind="comment",
            source_id=comment_id,
            content_id=int(content["id"]),
            created_at=when,
            comment_id=comment_id,
        )

    with world.db.tx():
        for uid in mentioned_user_ids(world, str(comment["message"])):
            if uid != author:
                notify(uid, texts.MENTIONED)
        owner = int(content["created_by"])
        if owner != author and owner not in made:
            notify(owner, texts.NEW_COMMENT)
    return made


def on_content_created(world: World, content_id: int) -> dict[int, int]:
    """Mentioned for mentioned users, ContentCreated for the other members; {user_id: id}."""
    content = world.content(content_id)
    if content is None:
        return {}
    author, when = int(content["created_by"]), str(content["created_at"])
    kind = "poll" if content["object_model"] == POLL_MODEL else "post"
    source_id = int(content["object_id"])
    made: dict[int, int] = {}
    text = ""
    if kind == "post":
        post = world.post(source_id)
        text = str(post["message"]) if post is not None else ""
    in_space = world.space_by_container(int(content["container_id"])) is not None
    if in_space:
        audience = [int(r["id"]) for r in world.db.all("SELECT id FROM user ORDER BY id")]
    else:
        owner = world.db.one(
            "SELECT id FROM user WHERE container_id = ?", (content["container_id"],)
        )
        audience = [int(owner["id"])] if owner is not None else []
    with world.db.tx():
        for uid in mentioned_user_ids(world, text):
            if uid != author:
                made[uid] = _insert(
                    world,
                    user_id=uid,
                    cls=texts.MENTIONED,
                    originator=author,
                    kind=kind,
                    source_id=source_id,
                    content_id=content_id,
                    created_at=when,
                )
        for uid in audience:
            if uid != author and uid not in made:
                made[uid] = _insert(
                    world,
                    user_id=uid,
                    cls=texts.CONTENT_CREATED,
                    originator=author,
                    kind=kind,
                    source_id=source_id,
                    content_id=content_id,
                    created_at=when,
                )
    return made


def mark_all_seen(world: World, user_id: int) -> None:
    world.db.execute("UPDATE notification SET seen = 1 WHERE user_id = ?", (user_id,))


def mark_seen(world: World, notification_id: int) -> None:
    """Mark one notification seen, and with it every row of its group (like HumHub)."""
    world.db.execute(
        "UPDATE notification SET seen = 1 WHERE id = ? OR id IN (SELECT other.id FROM"
        " notification AS this JOIN notification AS other ON other.user_id = this.user_id"
        " AND other.class = this.class AND other.group_key = this.group_key WHERE this.id = ?)",
        (notification_id, notification_id),
    )


_GROUPED = """
WITH included AS (SELECT * FROM notification WHERE user_id = ? AND (? = 0 OR seen = 0)),
grouped AS (SELECT MIN(id) AS first_id, MAX(created_at) AS group_at, MIN(seen) AS group_seen,
                   GROUP_CONCAT(id) AS member_ids
            FROM included GROUP BY class, COALESCE(group_key, 'row:' || id))
SELECT notification.*, grouped.member_ids FROM grouped
JOIN notification ON notification.id = grouped.first_id
ORDER BY grouped.group_seen ASC, grouped.group_at DESC, notification.id DESC
"""


def query(world: World, user_id: int, *, unseen_only: bool, exclude: set[str]) -> list[Row]:
    """The user's notifications, grouped as HumHub lists them (see the module doc): groups with
    an unseen row first, then newest activity first; each row has ``member_ids``."""
    rows = world.db.all(_GROUPED, (user_id, int(unseen_only)))
    return [r for r in rows if CATEGORIES.get(str(r["class"]), "") not in exclude]


def _members(row: Row) -> list[int]:
    """The rows a listed entry stands for (itself when it was not listed through `query`)."""
    if "member_ids" not in row.keys() or not row["member_ids"]:  # noqa: SIM118 (sqlite3.Row)
        return [int(row["id"])]
    return sorted(int(part) for part in str(row["member_ids"]).split(","))


def _likers(world: World, row: Row) -> list[Row]:
    """The likes of the entry's group, newest first (user_id, source_id, created_at)."""
    members = _members(row)
    marks = ",".join("?" for _ in members)
    return world.db.all(
        "SELECT notification_id, user_id, source_id, created_at FROM notification_actor"  # noqa: S608
        f" WHERE notification_id IN ({marks}) ORDER BY created_at DESC, rowid DESC",
        members,
    )


def _first_like(world: World, row: Row) -> Row | None:
    """The oldest like of the entry's own (oldest) row: its `source` and `createdAt`."""
    return world.db.one(
        "SELECT source_id, created_at FROM notification_actor WHERE notification_id = ?"
        " ORDER BY created_at, rowid LIMIT 1",
        (row["id"],),
    )


def _title(world: World, content_id: int) -> tuple[str, str]:
    """(kind, preview) of a content: ("post", "Welkom…") or ("poll", "Waar…")."""
    content = world.content(content_id)
    if content is None:
        return "post", ""
    if content["object_model"] == POLL_MODEL:
        poll = world.poll(int(content["object_id"]))
        return "poll", texts.preview(str(poll["question"])) if poll is not None else ""
    post = world.post(int(content["object_id"]))
    return "post", texts.preview(str(post["message"])) if post is not None else ""


def _names(world: World, user_ids: list[int]) -> list[str]:
    names = []
    for uid in user_ids:
        user = world.user(uid)
        names.append(display_name(user) if user is not None else "?")
    return names


def output(world: World, row: Row) -> str:
    cls, content_id = str(row["class"]), int(row["content_id"])
    kind, title = _title(world, content_id)
    originator = _names(world, [int(row["originator_id"])])[0]
    if cls == texts.NEW_LIKE:
        likers = list(dict.fromkeys(int(a["user_id"]) for a in _likers(world, row)))
        names = _names(world, likers) or [originator]
        return texts.like_output(names, kind, title)
    if cls == texts.NEW_COMMENT:
        content = world.content(content_id)
        own = content is not None and content["created_by"] == row["user_id"]
        return texts.comment_output([originator], kind, title, own=own)
    if cls == texts.MENTIONED:
        return texts.mention_output(
            originator, kind, title, in_comment=row["source_kind"] == "comment"
        )
    content = world.content(content_id)
    container = world.container_name(int(content["container_id"])) if content else ""
    return texts.created_output(originator, kind, title, container)


def _source(world: World, row: Row) -> Any:
    kind, source_id = str(row["source_kind"]), int(row["source_id"])
    if kind == "like":
        first = _first_like(world, row)
        source_id = int(first["source_id"]) if first is not None else source_id
        like = world.db.one('SELECT * FROM "like" WHERE id = ?', (source_id,))
        return shapes.like(world, like) if like is not None else None
    if kind == "comment":
        comment = world.db.one("SELECT * FROM comment WHERE id = ?", (source_id,))
        return shapes.comment(world, comment) if comment is not None else None
    if kind == "poll":
        return f"{POLL_MODEL} definitions are not yet supported."
    return shapes.post(world, source_id) if world.post(source_id) is not None else None


def serialize(world: World, row: Row) -> dict[str, Any]:
    """One listed entry (a row of `query`, or a single row for `GET /notification/{id}`)."""
    originator_id, created_at = int(row["originator_id"]), row["created_at"]
    if row["class"] == texts.NEW_LIKE:
        likers = _likers(world, row)
        originator_id = int(likers[0]["user_id"]) if likers else originator_id
        first = _first_like(world, row)
        created_at = first["created_at"] if first is not None else created_at
    originator = world.user(originator_id)
    return {
        "id": row["id"],
        "class": row["class"],
        "output": output(world, row),
        "originator": shapes.user_short(world, originator) if originator is not None else None,
        "source": _source(world, row),
        "createdAt": created_at,
    }
