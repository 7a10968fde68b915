"""The backend-neutral intranet port: what desktop/ needs from any intranet connector."""

from __future__ import annotations

from typing import Protocol

from services.models import (
    Capabilities,
    CommentApi,
    Container,
    CurrentUser,
    NotificationPage,
    Poll,
    Post,
    SignInResult,
    TopicChoice,
    UnseenProbe,
)

MAX_PAGE_SIZE = 50


class IntranetPort(Protocol):
    """One signed-in (or about to sign in) connection to an intranet.

    Every method raises only `services.errors.ServiceError` subclasses.
    """

    @property
    def base_url(self) -> str:
        """The intranet's web address, without the API prefix and without a trailing slash."""
        ...

    async def sign_in(self, username: str, password: str) -> SignInResult:
        """Exchange username+password for a token and use that token from now on."""
        ...

    def use_token(self, token: str) -> None:
        """Use an existing token (issued by an admin or stored in the keychain)."""
        ...

    async def current_user(self) -> CurrentUser:
        """Who am I; also the cheapest credential check."""
        ...

    async def probe_unseen(self) -> UnseenProbe:
        """The cheap probe: badge count and newest item, a few hundred bytes."""
        ...

    async def list_notifications(
        self, *, unseen_only: bool = False, page: int = 1, limit: int = 20
    ) -> NotificationPage:
        """One page of notifications, newest first; malformed items are skipped."""
        ...

    async def mark_all_seen(self) -> None:
        """Mark every notification as seen."""
        ...

    async def capabilities(self) -> Capabilities:
        """What the server offers (modules, comment API shape)."""
        ...

    async def list_spaces(self, *, page: int = 1, limit: int = 20) -> tuple[Container, ...]:
        """Spaces visible to the user (targets for a post); malformed items are skipped."""
        ...

    async def create_post(
        self, contentcontainer_id: int, message: str, *, topics: tuple[str, ...] = ()
    ) -> Post:
        """Create a post in a container; not idempotent (the outbox reconciles)."""
        ...

    async def topic_choice(self, target: Container) -> TopicChoice:
        """The topics a post in `target` may carry, and whether new ones may be added."""
        ...

    async def list_posts(
        self, contentcontainer_id: int, *, limit: int = 20, page: int = 1
    ) -> tuple[Post, ...]:
        """A page of a container's posts, newest first (to reconcile an ambiguous post)."""
        ...

    async def comment_on_post(
        self, post_id: int | None, content_id: int | None, message: str, *, api: CommentApi
    ) -> int:
        """Comment on a post (1.18 needs the post id, 1.19 the content id); the comment id."""
        ...

    async def list_recent_posts(self, *, limit: int = 20) -> tuple[Post, ...]:
        """The newest posts the user can see, in any container."""
        ...

    async def reconnect(self) -> None:
        """Drop pooled connections (after a suspend or a network change)."""
        ...

    def entry_url(self, notification_id: int) -> str:
        """The web page that opens a notification's target and marks it seen."""
        ...

    async def aclose(self) -> None:
        """Release the connection pool."""
        ...

    async def list_polls(self, *, page: int = 1, limit: int = 20) -> tuple[tuple[Poll, ...], int]:
        """A page of the polls the user can see, newest first, and the number of pages."""
        ...

    async def get_poll(self, poll_id: int) -> Poll:
        """One poll."""
        ...

    async def my_votes(self, poll_id: int) -> frozenset[int]:
        """The answer ids of the user's own vote; empty when the user has not voted."""
        ...

    async def vote(self, poll_id: int, answer_ids: tuple[int, ...]) -> None:
        """Vote; a user who voted already must reset first (the vote is not changed)."""
        ...

    async def reset_vote(self, poll_id: int) -> None:
        """Withdraw the user's vote."""
        ...
