"""Reading back an ambiguous send: is the post already on the server?

Pure Python + asyncio, no Qt. HumHub has no idempotency key, so a post is recognised by what
identifies it: the signed-in author, the container, the normalised text, and a post id above
the row's baseline (the newest post id in the container just before its first send; post ids
only grow, whatever the server's clock or time zone says). The container is read newest first,
page by page, until a page reaches the baseline or the end, within `MAX_PAGES`: a flood of
colleagues' posts cannot push ours out of sight, and a runaway server cannot keep us reading.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from services.mentions import normalise
from services.models import Post

PAGE_SIZE = 50  # the server's page maximum
MAX_PAGES = 20  # 1,000 posts: far more than land in one container during a read-back
INT64_MAX = 2**63 - 1  # SQLite's integer range


class ListsPosts(Protocol):
    async def list_posts(
        self, contentcontainer_id: int, *, limit: int = 20, page: int = 1
    ) -> tuple[Post, ...]: ...


@dataclass(frozen=True, slots=True)
class Window:
    """Which posts may be the row's: above `floor` (an id), not before `since` (legacy rows)."""

    floor: int | None
    since: datetime | None = None

    def reached(self, post: Post) -> bool:
        """Whether `post` is older than anything the row can have made (reading may stop)."""
        if self.floor is not None and post.id <= self.floor:
            return True
        return (
            self.since is not None and post.created_at is not None and post.created_at < self.since
        )


@dataclass(frozen=True, slots=True)
class ReadBack:
    """The post found (or None) and whether everything after the window was read."""

    found: Post | None
    complete: bool
    pages: int


async def read_back(
    port: ListsPosts,
    container: int,
    message: str,
    *,
    author_guid: str,
    taken: set[int],
    window: Window,
) -> ReadBack:
    """Read the container newest first until the window's start; find the row's post."""
    seen: list[Post] = []
    complete = False
    pages = 0
    for page in range(1, MAX_PAGES + 1):
        batch = await port.list_posts(container, limit=PAGE_SIZE, page=page)
        pages = page
        known = {s.id for s in seen}
        fresh = [p for p in batch if p.id not in known]
        if batch and not fresh:
            break  # the server repeats a page (ignores `page`?): we cannot see further
        seen.extend(fresh)
        if len(batch) < PAGE_SIZE or any(window.reached(p) for p in batch):
            complete = True  # the end, or posts older than the first send
            break
    found = find_match(
        message,
        seen,
        taken=taken,
        since=window.since,
        after_id=window.floor,
        author_guid=author_guid,
    )
    return ReadBack(found, complete, pages)


def find_match(
    message: str,
    posts: Iterable[Post],
    *,
    taken: set[int],
    since: datetime | None,
    author_guid: str,
    after_id: int | None = None,
) -> Post | None:
    """The oldest post by `author_guid` with the same (normalised) text, not claimed yet.

    A post by someone else, or whose author the server did not name, never matches: a
    colleague's identical "Goedemorgen allemaal!" is not ours. `after_id` (the baseline, or
    the newest post id we had on the server before the first attempt) and, for rows older
    than baselines, `since` keep an identical earlier post of ours from counting.
    """
    if not author_guid:
        return None
    wanted = normalise(message)
    for post in sorted(posts, key=lambda p: p.id):
        if post.id in taken or normalise(post.message) != wanted:
            continue
        if post.author is None or post.author.guid != author_guid:
            continue
        if after_id is not None and post.id <= after_id:
            continue
        if since is not None and post.created_at is not None and post.created_at < since:
            continue
        return post
    return None


def storable_id(value: int | None) -> int | None:
    """A server id as SQLite can hold it; None when it is out of range (logged by the caller)."""
    if value is None or not -INT64_MAX - 1 <= value <= INT64_MAX:
        return None
    return value
