"""A long holiday's worth of notifications at once (``POST /_sandbox/act`` ``"flood"``).

:func:`flood` writes ``count`` new, unseen notifications for the demo user in ONE transaction:
likes, comments and @-mentions (in comments) by the seeded colleagues on the demo user's own
posts, mixed by :data:`MIX`. Each is its own row with its own id and a one-actor text, as if
they had arrived one by one over :data:`HOLIDAY` with the app switched off; none is regrouped
into another (their rows carry no group key). Their ``created_at`` runs from the newest existing notification of the demo user
(or :data:`HOLIDAY` ago, whichever is later) up to now, in id order, so they are the newest
notifications on the server, newest last.

- A like notification points at the colleague's like of the post (one like per person and
  object, as in HumHub; made when missing), so many like notifications share a like.
- A comment or mention notification has its own comment row on the post.

The ids are handed to :func:`sandbox.recycle.protect`, so the bounded-growth trimming leaves
these notifications (and their comments) alone while they are unseen.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sandbox import model, recycle, texts
from sandbox.actions import COMMENTS, MENTION_COMMENTS, demo_posts
from sandbox.clock import FORMAT, local_now, stamp
from sandbox.world import DEMO_USERNAME, POST_MODEL, World

MAX_FLOOD = 20_000
HOLIDAY = timedelta(days=14)
# kind, weight
MIX = (("like", 50), ("comment", 35), ("mention", 15))
_COMMENT_SQL = (
    "INSERT INTO comment(id, message, content_id, parent_id, created_by, created_at)"
    " VALUES(?,?,?,NULL,?,?)"
)
_NOTIFICATION_SQL = (
    "INSERT INTO notification(id, user_id, class, group_key, originator_id, source_kind,"
    " source_id, content_id, comment_id, seen, created_at) VALUES(?,?,?,?,?,?,?,?,?,0,?)"
)
_ACTOR_SQL = (
    "INSERT INTO notification_actor(notification_id, user_id, source_id, created_at)"
    " VALUES(?,?,?,?)"
)


def _start(world: World, user_id: int, now: datetime) -> datetime:
    """When the holiday began: HOLIDAY ago, but never before the newest notification."""
    newest = world.db.one(
        "SELECT MAX(created_at) AS at FROM notification WHERE user_id = ?", (user_id,)
    )
    start = now - HOLIDAY
    if newest is not None and newest["at"] is not None:
        last = datetime.strptime(str(newest["at"]), FORMAT).replace(tzinfo=now.tzinfo)
        start = max(start, min(last, now))
    return start


class _Likes:
    """The colleagues' likes of the demo posts, made once when missing."""

    def __init__(self, world: World, when: str) -> None:
        self._world, self._when = world, when
        self._ids: dict[tuple[int, int], int] = {}

    def of(self, user_id: int, post_id: int, content_id: int) -> int:
        key = (user_id, post_id)
        if key not in self._ids:
            db = self._world.db
            db.execute(
                'INSERT OR IGNORE INTO "like"(object_model, object_id, content_id, created_by,'
                " created_at) VALUES(?,?,?,?,?)",
                (POST_MODEL, post_id, content_id, user_id, self._when),
            )
            self._ids[key] = db.scalar(
                'SELECT id FROM "like" WHERE object_model = ? AND object_id = ? AND created_by = ?',
                (POST_MODEL, post_id, user_id),
            )
        return self._ids[key]


def flood(world: World, count: int, rng: random.Random) -> dict[str, object]:
    """Create ``count`` unseen notifications for the demo user; LookupError without demo posts.

    Returns ``{"created", "first_id", "last_id", "kinds": {kind: n}}``; the ids are
    consecutive.
    """
    if not 1 <= count <= MAX_FLOOD:
        raise ValueError(f"count must be a number from 1 to {MAX_FLOOD}")
    demo = world.demo_user()
    demo_id = int(demo["id"])
    posts = [p for p in (world.post(i) for i in demo_posts(world)) if p is not None]
    if not posts:
        raise LookupError("the demo user has no posts to react to")
    colleagues = world.db.all(
        "SELECT * FROM user WHERE username != ? ORDER BY id", (DEMO_USERNAME,)
    )
    who = model.mention(world, demo)
    kinds = [kind for kind, _ in MIX]
    weights = [weight for _, weight in MIX]
    tally = dict.fromkeys(kinds, 0)
    now = local_now()
    notifications: list[tuple[object, ...]] = []
    actors: list[tuple[object, ...]] = []
    comments: list[tuple[object, ...]] = []
    with world.db.tx():
        start = _start(world, demo_id, now)
        step = (now - start) / count
        first = world.db.scalar("SELECT COALESCE(MAX(id), 0) FROM notification") + 1
        next_comment = world.db.scalar("SELECT COALESCE(MAX(id), 0) FROM comment") + 1
        likes = _Likes(world, stamp(start))
        for n in range(count):
            nid, when = first + n, stamp(start + step * (n + 1))
            kind = rng.choices(kinds, weights)[0]
            tally[kind] += 1
            actor, post = rng.choice(colleagues), rng.choice(posts)
            uid, post_id, content_id = int(actor["id"]), int(post["id"]), int(post["content_id"])
            if kind == "like":
                like_id = likes.of(uid, post_id, content_id)
                group = None  # never regrouped: each flood row is listed on its own
                notifications.append(
                    (
                        nid,
                        demo_id,
                        texts.NEW_LIKE,
                        group,
                        uid,
                        "like",
                        like_id,
                        content_id,
                        None,
                        when,
                    )
                )
                actors.append((nid, uid, like_id, when))
                continue
            if kind == "comment":
                message, cls = rng.choice(COMMENTS), texts.NEW_COMMENT
            else:
                message, cls = rng.choice(MENTION_COMMENTS).replace("{who}", who), texts.MENTIONED
            cid, next_comment = next_comment, next_comment + 1
            comments.append((cid, message, content_id, uid, when))
            notifications.append(
                (nid, demo_id, cls, None, uid, "comment", cid, content_id, cid, when)
            )
        for sql, rows in (
            (_COMMENT_SQL, comments),
            (_NOTIFICATION_SQL, notifications),
            (_ACTOR_SQL, actors),
        ):
            for row in rows:
                world.db.execute(sql, row)
        recycle.protect(world, first, first + count - 1)
    return {"created": count, "first_id": first, "last_id": first + count - 1, "kinds": tally}
