"""What a simulated colleague can do (like, comment, mention, post, poll), with Dutch texts.

Used by the simulation and by ``POST /_sandbox/act``. Each action returns a small dict with
the ids it created, including ``notification_id`` (the demo user's notification if there is
one, else the first notification the action created, else ``None``).
"""

from __future__ import annotations

import random

from sandbox import model, recycle, texts
from sandbox.db import Row
from sandbox.world import DEMO_USERNAME, POST_MODEL, World

Result = dict[str, int | None]

COMMENTS = [
    "Goed bezig!",
    "Mooi initiatief, ik doe mee.",
    "Dank je wel voor het delen!",
    "Wat fijn om te lezen.",
    "Ik schuif graag aan.",
    "Heel herkenbaar, goed dat je dit deelt.",
]
KUDOS = [
    "Dank je wel {who} voor het meedenken vandaag!",
    "{who} heeft me enorm geholpen met het rooster. Held!",
    "Even een compliment voor {who}: altijd rustig en behulpzaam.",
]
MENTION_COMMENTS = ["{who}, wat vind jij hiervan?", "Goed punt van {who}!"]
POSTS = [
    ("algemeen", "De koffieautomaat op de tweede verdieping doet het weer."),
    ("algemeen", "Herinnering: vrijdag is de inloopsessie over het nieuwe rooster."),
    ("marktplaats", "Gevonden: een blauwe sjaal in de kantine. Ligt bij de receptie."),
    ("marktplaats", "Wie wil er carpoolen vanuit Houten? Ik rijd elke dag om 8 uur."),
    ("complimenten", "Compliment voor het nachtteam: alles liep gesmeerd deze week!"),
]
POLLS = [
    ("Welke dag past het best voor het teamoverleg?", ["Dinsdag", "Woensdag", "Donderdag"]),
    ("Zullen we een gezamenlijke lunch houden?", ["Ja, graag", "Nee", "Maakt mij niet uit"]),
]


def _space_container(world: World, slug: str) -> int:
    row = world.db.one("SELECT container_id FROM space WHERE slug = ?", (slug,))
    if row is None:
        raise LookupError(f"no space {slug}")
    return int(row["container_id"])


def _pick(world: World, made: dict[int, int]) -> int | None:
    demo_id = int(world.demo_user()["id"])
    if demo_id in made:
        return made[demo_id]
    return next(iter(made.values()), None)


def demo_posts(world: World) -> list[int]:
    """The demo user's posts, newest first."""
    rows = world.db.all(
        "SELECT post.id FROM post JOIN content ON content.id = post.content_id"
        " WHERE content.created_by = ? ORDER BY content.created_at DESC, post.id DESC",
        (world.demo_user()["id"],),
    )
    return [int(r["id"]) for r in rows]


def unliked_demo_post(world: World, actor: Row) -> int | None:
    for post_id in demo_posts(world):
        liked = world.db.one(
            'SELECT id FROM "like" WHERE object_model = ? AND object_id = ? AND created_by = ?',
            (POST_MODEL, post_id, actor["id"]),
        )
        if liked is None:
            return post_id
    return None


def likers(world: World, post_id: int) -> list[Row]:
    """Colleagues who may still like the post (not its author, not liked yet), by id."""
    return world.db.all(
        "SELECT user.* FROM user WHERE user.username != ? AND user.id NOT IN"
        ' (SELECT created_by FROM "like" WHERE object_model = ? AND object_id = ?)'
        " AND user.id NOT IN (SELECT content.created_by FROM post JOIN content"
        " ON content.id = post.content_id WHERE post.id = ?) ORDER BY user.id",
        (DEMO_USERNAME, POST_MODEL, post_id, post_id),
    )


def has_unseen_like_group(world: World, post_id: int) -> bool:
    """Whether the demo user's NewLike notification for the post is still unseen."""
    row = world.db.one(
        "SELECT id FROM notification WHERE user_id = ? AND class = ? AND group_key = ?"
        " AND seen = 0",
        (world.demo_user()["id"], texts.NEW_LIKE, f"{POST_MODEL}:{post_id}"),
    )
    return row is not None


def like_target(world: World, need: int = 1) -> int | None:
    """A demo post on which a like starts a NEW notification and ``need`` colleagues can still
    like it (newest first). When every such post is used up, the oldest one whose like
    notification was seen is recycled (its likes are withdrawn, see :mod:`sandbox.recycle`).
    ``None`` when every demo post has an unseen like notification (a like would only regroup).
    """
    fresh = [pid for pid in demo_posts(world) if not has_unseen_like_group(world, pid)]
    for post_id in fresh:
        if len(likers(world, post_id)) >= need:
            return post_id
    if fresh:
        recycle.unlike_all(world, fresh[-1])
        return fresh[-1] if len(likers(world, fresh[-1])) >= need else None
    return None


def like_burst(world: World, post_id: int, count: int, rng: random.Random) -> dict[str, object]:
    """``count`` different colleagues like the post at once; each like updates the owner's
    grouped NewLike notification (the first one may open it). LookupError if too few can."""
    available = likers(world, post_id)
    if len(available) < count:
        msg = f"only {len(available)} colleagues can still like post {post_id}"
        raise LookupError(msg)
    like_ids: list[int] = []
    notification_ids: list[int | None] = []
    for actor in rng.sample(available, count):
        like_id, notification_id = model.add_like(world, int(actor["id"]), POST_MODEL, post_id)
        like_ids.append(like_id)
        notification_ids.append(notification_id)
    return {
        "post_id": post_id,
        "like_ids": like_ids,
        "notification_ids": notification_ids,
        "notification_id": notification_ids[-1] if notification_ids else None,
    }


def like(world: World, actor: Row, post_id: int) -> Result:
    like_id, notification_id = model.add_like(world, int(actor["id"]), POST_MODEL, post_id)
    return {"like_id": like_id, "post_id": post_id, "notification_id": notification_id}


def comment(world: World, actor: Row, post_id: int, text: str) -> Result:
    post = world.post(post_id)
    if post is None:
        raise LookupError(f"no post {post_id}")
    comment_id, made = model.add_comment(world, int(actor["id"]), int(post["content_id"]), text)
    return {"comment_id": comment_id, "post_id": post_id, "notification_id": _pick(world, made)}


def mention(
    world: World, actor: Row, post_id: int | None, text: str | None, rng: random.Random
) -> Result:
    """Mention the demo user: in a comment on ``post_id``, else in a new kudos post."""
    who = model.mention(world, world.demo_user())
    if post_id is not None:
        body = text if text and "{who}" not in text else rng.choice(MENTION_COMMENTS)
        return comment(world, actor, post_id, body.replace("{who}", who))
    body = (text or rng.choice(KUDOS)).replace("{who}", who)
    if who not in body:
        body = f"{who} {body}"
    new_id, made = model.create_post(
        world,
        int(actor["id"]),
        _space_container(world, "complimenten"),
        body,
        topics=["Complimenten"],
    )
    return {"post_id": new_id, "notification_id": _pick(world, made)}


def post(world: World, actor: Row, text: str | None, rng: random.Random) -> Result:
    slug, default = rng.choice(POSTS)
    new_id, made = model.create_post(
        world, int(actor["id"]), _space_container(world, slug), text or default
    )
    return {"post_id": new_id, "notification_id": _pick(world, made)}


def poll(world: World, actor: Row, rng: random.Random) -> Result:
    question, answers = rng.choice(POLLS)
    poll_id, made = model.create_poll(
        world, int(actor["id"]), _space_container(world, "algemeen"), question, answers
    )
    return {"poll_id": poll_id, "notification_id": _pick(world, made)}
