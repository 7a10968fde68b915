"""Writes on the sandbox's data (posts, topics, comments, likes, polls, votes).

Each write also creates the notifications HumHub would create (see :mod:`sandbox.notify`).
"""

from __future__ import annotations

import random
import uuid

from sandbox import notify
from sandbox.clock import stamp
from sandbox.db import Row
from sandbox.world import POLL_MODEL, POST_MODEL, World, display_name

_guids = random.Random()


def new_guid(rng: random.Random | None = None) -> str:
    return str(uuid.UUID(int=(rng or _guids).getrandbits(128), version=4))


def mention(world: World, user: Row) -> str:
    """HumHub richtext for an @-mention of ``user``."""
    return f'[{display_name(user)}](mention:{user["guid"]} "{world.user_url(user)}")'


def topic_id(world: World, container_id: int, name: str) -> int:
    row = world.db.one(
        "SELECT id FROM topic WHERE container_id = ? AND name = ? COLLATE NOCASE",
        (container_id, name),
    )  # MySQL's default collation: names match without case
    if row is not None:
        return int(row["id"])
    return world.db.execute(
        "INSERT INTO topic(name, container_id) VALUES(?, ?)", (name, container_id)
    )


def _content(
    world: World,
    model: str,
    container_id: int,
    author_id: int,
    visibility: int,
    when: str,
    rng: random.Random | None,
) -> int:
    return world.db.execute(
        "INSERT INTO content(guid, object_model, object_id, container_id, visibility,"
        " created_by, created_at, updated_at) VALUES(?,?,0,?,?,?,?,?)",
        (new_guid(rng), model, container_id, visibility, author_id, when, when),
    )


def create_post(
    world: World,
    author_id: int,
    container_id: int,
    message: str,
    *,
    visibility: int = 0,
    topics: list[str] | None = None,
    when: str | None = None,
    rng: random.Random | None = None,
    may_create_topics: bool = True,
) -> tuple[int, dict[int, int]]:
    """Create a post; returns ``(post_id, {user_id: notification_id})``.

    Topics attach by name; a name the container does not have yet is created only when
    ``may_create_topics`` (HumHub: space owners/admins/moderators, or one's own profile),
    otherwise it is dropped without a word, as the real server does."""
    when = when or stamp()
    with world.db.tx():
        content_id = _content(world, POST_MODEL, container_id, author_id, visibility, when, rng)
        post_id = world.db.execute(
            "INSERT INTO post(message, content_id) VALUES(?, ?)", (message, content_id)
        )
        world.db.execute("UPDATE content SET object_id = ? WHERE id = ?", (post_id, content_id))
        for name in topics or []:
            known = world.db.one(
                "SELECT id FROM topic WHERE container_id = ? AND name = ? COLLATE NOCASE",
                (container_id, name),
            )
            if known is None and not may_create_topics:
                continue
            world.db.execute(
                "INSERT OR IGNORE INTO content_topic(content_id, topic_id) VALUES(?, ?)",
                (content_id, topic_id(world, container_id, name)),
            )
        made = notify.on_content_created(world, content_id)
    return post_id, made


def add_like(
    world: World, user_id: int, model: str, object_id: int, *, when: str | None = None
) -> tuple[int, int | None]:
    """Like a post or poll; returns ``(like_id, notification_id or None)``. Idempotent."""
    existing = world.db.one(
        'SELECT id FROM "like" WHERE object_model = ? AND object_id = ? AND created_by = ?',
        (model, object_id, user_id),
    )
    if existing is not None:
        return int(existing["id"]), None
    table = "post" if model == POST_MODEL else "poll"
    target = world.db.one(f"SELECT content_id FROM {table} WHERE id = ?", (object_id,))  # noqa: S608
    if target is None:
        raise LookupError(f"no {table} {object_id}")
    with world.db.tx():
        like_id = world.db.execute(
            'INSERT INTO "like"(object_model, object_id, content_id, created_by, created_at)'
            " VALUES(?,?,?,?,?)",
            (model, object_id, target["content_id"], user_id, when or stamp()),
        )
        return like_id, notify.on_like(world, like_id)


def add_comment(
    world: World,
    user_id: int,
    content_id: int,
    message: str,
    *,
    parent_id: int | None = None,
    when: str | None = None,
) -> tuple[int, dict[int, int]]:
    """Comment on a content (or reply to a comment); returns ``(comment_id, notifications)``."""
    with world.db.tx():
        comment_id = world.db.execute(
            "INSERT INTO comment(message, content_id, parent_id, created_by, created_at)"
            " VALUES(?,?,?,?,?)",
            (message, content_id, parent_id, user_id, when or stamp()),
        )
        return comment_id, notify.on_comment(world, comment_id)


def create_poll(
    world: World,
    author_id: int,
    container_id: int,
    question: str,
    answers: list[str],
    *,
    description: str = "",
    allow_multiple: bool = False,
    when: str | None = None,
    rng: random.Random | None = None,
    notify_members: bool = True,
) -> tuple[int, dict[int, int]]:
    """Create a poll with its answers; returns ``(poll_id, notifications)``.

    The seed creates its poll with ``notify_members=False``: HumHub's API gives such a
    notification a string ``source``, which the spec does not allow (see the contract tests).
    """
    when = when or stamp()
    with world.db.tx():
        content_id = _content(world, POLL_MODEL, container_id, author_id, 0, when, rng)
        poll_id = world.db.execute(
            "INSERT INTO poll(content_id, question, description, allow_multiple, closed,"
            " anonymous) VALUES(?,?,?,?,0,0)",
            (content_id, question, description, int(allow_multiple)),
        )
        world.db.execute("UPDATE content SET object_id = ? WHERE id = ?", (poll_id, content_id))
        for answer in answers:
            world.db.execute(
                "INSERT INTO poll_answer(poll_id, answer, created_at) VALUES(?,?,?)",
                (poll_id, answer, when),
            )
        made = notify.on_content_created(world, content_id) if notify_members else {}
    return poll_id, made


def votes(world: World, user_id: int, poll_id: int) -> list[int]:
    rows = world.db.all(
        "SELECT answer_id FROM poll_vote WHERE poll_id = ? AND user_id = ? ORDER BY answer_id",
        (poll_id, user_id),
    )
    return [int(r["answer_id"]) for r in rows]


def vote(world: World, user_id: int, poll_id: int, answer_ids: list[int]) -> None:
    with world.db.tx():
        for answer_id in answer_ids:
            world.db.execute(
                "INSERT OR IGNORE INTO poll_vote(poll_id, answer_id, user_id, created_at)"
                " VALUES(?,?,?,?)",
                (poll_id, answer_id, user_id, stamp()),
            )


def reset_vote(world: World, user_id: int, poll_id: int) -> None:
    world.db.execute("DELETE FROM poll_vote WHERE poll_id = ? AND user_id = ?", (poll_id, user_id))
