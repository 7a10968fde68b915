"""Keeping a long-running simulation bounded, the way HumHub itself cleans up.

The simulation calls :func:`trim` after every beat, so a sandbox left running for days at fast
pace stays small:

- each user keeps their newest :data:`MAX_NOTIFICATIONS` notifications;
- the colleagues' newest :data:`MAX_COLLEAGUE_CONTENT` posts/polls are kept; older ones are
  deleted with their comments, likes, votes and notifications (the demo user's own posts stay);
- a content keeps its newest :data:`MAX_COMMENTS` root comments (older ones go with replies).

Deleting a record deletes the notifications whose source it is, like HumHub does on delete.
:func:`unlike_all` withdraws the likes on a post so colleagues can like it again (the demo user
only has a handful of posts and eight colleagues).
"""

from __future__ import annotations

from collections.abc import Sequence

from sandbox import texts
from sandbox.world import COMMENT_MODEL, DEMO_USERNAME, POST_MODEL, World

MAX_NOTIFICATIONS = 500
MAX_COLLEAGUE_CONTENT = 120
MAX_COMMENTS = 40


def _marks(ids: Sequence[int]) -> str:
    return ",".join("?" * len(ids))


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


def _trim_comments(world: World) -> None:
    crowded = world.db.all(
        "SELECT content_id FROM comment WHERE parent_id IS NULL GROUP BY content_id"
        " HAVING COUNT(*) > ?",
        (MAX_COMMENTS,),
    )
    for row in crowded:
        old = world.db.all(
            "SELECT id FROM comment WHERE content_id = ? AND parent_id IS NULL"
            " ORDER BY created_at DESC, id DESC LIMIT -1 OFFSET ?",
            (row["content_id"], MAX_COMMENTS),
        )
        _drop_comments(world, [int(r["id"]) for r in old])


def _trim_notifications(world: World) -> None:
    crowded = world.db.all(
        "SELECT user_id FROM notification GROUP BY user_id HAVING COUNT(*) > ?",
        (MAX_NOTIFICATIONS,),
    )
    for row in crowded:
        _drop_notifications(
            world,
            "user_id = ? AND id NOT IN (SELECT id FROM notification WHERE user_id = ?"
            " ORDER BY created_at DESC, id DESC LIMIT ?)",
            (row["user_id"], row["user_id"], MAX_NOTIFICATIONS),
        )


def trim(world: World) -> None:
    """Apply the caps above (cheap when nothing exceeds them)."""
    with world.db.tx():
        _trim_content(world)
        _trim_comments(world)
        _trim_notifications(world)
