"""A scripted in-memory intranet port for poller and controller tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from services.errors import ServiceError
from services.models import (
    Capabilities,
    CommentApi,
    Container,
    CurrentUser,
    Notification,
    NotificationKind,
    NotificationPage,
    Person,
    Poll,
    Post,
    SignInResult,
    TopicChoice,
    UnseenProbe,
)

ME = Person(1, "g", "Sanne")  # the signed-in user: `current_user`, author of created posts


def make_notification(nid: int, text: str = "", *, who: str = "Jan de Boer") -> Notification:
    """A like notification with a predictable text."""
    return Notification(
        id=nid,
        kind=NotificationKind.LIKE,
        class_name="humhub\\modules\\like\\notifications\\NewLike",
        text=text or f"{who} vindt je bericht {nid} leuk.",
        originator=Person(id=nid + 100, guid=f"guid-{nid}", display_name=who),
        created_at=None,
    )


@dataclass
class FakePort:
    """Serves `unseen` as the server's unseen list; `fail_with` makes the next calls raise."""

    unseen: list[Notification] = field(default_factory=list)
    fail_with: list[ServiceError] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)
    on_call: Callable[[str], None] | None = None
    base: str = "https://intranet.example"
    recent_posts: list[Post] = field(default_factory=list)
    post_topics: list[tuple[str, ...]] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)  # newest last; create_post appends
    commit_then_fail: list[ServiceError] = field(default_factory=list)  # posted, answer lost
    spaces: list[Container] = field(default_factory=list)
    # per contentcontainer id; a container without one takes every topic (may create)
    topic_choices: dict[int, TopicChoice] = field(default_factory=dict)
    fail_on: dict[str, list[ServiceError]] = field(default_factory=dict)  # per method, first
    polls: list[Poll] = field(default_factory=list)  # newest first, as the server lists them
    votes: dict[int, frozenset[int]] = field(default_factory=dict)  # poll id → my answer ids

    @property
    def base_url(self) -> str:
        return self.base

    def _enter(self, name: str) -> None:
        self.calls.append(name)
        if self.on_call is not None:
            self.on_call(name)
        if self.fail_on.get(name):
            raise self.fail_on[name].pop(0)
        if self.fail_with:
            raise self.fail_with.pop(0)

    async def sign_in(self, username: str, password: str) -> SignInResult:
        self._enter("sign_in")
        return SignInResult("token", None)

    def use_token(self, token: str) -> None:
        self.calls.append("use_token")

    async def current_user(self) -> CurrentUser:
        self._enter("current_user")
        return CurrentUser(ME, "demo", "demo@example.org", 1)

    async def probe_unseen(self) -> UnseenProbe:
        self._enter("probe_unseen")
        newest = self.unseen[0].fingerprint if self.unseen else None
        return UnseenProbe(len(self.unseen), newest)

    async def list_notifications(
        self, *, unseen_only: bool = False, page: int = 1, limit: int = 20
    ) -> NotificationPage:
        self._enter("list_notifications")
        start = (page - 1) * limit
        items = tuple(self.unseen[start : start + limit])
        pages = max(1, -(-len(self.unseen) // limit))
        return NotificationPage(items, len(self.unseen), page, pages)

    async def mark_all_seen(self) -> None:
        self._enter("mark_all_seen")
        self.unseen.clear()

    async def capabilities(self) -> Capabilities:
        self._enter("capabilities")
        return Capabilities(True, CommentApi.V1_18, False)

    async def list_spaces(self, *, page: int = 1, limit: int = 20) -> tuple[Container, ...]:
        self._enter("list_spaces")
        return tuple(self.spaces[(page - 1) * limit : page * limit])

    async def create_post(
        self, contentcontainer_id: int, message: str, *, topics: tuple[str, ...] = ()
    ) -> Post:
        self._enter("create_post")
        self.post_topics.append(topics)
        choice = self.topic_choices.get(contentcontainer_id, TopicChoice(can_create=True))
        attached = tuple(t for t in topics if choice.can_create or t in choice.existing)
        post_id = len(self.posts) + 1
        post = Post(
            post_id,
            post_id + 1000,
            message,
            ME,  # the signed-in user, as `current_user` says
            None,
            f"{self.base}/content/perma?id={post_id + 1000}",
            contentcontainer_id,
            topics=attached,
        )
        self.posts.append(post)
        if self.commit_then_fail:
            raise self.commit_then_fail.pop(0)
        return post

    async def topic_choice(self, target: Container) -> TopicChoice:
        # not in `calls` and never failing: tests that script calls need not know about it
        return self.topic_choices.get(target.contentcontainer_id, TopicChoice(can_create=True))

    async def list_posts(
        self, contentcontainer_id: int, *, limit: int = 20, page: int = 1
    ) -> tuple[Post, ...]:
        self._enter("list_posts")
        mine = [p for p in reversed(self.posts) if p.contentcontainer_id == contentcontainer_id]
        return tuple(mine[(page - 1) * limit : page * limit])

    async def comment_on_post(
        self, post_id: int | None, content_id: int | None, message: str, *, api: CommentApi
    ) -> int:
        self._enter("comment_on_post")
        return 1

    async def list_recent_posts(self, *, limit: int = 20) -> tuple[Post, ...]:
        self._enter("list_recent_posts")
        return tuple(self.recent_posts[:limit])

    async def reconnect(self) -> None:
        self.calls.append("reconnect")

    def entry_url(self, notification_id: int) -> str:
        return f"{self.base}/notification/entry?id={notification_id}"

    async def aclose(self) -> None:
        self.calls.append("aclose")

    async def list_polls(self, *, page: int = 1, limit: int = 20) -> tuple[tuple[Poll, ...], int]:
        self._enter("list_polls")
        start = (page - 1) * limit
        pages = max(1, -(-len(self.polls) // limit))
        return tuple(self.polls[start : start + limit]), pages

    async def get_poll(self, poll_id: int) -> Poll:
        self._enter("get_poll")
        return next(p for p in self.polls if p.id == poll_id)

    async def my_votes(self, poll_id: int) -> frozenset[int]:
        self._enter("my_votes")
        return self.votes.get(poll_id, frozenset())

    async def vote(self, poll_id: int, answer_ids: tuple[int, ...]) -> None:
        self._enter("vote")
        self.votes.setdefault(poll_id, frozenset(answer_ids))  # a second vote changes nothing

    async def reset_vote(self, poll_id: int) -> None:
        self._enter("reset_vote")
        self.votes.pop(poll_id, None)
