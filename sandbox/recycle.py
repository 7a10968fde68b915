"""Keeping a long-running simulation bounded, the way HumHub itself cleans up.

The simulation calls :func:`trim` after every beat, so a sandbox left running for days at fast
pace stays small:

- each user keeps their newest :data:`MAX_NOTIFICATIONS` notifications;
- the colleagues' newest :data:`MAX_COLLEAGUE_CONTENT` posts/polls are kept; older ones are
  deleted with their comments, likes, votes and notifications (the demo user's own posts stay);
- a content keeps its newest :data:`MAX_COMMENTS` root comments (older ones go with replies).

Deleting a record deletes the notifications whose source it is, like HumHub does on delete.
A flood (:mod:`sandbox.flood`) is exempt while unseen: :func:`protect` records its ids, and
trimming leaves those notifications and their comments alone until they are seen (at most
:data:`MAX_FLOOD_KEPT` of them; a newer flood releases the oldest ones beyond that).
:func:`unlike_all` withdraws the likes on a post so colleagues can like it again (the demo user
only has a handful of posts and eight colleagues).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from sandbox import texts
from sandbox.world import COMMENT_MODEL, DEMO_USERNAME, POST_MODEL, World

MAX_NOTIFICATIONS = 500
MAX_COLLEAGUE_CONTENT = 120
MAX_COMMENTS = 40
MAX_FLOOD_KEPT = 20_000
FLOOD_KEY = "flood_ranges"


def _marks(ids: Sequence[int]) -> str:
    return ",".join("?" * len(ids))


def _flood_ranges(world: World) -> list[list[int]]:
    ranges: list[list[int]] = json.loads(world.db.meta(FLOOD_KEY) or "[]")
    return ranges


def protect(world: World, first: int, last: int) -> None:
    """Exempt the notifications ``first..last`` (a flood) from trimming while unseen."""
    ranges = [*_flood_ranges(world), [first, last]]
    while len(ranges) > 1 and sum(b - a + 1 for a, b in ranges) > MAX_FLOOD_KEPT:
        ranges.pop(0)
    world.db.set_meta(FLOOD_KEY, json.dumps(ranges))


def _kept(world: World) -> tuple[str, list[int]]:
    """A condition on ``notification`` rows matching the protected ones, and its arguments.

    Ranges with nothing unseen left are forgotten on the way.
    """
    recorded = _flood_ranges(world)
    ranges = [
        r
        for r in recorded
        if world.db.one(
            "SELECT 1 FROM notification WHERE id BETWEEN ? AND ? AND seen = 0 LIMIT 1", r
        )
    ]
    if ranges != recorded:
        world.db.set_meta(FLOOD_KEY, json.dumps(ranges))
    if not ranges:
        return "0", []
    spans = " OR ".join("id BETWEEN ? AND ?" for _ in ranges)
    return f"(seen = 0 AND ({spans}))", [i for r in ranges for i in r]


def _drop_notifications(world: World, where: str, args: Sequence[object]) -> None:
    """Delete the notifications matching ``where`` (a fixed SQL fragment) and their actors."""
    inner = f"SELECT id FROM notification WHERE {where}"  # noqa: S608 - fixed fragments only
    actors = f"DELETE FROM notification_actor WHERE notification_id IN ({inner})"  # noqa: S608
    world.db.execute(actors, args)
    world.db.execute(f"DELETE FROM notification WHERE id IN ({inner})", args)  # noqa: S608


def unlike_all(world: World, post_id: int) -> None:
    """Withdraw every like on the post and drop the NewLike notifications about it."""
    with world.db.tx():
        world.db.execute(
            'DELETE FROM "like" WHERE object_model = ? AND object_id = ?', (POST_MODEL, post_id)
        )
        _drop_notifications(
            world, "class = ? AND group_key = ?", (texts.NEW_LIKE, f"{POST_MODEL}:{post_id}")
        )


def _drop_comments(world: World, ids: list[int]) -> None:
    if not ids:
        return
    replies = world.db.all(
        f"SELECT id FROM comment WHERE parent_id IN ({_marks(ids)})",  # noqa: S608
        ids,
    )
    ids = ids + [int(r["id"]) for r in replies]
    marks = _marks(ids)
    _drop_notifications(
        world,
        f"comment_id IN ({marks}) OR (source_kind = 'comment' AND source_id IN ({marks}))",
        [*ids, *ids],
    )
    world.db.execute(
        f'DELETE FROM "like" WHERE object_model = ? AND object_id IN ({marks})',  # noqa: S608
        [COMMENT_MODEL, *ids],
    )
    world.db.execute(f"DELETE FROM comment WHERE id IN ({marks})", ids)  # noqa: S608


def _drop_content(world: World, content_id: int) -> None:
    _drop_notifications(world, "content_id = ?", (content_id,))
    comments = world.db.all("SELECT id FROM comment WHERE content_id = ?", (content_id,))
    _drop_comments(world, [int(r["id"]) for r in comments])
    world.db.execute('DELETE FROM "like" WHERE content_id = ?', (content_id,))
    for poll in world.db.all("SELECT id FROM poll WHERE content_id = ?", (content_id,)):
        world.db.execute("DELETE FROM poll_vote WHERE poll_id = ?", (poll["id"],))
        world.db.execute("DELETE FROM poll_answer WHERE poll_id = ?", (poll["id"],))
    world.db.execute("DELETE FROM poll WHERE content_id = ?", (content_id,))
    world.db.execute("DELETE FROM post WHERE content_id = ?", (content_id,))
    world.db.execute("DELETE FROM content_topic WHERE content_id = ?", (content_id,))
    world.db.execute("DELETE FROM content WHERE id = ?", (content_id,))


def _trim_content(world: World) -> None:
    old = world.db.all(
        "SELECT content.id FROM content JOIN user ON user.id = content.created_by"
        " WHERE user.username != ? ORDER BY content.created_at DESC, content.id DESC"
        " LIMIT -1 OFFSET ?",
        (DEMO_USERNAME, MAX_COLLEAGUE_CONTENT),
    )
    for row in old:
        _drop_content(world, int(row["id"]))


def _trim_comments(world: World, kept: tuple[str, list[int]]) -> None:
    spared = f"SELECT comment_id FROM notification WHERE comment_id IS NOT NULL AND {kept[0]}"  # noqa: S608
    crowded = world.db.all(
        "SELECT content_id FROM comment WHERE parent_id IS NULL GROUP BY content_id"
        " HAVING COUNT(*) > ?",
        (MAX_COMMENTS,),
    )
    for row in crowded:
        old = world.db.all(
            "SELECT id FROM comment WHERE content_id = ? AND parent_id IS NULL"  # noqa: S608
            f" AND id NOT IN ({spared}) ORDER BY created_at DESC, id DESC LIMIT -1 OFFSET ?",
            (row["content_id"], *kept[1], MAX_COMMENTS),
        )
        _drop_comments(world, [int(r["id"]) for r in old])


def _trim_notifications(world: World, kept: tuple[str, list[int]]) -> None:
    crowded = world.db.all(
        "SELECT user_id FROM notification GROUP BY user_id HAVING COUNT(*) > ?",
        (MAX_NOTIFICATIONS,),
    )
    for row in crowded:
        _drop_notifications(
            world,
            "user_id = ? AND id NOT IN (SELECT id FROM notification WHERE user_id = ?"  # noqa: S608
            f" ORDER BY created_at DESC, id DESC LIMIT ?) AND NOT {kept[0]}",
            (row["user_id"], row["user_id"], MAX_NOTIFICATIONS, *kept[1]),
        )


def trim(world: World) -> None:
    """Apply the caps above (cheap when nothing exceeds them)."""
    with world.db.tx():
        kept = _kept(world)
        _trim_content(world)
        _trim_comments(world, kept)
        _trim_notifications(world, kept)
