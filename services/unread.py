"""Which rows of the notification panel are unread: matched by what is unseen, not by id.

HumHub lists notifications grouped (one entry per class and group, e.g. the likes of one post)
and takes an entry's id from the group's oldest row *within the list asked for*. Once a like
group was seen, a new like on the same post is a new row: `/notification` still lists the
group under its OLD id and old `createdAt` (seen rows included), while `/notification/unseen`
lists it under the NEW id. Both lists put groups with an unseen row first, in the same order
(newest activity first); that is what matches them here.

Pure functions; no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from services.models import Notification


def merge_unread(
    recent: Sequence[Notification], unseen: Sequence[Notification], unseen_total: int
) -> tuple[tuple[Notification, ...], frozenset[int]]:
    """The panel's rows and the ids of the unread ones.

    `recent` is the head of `/notification`, `unseen` the head of `/notification/unseen`
    and `unseen_total` its `total` (the badge). Each unseen item marks as unread the recent
    row with its id, or else the first unmatched recent row of the same class among the
    unread head of `recent` (its first `unseen_total` rows), which then shows the newer
    time. An unseen item that matches nothing (it arrived between the two requests, or the
    head is longer than `recent`) is added as an unread row of its own.
    """
    rows = list(recent)
    index_of = {item.id: i for i, item in enumerate(rows)}
    unseen_ids = {item.id for item in unseen}
    head = min(len(rows), max(unseen_total, len(unseen)))
    unread: set[int] = set()
    extra: list[Notification] = []
    for item in unseen:
        at = index_of.get(item.id)
        if at is None:
            at = _same_group(rows, head, item, taken=unread | unseen_ids)
        if at is None:
            extra.append(item)
            unread.add(item.id)
            continue
        row = rows[at]
        unread.add(row.id)
        if item.created_at is not None and (
            row.created_at is None or item.created_at > row.created_at
        ):
            rows[at] = replace(row, created_at=item.created_at)
    return (*rows, *extra), frozenset(unread)


def _same_group(
    rows: Sequence[Notification], head: int, item: Notification, *, taken: set[int]
) -> int | None:
    """The first row of the unread head that can be `item`'s group under its older id."""
    for at in range(head):
        row = rows[at]
        if row.class_name == item.class_name and row.id not in taken and row.id < item.id:
            return at
    return None
