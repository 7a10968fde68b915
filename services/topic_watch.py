"""The outbox's view of the intranet, watching topics: HumHub answers a new post with 200 even
when it dropped topics the user may not create (a plain member's new topic in a space), so the
only sign is the post that comes back. Pure asyncio; no Qt."""

from __future__ import annotations

from collections.abc import Callable

from services.models import CurrentUser, Post, dropped_topics
from services.outbox import PostingPort


class TopicWatch:
    """The outbox's port: tells when a new post came back without topics it asked for
    (HumHub answers 200 and drops a member's new topic without a word)."""

    def __init__(self, port: PostingPort, on_dropped: Callable[[Post, tuple[str, ...]], None]):
        self._port, self._on_dropped = port, on_dropped

    async def create_post(
        self, contentcontainer_id: int, message: str, *, topics: tuple[str, ...] = ()
    ) -> Post:
        post = await self._port.create_post(contentcontainer_id, message, topics=topics)
        dropped = dropped_topics(topics, post.topics)
        if dropped:
            self._on_dropped(post, dropped)
        return post

    async def current_user(self) -> CurrentUser:
        return await self._port.current_user()

    async def list_posts(
        self, contentcontainer_id: int, *, limit: int = 20, page: int = 1
    ) -> tuple[Post, ...]:
        return await self._port.list_posts(contentcontainer_id, limit=limit, page=page)
