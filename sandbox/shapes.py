"""JSON shapes of the HumHub REST API (User, Space, Post, Comment, Like, Topic, Poll).

The shapes are the real server's (HumHub 1.18.5 + REST 0.11.5), also where the published spec
says otherwise: ``null`` for empty profile fields, an unset ``language``, ``authclient_id`` of a
local account and ``scheduled_at``; ``files`` is a list (``[]``), not an object. The tests keep
these deviations as one overlay on the bundled specs (tests/contract/overlay.py).
"""

from __future__ import annotations

import json
from typing import Any

from sandbox.clock import stamp
from sandbox.db import Row
from sandbox.world import COMMENT_MODEL, World, display_name

JSON = dict[str, Any]
# the profile fields of HumHub 1.18's default profile, in the server's order (null when empty)
PROFILE_FIELDS = (
    "firstname", "lastname", "title", "gender", "street", "zip", "city", "country", "state",
    "birthday_hide_year", "birthday", "about", "phone_private", "phone_work", "mobile", "fax",
    "im_xmpp", "url", "url_facebook", "url_linkedin", "url_instagram", "url_xing", "url_youtube",
    "url_vimeo", "url_tiktok", "url_twitter", "url_mastodon", "image_url", "banner_url",
)  # fmt: skip


def user_short(world: World, user: Row) -> JSON:
    return {
        "id": user["id"],
        "guid": user["guid"],
        "display_name": display_name(user),
        "url": world.user_url(user),
    }


def user_short_by_id(world: World, user_id: int) -> JSON:
    user = world.user(user_id)
    if user is None:
        raise LookupError(f"no user {user_id}")
    return user_short(world, user)


def user_full(world: World, user: Row) -> JSON:
    account: JSON = {
        "id": user["id"],
        "guid": user["guid"],
        "username": user["username"],
        "email": user["email"],
        "visibility": 1,
        "status": 1,
        "tags": json.loads(user["tags"]),
        "language": user["language"] or None,
        "time_zone": "Europe/Amsterdam",
        "contentcontainer_id": user["container_id"],
        "last_login": stamp(),  # HumHub logs every REST request in (`afterLogin`): now
    }
    if world.api_version == "1.19":
        account["user_source"] = "local"
    else:
        account["authclient"] = "local"
        account["authclient_id"] = None  # a local account
    filled = {k: user[k] or None for k in ("firstname", "lastname", "title", "gender", "city", "about")}  # fmt: skip
    profile: JSON = {name: filled.get(name) for name in PROFILE_FIELDS}
    profile["image_url"] = f"{world.base_url}/static/img/default_user.jpg"
    profile["banner_url"] = f"{world.base_url}/static/img/default_banner.jpg"
    return {**user_short(world, user), "account": account, "profile": profile}


def space(world: World, row: Row) -> JSON:
    owner = world.user(int(row["owner_id"]))
    return {
        "id": row["id"],
        "guid": row["guid"],
        "name": row["name"],
        "description": row["description"],
        "url": world.space_url(row),
        "contentcontainer_id": row["container_id"],
        "visibility": row["visibility"],
        "join_policy": row["join_policy"],
        "status": 1,
        "tags": json.loads(row["tags"]),
        "owner": user_short(world, owner) if owner is not None else {},
        "hideMembers": 0,
        "hideAbout": 0,
        "hideActivities": 0,
        "hideFollowers": 0,
        "indexUrl": "",
        "indexGuestUrl": "",
    }


def likes_total(world: World, model: str, object_id: int) -> int:
    return world.db.scalar(
        'SELECT COUNT(*) FROM "like" WHERE object_model = ? AND object_id = ?', (model, object_id)
    )


def comment(world: World, row: Row, *, nested: bool = True) -> JSON:
    result: JSON = {"id": row["id"], "message": row["message"]}
    if world.api_version == "1.19":
        result["contentId"] = row["content_id"]
        if row["parent_id"] is not None:
            result["parentCommentId"] = row["parent_id"]
    elif row["parent_id"] is not None:
        result["objectModel"] = COMMENT_MODEL
        result["objectId"] = row["parent_id"]
    else:
        content = world.content(int(row["content_id"]))
        result["objectModel"] = content["object_model"] if content else ""
        result["objectId"] = content["object_id"] if content else 0
    result["createdBy"] = user_short_by_id(world, int(row["created_by"]))
    result["createdAt"] = row["created_at"]
    result["likes"] = {"total": likes_total(world, COMMENT_MODEL, int(row["id"]))}
    result["files"] = []
    children = world.db.all(
        "SELECT * FROM comment WHERE parent_id = ? ORDER BY created_at, id", (row["id"],)
    )
    if world.api_version == "1.19":
        result["childCount"] = len(children)
    if nested and children:
        result["commentsCount"] = len(children)
        result["comments"] = [comment(world, child, nested=False) for child in children]
    return result


def like(world: World, row: Row) -> JSON:
    return {
        "id": row["id"],
        "createdBy": user_short_by_id(world, int(row["created_by"])),
        "createdAt": row["created_at"],
    }


def content(world: World, content_id: int) -> JSON:
    row = world.content(content_id)
    if row is None:
        raise LookupError(f"no content {content_id}")
    author = user_short_by_id(world, int(row["created_by"]))
    comments = world.db.all(
        "SELECT * FROM comment WHERE content_id = ? AND parent_id IS NULL ORDER BY created_at, id",
        (content_id,),
    )
    topics = world.db.all(
        "SELECT topic.id, topic.name FROM topic JOIN content_topic ON topic.id ="
        " content_topic.topic_id WHERE content_topic.content_id = ? ORDER BY topic.id",
        (content_id,),
    )
    metadata: JSON = {
        "id": row["id"],
        "guid": row["guid"],
        "object_model": row["object_model"],
        "object_id": row["object_id"],
        "visibility": row["visibility"],
        "state": 1,
        "archived": False,
        "hidden": False,
        "pinned": False,
        "locked_comments": False,
        "created_by": author,
        "created_at": row["created_at"],
        "updated_by": author,
        "updated_at": row["updated_at"],
        "scheduled_at": None,
        "url": world.perma_url(content_id),
        "contentcontainer_id": row["container_id"],
        "stream_channel": "default",
    }
    return {
        "id": row["id"],
        "metadata": metadata,
        "comments": {
            "total": len(comments),
            "latest": [comment(world, c) for c in comments[-2:]],
        },
        "likes": {"total": likes_total(world, row["object_model"], int(row["object_id"]))},
        "topics": [{"id": t["id"], "name": t["name"]} for t in topics],
        "files": [],
    }


def post(world: World, post_id: int) -> JSON:
    row = world.post(post_id)
    if row is None:
        raise LookupError(f"no post {post_id}")
    return {
        "id": row["id"],
        "message": row["message"],
        "content": content(world, row["content_id"]),
    }


def poll(world: World, row: Row) -> JSON:
    content_row = world.content(int(row["content_id"]))
    if content_row is None:
        raise LookupError(f"poll {row['id']} has no content")
    author = user_short_by_id(world, int(content_row["created_by"]))
    answers = world.db.all("SELECT * FROM poll_answer WHERE poll_id = ? ORDER BY id", (row["id"],))
    return {
        "id": row["id"],
        "contentcontainer_id": content_row["container_id"],
        "question": row["question"],
        "description": row["description"],
        "allow_multiple": row["allow_multiple"],
        "created_at": content_row["created_at"],
        "created_by": author,
        "updated_at": content_row["updated_at"],
        "updated_by": author,
        "is_random": 0,
        "closed": row["closed"],
        "anonymous": row["anonymous"],
        "show_result_after_close": 0,
        "answers": [
            {
                "id": a["id"],
                "poll_id": a["poll_id"],
                "answer": a["answer"],
                "created_at": a["created_at"],
                "created_by": author,
                "updated_at": a["created_at"],
                "updated_by": author,
            }
            for a in answers
        ],
        "content": content(world, int(row["content_id"])),
    }
