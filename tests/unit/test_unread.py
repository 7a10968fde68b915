"""Unread rows of the panel are matched by what is unseen (HumHub's grouped like ids)."""

from __future__ import annotations

from datetime import UTC, datetime

from services.models import Notification, NotificationKind, Person
from services.unread import merge_unread

LIKE = "humhub\\modules\\like\\notifications\\NewLike"
COMMENT = "humhub\\modules\\comment\\notifications\\NewComment"


def item(nid: int, cls: str, text: str, minute: int) -> Notification:
    kind = NotificationKind.LIKE if cls == LIKE else NotificationKind.COMMENT
    when = datetime(2026, 12, 1, 12, minute, tzinfo=UTC)
    return Notification(nid, kind, cls, text, Person(9, "g-9", "Sys Admin"), when)


def test_a_new_like_on_a_seen_group_marks_the_old_row_unread() -> None:
    # As a real HumHub 1.18.5 lists it: the group under its old id and old time in
    # /notification, the new like under a new id in /notification/unseen.
    group = item(2, LIKE, 'Sys Admin and 2 others like post "grouping test".', 5)
    older = item(1, COMMENT, "Carol commented post.", 1)
    fresh = item(4, LIKE, 'Sys Admin likes post "grouping test".', 6)
    rows, unread = merge_unread([group, older], [fresh], unseen_total=1)
    assert unread == frozenset({2})
    assert [r.id for r in rows] == [2, 1]
    assert rows[0].text == group.text  # the whole group's text
    assert rows[0].created_at == fresh.created_at  # the newer time: "just now", not 1 min ago


def test_same_ids_match_directly_and_nothing_else_turns_unread() -> None:
    a, b, c = item(7, LIKE, "a", 7), item(6, COMMENT, "b", 6), item(5, LIKE, "c", 5)
    rows, unread = merge_unread([a, b, c], [a, b], unseen_total=2)
    assert unread == frozenset({7, 6})
    assert rows == (a, b, c)


def test_an_unseen_item_without_its_group_in_the_list_is_added_unread() -> None:
    read_comment = item(3, COMMENT, "old comment", 3)
    newest_comment = item(8, COMMENT, "new comment", 8)
    like = item(9, LIKE, "a like the full list does not hold yet", 9)
    rows, unread = merge_unread([newest_comment, read_comment], [like, newest_comment], 2)
    assert unread == frozenset({8, 9})  # the read comment is never taken for the like
    assert rows[-1] == like


def test_two_groups_are_matched_in_order() -> None:
    group_a, group_b = item(2, LIKE, "likes A", 2), item(3, LIKE, "likes B", 3)
    new_a, new_b = item(10, LIKE, "new like A", 11), item(11, LIKE, "new like B", 10)
    rows, unread = merge_unread([group_a, group_b], [new_a, new_b], 2)
    assert unread == frozenset({2, 3})
    assert rows[0].created_at == new_a.created_at
    assert rows[1].created_at == new_b.created_at
