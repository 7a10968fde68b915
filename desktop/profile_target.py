"""Posting to "My profile" before the app ever reached the intranet.

The user's profile container id is only known from `/auth/current`. Until then the post
dialog offers a placeholder target; a post queued to it is stored with the placeholder id
and resolved when it is sent: `ProfileResolvingPort` sits between the outbox and the
connector and swaps the placeholder for the profile's container id (read once, then kept).
"""

from __future__ import annotations

from services.errors import ValidationError
from services.models import Container, CurrentUser, Post
from services.outbox import PostingPort

PLACEHOLDER_ID = -1  # never a HumHub id: they start at 1


def placeholder() -> Container:
    """The profile target before it is known: no name, so the picker says "My profile"."""
    return Container(PLACEHOLDER_ID, "", "", PLACEHOLDER_ID, "", is_space=False)


class ProfileResolvingPort:
    """The outbox's port, with the placeholder target resolved to the real profile."""

    def __init__(self, port: PostingPort) -> None:
        self._port = port
        self._profile_id: int | None = None

    async def _resolve(self, contentcontainer_id: int) -> int:
        if contentcontainer_id != PLACEHOLDER_ID:
            return contentcontainer_id
        if self._profile_id is None:
            me = await self._port.current_user()
            if me.contentcontainer_id is None:
                raise ValidationError("the server did not name your profile", status=0)
            self._profile_id = me.contentcontainer_id
        return self._profile_id

    async def create_post(
        self, contentcontainer_id: int, message: str, *, topics: tuple[str, ...] = ()
    ) -> Post:
        target = await self._resolve(contentcontainer_id)
        return await self._port.create_post(target, message, topics=topics)

    async def current_user(self) -> CurrentUser:
        return await self._port.current_user()

    async def list_posts(
        self, contentcontainer_id: int, *, limit: int = 20, page: int = 1
    ) -> tuple[Post, ...]:
        target = await self._resolve(contentcontainer_id)
        return await self._port.list_posts(target, limit=limit, page=page)
