"""Notification rules of the sandbox: like-grouping, mentions vs. comments, escaping."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from sandbox import model, notify, texts
from sandbox.db import Database
from sandbox.seed import seed
from sandbox.world import POST_MODEL, World


@pytest.fixture
def world() -> Iterator[World]:
    db = Database()
    w = World(db, "http://sandbox.test")
    seed(w, 1)
    yield w
    db.close()


def uid(world: World, username: str) -> int:
    row = world.user_by_name(username)
    assert row is not None
    return int(row["id"])


def demo_post(world: World, message: str = "Wie gaat er mee naar de markt?") -> int:
    space = world.db.one("SELECT container_id FROM space WHERE slug = 'algemeen'")
    assert space is not None
    post_id, _ = model.create_post(world, uid(world, "demo"), int(space["container_id"]), message)
    return post_id


def unseen_likes(world: World) -> list[dict[str, object]]:
    rows = notify.query(world, uid(world, "demo"), unseen_only=True, exclude=set())
    return [notify.serialize(world, r) for r in rows if r["class"] == texts.NEW_LIKE]


def serialized(world: World, notification_id: int | None) -> dict[str, Any]:
    row = world.db.one("SELECT * FROM notification WHERE id = ?", (notification_id,))
    assert row is not None
    return notify.serialize(world, row)


def like(world: World, username: str, post_id: int) -> int | None:
    return model.add_like(world, uid(world, username), POST_MODEL, post_id)[1]


def test_likes_on_one_post_while_unseen_are_one_row_rewritten(world: World) -> None:
    post_id = demo_post(world)
    first = like(world, "jan", post_id)
    before = serialized(world, first)
    assert before["output"] == (
        '<strong>Jan Bakker</strong> vindt je bericht "Wie gaat er mee naar de markt?" leuk.'
    )
    second = like(world, "fatima", post_id)
    assert second == first
    after = serialized(world, first)
    assert after["output"] == (
        "<strong>Fatima El Amrani</strong> en <strong>Jan Bakker</strong> vinden je bericht"
        ' "Wie gaat er mee naar de markt?" leuk.'
    )
    assert after["originator"]["display_name"] == "Fatima El Amrani"
    assert len([n for n in unseen_likes(world) if n["id"] == first]) == 1


def test_many_likes_say_and_n_others(world: World) -> None:
    post_id = demo_post(world)
    ids = {like(world, name, post_id) for name in ("jan", "fatima", "daan", "priya", "kees")}
    assert len(ids) == 1
    [grouped] = [n for n in unseen_likes(world) if n["id"] in ids]
    assert grouped["output"] == (
        "<strong>Kees de Boer</strong> en 4 anderen vinden je bericht"
        ' "Wie gaat er mee naar de markt?" leuk.'
    )


def test_a_like_after_the_group_was_seen_opens_a_new_row(world: World) -> None:
    post_id = demo_post(world)
    first = like(world, "jan", post_id)
    notify.mark_all_seen(world, uid(world, "demo"))
    second = like(world, "fatima", post_id)
    assert second is not None
    assert second != first
    [fresh] = [n for n in unseen_likes(world) if n["id"] == second]
    assert str(fresh["output"]).startswith("<strong>Fatima El Amrani</strong> vindt")


def test_likes_on_different_posts_are_separate(world: World) -> None:
    a, b = demo_post(world, "Bericht A"), demo_post(world, "Bericht B")
    assert like(world, "jan", a) != like(world, "jan", b)


def test_own_like_and_repeated_like_notify_nobody(world: World) -> None:
    post_id = demo_post(world)
    assert like(world, "demo", post_id) is None
    assert like(world, "jan", post_id) is not None
    assert like(world, "jan", post_id) is None


def test_like_source_is_the_like(world: World) -> None:
    post_id = demo_post(world)
    nid = like(world, "noor", post_id)
    [item] = [n for n in unseen_likes(world) if n["id"] == nid]
    source = item["source"]
    assert isinstance(source, dict)
    assert set(source) == {"id", "createdBy", "createdAt"}
    assert source["createdBy"]["display_name"] == "Noor Hendriks"


def test_mention_in_a_comment_replaces_new_comment(world: World) -> None:
    post_id = demo_post(world)
    post = world.post(post_id)
    assert post is not None
    demo = world.demo_user()
    text = f"{model.mention(world, demo)} ik doe mee!"
    _, made = model.add_comment(world, uid(world, "jan"), int(post["content_id"]), text)
    row = world.db.one("SELECT * FROM notification WHERE id = ?", (made[int(demo["id"])],))
    assert row is not None
    assert row["class"] == texts.MENTIONED
    assert notify.output(world, row) == (
        "<strong>Jan Bakker</strong> heeft je genoemd in een reactie op bericht"
        ' "Wie gaat er mee naar de markt?".'
    )
    _, plain = model.add_comment(world, uid(world, "daan"), int(post["content_id"]), "Leuk!")
    plain_row = world.db.one(
        "SELECT class FROM notification WHERE id = ?", (plain[int(demo["id"])],)
    )
    assert plain_row is not None
    assert plain_row["class"] == texts.NEW_COMMENT


def test_output_escapes_user_text(world: World) -> None:
    post_id = demo_post(world, "<script>alert('x')</script> & meer")
    nid = like(world, "jan", post_id)
    [item] = [n for n in unseen_likes(world) if n["id"] == nid]
    assert "<script>" not in str(item["output"])
    assert "&lt;script&gt;" in str(item["output"])


def test_seed_is_deterministic() -> None:
    def snapshot(seed_value: int) -> list[tuple[object, ...]]:
        db = Database()
        w = World(db, "http://sandbox.test")
        seed(w, seed_value)
        rows = [tuple(r) for r in db.all("SELECT guid, username FROM user ORDER BY id")]
        db.close()
        return rows

    assert snapshot(3) == snapshot(3)
    assert snapshot(3) != snapshot(4)


def test_seed_has_the_promised_organisation(world: World) -> None:
    leader = world.user_by_name("marieke")
    assert leader is not None
    assert "leader" in leader["tags"]
    assert {r["name"] for r in world.db.all("SELECT name FROM space")} == {
        "Algemeen",
        "Complimenten",
        "Marktplaats",
    }
    assert world.db.scalar("SELECT COUNT(*) FROM user") >= 9
    demo_id = uid(world, "demo")
    assert (
        world.db.scalar(
            "SELECT COUNT(*) FROM notification WHERE user_id = ? AND seen = 0", (demo_id,)
        )
        == 3
    )
    assert (
        world.db.scalar(
            "SELECT COUNT(*) FROM notification WHERE user_id = ? AND seen = 1", (demo_id,)
        )
        >= 3
    )
    assert world.db.scalar("SELECT COUNT(*) FROM poll_answer") == 3


def listed(world: World, *, unseen_only: bool) -> list[dict[str, Any]]:
    rows = notify.query(world, uid(world, "demo"), unseen_only=unseen_only, exclude=set())
    return [notify.serialize(world, r) for r in rows]


def test_a_like_after_the_group_was_seen_is_listed_like_humhub_does(world: World) -> None:
    """Checked on a real HumHub 1.18.5: the full list keeps the group's OLD id, createdAt and
    source (its first like) and names every liker; the unseen list shows the NEW row."""
    post_id = demo_post(world)
    first = like(world, "jan", post_id)
    world.db.execute(
        "UPDATE notification_actor SET created_at = '2026-01-05 09:00:00' WHERE notification_id = ?",
        (first,),
    )
    old = serialized(world, first)
    notify.mark_all_seen(world, uid(world, "demo"))
    second = like(world, "fatima", post_id)
    assert second is not None
    assert second != first
    [everything] = [n for n in listed(world, unseen_only=False) if n["id"] in (first, second)]
    [unseen] = [n for n in listed(world, unseen_only=True) if n["id"] in (first, second)]
    assert everything["id"] == first
    assert everything["createdAt"] == old["createdAt"] == "2026-01-05 09:00:00"
    assert everything["source"] == old["source"]
    assert everything["originator"]["display_name"] == "Fatima El Amrani"
    assert str(everything["output"]).startswith(
        "<strong>Fatima El Amrani</strong> en <strong>Jan Bakker</strong> vinden"
    )
    assert unseen["id"] == second
    assert unseen["createdAt"] != old["createdAt"]
    assert str(unseen["output"]).startswith("<strong>Fatima El Amrani</strong> vindt")
    assert listed(world, unseen_only=False)[0]["id"] == first  # a group with unseen likes leads


def test_opening_a_like_group_marks_every_row_of_it_seen(world: World) -> None:
    post_id = demo_post(world)
    first = like(world, "jan", post_id)
    notify.mark_all_seen(world, uid(world, "demo"))
    like(world, "fatima", post_id)
    assert first is not None
    notify.mark_seen(world, first)  # the web route /notification/entry?id=<old id>
    assert not [n for n in listed(world, unseen_only=True) if "markt" in str(n["output"])]
